"""Bulk copies into workspace layers match fields by name, reproject, and are all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyproj import Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.layer_io import copy_features
from fifteen_min_plugin.core.workspace.workspace import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.gpkg"


def _communities() -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
    assert layer.isValid()
    return layer


def test_copy_into_a_projected_workspace_keeps_values_and_positions(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg", crs=QgsCoordinateReferenceSystem("EPSG:32650"))
    target = workspace.layer("communities")
    source = _communities()
    ids = copy_features(source, target, QgsProject.instance().transformContext(), fixed={"note": "sample"})
    assert len(ids) == source.featureCount() == target.featureCount()

    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32650", always_xy=True)
    copied = {f["community_id"]: f for f in workspace.layer("communities").getFeatures()}
    for original in source.getFeatures():
        row = copied[original["community_id"]]
        assert row["name"] == original["name"]
        assert row["population"] == original["population"]
        assert row["synthetic"] == 1
        assert row["note"] == "sample"
        x, y = to_utm.transform(original.geometry().asPoint().x(), original.geometry().asPoint().y())
        assert row.geometry().asPoint().x() == pytest.approx(x, abs=0.01)
        assert row.geometry().asPoint().y() == pytest.approx(y, abs=0.01)


def test_a_feature_that_cannot_be_projected_writes_nothing(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg", crs=QgsCoordinateReferenceSystem("EPSG:32650"))
    source = QgsVectorLayer("Point?crs=EPSG:4326&field=community_id:string", "bad", "memory")
    source.dataProvider().addFeatures(list(_communities().getFeatures()))
    broken = QgsFeature(source.fields())
    broken.setAttributes(["far"])
    broken.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(10_000, 10_000)))  # not a place on Earth
    assert source.dataProvider().addFeatures([broken])[0]
    with pytest.raises(FifteenMinError):
        copy_features(source, workspace.layer("communities"), QgsProject.instance().transformContext())
    assert workspace.layer("communities").featureCount() == 0


def test_source_primary_keys_are_not_copied(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    target = workspace.layer("communities")
    context = QgsProject.instance().transformContext()
    copy_features(_communities(), target, context)
    copy_features(_communities(), target, context)  # the sample's fid values again: must not collide
    assert target.featureCount() == 2 * _communities().featureCount()
