"""networkcircles against QGIS native service areas (Shanghai) and a city-scale synthetic grid."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from session import processing_session

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CUTOFF_M = 1125.0
ORIGINS = 1000
NATIVE_POLYGON_SUBSET = 100


def _shanghai_roads():
    from qgis import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    layer = QgsVectorLayer(str(DATA / "shanghai_center.osm") + "|layername=lines", "roads", "ogr")
    if not layer.setSubsetString("highway IS NOT NULL"):
        raise RuntimeError("the OSM layer has no highway field")
    return processing.run(
        "native:reprojectlayer",
        {"INPUT": layer, "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:32651"), "OUTPUT": "memory:"},
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


def _origins_near(roads, count: int, seed: int) -> np.ndarray:
    """Seeded random points on road segments, shifted up to ~30 m off them."""
    import shapely

    wkb = [bytes(f.geometry().asWkb()) for f in roads.getFeatures()]
    coords, index = shapely.get_coordinates(shapely.get_parts(shapely.from_wkb(wkb)), return_index=True)
    starts = np.flatnonzero(index[1:] == index[:-1])
    rng = np.random.default_rng(seed)
    pick = rng.choice(starts, count)
    t = rng.random(count)[:, None]
    return coords[pick] + (coords[pick + 1] - coords[pick]) * t + rng.normal(0.0, 15.0, (count, 2))


def _timed(function):
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def shanghai(processing) -> None:
    roads = _shanghai_roads()
    xy = _origins_near(roads, ORIGINS, seed=42)
    origins = _points_layer(xy, "EPSG:32651")
    subset = _points_layer(xy[:NATIVE_POLYGON_SUBSET], "EPSG:32651")
    print(f"Shanghai: {roads.featureCount()} roads, {ORIGINS} origins, cutoff {CUTOFF_M:.0f} m")

    native = {"INPUT": roads, "STRATEGY": 0, "TRAVEL_COST2": CUTOFF_M, "INCLUDE_BOUNDS": False}
    lines_s, _ = _timed(
        lambda: processing.run(
            "native:serviceareafromlayer", {**native, "START_POINTS": origins, "OUTPUT_LINES": "memory:"}
        )
    )

    def native_polygons():
        lines = processing.run(
            "native:serviceareafromlayer", {**native, "START_POINTS": subset, "OUTPUT_LINES": "memory:"}
        )["OUTPUT_LINES"]
        return processing.run(
            "native:buffer",
            {"INPUT": lines, "DISTANCE": 25, "SEGMENTS": 5, "DISSOLVE": False, "OUTPUT": "memory:"},
        )["OUTPUT"], lines

    def native_polygons_dissolved():
        buffered, _ = native_polygons()
        return processing.run("native:dissolve", {"INPUT": buffered, "FIELD": ["oid"], "OUTPUT": "memory:"})

    print(f"  native:serviceareafromlayer lines, {ORIGINS} origins: {lines_s:8.2f} s", flush=True)
    polygons_s, _ = _timed(native_polygons_dissolved)
    polygons_s *= ORIGINS / NATIVE_POLYGON_SUBSET

    ours_s, result = _timed(
        lambda: processing.run(
            "fifteenmin:networkcircles",
            {
                "ROADS": roads,
                "ORIGINS": origins,
                "MINUTES": "15",  # one polygon per origin at the cutoff, as the native path makes
                "SPEED_KMH": CUTOFF_M * 60.0 / 15.0 / 1000.0,
                "OUTPUT": "memory:",
            },
        )
    )
    produced = result["OUTPUT"].featureCount()
    print(
        f"  native lines + buffer + dissolve (x{ORIGINS // NATIVE_POLYGON_SUBSET} of {NATIVE_POLYGON_SUBSET}): "
        f"{polygons_s:8.2f} s"
    )
    print(f"  fifteenmin:networkcircles, {produced} polygons: {ours_s:8.2f} s")
    print(f"  ratio native_lines / ours    = {lines_s / ours_s:6.2f}")
    print(f"  ratio native_polygons / ours = {polygons_s / ours_s:6.2f}")


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
