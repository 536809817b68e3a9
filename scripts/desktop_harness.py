"""The real QGIS desktop under Xvfb with the packaged plugin, a throwaway profile and the demo project.

A startup script (QGIS's ``--code``) waits for the project and the plugin, shows the dock at its default width,
walks through its pages and writes a JSON report of what a user sees: titles and labels, widgets wider than the
dock, codes that leaked into the text, the canvas CRS and extent. It can also grab each page as a PNG. The desktop
smoke test (tests/qgis/test_desktop.py) asserts on the report; `make screenshots` takes the README images with it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any, Optional

from qgis_profile import prepare_profile, venv_pythonpath

#: the dock's default width: no widget may need more
DOCK_WIDTH = 440

STARTUP = r"""
import json
import re
import traceback
from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel, QScrollArea, QTabWidget, QWidget,
)
from qgis.utils import iface

REPORT = Path({report!r})
SHOTS = {shots!r}
WIDTH = {width!r}
NETWORK_ONLY = {network_only!r}
report = {{"errors": [], "pages": []}}
started = [0]


def panel():
    return next((d for d in iface.mainWindow().findChildren(QgsDockWidget) if d.objectName() == "FifteenMinDock"), None)


def finish(code=0):
    REPORT.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    QApplication.instance().exit(code)


def guarded(step):
    def run(*args):
        try:
            step(*args)
        except Exception:
            report["errors"].append(traceback.format_exc())
            finish(1)
    return run


def codes():
    from fifteen_min_plugin.core.assets import ASSET_TYPES
    from fifteen_min_plugin.core.facilities.categories import load_categories
    from fifteen_min_plugin.core.workspace.schema import ASSET_STATUSES

    words = set(ASSET_STATUSES) | {{item.code for item in ASSET_TYPES}} | {{c.code for c in load_categories()}}
    # a code word inside an English phrase ("Community park") is English, not a leaked code; snake_case always is
    listed = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(
        r"(?<![A-Za-z0-9_])(?<![A-Za-z] )((?:" + listed + r")(?![A-Za-z0-9_])(?! [A-Za-z])"
        + r"|[a-z]+_[a-z_]+(?![A-Za-z0-9_]))"
    )


def visible_texts(root):
    # every text the plugin shows; layer and field pickers are left out (they list the user's own names)
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or type(widget).__name__ in ("QgsMapLayerComboBox", "QgsFieldComboBox"):
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(model.rowCount(), 50)):
                    texts.append(str(model.index(row, column).data() or ""))
    return [text for text in texts if text]


def overflows(dock):
    # the outermost widgets reaching past the dock's right edge, and scroll areas that scroll sideways
    found = []
    limit = dock.width()
    for widget in dock.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not dock.window():
            continue
        left = widget.mapTo(dock, QPoint(0, 0)).x()
        parent = widget.parentWidget()
        parent_right = parent.mapTo(dock, QPoint(0, 0)).x() + parent.width() if parent is not dock else 0
        if left + widget.width() > limit + 1 and parent_right <= limit + 1:
            text = getattr(widget, "text", lambda: "")
            found.append(
                {{"widget": type(widget).__name__, "name": widget.objectName(), "right": left + widget.width(),
                  "text": text() if callable(text) else ""}}
            )
    for area in dock.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            found.append({{"widget": "QScrollArea", "name": area.objectName(), "right": -1, "text": "scrolls"}})
    return found


