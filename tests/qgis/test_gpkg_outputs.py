"""Every fifteenmin algorithm writes its output to a GeoPackage file when its inputs come from GeoPackages.

A GeoPackage input carries a `fid` field; an output that copied it would repeat it (several rows per input,
or several inputs) and the GeoPackage would refuse the write. Each output is compared with the same run
written to `memory:`, which takes any attributes: same rows, same attributes, no `fid` column of the input's.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.processing.registry import algorithm_classes
from tests.qgis.test_poi_api import BOX, FakeAmap, auth_key, fake_amap  # noqa: F401

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
SURVEY = RESOURCES_DIR / "sample" / "haidian_survey_gcj02_gbk.csv"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, str]:
    """The sample GeoPackage copied (so no test holds the committed file open) and its layers as sources."""
    folder = tmp_path_factory.mktemp("gpkg_inputs")
    copy = folder / "sample.gpkg"
    shutil.copyfile(SAMPLE, copy)
    names = ("communities", "haidian_roads", "haidian_pois", "haidian_parking_and_buildings", "idle_assets_seed")
    layers = {name: f"{copy}|layername={name}" for name in names}
    # a spreadsheet whose own column is called fid, repeated, as exports from other systems have
    table = folder / "with_fid.csv"
    rows = ["fid,名称,经度,纬度", "7,便利店甲,116.350,40.003", "7,药店乙,116.352,40.004", "x,菜店丙,116.354,40.005"]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    layers["table_with_fid"] = str(table)
    osm = folder / "pois.osm"
    nodes = "".join(
        f'<node id="{n}" lat="40.00{n}" lon="116.35{n}" version="1"><tag k="shop" v="convenience"/></node>'
        for n in range(1, 6)
    )
    osm.write_text(f'<?xml version="1.0" encoding="UTF-8"?><osm version="0.6">{nodes}</osm>\n', encoding="utf-8")
    layers["osm"] = str(osm)
    # a project list with one planned pharmacy at the first community (the workspace's projects layer)
    workspace = Workspace.create(folder / "projects.gpkg")
    communities = QgsVectorLayer(layers["communities"], "c", "ogr")
    register = ProjectRegister.from_workspace(workspace)
    register.add(
        {"name": "社区药店", "category": "pharmacy"}, next(communities.getFeatures()).geometry(), communities.crs()
    )
    register.projects = register.events = None
    layers["projects"] = f"{workspace.path}|layername=projects"
    survey = folder / "survey.csv"  # satisfaction surveys, with a column of their own called fid
    survey.write_text("fid,社区,满意率,样本量\n1,示例社区01,0.91,80\n1,HD-C02,86%,60\n", encoding="utf-8")
    layers["survey"] = str(survey)
    return layers


def _gpkg(processing, algorithm: str, parameters: dict, folder: Path, name: str) -> str:
    """Run `algorithm` into `folder/name.gpkg`; the output's source string."""
    output = folder / f"{name}.gpkg"
    return processing.run(algorithm, {**parameters, "OUTPUT": str(output)})["OUTPUT"]


def _chain(processing, inputs: dict[str, str], folder: Path) -> dict[str, str]:
    """GeoPackage outputs the later algorithms read (each from a GeoPackage with fid)."""
    made = {}
    made["circles"] = _gpkg(
        processing,
        "fifteenmin:buffercircles",
        {"ORIGINS": inputs["communities"], "ORIGIN_ID_FIELD": "community_id", "RADII_M": "300,500", "MINUTES": "5,10"},
        folder,
        "circles",
    )
    made["classified"] = _gpkg(
        processing, "fifteenmin:classifyfacilities", {"INPUT": inputs["haidian_pois"]}, folder, "classified"
    )
    made["coverage"] = _gpkg(
        processing,
        "fifteenmin:coverage",
        {"CIRCLES": made["circles"], "FACILITIES": made["classified"]},
        folder,
        "coverage",
    )
    made["minutes"] = _gpkg(
        processing,
        "fifteenmin:nearestfacility",
        {
            "ROADS": inputs["haidian_roads"],
            "ORIGINS": inputs["communities"],
            "FACILITIES": made["classified"],
            "CATEGORY_FIELD": "category",
            "MAX_MINUTES": 15,
        },
        folder,
        "minutes",
    )
    made["fusion"] = _gpkg(
        processing, "fifteenmin:fusion", {"COMMUNITIES": inputs["communities"], "FACILITIES": made["classified"]},
        folder, "fusion",
    )  # fmt: skip
    made["suggestions"] = _gpkg(
        processing,
        "fifteenmin:repurpose",
        {"ASSETS": inputs["idle_assets_seed"], "COVERAGE": made["coverage"]},
        folder,
        "suggestions",
    )
    return made


