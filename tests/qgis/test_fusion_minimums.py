"""fifteenmin:fusion minimums (count, area, per residents/households) and CIRCLES, against independent oracles.

Walking counts are checked against networkx on the real Haidian streets (one Dijkstra per facility), straight-line
counts against shapely distances, and the circle scope on a hand-made layout.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.settings import Settings
from tests.qgis import test_nearest_facility
from tests.qgis.recording import RecordingFeedback
from tests.qgis.test_fusion import PER_MINUTE, fuse
from tests.qgis.test_nearest_facility import metric_points, point_layer

#: the module fixture of real Haidian streets, sample communities (with population and households), classified POIs
haidian_streets = test_nearest_facility.haidian

HEADER = "item,item_zh,reach,reach_unit,min_count,per,measure,source,note\n"


def write_profile(folder, name: str, rows: str):
    path = folder / f"{name}.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def layer(geometry: str, fields: list[tuple[str, str]], rows: list[tuple]) -> QgsVectorLayer:
    """A memory layer in UTM 50N; each row is (wkt, *attributes)."""
    result = QgsVectorLayer(f"{geometry}?crs=EPSG:32650", "layer", "memory")
    result.dataProvider().addAttributes([new_field(name, kind) for name, kind in fields])
    result.updateFields()
    features = []
    for wkt, *values in rows:
        feature = QgsFeature(result.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(values)
        features.append(feature)
    assert result.dataProvider().addFeatures(features)[0]
    return result


def is_null(value: object) -> bool:
    return value is None or value == NULL


def test_walking_minimums_match_networkx_counts_on_real_haidian_streets(haidian_streets, tmp_path):
    processing, roads, communities, facilities, oracle = haidian_streets
    # counts, a per-residents count, a per-households count and an area per residents, each within its own reach
    profile = write_profile(
        tmp_path,
        "mins",
        "dining,餐饮,10,min,8,absolute,count,plugin default,\n"
        "convenience_store,便利店,800,m,0.5,per_1000_residents,count,plugin default,\n"
        "dining|restaurant,餐饮(含特色),600,m,0.5,per_100_households,count,plugin default,\n"
        "park,公园,15,min,400,per_1000_residents,area_m2,plugin default,\n",
    )
    log = RecordingFeedback()
    fused = fuse(
        processing,
        log,
        COMMUNITIES=communities,
        FACILITIES=facilities,
        ROADS=roads,
        PROFILES=str(profile),
        POPULATION_FIELD="population",
        HOUSEHOLDS_FIELD="households",
        AREA_FIELD="footprint_m2",
    )
    rows = list(fused.getFeatures())
    assert len(rows) == communities.featureCount() == 12
    origins_xy, _ = metric_points(communities)
    facility_xy, facility_code = metric_points(facilities, "category")
    area = [f["footprint_m2"] for f in facilities.getFeatures()]
    items = [
        (["dining"], 10 * PER_MINUTE, lambda r: 8),
        (["convenience_store"], 800.0, lambda r: 0.5 * r["population"] / 1000),
        (["dining", "restaurant"], 600.0, lambda r: 0.5 * r["households"] / 100),
        (["park"], 15 * PER_MINUTE, lambda r: 400 * r["population"] / 1000),
    ]
    # the oracle: one networkx Dijkstra from each facility of the profile's categories
    walks = {}
    for i, code in enumerate(facility_code):
        if any(code in codes for codes, _, _ in items):
            walks[i] = oracle.nearest(origins_xy, facility_xy[[i]], 15 * PER_MINUTE + 1.0, 100.0)
    compared = short_seen = met_seen = 0
    for index, row in enumerate(rows):
        missing, short = [], []
        edge = False
        for k, (codes, reach, need) in enumerate(items):
            inside = [i for i, walk in walks.items() if facility_code[i] in codes and walk[index] <= reach]
            edge |= any(abs(walk[index] - reach) < 1e-3 for i, walk in walks.items() if facility_code[i] in codes)
            have = sum((area[i] or 0.0) if k == 3 else 1 for i in inside)
            required = need(row)
            label = "|".join(codes)
            if not inside or have < required - 1e-6:
                missing.append(label)
            if inside and have < required - 1e-6:
                short.append(
                    f"{label} {have:.0f}/{required:.0f} m²" if k == 3 else f"{label} {have:g}/{math.ceil(required):g}"
                )
        if edge:
            continue
        assert (row["mins_missing"] or "") == ",".join(missing), row["community_id"]
        assert bool(row["mins_met"]) == (not missing)
        assert (row["mins_short"] or "") == "; ".join(short), row["community_id"]
        compared += 1
        short_seen += bool(short)
        met_seen += not missing
    assert compared >= 10 and short_seen >= 3 and met_seen >= 1  # the minimums decide real rows, not only presence
    print(f"minimums vs networkx: {compared} communities compared, {short_seen} below a minimum, {met_seen} met")


def test_counts_within_reach_match_networkx_from_seeded_origins_on_real_haidian_streets(haidian_streets, tmp_path):
    """Every category's count within 600 m from 60 origins on and beside the streets, read from `_short`."""
    processing, roads, _, facilities, oracle = haidian_streets
    rng = np.random.default_rng(1062)
    seeded = oracle.xy[rng.choice(len(oracle.xy), 60, replace=False)] + rng.normal(0.0, 20.0, (60, 2))
    origins = point_layer([(x, y, f"s{i}") for i, (x, y) in enumerate(seeded)], field="name")
    codes = ["dining", "restaurant", "convenience_store", "sports_ground", "cafe"]
    # a minimum no community reaches: every community with one within reach lists its count in <profile>_short
    profile = write_profile(
        tmp_path, "counts", "".join(f"{code},,600,m,999,absolute,count,plugin default,\n" for code in codes)
    )
    fused = fuse(processing, COMMUNITIES=origins, FACILITIES=facilities, ROADS=roads, PROFILES=str(profile))
    rows = {row["name"]: row for row in fused.getFeatures()}
    facility_xy, facility_code = metric_points(facilities, "category")
    compared = counted = 0
    for code in codes:
        members = [i for i, value in enumerate(facility_code) if value == code]
        walks = np.array([oracle.nearest(seeded, facility_xy[[i]], 700.0, 100.0) for i in members])
        walks = walks.reshape(len(members), len(seeded))
        for index in range(len(seeded)):
            if np.any(np.abs(walks[:, index] - 600.0) < 1e-3):
                continue  # on the edge of the reach: rounding decides
            expected = int((walks[:, index] <= 600.0).sum())
            shorts = dict(text.split(" ") for text in (rows[f"s{index}"]["counts_short"] or "").split("; ") if text)
            have = int(shorts[code].split("/")[0]) if code in shorts else 0
            assert have == expected, (code, index)
            compared += 1
            counted += expected
    assert compared > 280 and counted > 200
    print(f"counts within 600 m vs networkx: {compared} origin-category pairs, {counted} facilities counted")


