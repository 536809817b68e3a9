"""fifteenmin:fusion through processing.run: real Haidian streets against networkx, per-profile runs, no roads."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from qgis.core import NULL, QgsProcessingException, QgsVectorLayer

from fifteen_min_plugin.core.analysis.profiles import PROFILES_DIR, SHIPPED
from tests.qgis import test_nearest_facility
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_nearest_facility import metric_points, point_layer

#: the module fixture of real Haidian streets, sample communities, classified POIs and the networkx oracle
haidian_streets = test_nearest_facility.haidian

SPEED = 4.0
PER_MINUTE = SPEED * 1000.0 / 60.0


def fuse(processing_module, feedback=None, **parameters) -> QgsVectorLayer:
    defaults = {"SPEED_KMH": SPEED, "SNAP_TOLERANCE_M": 100.0, "OUTPUT": "memory:"}
    layer = processing_module.run("fifteenmin:fusion", {**defaults, **parameters}, feedback=feedback)["OUTPUT"]
    return layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "out", "ogr")


def profile_rows(name: str) -> list[tuple[list[str], float]]:
    """(codes, reach in minutes) of every row of a shipped profile, read with the csv module alone."""
    with (PROFILES_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return [
            (row["item"].split("|"), float(row["reach"]) / (PER_MINUTE if row["reach_unit"] == "m" else 1.0))
            for row in csv.DictReader(handle)
        ]


def is_null(value: object) -> bool:
    return value is None or value == NULL


def test_fusion_matches_networkx_and_per_profile_runs_on_real_haidian_streets(haidian_streets, tmp_path):
    processing, roads, communities, facilities, oracle = haidian_streets
    target = tmp_path / "fusion.gpkg"
    log = RecordingFeedback()
    fused = fuse(processing, log, COMMUNITIES=communities, FACILITIES=facilities, ROADS=roads, OUTPUT=str(target))
    assert target.is_file() and fused.isValid() and fused.featureCount() == communities.featureCount()
    rows = list(fused.getFeatures())
    assert [row["name"] for row in rows] == [f["name"] for f in communities.getFeatures()]
    assert any("One search over" in line for line in log.lines)
    # classified facilities of a category no profile uses (cafés) are not searched, and not called unknown
    assert "cafe" in {f["category"] for f in facilities.getFeatures()}
    assert not any("“cafe”" in line for line in log.lines)
    assert any("no known category code" in line for line in log.lines)  # unclassified POIs still are

    origins_xy, _ = metric_points(communities)
    facility_xy, facility_code = metric_points(facilities, "category")
    walks: dict[str, np.ndarray] = {}
    met_counts = np.zeros(len(rows), dtype=int)
    compared = met_seen = 0
    for name in SHIPPED:
        items = profile_rows(name)
        cutoff = max(reach for _, reach in items)
        for codes, _ in items:
            for code in codes:
                if code not in walks:
                    members = facility_xy[[value == code for value in facility_code]]
                    metres = oracle.nearest(origins_xy, members, 60.0 * PER_MINUTE, 100.0) if len(members) else None
                    walks[code] = metres / PER_MINUTE if metres is not None else np.full(len(rows), np.inf)
        for index, row in enumerate(rows):
            best = [min(walks[code][index] for code in codes) for codes, _ in items]
            near_edge = any(abs(walk - reach) < 1e-6 for walk, (_, reach) in zip(best, items))
            if near_edge:
                continue
            missing = ["|".join(codes) for walk, (codes, reach) in zip(best, items) if not walk <= reach]
            assert bool(row[f"{name}_met"]) == (not missing), (name, row["name"])
            assert (row[f"{name}_missing"] or "") == ",".join(missing), (name, row["name"])
            assert bool(row[f"{name}_missing_zh"]) == bool(missing)
            if all(walk <= cutoff for walk in best):
                assert row[f"{name}_worst_min"] == pytest.approx(max(best), rel=1e-6), name
            else:
                assert is_null(row[f"{name}_worst_min"]), name
            met_counts[index] += not missing
            met_seen += not missing
            compared += 1
    assert compared > 0.9 * len(rows) * len(SHIPPED)
    assert 0 < met_seen < compared  # the sample meets some circles and not others
    print(f"fusion vs networkx: {len(rows)} communities, {compared} community-profile pairs, {met_seen} met")
    assert all(row["reach_method"] == "network" for row in rows)

    # each profile run on its own gives the same columns as the fused run
    for name in ("education", "parcel", "gb50180"):
        alone = {
            row["name"]: row
            for row in fuse(
                processing, COMMUNITIES=communities, FACILITIES=facilities, ROADS=roads, PROFILES=name
            ).getFeatures()
        }
        assert set(alone[rows[0]["name"]].fields().names()) >= {f"{name}_met", "n_profiles_met"}
        assert "medical_met" not in alone[rows[0]["name"]].fields().names()
        for row in rows:
            other = alone[row["name"]]
            for suffix in ("met", "missing", "missing_zh"):
                assert other[f"{name}_{suffix}"] == row[f"{name}_{suffix}"]
            worst, other_worst = row[f"{name}_worst_min"], other[f"{name}_worst_min"]
            assert (is_null(worst) and is_null(other_worst)) or worst == pytest.approx(other_worst, rel=1e-9)
            assert other["n_profiles_met"] == int(bool(other[f"{name}_met"]))
    assert all(row["n_profiles_met"] == sum(bool(row[f"{name}_met"]) for name in SHIPPED) for row in rows)


def test_without_roads_reach_is_straight_line_and_labelled(processing, tmp_path):
    profile = tmp_path / "corner.csv"
    profile.write_text(
        "item,item_zh,reach,reach_unit,min_count,per,source,note\n"
        "pharmacy,药店,600,m,,,plugin default,\n"
        "clinic|private_clinic,,5,min,,,plugin default,\n",
        encoding="utf-8",
    )
    facilities = point_layer([(250, 0, "pharmacy"), (0, 400, "private_clinic"), (0, 100, "cafe")])
    communities = point_layer([(0, 0, "a"), (1000, 0, "b")], field="name")
    log = RecordingFeedback()
    rows = {
        row["name"]: row
        for row in fuse(
            processing, log, COMMUNITIES=communities, FACILITIES=facilities, PROFILES=f"parcel, {profile}"
        ).getFeatures()
    }
    a, b = rows["a"], rows["b"]
    assert a["reach_method"] == b["reach_method"] == "straight_line"
    assert any("straight line" in line for line in log.lines)
    # a: pharmacy 250 m ≤ 600 m; private clinic 400 m = 6 min > 5 min, within the profile's longest reach (9 min)
    assert not a["corner_met"] and a["corner_missing"] == "clinic|private_clinic"
    assert a["corner_missing_zh"] == "社区卫生服务中心(站)/诊所"
    assert a["corner_worst_min"] == pytest.approx(400.0 / PER_MINUTE)
    # b: pharmacy 750 m > 600 m; the clinic 1077 m is beyond the profile's longest reach (600 m = 9 min)
    assert b["corner_missing"] == "pharmacy,clinic|private_clinic" and b["corner_missing_zh"].startswith("药店、")
    assert is_null(b["corner_worst_min"])
    assert not a["parcel_met"] and a["parcel_missing"] == "post_express" and a["n_profiles_met"] == 0


def test_a_bad_profile_is_refused_with_a_sentence_naming_it(processing, tmp_path):
    facilities = point_layer([(0, 0, "pharmacy")])
    communities = point_layer([(0, 0, "a")], field="name")
    with pytest.raises(QgsProcessingException, match="no shipped circle profile 'fitnes'"):
        fuse(processing, COMMUNITIES=communities, FACILITIES=facilities, PROFILES="fitnes")
    bad = tmp_path / "mine.csv"
    bad.write_text("item,reach,reach_unit,source\npharmacy,-3,min,x\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Line 2"):
        fuse(processing, COMMUNITIES=communities, FACILITIES=facilities, PROFILES=str(bad))
