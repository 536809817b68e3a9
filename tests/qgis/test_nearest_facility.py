"""fifteenmin:nearestfacility through processing.run: real Haidian streets against networkx, and a hand-made grid."""

from __future__ import annotations

import gc

import networkx as nx
import numpy as np
import pytest
from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.facilities.categories import load_categories
from tests.qgis.conftest import ROOT, osm_file
from tests.qgis.recording import RecordingFeedback

OSM = osm_file("beijing_haidian_cau.osm")
SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
UTM50 = QgsCoordinateReferenceSystem("EPSG:32650")
EXCLUDED = {"motorway", "motorway_link", "trunk", "trunk_link", "construction", "proposed", "raceway"}
CODES = [category.code for category in load_categories()]


def is_null(value: object) -> bool:
    return value is None or value == NULL


def point_layer(rows: list[tuple[float, float, str]], crs: str = "EPSG:32650", field: str = "category"):
    layer = QgsVectorLayer(f"Point?crs={crs}", "points", "memory")
    layer.dataProvider().addAttributes([new_field(field, "text")])
    layer.updateFields()
    features = []
    for x, y, value in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes([value])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def line_layer(lines: list[list[tuple[float, float]]]) -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:32650", "roads", "memory")
    features = []
    for line in lines:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in line]))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def run(processing_module, feedback=None, **parameters) -> QgsVectorLayer:
    defaults = {"SPEED_KMH": 4.0, "MAX_MINUTES": 15.0, "SNAP_TOLERANCE_M": 100.0, "OUTPUT": "memory:"}
    output = processing_module.run("fifteenmin:nearestfacility", {**defaults, **parameters}, feedback=feedback)
    layer = output["OUTPUT"]
    return layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "out", "ogr")


class NetworkOracle:
    """networkx graph of the streets built here: nodes are rounded vertex coordinates, edges consecutive vertices.

    Points join the network by their own projection onto the nearest segment, as virtual nodes linked to both
    segment ends; an origin and a facility on the same segment are also linked directly.
    """

    def __init__(self, polylines: list[np.ndarray]) -> None:
        self.graph = nx.Graph()
        keys: dict[tuple[float, float], int] = {}
        for line in polylines:
            ids = [keys.setdefault((round(x, 6), round(y, 6)), len(keys)) for x, y in line]
            for a, b in zip(ids, ids[1:]):
                if a != b:
                    self.graph.add_edge(a, b)
        self.xy = np.array(list(keys))
        self.edges = np.array(list(self.graph.edges))
        for a, b in self.edges:
            self.graph.edges[a, b]["weight"] = float(np.hypot(*(self.xy[a] - self.xy[b])))

    def attach(self, point: np.ndarray) -> tuple[int, float, float]:
        """(segment, distance along it from its first node, distance from the point) of the nearest segment."""
        a, b = self.xy[self.edges[:, 0]], self.xy[self.edges[:, 1]]
        ab = b - a
        t = np.clip(((point - a) * ab).sum(1) / (ab * ab).sum(1), 0.0, 1.0)
        gaps = np.hypot(*(a + ab * t[:, None] - point).T)
        best = int(np.argmin(gaps))
        return best, float(t[best] * np.hypot(*ab[best])), float(gaps[best])

    def nearest(self, origins: np.ndarray, facilities: np.ndarray, cutoff: float, tolerance: float) -> np.ndarray:
        """Network metres from each origin to its nearest facility (one multi-source Dijkstra); inf beyond cutoff."""
        graph = self.graph.copy()
        placed: dict[int, list[tuple[object, float, float]]] = {}
        for kind, points in (("f", facilities), ("o", origins)):
            for i, point in enumerate(points):
                segment, along, gap = self.attach(point)
                if gap > tolerance:
                    continue
                u, v = (int(n) for n in self.edges[segment])
                length = graph.edges[u, v]["weight"]
                graph.add_edge((kind, i), u, weight=gap + along)
                graph.add_edge((kind, i), v, weight=gap + length - along)
                for other, other_along, other_gap in placed.get(segment, []):
                    if other[0] != kind:
                        graph.add_edge((kind, i), other, weight=gap + abs(along - other_along) + other_gap)
                placed.setdefault(segment, []).append(((kind, i), along, gap))
        sources = [("f", i) for i in range(len(facilities)) if graph.has_node(("f", i))]
        if not sources:
            return np.full(len(origins), np.inf)
        dist = nx.multi_source_dijkstra_path_length(graph, sources, cutoff=cutoff, weight="weight")
        return np.array([dist.get(("o", i), np.inf) for i in range(len(origins))])


