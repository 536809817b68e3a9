"""Find candidates on the Haidian sample: what the register holds is recognised and never ticked."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import shapely
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt

from fifteen_min_plugin.core.assets.matching import NEW, POSSIBLE, REGISTERED, match_candidates
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.circles.writer import write_circles
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.assets_page import AssetsPage, CandidatesDialog

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
METRIC = QgsCoordinateReferenceSystem("EPSG:4548")


def _sample(name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture()
def seeded(tmp_path, processing):
    """A workspace with radius circles and the demo's seeded assets (no source reference), plus one candidate
    registered from the scan with its source reference."""
    project = QgsProject.instance()
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    layers = dict(zip(workspace.layer_names(), workspace.add_to_project(project)))
    radius = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": _sample("communities"), "ORIGIN_ID_FIELD": "community_id", "OUTPUT": "memory:"},
    )["OUTPUT"]
    write_circles(layers["circles"], radius, project.transformContext())
    register = AssetRegister(layers["idle_assets"], layers["asset_events"], user="test")
    seeds = _sample("idle_assets_seed")
    for seed in seeds.getFeatures():
        values = {name: seed[name] for name in ("name", "asset_type", "area_m2", "capacity", "idle_windows")}
        register.add({**values, "synthetic": 1}, seed.geometry(), seeds.crs(), "seeded by hand")
    parking = _sample("haidian_parking_and_buildings")
    assert project.addMapLayer(parking) is parking
    candidates = processing.run("fifteenmin:idlecandidates", {"INPUT": [parking], "OUTPUT": "memory:"})["OUTPUT"]
    first = next(f for f in candidates.getFeatures() if f["asset_type"] == "parking")
    values = {"asset_type": "parking", "name": first["name"] or "停车场", "source_layer": first["source_layer"]}
    register.add({**values, "source_fid": first["source_fid"]}, first.geometry(), candidates.crs(), "from the scan")
    yield workspace, layers, parking, candidates, (str(first["source_layer"]), int(first["source_fid"]))
    project.removeAllMapLayers()


def _metric(layer: QgsVectorLayer) -> list[shapely.Geometry]:
    """Every feature's geometry in metres (EPSG:4548), through shapely: the oracle's own geometry engine."""
    transform = QgsCoordinateTransform(layer.crs(), METRIC, QgsProject.instance())
    shapes = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        shapes.append(shapely.from_wkb(bytes(geometry.asWkb())))
    return shapes


def test_candidates_on_or_next_to_registered_assets_are_recognised(seeded):
    _workspace, layers, _parking, candidates, source = seeded
    matches = match_candidates(candidates, layers["idle_assets"], QgsProject.instance().transformContext())
    features = list(candidates.getFeatures())
    assets = _metric(layers["idle_assets"])
    near = []
    for shape in _metric(candidates):
        reach = 25.0 if shape.geom_type == "Point" else 5.0
        near.append(any(shape.distance(asset) <= reach for asset in assets))
    by_source = [(str(f["source_layer"]), int(f["source_fid"])) == source for f in features]
    assert sum(by_source) == 1 and sum(near) >= 2  # the sample has seeded assets on top of OSM candidates
    for match, is_near, is_source in zip(matches, near, by_source):
        if is_source:
            assert match.status == REGISTERED and match.by == "source"
        elif is_near:
            assert match.status == POSSIBLE and match.by == "footprint"
        else:
            assert match.status in (NEW, POSSIBLE)
            assert match.status == NEW or match.by == "name"


def test_the_dialog_ticks_only_new_candidates_shows_circle_names_and_the_source(seeded, qgis_canvas):
    workspace, layers, parking, _candidates, _source = seeded
    bar = QgsMessageBar()
    page = AssetsPage(canvas=qgis_canvas, message_bar=bar, workspace=lambda: workspace, project=QgsProject.instance())
    try:
        page.scan([parking])
        deadline = time.monotonic() + 60
        while page.task is not None or QgsApplication.taskManager().countActiveTasks():
            assert time.monotonic() < deadline
            QCoreApplication.processEvents()
        dialog = page.dialog
        assert isinstance(dialog, CandidatesDialog)
        ticked = set(dialog.ticked())
        for row, match in enumerate(dialog.matches):
            assert (row in ticked) == (match.status == NEW), (row, match)
        assert any(match.status != NEW for match in dialog.matches)

        headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        circles_column, source_column = headers.index("Circles"), headers.index("Source")
        circle_ids = {str(f["circle_id"]) for f in layers["circles"].getFeatures()}
        circle_names = {str(f["name"]) for f in layers["circles"].getFeatures()}
        shown = [dialog.table.item(row, circles_column).text() for row in range(dialog.table.rowCount())]
        assert any(shown)
        for text in filter(None, shown):
            parts = set(re.split("、", text))
            assert not parts & circle_ids and parts <= circle_names, text
        dialog.show()
        QCoreApplication.processEvents()
        table = dialog.table
        right = table.columnViewportPosition(source_column) + table.columnWidth(source_column)
        assert right <= table.viewport().width()
        registered_row = next(row for row, m in enumerate(dialog.matches) if m.status == REGISTERED)
        assert dialog.table.item(registered_row, 0).checkState() == Qt.CheckState.Unchecked

        before = layers["idle_assets"].featureCount()
        dialog.accept()
        assert layers["idle_assets"].featureCount() == before + len(ticked)
    finally:
        page.teardown()
