"""Street blocks: the faces of the planar road linework, and the part of each block beyond the walk-off.

An isochrone is the reachable streets buffered by the walk-off. Inside a block whose whole boundary is
reachable that buffer is simply the block minus its *core*, the points farther than the walk-off from
every street of the block. Cores depend only on the network, so they are computed once; an isochrone is
then the outline of the fully reached blocks (a coverage union) buffered, joined with the buffered streets
of the frontier, and the cores of the fully reached blocks punched in as holes. Only the frontier needs a
real overlay.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from scipy.sparse import csr_matrix

from fifteen_min_plugin.core.network.graph import RoadGraph

#: distance (m) within which a point counts as lying on a line: far below any street geometry, far above rounding
ON_LINE_M = 1e-7
#: arc segments per quarter circle when eroding non-convex blocks: cores come within 0.0075 m (25 m walk-off) of exact
CORE_QUAD_SEGS = 32


@dataclass
class StreetBlocks:
    """Blocks of a road graph and how they relate to its edges.

    The linework is noded geometrically, so streets crossing without a shared vertex (bridges, tunnels)
    still bound blocks: blocks describe where streets lie, not how they connect. A *piece* is a noded
    segment; it lies on one edge, or on several where edges overlap.
    """

    polygons: np.ndarray  # (f,) block polygons
    piece_edge: csr_matrix  # (pieces, edges) 1 where the piece lies on the edge
    block_piece: csr_matrix  # (f, pieces) 1 where the piece bounds the block or lies inside it
    edges_per_piece: np.ndarray  # (pieces,) edges the piece lies on
    pieces_per_block: np.ndarray  # (f,) pieces bounding or inside the block
    has_core: np.ndarray  # (f,) the core is a set of simple polygons, usable as holes
    core_rings: np.ndarray  # exterior rings of all core parts, grouped by block
    core_bounds: np.ndarray  # (f + 1,) core_rings[core_bounds[b]:core_bounds[b + 1]] belong to block b

    def __post_init__(self) -> None:
        self.edge_piece = self.piece_edge.T.tocsr()
        self.piece_block = self.block_piece.T.tocsr()

    def cores(self, blocks: np.ndarray) -> np.ndarray:
        """Core rings of the given blocks."""
        starts, ends = self.core_bounds[blocks], self.core_bounds[blocks + 1]
        counts = ends - starts
        if counts.sum() == 0:
            return np.empty(0, dtype=object)
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        return self.core_rings[offsets]


def _noded_pieces(segments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The segments noded at every crossing, as (start, end) coordinate arrays of two-point pieces."""
    noded = shapely.get_parts(shapely.node(shapely.multilinestrings(segments)))
    coords, line = shapely.get_coordinates(noded, return_index=True)
    consecutive = line[1:] == line[:-1]
    first, second = coords[:-1][consecutive], coords[1:][consecutive]
    proper = np.any(first != second, axis=1)
    return first[proper], second[proper]


def _cores(
    polygons: np.ndarray, inner_block: np.ndarray, inner_piece: np.ndarray, pieces: np.ndarray, walk_off: float
) -> np.ndarray:
    """Per block, the points farther than `walk_off` (exactly, or a hair more) from its bounding and inner pieces.

    Convex blocks without inner pieces erode exactly with mitred offsets; the others with round offsets whose
    chords stay outside the `walk_off` circle, so a core never reaches into any street's buffer.
    """
    count = len(polygons)
    convex = shapely.area(polygons) >= shapely.area(shapely.convex_hull(polygons)) * (1.0 - 1e-12)
    has_inner = np.bincount(inner_block, minlength=count) > 0
    exact = convex & ~has_inner & (shapely.get_num_interior_rings(polygons) == 0)
    cores = np.empty(count, dtype=object)
    cores[exact] = shapely.buffer(polygons[exact], -walk_off, join_style="mitre", mitre_limit=1e6)
    outer = walk_off / np.cos(np.pi / (4 * CORE_QUAD_SEGS))
    cores[~exact] = shapely.buffer(polygons[~exact], -outer, quad_segs=CORE_QUAD_SEGS)
    if len(inner_block):
        order = np.argsort(inner_block, kind="stable")
        blocks = np.unique(inner_block)
        lines = shapely.multilinestrings(
            pieces[inner_piece[order]], indices=np.searchsorted(blocks, inner_block[order])
        )
        cores[blocks] = shapely.difference(cores[blocks], shapely.buffer(lines, outer, quad_segs=CORE_QUAD_SEGS))
    return cores


def _node_ids(*coordinates: np.ndarray) -> tuple[list[np.ndarray], int]:
    """One integer per distinct coordinate pair, shared across the (n, 2) arrays (exact equality); and the count."""
    packed = np.concatenate(
        [np.ascontiguousarray(c, dtype=np.float64).view(np.complex128).ravel() for c in coordinates]
    )
    distinct, ids = np.unique(packed, return_inverse=True)
    return np.split(ids.ravel(), np.cumsum([len(c) for c in coordinates])[:-1]), len(distinct)


