"""Hand-made graphs: merging, crossings, snapping and exact edge cutting."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from scipy.sparse.csgraph import connected_components

from fifteen_min_plugin.core.network.graph import build_graph
from fifteen_min_plugin.core.network.isochrone import (
    isochrones,
    project_onto_segments,
    reachable_intervals,
    snap_origins,
)


def lines_to_arrays(lines: list[list[tuple[float, float]]]) -> tuple[np.ndarray, np.ndarray]:
    coords = np.concatenate([np.asarray(line, dtype=float) for line in lines])
    part = np.concatenate([np.full(len(line), i) for i, line in enumerate(lines)])
    return coords, part


def components(graph) -> int:
    from scipy.sparse import coo_matrix

    matrix = coo_matrix((graph.length, (graph.u, graph.v)), shape=(graph.node_count,) * 2)
    return connected_components(matrix, directed=False)[0]


def test_only_shared_vertices_meet_by_default():
    coords, part = lines_to_arrays(
        [[(0, 0), (100, 0)], [(100.0004, 0.0003), (100, 80)], [(100.3, 0.2), (180, 80)], [(101, 0), (200, 0)]]
    )
    graph = build_graph(coords, part)
    # (100,0) and (100.0004,0.0003) differ by reprojection noise: one node; 0.36 m and 1 m apart stay separate
    assert graph.node_count == 7
    assert components(graph) == 3
    assert sorted(np.round(graph.length, 3)) == sorted(np.round([100.0, 80.0, np.hypot(79.7, 79.8), 99.0], 3))


def test_a_bridge_vertex_near_a_road_vertex_never_joins_it():
    # the reproduction: a road along y = 0 with a vertex at x = 0, a bridge along x = 0.3 with a vertex at
    # (0.3, 0); mid-line vertices stay apart with any topology tolerance
    lines = [[(-100, 0), (0, 0), (100, 0)], [(0.3, -100), (0.3, 0), (0.3, 100)]]
    for tolerance in (0.0, 0.5, 5.0):
        assert components(build_graph(*lines_to_arrays(lines), topology_tolerance=tolerance)) == 2


@pytest.mark.parametrize(("tolerance", "joined"), [(0.0, False), (0.3, False), (0.39, False), (0.4, True), (1.0, True)])
def test_a_cad_undershoot_joins_only_within_the_topology_tolerance(tolerance, joined):
    # a side road stops 0.4 m short of the main road: the gap is joined by a connector and the main road split there
    coords, part = lines_to_arrays([[(0, 0), (200, 0)], [(120, 0.4), (120, 100)]])
    graph = build_graph(coords, part, topology_tolerance=tolerance)
    assert (components(graph) == 1) is joined
    if joined:
        assert sorted(np.round(graph.length, 6)) == [0.4, 80.0, 99.6, 120.0]
        assert graph.length.sum() == pytest.approx(200.0 + 99.6 + 0.4)


def test_a_dangle_joins_the_nearest_vertex_or_a_facing_road_end():
    coords, part = lines_to_arrays([[(0, 0), (100, 0)], [(100.3, 0), (200, 0)], [(50, 0.2), (50, 90)]])
    graph = build_graph(coords, part, topology_tolerance=0.5)
    assert components(graph) == 1
    # the facing ends join by a 0.3 m connector, the side road splits the first road at x = 50
    assert sorted(np.round(graph.length, 6)) == [0.2, 0.3, 50.0, 50.0, 89.8, 99.7]


def test_a_dangle_never_joins_a_road_on_another_level():
    coords, part = lines_to_arrays([[(0, 0), (200, 0)], [(120, 0.4), (120, 100)]])
    bridge = build_graph(coords, part, topology_tolerance=1.0, part_level=np.array([0, 1]))
    assert components(bridge) == 2
    ground = build_graph(coords, part, topology_tolerance=1.0, part_level=np.array([3, 3]))
    assert components(ground) == 1


def test_an_end_lying_on_a_segment_splits_it_without_a_connector():
    coords, part = lines_to_arrays([[(0, 0), (200, 0)], [(50, 0), (50, 60)], [(150, 0), (150, 60)]])
    assert components(build_graph(coords, part)) == 3  # no shared vertex: T-junctions without topology
    graph = build_graph(coords, part, topology_tolerance=0.1)
    assert components(graph) == 1 and graph.node_count == 6
    assert sorted(graph.length) == pytest.approx([50.0, 50.0, 60.0, 60.0, 100.0])


def test_crossing_without_shared_vertex_stays_apart_and_shared_vertex_connects():
    bridge = build_graph(*lines_to_arrays([[(0, 0), (200, 0)], [(100, -100), (100, 100)]]))
    assert components(bridge) == 2
    junction = build_graph(*lines_to_arrays([[(0, 0), (100, 0), (200, 0)], [(100, -100), (100, 0), (100, 100)]]))
    assert components(junction) == 1
    assert junction.node_count == 5 and junction.edge_count == 4


def test_repeated_zero_length_and_non_finite_vertices_are_dropped():
    coords, part = lines_to_arrays([[(0, 0), (0, 0), (10, 0), (np.nan, 5)], [(10, 0), (0, 0)]])
    graph = build_graph(coords, part)
    assert graph.edge_count == 1 and graph.length[0] == pytest.approx(10.0)


def test_projection_onto_segments_matches_hand_geometry():
    points = np.array([[3.0, 4.0], [-5.0, 2.0], [15.0, -1.0]])
    start = np.zeros((3, 2))
    end = np.tile([10.0, 0.0], (3, 1))
    along, gap = project_onto_segments(points, start, end)
    assert along == pytest.approx([3.0, 0.0, 10.0])
    assert gap == pytest.approx([4.0, np.hypot(5, 2), np.hypot(5, 1)])


def test_snapping_picks_nearest_edge_and_reports_origins_beyond_tolerance():
    graph = build_graph(*lines_to_arrays([[(0, 0), (100, 0)], [(0, 50), (100, 50)]]))
    snap = snap_origins(graph, np.array([[30.0, 10.0], [60.0, 45.0], [50.0, 500.0]]), tolerance=20.0)
    assert snap.snapped.tolist() == [True, True, False]
    assert snap.distance[:2] == pytest.approx([10.0, 5.0])
    assert snap.point[:2] == pytest.approx(np.array([[30.0, 0.0], [60.0, 50.0]]))
    edge = snap.edge[0]
    start = graph.xy[graph.u[edge]]
    assert np.hypot(*(snap.point[0] - start)) == pytest.approx(snap.offset[0])


def test_reachable_intervals_cut_edges_exactly():
    dist_u = np.array([0.0, 90.0, 70.0, np.inf, 10.0])
    dist_v = np.array([40.0, np.inf, 80.0, 95.0, np.inf])
    length = np.array([40.0, 30.0, 60.0, 20.0, 50.0])
    whole, from_u, from_v = reachable_intervals(dist_u, dist_v, length, cutoff=100.0)
    assert whole.tolist() == [True, False, False, False, True]
    assert from_u == pytest.approx([0.0, 10.0, 30.0, 0.0, 0.0])
    assert from_v == pytest.approx([0.0, 0.0, 20.0, 5.0, 0.0])


def test_isochrone_on_a_cross_cuts_every_arm_exactly_and_nests():
    # a plus-shaped junction at (0,0), arms of 500 m made of 100 m segments, plus a bridge with no vertex
    arm = np.linspace(0, 500, 6)
    lines = [
        [(-x, 0.0) for x in arm[::-1]] + [(x, 0.0) for x in arm[1:]],
        [(0.0, -y) for y in arm[::-1]] + [(0.0, y) for y in arm[1:]],
        [(250.0, -200.0), (250.0, 200.0)],
    ]
    graph = build_graph(*lines_to_arrays(lines))
    origin = np.array([[120.0, 10.0]])  # snaps to (120, 0), 10 m off the street
    snap = snap_origins(graph, origin, tolerance=50.0)
    results = [item for batch in isochrones(graph, origin, snap, [60.0, 200.0, 400.0], walk_off=25.0) for item in batch]
    by_level = {item.level: item for item in results}
    # 60 m: 50 m each way along the street from x=120
    assert by_level[0].street_m == pytest.approx(100.0)
    # 200 m: east to x=310, west 120 m to the junction then 70 m on each of three arms
    assert by_level[1].street_m == pytest.approx(190.0 + 120.0 + 3 * 70.0)
    # 400 m: east to x=500 (end), west 120 m to the junction then 270 m on each of three arms
    assert by_level[2].street_m == pytest.approx(380.0 + 120.0 + 3 * 270.0)
    polygons = [by_level[level].polygon for level in range(3)]
    assert shapely.area(shapely.difference(polygons[0], polygons[1])) < 1e-6
    assert shapely.area(shapely.difference(polygons[1], polygons[2])) < 1e-6
    # the bridge crosses the street at x=250 without a vertex: its far end is not reached
    assert not shapely.contains_xy(polygons[2], 250.0, 180.0)
    assert shapely.contains_xy(polygons[1], 305.0, 0.0) and not shapely.contains_xy(polygons[1], 340.0, 0.0)
    vertices = shapely.get_coordinates(polygons[2])
    assert np.hypot(*(vertices - origin).T).max() <= 400.0 + 25.0 + 1e-6