def metric_points(layer: QgsVectorLayer, field: str | None = None) -> tuple[np.ndarray, list]:
    transform = QgsCoordinateTransform(layer.crs(), UTM50, QgsProject.instance())
    points, values = [], []
    for feature in layer.getFeatures():
        point = transform.transform(feature.geometry().asPoint())
        points.append((point.x(), point.y()))
        values.append(feature[field] if field else feature.id())
    return np.array(points).reshape(-1, 2), values


@pytest.fixture(scope="module")
def haidian(qgis_app, qgis_processing):
    """Real OSM streets, the sample communities plus seeded origins, and the sample POIs classified."""
    from qgis import processing
    from qgis.core import QgsApplication

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("fifteenmin")
    added = provider is None
    if added:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    try:
        roads = QgsVectorLayer(f"{OSM}|layername=lines", "roads", "ogr")
        assert roads.isValid() and roads.setSubsetString("highway IS NOT NULL")
        communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
        pois = QgsVectorLayer(f"{SAMPLE}|layername=haidian_pois", "pois", "ogr")
        assert communities.isValid() and pois.isValid()
        facilities = processing.run("fifteenmin:classifyfacilities", {"INPUT": pois, "OUTPUT": "memory:"})["OUTPUT"]
        to_utm = QgsCoordinateTransform(roads.crs(), UTM50, QgsProject.instance())
        polylines = []
        for feature in roads.getFeatures():
            if str(feature["highway"]) in EXCLUDED:
                continue
            geometry = feature.geometry()
            assert geometry.transform(to_utm) == Qgis.GeometryOperationResult.Success
            for part in geometry.asGeometryCollection():
                polylines.append(np.array([(p.x(), p.y()) for p in part.vertices()]))
        shared = [processing, roads, communities, facilities, NetworkOracle(polylines)]
        yield shared
        shared.clear()  # the layers go before the provider; left to interpreter exit, closing the OSM file crashed
        del roads, communities, pois, facilities
        gc.collect()
    finally:
        if added:
            registry.removeProvider(provider)


