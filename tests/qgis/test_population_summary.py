"""fifteenmin:populationsummary against shares computed row by row in plain Python."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.population import read_minutes, summarise, summary_layer
from fifteen_min_plugin.core.facilities.categories import load_categories

T = QVariant.Type
with (RESOURCES_DIR / "categories" / "categories.csv").open(encoding="utf-8") as _handle:
    TABLE = list(csv.DictReader(_handle))
CODES = [row["code"] for row in TABLE]
BASIC = [row["code"] for row in TABLE if row["class"] == "basic"]


def write_origins(path: Path, codes: list[str], rows: list[dict]) -> str:
    fields = QgsFields()
    fields.append(QgsField("community_id", T.String))
    fields.append(QgsField("population", T.Int))
    for code in codes:
        fields.append(QgsField(f"min_{code}", T.Double))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "origins"
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.Point,
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateTransformContext(),
        options,
    )
    assert writer.hasError() == QgsVectorFileWriter.WriterError.NoError, writer.errorMessage()
    for number, values in enumerate(rows):
        feature = QgsFeature(fields)
        feature["community_id"] = f"c{number}"
        for key, value in values.items():
            feature[key] = value
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(121.4 + number * 1e-3, 31.2)))
        assert writer.addFeature(feature)
    del writer
    return f"{path}|layername=origins"


def random_rows(seed: int, count: int, codes: list[str]) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        row = {"population": rng.choice([None, 0, *range(100, 6000, 37)])}
        for code in codes:
            draw = rng.random()
            row[f"min_{code}"] = None if draw < 0.05 else 15.01 if draw < 0.1 else rng.choice([0.0, 15.0, draw * 14])
        rows.append(row)
    return rows


def oracle(rows: list[dict], codes: list[str], limit: float, weighted: bool) -> tuple[float, float]:
    """(covered, total) residents (or origins) within `limit` of every code in `codes`."""
    covered = total = 0.0
    for row in rows:
        if weighted and row["population"] is None:
            continue
        weight = row["population"] if weighted else 1
        total += weight
        if all(row[f"min_{code}"] is not None and row[f"min_{code}"] <= limit for code in codes):
            covered += weight
    return covered, total


def run(processing, **parameters):
    parameters.setdefault("OUTPUT", "memory:")
    return processing.run("fifteenmin:populationsummary", parameters)["OUTPUT"]


def test_weighted_shares_equal_the_row_by_row_oracle(processing, tmp_path):
    rows = random_rows(7, 300, CODES)
    origins = write_origins(tmp_path / "o.gpkg", CODES, rows)

    out = run(processing, ORIGINS=origins, POPULATION_FIELD="population")

    assert out.wkbType() == QgsWkbTypes.Type.NoGeometry
    table = {feature["category"]: feature for feature in out.getFeatures()}
    assert list(table) == ["all_basic", *CODES]
    skipped = sum(row["population"] is None for row in rows)
    for category, codes in [("all_basic", BASIC)] + [(code, [code]) for code in CODES]:
        covered, total = oracle(rows, codes, 15.0, weighted=True)
        feature = table[category]
        assert feature["residents"] == pytest.approx(total)
        assert feature["residents_covered"] == pytest.approx(covered)
        assert feature["share_pct"] == pytest.approx(100.0 * covered / total)
        assert feature["origins"] == len(rows) - skipped
        assert feature["max_minutes"] == 15.0
    assert 0 < table["all_basic"]["share_pct"] < min(table[code]["share_pct"] for code in BASIC)
    assert table["all_basic"]["category_zh"] == "全部基本保障类" and table["all_basic"]["note"] == ""


def test_unweighted_shares_and_max_minutes(processing, tmp_path):
    rows = random_rows(11, 120, CODES)
    origins = write_origins(tmp_path / "o.gpkg", CODES, rows)

    out = run(processing, ORIGINS=origins, MAX_MINUTES=10)

    table = {feature["category"]: feature for feature in out.getFeatures()}
    for category, codes in [("all_basic", BASIC), ("pharmacy", ["pharmacy"]), ("park", ["park"])]:
        covered, total = oracle(rows, codes, 10.0, weighted=False)
        assert table[category]["origins"] == total == 120
        assert table[category]["origins_covered"] == covered
        assert table[category]["share_pct"] == pytest.approx(100.0 * covered / total)
        assert table[category]["residents"] == NULL


def test_zero_and_exact_limit_count_as_covered():
    categories = load_categories()
    minutes = {"pharmacy": np.asarray([0.0, 15.0, 15.001, float("nan")])}
    (everything, pharmacy) = summarise(minutes, None, categories, 15.0)
    assert pharmacy.origins_covered == 2 and pharmacy.share_pct == pytest.approx(50.0)
    assert everything.category == "all_basic" and everything.origins_covered == 2
    assert "min_convenience_store" in everything.note  # the other basic fields are missing, and the note says so
    layer = summary_layer([everything, pharmacy], "summary")
    assert [f["category"] for f in layer.getFeatures()] == ["all_basic", "pharmacy"]


def test_missing_basic_fields_are_named_in_the_note(processing, tmp_path):
    present = [code for code in CODES if code not in ("laundry", "recycling")]
    rows = random_rows(3, 20, present)
    origins = write_origins(tmp_path / "o.gpkg", present, rows)
    out = run(processing, ORIGINS=origins, POPULATION_FIELD="population")
    table = {feature["category"]: feature for feature in out.getFeatures()}
    assert "laundry" not in table
    assert "min_laundry" in table["all_basic"]["note"] and "min_recycling" in table["all_basic"]["note"]
    covered, total = oracle(rows, [code for code in BASIC if code in present], 15.0, weighted=True)
    assert table["all_basic"]["residents_covered"] == pytest.approx(covered)
    assert table["all_basic"]["residents"] == pytest.approx(total)
    assert len(read_minutes(QgsVectorLayer(origins), load_categories(), "population").minutes) == len(present)


def test_a_layer_without_walking_times_is_refused(processing, tmp_path):
    origins = write_origins(tmp_path / "o.gpkg", [], [{"population": 10}])
    output = tmp_path / "summary.gpkg"
    with pytest.raises(QgsProcessingException) as caught:
        run(processing, ORIGINS=origins, OUTPUT=str(output))
    assert "min_<category>" in str(caught.value) and "Nothing was written" in str(caught.value)
    assert not output.exists()


def test_no_usable_population_is_refused(processing, tmp_path):
    origins = write_origins(tmp_path / "o.gpkg", ["pharmacy"], [{"min_pharmacy": 3.0}])
    output = tmp_path / "summary.gpkg"
    with pytest.raises(QgsProcessingException, match="no origins to summarise"):
        run(processing, ORIGINS=origins, POPULATION_FIELD="population", OUTPUT=str(output))
    assert not output.exists()
