"""A font family that renders Chinese on Linux, Windows and macOS, for the printed report."""

from __future__ import annotations

from functools import lru_cache

from qgis.core import Qgis, QgsMessageLog
from qgis.PyQt.QtGui import QFontDatabase, QGuiApplication

from fifteen_min_plugin.__about__ import __title__
from fifteen_min_plugin.core.language import Messages

#: Chinese-capable families in order of preference: Linux (Noto / Source Han / WenQuanYi), Windows, macOS
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "Heiti SC",
)


class ReportFonts(Messages):
    """Font lookup; the class name is the translation context of its messages."""


def installed_families() -> set[str]:
    """Every font family Qt can use on this machine."""
    try:
        return set(QFontDatabase.families())  # Qt 6: static
    except TypeError:
        return set(QFontDatabase().families())


def pick_family(installed: set[str], candidates: tuple[str, ...] = CJK_FAMILIES) -> str | None:
    """The first of `candidates` that is installed, or None."""
    return next((family for family in candidates if family in installed), None)


@lru_cache(maxsize=1)
def report_font_family() -> str:
    """The report's font family: the first installed CJK family, else the default one (with a logged warning)."""
    family = pick_family(installed_families())
    if family is not None:
        return family
    fallback = QGuiApplication.font().family()
    QgsMessageLog.logMessage(
        ReportFonts.tr(
            "No Chinese font ({families}) is installed; the report uses {fallback} and Chinese text may not show. "
            "Install Noto Sans CJK SC (Linux: fonts-noto-cjk)."
        ).format(families=", ".join(CJK_FAMILIES), fallback=fallback),
        __title__,
        Qgis.MessageLevel.Warning,
    )
    return fallback
