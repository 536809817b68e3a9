"""`make screenshots`: start the real QGIS desktop under Xvfb with the demo project and grab the dock pages."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from qgis_profile import ROOT, prepare_profile, venv_pythonpath

GRAB = r"""
from pathlib import Path
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.gui import QgsDockWidget
from qgis.utils import iface

OUT = Path({out!r})
PAGES = {pages!r}
window = iface.mainWindow()
window.resize(1600, 1000)


def dock():
    return next(d for d in window.findChildren(QgsDockWidget) if d.objectName() == "FifteenMinDock")


def show(index):
    panel = dock()
    panel.show()
    panel.raise_()
    window.resizeDocks([panel], [520], Qt.Orientation.Horizontal)
    panel.ui.pages.setCurrentIndex(index)
    iface.mapCanvas().zoomToFullExtent()


def grab(index, name):
    iface.messageBar().clearWidgets()  # QGIS's own notices (e.g. font downloads offline) are not ours
    window.grab().save(str(OUT / (name + ".png")))
    if index + 1 < len(PAGES):
        show(index + 1)
        QTimer.singleShot(2500, lambda: grab(index + 1, PAGES[index + 1]))
    else:
        QApplication.instance().exit(0)


def start():
    from qgis.core import QgsProject

    for layer in QgsProject.instance().mapLayers().values():
        if layer.source().endswith("layername=circles"):
            layer.setSubsetString("\"method\" = 'network'")  # the picture shows the walking isochrones only
    show(0)
    QTimer.singleShot(2500, lambda: grab(0, PAGES[0]))


QTimer.singleShot(4000, start)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--locale", default="en_US")
    args = parser.parse_args()
    project = ROOT / "demo_output" / "fifteen_min_demo.qgz"
    if not project.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(project.parent)], check=True)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="fifteenmin-shots-"))
    profiles = prepare_profile(work / "qgis", args.locale)
    suffix = "" if args.locale.startswith("en") else f"_{args.locale}"
    pages = [f"dock_{name}{suffix}" for name in ("circles", "facilities", "analysis", "assets")]
    script = work / "grab.py"
    script.write_text(GRAB.format(out=str(args.out), pages=pages), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=venv_pythonpath())
    env.pop("QT_QPA_PLATFORM", None)
    command = [
        "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
        "qgis", "--profiles-path", str(profiles), "--profile", "default", "--nologo", "--noversioncheck",
        "--code", str(script), str(project),
    ]  # fmt: skip
    result = subprocess.run(command, env=env, timeout=300, check=False)
    report = _report_page(project.parent / "fifteen_min_demo_circle_plans.pdf", args.out / f"report_page{suffix}.png")
    shots = [args.out / f"{name}.png" for name in pages] + [report]
    for shot in shots:
        print(shot, "ok" if shot.exists() else "MISSING")
    if not suffix:
        _help_images(shots)
    return result.returncode


def _report_page(pdf: Path, png: Path) -> Path:
    """Page 2 of the demo's circle-plan atlas (the first circle) as a PNG, via poppler's pdftoppm."""
    stem = png.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "2", "-l", "2", "-singlefile", str(pdf), str(stem)], check=True
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
