"""Bad parameter values get a sentence of our own before anything is written; successful runs print no ERROR.

Each case was found by running the algorithms with bad values: QGIS answered a bare "Incorrect parameter
value for X", a traceback (a field that is not in its layer), or nothing at all (a radius of 10⁹ m).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from fifteen_min_plugin.__about__ import PACKAGE_DIR, RESOURCES_DIR
from tests.qgis.recording import RecordingFeedback

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
COMMUNITIES = f"{SAMPLE}|layername=communities"
ROADS = f"{SAMPLE}|layername=haidian_roads"
POIS = f"{SAMPLE}|layername=haidian_pois"
ASSETS = f"{SAMPLE}|layername=idle_assets_seed"


def _minutes_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=community_id:string&field=population:integer&field=min_pharmacy:double",
        "minutes",
        "memory",
    )
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["c1", 1000, 5.0])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
    assert layer.dataProvider().addFeature(feature)
    return layer


CASES = {
    "radius of 10⁹ m": (
        "buffercircles",
        {"ORIGINS": COMMUNITIES, "RADII_M": "1e9", "MINUTES": "5"},
        "A radius of 1,000,000,000 m is beyond the 5,000 m a living circle can have",
    ),
    "radius NaN (crashed QGIS in GEOS)": (
        "buffercircles",
        {"ORIGINS": COMMUNITIES, "RADII_M": "300,nan", "MINUTES": "5,10"},
        "Radii and minutes must be positive numbers separated by commas",
    ),
    "walking speed of 10⁹ km/h": (
        "nearestfacility",
        {"ROADS": ROADS, "ORIGINS": COMMUNITIES, "FACILITIES": POIS, "CATEGORY_FIELD": "amenity", "SPEED_KMH": 1e9},
        "“Walking speed (km/h)” must be at most 30 (got 1,000,000,000).",
    ),
    "a spreadsheet given as the OSM file": (
        "importosm",
        {"INPUT": str(RESOURCES_DIR / "sample" / "haidian_survey_gcj02_gbk.csv")},
        "“OSM file (.osm or .pbf)” must be a file of the types OSM (*.osm *.pbf)",
    ),
    "points given as the circles to download for (a TypeError traceback)": (
        "importosm",
        {"CIRCLES": COMMUNITIES, "OVERPASS_URL": "http://127.0.0.1:9/api"},
        "The circles layer holds no polygons",
    ),
    "id field not in the layer": (
        "buffercircles",
        {"ORIGINS": COMMUNITIES, "ORIGIN_ID_FIELD": "nope", "RADII_M": "300", "MINUTES": "5"},
        "has no field named “nope” (chosen for “Origin id field”); its fields are: fid, community_id",
    ),
    "walk of 10⁶ minutes": (
        "networkcircles",
        {"ROADS": ROADS, "ORIGINS": COMMUNITIES, "MINUTES": "5,1000000"},
        "A walk of 1,000,000 minutes is beyond the 60 minutes",
    ),
    "negative snapping tolerance": (
        "networkcircles",
        {"ROADS": ROADS, "ORIGINS": COMMUNITIES, "MINUTES": "5", "SNAP_TOLERANCE_M": -5},
        "“Snapping tolerance (m)” must be at least 0 (got -5).",
    ),
    "exclude field not in the roads": (
        "networkcircles",
        {"ROADS": ROADS, "ORIGINS": COMMUNITIES, "MINUTES": "5", "EXCLUDE_FIELD": "nope"},
        "has no field named “nope” (chosen for “Exclude roads by field”)",
    ),
    "coordinate system out of range": (
        "convertcoords",
        {"INPUT": POIS, "FROM_SYSTEM": 7, "TO_SYSTEM": 0},
        "“From” must be one of 0 = WGS84; 1 = GCJ-02; 2 = BD-09 (got “7”).",
    ),
    "encoding out of range": (
        "importtable",
        {"INPUT": str(RESOURCES_DIR / "sample" / "haidian_survey_gcj02_gbk.csv"), "COORD_SYSTEM": 0, "ENCODING": 7},
        "“Encoding” must be one of 0 = Auto; 1 = UTF-8; 2 = GBK/GB18030 (got “7”).",
    ),
    "name field not in the layer": (
        "classifyfacilities",
        {"INPUT": POIS, "NAME_FIELD": "nope"},
        "has no field named “nope” (chosen for “Name field”)",
    ),
    "zero maximum minutes in populationsummary, as in nearestfacility": (
        "populationsummary",
        {"ORIGINS": "minutes", "MAX_MINUTES": 0},
        "The maximum minutes must be greater than 0.",
    ),
    "populationsummary beyond an hour": (
        "populationsummary",
        {"ORIGINS": "minutes", "MAX_MINUTES": 600},
        "“Maximum minutes” must be between 0 and 60 (got 600).",
    ),
    "nearestfacility beyond an hour": (
        "nearestfacility",
        {"ROADS": ROADS, "ORIGINS": COMMUNITIES, "FACILITIES": POIS, "CATEGORY_FIELD": "amenity", "MAX_MINUTES": 1e9},
        "“Maximum minutes” must be at most 60 (got 1,000,000,000).",
    ),
    "zero suggestions per asset": (
        "repurpose",
        {"ASSETS": ASSETS, "COVERAGE": COMMUNITIES, "TOP_N": 0},
        "“Suggestions per asset” must be at least 1 (got 0).",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_value_is_refused_with_a_sentence_and_nothing_is_written(processing, tmp_path, case):
    algorithm, parameters, sentence = CASES[case]
    parameters = dict(parameters)
    if parameters.get("ORIGINS") == "minutes":
        parameters["ORIGINS"] = _minutes_layer()
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(f"fifteenmin:{algorithm}", {**parameters, "OUTPUT": str(output)}, feedback=RecordingFeedback())
    text = str(raised.value)
    assert sentence in text
    assert "Incorrect parameter value" not in text and "Traceback" not in text
    assert not output.exists()


def test_warnings_of_a_successful_run_are_not_errors(processing):
    """An origin far from any road and an asset without a location are warnings; the run succeeds."""
    origins = QgsVectorLayer(COMMUNITIES, "communities", "ogr").materialize(QgsFeatureRequest().setLimit(3))
    far = QgsFeature(origins.fields())
    far["community_id"] = "FAR"
    far.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.50, 40.10)))  # 15 km from the sample's roads
    assert origins.dataProvider().addFeature(far)
    feedback = RecordingFeedback()
    result = processing.run(
        "fifteenmin:networkcircles",
        {"ROADS": ROADS, "ORIGINS": origins, "ORIGIN_ID_FIELD": "community_id", "MINUTES": "5", "OUTPUT": "memory:"},
        feedback=feedback,
    )
    assert result["OUTPUT"].featureCount() == 3
    assert feedback.errors == [] and any("FAR" in warning for warning in feedback.warnings)

    assets = QgsVectorLayer(ASSETS, "assets", "ogr").materialize(QgsFeatureRequest())
    lost = QgsFeature(assets.fields())
    lost["asset_type"] = "parking"
    assert assets.dataProvider().addFeature(lost)
    circles = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": origins, "RADII_M": "500", "MINUTES": "10", "OUTPUT": "memory:"},
    )["OUTPUT"]
    coverage = processing.run(
        "fifteenmin:coverage",
        {
            "CIRCLES": circles,
            "FACILITIES": processing.run("fifteenmin:classifyfacilities", {"INPUT": POIS, "OUTPUT": "memory:"})[
                "OUTPUT"
            ],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    feedback = RecordingFeedback()
    processing.run(
        "fifteenmin:repurpose", {"ASSETS": assets, "COVERAGE": coverage, "OUTPUT": "memory:"}, feedback=feedback
    )
    assert feedback.errors == [] and any("has no geometry" in warning for warning in feedback.warnings)


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory) -> dict[str, str]:
    """qgis_process with this source tree as an enabled plugin of a throwaway profile."""
    if shutil.which("qgis_process") is None:
        pytest.skip("qgis_process is not installed")
    root = tmp_path_factory.mktemp("qgis_process")
    plugin = root / "plugins" / PACKAGE_DIR.name
    plugin.mkdir(parents=True)
    for entry in [*PACKAGE_DIR.iterdir(), PACKAGE_DIR.parent / "metadata.txt", RESOURCES_DIR]:
        (plugin / entry.name).symlink_to(entry)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(root / "profile"),
        QGIS_PLUGINPATH=str(root / "plugins"),
    )
    enable = subprocess.run(
        ["qgis_process", "plugins", "enable", PACKAGE_DIR.name], env=env, capture_output=True, text=True, timeout=300
    )
    assert enable.returncode == 0, enable.stderr[-2000:]
    return env


@pytest.mark.parametrize("case", ["coordinate system out of range", "radius of 10⁹ m"])
def test_qgis_process_gives_the_same_sentence(qgis_process_env, tmp_path, case):
    algorithm, parameters, sentence = CASES[case]
    output = tmp_path / "out.gpkg"
    arguments = [f"{name}={value}" for name, value in {**parameters, "OUTPUT": str(output)}.items()]
    run = subprocess.run(
        ["qgis_process", "run", f"fifteenmin:{algorithm}", "--", *arguments],
        env=qgis_process_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = run.stdout + run.stderr
    assert run.returncode != 0 and sentence in said, said[-2000:]
    assert "Incorrect parameter value" not in said and not output.exists()
