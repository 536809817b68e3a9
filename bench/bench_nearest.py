"""nearestfacility on the real central-Shanghai network against networkx and pandana, on the same problem.

The anchors get the same graph, origins and facilities: the walkable roads of the sample's `shanghai_roads`
(the default excluded classes left out), every point snapped to its nearest segment within the snapping
tolerance, the straight walk to the road counted. Each anchor's minutes are checked against ours before its
ratio is printed.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from session import processing_session

from fifteen_min_plugin.processing.walking_graph import DEFAULT_EXCLUDE

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
#: the venv `make bench` builds for pandana (it needs a newer numpy than QGIS's); PANDANA_PYTHON overrides it
PANDANA_PYTHON = Path(os.environ.get("PANDANA_PYTHON", ROOT / "build" / "pandana-venv" / "bin" / "python"))
PANDANA_JOB = Path(__file__).resolve().parent / "pandana_job.py"
ORIGINS = 5000
FACILITIES = 2000
MAX_MINUTES = 30.0
SPEED_KMH = 4.0
METRES_PER_MINUTE = SPEED_KMH * 1000.0 / 60.0
SNAP_TOLERANCE_M = 100.0
REPEATS = 5
AGREEMENT_MIN = 0.01
EXCLUDED = set(DEFAULT_EXCLUDE.split(","))  # the classes nearestfacility leaves out by default
UTM51 = "EPSG:32651"


def _read_lines(roads) -> list[np.ndarray]:
    """Every walkable road part as a vertex array in UTM 51 (the anchors read the layer themselves)."""
    from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    to_utm = QgsCoordinateTransform(roads.crs(), QgsCoordinateReferenceSystem(UTM51), QgsProject.instance())
    lines = []
    for feature in roads.getFeatures():
        if str(feature["highway"]) in EXCLUDED:
            continue
        geometry = feature.geometry()
        if geometry.transform(to_utm) != Qgis.GeometryOperationResult.Success:
            raise RuntimeError(f"road {feature.id()} could not be transformed to {UTM51}")
        for part in geometry.asGeometryCollection():
            lines.append(np.array([(p.x(), p.y()) for p in part.vertices()]))
    return lines


def _seeded_points(lines: list[np.ndarray], count: int, rng: np.random.Generator) -> np.ndarray:
    """Points on random road segments, shifted up to a few tens of metres off them."""
    starts = np.concatenate([line[:-1] for line in lines])
    ends = np.concatenate([line[1:] for line in lines])
    pick = rng.integers(0, len(starts), count)
    t = rng.random(count)[:, None]
    return starts[pick] + (ends[pick] - starts[pick]) * t + rng.normal(0.0, 20.0, (count, 2))


def _points_layer(xy: np.ndarray, values: list[str], field: str):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    from fifteen_min_plugin.core.compat import new_field

    layer = QgsVectorLayer(f"Point?crs={UTM51}", field, "memory")
    layer.dataProvider().addAttributes([new_field(field, "text")])
    layer.updateFields()
    features = []
    for (x, y), value in zip(xy, values):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feature.setAttributes([value])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


@dataclass
class Problem:
    """The walking graph with origins and facilities as nodes of their own: what every anchor searches."""

    xy: np.ndarray  # (n, 2) node coordinates
    a: np.ndarray  # (m,) edge ends
    b: np.ndarray
    weight: np.ndarray  # (m,) metres
    origin_node: np.ndarray  # (origins,) node of each origin, -1 when beyond the snapping tolerance
    facility_node: np.ndarray  # (facilities,) likewise


def snapped_problem(lines: list[np.ndarray], origins_xy: np.ndarray, facilities_xy: np.ndarray) -> Problem:
    """Road vertices (exact coordinates) as nodes, segments as edges; each point a node joined to its segment.

    A point joins both ends of its nearest segment (straight walk + distance along), and every other point
    snapped to the same segment directly.
    """
    import shapely

    coords = np.concatenate(lines)
    part = np.repeat(np.arange(len(lines)), [len(line) for line in lines])
    unique, node = np.unique(coords, axis=0, return_inverse=True)
    node = node.ravel()
    same = part[1:] == part[:-1]
    a, b = node[:-1][same], node[1:][same]
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    key = np.unique(lo * np.int64(len(unique)) + hi)
    u, v = key // len(unique), key % len(unique)
    length = np.hypot(*(unique[u] - unique[v]).T)

    points = np.vstack([origins_xy, facilities_xy])
    tree = shapely.STRtree(shapely.linestrings(np.stack([unique[u], unique[v]], axis=1)))
    (which, segment), gap = tree.query_nearest(
        shapely.points(points), max_distance=SNAP_TOLERANCE_M, return_distance=True, all_matches=False
    )
    along = shapely.line_locate_point(
        shapely.linestrings(np.stack([unique[u[segment]], unique[v[segment]]], axis=1)), shapely.points(points[which])
    )
    point_node = np.full(len(points), -1, dtype=np.int64)
    point_node[which] = len(unique) + np.arange(len(which))
    new = point_node[which]
    extra_a = [new, new]
    extra_b = [u[segment], v[segment]]
    extra_w = [gap + along, gap + length[segment] - along]
    order = np.argsort(segment, kind="stable")
    for group in np.split(order, np.flatnonzero(np.diff(segment[order])) + 1):
        if len(group) > 1:
            i, j = np.triu_indices(len(group), 1)
            p, q = group[i], group[j]
            extra_a.append(new[p])
            extra_b.append(new[q])
            extra_w.append(gap[p] + np.abs(along[p] - along[q]) + gap[q])
    return Problem(
        xy=np.vstack([unique, points[which]]),
        a=np.concatenate([u, *extra_a]),
        b=np.concatenate([v, *extra_b]),
        weight=np.concatenate([length, *extra_w]),
        origin_node=point_node[: len(origins_xy)],
        facility_node=point_node[len(origins_xy) :],
    )


def networkx_nearest(roads, origins_xy: np.ndarray, facilities_xy: np.ndarray, category: np.ndarray, codes: list[str]):
    """The networkx anchor as a user writes it: graph from the layer, snapped points, one search per category.

    Returns metres (inf beyond the limit), one column per code.
    """
    import networkx as nx

    problem = snapped_problem(_read_lines(roads), origins_xy, facilities_xy)
    graph = nx.Graph()
    graph.add_weighted_edges_from(zip(problem.a.tolist(), problem.b.tolist(), problem.weight.tolist()))
    limit = MAX_MINUTES * METRES_PER_MINUTE
    result = np.full((len(origins_xy), len(codes)), np.inf)
    origin_nodes = problem.origin_node.tolist()
    for column in range(len(codes)):
        sources = [int(n) for n in problem.facility_node[category == column] if n >= 0]
        if not sources:
            continue
        dist = nx.multi_source_dijkstra_path_length(graph, sources, cutoff=limit, weight="weight")
        result[:, column] = [dist.get(n, np.inf) if n >= 0 else np.inf for n in origin_nodes]
    return result


def pandana_nearest(problem: Problem, category: np.ndarray, codes: list[str], folder: Path) -> tuple[np.ndarray, dict]:
    """The pandana anchor in its own venv: metres per origin and category (inf beyond the limit), its timings."""
    if not PANDANA_PYTHON.is_file():
        raise RuntimeError(
            f"pandana's venv is missing ({PANDANA_PYTHON}): `make bench` creates it, or set PANDANA_PYTHON to a "
            "Python that has pandana"
        )
    source, target = folder / "problem.npz", folder / "pandana.npz"
    np.savez(
        source,
        x=problem.xy[:, 0],
        y=problem.xy[:, 1],
        a=problem.a,
        b=problem.b,
        weight=problem.weight,
        facility_node=problem.facility_node,
        category=category,
        categories=len(codes),
        origin_node=problem.origin_node,
        limit=MAX_MINUTES * METRES_PER_MINUTE,
    )
    done = subprocess.run(
        [str(PANDANA_PYTHON), str(PANDANA_JOB), str(source), str(target)], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise RuntimeError(f"the pandana job failed:\n{done.stderr[-3000:]}")
    with np.load(target) as answer:
        timings = {key: float(answer[key]) for key in ("network_s", "pois_s", "query_s")}
        return answer["metres"], {**timings, "version": str(answer["version"])}


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else np.nan


def agreement(name: str, ours: np.ndarray, metres: np.ndarray) -> bool:
    """Print how an anchor's minutes compare with ours; True when they agree within AGREEMENT_MIN everywhere."""
    theirs = np.where(np.isfinite(metres), metres / METRES_PER_MINUTE, np.nan)
    both = ~np.isnan(theirs) & ~np.isnan(ours)
    only = np.isnan(theirs) != np.isnan(ours)
    worst = float(np.abs(theirs[both] - ours[both]).max()) if both.any() else float("nan")
    agree = worst <= AGREEMENT_MIN and not only.any()
    print(
        f"  agreement with {name}: {int(both.sum()):,} values, max |difference| {worst:.4f} min, "
        f"{int(only.sum())} NULL in one only -> {'agree' if agree else 'DISAGREE'} (within {AGREEMENT_MIN} min)"
    )
    return agree


