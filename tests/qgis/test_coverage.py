"""fifteenmin:coverage: counts against QGIS native Count points in polygon, gaps, grades, levels, bad inputs."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.coverage import load_level_requirements
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.core.workspace.layer_io import copy_features
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.recording import RecordingFeedback

T = QVariant.Type
UTM = "EPSG:32650"  # Beijing, metres
ORIGIN = (441000.0, 4428000.0)

with (RESOURCES_DIR / "categories" / "categories.csv").open(encoding="utf-8") as _handle:
    TABLE = list(csv.DictReader(_handle))
CODES = [row["code"] for row in TABLE]
BASIC = [row["code"] for row in TABLE if row["class"] == "basic"]
QUALITY = [row["code"] for row in TABLE if row["class"] == "quality"]
NAME_ZH = {row["code"]: row["name_zh"] for row in TABLE}


def write_gpkg(path: Path, name: str, wkb, crs: str, fields: list[tuple[str, T]], rows) -> str:
    """Write one table with QgsVectorFileWriter; rows are (QgsGeometry or None, {field: value})."""
    qfields = QgsFields()
    for field_name, kind in fields:
        qfields.append(QgsField(field_name, kind))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path), qfields, wkb, QgsCoordinateReferenceSystem(crs), QgsCoordinateTransformContext(), options
    )
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError, writer.errorMessage()
    for geometry, values in rows:
        feature = QgsFeature(qfields)
        for key, value in values.items():
            feature[key] = value
        if geometry is not None:
            feature.setGeometry(geometry)
        assert writer.addFeature(feature)
    del writer
    return f"{path}|layername={name}"


def square(x: float, y: float, size: float) -> QgsGeometry:
    return QgsGeometry.fromWkt(
        f"MultiPolygon((({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y})))"
    )


def point(x: float, y: float) -> QgsGeometry:
    return QgsGeometry.fromPointXY(QgsPointXY(x, y))


CIRCLE_FIELDS = [("circle_id", T.String), ("name", T.String), ("community_id", T.String), ("level_min", T.Int)]
FACILITY_FIELDS = [("name", T.String), ("category", T.String)]


def run(processing, **parameters):
    parameters.setdefault("OUTPUT", "memory:")
    return processing.run("fifteenmin:coverage", parameters)["OUTPUT"]


def by_circle(layer: QgsVectorLayer) -> dict[str, QgsFeature]:
    return {feature["circle_id"]: feature for feature in layer.getFeatures()}


def test_counts_equal_native_count_points_in_polygon_across_crs(processing, default_settings, tmp_path):
    rng = random.Random(20250314)
    gpkg = tmp_path / "random.gpkg"
    circles = []
    for number in range(30):
        x, y = ORIGIN[0] + rng.uniform(0, 6000), ORIGIN[1] + rng.uniform(0, 6000)
        circles.append((point(x, y).buffer(rng.choice([300, 500, 1000]), 12), {"circle_id": f"k{number}"}))
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.Polygon, UTM, CIRCLE_FIELDS, circles)
    to_wgs84 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(UTM), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()
    )
    facilities = []
    for number in range(1500):
        geometry = point(ORIGIN[0] + rng.uniform(-500, 6500), ORIGIN[1] + rng.uniform(-500, 6500))
        assert geometry.transform(to_wgs84) == 0
        code = rng.choice([*CODES, "unknown_shop"])
        facilities.append((geometry, {"name": f"f{number}", "category": code}))
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, "EPSG:4326", FACILITY_FIELDS, facilities)

    out = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))

    assert len(out) == 30
    checked = 0
    for code in CODES:
        points = QgsProcessingFeatureSourceDefinition(facilities_uri)
        points.filterExpression = f"\"category\" = '{code}'"
        native = processing.run(
            "native:countpointsinpolygon",
            {"POLYGONS": circles_uri, "POINTS": points, "FIELD": "NATIVE", "OUTPUT": "memory:"},
        )["OUTPUT"]
        for feature in native.getFeatures():
            assert out[feature["circle_id"]][f"n_{code}"] == feature["NATIVE"], (code, feature["circle_id"])
            checked += feature["NATIVE"]
    assert checked > 100  # the oracle did see facilities inside circles
    for feature in out.values():
        present = [code for code in BASIC if feature[f"n_{code}"] > 0]
        assert feature["n_basic_present"] == len(present)
        assert feature["missing_basic"] == ",".join(code for code in BASIC if code not in present)


def test_hand_built_gaps_levels_population_and_grade(processing, default_settings, tmp_path):
    gpkg = tmp_path / "hand.gpkg"
    x0, y0 = ORIGIN
    circles = [
        # every basic category, three quality ones, and every 5-minute requirement: checked as 5, 10, 15 minutes
        (square(x0, y0, 1000), {"circle_id": "full5", "community_id": "c1", "level_min": 5}),
        (square(x0, y0, 1000), {"circle_id": "full10", "community_id": "c1", "level_min": 10}),
        (square(x0, y0, 1000), {"circle_id": "full15", "community_id": "c1", "level_min": 15}),
        (square(x0 + 5000, y0, 1000), {"circle_id": "empty", "community_id": "c2", "level_min": 15}),
        (square(x0 + 2000, y0, 1000), {"circle_id": "edge", "community_id": "nowhere"}),
    ]
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles)
    inside = [*BASIC, "restaurant", "cafe", "fitness"]
    # elderly_care is basic since the 2025 notice, so it is in BASIC already
    five_minute = ["kindergarten", "childcare", "clinic", "community_centre", "sports_ground", "outdoor_fitness"]
    five_minute += ["community_canteen", "park", "public_toilet"]
    rows = [(point(x0 + 10 + 30 * i, y0 + 500), {"category": code}) for i, code in enumerate(inside + five_minute)]
    rows.append((point(x0 + 900, y0 + 900), {"category": "greengrocer"}))  # a second greengrocer
    rows.append((point(x0 + 2000, y0 + 500), {"category": "pharmacy"}))  # on the edge of “edge”
    rows.append((point(x0 + 3000, y0 + 1000), {"category": "pharmacy"}))  # on its corner
    rows.append((point(x0 + 3000.5, y0 + 500), {"category": "pharmacy"}))  # just outside
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)
    communities_uri = write_gpkg(
        gpkg,
        "communities",
        QgsWkbTypes.Type.Point,
        UTM,
        [("community_id", T.String), ("population", T.Int)],
        [(point(x0, y0), {"community_id": "c1", "population": 5000}), (point(x0, y0), {"community_id": "c2"})],
    )

    out = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri, COMMUNITIES=communities_uri))

    full = out["full15"]
    assert full["n_greengrocer"] == 2 and full["n_pharmacy"] == 1 and full["n_bookstore"] == 0
    assert full["n_basic_present"] == 15 and full["missing_basic"] == "" and full["missing_basic_zh"] == ""
    assert full["n_quality_present"] == 4  # restaurant, cafe, fitness, childcare
    missing_quality = [code for code in QUALITY if code not in ("restaurant", "cafe", "fitness", "childcare")]
    assert full["missing_quality"] == ",".join(missing_quality)
    assert full["missing_quality_zh"] == "、".join(NAME_ZH[code] for code in missing_quality)
    assert full["grade"] == "提升型"  # all 15 basic, 4 quality: at least 3, fewer than 6
    assert full["population"] == 5000
    served = 16 + 4  # 16 basic facilities (two greengrocers) and 4 quality ones
    assert full["per_10k"] == pytest.approx(served * 10000 / 5000)
    # GB 50180 levels are cumulative; the greengrocer meets “菜市场或生鲜超市” without a fresh market
    assert out["full5"]["missing_required"] == ""
    assert out["full10"]["missing_required"] == "primary_school,bus_stop"
    assert out["full10"]["missing_required_zh"] == "小学、公交车站"
    assert out["full15"]["missing_required"] == "primary_school,bus_stop,middle_school"

    empty = out["empty"]
    assert all(empty[f"n_{code}"] == 0 for code in CODES)
    assert empty["n_basic_present"] == 0 and empty["n_quality_present"] == 0
    assert empty["missing_basic"] == ",".join(BASIC)
    assert empty["missing_basic_zh"] == "、".join(NAME_ZH[code] for code in BASIC)
    assert empty["grade"] == "未达标"
    assert empty["population"] == NULL and empty["per_10k"] == NULL  # c2 has no population
    assert "fresh_market|greengrocer" in empty["missing_required"].split(",")
    assert "convenience_store" in empty["missing_required"].split(",")

    edge = out["edge"]
    edge_geometry = next(iter(QgsVectorLayer(circles_uri).getFeatures("\"circle_id\" = 'edge'"))).geometry()
    brute = sum(edge_geometry.intersects(point(*xy)) for xy in [(x0 + 2000, y0 + 500), (x0 + 3000, y0 + 1000)])
    assert edge["n_pharmacy"] == brute == 2  # on the edge and on the corner count; 0.5 m outside does not
    assert edge["level_min"] == NULL and edge["missing_required"].endswith(
        "middle_school,dining|restaurant,fitness,repair,photo_print,housekeeping"
    )


def test_tiers_are_not_inclusive_a_kindergarten_900_m_away_misses_the_5_minute_row(
    processing, default_settings, tmp_path
):
    # GB 50180-2018, commentary to 5.0.2: a 15-minute circle's 5-minute row is checked in the 5-minute circle
    gpkg = tmp_path / "tiers.gpkg"
    x0, y0 = ORIGIN
    circles, rows = [], []
    for i, (community, metres, with_five) in enumerate(
        (("far", 900, True), ("near", 100, True), ("alone", 900, False))
    ):
        cx, cy = x0 + 10000 + 5000 * i, y0 + 1000
        if with_five:
            circles.append(
                (
                    square(cx - 300, cy - 300, 600),
                    {"circle_id": f"{community}5", "community_id": community, "level_min": 5},
                )
            )
        circles.append(
            (
                square(cx - 1000, cy - 1000, 2000),
                {"circle_id": f"{community}15", "community_id": community, "level_min": 15},
            )
        )
        rows.append((point(cx + metres, cy), {"category": "kindergarten"}))
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles)
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)

    out = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))

    def unmet(circle_id: str) -> list[str]:
        return out[circle_id]["missing_required"].split(",")

    assert out["far15"]["n_kindergarten"] == 1 and out["far5"]["n_kindergarten"] == 0
    assert "kindergarten" in unmet("far5") and "kindergarten" in unmet("far15")
    assert "幼儿园" in out["far15"]["missing_required_zh"].split("、")
    assert "kindergarten" not in unmet("near5") and "kindergarten" not in unmet("near15")
    # without a 5-minute circle of its community the tier is checked within the circle itself
    assert "kindergarten" not in unmet("alone15")


def test_community_shops_are_one_gb50180_item_met_by_any_of_them(processing, default_settings, tmp_path):
    # GB 50180 表B.0.2 社区商业网点(超市、药店、洗衣店、美发店等) is one item; MOFCOM still counts each category
    gpkg = tmp_path / "shops.gpkg"
    x0, y0 = ORIGIN
    circles = [
        (square(x0 + 5000 * i, y0, 1000), {"circle_id": circle_id, "level_min": 5})
        for i, circle_id in enumerate(("one_shop", "no_shop"))
    ]
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, circles)
    rows = [(point(x0 + 500, y0 + 500), {"category": "laundry"})]
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)

    out = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))

    item = "supermarket|pharmacy|laundry|hair_beauty"
    assert item not in out["one_shop"]["missing_required"].split(",")
    assert out["no_shop"]["missing_required"].split(",").count(item) == 1
    assert "社区商业网点(超市/药店/洗衣店/美发店等)" in out["no_shop"]["missing_required_zh"].split("、")
    assert "pharmacy" in out["one_shop"]["missing_basic"].split(",")  # the MOFCOM check is unchanged


def test_grade_drops_when_elderly_care_is_missing(processing, default_settings, tmp_path):
    # the 2025 扩围升级 notice makes 养老服务 a must-have: every other basic category is not enough
    gpkg = tmp_path / "elderly.gpkg"
    x0, y0 = ORIGIN
    fields = [("circle_id", T.String)]
    circles = [(square(x0, y0, 1000), {"circle_id": "with"}), (square(x0 + 5000, y0, 1000), {"circle_id": "without"})]
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, fields, circles)
    rows = [(point(x0 + 10 + 30 * i, y0 + 500), {"category": code}) for i, code in enumerate(BASIC)]
    others = [code for code in BASIC if code != "elderly_care"]
    rows += [(point(x0 + 5010 + 30 * i, y0 + 500), {"category": code}) for i, code in enumerate(others)]
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)

    out = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))

    assert "elderly_care" in BASIC and "car_wash" in BASIC
    assert out["with"]["grade"] == "基础型" and out["with"]["missing_basic"] == ""
    assert out["without"]["grade"] == "未达标"
    assert out["without"]["missing_basic"] == "elderly_care" and out["without"]["missing_basic_zh"] == "养老服务"
    assert out["without"]["n_basic_present"] == len(BASIC) - 1


def test_grade_follows_the_settings_and_population_field_of_the_circle(processing, default_settings, tmp_path):
    gpkg = tmp_path / "grade.gpkg"
    x0, y0 = ORIGIN
    circles_uri = write_gpkg(
        gpkg,
        "circles",
        QgsWkbTypes.Type.MultiPolygon,
        UTM,
        [("circle_id", T.String), ("population", T.Int)],
        [(square(x0, y0, 1000), {"circle_id": "k1", "population": 2000})],
    )
    rows = [(point(x0 + 10 + 30 * i, y0 + 500), {"category": code}) for i, code in enumerate(BASIC[:10])]
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)

    before = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))["k1"]
    Settings(grade_basic_min_basic=10, grade_enhanced_min_quality=0, grade_quality_min_quality=1).save()
    after = by_circle(run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri))["k1"]

    assert before["grade"] == "未达标" and after["grade"] == "提升型"
    assert before["population"] == 2000 and before["per_10k"] == pytest.approx(10 * 10000 / 2000)


def test_output_fits_the_workspace_coverage_layer(processing, default_settings, tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    gpkg = tmp_path / "in.gpkg"
    x0, y0 = ORIGIN
    circle = (square(x0, y0, 500), {"circle_id": "k1", "name": "东区", "level_min": 5, "method": "network"})
    fields = [*CIRCLE_FIELDS, ("method", T.String)]  # as the workspace circles layer has them
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, fields, [circle])
    facilities_uri = write_gpkg(
        gpkg,
        "facilities",
        QgsWkbTypes.Type.Point,
        UTM,
        FACILITY_FIELDS,
        [(point(x0 + 1, y0 + 1), {"category": "cafe"})],
    )
    out = run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri)
    coverage = workspace.layer("coverage")
    for field in coverage.fields():
        if field.name() != "fid":
            assert out.fields().lookupField(field.name()) >= 0, field.name()
            assert out.fields().field(field.name()).type() == field.type(), field.name()

    copy_features(out, coverage, QgsProject.instance().transformContext())

    (row,) = workspace.layer("coverage").getFeatures()
    assert (row["circle_id"], row["name"], row["level_min"], row["n_cafe"]) == ("k1", "东区", 5, 1)
    assert row["missing_required"].startswith("convenience_store,breakfast")


def _facilities_without_category(gpkg: Path) -> str:
    return write_gpkg(
        gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, [("kind", T.String)], [(point(*ORIGIN), {"kind": "x"})]
    )


def _facilities_with_unknown_codes(gpkg: Path) -> str:
    rows = [(point(*ORIGIN), {"category": "超市"}), (point(*ORIGIN), {})]
    return write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)


def _no_facilities(gpkg: Path) -> str:
    return write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, [])


@pytest.mark.parametrize(
    ("make_facilities", "fragment"),
    [
        (_facilities_without_category, "has no field “category”"),
        (_facilities_with_unknown_codes, "Run Classify facilities first"),
        (_no_facilities, "has no points"),
    ],
)
def test_bad_facilities_raise_a_sentence_and_write_nothing(
    processing, default_settings, tmp_path, make_facilities, fragment
):
    gpkg = tmp_path / "bad.gpkg"
    circles_uri = write_gpkg(
        gpkg,
        "circles",
        QgsWkbTypes.Type.MultiPolygon,
        UTM,
        CIRCLE_FIELDS,
        [(square(*ORIGIN, 100), {"circle_id": "k1"})],
    )
    facilities_uri = make_facilities(gpkg)
    output = tmp_path / "coverage.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri, OUTPUT=str(output))
    assert fragment in str(caught.value)
    assert "Nothing was written" in str(caught.value)
    assert not output.exists()


def test_empty_circles_and_unusable_communities_raise_and_write_nothing(processing, default_settings, tmp_path):
    gpkg = tmp_path / "bad.gpkg"
    facilities_uri = write_gpkg(
        gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, [(point(*ORIGIN), {"category": "cafe"})]
    )
    no_circles = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, [])
    circles_uri = write_gpkg(
        gpkg, "more_circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE_FIELDS, [(square(*ORIGIN, 100), {})]
    )
    communities_uri = write_gpkg(gpkg, "communities", QgsWkbTypes.Type.Point, UTM, [("name", T.String)], [])
    output = tmp_path / "coverage.gpkg"
    with pytest.raises(QgsProcessingException, match=r"circles layer has no features.*Nothing was written"):
        run(processing, CIRCLES=no_circles, FACILITIES=facilities_uri, OUTPUT=str(output))
    with pytest.raises(QgsProcessingException, match=r"community_id.*population.*Nothing was written"):
        run(processing, CIRCLES=circles_uri, FACILITIES=facilities_uri, COMMUNITIES=communities_uri, OUTPUT=str(output))
    assert not output.exists()


def test_unknown_codes_are_skipped_with_a_warning(processing, default_settings, tmp_path):
    gpkg = tmp_path / "mixed.gpkg"
    circles_uri = write_gpkg(
        gpkg,
        "circles",
        QgsWkbTypes.Type.MultiPolygon,
        UTM,
        CIRCLE_FIELDS,
        [(square(*ORIGIN, 100), {"circle_id": "k1"})],
    )
    rows = [(point(ORIGIN[0] + 5, ORIGIN[1] + 5), {"category": code}) for code in ("cafe", "cafe", "奶茶", None)]
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FACILITY_FIELDS, rows)
    feedback = RecordingFeedback()
    out = processing.run(
        "fifteenmin:coverage",
        {"CIRCLES": circles_uri, "FACILITIES": facilities_uri, "OUTPUT": "memory:"},
        feedback=feedback,
    )["OUTPUT"]
    (row,) = out.getFeatures()
    assert row["n_cafe"] == 2 and sum(row[f"n_{code}"] for code in CODES) == 2
    assert any("2 facilities" in text and "奶茶" in text for text in feedback.warnings), feedback.warnings


def test_level_requirements_table_is_checked(tmp_path):
    categories = load_categories()
    bundled = load_level_requirements(categories)
    assert {item.level_min for item in bundled} == {5, 10, 15}
    assert all(item.source.startswith(("GB 50180-2018", "MOFCOM")) for item in bundled)
    grocer = next(item for item in bundled if "greengrocer" in item.codes)
    assert (grocer.level_min, grocer.codes) == (10, ("fresh_market", "greengrocer"))
    assert grocer.label == "fresh_market|greengrocer"
    for body, fragment in [
        ("level_min,codes,requirement_zh,source\n5,bakery,面包店,local\n", "“bakery” is not a category code"),
        ("level_min,codes,requirement_zh,source\nfive,cafe,咖啡,local\n", "“five” is not a positive number"),
        ("level_min,codes,source\n5,cafe,local\n", "lacks the column(s) requirement_zh"),
    ]:
        path = tmp_path / "levels.csv"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(FifteenMinError) as caught:
            load_level_requirements(categories, path)
        assert fragment in caught.value.message and str(path) in caught.value.message