def test_the_tdt1062_example_runs_as_a_user_profile_on_real_haidian_streets(haidian_streets):
    from fifteen_min_plugin.core.analysis.profiles import PROFILES_DIR

    processing, roads, communities, facilities, oracle = haidian_streets
    path = PROFILES_DIR / "examples" / "tdt1062.csv"
    fused = fuse(
        processing, COMMUNITIES=communities, FACILITIES=facilities, ROADS=roads, PROFILES=f"mofcom_convenience,{path}"
    )
    rows = list(fused.getFeatures())
    assert {"tdt1062_met", "tdt1062_short", "mofcom_convenience_met"} <= set(rows[0].fields().names())
    origins_xy, _ = metric_points(communities)
    facility_xy, facility_code = metric_points(facilities, "category")
    stores = [i for i, code in enumerate(facility_code) if code == "convenience_store"]
    walks = np.array([oracle.nearest(origins_xy, facility_xy[[i]], 20 * PER_MINUTE, 100.0) for i in stores])
    within = (walks <= 10 * PER_MINUTE).sum(axis=0)
    for row, count in zip(rows, within):
        missing = (row["tdt1062_missing"] or "").split(",")
        # the plugin-default row: two convenience stores within 10 minutes
        assert ("convenience_store" in missing) == (count < 2), row["community_id"]
        assert ("convenience_store 1/2" in (row["tdt1062_short"] or "")) == (count == 1)
    assert all(
        row["n_profiles_met"] == int(bool(row["tdt1062_met"])) + int(bool(row["mofcom_convenience_met"]))
        for row in rows
    )