@pytest.fixture(scope="module")
def chain(processing_module, inputs, tmp_path_factory) -> dict[str, str]:
    return _chain(processing_module, inputs, tmp_path_factory.mktemp("gpkg_chain"))


@pytest.fixture(scope="module")
def processing_module(qgis_processing):
    from qgis import processing as module
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("fifteenmin")
    added = provider is None
    if added:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    yield module
    if added:
        registry.removeProvider(provider)


def _cases(inputs: dict[str, str], chain: dict[str, str]) -> dict[str, dict]:
    """Parameters of every algorithm, its inputs read from GeoPackages (or files), OUTPUT left out."""
    return {
        "buffercircles": {
            "ORIGINS": inputs["communities"],
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "300,500,1000",
            "MINUTES": "5,10,15",
        },
        "networkcircles": {
            "ROADS": inputs["haidian_roads"],
            "ORIGINS": inputs["communities"],
            "ORIGIN_ID_FIELD": "community_id",
            "MINUTES": "5,10",
        },
        "convertcoords": {"INPUT": inputs["haidian_pois"], "FROM_SYSTEM": 0, "TO_SYSTEM": 1},
        "importtable": {"INPUT": inputs["table_with_fid"], "COORD_SYSTEM": 0},
        "importosm": {"INPUT": inputs["osm"]},
        "importneeds": {
            "INPUT": str(RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"),
            "COMMUNITIES": inputs["communities"],
            "COMMUNITY_FIELD": "社区",
            "TEXT_FIELD": "诉求内容",
        },
        "classifyfacilities": {"INPUT": inputs["haidian_pois"]},
        "coverage": {"CIRCLES": chain["circles"], "FACILITIES": chain["classified"]},
        "nearestfacility": {
            "ROADS": inputs["haidian_roads"],
            "ORIGINS": inputs["communities"],
            "FACILITIES": chain["classified"],
            "CATEGORY_FIELD": "category",
            "MAX_MINUTES": 15,
        },
        "fusion": {
            "COMMUNITIES": inputs["communities"],
            "FACILITIES": chain["classified"],
            "ROADS": inputs["haidian_roads"],
        },
        "populationsummary": {"ORIGINS": chain["minutes"], "POPULATION_FIELD": "population"},
        "idlecandidates": {"INPUT": [inputs["haidian_parking_and_buildings"], inputs["haidian_pois"]]},
        "repurpose": {"ASSETS": inputs["idle_assets_seed"], "COVERAGE": chain["coverage"], "TOP_N": 3},
        "colocation": {"FUSION": chain["fusion"], "ASSETS": inputs["idle_assets_seed"], "PROJECTS": inputs["projects"]},
        "importsatisfaction": {
            "INPUT": inputs["survey"],
            "COMMUNITY_FIELD": "社区",
            "SHARE_FIELD": "满意率",
            "SAMPLE_FIELD": "样本量",
            "COMMUNITIES": inputs["communities"],
        },
        "planscenario": {
            "CIRCLES": chain["circles"],
            "FACILITIES": chain["classified"],
            "PROJECTS": inputs["projects"],
            "COMMUNITIES": inputs["communities"],
        },
    }


def _rows(source: str) -> list[tuple]:
    """Attributes (without the output's own fid) and geometry WKT of every feature, in a stable order."""
    layer = QgsVectorLayer(source, "out", "ogr") if not isinstance(source, QgsVectorLayer) else source
    assert layer.isValid(), source
    names = layer.fields().names()
    if layer.providerType() == "ogr":
        names.remove("fid")  # the output GeoPackage's own row number
    rows = []
    for feature in layer.getFeatures(QgsFeatureRequest()):
        values = tuple(
            None if feature[name] is None or feature[name] != feature[name] else feature[name] for name in names
        )
        # a GeoPackage stores a feature without a point (a need placed by name) as POINT EMPTY, memory as NULL
        geometry = "" if feature.geometry().isEmpty() else feature.geometry().asWkt(6)
        rows.append((tuple(str(value) for value in values), geometry))
    return names, sorted(rows)


ALGORITHMS = sorted(cls.ID for cls in algorithm_classes())
KEYS = ("communities", "haidian_roads", "haidian_pois", "haidian_parking_and_buildings", "idle_assets_seed")
KEYS += ("table_with_fid", "osm", "projects", "survey")
CHAIN = ("circles", "classified", "coverage", "minutes", "fusion", "suggestions")


def test_every_algorithm_is_covered():
    assert set(ALGORITHMS) == set(_cases({key: "" for key in KEYS}, {key: "" for key in CHAIN})) | {
        "importpoiapi",
        "circleplan",
        "copyworkspace",  # writes a workspace, no feature sink (tests/qgis/test_copy_workspace.py)
    }


@pytest.mark.parametrize("algorithm", sorted(set(ALGORITHMS) - {"importpoiapi", "circleplan", "copyworkspace"}))
def test_output_to_a_geopackage_equals_the_memory_output(processing_module, inputs, chain, tmp_path, algorithm):
    parameters = _cases(inputs, chain)[algorithm]
    in_memory = processing_module.run(f"fifteenmin:{algorithm}", {**parameters, "OUTPUT": "memory:"})["OUTPUT"]
    output = tmp_path / f"{algorithm}.gpkg"
    written = processing_module.run(f"fifteenmin:{algorithm}", {**parameters, "OUTPUT": str(output)})["OUTPUT"]

    memory_names, memory_rows = _rows(in_memory)
    file_names, file_rows = _rows(written)
    assert memory_rows, "the run must write rows for the comparison to mean anything"
    assert file_names == memory_names and "fid" not in memory_names
    assert file_rows == memory_rows
    # the GeoPackage's own fid column numbers the rows 1..n, independent of the inputs' fids
    with sqlite3.connect(output) as connection:
        table = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type IN ('features', 'attributes')"
        ).fetchone()[0]
        fids = [row[0] for row in connection.execute(f'SELECT fid FROM "{table}" ORDER BY fid')]
    assert fids == list(range(1, len(memory_rows) + 1))


