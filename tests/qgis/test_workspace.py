"""The workspace GeoPackage: creation, schema, upgrade from version 1, refusals and project loading.

Files are checked with fresh OGR layers opened independently of the Workspace class.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
    edit,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.errors import WorkspaceError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.workspace.schema import (
    ASSET_STATUSES,
    HISTORY,
    SCHEMA_VERSION,
    Addition,
    display_name,
    upgrade_plan,
    workspace_layers,
)
from fifteen_min_plugin.core.workspace.workspace import Workspace

T = QVariant.Type
POINT, MULTIPOLYGON, NONE = QgsWkbTypes.Type.Point, QgsWkbTypes.Type.MultiPolygon, QgsWkbTypes.Type.NoGeometry

with (RESOURCES_DIR / "categories" / "categories.csv").open(encoding="utf-8") as _handle:
    CODES = [row["code"] for row in csv.DictReader(_handle)]

# The coverage table up to version 2; version 3 added missing_required and missing_required_zh.
COVERAGE_V2 = [
    ("circle_id", T.String),
    ("name", T.String),
    ("level_min", T.Int),
    ("population", T.Int),
    *((f"n_{code}", T.Int) for code in CODES),
    ("n_basic_present", T.Int),
    ("missing_basic", T.String),
    ("missing_basic_zh", T.String),
    ("n_quality_present", T.Int),
    ("missing_quality", T.String),
    ("missing_quality_zh", T.String),
    ("per_10k", T.Double),
    ("grade", T.String),
]

# The coverage figures version 7 added.
COVERAGE_V7 = [
    ("chain_share", T.Double),
    ("park_max_m2", T.Double),
    ("park_ok", T.Int),
    ("green_m2_per_resident", T.Double),
    ("green_ok", T.Int),
    ("households", T.Double),
    ("floor_area_m2", T.Double),
    ("floor_area_shortfall_m2", T.Double),
    # each GB 50180 tier within its own reach: unmet items per tier and how each tier was reached
    ("missing_tiers", T.String),
    ("missing_tiers_zh", T.String),
    ("tier_reach", T.String),
    # residents' demand (the categories asked for most, those missing) and satisfaction against the 90% target
    ("demand_top", T.String),
    ("demand_top_zh", T.String),
    ("unmet_demand", T.String),
    ("unmet_demand_zh", T.String),
    ("satisfaction", T.Double),
    ("satisfaction_ok", T.Int),
]

# The current contract, written out independently of fifteen_min_plugin.core.workspace.schema.
EXPECTED = {
    "communities": (
        POINT,
        [
            ("community_id", T.String),
            ("name", T.String),
            ("population", T.Int),
            ("households", T.Int),
            ("source", T.String),
            ("synthetic", T.Int),
            ("note", T.String),
        ],
    ),
    "circles": (
        MULTIPOLYGON,
        [
            ("circle_id", T.String),
            ("name", T.String),
            ("community_id", T.String),
            ("level_min", T.Int),
            ("method", T.String),
            ("radius_m", T.Double),
            ("reach_m", T.Double),
            ("street_m", T.Double),
            ("area_m2", T.Double),
            ("note", T.String),
            ("created", T.DateTime),
            ("version", T.Int),
            ("base_version", T.Int),
        ],
    ),
    "facilities": (
        POINT,
        [
            *((name, T.String) for name in ("facility_id", "name", "category", "category_class", "category_zh")),
            *((name, T.String) for name in ("matched_by", "source", "source_id", "coord_src", "coord_conv")),
            ("address", T.String),
            ("footprint_m2", T.Double),
            ("synthetic", T.Int),
            ("imported", T.DateTime),
        ],
    ),
    "idle_assets": (
        POINT,
        [
            ("asset_id", T.String),
            ("name", T.String),
            ("asset_type", T.String),
            ("owner", T.String),
            ("area_m2", T.Double),
            ("capacity", T.Int),
            ("idle_windows", T.String),
            ("condition", T.String),
            ("status", T.String),
            ("level", T.String),
            ("wartime_duty", T.String),
            ("notes", T.String),
            ("links", T.String),
            ("source_layer", T.String),
            ("source_fid", T.LongLong),
            ("synthetic", T.Int),
            ("created", T.DateTime),
            ("updated", T.DateTime),
            ("version", T.Int),
            ("base_version", T.Int),
        ],
    ),
    "asset_events": (
        NONE,
        [
            ("asset_id", T.String),
            ("time", T.DateTime),
            *((name, T.String) for name in ("field", "old_value", "new_value", "note", "user")),
            ("version", T.Int),
        ],
    ),
    "coverage": (
        MULTIPOLYGON,
        [
            *COVERAGE_V2,
            ("missing_required", T.String),
            ("missing_required_zh", T.String),
            ("community_id", T.String),
            ("method", T.String),
            *COVERAGE_V7,
        ],
    ),
    "needs": (
        POINT,
        [
            ("need_id", T.String),
            ("community_id", T.String),
            ("category", T.String),
            ("weight", T.Double),
            *((name, T.String) for name in ("list", "priority", "text", "source")),
            ("row", T.Int),
            ("date", T.String),
            ("classified_by", T.String),
            ("located_by", T.String),
            ("imported", T.DateTime),
        ],
    ),
    "need_lists": (NONE, [(name, T.String) for name in ("community_id", "name", "colour", "meaning")]),
    "consultations": (
        NONE,
        [
            *((name, T.String) for name in ("consultation_id", "date", "community_id", "list", "topic")),
            ("attendees", T.Int),
            ("outcome", T.String),
        ],
    ),
    "consultation_needs": (NONE, [("consultation_id", T.String), ("need_id", T.String)]),
    "projects": (
        POINT,
        [
            *((name, T.String) for name in ("project_id", "name", "circle_id", "community_id", "category")),
            *((name, T.String) for name in ("site_kind", "asset_id", "facility_id")),
            ("floor_area_m2", T.Double),
            ("investment_wan", T.Double),
            *((name, T.String) for name in ("implementer", "funding", "start", "deadline", "lead_unit")),
            ("status", T.String),
            ("note", T.String),
            ("version", T.Int),
            ("created", T.DateTime),
            ("updated", T.DateTime),
            ("base_version", T.Int),
        ],
    ),
    "project_events": (
        NONE,
        [
            ("project_id", T.String),
            ("time", T.DateTime),
            *((name, T.String) for name in ("kind", "field", "old_value", "new_value", "note", "user")),
            ("version", T.Int),
        ],
    ),
    "project_sites": (MULTIPOLYGON, [("project_id", T.String)]),
    "satisfaction": (
        NONE,
        [
            ("community_id", T.String),
            ("circle_id", T.String),
            ("score", T.Double),
            ("share_satisfied", T.Double),
            ("sample_size", T.Int),
            ("date", T.String),
            ("source", T.String),
            ("imported", T.DateTime),
        ],
    ),
    "fifteenmin_meta": (NONE, [("key", T.String), ("value", T.String)]),
}


# Version 1 as it was shipped: no circles.reach_m / circles.street_m, no asset_events.
V1_LAYERS = {
    "communities": (POINT, EXPECTED["communities"][1]),
    "circles": (
        MULTIPOLYGON,
        [
            ("circle_id", T.String),
            ("name", T.String),
            ("community_id", T.String),
            ("level_min", T.Int),
            ("method", T.String),
            ("radius_m", T.Double),
            ("area_m2", T.Double),
            ("note", T.String),
            ("created", T.DateTime),
        ],
    ),
    "facilities": (
        POINT,
        [
            *((name, T.String) for name in ("facility_id", "name", "category", "category_class", "category_zh")),
            *((name, T.String) for name in ("matched_by", "source", "source_id", "source_crs", "conversion")),
            ("address", T.String),
            ("area_m2", T.Double),
            ("synthetic", T.Int),
            ("imported", T.DateTime),
        ],
    ),
    "idle_assets": (
        POINT,
        [f for f in EXPECTED["idle_assets"][1] if f[0] not in ("level", "wartime_duty", "version", "base_version")],
    ),
    "coverage": (MULTIPOLYGON, COVERAGE_V2),
}

WHEN = QDateTime(QDate(2025, 3, 14), QTime(9, 30, 0))
SQUARE = "MultiPolygon (((116.35 40.0, 116.36 40.0, 116.36 40.01, 116.35 40.01, 116.35 40.0)))"
V1_ROWS = {
    "communities": [
        ("Point (116.351 40.002)", {"community_id": "c1", "name": "中国农大东区", "population": 5200, "synthetic": 1}),
        ("Point (116.356 40.006)", {"community_id": "c2", "name": "北区", "households": 1800, "note": "测试"}),
    ],
    "circles": [
        (SQUARE, {"circle_id": "k1", "community_id": "c1", "level_min": 15, "method": "buffer", "radius_m": 1000.0}),
        (SQUARE, {"circle_id": "k2", "level_min": 5, "method": "drawn", "area_m2": 123456.5, "created": WHEN}),
    ],
    "facilities": [
        ("Point (116.352 40.003)", {"facility_id": "osm/n1", "name": "物美", "category": "supermarket"}),
    ],
    "idle_assets": [
        ("Point (116.353 40.004)", {"asset_id": "a1", "asset_type": "civil_defence", "status": "under_review"}),
    ],
    "coverage": [
        (SQUARE, {"circle_id": "k1", "level_min": 15, "n_pharmacy": 2, "missing_basic": "laundry", "per_10k": 3.5}),
    ],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def ogr_layer(path: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert layer.isValid(), name
    return layer


def table_names(path: Path) -> set[str]:
    metadata = QgsProviderRegistry.instance().providerMetadata("ogr")
    return {item.name() for item in metadata.querySublayers(str(path))}


def meta(path: Path) -> dict[str, str]:
    return {f["key"]: f["value"] for f in ogr_layer(path, "fifteenmin_meta").getFeatures()}


def user_fields(layer: QgsVectorLayer) -> list[tuple[str, QVariant.Type]]:
    return [(field.name(), field.type()) for field in layer.fields() if field.name() != "fid"]


def write_layer(path, name, wkb, fields, rows, crs="EPSG:4326", *, append=True) -> None:
    """Write one GeoPackage table with QgsVectorFileWriter, independently of the plugin."""
    qfields = QgsFields()
    for field_name, field_type in fields:
        qfields.append(QgsField(field_name, field_type))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if append
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path), qfields, wkb, QgsCoordinateReferenceSystem(crs), QgsCoordinateTransformContext(), options
    )
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError, writer.errorMessage()
    for wkt, values in rows:
        feature = QgsFeature(qfields)
        for key, value in values.items():
            feature[key] = value
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        assert writer.addFeature(feature)
    del writer


def write_meta(path: Path, version: str, application: str = "fifteen_min_plugin", *, append: bool = True) -> None:
    rows = [(None, {"key": "schema_version", "value": version}), (None, {"key": "application", "value": application})]
    write_layer(path, "fifteenmin_meta", NONE, [("key", T.String), ("value", T.String)], rows, append=append)


def build_v1(path: Path) -> None:
    write_meta(path, "1", append=False)
    for name, (wkb, fields) in V1_LAYERS.items():
        write_layer(path, name, wkb, fields, V1_ROWS.get(name, []))


def snapshot(path: Path, name: str) -> list[tuple[str, dict]]:
    layer = ogr_layer(path, name)
    return [
        (f.geometry().asWkt(6) if f.hasGeometry() else "", dict(zip(layer.fields().names(), f.attributes())))
        for f in layer.getFeatures()
    ]


def test_create_writes_every_layer_field_and_geometry_type(tmp_path):
    path = tmp_path / "haidian.gpkg"
    workspace = Workspace.create(path)
    assert workspace.path == path and workspace.schema_version == SCHEMA_VERSION
    assert table_names(path) == set(EXPECTED)
    for name, (wkb, fields) in EXPECTED.items():
        layer = ogr_layer(path, name)
        assert layer.wkbType() == wkb, name
        assert user_fields(layer) == fields, name
        assert layer.featureCount() == (2 if name == "fifteenmin_meta" else 0)
        if wkb != NONE:
            assert layer.crs().authid() == "EPSG:4326"
    assert meta(path) == {"schema_version": str(SCHEMA_VERSION), "application": "fifteen_min_plugin"}
    assert workspace.layer_names() == [
        "communities",
        "circles",
        "facilities",
        "idle_assets",
        "asset_events",
        "coverage",
        "needs",
        "need_lists",
        "consultations",
        "consultation_needs",
        "projects",
        "project_events",
        "project_sites",
        "satisfaction",
    ]


def test_create_uses_the_chosen_crs(tmp_path):
    path = tmp_path / "projected.gpkg"
    Workspace.create(path, crs=QgsCoordinateReferenceSystem("EPSG:4547"))
    for name in ("communities", "circles", "facilities", "idle_assets", "coverage"):
        assert ogr_layer(path, name).crs().authid() == "EPSG:4547"


def test_create_refuses_an_existing_file(tmp_path):
    path = tmp_path / "taken.gpkg"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(WorkspaceError) as caught:
        Workspace.create(path)
    assert str(path) in caught.value.message
    assert path.read_text(encoding="utf-8") == "my notes"
    existing = tmp_path / "workspace.gpkg"
    Workspace.create(existing)
    before = sha256(existing)
    with pytest.raises(WorkspaceError):
        Workspace.create(existing)
    assert sha256(existing) == before


def test_layers_are_named_valid_and_edits_survive_reopening(backend):
    """QGIS edit sessions on each backend (GeoPackage, PostGIS), read back by reopening and by an independent client."""
    workspace = backend.create("edits")
    circles = workspace.layer("circles")
    assert circles.isValid() and circles.name() == display_name("circles")
    feature = QgsFeature(circles.fields())
    feature["circle_id"] = "k9"
    feature["level_min"] = 10
    feature["reach_m"] = 612.5
    feature.setGeometry(QgsGeometry.fromWkt(SQUARE))
    with edit(circles):
        assert circles.addFeature(feature)
    assets = workspace.layer("idle_assets")
    with edit(assets):
        asset = QgsVectorLayerUtils.createFeature(
            assets, QgsGeometry.fromWkt("Point (116.35 40.0)"), {assets.fields().indexOf("name"): "人防工程"}
        )
        assert assets.addFeature(asset)

    reopened = Workspace.open(workspace.location)
    assert reopened.upgrades == ()
    assert [(f["circle_id"], f["level_min"], f["reach_m"]) for f in reopened.layer("circles").getFeatures()] == [
        ("k9", 10, 612.5)
    ]
    (row,) = backend.rows(workspace, "select name, status, synthetic, created from idle_assets")
    assert row[:3] == ("人防工程", "candidate", 0)
    assert row[3] is not None
    (circle,) = reopened.layer("circles").getFeatures()
    assert circle.geometry().asWkt(6) == QgsGeometry.fromWkt(SQUARE).asWkt(6)


def test_upgrade_from_version_1_adds_fields_and_layers_and_keeps_rows(tmp_path):
    path = tmp_path / "old.gpkg"
    build_v1(path)
    before = {name: snapshot(path, name) for name in V1_LAYERS}
    assert "asset_events" not in table_names(path)

    workspace = Workspace.open(path)

    assert workspace.schema_version == SCHEMA_VERSION
    assert meta(path)["schema_version"] == str(SCHEMA_VERSION)
    assert set(workspace.upgrades) == {
        Addition("asset_events"),
        Addition("needs"),
        Addition("need_lists"),
        Addition("consultations"),
        Addition("consultation_needs"),
        Addition("projects"),
        Addition("project_events"),
        Addition("project_sites"),
        Addition("satisfaction"),
        *(Addition("coverage", name) for name, _ in COVERAGE_V7),
        Addition("idle_assets", "level"),
        Addition("idle_assets", "wartime_duty"),
        *(Addition(layer, field) for layer in ("idle_assets", "circles") for field in ("version", "base_version")),
        Addition("circles", "reach_m"),
        Addition("circles", "street_m"),
        Addition("coverage", "missing_required"),
        Addition("coverage", "missing_required_zh"),
        Addition("coverage", "community_id"),
        Addition("coverage", "method"),
        Addition("facilities", "coord_src"),
        Addition("facilities", "coord_conv"),
        Addition("facilities", "footprint_m2"),
    }
    assert [(name, kind) for name, kind in user_fields(ogr_layer(path, "asset_events"))] == EXPECTED["asset_events"][1]
    assert ogr_layer(path, "asset_events").wkbType() == NONE
    circle_fields = dict(user_fields(ogr_layer(path, "circles")))
    assert circle_fields["reach_m"] == T.Double and circle_fields["street_m"] == T.Double
    for name, rows in before.items():
        written = V1_ROWS.get(name, [])
        assert [(g, {k: v[k] for k in values}) for (g, v), (_, values) in zip(rows, written)] == [
            (QgsGeometry.fromWkt(wkt).asWkt(6), values) for wkt, values in written
        ]
        after = snapshot(path, name)
        assert len(after) == len(rows) == len(written), name
        for (geometry, values), (new_geometry, new_values) in zip(rows, after):
            assert new_geometry == geometry
            assert {key: new_values[key] for key in values} == values
            assert all(new_values[key] == NULL for key in set(new_values) - set(values)), new_values
    assert next(ogr_layer(path, "circles").getFeatures(), None)["radius_m"] == 1000.0
    assert [f["created"] for f in ogr_layer(path, "circles").getFeatures()][1] == WHEN

    settled = sha256(path)
    again = Workspace.open(path)
    assert again.upgrades == () and sha256(path) == settled


def test_open_adds_a_count_field_when_the_categories_table_gains_a_code(tmp_path):
    path = tmp_path / "grown.gpkg"
    Workspace.create(path)
    write_layer(path, "scratch", NONE, [("x", T.Int)], [])  # an unrelated user table must survive
    with edit(coverage := ogr_layer(path, "coverage")):
        row = QgsFeature(coverage.fields())
        row["circle_id"] = "k1"
        row["n_pharmacy"] = 4
        assert coverage.addFeature(row)
    grown = [*load_categories(), Category("ev_charging", "充电桩", "EV charging", "quality", "本地导则")]

    workspace = Workspace.open(path, categories=grown)

    assert workspace.schema_version == SCHEMA_VERSION
    assert workspace.upgrades == (Addition("coverage", "n_ev_charging"),)
    fields = dict(user_fields(ogr_layer(path, "coverage")))
    assert fields["n_ev_charging"] == T.Int
    (kept,) = ogr_layer(path, "coverage").getFeatures()
    assert (kept["circle_id"], kept["n_pharmacy"], kept["n_ev_charging"]) == ("k1", 4, NULL)
    assert "scratch" in table_names(path)


def _text_file(path: Path) -> None:
    path.write_text("community,population\nA,1000\n", encoding="utf-8")


def _plain_geopackage(path: Path) -> None:
    write_layer(path, "roads", QgsWkbTypes.Type.LineString, [("name", T.String)], [], append=False)


def _newer_workspace(path: Path) -> None:
    write_meta(path, str(SCHEMA_VERSION + 1), append=False)
    write_layer(path, "circles", MULTIPOLYGON, [("circle_id", T.String)], [(SQUARE, {"circle_id": "k1"})])


def _foreign_meta(path: Path) -> None:
    write_meta(path, "2", application="someone_else", append=False)


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (_text_file, "not a GeoPackage"),
        (_plain_geopackage, "fifteenmin_meta"),
        (_newer_workspace, "needs a newer"),
        (_foreign_meta, "not written by this plugin"),
    ],
)
def test_open_refuses_without_touching_the_file(tmp_path, make, fragment):
    path = tmp_path / "candidate.gpkg"
    make(path)
    before = sha256(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WorkspaceError) as caught:
        Workspace.open(path)
    assert fragment in caught.value.message
    assert str(path) in caught.value.message
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_open_refuses_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.gpkg"
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(path)
    assert not path.exists()


def test_add_to_project_twice_adds_each_layer_once_with_styles(backend):
    """On each backend (GeoPackage, PostGIS): the group, the layers once each, their names and styles."""
    workspace = backend.create("chaoyang")
    project = QgsProject()

    first = workspace.add_to_project(project)
    second = workspace.add_to_project(project)

    assert [layer.id() for layer in first] == [layer.id() for layer in second]
    assert len(project.mapLayers()) == len(workspace_layers())
    groups = project.layerTreeRoot().findGroups(True)
    assert [group.name() for group in groups] == [workspace.name] and workspace.name.startswith("chaoyang")
    assert {node.layerId() for node in groups[0].findLayers()} == {layer.id() for layer in first}
    layers = {workspace.backend.layer_name_of(layer): layer for layer in first}
    assert set(layers) == {
        *("communities", "circles", "facilities", "idle_assets", "asset_events", "coverage"),
        *("needs", "need_lists", "consultations", "consultation_needs", "projects", "project_events"),
        *("project_sites", "satisfaction"),
    }
    assert all(layer.isValid() and layer.name() == display_name(name) for name, layer in layers.items())

    circles = layers["circles"].renderer()
    assert isinstance(circles, QgsCategorizedSymbolRenderer) and circles.classAttribute() == "level_min"
    assert [c.value() for c in circles.categories()] == [5, 10, 15, None]
    alphas = [c.symbol().color().alpha() for c in circles.categories()[:3]]
    assert all(0 < alpha < 255 for alpha in alphas)
    assert len({c.symbol().color().name() for c in circles.categories()}) == 4
    assert circles.orderByEnabled()
    assert [c.label() for c in circles.categories()][:3] == ["5-minute circle", "10-minute circle", "15-minute circle"]
    facilities = layers["facilities"].renderer()
    assert facilities.classAttribute() == "category_class"
    assert [c.value() for c in facilities.categories()] == ["basic", "quality", "public", None]
    assets = layers["idle_assets"].renderer()
    assert assets.classAttribute() == "status"
    assert [c.value() for c in assets.categories()] == [*ASSET_STATUSES, None]
    assert layers["communities"].renderer().type() == "singleSymbol"
    assert isinstance(layers["coverage"].renderer(), QgsGraduatedSymbolRenderer)
    assert layers["asset_events"].attributeTableConfig().sortExpression() == '"time"'


@pytest.mark.parametrize(
    ("name", "layer_uri", "renderer_type"),
    [
        ("communities", "Point?field=community_id:string", "singleSymbol"),
        ("circles", "MultiPolygon?field=level_min:integer", "categorizedSymbol"),
        ("facilities", "Point?field=category_class:string", "categorizedSymbol"),
        ("idle_assets", "Point?field=status:string", "categorizedSymbol"),
        ("coverage", "MultiPolygon?field=n_basic_present:integer", "graduatedSymbol"),
    ],
)
def test_each_qml_style_loads(name, layer_uri, renderer_type):
    layer = QgsVectorLayer(f"{layer_uri}&crs=EPSG:4326", name, "memory")
    message, ok = layer.loadNamedStyle(str(RESOURCES_DIR / "styles" / f"{name}.qml"))
    assert ok, message
    assert layer.renderer().type() == renderer_type


def test_upgrade_plan_follows_the_recorded_history():
    layers = workspace_layers()
    v1 = {name: [field for field, _ in fields] for name, (_, fields) in V1_LAYERS.items()}
    v1["fifteenmin_meta"] = ["key", "value"]
    plan = upgrade_plan(v1, 1, layers)
    expected = []
    for version in range(2, SCHEMA_VERSION + 1):
        (change,) = [c for c in HISTORY if c.version == version]
        expected += [Addition(name) for name in change.layers]
        # a field of a layer an earlier step creates whole is part of that layer
        expected += [Addition(*pair) for pair in change.fields if pair[0] in v1]
    assert plan == expected
    current = {spec.name: [field.name for field in spec.fields] for spec in layers}
    assert upgrade_plan(current, 3, layers) == []
