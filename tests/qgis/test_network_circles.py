"""fifteenmin:networkcircles through processing.run, checked against an independent networkx oracle."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from fifteen_min_plugin.core.network.graph import SAME_VERTEX_M
from tests.qgis.conftest import osm_file

OSM = osm_file("beijing_haidian_cau.osm")
UTM50 = QgsCoordinateReferenceSystem("EPSG:32650")
EXCLUDED = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "raceway"}
WALK_OFF = 25.0
CHORD_GAP = WALK_OFF * (1.0 - np.cos(np.pi / 8.0)) + 0.01
LEVELS = (5.0, 10.0, 15.0)
METRES_PER_MINUTE = 4000.0 / 60.0


def point_layer(points: list[tuple[float, float]], crs: str = "EPSG:32650") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}", "origins", "memory")
    layer.dataProvider().addAttributes([QgsField("name", QVariant.Type.String)])
    layer.updateFields()
    features = []
    for i, (x, y) in enumerate(points):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([f"c{i}"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def line_layer(lines: list[list[tuple[float, float]]]) -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:32650", "roads", "memory")
    features = []
    for line in lines:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in line]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def run(processing_module, **parameters):
    from qgis import processing

    defaults = {"ORIGIN_ID_FIELD": "name", "MINUTES": "5,10,15", "OUTPUT": "memory:"}
    return processing.run("fifteenmin:networkcircles", {**defaults, **parameters})


def polygons_by_origin(layer: QgsVectorLayer) -> dict[str, dict[float, tuple[shapely.Geometry, QgsFeature]]]:
    result: dict[str, dict[float, tuple[shapely.Geometry, QgsFeature]]] = {}
    for feature in layer.getFeatures():
        geometry = shapely.from_wkb(bytes(feature.geometry().asWkb()))
        result.setdefault(feature["origin_id"], {})[feature["minutes"]] = (geometry, feature)
    return result


def near_reach(pieces: list[tuple], distance: float) -> np.ndarray:
    """Points `distance` from the street pieces: around every end in 32 directions, and beside each piece."""
    a, b = (np.array([piece[i] for piece in pieces], dtype=float) for i in (0, 1))
    angles = np.linspace(0.0, 2.0 * np.pi, 32, endpoint=False)
    ring = distance * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    around = (np.concatenate([a, b])[:, None, :] + ring[None]).reshape(-1, 2)
    along = b - a
    normal = np.stack([-along[:, 1], along[:, 0]], axis=1) / np.maximum(np.hypot(*along.T), 1e-12)[:, None]
    beside = [a + along * t + normal * side * distance for t in (0.25, 0.5, 0.75) for side in (-1.0, 1.0)]
    return np.concatenate([around, *beside])


class Oracle:
    """The OSM streets as a networkx graph built here from the layer's own vertices (exact coordinates)."""

    def __init__(self, roads: QgsVectorLayer) -> None:
        to_utm = QgsCoordinateTransform(roads.crs(), UTM50, QgsProject.instance())
        self.graph = nx.Graph()
        keys: dict[tuple[float, float], int] = {}
        for feature in roads.getFeatures():
            if str(feature["highway"]) in EXCLUDED:
                continue
            geometry = feature.geometry()
            assert geometry.transform(to_utm) == Qgis.GeometryOperationResult.Success
            for part in geometry.asGeometryCollection():
                previous = None
                for vertex in part.vertices():
                    node = keys.setdefault((vertex.x(), vertex.y()), len(keys))
                    if previous is not None and previous != node:
                        self.graph.add_edge(previous, node)
                    previous = node
        self.xy = np.array(list(keys))
        for a, b in self.graph.edges:
            self.graph.edges[a, b]["weight"] = float(np.hypot(*(self.xy[a] - self.xy[b])))
        self.edges = np.array(self.graph.edges)
        self.total_m = sum(w for _, _, w in self.graph.edges(data="weight"))

    def search(self, origin: np.ndarray, cutoff: float) -> tuple[dict[int, float], list[tuple], float]:
        """Network distances from origin, and the exactly cut reachable street pieces and their length."""
        a, b = self.xy[self.edges[:, 0]], self.xy[self.edges[:, 1]]
        ab = b - a
        t = np.clip(((origin - a) * ab).sum(1) / (ab * ab).sum(1), 0, 1)
        gaps = np.hypot(*(a + ab * t[:, None] - origin).T)
        best = int(np.argmin(gaps))
        u, v = (int(n) for n in self.edges[best])
        length = float(np.hypot(*ab[best]))
        offset, gap = float(t[best]) * length, float(gaps[best])
        graph = self.graph.copy()
        graph.add_edge("o", u, weight=gap + offset)
        graph.add_edge("o", v, weight=gap + length - offset)
        dist = nx.single_source_dijkstra_path_length(graph, "o", weight="weight")
        dist.pop("o")
        pieces, street = [], 0.0
        for p, q, w in self.graph.edges(data="weight"):
            if {p, q} == {u, v}:
                continue
            rp, rq = cutoff - dist.get(p, np.inf), cutoff - dist.get(q, np.inf)
            if rp + rq >= w:
                pieces.append((self.xy[p], self.xy[q]))
                street += w
                continue
            for near, far, r in ((p, q, rp), (q, p, rq)):
                if r > 0:
                    pieces.append((self.xy[near], self.xy[near] + (self.xy[far] - self.xy[near]) * r / w))
                    street += r
        snapped = a[best] + ab[best] * t[best]
        budget = cutoff - gap
        if budget > 0:
            lo, hi = max(offset - budget, 0.0), min(offset + budget, length)
            pieces.append((a[best] + ab[best] * lo / length, a[best] + ab[best] * hi / length))
            street += hi - lo
        if gap > 0:
            pieces.append((origin, origin + (snapped - origin) * min(1.0, cutoff / gap)))
        return {n: d for n, d in dist.items()}, pieces, street