def test_minutes_match_networkx_on_real_haidian_streets(haidian, tmp_path):
    processing, roads, communities, facilities, oracle = haidian
    rng = np.random.default_rng(11)
    seeded = oracle.xy[rng.choice(len(oracle.xy), 40, replace=False)] + rng.normal(0.0, 15.0, (40, 2))
    extra = point_layer([(x, y, f"s{i}") for i, (x, y) in enumerate(seeded)], field="label")
    origins_xy = np.vstack([metric_points(communities)[0], seeded])
    facility_xy, facility_code = metric_points(facilities, "category")
    max_minutes, speed = 10.0, 4.0
    cutoff = max_minutes * speed * 1000.0 / 60.0

    target = tmp_path / "nearest.gpkg"
    log = RecordingFeedback()
    out_communities = run(
        processing,
        log,
        ROADS=roads,
        ORIGINS=communities,
        FACILITIES=facilities,
        MAX_MINUTES=max_minutes,
        OUTPUT=str(target),
    )
    out_seeded = run(processing, ROADS=roads, ORIGINS=extra, FACILITIES=facilities, MAX_MINUTES=max_minutes)
    rows = [*out_communities.getFeatures(), *out_seeded.getFeatures()]
    assert len(rows) == len(origins_xy) == communities.featureCount() + 40
    assert [f["name"] for f in out_communities.getFeatures()] == [f["name"] for f in communities.getFeatures()]
    assert out_communities.crs() == communities.crs()
    assert any("no known category code" in line for line in log.lines)  # unclassified POIs are named in the log

    compared = nulls = 0
    present = {code for code in facility_code if code in CODES}
    assert len(present) >= 5
    for code in CODES:
        members = facility_xy[[value == code for value in facility_code]]
        expected = oracle.nearest(origins_xy, members, cutoff, 100.0) if len(members) else np.full(len(rows), np.inf)
        for row, metres, point in zip(rows, expected, origins_xy):
            value = row[f"min_{code}"]
            if np.isfinite(metres):
                assert value == pytest.approx(metres / (speed * 1000.0 / 60.0), rel=1e-6), code
                compared += 1
            else:
                assert is_null(value), code
                nulls += 1
            if len(members):
                assert row[f"euc_{code}"] == pytest.approx(np.hypot(*(members - point).T).min(), rel=1e-9)
            else:
                assert is_null(row[f"euc_{code}"])
    assert compared > 200 and nulls > 50
    gaps = np.array([oracle.attach(point)[2] for point in origins_xy])
    assert (gaps > 100.0).any() and (gaps <= 100.0).sum() > 40
    for row, gap in zip(rows, gaps):
        if gap <= 100.0:
            assert row["snap_m"] == pytest.approx(gap, abs=1e-6)
        else:
            assert is_null(row["snap_m"])
            assert all(is_null(row[f"min_{code}"]) for code in CODES)


def grid_roads() -> QgsVectorLayer:
    """Two parallel streets 60 m apart (a river between them) joined only by a bridge at x = 1000."""
    return line_layer([[(0, 0), (100, 0), (200, 0), (1000, 0)], [(0, 60), (1000, 60)], [(1000, 0), (1000, 60)]])


def test_exact_answers_on_a_hand_made_network(processing):
    facilities = point_layer(
        [
            (70, 5, "pharmacy"),  # on the origin's own edge (0,0)-(100,0): 20 → 70 along it
            (100, 55, "park"),  # across the river: near by Euclid, far by the bridge
            (500, 500, "cafe"),  # 440 m from every road: off the network
            (150, 0, "unheard_of"),
        ]
    )
    origins = point_layer([(20, -10, "o1"), (5000, 5000, "far")], field="name")
    log = RecordingFeedback()
    near = {
        f["name"]: f
        for f in run(processing, log, ROADS=grid_roads(), ORIGINS=origins, FACILITIES=facilities).getFeatures()
    }
    wide = {
        f["name"]: f
        for f in run(
            processing, ROADS=grid_roads(), ORIGINS=origins, FACILITIES=facilities, MAX_MINUTES=30.0, SPEED_KMH=5.0
        ).getFeatures()
    }
    per_minute_4, per_minute_5 = 4000.0 / 60.0, 5000.0 / 60.0
    same_edge = 10.0 + 50.0 + 5.0
    over_bridge = 10.0 + 980.0 + 60.0 + 900.0 + 5.0
    assert near["o1"]["min_pharmacy"] == pytest.approx(same_edge / per_minute_4, rel=1e-12)
    assert wide["o1"]["min_pharmacy"] == pytest.approx(same_edge / per_minute_5, rel=1e-12)
    assert is_null(near["o1"]["min_park"])  # 29.3 min > 15
    assert wide["o1"]["min_park"] == pytest.approx(over_bridge / per_minute_5, rel=1e-12)
    assert near["o1"]["euc_park"] == pytest.approx(np.hypot(80.0, 65.0))
    assert near["o1"]["euc_cafe"] == pytest.approx(np.hypot(480.0, 510.0))  # still counted by straight line
    assert is_null(near["o1"]["min_cafe"])
    assert near["o1"]["snap_m"] == pytest.approx(10.0)
    for code in set(CODES) - {"pharmacy", "park", "cafe"}:
        assert is_null(near["o1"][f"min_{code}"]) and is_null(near["o1"][f"euc_{code}"])
    assert is_null(near["far"]["min_pharmacy"]) and is_null(near["far"]["snap_m"])
    assert near["far"]["euc_pharmacy"] == pytest.approx(np.hypot(4930.0, 4995.0))
    ids = {f["name"]: f.id() for f in origins.getFeatures()}
    text = "\n".join(log.lines)
    assert (
        f"1 origins are farther than 100.0 m from any road and get no walking time (feature ids): {ids['far']}" in text
    )
    assert "1 facilities are farther than 100.0 m" in text and "“unheard_of” (1)" in text