def test_straight_line_minimums_match_shapely_counts(processing, tmp_path):
    rng = np.random.default_rng(15)
    homes = rng.uniform(0, 3000, (40, 2))
    places = rng.uniform(0, 3000, (300, 2))
    kinds = rng.choice(["pharmacy", "clinic", "elderly_care"], 300)
    beds = rng.integers(5, 60, 300).astype(float)
    beds[::17] = np.nan  # a facility without a capacity adds nothing
    population = rng.integers(500, 9000, 40)
    communities = layer(
        "Point",
        [("name", "text"), ("pop", "int")],
        [(f"POINT({x} {y})", f"c{i}", int(p)) for i, ((x, y), p) in enumerate(zip(homes, population))],
    )
    facilities = layer(
        "Point",
        [("category", "text"), ("beds", "double")],
        [(f"POINT({x} {y})", kind, None if np.isnan(b) else float(b)) for (x, y), kind, b in zip(places, kinds, beds)],
    )
    profile = write_profile(
        tmp_path,
        "care",
        "pharmacy,药店,500,m,3,absolute,,plugin default,\n"
        "clinic|pharmacy,医疗,10,min,1,per_100_households,,plugin default,\n"
        "elderly_care,养老,15,min,20,per_1000_residents,capacity,plugin default,\n",
    )
    log = RecordingFeedback()
    rows = {
        row["name"]: row
        for row in fuse(
            processing,
            log,
            COMMUNITIES=communities,
            FACILITIES=facilities,
            PROFILES=str(profile),
            POPULATION_FIELD="pop",
            CAPACITY_FIELD="beds",
        ).getFeatures()
    }
    assert any("no number in “beds”" in line for line in log.lines)
    points = shapely.points(places)
    persons = Settings.load().persons_per_household  # no households field: population ÷ the Options' figure
    met = short_seen = 0
    for i, home in enumerate(homes):
        row = rows[f"c{i}"]
        distance = shapely.distance(shapely.Point(home), points)
        missing, short = [], []
        for codes, reach, need, weights in (
            (["pharmacy"], 500.0, 3.0, np.ones(300)),
            (["clinic", "pharmacy"], 10 * PER_MINUTE, population[i] / persons / 100.0, np.ones(300)),
            (["elderly_care"], 15 * PER_MINUTE, 20.0 * population[i] / 1000.0, np.nan_to_num(beds)),
        ):
            inside = np.isin(kinds, codes) & (distance <= reach)
            have = float(weights[inside].sum())
            label = "|".join(codes)
            if not inside.any() or have < need - 1e-6:
                missing.append(label)
            if inside.any() and have < need - 1e-6:
                short.append(label)
        assert (row["care_missing"] or "") == ",".join(missing), i
        assert [text.split(" ")[0] for text in (row["care_short"] or "").split("; ") if text] == short
        met += bool(row["care_met"])
        short_seen += bool(short)
    assert 0 < met < len(homes) and short_seen > 0


def test_a_minimum_without_the_field_it_needs_is_refused_naming_the_row(processing, tmp_path):
    communities = layer("Point", [("name", "text")], [("POINT(0 0)", "a")])
    facilities = layer("Point", [("category", "text")], [("POINT(10 0)", "pharmacy")])
    per_residents = write_profile(tmp_path, "p", "clinic,,500,m,,,,x,\npharmacy,,500,m,1,per_1000_residents,,x,\n")
    with pytest.raises(QgsProcessingException, match=r"Line 3 of the circle profile p .*POPULATION_FIELD"):
        fuse(processing, COMMUNITIES=communities, FACILITIES=facilities, PROFILES=str(per_residents))
    area = write_profile(tmp_path, "a", "pharmacy,,500,m,100,absolute,area_m2,x,\n")
    with pytest.raises(QgsProcessingException, match="AREA_FIELD"):
        fuse(processing, COMMUNITIES=communities, FACILITIES=facilities, PROFILES=str(area))
    bad = write_profile(tmp_path, "b", "pharmacy,,500,m,1,absolute,volume,x,\n")
    with pytest.raises(QgsProcessingException, match=r"Line 2 .*measure 'volume'"):
        fuse(processing, COMMUNITIES=communities, FACILITIES=facilities, PROFILES=str(bad))


