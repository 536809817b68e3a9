"""Desktop smoke test: the real QGIS binary under Xvfb, the packaged zip, a fresh profile, the demo project.

QGIS runs twice, once set to Chinese exactly as its Options dialog stores it (``zh-Hans``) and once to ``en_US``.
A startup script inside QGIS reports what a user sees; these tests assert on that report.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from desktop_harness import DOCK_WIDTH, desktop_available, run_desktop  # noqa: E402
from package import build  # noqa: E402

pytestmark = pytest.mark.skipif(bool(desktop_available()), reason=desktop_available() or "")

LOCALES = ("zh-Hans", "en_US")
TABS = ("Circles", "Facilities", "Analysis", "Idle assets", "Plan")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _catalogue() -> dict[str, str]:
    """English source → Simplified Chinese translation, straight from the .ts catalogue (an independent oracle)."""
    tree = ElementTree.parse(ROOT / "resources" / "i18n" / "fifteen_min_plugin_zh_CN.ts")
    found = {}
    for message in tree.iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation:
            found.setdefault(source, translation)
    return found


def _expected(text: str, locale: str) -> str:
    return _catalogue()[text] if locale.startswith("zh") else text


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, dict]:
    """One QGIS run per locale on the Chinese demo project (built once with `make demo`'s script)."""
    work = tmp_path_factory.mktemp("desktop")
    package = build(work / "dist" / "fifteen_min_plugin.zip")
    demo = work / "demo"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(demo), "--lang", "zh_CN"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return {
        locale: run_desktop(demo / "fifteen_min_demo.qgz", locale, work / locale, zip_path=package)
        for locale in LOCALES
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_qgis_ran_the_startup_script_without_error(reports, locale):
    report = reports[locale]
    assert report["errors"] == []
    assert [page["name"] for page in report["pages"]] == [
        "circlesPage",
        "facilitiesPage",
        "analysisPage",
        "assetsPage",
        "planPage",
    ]
    assert all(page["enabled"] for page in report["pages"])


@pytest.mark.parametrize("locale", LOCALES)
def test_dock_title_and_page_labels_are_in_the_language_qgis_stored(reports, locale):
    report = reports[locale]
    assert report["dock_title"] == _expected("15-Minute Living Circle", locale)
    assert report["tabs"] == [_expected(tab, locale) for tab in TABS]
    assert report["workspace_group"] == _expected("Workspace", locale)
    for page in report["pages"]:
        assert page["purpose"], page["name"]
        if locale.startswith("zh"):
            assert CJK.search(page["purpose"]), page["purpose"]
        else:
            assert not CJK.search(page["purpose"]), page["purpose"]
    assert report["workspace_label"].startswith(_expected("Workspace: {path}", locale).split("{")[0])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_canvas_has_a_valid_projected_crs_and_shows_the_sample(reports, locale):
    report = reports[locale]
    assert report["crs"]["valid"] and not report["crs"]["geographic"], report["crs"]
    xmin, ymin, xmax, ymax = report["extent"]
    assert xmax > xmin and ymax > ymin
    sxmin, symin, sxmax, symax = report["sample_extent"]
    assert xmin <= sxmin and ymin <= symin and xmax >= sxmax and ymax >= symax, (
        report["extent"],
        report["sample_extent"],
    )
    assert (xmax - xmin) < 20 * (sxmax - sxmin)  # zoomed to the sample, not to the world


@pytest.mark.parametrize("locale", LOCALES)
def test_no_widget_of_the_dock_is_wider_than_the_dock(reports, locale):
    for page in reports[locale]["pages"]:
        assert page["dock_width"] <= DOCK_WIDTH + 4, page["dock_width"]
        assert page["too_wide"] == [], (page["name"], page["too_wide"])


def test_no_ascii_code_in_any_chinese_label(reports):
    leaked = {page["name"]: page["codes"] for page in reports["zh-Hans"]["pages"] if page["codes"]}
    assert leaked == {}