def test_a_closed_ring_road_without_junctions(processing):
    ring = line_layer([[(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)]])
    facilities = point_layer([(-5, 50, "clinic"), (100, 104, "park")])
    origins = point_layer([(50, -5, "o1")], field="name")
    row = next(run(processing, ROADS=ring, ORIGINS=origins, FACILITIES=facilities).getFeatures())
    per_minute = 4000.0 / 60.0
    assert row["min_clinic"] == pytest.approx((5.0 + 50.0 + 50.0 + 5.0) / per_minute, rel=1e-12)
    assert row["min_park"] == pytest.approx((5.0 + 50.0 + 100.0 + 0.0 + 4.0) / per_minute, rel=1e-12)


def test_polygon_origins_walk_from_a_point_inside(processing):
    square = QgsVectorLayer("Polygon?crs=EPSG:32650", "blocks", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((16 -14, 24 -14, 24 -6, 16 -6, 16 -14))"))
    assert square.dataProvider().addFeatures([feature])[0]
    inside = feature.geometry().pointOnSurface().asPoint()
    facilities = point_layer([(70, 5, "pharmacy")])
    row = next(run(processing, ROADS=grid_roads(), ORIGINS=square, FACILITIES=facilities).getFeatures())
    expected = -inside.y() + (70.0 - inside.x()) + 5.0
    assert row.geometry().type() == Qgis.GeometryType.Polygon
    assert row["min_pharmacy"] == pytest.approx(expected / (4000.0 / 60.0), rel=1e-12)
    assert row["snap_m"] == pytest.approx(-inside.y())


def _with_field(name: str) -> QgsVectorLayer:
    layer = point_layer([(20, -10, "o1")], field=name)
    return layer


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ({"CATEGORY_FIELD": "kind"}, "no field named “kind”"),
        ({"FACILITIES": lambda: point_layer([])}, "facilities layer has no features"),
        ({"FACILITIES": lambda: point_layer([(70, 5, "shop")])}, "None of the 1 facilities"),
        ({"SPEED_KMH": 0.0}, "speed must be greater"),
        ({"MAX_MINUTES": 0.0}, "maximum minutes must be greater"),
        ({"ROADS": lambda: line_layer([])}, "road layer is empty"),
        ({"ORIGINS": lambda: point_layer([(0, 900, "x")], field="name")}, "No origin lies within"),
        ({"ORIGINS": lambda: _with_field("min_park")}, "already has a field named min_park"),
    ],
)
def test_bad_inputs_raise_a_sentence_and_write_nothing(processing, tmp_path, case, words):
    parameters = {
        "ROADS": grid_roads(),
        "ORIGINS": point_layer([(20, -10, "o1")], field="name"),
        "FACILITIES": point_layer([(70, 5, "pharmacy")]),
    }
    parameters.update({key: value() if callable(value) else value for key, value in case.items()})
    target = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=words) as caught:
        run(processing, OUTPUT=str(target), **parameters)
    assert "Nothing was written" in str(caught.value)
    assert not target.exists()


