"""fifteenmin:fusion for all nine shipped circle profiles on the real central-Shanghai network.

5,000 seeded communities and 2,000 facilities over the union of the profiles' categories. The fusion run must
stay within 1.5× of one fifteenmin:nearestfacility run over the same facilities (the same union of categories,
searched as far as the longest reach): fusion is one search for all profiles, not one per profile.
A second fusion run adds a tenth profile whose items have minimum counts (absolute and per 1,000 residents): the
count within reach is one more pass over the same graph, and that run must stay within the same budget.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
from bench_nearest import SAMPLE, SNAP_TOLERANCE_M, SPEED_KMH, _points_layer, _read_lines, _seeded_points
from session import processing_session

ORIGINS = 5000
FACILITIES = 2000
REPEATS = 5
BUDGET = 1.5
#: the tenth profile: minimum counts within reach, absolute and per 1,000 residents (plugin-default style numbers)
MINIMUMS = (
    "item,item_zh,reach,reach_unit,min_count,per,measure,source,note\n"
    "convenience_store,便利店,15,min,3,absolute,count,bench,\n"
    "pharmacy,药店,1000,m,0.5,per_1000_residents,count,bench,\n"
    "clinic,卫生站,1000,m,1,absolute,count,bench,\n"
    "elderly_care,养老,15,min,0.4,per_1000_residents,count,bench,\n"
    "park|sports_ground,活动场地,800,m,2,absolute,count,bench,\n"
    "kindergarten,幼儿园,500,m,1,absolute,count,bench,\n"
)


def _with_population(layer, rng: np.random.Generator) -> None:
    """Seeded residents per community (synthetic) in a `population` field."""
    from fifteen_min_plugin.core.compat import new_field

    layer.dataProvider().addAttributes([new_field("population", "int")])
    layer.updateFields()
    index = layer.fields().indexOf("population")
    values = rng.integers(1000, 12000, layer.featureCount()).tolist()
    changed = {feature.id(): {index: value} for feature, value in zip(layer.getFeatures(), values)}
    if not layer.dataProvider().changeAttributeValues(changed):
        raise RuntimeError("could not write the seeded populations")


def main() -> None:
    processing = processing_session()
    from qgis.core import QgsVectorLayer

    from fifteen_min_plugin.core.analysis.fusion import search_minutes, union_codes
    from fifteen_min_plugin.core.analysis.profiles import SHIPPED, load_profiles

    roads = QgsVectorLayer(f"{SAMPLE}|layername=shanghai_roads", "roads", "ogr")
    if not roads.isValid():
        raise RuntimeError(f"{SAMPLE} has no layer shanghai_roads")
    profiles = load_profiles()
    codes = union_codes(profiles)
    limit = search_minutes(profiles, SPEED_KMH)
    rng = np.random.default_rng(2025)
    lines = _read_lines(roads)
    communities = _points_layer(_seeded_points(lines, ORIGINS, rng), [f"c{i}" for i in range(ORIGINS)], "cid")
    _with_population(communities, rng)
    category = rng.integers(0, len(codes), FACILITIES)
    facilities = _points_layer(_seeded_points(lines, FACILITIES, rng), [codes[c] for c in category], "category")
    print(
        f"Shanghai sample network: {roads.featureCount()} roads; {ORIGINS} seeded communities, {FACILITIES} "
        f"facilities over the {len(codes)} categories of the {len(SHIPPED)} shipped profiles; longest reach "
        f"{limit:.1f} min at {SPEED_KMH:g} km/h; best of {REPEATS} runs each"
    )
    common = {"ROADS": roads, "FACILITIES": facilities, "SPEED_KMH": SPEED_KMH, "SNAP_TOLERANCE_M": SNAP_TOLERANCE_M}
    fusion_s = nearest_s = minimums_s = np.inf
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        minimums = folder / "minimums.csv"
        minimums.write_text(MINIMUMS, encoding="utf-8")
        with_minimums = {
            **common,
            "COMMUNITIES": communities,
            "PROFILES": ",".join([*SHIPPED, str(minimums)]),
            "POPULATION_FIELD": "population",
        }
        for run in range(REPEATS):
            start = time.perf_counter()
            processing.run(
                "fifteenmin:nearestfacility",
                {**common, "ORIGINS": communities, "MAX_MINUTES": limit, "OUTPUT": str(folder / f"n{run}.gpkg")},
            )
            nearest_s = min(nearest_s, time.perf_counter() - start)
            start = time.perf_counter()
            target = str(folder / f"f{run}.gpkg")
            processing.run("fifteenmin:fusion", {**common, "COMMUNITIES": communities, "OUTPUT": target})
            fusion_s = min(fusion_s, time.perf_counter() - start)
            start = time.perf_counter()
            counted = str(folder / f"m{run}.gpkg")
            processing.run("fifteenmin:fusion", {**with_minimums, "OUTPUT": counted})
            minimums_s = min(minimums_s, time.perf_counter() - start)
        fused = QgsVectorLayer(target, "fusion", "ogr")
        rows = fused.featureCount()
        met = {name: sum(bool(f[f"{name}_met"]) for f in fused.getFeatures()) for name in SHIPPED}
        del fused
        fused = QgsVectorLayer(counted, "fusion", "ogr")
        short = sum(bool(f["minimums_short"]) for f in fused.getFeatures())
        minimums_met = sum(bool(f["minimums_met"]) for f in fused.getFeatures())
        del fused
    ratio = fusion_s / nearest_s
    print(f"  fifteenmin:fusion, {len(SHIPPED)} profiles, {rows} communities: {fusion_s:6.2f} s")
    print(f"  fifteenmin:nearestfacility over the same categories:   {nearest_s:6.2f} s")
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(f"  ratio fusion / nearestfacility: {ratio:4.2f}x ({verdict} the {BUDGET:g}x budget)")
    ratio = minimums_s / nearest_s
    verdict = "within" if ratio <= BUDGET else "OVER"
    print(
        f"  fifteenmin:fusion, {len(SHIPPED)} profiles + one with minimum counts (6 items, counted within reach): "
        f"{minimums_s:6.2f} s, ratio to nearestfacility {ratio:4.2f}x ({verdict} the {BUDGET:g}x budget); "
        f"{short} communities have an item below its minimum, {minimums_met} meet that profile"
    )
    print("  communities meeting each profile: " + ", ".join(f"{name} {count}" for name, count in met.items()))