@pytest.fixture(scope="module")
def osm_roads() -> QgsVectorLayer:
    layer = QgsVectorLayer(str(OSM) + "|layername=lines", "roads", "ogr")
    assert layer.isValid()
    assert layer.setSubsetString("highway IS NOT NULL")
    return layer


@pytest.fixture(scope="module")
def oracle(osm_roads) -> Oracle:
    return Oracle(osm_roads)


def test_polygons_match_the_networkx_oracle_on_real_osm_streets(processing, osm_roads, oracle):
    rng = np.random.default_rng(3)
    picks = rng.choice(len(oracle.xy), 20, replace=False)
    origins = oracle.xy[picks] + rng.normal(0.0, 12.0, (20, 2))
    far_away = oracle.xy.max(axis=0) + 3000.0
    layer = point_layer([tuple(p) for p in origins] + [tuple(far_away)])
    output = run(processing, ROADS=osm_roads, ORIGINS=layer, SNAP_TOLERANCE_M=100.0)["OUTPUT"]
    result = polygons_by_origin(output)

    assert output.crs() == UTM50
    assert "c20" not in result  # beyond the snapping tolerance: no polygon
    assert set(result) == {f"c{i}" for i in range(20)}
    beyond_checked = 0
    for i, origin in enumerate(origins):
        levels = result[f"c{i}"]
        assert sorted(levels) == list(LEVELS)
        assert levels[5.0][1]["name"] == f"c{i}"  # origin attributes kept
        for smaller, larger in zip(LEVELS, LEVELS[1:]):
            assert shapely.area(shapely.difference(levels[smaller][0], levels[larger][0])) < 1e-3
        for minutes in LEVELS:
            polygon, feature = levels[minutes]
            cutoff = minutes * METRES_PER_MINUTE
            dist, pieces, street = oracle.search(origin, cutoff)
            assert feature["reach_m"] == pytest.approx(cutoff)
            assert feature["area_m2"] == pytest.approx(polygon.area)
            assert feature["method"] == "network"
            assert feature["street_m"] == pytest.approx(street, abs=0.05)
            assert feature["street_m"] <= oracle.total_m
            nodes = np.array(list(dist))
            d = np.array([dist[n] for n in nodes])
            grown = shapely.buffer(polygon, 1e-6)
            inside = shapely.contains_xy(grown, *oracle.xy[nodes[d <= cutoff]].T)
            assert inside.all(), f"c{i} {minutes} min: a node within the cutoff lies outside its polygon"
            vertices = shapely.get_coordinates(polygon)
            assert np.hypot(*(vertices - origin).T).max() <= cutoff + WALK_OFF + 1e-6
            reach = shapely.multilinestrings([shapely.linestrings(np.array(p)) for p in pieces])
            assert shapely.distance(shapely.points(vertices), reach).max() <= WALK_OFF + 0.01
            # the polygon is the reachable streets buffered, short of the walk-off by no more than the arc chords
            # (25 m x (1 - cos 22.5°) = 1.90 m); merged vertices move streets by less than 0.5 m
            assert shapely.contains_xy(polygon, *near_reach(pieces, WALK_OFF - CHORD_GAP - SAME_VERTEX_M).T).all()
            # nodes far beyond the cutoff lie outside, unless an unconnected reachable street passes close by
            unreached = np.setdiff1d(np.arange(len(oracle.xy)), nodes[d <= cutoff + WALK_OFF + 5.0])
            far_points = shapely.points(oracle.xy[unreached])
            clear = shapely.distance(far_points, reach) > WALK_OFF + 0.5
            assert not shapely.contains(polygon, far_points[clear]).any()
            beyond_checked += int(clear.sum())
    assert beyond_checked > 1000


