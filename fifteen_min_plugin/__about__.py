"""Plugin identity, read once from metadata.txt (the single source of truth)."""

from __future__ import annotations

import configparser
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    """Locate a deployed file: inside the package (zip install) or beside it (source tree)."""
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} not found next to {PACKAGE_DIR}")


METADATA_PATH = _find("metadata.txt")
RESOURCES_DIR = _find("resources")

_parser = configparser.ConfigParser(interpolation=None)
_parser.read(METADATA_PATH, encoding="utf-8")
_general = _parser["general"]

__title__: str = _general["name"]
__version__: str = _general["version"]
__author__: str = _general["author"]
__email__: str = _general["email"]
__homepage__: str = _general["homepage"]
__tracker__: str = _general["tracker"]
__qgis_minimum__: str = _general["qgisMinimumVersion"]

PLUGIN_ID = PACKAGE_DIR.name
PROVIDER_ID = "fifteenmin"
SETTINGS_PREFIX = "fifteen_min_plugin"