def test_a_pharmacy_on_a_bridge_is_unreachable_from_the_road_beneath(processing):
    # a road along y = 0 with a vertex at x = 0; a bridge along x = 0.3 with a vertex at (0.3, 0), 0.3 m away
    roads = line_layer([[(-300, 0), (0, 0), (300, 0)], [(0.3, -300), (0.3, 0), (0.3, 300)]])
    facilities = point_layer([(0.3, 250, "pharmacy"), (-250, 0, "cafe")])
    origins = point_layer([(-100, 5, "road")], field="name")
    for tolerance in (0.0, 1.0):  # the bridge's vertex lies mid-line: no tolerance joins it
        row = next(
            run(
                processing, ROADS=roads, ORIGINS=origins, FACILITIES=facilities, TOPOLOGY_TOLERANCE_M=tolerance
            ).getFeatures()
        )
        assert is_null(row["min_pharmacy"])
        assert row["min_cafe"] == pytest.approx((5 + 150) / (4000 / 60))


def cad_roads(gap: float) -> QgsVectorLayer:
    """A main street with three side streets digitised `gap` metres short of it, as CAD drawings often are."""
    side = [[(x, gap), (x, 400)] for x in (100, 300, 500)]
    return line_layer([[(0, 0), (600, 0)], *side])


@pytest.mark.parametrize(("tolerance", "joined"), [(0.0, False), (0.3, False), (0.4, True), (2.0, True)])
def test_cad_undershoots_join_only_within_the_topology_tolerance(processing, tolerance, joined):
    facilities = point_layer([(300, 350, "pharmacy"), (500, 200, "park")])
    origins = point_layer([(10, -5, "main")], field="name")
    row = next(
        run(
            processing, ROADS=cad_roads(0.4), ORIGINS=origins, FACILITIES=facilities, TOPOLOGY_TOLERANCE_M=tolerance
        ).getFeatures()
    )
    if joined:
        per_minute = 4000 / 60
        assert row["min_pharmacy"] == pytest.approx((5 + 290 + 0.4 + 349.6) / per_minute, abs=1e-6)
        assert row["min_park"] == pytest.approx((5 + 490 + 0.4 + 199.6) / per_minute, abs=1e-6)
    else:
        assert is_null(row["min_pharmacy"]) and is_null(row["min_park"])


def test_a_topology_tolerance_beyond_a_digitising_gap_is_refused(processing):
    origins = point_layer([(10, -5, "main")], field="name")
    facilities = point_layer([(300, 350, "pharmacy")])
    with pytest.raises(QgsProcessingException):
        run(processing, ROADS=cad_roads(0.4), ORIGINS=origins, FACILITIES=facilities, TOPOLOGY_TOLERANCE_M=500.0)


def _metric_polylines(roads: QgsVectorLayer, crs: QgsCoordinateReferenceSystem) -> tuple[list[np.ndarray], list[int]]:
    to_metric = QgsCoordinateTransform(roads.crs(), crs, QgsProject.instance())
    polylines, owners = [], []
    for feature in roads.getFeatures():
        if str(feature["highway"]) in EXCLUDED:
            continue
        geometry = feature.geometry()
        assert geometry.transform(to_metric) == Qgis.GeometryOperationResult.Success
        for part in geometry.asGeometryCollection():
            polylines.append(np.array([(p.x(), p.y()) for p in part.vertices()]))
            owners.append(feature.id())
    return polylines, owners


def near_pairs_of_different_roads(polylines: list[np.ndarray], owners: list[int], within: float) -> np.ndarray:
    """Vertex pairs of different roads closer than `within` that are not the same vertex: (k, 2, 2) coordinates."""
    from scipy.spatial import cKDTree

    xy = np.concatenate(polylines)
    owner = np.concatenate([np.full(len(line), who) for line, who in zip(polylines, owners)])
    pairs = cKDTree(xy).query_pairs(within, output_type="ndarray")
    apart = (owner[pairs[:, 0]] != owner[pairs[:, 1]]) & (xy[pairs[:, 0]] != xy[pairs[:, 1]]).any(axis=1)
    return xy[pairs[apart]]


