"""Street blocks, their cores, the trail cover, and isochrones built from them, against direct GEOS buffers."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import shapely

from fifteen_min_plugin.core.network.blocks import street_blocks
from fifteen_min_plugin.core.network.graph import build_graph
from fifteen_min_plugin.core.network.isochrone import _with_holes, isochrones, snap_origins
from fifteen_min_plugin.core.network.trails import trail_cover, trail_lines
from tests.unit.test_network_graph import lines_to_arrays

WALK_OFF = 25.0
CHORD_GAP = WALK_OFF * (1.0 - np.cos(np.pi / 8.0)) + 0.01
#: a 300 m square cut into 3 x 3 blocks of 100 m, a dead end into the centre block, and a street beyond
GRID = [[(0.0, y), (300.0, y)] for y in (0.0, 100.0, 200.0, 300.0)] + [
    [(x, 0.0), (x, 300.0)] for x in (0.0, 100.0, 200.0, 300.0)
]
DEAD_END = [(150.0, 100.0), (150.0, 160.0)]
SPUR = [(300.0, 150.0), (420.0, 150.0)]


def _grid_lines() -> list[list[tuple[float, float]]]:
    """The grid's streets, split at every junction so that they share their vertices."""
    lines = []
    for (x0, y0), (x1, y1) in GRID:
        steps = np.linspace(0.0, 1.0, 4)
        lines.append([(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in steps])
    lines[1] = [(0.0, 100.0), (100.0, 100.0), (150.0, 100.0), (200.0, 100.0), (300.0, 100.0)]
    lines[7] = [(300.0, 0.0), (300.0, 100.0), (300.0, 150.0), (300.0, 200.0), (300.0, 300.0)]
    return lines


def grid_graph():
    return build_graph(*lines_to_arrays([*_grid_lines(), DEAD_END, SPUR]))


def test_blocks_their_cores_and_the_streets_bounding_or_inside_them():
    graph = grid_graph()
    blocks = street_blocks(graph, WALK_OFF)
    assert len(blocks.polygons) == 9
    assert shapely.area(blocks.polygons) == pytest.approx(np.full(9, 10000.0))
    assert (blocks.edges_per_piece == 1).all()
    streets = shapely.multilinestrings(shapely.linestrings(np.stack([graph.xy[graph.u], graph.xy[graph.v]], axis=1)))
    centre = int(np.flatnonzero(shapely.contains_xy(blocks.polygons, 150.0, 150.0))[0])
    for block, polygon in enumerate(blocks.polygons):
        core = shapely.polygons(blocks.cores(np.array([block])))
        assert blocks.has_core[block]
        # the core is exactly the block beyond the walk-off from every street (round erosion: 1 cm)
        expected = shapely.difference(polygon, shapely.buffer(streets, WALK_OFF, quad_segs=64))
        assert shapely.area(shapely.symmetric_difference(shapely.union_all(core), expected)) < 0.01 * shapely.length(
            expected
        )
        assert shapely.distance(shapely.get_exterior_ring(core), streets).min() >= WALK_OFF - 1e-9
    middles = shapely.points((graph.xy[graph.u] + graph.xy[graph.v]) / 2.0)
    on_square = shapely.dwithin(middles, shapely.get_exterior_ring(shapely.box(0, 0, 300, 300)), 1e-9)
    inside = shapely.contains(shapely.box(0, 0, 300, 300), middles)
    dead_end = shapely.dwithin(middles, shapely.linestrings(DEAD_END), 1e-9)
    edge_block = (blocks.piece_edge.T @ blocks.block_piece.T).toarray() > 0
    # streets between two blocks, on the open outside of one, beyond all, and the dead end inside the centre
    assert (edge_block[inside & ~dead_end].sum(axis=1) == 2).all()
    assert (edge_block[on_square].sum(axis=1) == 1).all()
    assert (edge_block[~(inside | on_square)].sum(axis=1) == 0).all()
    assert edge_block[dead_end].sum(axis=1).tolist() == [1] and edge_block[dead_end, centre].all()


def test_trail_cover_walks_every_segment_once_along_connected_trails():
    rng = np.random.default_rng(5)
    nodes = rng.integers(0, 40, size=(150, 2))
    nodes = nodes[nodes[:, 0] != nodes[:, 1]]
    order, backwards, trail = trail_cover(nodes[:, 0], nodes[:, 1])
    assert sorted(order.tolist()) == list(range(len(nodes)))
    walked = nodes[order].copy()
    walked[backwards] = walked[backwards][:, ::-1]
    same_trail = trail[1:] == trail[:-1]
    assert (walked[1:, 0][same_trail] == walked[:-1, 1][same_trail]).all()
    degree = np.bincount(nodes.ravel())
    open_trails = sum(walked[trail == t][0, 0] != walked[trail == t][-1, 1] for t in np.unique(trail))
    assert open_trails == int((degree % 2).sum()) // 2


def test_trail_lines_cover_the_same_streets():
    rng = np.random.default_rng(6)
    xy = rng.random((30, 2)) * 100.0
    ends = rng.integers(0, 30, size=(60, 2))
    ends = ends[ends[:, 0] != ends[:, 1]]
    segments = xy[ends]
    lines = trail_lines(segments, ends[:, 0], ends[:, 1])
    assert shapely.length(lines).sum() == pytest.approx(np.hypot(*(segments[:, 1] - segments[:, 0]).T).sum())
    union = shapely.union_all(lines)
    middles = shapely.points(segments.mean(axis=1))
    assert shapely.dwithin(middles, union, 1e-9).all()


def direct_buffer_checks(polygon: shapely.Geometry, reach: shapely.Geometry) -> None:
    assert shapely.is_valid(polygon)
    # never 1 cm beyond the walk-off (the 16-segment buffer circumscribes that circle)
    outer = shapely.buffer(reach, (WALK_OFF + 0.01) / np.cos(np.pi / 64.0), quad_segs=16)
    inner = shapely.buffer(reach, WALK_OFF - CHORD_GAP, quad_segs=16)
    assert shapely.area(shapely.difference(polygon, outer)) < 1e-6
    assert shapely.area(shapely.difference(inner, polygon)) < 1e-6


def test_isochrone_with_every_block_reached_is_the_buffered_grid_with_cores_as_holes():
    graph = grid_graph()
    origin = np.array([[150.0, 95.0]])
    snap = snap_origins(graph, origin, tolerance=20.0)
    (result,) = [item for batch in isochrones(graph, origin, snap, [5000.0], walk_off=WALK_OFF) for item in batch]
    streets = shapely.multilinestrings(shapely.linestrings(np.stack([graph.xy[graph.u], graph.xy[graph.v]], axis=1)))
    reach = shapely.union(streets, shapely.linestrings([(150.0, 95.0), (150.0, 100.0)]))
    direct_buffer_checks(result.polygon, reach)
    # one hole per part of every block beyond the walk-off: two in the centre block, left by its dead end
    beyond = shapely.difference(shapely.polygonize(streets.geoms), shapely.buffer(streets, WALK_OFF, quad_segs=64))
    assert shapely.get_num_interior_rings(result.polygon) == shapely.get_num_geometries(beyond) == 10


def reachable_pieces(graph, origin: tuple[float, float], snap, cutoff: float) -> shapely.Geometry:
    """The streets within `cutoff` of the origin, cut exactly, by networkx Dijkstra on the same edges."""
    network = nx.Graph()
    for u, v, w in zip(graph.u.tolist(), graph.v.tolist(), graph.length.tolist()):
        network.add_edge(u, v, weight=w)
    edge, offset, gap = int(snap.edge[0]), float(snap.offset[0]), float(snap.distance[0])
    u, v, length = int(graph.u[edge]), int(graph.v[edge]), float(graph.length[edge])
    network.add_edge("o", u, weight=gap + offset)
    network.add_edge("o", v, weight=gap + length - offset)
    dist = nx.single_source_dijkstra_path_length(network, "o")
    pieces = [(origin, tuple(snap.point[0]))]
    for a, b, w in zip(graph.u.tolist(), graph.v.tolist(), graph.length.tolist()):
        if {a, b} == {u, v}:
            continue
        ahead, back = cutoff - dist.get(a, np.inf), cutoff - dist.get(b, np.inf)
        start, end = graph.xy[a], graph.xy[b]
        if ahead + back >= w:
            pieces.append((start, end))
            continue
        if ahead > 0:
            pieces.append((start, start + (end - start) * ahead / w))
        if back > 0:
            pieces.append((end, end + (start - end) * back / w))
    start, end = graph.xy[u], graph.xy[v]
    lo, hi = max(offset - (cutoff - gap), 0.0), min(offset + (cutoff - gap), length)
    pieces.append((start + (end - start) * lo / length, start + (end - start) * hi / length))
    return shapely.multilinestrings(shapely.linestrings(np.array(pieces, dtype=float)))


def test_isochrone_levels_cut_through_blocks_match_the_direct_buffer():
    graph = grid_graph()
    origin = (40.0, 104.0)
    snap = snap_origins(graph, np.array([origin]), tolerance=20.0)
    cutoffs = [130.0, 260.0, 390.0]
    results = sorted(
        (item for batch in isochrones(graph, np.array([origin]), snap, cutoffs) for item in batch),
        key=lambda item: item.level,
    )
    polygons = [item.polygon for item in results]
    for smaller, larger in zip(polygons, polygons[1:]):
        assert shapely.area(shapely.difference(smaller, larger)) < 1e-6
    for item, cutoff in zip(results, cutoffs):
        reach = reachable_pieces(graph, origin, snap, cutoff)
        direct_buffer_checks(item.polygon, reach)
    # the largest level reaches the two left blocks of the lower rows fully: their cores are holes
    assert shapely.get_num_interior_rings(polygons[2]) >= 2


def test_holes_go_to_the_part_that_holds_them():
    shell = shapely.MultiPolygon(
        [shapely.box(0, 0, 100, 100), shapely.box(200, 0, 300, 100), shapely.box(400, 0, 450, 50)]
    )
    rings = shapely.get_exterior_ring(np.array([shapely.box(10, 10, 20, 20), shapely.box(250, 50, 260, 60)]))
    result = _with_holes(shell, rings)
    assert shapely.is_valid(result)
    assert shapely.get_num_interior_rings(shapely.get_parts(result)).tolist() == [1, 1, 0]
    assert shapely.area(result) == pytest.approx(10000 + 10000 + 2500 - 200)


def test_a_bridge_crossing_blocks_without_vertices_splits_them_but_not_the_walk():
    # a viaduct from (-50, 20) to (350, 280): it crosses streets without sharing a vertex, so it is not
    # reachable from them, yet geometrically it splits the blocks it passes over
    graph = build_graph(
        *lines_to_arrays([*[list(line) for line in _grid_lines()], DEAD_END, [(-50.0, 20.0), (350.0, 280.0)]])
    )
    blocks = street_blocks(graph, WALK_OFF)
    streets = shapely.multilinestrings(shapely.linestrings(np.stack([graph.xy[graph.u], graph.xy[graph.v]], axis=1)))
    assert len(blocks.polygons) == shapely.get_num_geometries(
        shapely.polygonize(shapely.get_parts(shapely.node(streets)))
    )
    assert len(blocks.polygons) > 9
    origin = (150.0, 95.0)
    snap = snap_origins(graph, np.array([origin]), tolerance=20.0)
    (result,) = [item for batch in isochrones(graph, np.array([origin]), snap, [5000.0]) for item in batch]
    walked = [shapely.linestrings(line) for line in [*_grid_lines(), DEAD_END, [origin, (150.0, 100.0)]]]
    grid = shapely.multilinestrings(walked)
    direct_buffer_checks(result.polygon, grid)
    # the viaduct's far end, 60 m beyond the grid, is not reached
    assert not shapely.contains_xy(result.polygon, 345.0, 277.0)