@guarded
def start():
    dock = panel()
    project = QgsProject.instance()
    if dock is None or not project.fileName() or not project.mapLayers():
        started[0] += 1
        if started[0] > 120:
            report["errors"].append("the plugin's dock or the project did not appear within 60 s")
            finish(1)
            return
        QTimer.singleShot(500, start)
        return
    window = iface.mainWindow()
    window.resize(1600, 1000)
    if NETWORK_ONLY:
        for layer in project.mapLayers().values():
            if layer.source().endswith("layername=circles"):
                layer.setSubsetString("\"method\" = 'network'")
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [WIDTH], Qt.Orientation.Horizontal)
    canvas = iface.mapCanvas()
    crs = canvas.mapSettings().destinationCrs()
    extent = canvas.extent()
    communities = next(l for l in project.mapLayers().values() if l.source().endswith("layername=communities"))
    sample = QgsCoordinateTransform(communities.crs(), crs, project).transformBoundingBox(communities.extent())
    report.update(
        {{
            "dock_title": dock.windowTitle(),
            "workspace_label": dock.ui.workspaceLabel.text(),
            "workspace_group": dock.ui.workspaceGroup.title(),
            "tabs": [dock.ui.pages.tabText(i) for i in range(dock.ui.pages.count())],
            "crs": {{"authid": crs.authid(), "valid": crs.isValid(), "geographic": crs.isGeographic()}},
            "extent": [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()],
            "sample_extent": [sample.xMinimum(), sample.yMinimum(), sample.xMaximum(), sample.yMaximum()],
        }}
    )
    QTimer.singleShot(1000, lambda: page(0))


@guarded
def page(index):
    dock = panel()
    pages = dock.ui.pages
    if index >= pages.count():
        finish(0)
        return
    pages.setCurrentIndex(index)
    QTimer.singleShot(SHOTS and 2500 or 400, lambda: measure(index))


@guarded
def measure(index):
    dock = panel()
    pages = dock.ui.pages
    widget = pages.widget(index)
    purpose = next((l.text() for l in widget.findChildren(QLabel) if l.objectName().endswith("Purpose")), "")
    texts = visible_texts(dock)
    pattern = codes()
    plain = [re.sub(r"<[^>]+>|\S*[/\\]\S*", " ", text) for text in texts]  # markup and file paths are no codes
    leaked = sorted({{m.group(1) for text in plain for m in pattern.finditer(text)}})
    report["pages"].append(
        {{
            "name": widget.objectName(),
            "tab": pages.tabText(index),
            "enabled": widget.isEnabled(),
            "purpose": purpose,
            "dock_width": dock.width(),
            "too_wide": overflows(dock),
            "codes": leaked,
            "texts": texts,
        }}
    )
    if SHOTS and index < len(SHOTS):
        iface.messageBar().clearWidgets()  # QGIS's own notices (e.g. font downloads offline) are not ours
        iface.mainWindow().grab().save(SHOTS[index])
    page(index + 1)


QTimer.singleShot(500, start)
"""


def desktop_available() -> Optional[str]:
    """Why the desktop cannot run here ("" / None when it can)."""
    missing = [tool for tool in ("qgis", "xvfb-run") if shutil.which(tool) is None]
    return f"{', '.join(missing)} not installed (make setup)" if missing else None


def run_desktop(
    project: Path,
    locale: str,
    work: Path,
    zip_path: Optional[Path] = None,
    shots: tuple[Path, ...] = (),
    network_only: bool = False,
    timeout: int = 150,
) -> dict[str, Any]:
    """Start QGIS with the packaged plugin in a fresh profile set to `locale`, open `project`; return the report."""
    work.mkdir(parents=True, exist_ok=True)
    profiles = prepare_profile(work / "qgis", locale, zip_path)
    report = work / "report.json"
    report.unlink(missing_ok=True)
    script = work / "startup.py"
    script.write_text(
        STARTUP.format(report=str(report), shots=[str(s) for s in shots], width=DOCK_WIDTH, network_only=network_only),
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=venv_pythonpath())
    for name in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "LC_ALL", "LANGUAGE"):
        env.pop(name, None)
    env["LANG"] = "C.UTF-8"  # the language comes from the profile, as a user sets it in QGIS
    command = [
        "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
        "qgis", "--profiles-path", str(profiles), "--profile", "default", "--nologo", "--noversioncheck",
        "--code", str(script), str(project),
    ]  # fmt: skip
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # xvfb-run, Xvfb and QGIS together
        output, _ = process.communicate()
    if not report.exists():
        raise RuntimeError(f"QGIS wrote no report (exit {process.returncode}):\n{output[-3000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    result["returncode"] = process.returncode
    return result