@pytest.mark.parametrize("extract", ["beijing_haidian_cau.osm", "shanghai_center.osm"])
def test_no_two_roads_join_at_nearby_vertices_they_do_not_share(qgis_app, extract):
    from fifteen_min_plugin.core.network.graph import build_graph, layer_extent, metric_crs, read_road_lines

    roads = QgsVectorLayer(f"{osm_file(extract)}|layername=lines", "roads", "ogr")
    assert roads.isValid()
    crs, _ = metric_crs(roads.crs(), layer_extent(roads), QgsProject.instance().transformContext())
    polylines, owners = _metric_polylines(roads, crs)
    near = near_pairs_of_different_roads(polylines, owners, 0.5)
    lines = read_road_lines(
        roads, crs, QgsProject.instance().transformContext(), "highway", EXCLUDED, require_value=True
    )
    graph = build_graph(lines.coords, lines.part_index, 0.0, lines.part_level)
    if extract.startswith("shanghai"):
        assert len(near) >= 4  # the stacked Bund Tunnel tubes (layer -1/-2/-3) pass within 0.4-0.5 m
    nodes = graph.node_tree.query(near.reshape(-1, 2))[1].reshape(-1, 2)
    assert (graph.node_tree.query(near.reshape(-1, 2))[0] < 1e-6).all()
    assert (nodes[:, 0] != nodes[:, 1]).all()
    adjacent = set(zip(graph.u.tolist(), graph.v.tolist()))
    assert not any((min(a, b), max(a, b)) in adjacent for a, b in nodes.tolist())


def test_minutes_match_networkx_on_real_shanghai_streets_with_defaults(processing):
    """A few thousand origin-facility pairs around the Bund, where tunnel tubes pass within half a metre."""
    roads = QgsVectorLayer(f"{osm_file('shanghai_center.osm')}|layername=lines", "roads", "ogr")
    assert roads.isValid() and roads.setSubsetString("highway IS NOT NULL")
    utm51 = QgsCoordinateReferenceSystem("EPSG:32651")
    polylines, owners = _metric_polylines(roads, utm51)
    oracle = NetworkOracle(polylines)
    tunnels = near_pairs_of_different_roads(polylines, owners, 0.5)[:, 0]
    rng = np.random.default_rng(2026)
    centre = tunnels.mean(axis=0)
    window = oracle.xy[np.hypot(*(oracle.xy - centre).T) < 1500.0]
    origins_xy = np.vstack([tunnels, window[rng.choice(len(window), 60, replace=False)] + rng.normal(0, 10, (60, 2))])
    codes = ("pharmacy", "supermarket", "park")
    facility_rows = []
    for code in codes:
        picked = window[rng.choice(len(window), 25, replace=False)] + rng.normal(0, 10, (25, 2))
        facility_rows += [(x, y, code) for x, y in picked]
    origins = point_layer([(x, y, f"o{i}") for i, (x, y) in enumerate(origins_xy)], crs="EPSG:32651", field="name")
    facilities = point_layer(facility_rows, crs="EPSG:32651")
    max_minutes, per_minute = 30.0, 4000.0 / 60.0
    rows = list(
        run(processing, ROADS=roads, ORIGINS=origins, FACILITIES=facilities, MAX_MINUTES=max_minutes).getFeatures()
    )
    assert len(rows) == len(origins_xy) and len(origins_xy) * len(facility_rows) >= 3000
    compared = 0
    for code in codes:
        members = np.array([(x, y) for x, y, c in facility_rows if c == code])
        expected = oracle.nearest(origins_xy, members, max_minutes * per_minute, 100.0)
        for row, metres in zip(rows, expected):
            if np.isfinite(metres):
                assert row[f"min_{code}"] == pytest.approx(metres / per_minute, abs=0.001), (row["name"], code)
                compared += 1
            else:
                assert is_null(row[f"min_{code}"]), (row["name"], code)
    assert compared > 100
