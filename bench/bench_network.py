"""networkcircles against QGIS native service areas (Shanghai) and a city-scale synthetic grid."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from session import processing_session

CUTOFF_M = 1125.0
ORIGINS = 1000
NATIVE_POLYGON_SUBSET = 100
AGREEMENT = 0.01  # reachable street length: ours and native within 1% for every origin
REPEATS = 3  # the 1,000-origin runs: best of 3 on each side, since the machine is shared


def _shanghai_roads():
    """The highway lines of the bundled Shanghai extract in UTM 51: what a user hands to networkcircles."""
    from qgis import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from scripts.osm_extracts import SHANGHAI, osm_extract

    layer = QgsVectorLayer(f"{osm_extract(SHANGHAI)}|layername=lines", "roads", "ogr")
    if not layer.setSubsetString("highway IS NOT NULL"):
        raise RuntimeError("the OSM layer has no highway field")
    return processing.run(
        "native:reprojectlayer",
        {"INPUT": layer, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:32651"), "OUTPUT": "memory:"},
    )["OUTPUT"]


def _walkable(processing, roads):
    """The roads networkcircles walks on by default: the same classes left out, for the native run."""
    from fifteen_min_plugin.processing.walking_graph import DEFAULT_EXCLUDE

    classes = ",".join(f"'{value}'" for value in DEFAULT_EXCLUDE.split(","))
    return processing.run(
        "native:extractbyexpression",
        {"INPUT": roads, "EXPRESSION": f'"highway" NOT IN ({classes})', "OUTPUT": "memory:"},
    )["OUTPUT"]


def _points_layer(xy: np.ndarray, crs: str):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from fifteen_min_plugin.core.compat import new_field

    layer = QgsVectorLayer(f"Point?crs={crs}", "origins", "memory")
    layer.dataProvider().addAttributes([new_field("oid", "int")])
    layer.updateFields()
    features = []
    for i, (x, y) in enumerate(xy):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feature.setAttributes([i])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _shapes(layer) -> list:
    import shapely

    return [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()]


def _origins_on(roads, count: int, seed: int) -> np.ndarray:
    """Seeded random points on the segments of `roads`: both sides start from the same point on the street."""
    import shapely

    coords, index = shapely.get_coordinates(shapely.get_parts(_shapes(roads)), return_index=True)
    starts = np.flatnonzero(index[1:] == index[:-1])
    rng = np.random.default_rng(seed)
    pick = rng.choice(starts, count)
    t = rng.uniform(0.05, 0.95, count)[:, None]
    return coords[pick] + (coords[pick + 1] - coords[pick]) * t


def _timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _by_origin(layer, field: str) -> dict[int, object]:
    import shapely

    return {int(f[field]): shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()}


def _ours(processing, roads, origins):
    return processing.run(
        "fifteenmin:networkcircles",
        {
            "ROADS": roads,  # every highway line: the default exclusion leaves out the same classes as _walkable
            "ORIGINS": origins,
            "ORIGIN_ID_FIELD": "oid",
            "MINUTES": "15",  # one polygon per origin at the cutoff, as the native run makes
            "SPEED_KMH": CUTOFF_M * 60.0 / 15.0 / 1000.0,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]


class Streets:
    """The segments of a line layer, for measuring how much of them a set of service-area lines covers."""

    def __init__(self, layer) -> None:
        import shapely

        coords, index = shapely.get_coordinates(shapely.get_parts(_shapes(layer)), return_index=True)
        first = np.flatnonzero(index[1:] == index[:-1])
        start, end = coords[first], coords[first + 1]
        # one segment per pair of ends, whichever way it was drawn: ways drawn twice count once
        key = np.concatenate([np.minimum(start, end), np.maximum(start, end)], axis=1)
        _, unique = np.unique(key, axis=0, return_index=True)
        self.start, self.end = start[unique], end[unique]
        self.tree = shapely.STRtree(shapely.linestrings(np.stack([self.start, self.end], axis=1)))
        self.stride = float(np.hypot(*(self.end - self.start).T).max()) + 1.0

    def covered_m(self, lines) -> float:
        """Street length covered by `lines` (2-point pieces along the segments, overlapping as they please).

        Each piece becomes an interval along the segment it lies on; the intervals of a segment are merged.
        GEOS's union cannot do this reliably: a piece ending at an interpolated point lies off its segment by
        floating-point noise, so it is not merged with the piece it overlaps.
        """
        import shapely

        pieces = shapely.get_coordinates(shapely.get_parts(lines)).reshape(-1, 2, 2)
        segment = self.tree.query_nearest(shapely.points(pieces.mean(axis=1)), all_matches=False)[1]
        start, direction = self.start[segment], self.end[segment] - self.start[segment]
        unit = direction / np.hypot(*direction.T)[:, None]
        t0 = np.einsum("ij,ij->i", pieces[:, 0] - start, unit)
        t1 = np.einsum("ij,ij->i", pieces[:, 1] - start, unit)
        offset = segment * self.stride  # segments laid end to end with gaps, so one sweep merges them all
        low, high = np.minimum(t0, t1) + offset, np.maximum(t0, t1) + offset
        order = np.argsort(low, kind="stable")
        low, high = low[order], high[order]
        reached = np.maximum.accumulate(high)
        before = np.concatenate([[-np.inf], reached[:-1]])
        return float(np.clip(high - np.maximum(low, before), 0.0, None).sum())


def _check_lines(native_lines, ours, streets: Streets) -> bool:
    """Print how the native service-area lines compare with our isochrones; True when they agree."""
    import shapely

    native = _by_origin(native_lines, "oid")
    street = {int(f["origin_id"]): float(f["street_m"]) for f in ours.getFeatures()}
    polygons = _by_origin(ours, "origin_id")
    if set(native) != set(street):
        print(f"  agreement: DISAGREE, native has {len(native)} origins, ours {len(street)}")
        return False
    ids = sorted(native)
    # native lists an edge once from each reached end: the streets it covers are the reachable network
    native_m = np.array([streets.covered_m(native[i]) for i in ids])
    ours_m = np.array([street[i] for i in ids])
    relative = np.abs(ours_m - native_m) / native_m
    vertices = outside = 0
    worst_gap = 0.0
    for i in ids:
        xy = shapely.get_coordinates(native[i])
        inside = shapely.contains_xy(polygons[i], xy[:, 0], xy[:, 1])
        vertices += len(xy)
        outside += int((~inside).sum())
        if not inside.all():
            worst_gap = max(worst_gap, float(shapely.distance(polygons[i], shapely.points(xy[~inside])).max()))
    agree = bool(relative.max() <= AGREEMENT) and outside == 0
    print(
        f"  agreement, reachable street length per origin (ours street_m vs the streets the native lines cover): "
        f"median {np.median(relative):.4%}, max {relative.max():.4%}, {int((relative > AGREEMENT).sum())} origins "
        f"beyond {AGREEMENT:.0%}; native total {native_m.sum() / 1000:,.1f} km, ours {ours_m.sum() / 1000:,.1f} km"
    )
    print(
        f"  agreement, native service-area vertices inside our polygon: {vertices - outside:,} of {vertices:,}"
        + (f" (farthest outside: {worst_gap:.2f} m)" if outside else "")
        + f" -> {'agree' if agree else 'DISAGREE'}"
    )
    return agree


def shanghai(processing) -> None:
    roads = _shanghai_roads()
    walkable = _walkable(processing, roads)
    xy = _origins_on(walkable, ORIGINS, seed=42)
    origins = _points_layer(xy, "EPSG:32651")
    subset = _points_layer(xy[:NATIVE_POLYGON_SUBSET], "EPSG:32651")
    print(
        f"Shanghai (bundled extract): {roads.featureCount()} highway lines, {walkable.featureCount()} walkable "
        f"(both sides leave out the same classes); {ORIGINS} origins on the streets; cutoff {CUTOFF_M:.0f} m; "
        "topology tolerance 0 on both sides"
    )

    native = {"INPUT": walkable, "STRATEGY": 0, "TOLERANCE": 0, "TRAVEL_COST2": CUTOFF_M, "INCLUDE_BOUNDS": False}
    lines_s = ours_s = np.inf
    for _ in range(REPEATS):
        seconds, native_lines = _timed(
            lambda: processing.run(
                "native:serviceareafromlayer", {**native, "START_POINTS": origins, "OUTPUT_LINES": "memory:"}
            )["OUTPUT_LINES"]
        )
        lines_s = min(lines_s, seconds)
        seconds, ours = _timed(lambda: _ours(processing, roads, origins))
        ours_s = min(ours_s, seconds)
    agree = _check_lines(native_lines, ours, Streets(walkable))
    print(f"  native:serviceareafromlayer, lines only, {ORIGINS} origins, best of {REPEATS}: {lines_s:8.2f} s")
    print(
        f"  fifteenmin:networkcircles, {ours.featureCount()} polygons (street_m included), best of {REPEATS}: "
        f"{ours_s:8.2f} s"
    )
    print(f"  ratio native lines / ours = {lines_s / ours_s:6.2f}" if agree else "  ratio not printed: DISAGREE")

    def native_polygons():
        lines = processing.run(
            "native:serviceareafromlayer", {**native, "START_POINTS": subset, "OUTPUT_LINES": "memory:"}
        )["OUTPUT_LINES"]
        return processing.run(
            "native:buffer", {"INPUT": lines, "DISTANCE": 25, "SEGMENTS": 5, "DISSOLVE": False, "OUTPUT": "memory:"}
        )["OUTPUT"]

    polygons_s, buffered = _timed(native_polygons)
    subset_s, ours_subset = _timed(lambda: _ours(processing, roads, subset))
    native_area = {i: g.area for i, g in _by_origin(buffered, "oid").items()}
    ours_area = {i: g.area for i, g in _by_origin(ours_subset, "origin_id").items()}
    ratio = np.array([ours_area[i] / native_area[i] for i in sorted(native_area)])
    same_area = set(native_area) == set(ours_area) and bool(np.abs(ratio - 1.0).max() <= AGREEMENT)
    print(
        f"  the same {NATIVE_POLYGON_SUBSET} origins as polygons (streets widened by 25 m; measured on these "
        f"{NATIVE_POLYGON_SUBSET}, not extrapolated): area ours / native {ratio.min():.4f}-{ratio.max():.4f} -> "
        f"{'agree' if same_area else 'DISAGREE'} (within {AGREEMENT:.0%})"
    )
    print(f"  native lines + buffer, {NATIVE_POLYGON_SUBSET} origins: {polygons_s:8.2f} s")
    print(f"  fifteenmin:networkcircles, {NATIVE_POLYGON_SUBSET} origins: {subset_s:8.2f} s")
    if agree and same_area:
        print(f"  ratio native polygons / ours = {polygons_s / subset_s:6.2f}")
    else:
        print("  ratio not printed: DISAGREE")


def _grid_graph(side: int, spacing: float, rng: np.random.Generator):
    """A jittered street grid of side x side junctions with 5% of its streets missing."""
    from fifteen_min_plugin.core.network.graph import build_graph

    grid = np.stack(np.meshgrid(np.arange(side), np.arange(side), indexing="ij"), axis=-1).reshape(-1, 2)
    xy = grid * spacing + rng.normal(0.0, 6.0, grid.shape)
    ids = np.arange(side * side).reshape(side, side)
    pairs = np.concatenate(
        [np.stack([ids[:-1, :].ravel(), ids[1:, :].ravel()], 1), np.stack([ids[:, :-1].ravel(), ids[:, 1:].ravel()], 1)]
    )
    pairs = pairs[rng.random(len(pairs)) > 0.05]
    return build_graph(xy[pairs].reshape(-1, 2), np.repeat(np.arange(len(pairs)), 2))


def _synthetic_run(side: int, origins: int, cutoffs: list[float]) -> tuple[int, int, float]:
    """Edges, polygons and seconds for graph + snap + isochrones of `origins` random points on a grid."""
    from fifteen_min_plugin.core.network.isochrone import isochrones, snap_origins

    spacing = 100.0
    rng = np.random.default_rng(7)
    start = time.perf_counter()
    graph = _grid_graph(side, spacing, rng)
    sources = rng.random((origins, 2)) * (side - 1) * spacing
    snap = snap_origins(graph, sources, 100.0)
    count = sum(len(batch) for batch in isochrones(graph, sources, snap, cutoffs, workers=2))
    return graph.edge_count, count, time.perf_counter() - start


def _peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM, since ru_maxrss keeps the parent's peak across exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_alone() -> None:
    """The city-scale figures, in a process of their own so that its peak RSS is theirs alone."""
    origins = 5000
    for label, cutoffs in (("15 min only", [1000.0]), ("5 / 10 / 15 min", [333.3, 666.7, 1000.0])):
        # the anchor: a quarter of the city with a quarter of the origins, same density, same run
        small_edges, _, small_s = _synthetic_run(164, origins // 4, cutoffs)
        edges, count, elapsed = _synthetic_run(328, origins, cutoffs)
        peak_mb = _peak_rss_mb()
        print(f"Synthetic grid, {label}: {edges} edges, {origins} origins -> {count} polygons", flush=True)
        print(f"  graph + snap + blocks + isochrones: {elapsed:8.2f} s, peak RSS {peak_mb:.0f} MB")
        print(f"  anchor: {small_edges} edges, {origins // 4} origins: {small_s:8.2f} s")
        print(f"  ratio time per origin, whole city / quarter = {elapsed / origins / (small_s / (origins // 4)):6.2f}")


def synthetic() -> None:
    """Run `synthetic_alone` in a child process."""
    done = subprocess.run([sys.executable, __file__, "--synthetic"], check=False, capture_output=True, text=True)
    print(done.stdout, end="")
    if done.returncode:
        raise RuntimeError(f"the synthetic benchmark failed:\n{done.stderr}")


def main() -> None:
    processing = processing_session()
    shanghai(processing)
    synthetic()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    if sys.argv[1:] == ["--synthetic"]:
        synthetic_alone()
    else:
        main()
