"""The language QGIS shows its interface in."""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QLocale


def interface_locale() -> str:
    """The user's QGIS locale (e.g. "zh_CN"): the override in QGIS settings, else the system's."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return str(settings.value("locale/userLocale", "") or "")
    return QLocale.system().name()


def is_chinese() -> bool:
    """True when the interface is in Chinese."""
    return interface_locale().lower().startswith("zh")