def main() -> None:
    processing = processing_session()
    from qgis.core import QgsVectorLayer

    from fifteen_min_plugin.core.facilities.categories import load_categories

    roads = QgsVectorLayer(f"{SAMPLE}|layername=shanghai_roads", "roads", "ogr")
    if not roads.isValid():
        raise RuntimeError(f"{SAMPLE} has no layer shanghai_roads")
    codes = [category.code for category in load_categories()]
    rng = np.random.default_rng(2024)
    lines = _read_lines(roads)
    origins_xy = _seeded_points(lines, ORIGINS, rng)
    facilities_xy = _seeded_points(lines, FACILITIES, rng)
    category = rng.integers(0, len(codes), FACILITIES)
    origins = _points_layer(origins_xy, [f"o{i}" for i in range(ORIGINS)], "oid")
    facilities = _points_layer(facilities_xy, [codes[c] for c in category], "category")
    print(
        f"Shanghai sample network: {roads.featureCount()} roads; {ORIGINS} seeded origins, {FACILITIES} facilities "
        f"over the {len(codes)} category codes of the table; MAX_MINUTES {MAX_MINUTES:g} at {SPEED_KMH:g} km/h; "
        f"best of {REPEATS} runs each"
    )

    parameters = {
        "ROADS": roads,
        "ORIGINS": origins,
        "FACILITIES": facilities,
        "SPEED_KMH": SPEED_KMH,
        "MAX_MINUTES": MAX_MINUTES,
        "SNAP_TOLERANCE_M": SNAP_TOLERANCE_M,
    }
    ours_s = networkx_s = pandana_s = export_s = np.inf
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for run in range(REPEATS):
            target = str(folder / f"nearest{run}.gpkg")
            start = time.perf_counter()
            processing.run("fifteenmin:nearestfacility", {**parameters, "OUTPUT": target})
            ours_s = min(ours_s, time.perf_counter() - start)
        output = QgsVectorLayer(target, "nearest", "ogr")
        ours = np.array([[_number(f[f"min_{code}"]) for code in codes] for f in output.getFeatures()], dtype=float)
        del output

        for _ in range(REPEATS):
            start = time.perf_counter()
            reference = networkx_nearest(roads, origins_xy, facilities_xy, category, codes)
            networkx_s = min(networkx_s, time.perf_counter() - start)

        for _ in range(REPEATS):
            start = time.perf_counter()
            problem = snapped_problem(_read_lines(roads), origins_xy, facilities_xy)
            export_s = min(export_s, time.perf_counter() - start)
            pandana_metres, parts = pandana_nearest(problem, category, codes, folder)
            job_s = parts["network_s"] + parts["pois_s"] + parts["query_s"]
            if job_s < pandana_s:
                pandana_s, pandana_parts = job_s, parts

    print(
        f"  fifteenmin:nearestfacility (read the layer, graph, snap, {len(codes)} searches, write a GeoPackage): "
        f"{ours_s:7.2f} s"
    )
    import networkx

    print(
        f"  networkx {networkx.__version__} (graph from the layer, snap, {len(codes)} "
        f"multi_source_dijkstra_path_length with cutoff): {networkx_s:7.2f} s"
    )
    print(
        f"  pandana {pandana_parts['version']} (Network {pandana_parts['network_s']:.2f} s + set_pois "
        f"{pandana_parts['pois_s']:.2f} s + nearest_pois {pandana_parts['query_s']:.2f} s, {len(codes)} categories): "
        f"{pandana_s:7.2f} s; plus reading the layer and snapping the points for it (QGIS side): {export_s:.2f} s"
    )
    if agreement("networkx", ours, reference):
        print(f"  ratio networkx / ours: {networkx_s / ours_s:5.1f}x")
    else:
        print("  ratio networkx / ours: not printed, the results disagree")
    if agreement("pandana", ours, pandana_metres):
        print(
            f"  ratio pandana / ours: {pandana_s / ours_s:5.1f}x for pandana's job, "
            f"{(pandana_s + export_s) / ours_s:5.1f}x with reading and snapping"
        )
    else:
        print("  ratio pandana / ours: not printed, the results disagree")
