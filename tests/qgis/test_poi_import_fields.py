"""A layer of POIs from any service, imported into the workspace without categories of its own, is classified by
the service's class field: Amap typecode, Baidu tag, Tencent category path, Tianditu class (typeName)."""

from __future__ import annotations

from collections import Counter

import pytest
from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from fifteen_min_plugin.core.facilities.classify import Classifier
from fifteen_min_plugin.core.facilities.importer import append_facilities
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.test_poi_providers import NAMES, STREET, STREET_COUNTS


@pytest.mark.parametrize(
    ("name", "field"), [("tencent", "tencent_category"), ("baidu", "baidu_tag"), ("tianditu", "typeName")]
)
def test_the_class_field_of_each_service_classifies_an_imported_layer(qgis_app, tmp_path, name, field):
    column = NAMES.index(name) + 1
    layer = QgsVectorLayer(
        f"Point?crs=EPSG:4326&field=source_id:string&field=name:string&field={field}:string", name, "memory"
    )
    features = []
    for number, row in enumerate(STREET):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"{name}{number}", f"门店{number}号", row[column]])  # names match no keyword
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35 + number * 0.001, 40.0)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    facilities = Workspace.create(tmp_path / "w.gpkg").layer("facilities")
    append_facilities(layer, facilities, QgsCoordinateTransformContext(), name, Classifier.default())
    rows = list(QgsVectorLayer(facilities.source(), "check", "ogr").getFeatures())
    assert Counter(row["category"] or None for row in rows) == STREET_COUNTS
