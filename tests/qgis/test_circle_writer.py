"""Circles reach the workspace GeoPackage: drawn ones undoably, computed ones all or nothing.

Results are read back through fresh OGR layers on the file, independent of the layer the writer used.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.circles.communities import community_choices
from fifteen_min_plugin.core.circles.styles import style_levels
from fifteen_min_plugin.core.circles.writer import (
    CircleAttributes,
    add_drawn_circle,
    circle_polygon,
    level_for_radius,
    write_circles,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.workspace import Workspace

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
UTM50 = QgsCoordinateReferenceSystem("EPSG:32650")
# three communities in Haidian, Beijing, in UTM zone 50N metres
ORIGINS = [("C1", 443000.0, 4428000.0), ("C2", 444200.0, 4428900.0), ("C3", 442100.0, 4429600.0)]


@pytest.fixture(scope="module")
def empty_workspace(tmp_path_factory, qgis_app) -> Path:
    return Workspace.create(tmp_path_factory.mktemp("template") / "haidian.gpkg").path


@pytest.fixture()
def workspace(empty_workspace, tmp_path):
    """A fresh copy of an empty workspace (creating one per test would dominate the run time)."""
    return Workspace.open(shutil.copy(empty_workspace, tmp_path / "haidian.gpkg"))


def _context():
    return QgsProject.instance().transformContext()


def _on_file(workspace: Workspace) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{workspace.path}|layername=circles", "check", "ogr")
    assert layer.isValid()
    return layer


def _geodesic() -> QgsDistanceArea:
    measure = QgsDistanceArea()
    measure.setSourceCrs(WGS84, _context())
    assert measure.setEllipsoid("WGS84")
    return measure


def _origins() -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:32650&field=community_id:string&field=name:string", "origins", "memory")
    features = []
    for code, x, y in ORIGINS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, f"Community {code}"])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def _draw(layer: QgsVectorLayer, radius: float = 450.0) -> QgsFeature:
    mercator = QgsCoordinateReferenceSystem("EPSG:3857")
    centre = QgsPointXY(12952000.0, 4870700.0)
    geometry = circle_polygon(centre, radius, mercator, _context())
    attributes = CircleAttributes(name="Qinghua Yuan", community_id="C1", level_min=level_for_radius(radius), note="n")
    return add_drawn_circle(layer, geometry, mercator, attributes, _context(), radius_m=radius)


def test_levels_follow_gb50180_radii():
    assert [level_for_radius(r) for r in (150, 300, 301, 500, 501, 1000, 2500)] == [5, 5, 10, 10, 15, 15, 15]


def test_drawn_circle_is_undoable_and_persists_on_commit(workspace):
    layer = workspace.layer("circles")
    _draw(layer)
    assert layer.isEditable()
    assert layer.featureCount() == 1
    assert _on_file(workspace).featureCount() == 0  # only in the edit buffer

    layer.undoStack().undo()
    assert layer.featureCount() == 0
    layer.undoStack().redo()
    assert layer.featureCount() == 1
    assert layer.isEditable()  # left in edit mode, as QGIS digitising does

    assert layer.commitChanges(), layer.commitErrors()
    (saved,) = list(_on_file(workspace).getFeatures())
    assert saved["community_id"] == "C1"
    assert saved["name"] == "Qinghua Yuan"
    assert saved["level_min"] == 10
    assert saved["method"] == "drawn_circle"
    assert saved["radius_m"] == 450.0
    assert saved["note"] == "n"
    assert saved["circle_id"]
    assert saved["created"] not in (None, NULL)
    assert saved.geometry().wkbType() == QgsWkbTypes.Type.MultiPolygon
    # stored in the workspace CRS (WGS84), still a true 450 m circle
    assert saved["area_m2"] == pytest.approx(math.pi * 450**2, rel=0.01)
    measure = _geodesic()
    assert measure.measureArea(saved.geometry()) == pytest.approx(math.pi * 450**2, rel=0.01)
    centre = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3857"), WGS84, _context()).transform(
        QgsPointXY(12952000.0, 4870700.0)
    )
    radii = [measure.measureLine(centre, QgsPointXY(vertex)) for vertex in saved.geometry().vertices()]
    assert min(radii) == pytest.approx(450, rel=0.005)
    assert max(radii) == pytest.approx(450, rel=0.005)


def test_buffercircles_result_is_written_with_levels_and_ids(workspace, processing):
    result = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": _origins(), "ORIGIN_ID_FIELD": "community_id", "RADII_M": "300,500,1000", "OUTPUT": "memory:"},
    )["OUTPUT"]
    layer = workspace.layer("circles")
    written = write_circles(layer, result, _context())
    assert len(written) == 9
    saved = list(_on_file(workspace).getFeatures())
    assert len(saved) == 9
    assert sorted((f["community_id"], f["level_min"], f["radius_m"]) for f in saved) == sorted(
        (code, level, radius) for code, _, _ in ORIGINS for level, radius in ((5, 300.0), (10, 500.0), (15, 1000.0))
    )
    measure = _geodesic()
    for feature in saved:
        assert feature["method"] == "radius"
        assert feature["name"] == f"Community {feature['community_id']}"  # the origin's own field, matched by name
        assert feature["area_m2"] == pytest.approx(math.pi * feature["radius_m"] ** 2, rel=0.01)
        assert measure.measureArea(feature.geometry()) == pytest.approx(feature["area_m2"], rel=1e-6)
    assert len({feature["circle_id"] for feature in saved}) == 9


def test_bulk_write_is_all_or_nothing(workspace, processing):
    layer = workspace.layer("circles")
    good = processing.run("fifteenmin:buffercircles", {"ORIGINS": _origins(), "OUTPUT": "memory:"})["OUTPUT"]
    write_circles(layer, good, _context())
    assert _on_file(workspace).featureCount() == 9

    # a result whose last feature lost its geometry: nothing of it may land
    broken = QgsVectorLayer("MultiPolygon?crs=EPSG:32650&field=origin_id:string&field=minutes:double", "r", "memory")
    features = []
    for number, source in enumerate(good.getFeatures()):
        feature = QgsFeature(broken.fields())
        feature.setAttributes([source["origin_id"], source["minutes"]])
        if number < 8:
            feature.setGeometry(source.geometry())
        features.append(feature)
    assert broken.dataProvider().addFeatures(features)[0]
    with pytest.raises(FifteenMinError, match="Computed circle 9 has no area"):
        write_circles(layer, broken, _context())
    assert _on_file(workspace).featureCount() == 9


def test_bulk_write_keeps_the_users_pending_edits(workspace, processing):
    layer = workspace.layer("circles")
    _draw(layer)
    result = processing.run("fifteenmin:buffercircles", {"ORIGINS": _origins(), "OUTPUT": "memory:"})["OUTPUT"]
    write_circles(layer, result, _context())
    assert layer.isEditable()
    assert len(layer.editBuffer().addedFeatures()) == 1  # the drawn circle is still pending, not committed
    assert _on_file(workspace).featureCount() == 9
    assert layer.commitChanges(), layer.commitErrors()
    assert _on_file(workspace).featureCount() == 10


def test_nothing_without_area_is_written(workspace):
    layer = workspace.layer("circles")
    line = QgsGeometry.fromWkt("LineString (116.35 40.0, 116.36 40.0)")
    with pytest.raises(FifteenMinError):
        add_drawn_circle(layer, line, WGS84, CircleAttributes(), _context())
    assert layer.featureCount() == 0
    assert layer.undoStack().count() == 0


def test_community_choices_and_level_style(workspace):
    communities = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string&field=name:string", "c", "memory")
    for code, name in (("B2", "Beitaipingzhuang"), ("A1", NULL), ("", "no id")):
        feature = QgsFeature(communities.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
        assert communities.dataProvider().addFeatures([feature])[0]
    assert community_choices(communities) == [("A1", ""), ("B2", "Beitaipingzhuang")]
    assert community_choices(None) == []

    layer = workspace.layer("circles")
    layer.setRenderer(QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(layer.geometryType())))
    style_levels(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "level_min"
    assert {category.value() for category in renderer.categories()} >= {5, 10, 15}
    assert renderer.orderByEnabled()
    (clause,) = renderer.orderBy().list()
    assert clause.expression().expression() == "level_min"
    assert not clause.ascending()  # 15-minute circles drawn first, so the 5-minute ones stay on top


def test_network_result_fields_are_matched_by_name(workspace):
    """A result shaped like fifteenmin:networkcircles output: its own method, reach and street length are kept."""
    result = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:32650&field=origin_id:string&field=minutes:integer&field=reach_m:double"
        "&field=area_m2:double&field=street_m:double&field=method:string",
        "isochrones",
        "memory",
    )
    feature = QgsFeature(result.fields())
    square = QgsGeometry.fromWkt(
        "MultiPolygon (((443000 4428000, 443400 4428000, 443400 4428400, 443000 4428400, 443000 4428000)))"
    )
    feature.setGeometry(square)
    feature.setAttributes(["C7", 5, 333.3, 1.0, 2875.5, "network"])
    assert result.dataProvider().addFeatures([feature])[0]
    write_circles(workspace.layer("circles"), result, _context())
    (saved,) = list(_on_file(workspace).getFeatures())
    assert (saved["community_id"], saved["level_min"], saved["method"]) == ("C7", 5, "network")
    assert (saved["reach_m"], saved["street_m"]) == (333.3, 2875.5)
    assert saved["radius_m"] in (None, NULL)
    assert saved["area_m2"] == pytest.approx(160000, rel=0.002)  # measured again on the ellipsoid, not copied


def test_results_from_geopackage_origins_do_not_carry_their_fid(tmp_path, processing):
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.gpkg"
    origins = QgsVectorLayer(f"{sample}|layername=communities", "communities", "ogr")
    workspace = Workspace.create(tmp_path / "fid.gpkg")
    circles = workspace.layer("circles")
    context = QgsProject.instance().transformContext()
    for _ in range(2):
        result = processing.run("fifteenmin:buffercircles", {"ORIGINS": origins, "OUTPUT": "memory:"})["OUTPUT"]
        write_circles(circles, result, context)
    assert circles.featureCount() == 2 * 3 * origins.featureCount()
