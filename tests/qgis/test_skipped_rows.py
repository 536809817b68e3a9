"""Rows that used to be skipped without a word are counted and named in one sentence the user sees."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.assets import time_windows
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.classify import Classifier
from fifteen_min_plugin.core.facilities.importer import append_facilities
from fifteen_min_plugin.core.facilities.poi_api.base import PoiQuery
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_poi_api import (  # noqa: F401 - fixtures
    FakeAmap,
    FakeClock,
    area,
    auth_key,
    fake_amap,
    make_client,
    new_state,
    run_import,
)
from tests.qgis.test_repurpose import _coverage

UTM50 = QgsCoordinateReferenceSystem("EPSG:32650")


# --- repurpose: idle time windows that cannot be read ---------------------------------------------------------


def _assets(rows) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=asset_id:string&field=name:string&field=asset_type:string&field=area_m2:double"
        "&field=capacity:integer&field=idle_windows:string",
        "idle_assets",
        "memory",
    )
    features = []
    for asset_id, windows in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
        feature.setAttributes([asset_id, f"停车场{asset_id}", "parking", 2500.0, 100, windows])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_repurpose_counts_and_names_the_assets_whose_idle_windows_cannot_be_read(processing):
    bad = {"P2": "周八 19:00-07:00", "P3": "19:00-31:00"}
    reasons = {}
    for asset_id, text in bad.items():
        with pytest.raises(FifteenMinError) as refused:
            time_windows.parse(text)
        reasons[asset_id] = refused.value.message
    feedback = RecordingFeedback()
    out = processing.run(
        "fifteenmin:repurpose",
        {
            "ASSETS": _assets([("P1", "16:00-08:30"), *bad.items()]),
            "COVERAGE": _coverage({"C1": {"fresh_market"}}),
            "OUTPUT": "memory:",
        },
        feedback=feedback,
    )["OUTPUT"]
    uses = {}
    for feature in out.getFeatures():
        uses.setdefault(feature["asset_id"], set()).add(feature["use"])
    # the readable night window earns the uses that need idle hours; the unreadable ones cannot
    assert "tidal_stalls" in uses["P1"]
    assert not uses["P2"] & {"tidal_stalls", "shared_parking"} and not uses["P3"] & {"tidal_stalls", "shared_parking"}
    summary = feedback.warnings[0]
    assert summary.startswith("2 assets have idle time windows that cannot be read;")
    assert summary.endswith(": P2, P3.")
    for asset_id, text in bad.items():
        assert f"{asset_id} “{text}”: {reasons[asset_id]}" in feedback.warnings


# --- Amap: POIs whose location cannot be read -------------------------------------------------------------------


class LocationlessAmap(FakeAmap):
    """Serves some POIs with a location Amap sometimes sends: empty, a list, one number."""

    BROKEN: ClassVar[dict[str, object]] = {"B0FF000003": "", "B0FF000007": [], "B0FF000011": "116.35"}

    def page(self, query):
        payload = super().page(query)
        for poi in payload["pois"]:
            if poi["id"] in self.BROKEN:
                poi["location"] = self.BROKEN[poi["id"]]
        return payload


def test_amap_pois_without_a_readable_location_are_counted_and_named(fake_amap, auth_key, processing, tmp_path):  # noqa: F811
    fake_amap.amap = LocationlessAmap(40)
    query = PoiQuery(keywords="便利店")
    result = make_client(fake_amap, FakeClock()).run(query, area(), new_state(tmp_path, query))
    broken = sorted(LocationlessAmap.BROKEN)
    assert sorted(text.split(" ")[0] for text in result.bad_locations) == broken
    assert sorted(record.source_id for record in result.records) == sorted(set(fake_amap.amap.truth) - set(broken))

    feedback = RecordingFeedback()
    run_import(processing, fake_amap, auth_key, None, tmp_path / "amap.gpkg", feedback)
    (sentence,) = [warning for warning in feedback.warnings if "location cannot be read" in warning]
    assert sentence.startswith("3 POIs skipped because their location cannot be read: ")
    for poi_id in broken:
        assert poi_id in sentence


# --- deduplication: facilities already in the workspace that cannot be placed in WGS84 --------------------------


def _utm_facilities(tmp_path: Path) -> QgsVectorLayer:
    """The workspace's facilities table, in UTM 50N: a bureau's own projected copy."""
    template = Workspace.create(tmp_path / "template.gpkg").layer("facilities")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "facilities"
    options.ct = QgsCoordinateTransform(template.crs(), UTM50, QgsProject.instance())
    path = tmp_path / "utm.gpkg"
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        template, str(path), QgsProject.instance().transformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    layer = QgsVectorLayer(f"{path}|layername=facilities", "facilities", "ogr")
    assert layer.isValid() and layer.crs() == UTM50
    return layer


def test_existing_facilities_that_cannot_be_transformed_are_counted(tmp_path, qgis_app):
    facilities = _utm_facilities(tmp_path)
    rows = []
    for source_id, name, x, y in (
        ("node/1", "张记便利店", 444200.0, 4428900.0),  # in Haidian
        ("node/2", "越界便利店", 1.0e8, 4428900.0),  # outside UTM's domain: no WGS84 position
        ("node/3", "又一越界店", 1.0e8, 4429000.0),
    ):
        feature = QgsFeature(facilities.fields())
        feature["name"], feature["category"], feature["source"], feature["source_id"] = (
            name,
            "convenience_store",
            "osm",
            source_id,
        )
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        rows.append(feature)
    assert facilities.dataProvider().addFeatures(rows)[0]
    shop = QgsVectorLayer("Point?crs=EPSG:32650&field=name:string&field=category:string", "survey", "memory")
    feature = QgsFeature(shop.fields())
    feature.setAttributes(["张记便利店", "convenience_store"])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(444201.0, 4428900.0)))
    assert shop.dataProvider().addFeatures([feature])[0]

    summary = append_facilities(
        shop, facilities, QgsProject.instance().transformContext(), "table:survey.csv", Classifier.default()
    )
    assert (summary.merged, summary.added, summary.not_compared) == (1, 0, 2)


# --- coverage: populations that are not numbers -------------------------------------------------------------


def _layer(spec: str, rows, geometry) -> QgsVectorLayer:
    layer = QgsVectorLayer(spec, "layer", "memory")
    features = []
    for values, shape in zip(rows, geometry):
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(shape)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def test_coverage_counts_and_names_populations_that_are_not_numbers(processing):
    boxes = [QgsGeometry.fromRect(QgsRectangle(116.34 + i * 0.01, 40.0, 116.345 + i * 0.01, 40.005)) for i in range(3)]
    circles = _layer(
        "Polygon?crs=EPSG:4326&field=circle_id:string&field=community_id:string&field=level_min:integer"
        "&field=population:string",
        [("C1-15", "C1", 15, None), ("C2-15", "C2", 15, "约3000"), ("C3-15", "C3", 15, "2500")],
        boxes,
    )
    communities = _layer(
        "Point?crs=EPSG:4326&field=community_id:string&field=population:string",
        [("C1", "三千"), ("C2", None), ("C3", "2600")],
        [QgsGeometry.fromPointXY(box.centroid().asPoint()) for box in boxes],
    )
    facilities = _layer(
        "Point?crs=EPSG:4326&field=category:string",
        [("convenience_store",)] * 3,
        [QgsGeometry.fromPointXY(box.centroid().asPoint()) for box in boxes],
    )
    feedback = RecordingFeedback()
    out = processing.run(
        "fifteenmin:coverage",
        {"CIRCLES": circles, "FACILITIES": facilities, "COMMUNITIES": communities, "OUTPUT": "memory:"},
        feedback=feedback,
    )["OUTPUT"]
    population = {feature["circle_id"]: feature["population"] for feature in out.getFeatures()}
    assert population["C3-15"] == 2600  # the community's number wins over the circle's own
    assert population["C1-15"] == NULL and population["C2-15"] == NULL
    assert "1 communities have a population that is not a number; it was not used: C1." in feedback.warnings
    assert any(
        warning.startswith("1 circles have a population that is not a number") and warning.endswith(": C2-15.")
        for warning in feedback.warnings
    )


# --- population summary: origins whose population is not a usable number ---------------------------------------


def test_population_summary_names_the_origins_without_a_usable_population(processing):
    populations = {"HD-C01": "3200", "HD-C02": "约3000", "HD-C03": "", "HD-C04": "-5", "HD-C05": "1800"}
    origins = _layer(
        "Point?crs=EPSG:4326&field=community_id:string&field=population:string&field=min_pharmacy:double",
        [(code, value, 6.0) for code, value in populations.items()],
        [QgsGeometry.fromPointXY(QgsPointXY(116.35 + i * 0.001, 40.0)) for i in range(len(populations))],
    )
    unusable = ["HD-C02", "HD-C03", "HD-C04"]  # text, empty, negative
    feedback = RecordingFeedback()
    out = processing.run(
        "fifteenmin:populationsummary",
        {"ORIGINS": origins, "POPULATION_FIELD": "population", "OUTPUT": "memory:"},
        feedback=feedback,
    )["OUTPUT"]
    pharmacy = next(feature for feature in out.getFeatures() if feature["category"] == "pharmacy")
    assert pharmacy["residents"] == 3200 + 1800
    assert (
        f"{len(unusable)} origins have no usable population in “population” and were left out: "
        f"{', '.join(unusable)}." in feedback.warnings
    )