def _segment_keys(first: np.ndarray, second: np.ndarray, count: int) -> np.ndarray:
    """An order-free integer key per segment between node ids `first` and `second` (ids below `count`)."""
    return np.minimum(first, second) * np.int64(count) + np.maximum(first, second)


def _lookup(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Position of each key in `sorted_keys`, or -1."""
    if len(sorted_keys) == 0:
        return np.full(len(keys), -1, dtype=np.int64)
    position = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return np.where(sorted_keys[position] == keys, position, -1)


def street_blocks(graph: RoadGraph, walk_off: float) -> StreetBlocks:
    """Blocks of the road graph, with their cores for `walk_off`.

    Pieces, edges and block rings are matched by exact coordinates (noding and polygonizing copy them);
    only pieces split off an edge, and pieces inside a block, are found by a spatial search.
    """
    edge_count = graph.edge_count
    start, end = _noded_pieces(graph.segments)
    pieces = shapely.linestrings(np.stack([start, end], axis=1))
    piece_count = len(pieces)
    polygons = shapely.get_parts(shapely.polygonize(pieces)) if piece_count else np.empty(0, dtype=object)
    polygons = polygons[shapely.is_valid(polygons) & (shapely.area(polygons) > 0)]
    block_count = len(polygons)
    rings, ring_block = shapely.get_rings(polygons, return_index=True)
    ring_xy, ring_index = shapely.get_coordinates(rings, return_index=True)

    (piece_a, piece_b, graph_node, ring_node), nodes = _node_ids(start, end, graph.xy, ring_xy)
    node_u, node_v = graph_node[graph.u], graph_node[graph.v]
    piece_keys = _segment_keys(piece_a, piece_b, nodes)
    piece_order = np.argsort(piece_keys, kind="stable")
    sorted_keys = piece_keys[piece_order]

    # pieces that are whole edges; the others were split off an edge (or overlap one) and are searched for
    edge_slot = _lookup(sorted_keys, _segment_keys(node_u, node_v, nodes))
    matched = edge_slot >= 0
    on_piece, on_edge = piece_order[edge_slot[matched]], np.flatnonzero(matched)
    loose = np.ones(piece_count, dtype=bool)
    loose[on_piece] = False
    loose_pieces, loose_edges = np.flatnonzero(loose), np.flatnonzero(~matched)
    if len(loose_pieces) and len(loose_edges):
        middles = shapely.points((start[loose_pieces] + end[loose_pieces]) / 2.0)
        found, hit = shapely.STRtree(graph.segments[loose_edges]).query(
            middles, predicate="dwithin", distance=ON_LINE_M
        )
        on_piece = np.concatenate([on_piece, loose_pieces[found]])
        on_edge = np.concatenate([on_edge, loose_edges[hit]])
    piece_edge = csr_matrix((np.ones(len(on_piece)), (on_piece, on_edge)), shape=(piece_count, edge_count))

    # pieces on block rings bound them; pieces on no ring (dead ends, cut lines) may lie inside one
    same_ring = ring_index[1:] == ring_index[:-1]
    ring_slot = _lookup(sorted_keys, _segment_keys(ring_node[:-1][same_ring], ring_node[1:][same_ring], nodes))
    on_ring = ring_slot >= 0
    bounding_piece = piece_order[ring_slot[on_ring]]
    bounding_block = ring_block[ring_index[:-1][same_ring][on_ring]]
    free = np.ones(piece_count, dtype=bool)
    free[bounding_piece] = False
    free_pieces = np.flatnonzero(free)
    inner_piece, inner_block = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    if len(free_pieces) and block_count:
        middles = shapely.points((start[free_pieces] + end[free_pieces]) / 2.0)
        found, inner_block = shapely.STRtree(polygons).query(middles, predicate="within")
        inner_piece = free_pieces[found]
    pairs = np.unique(
        np.concatenate([bounding_block, inner_block]) * np.int64(piece_count)
        + np.concatenate([bounding_piece, inner_piece])
    )
    block, piece = pairs // max(piece_count, 1), pairs % max(piece_count, 1)
    block_piece = csr_matrix((np.ones(len(piece)), (block, piece)), shape=(block_count, piece_count))

    cores = _cores(polygons, inner_block, inner_piece, pieces, walk_off)
    parts, owner = shapely.get_parts(cores, return_index=True)
    solid = ~shapely.is_empty(parts)
    parts, owner = parts[solid], owner[solid]
    holed = np.bincount(owner[shapely.get_num_interior_rings(parts) > 0], minlength=block_count) > 0
    order = np.argsort(owner, kind="stable")
    return StreetBlocks(
        polygons=polygons,
        piece_edge=piece_edge,
        block_piece=block_piece,
        edges_per_piece=np.bincount(on_piece, minlength=piece_count),
        pieces_per_block=np.bincount(block, minlength=block_count),
        has_core=~holed,
        core_rings=shapely.get_exterior_ring(parts[order]),
        core_bounds=np.searchsorted(owner[order], np.arange(block_count + 1)),
    )
