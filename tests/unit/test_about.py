"""__about__ reads the identity of the plugin from metadata.txt."""

import configparser
from pathlib import Path

from fifteen_min_plugin import __about__

ROOT = Path(__file__).resolve().parents[2]


def test_metadata_is_the_single_source():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert __about__.__version__ == general["version"]
    assert __about__.__title__ == general["name"]
    assert __about__.__qgis_minimum__ == "3.28"


def test_metadata_is_complete_for_the_plugin_repository():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    required = [
        "name",
        "qgisMinimumVersion",
        "description",
        "about",
        "version",
        "author",
        "email",
        "tracker",
        "repository",
        "homepage",
        "tags",
        "category",
        "icon",
        "experimental",
        "hasProcessingProvider",
        "supportsQt6",
    ]
    assert [key for key in required if not general.get(key)] == []
    assert general["hasProcessingProvider"] == "yes"
    assert general["supportsQt6"] == "True"
    assert (ROOT / "resources" / "icons" / "plugin.svg").exists()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in general["about"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in general["description"])
