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

from fifteen_min_plugin.core.network import WALK_OFF_M
from fifteen_min_plugin.core.network.graph import RoadGraph

#: arc segments per quarter circle of the buffer: every vertex lies on the true arc (never beyond the walk-off),
#: and the polygon stays within 1.9 m (25 m x (1 - cos 22.5°)) of the exact buffer; 2 halves the overlay work of 4
QUAD_SEGS = 2
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
        segments = shapely.linestrings(np.stack([graph.xy[graph.u], graph.xy[graph.v]], axis=1))
        tree = shapely.STRtree(segments)
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
        ids: np.ndarray,
        xy: np.ndarray,
        snap: Snap,
        cutoffs: list[float],
        walk_off: float,
        quad_segs: int,
    ) -> None:
        self.graph, self.ids, self.xy, self.snap = graph, ids, xy, snap
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
        """Cut every edge where the time runs out and buffer the reachable streets of each origin and level."""
        graph, ids, snap = self.graph, self.ids, self.snap
        edges, dist_u, dist_v, slot = self.distances()
        k, levels = len(ids), len(self.cutoffs)
        rows = np.arange(k)
        start, end, length = graph.xy[graph.u[edges]], graph.xy[graph.v[edges]], graph.length[edges]
        own = snap.edge[ids]
        own_start, own_end, own_length = graph.xy[graph.u[own]], graph.xy[graph.v[own]], graph.length[own]
        origin_xy, snap_xy, snap_gap = self.xy[ids], snap.point[ids], snap.distance[ids]

        # GEOS overlays are markedly faster near (0, 0): geometry is built relative to the tile's first origin
        anchor = origin_xy[0].copy()
        street = np.zeros((k, levels))
        reached_before = np.zeros(dist_u.shape, dtype=bool)
        previous: np.ndarray = np.full(k, None, dtype=object)
        results: list[Isochrone] = []
        for level, cutoff in enumerate(self.cutoffs):
            whole, from_u, from_v = reachable_intervals(dist_u, dist_v, length, cutoff)
            whole[rows, slot] = False
            from_u[rows, slot] = 0.0
            from_v[rows, slot] = 0.0
            row, col = np.nonzero(whole)
            street[:, level] = np.bincount(row, weights=length[col], minlength=k)
            # edges already whole at a lower level are inside that level's polygon: only new ones are added
            row, col = np.nonzero(whole & ~reached_before)
            reached_before |= whole
            pieces = [(np.stack([start[col], end[col]], axis=1), row)]
            for metres, near, far in ((from_u, start, end), (from_v, end, start)):
                row, col = np.nonzero(metres)
                cut = _points_along(near[col], far[col], length[col], metres[row, col])
                pieces.append((np.stack([near[col], cut], axis=1), row))
                street[:, level] += np.bincount(row, weights=metres[row, col], minlength=k)
            # the snapped edge is walked both ways from the snapped point
            budget = cutoff - snap_gap
            on_edge = np.nonzero(budget > 0)[0]
            lo = np.maximum(snap.offset[ids][on_edge] - budget[on_edge], 0.0)
            hi = np.minimum(snap.offset[ids][on_edge] + budget[on_edge], own_length[on_edge])
            a = _points_along(own_start[on_edge], own_end[on_edge], own_length[on_edge], lo)
            b = _points_along(own_start[on_edge], own_end[on_edge], own_length[on_edge], hi)
            pieces.append((np.stack([a, b], axis=1), on_edge))
            street[on_edge, level] += hi - lo
            # the step from the origin onto the street (not street length)
            stepping = np.nonzero(snap_gap > 0)[0]
            share = np.minimum(cutoff / snap_gap[stepping], 1.0)[:, None]
            tip = origin_xy[stepping] + (snap_xy[stepping] - origin_xy[stepping]) * share
            pieces.append((np.stack([origin_xy[stepping], tip], axis=1), stepping))
            previous = self._polygons(pieces, previous, anchor)
            present = np.array([i for i in range(k) if previous[i] is not None], dtype=np.int64)
            polygons = shapely.transform(previous[present], lambda xy: xy + anchor)
            results.extend(
                Isochrone(int(ids[i]), level, polygon, float(street[i, level])) for i, polygon in zip(present, polygons)
            )
        return results

    def _polygons(
        self, pieces: list[tuple[np.ndarray, np.ndarray]], previous: np.ndarray, anchor: np.ndarray
    ) -> np.ndarray:
        """Per origin row: the previous level's polygon dissolved with the buffered new street pieces.

        Polygons are relative to `anchor`.

        Consecutive pieces are merged into runs first: buffering each run and dissolving is far faster
        in GEOS than buffering the whole network at once. Dissolving with the lower level makes the
        levels nested by construction.
        """
        segments = np.concatenate([segment for segment, _ in pieces]) - anchor
        row = np.concatenate([row for _, row in pieces])
        order = np.argsort(row, kind="stable")
        row = row[order]
        present = np.unique(row)
        multi = shapely.multilinestrings(shapely.linestrings(segments[order]), indices=np.searchsorted(present, row))
        runs, owner = shapely.get_parts(shapely.line_merge(multi), return_index=True)
        capsules = shapely.buffer(runs, self.walk_off, quad_segs=self.quad_segs)
        bounds = np.searchsorted(owner, np.arange(len(present) + 1))
        polygons = previous.copy()
        for position, origin_row in enumerate(present):
            added = shapely.union_all(capsules[bounds[position] : bounds[position + 1]])
            if previous[origin_row] is not None:
                added = shapely.union(previous[origin_row], added)
            polygons[origin_row] = added
        return polygons


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
    Each level is dissolved with the level below, so levels are nested by construction.
    """
    cutoffs = sorted(float(c) for c in cutoffs)
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    tiles = _tiles(xy, np.flatnonzero(snap.snapped), max(cutoffs[-1] * 0.75, 1.0))
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
        pending: list[Future] = []
        queue = iter(tiles)
        for tile in queue:
            pending.append(pool.submit(_Tile(graph, tile, xy, snap, cutoffs, walk_off, quad_segs).solve))
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
                pending.append(pool.submit(_Tile(graph, tile, xy, snap, cutoffs, walk_off, quad_segs).solve))
            yield result