def test_poi_api_import_writes_a_geopackage(processing_module, fake_amap, auth_key, tmp_path):  # noqa: F811
    fake_amap.amap = FakeAmap(30)
    output = tmp_path / "pois.gpkg"
    result = processing_module.run(
        "fifteenmin:importpoiapi",
        {
            "PROVIDER": 0,
            "AUTHCFG": auth_key,
            "EXTENT": f"{BOX[0]},{BOX[2]},{BOX[1]},{BOX[3]} [EPSG:4326]",
            "KEYWORDS": "便利店",
            "QPS": 1000.0,
            "BASE_URL": fake_amap.base_url,
            "OUTPUT": str(output),
        },
    )
    assert sorted(feature["source_id"] for feature in QgsVectorLayer(result["OUTPUT"], "p", "ogr").getFeatures()) == (
        sorted(fake_amap.amap.truth)
    )


def test_circle_plan_reads_geopackage_inputs(processing_module, inputs, chain, tmp_path):
    pdf = tmp_path / "plan.pdf"
    processing_module.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": chain["coverage"],
            "ASSETS": inputs["idle_assets_seed"],
            "SUGGESTIONS": chain["suggestions"],
            "MINUTES": chain["minutes"],
            "FACILITIES": chain["classified"],
            "OUTPUT_PDF": str(pdf),
        },
    )
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_spreadsheet_column_named_fid_is_kept_as_orig_fid(processing_module, inputs, tmp_path):
    output = tmp_path / "table.gpkg"
    processing_module.run(
        "fifteenmin:importtable", {"INPUT": inputs["table_with_fid"], "COORD_SYSTEM": 0, "OUTPUT": str(output)}
    )
    with sqlite3.connect(output) as connection:
        rows = connection.execute('SELECT fid, orig_fid, "名称" FROM "table" ORDER BY fid').fetchall()
    assert rows == [(1, "7", "便利店甲"), (2, "7", "药店乙"), (3, "x", "菜店丙")]
