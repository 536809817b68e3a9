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
    for name in pages:
        print(args.out / f"{name}.png", "ok" if (args.out / f"{name}.png").exists() else "MISSING")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
