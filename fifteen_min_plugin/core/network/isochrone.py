"""Exact walking isochrones: snap, bounded Dijkstra on a local subgraph, cut edges, buffer the streets."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import QgsFeedback
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from fifteen_min_plugin.core.network.blocks import StreetBlocks, street_blocks
from fifteen_min_plugin.core.network.graph import RoadGraph
from fifteen_min_plugin.core.network.trails import trail_lines
from fifteen_min_plugin.core.settings import WALK_OFF_M

#: arc segments per quarter circle of the buffer: every vertex lies on the true arc (never beyond the walk-off).
#: GEOS rounds the arc of a join to whole segments, so one chord spans up to 1.5 x 30°: the polygon stays within
#: 1.9 m (25 m x (1 - cos 22.5°)) of the exact buffer. With 2, a join's chord can fall 4.2 m short.
QUAD_SEGS = 3
#: at most this many origins share one local subgraph and one batched Dijkstra call
MAX_TILE_ORIGINS = 64


@dataclass
class Snap:
    """Where each origin joins the network; `edge` is -1 for origins beyond the snapping tolerance."""

    edge: np.ndarray  # (k,) snapped edge id or -1
    offset: np.ndarray  # (k,) distance along the edge from its node `u` to the snapped point
    distance: np.ndarray  # (k,) straight walk from the origin to the snapped point
    point: np.ndarray  # (k, 2) snapped point

    @property
    def snapped(self) -> np.ndarray:
        """Boolean mask of origins that joined the network."""
        return self.edge >= 0


@dataclass
class Isochrone:
    """The area reachable from one origin within one cutoff."""

    origin: int  # index into the origins passed to `isochrones`
    level: int  # index into the cutoffs passed to `isochrones`
    polygon: shapely.Geometry
    street_m: float  # length of the reachable streets (exact, partial edges included)


def project_onto_segments(points: np.ndarray, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Offset along each segment of the closest point to each point, and the distance to it."""
    direction = end - start
    length2 = np.einsum("ij,ij->i", direction, direction)
    t = np.einsum("ij,ij->i", points - start, direction) / np.where(length2 > 0, length2, 1.0)
    t = np.clip(t, 0.0, 1.0)
    foot = start + direction * t[:, None]
    return t * np.sqrt(length2), np.hypot(*(points - foot).T)


def snap_origins(graph: RoadGraph, xy: np.ndarray, tolerance: float) -> Snap:
    """Snap every origin to its nearest edge within `tolerance` metres."""
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    count = len(xy)
    edge = np.full(count, -1, dtype=np.int64)
    offset, distance = np.zeros(count), np.full(count, np.inf)
    point = np.full((count, 2), np.nan)
    if graph.edge_count and count:
        tree = shapely.STRtree(graph.segments)
        (origin_ids, edge_ids), _ = tree.query_nearest(
            shapely.points(xy), max_distance=tolerance, return_distance=True, all_matches=False
        )
        start, end = graph.xy[graph.u[edge_ids]], graph.xy[graph.v[edge_ids]]
        along, gap = project_onto_segments(xy[origin_ids], start, end)
        keep = gap <= tolerance
        origin_ids, edge_ids, along, gap = origin_ids[keep], edge_ids[keep], along[keep], gap[keep]
        edge[origin_ids], offset[origin_ids], distance[origin_ids] = edge_ids, along, gap
        fraction = along / graph.length[edge_ids]
        point[origin_ids] = start[keep] + (end[keep] - start[keep]) * fraction[:, None]
    return Snap(edge, offset, distance, point)


