"""A map without a coordinate system never yields a circle: the tools refuse to start, the writer refuses nonsense."""

from __future__ import annotations

import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from fifteen_min_plugin.core.circles.writer import (
    CircleAttributes,
    add_drawn_circle,
    circle_polygon,
    valid_extent,
    write_circles,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.circles_page import CirclesPage

NO_CRS = QgsCoordinateReferenceSystem()
WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
CONTEXT = QgsCoordinateTransformContext()


@pytest.fixture()
def circles(tmp_path, qgis_app) -> QgsVectorLayer:
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    layer = workspace.layer("circles")
    yield layer
    if layer.isEditable():
        assert layer.rollBack()


def _no_crs_circle() -> QgsGeometry:
    """What the circle tool built on a canvas with no CRS: a 386 m 'circle' spanning hundreds of degrees."""
    return circle_polygon(QgsPointXY(116.35, 40.0), 386.0, NO_CRS, CONTEXT)


def test_the_circle_drawn_without_a_crs_spans_impossible_degrees():
    box = _no_crs_circle().boundingBox()
    assert box.width() > 360 and box.height() > 180  # the state the issue saw: -270…502 / -346…426
    assert not valid_extent(WGS84, CONTEXT).contains(box)


@pytest.mark.parametrize("crs", [NO_CRS, WGS84], ids=["canvas-without-crs", "read-as-degrees"])
def test_a_drawn_circle_outside_the_valid_area_is_never_written(circles, crs):
    with pytest.raises(FifteenMinError) as raised:
        add_drawn_circle(circles, _no_crs_circle(), crs, CircleAttributes(name="x"), CONTEXT)
    assert "nothing was written" in raised.value.message
    assert circles.featureCount() == 0
    assert not circles.isEditable() or not circles.editBuffer().addedFeatures()


def test_a_computed_circle_without_a_finite_area_fails_the_whole_write(circles):
    result = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "result", "memory")
    result.dataProvider().addAttributes([QgsField("minutes", QVariant.Int), QgsField("origin_id", QVariant.String)])
    result.updateFields()
    good = QgsFeature(result.fields())
    good.setAttributes([5, "C1"])
    good.setGeometry(circle_polygon(QgsPointXY(116.35, 40.0), 300.0, WGS84, CONTEXT))
    bad = QgsFeature(result.fields())
    bad.setAttributes([5, "C2"])
    bad.setGeometry(_no_crs_circle())
    assert result.dataProvider().addFeatures([good, bad])[0]
    with pytest.raises(FifteenMinError) as raised:
        write_circles(circles, result, CONTEXT)
    assert "2" in raised.value.message
    assert circles.featureCount() == 0
    bad_id = next(f.id() for f in result.getFeatures() if f["origin_id"] == "C2")
    assert result.dataProvider().deleteFeatures([bad_id])
    assert len(write_circles(circles, result, CONTEXT)) == circles.featureCount() == 1
    area = next(circles.getFeatures())["area_m2"]
    assert math.isclose(area, math.pi * 300.0**2, rel_tol=0.01)


@pytest.fixture()
def page(qgis_canvas, tmp_path):
    qgis_canvas.window().show()
    QCoreApplication.processEvents()
    workspace = Workspace.create(tmp_path / "page.gpkg")
    bar = QgsMessageBar()
    project = QgsProject.instance()
    widget = CirclesPage(canvas=qgis_canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    yield widget, bar
    widget.teardown()
    project.removeAllMapLayers()
    qgis_canvas.setDestinationCrs(WGS84)


@pytest.mark.parametrize("tool_name", ["circle", "polygon"])
def test_draw_tools_refuse_to_start_on_a_map_without_crs(page, qgis_canvas, tool_name):
    widget, bar = page
    action, tool = getattr(widget, f"{tool_name}_action"), getattr(widget, f"{tool_name}_tool")
    qgis_canvas.setDestinationCrs(NO_CRS)
    action.trigger()
    assert qgis_canvas.mapTool() is not tool
    assert not action.isChecked()
    texts = [item.text() for item in bar.items()]
    assert any("coordinate reference system" in text for text in texts), texts

    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4548"))
    qgis_canvas.setExtent(QgsRectangle(442000, 4427000, 445000, 4430000))
    action.trigger()
    assert qgis_canvas.mapTool() is tool
    assert action.isChecked()
    qgis_canvas.unsetMapTool(tool)
