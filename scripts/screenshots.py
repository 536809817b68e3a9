"""`make screenshots`: the README images from the real QGIS desktop under Xvfb, in Chinese by default.

Builds the demo project in the chosen language, then grabs each dock page with the desktop smoke test's harness
(scripts/desktop_harness.py) and page 2 of the circle-plan atlas.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop_harness import desktop_available, run_desktop
from qgis_profile import ROOT

PAGES = ("circles", "facilities", "analysis", "assets")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument(
        "--locale", default="zh-Hans", help="QGIS's language setting (default: 简体中文 as 3.40 stores it)"
    )
    args = parser.parse_args()
    reason = desktop_available()
    if reason:
        raise SystemExit(reason)
    work = Path(tempfile.mkdtemp(prefix="fifteenmin-shots-"))
    demo = work / "demo"
    language = ["--lang", args.locale]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(demo), *language], check=True)
    args.out.mkdir(parents=True, exist_ok=True)
    shots = tuple(args.out / f"dock_{name}.png" for name in PAGES)
    report = run_desktop(demo / "fifteen_min_demo.qgz", args.locale, work / "desktop", shots=shots, network_only=True)
    page = _report_page(demo / "fifteen_min_demo_circle_plans.pdf", args.out / "report_page.png")
    for shot in (*shots, page):
        print(shot, "ok" if shot.exists() else "MISSING")
    _help_images([*shots, page])
    return 0 if not report["errors"] and all(shot.exists() for shot in shots) else 1


def _report_page(pdf: Path, png: Path) -> Path:
    """Page 3 of the demo's circle-plan atlas (the first circle's map, after the cover and the city summary)."""
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "3", "-l", "3", "-singlefile", str(pdf), str(stem)], check=True
    )
    return png


def _help_images(shots: list[Path]) -> None:
    """Copies for the bundled user guide, 900 px wide so the plugin zip stays small."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QImage

    folder = ROOT / "resources" / "help" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    for shot in shots:
        image = QImage(str(shot))
        if image.width() > 900:
            image = image.scaledToWidth(900, Qt.TransformationMode.SmoothTransformation)
        image.save(str(folder / shot.name), "PNG")


if __name__ == "__main__":
    sys.exit(main())