def test_disconnected_network_and_a_bridge_without_vertex(processing):
    roads = line_layer(
        [
            [(0, 0), (500, 0), (2000, 0)],
            [(1000, -800), (1000, 800)],  # crosses the street at (1000, 0) without a shared vertex
            [(5000, 0), (5600, 0)],  # a separate island of streets
        ]
    )
    origins = point_layer([(100, 5), (5100, 0)])
    output = run(processing, ROADS=roads, ORIGINS=origins, MINUTES="15")["OUTPUT"]
    result = polygons_by_origin(output)
    main, _ = result["c0"][15.0]
    island, feature = result["c1"][15.0]
    assert result["c0"][15.0][1]["street_m"] == pytest.approx(100.0 + 995.0)
    assert feature["street_m"] == pytest.approx(600.0)
    assert main.contains(shapely.Point(1000, 0)) and main.contains(shapely.Point(1090, 0))
    assert not main.contains(shapely.Point(1000, 300)) and not main.contains(shapely.Point(1130, 0))
    assert not main.intersects(island)


@pytest.mark.parametrize("tolerance", [0.0, 1.0])
def test_the_isochrone_never_spreads_onto_a_bridge_passing_a_road_vertex(processing, tolerance):
    # a road along y = 0 with a vertex at x = 0; a bridge along x = 0.3 with a vertex at (0.3, 0), 0.3 m away
    roads = line_layer([[(-300, 0), (0, 0), (300, 0)], [(0.3, -400), (0.3, 0), (0.3, 400)]])
    output = run(
        processing, ROADS=roads, ORIGINS=point_layer([(-100, 5)]), MINUTES="10", TOPOLOGY_TOLERANCE_M=tolerance
    )
    polygon, feature = polygons_by_origin(output["OUTPUT"])["c0"][10.0]
    assert feature["street_m"] == pytest.approx(600.0)  # the whole road, none of the bridge
    assert polygon.contains(shapely.Point(250, 0)) and not polygon.contains(shapely.Point(0.3, 300))


def test_a_cad_undershoot_is_walked_across_only_with_a_topology_tolerance(processing):
    roads = line_layer([[(0, 0), (600, 0)], [(300, 0.4), (300, 400)]])  # the side street stops 0.4 m short
    origins = point_layer([(10, -5)])
    apart = polygons_by_origin(run(processing, ROADS=roads, ORIGINS=origins, MINUTES="10")["OUTPUT"])["c0"][10.0]
    joined = polygons_by_origin(
        run(processing, ROADS=roads, ORIGINS=origins, MINUTES="10", TOPOLOGY_TOLERANCE_M=0.5)["OUTPUT"]
    )["c0"][10.0]
    assert apart[1]["street_m"] == pytest.approx(600.0)
    assert joined[1]["street_m"] == pytest.approx(600.0 + 0.4 + (4000 / 6 - 5 - 290 - 0.4))  # 5 m to the road
    assert joined[0].contains(shapely.Point(300, 300)) and not apart[0].contains(shapely.Point(300, 300))


def bad_roads_empty() -> QgsVectorLayer:
    return line_layer([])


def bad_roads_without_geometry() -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:32650", "roads", "memory")
    layer.dataProvider().addFeatures([QgsFeature(), QgsFeature()])
    return layer


@pytest.mark.parametrize(
    ("roads", "origins", "extra", "words"),
    [
        (bad_roads_empty, [(0, 0)], {}, "empty"),
        (bad_roads_without_geometry, [(0, 0)], {}, "no usable line"),
        (lambda: line_layer([[(0, 0), (100, 0)]]), [(0, 900)], {}, "No origin lies within"),
        (lambda: line_layer([[(0, 0), (100, 0)]]), [(0, 5)], {"MINUTES": "5,ten"}, "Minutes must be"),
        (lambda: line_layer([[(0, 0), (100, 0)]]), [(0, 5)], {"SPEED_KMH": 0.0}, "speed must be greater"),
    ],
)
def test_bad_inputs_raise_a_sentence_and_write_nothing(processing, tmp_path, roads, origins, extra, words):
    target = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=words):
        run(processing, ROADS=roads(), ORIGINS=point_layer(origins), OUTPUT=str(target), **extra)
    assert not target.exists()


def test_geopackage_origins_write_to_a_geopackage(processing, tmp_path):
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample.gpkg"
    origins = QgsVectorLayer(f"{sample}|layername=communities", "communities", "ogr")
    roads = QgsVectorLayer(f"{sample}|layername=haidian_roads", "roads", "ogr")
    target = tmp_path / "isochrones.gpkg"
    processing.run(
        "fifteenmin:networkcircles",
        {"ROADS": roads, "ORIGINS": origins, "ORIGIN_ID_FIELD": "community_id", "OUTPUT": str(target)},
    )
    written = QgsVectorLayer(str(target), "isochrones", "ogr")
    assert written.featureCount() >= 3 * (origins.featureCount() - 1)
    assert "fid" not in written.fields().names()[1:]