def test_a_facility_in_the_community_circle_beyond_the_minutes_meets_the_item_only_with_circles(processing, tmp_path):
    # c1's own 5-minute circle is a long strip along its street: the pharmacy at 450 m lies inside it, beyond the
    # item's 300 m; c1 has no 15-minute circle, so the 15-minute item is decided by the walk
    profile = write_profile(
        tmp_path,
        "strip",
        "pharmacy,药店,300,m,,,,plugin default,\n"
        "pharmacy,药店(两家),300,m,2,absolute,,plugin default,\n"
        "clinic,卫生站,15,min,,,,plugin default,\n",
    )
    communities = layer(
        "Point",
        [("community_id", "text")],
        [("POINT(0 0)", "c1"), ("POINT(5000 0)", "c2")],
    )
    circles = layer(
        "Polygon",
        [("community_id", "text"), ("level_min", "int")],
        [("POLYGON((-100 -50, 600 -50, 600 50, -100 50, -100 -50))", "c1", 5)],
    )
    facilities = layer(
        "Point",
        [("category", "text")],
        [("POINT(450 0)", "pharmacy"), ("POINT(550 10)", "pharmacy"), ("POINT(0 900)", "clinic")],
    )
    common = {"COMMUNITIES": communities, "FACILITIES": facilities, "PROFILES": str(profile)}
    without = {row["community_id"]: row for row in fuse(processing, **common).getFeatures()}
    log = RecordingFeedback()
    within = {row["community_id"]: row for row in fuse(processing, log, CIRCLES=circles, **common).getFeatures()}
    assert "strip_scope" not in without["c1"].fields().names()
    assert without["c1"]["strip_missing"] == "pharmacy,pharmacy" and not without["c1"]["strip_met"]
    # with its circle: both pharmacies are in it (count 2 ≥ 2); the clinic at 900 m = 13.5 min is within 15 min
    assert within["c1"]["strip_met"] and (within["c1"]["strip_missing"] or "") == ""
    assert within["c1"]["strip_scope"] == "circle+walk" and within["c1"]["n_profiles_met"] == 1
    # c2 has no circle: the walk decides everything, as without circles
    assert within["c2"]["strip_scope"] == "walk"
    assert within["c2"]["strip_missing"] == without["c2"]["strip_missing"] == "pharmacy,pharmacy,clinic"
    # the worst walk stays the walk (450 m and 900 m), whichever decided the item
    assert within["c1"]["strip_worst_min"] == pytest.approx(900 / PER_MINUTE)
    assert any("1 circles of 1 communities" in line for line in log.lines)
    # a circle of another level does not decide the 5-minute items
    assert circles.dataProvider().changeAttributeValues({1: {1: 10}})
    other = {row["community_id"]: row for row in fuse(processing, CIRCLES=circles, **common).getFeatures()}
    assert other["c1"]["strip_missing"] == "pharmacy,pharmacy" and other["c1"]["strip_scope"] == "walk"
    # a circle without a level is left out, with its id in the log
    assert circles.dataProvider().changeAttributeValues({1: {1: None}})
    log = RecordingFeedback()
    fuse(processing, log, CIRCLES=circles, **common)
    assert any("1 circles have no level" in line and "1" in line for line in log.lines)
    with pytest.raises(QgsProcessingException, match="community_id"):
        fuse(processing, CIRCLES=layer("Polygon", [("level_min", "int")], []), **common)
    assert is_null(without["c2"]["strip_worst_min"])
