"""The language QGIS shows its interface in, and the plugin catalogue that matches it.

QGIS spells Simplified Chinese several ways: 3.40's Options dialog stores ``zh-Hans``, older versions and the
system give ``zh_CN``, Singapore gives ``zh_SG``. All of them get the Simplified catalogue (``zh_CN``).
Traditional spellings (``zh_TW``, ``zh-Hant``, ``zh_HK``) get a Traditional catalogue if one ships, otherwise
English: Simplified text is not what a Traditional reader chose.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from fifteen_min_plugin.__about__ import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"
CATALOGUE_PREFIX = "fifteen_min_plugin_"
SIMPLIFIED = "zh_CN"
TRADITIONAL = "zh_TW"
_TRADITIONAL_TAGS = {"hant", "tw", "hk", "mo"}


class Messages:
    """Base of a module's translation context: ``class RoadMessages(Messages)`` translates in "RoadMessages".

    pylupdate5 files ``RoadMessages.tr("…")`` under "RoadMessages", the subclass's name, which is the context
    `tr` asks for at run time.
    """

    @classmethod
    def tr(cls, text: str) -> str:
        """`text` translated in the context named after this class."""
        return QCoreApplication.translate(cls.__name__, text)


def interface_locale() -> str:
    """The user's QGIS locale as QGIS stores it (e.g. "zh-Hans", "zh_CN"): the override, else the system's."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return str(settings.value("locale/userLocale", "") or "")
    return QLocale.system().name()


def _tags(locale: str) -> list[str]:
    """Lower-case subtags of a locale name: "zh-Hans_CN.UTF-8@x" → ["zh", "hans", "cn"]."""
    name = locale.split(".")[0].split("@")[0].replace("-", "_").lower()
    return [tag for tag in name.split("_") if tag]


def catalogue_name(locale: str, folder: Path = I18N_DIR) -> Optional[str]:
    """The plugin catalogue for a QGIS locale ("zh_CN", "zh_TW"), None when the plugin speaks English."""
    tags = _tags(locale)
    if not tags or tags[0] != "zh":
        return None
    if _TRADITIONAL_TAGS & set(tags[1:]):
        return TRADITIONAL if (folder / f"{CATALOGUE_PREFIX}{TRADITIONAL}.qm").exists() else None
    return SIMPLIFIED


def catalogue_path(locale: Optional[str] = None, folder: Path = I18N_DIR) -> Optional[Path]:
    """The compiled catalogue (.qm) for `locale` (default: the interface's), None for English or when not built."""
    name = catalogue_name(interface_locale() if locale is None else locale, folder)
    path = folder / f"{CATALOGUE_PREFIX}{name}.qm" if name else None
    return path if path is not None and path.exists() else None


def is_chinese(locale: Optional[str] = None) -> bool:
    """True when the plugin speaks Chinese, i.e. the interface language has a Chinese plugin catalogue."""
    return catalogue_name(interface_locale() if locale is None else locale) is not None