def reachable_intervals(
    dist_u: np.ndarray, dist_v: np.ndarray, length: np.ndarray, cutoff: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How much of each edge is reachable within `cutoff`, given the network distance of its two ends.

    Returns (whole edge, metres reachable from `u`, metres reachable from `v`); the two partial lengths
    are zero for whole edges. Unreached ends have an infinite distance.
    """
    with np.errstate(invalid="ignore"):
        from_u = cutoff - dist_u
        from_v = cutoff - dist_v
        whole = (from_u + from_v >= length) | (from_u >= length) | (from_v >= length)
    from_u = np.where(whole | ~(from_u > 0), 0.0, from_u)
    from_v = np.where(whole | ~(from_v > 0), 0.0, from_v)
    return whole, from_u, from_v


def _points_along(start: np.ndarray, end: np.ndarray, length: np.ndarray, metres: np.ndarray) -> np.ndarray:
    return start + (end - start) * (metres / length)[:, None]


class _Tile:
    """A batch of nearby origins solved on one local subgraph."""

    def __init__(
        self,
        graph: RoadGraph,
        blocks: StreetBlocks,
        ids: np.ndarray,
        xy: np.ndarray,
        snap: Snap,
        cutoffs: list[float],
        walk_off: float,
        quad_segs: int,
    ) -> None:
        self.graph, self.blocks, self.ids, self.xy, self.snap = graph, blocks, ids, xy, snap
        self.cutoffs, self.walk_off, self.quad_segs = cutoffs, walk_off, quad_segs

    def distances(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Edge ids of the local subgraph, the distance of their ends per origin, and each origin's edge slot.

        Network distance is never shorter than the straight line, so every node reachable within the
        largest cutoff lies inside a disc of that radius around its origin: the local subgraph holds all
        edges touching such nodes, and a Dijkstra on it is exact up to the cutoff.
        """
        graph, ids, snap = self.graph, self.ids, self.snap
        limit = self.cutoffs[-1]
        points = self.xy[ids]
        centre = (points.min(axis=0) + points.max(axis=0)) / 2
        radius = limit + float(np.hypot(*(points - centre).T).max())
        ball = np.asarray(graph.node_tree.query_ball_point(centre, radius), dtype=np.int64)
        snapped_edges = snap.edge[ids]
        edges = np.union1d(graph.incident_edges(ball), snapped_edges)
        nodes = np.union1d(graph.u[edges], graph.v[edges])
        local_u = np.searchsorted(nodes, graph.u[edges])
        local_v = np.searchsorted(nodes, graph.v[edges])
        n, k = len(nodes), len(ids)
        sources = n + np.arange(k)
        length = graph.length[edges]
        snapped_length = graph.length[snapped_edges]
        rows = np.concatenate([local_u, local_v, sources, sources])
        cols = np.concatenate(
            [
                local_v,
                local_u,
                np.searchsorted(nodes, graph.u[snapped_edges]),
                np.searchsorted(nodes, graph.v[snapped_edges]),
            ]
        )
        weights = np.concatenate(
            [
                length,
                length,
                snap.distance[ids] + snap.offset[ids],
                snap.distance[ids] + snapped_length - snap.offset[ids],
            ]
        )
        matrix = csr_matrix((np.maximum(weights, 1e-9), (rows, cols)), shape=(n + k, n + k))
        dist = dijkstra(matrix, directed=True, indices=sources, limit=limit)
        return edges, dist[:, local_u], dist[:, local_v], np.searchsorted(edges, snapped_edges)

    def solve(self) -> list[Isochrone]:
        """Cut every edge where the time runs out; per origin and level, build the buffered reachable streets."""
        graph, ids, snap = self.graph, self.ids, self.snap
        edges, dist_u, dist_v, slot = self.distances()
        k = len(ids)
        rows = np.arange(k)
        start, end, length = graph.xy[graph.u[edges]], graph.xy[graph.v[edges]], graph.length[edges]
        own = snap.edge[ids]
        own_start, own_end, own_length = graph.xy[graph.u[own]], graph.xy[graph.v[own]], graph.length[own]
        origin_xy, snap_xy, snap_gap = self.xy[ids], snap.point[ids], snap.distance[ids]
        frontier = _Frontier(self.blocks, edges)
        edge_u, edge_v = graph.u[edges], graph.v[edges]
        whole_before = np.zeros(dist_u.shape, dtype=bool)
        previous: list[list[shapely.Geometry]] = [[] for _ in range(k)]  # each origin's shell one level down
        results: list[Isochrone] = []
        for level, cutoff in enumerate(self.cutoffs):
            whole, from_u, from_v = reachable_intervals(dist_u, dist_v, length, cutoff)
            whole[rows, slot] = False
            from_u[rows, slot] = 0.0
            from_v[rows, slot] = 0.0
            row, col = np.nonzero(whole)
            street = np.bincount(row, weights=length[col], minlength=k).astype(np.float64)
            full_blocks, open_edges = frontier.split(whole)
            # a whole edge open at the level below is inside that level's shell already
            row, col = np.nonzero(open_edges & ~whole_before)
            whole_before = whole
            pieces = _Pieces()
            pieces.add(start[col], end[col], row, edge_u[col], edge_v[col])
            for metres, near, far, near_node in ((from_u, start, end, edge_u), (from_v, end, start, edge_v)):
                row, col = np.nonzero(metres)
                cut = _points_along(near[col], far[col], length[col], metres[row, col])
                pieces.add(near[col], cut, row, near_node[col])
                street += np.bincount(row, weights=metres[row, col], minlength=k)
            # the snapped edge is walked both ways from the snapped point
            budget = cutoff - snap_gap
            on_edge = np.nonzero(budget > 0)[0]
            lo = np.maximum(snap.offset[ids][on_edge] - budget[on_edge], 0.0)
            hi = np.minimum(snap.offset[ids][on_edge] + budget[on_edge], own_length[on_edge])
            a = _points_along(own_start[on_edge], own_end[on_edge], own_length[on_edge], lo)
            b = _points_along(own_start[on_edge], own_end[on_edge], own_length[on_edge], hi)
            own_u = np.where(lo <= 0.0, graph.u[own[on_edge]], -1)
            own_v = np.where(hi >= own_length[on_edge], graph.v[own[on_edge]], -1)
            pieces.add(a, b, on_edge, own_u, own_v)
            street[on_edge] += hi - lo
            # the step from the origin onto the street (not street length)
            stepping = np.nonzero(snap_gap > 0)[0]
            share = np.minimum(cutoff / snap_gap[stepping], 1.0)[:, None]
            tip = origin_xy[stepping] + (snap_xy[stepping] - origin_xy[stepping]) * share
            pieces.add(origin_xy[stepping], tip, stepping)
            buffered = pieces.buffered(k, self.walk_off, self.quad_segs)
            for i in range(k):
                # the shell one level down joins this one, so levels are nested by construction
                shell = self._shell(full_blocks[i], buffered[i] + previous[i])
                if shell is not None:
                    polygon = _with_holes(shell, self.blocks.cores(full_blocks[i]))
                    results.append(Isochrone(int(ids[i]), level, polygon, float(street[i])))
                    previous[i] = [shell]
        return results

    def _shell(self, full_blocks: np.ndarray, frontier: list[shapely.Geometry]) -> shapely.Geometry | None:
        """The isochrone before the cores are cut out: the fully reached blocks and the frontier streets, buffered.

        Buffering the blocks' outline buffers every street bounding them at once. No core can meet a street
        buffer, so cutting the cores out later needs no overlay.
        """
        parts = list(frontier)
        if len(full_blocks):
            outline = shapely.coverage_union_all(self.blocks.polygons[full_blocks])
            parts.append(shapely.buffer(outline, self.walk_off, quad_segs=self.quad_segs))
        return shapely.union_all(parts) if parts else None


class _Pieces:
    """Street pieces to buffer, per origin row, with the graph node at each end (negative: a free end)."""

    def __init__(self) -> None:
        self.segments: list[np.ndarray] = []
        self.rows: list[np.ndarray] = []
        self.ends: list[np.ndarray] = []

    def add(
        self,
        a: np.ndarray,
        b: np.ndarray,
        row: np.ndarray,
        node_a: np.ndarray | None = None,
        node_b: np.ndarray | None = None,
    ) -> None:
        """Pieces from `a` to `b` of the origins `row`; a missing or negative node is a free end of its own."""
        ends = np.full((len(row), 2), -1, dtype=np.int64)
        for column, node in enumerate((node_a, node_b)):
            if node is not None:
                ends[:, column] = node
        self.segments.append(np.stack([a, b], axis=1))
        self.rows.append(row)
        self.ends.append(ends)

    def buffered(self, k: int, walk_off: float, quad_segs: int) -> list[list[shapely.Geometry]]:
        """Per origin row, its pieces walked as a few long trails and buffered.

        Buffering few long lines and dissolving them is far faster in GEOS than buffering many short ones,
        or the whole set at once.
        """
        segments, row, ends = np.concatenate(self.segments), np.concatenate(self.rows), np.concatenate(self.ends)
        free = ends < 0
        ends[free] = -1 - np.arange(int(free.sum()))
        order = np.argsort(row, kind="stable")
        segments, row, ends = segments[order], row[order], ends[order]
        bounds = np.searchsorted(row, np.arange(k + 1))
        lines = [trail_lines(segments[i:j], ends[i:j, 0], ends[i:j, 1]) for i, j in zip(bounds[:-1], bounds[1:])]
        counts = np.cumsum([0] + [len(group) for group in lines])
        capsules = shapely.buffer(np.concatenate(lines), walk_off, quad_segs=quad_segs)
        return [list(capsules[counts[i] : counts[i + 1]]) for i in range(k)]


class _Frontier:
    """Which blocks of a tile are fully reached, and which reached edges still need buffering."""

    def __init__(self, blocks: StreetBlocks, edges: np.ndarray) -> None:
        edge_piece = blocks.edge_piece[edges]
        pieces = np.unique(edge_piece.indices)
        self.edge_piece = edge_piece[:, pieces]
        self.piece_edge = blocks.piece_edge[pieces][:, edges]
        self.blocks = np.unique(blocks.piece_block[pieces].indices)
        self.piece_block = blocks.piece_block[pieces][:, self.blocks]
        self.edges_per_piece = blocks.edges_per_piece[pieces]
        self.pieces_per_block = blocks.pieces_per_block[self.blocks]
        self.has_core = blocks.has_core[self.blocks]

    def split(self, whole: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
        """Per origin, the fully reached block ids; and the whole edges with a piece beside none of those blocks.

        A block is fully reached when every piece bounding or inside it lies on a wholly reached edge (and its
        core is usable as a hole); pieces outside the tile count as unreached.
        """
        reached = (self.piece_edge @ whole.T.astype(np.float64)) == self.edges_per_piece[:, None]
        full = (self.piece_block.T @ reached.astype(np.float64)) == self.pieces_per_block[:, None]
        full &= self.has_core[:, None]
        # a piece bounding a fully reached block is inside that block's buffered outline
        beside_full = (self.piece_block @ full.astype(np.float64)) > 0
        open_pieces = (self.edge_piece @ (~beside_full).astype(np.float64)).T > 0
        row, col = np.nonzero(full.T)
        bounds = np.searchsorted(row, np.arange(whole.shape[0] + 1))
        full_blocks = [self.blocks[col[bounds[i] : bounds[i + 1]]] for i in range(whole.shape[0])]
        return full_blocks, whole & open_pieces


def _with_holes(shell: shapely.Geometry, rings: np.ndarray) -> shapely.Geometry:
    """`shell` with `rings` added as holes; each ring lies strictly inside one part and touches nothing."""
    if len(rings) == 0:
        return shell
    parts = shapely.get_parts(shell)
    owner = np.zeros(len(rings), dtype=np.int64)
    if len(parts) > 1:
        ring_index, part_index = shapely.STRtree(parts).query(shapely.get_point(rings, 0), predicate="within")
        owner[:] = -1
        owner[ring_index] = part_index
    polygons = []
    for position, part in enumerate(parts):
        inner = shapely.get_interior_ring(part, range(shapely.get_num_interior_rings(part)))
        holes = [*inner, *rings[owner == position]]
        polygons.append(shapely.polygons(shapely.get_exterior_ring(part), holes=holes or None))
    return polygons[0] if len(polygons) == 1 else shapely.multipolygons(polygons)


def _tiles(xy: np.ndarray, ids: np.ndarray, size: float) -> list[np.ndarray]:
    """Origins grouped by grid cell of `size` metres, at most MAX_TILE_ORIGINS per group."""
    if len(ids) == 0:
        return []
    cell = np.floor(xy[ids] / size).astype(np.int64)
    order = np.lexsort((cell[:, 1], cell[:, 0]))
    cell, ids = cell[order], ids[order]
    breaks = np.flatnonzero(np.any(cell[1:] != cell[:-1], axis=1)) + 1
    tiles = []
    for group in np.split(ids, breaks):
        tiles.extend(np.array_split(group, -(-len(group) // MAX_TILE_ORIGINS)))
    return tiles


def isochrones(
    graph: RoadGraph,
    xy: np.ndarray,
    snap: Snap,
    cutoffs: list[float],
    walk_off: float = WALK_OFF_M,
    quad_segs: int = QUAD_SEGS,
    workers: int = 2,
    feedback: QgsFeedback | None = None,
) -> Iterator[list[Isochrone]]:
    """Isochrone polygons of every snapped origin, one batch of nearby origins at a time.

    `cutoffs` are network distances in metres (ascending order is imposed); each polygon is the exactly
    cut reachable street geometry plus the step from the origin to the street, buffered by `walk_off`.
    Each level's shell joins the one below, so levels are nested by construction. The street blocks
    are computed once for the whole network, before the first batch.
    """
    cutoffs = sorted(float(c) for c in cutoffs)
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    tiles = _tiles(xy, np.flatnonzero(snap.snapped), max(cutoffs[-1] * 0.75, 1.0))
    if not tiles:
        return
    blocks = street_blocks(graph, walk_off)
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        pending: list[Future] = []
        queue = iter(tiles)
        for tile in queue:
            pending.append(pool.submit(_Tile(graph, blocks, tile, xy, snap, cutoffs, walk_off, quad_segs).solve))
            if len(pending) >= 2 * max(workers, 1):
                break
        while pending:
            if feedback is not None and feedback.isCanceled():
                for future in pending:
                    future.cancel()
                return
            result = pending.pop(0).result()
            tile = next(queue, None)
            if tile is not None:
                pending.append(pool.submit(_Tile(graph, blocks, tile, xy, snap, cutoffs, walk_off, quad_segs).solve))
            yield result
