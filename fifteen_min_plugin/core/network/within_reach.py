"""Every facility within a walk of every origin: the pairs a minimum count (or area, or capacity) needs.

The nearest-facility search (`NearestSearch`) answers "how far is the nearest"; a minimum needs "how many within".
`network_pairs` reuses that search's contracted graph and snapped origins: one bounded Dijkstra from each junction
at the ends of the facilities' streets, in blocks, then each facility reaches each origin through the ends of
both their chains (or directly along a shared chain). `straight_pairs` is the same in a straight line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from fifteen_min_plugin.core.network.isochrone import Snap
from fifteen_min_plugin.core.network.nearest import NearestSearch

#: facilities searched together (measured on the Shanghai bench: 16–32 is fastest; larger blocks reach more origins)
BLOCK = 32


@dataclass
class Pairs:
    """Origin–facility pairs within the limit: origin index, facility index (of the inputs) and metres."""

    origin: np.ndarray
    facility: np.ndarray
    metres: np.ndarray

    @classmethod
    def empty(cls) -> Pairs:
        """No pair."""
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))


def network_pairs(search: NearestSearch, facilities: Snap, members: np.ndarray, limit: float) -> Pairs:
    """Every (origin, facility of `members`) pair at most `limit` metres apart along the streets.

    Origins and facilities walk their straight snap distance to the network, as in `NearestSearch.distances`;
    unsnapped ones form no pair.
    """
    chains, origins = search.chains, search.origins
    members = np.asarray(members, dtype=np.int64)
    members = members[facilities.edge[members] >= 0]
    snapped = np.flatnonzero(origins.snapped)
    if len(members) == 0 or len(snapped) == 0:
        return Pairs.empty()
    origin_edge = origins.edge[snapped]
    own = chains.edge_chain[origin_edge]
    along = chains.position(origin_edge, origins.offset[snapped])
    origin_gap = origins.distance[snapped]
    own_length = chains.length[own]
    own_first, own_last = chains.first[own], chains.last[own]
    matrix = search.junction_matrix
    # blocks of nearby facilities reach few origins: order them by the cell (of the limit's size) they lie in
    cell = np.floor(facilities.point[members] / max(limit, 1.0)).astype(np.int64)
    members = members[np.lexsort((cell[:, 1], cell[:, 0]))]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, len(members), BLOCK):
        block = members[start : start + BLOCK]
        edge = facilities.edge[block]
        gap = facilities.distance[block]
        chain = chains.edge_chain[edge]
        position = chains.position(edge, facilities.offset[block])
        sources, inverse = np.unique(np.concatenate([chains.first[chain], chains.last[chain]]), return_inverse=True)
        node = dijkstra(matrix, directed=True, indices=sources, limit=limit)
        # only origins whose chain has a reached end, or that share a chain with a facility, can be within reach
        reached = np.isfinite(node).any(axis=0)
        near = np.flatnonzero(reached[own_first] | reached[own_last] | np.isin(own, chain))
        if len(near) == 0:
            continue
        ends, at_end = np.unique(np.concatenate([own_first[near], own_last[near]]), return_inverse=True)
        node = node[:, ends]
        first, last, offset = at_end[: len(near)], at_end[len(near) :], along[near]
        via_first = node[inverse[: len(block)]] + (gap + position)[:, None]
        via_last = node[inverse[len(block) :]] + (gap + chains.length[chain] - position)[:, None]
        to_end = np.minimum(via_first, via_last)  # facility → the junctions at the near origins' chain ends
        walk = np.minimum(to_end[:, first] + offset, to_end[:, last] + own_length[near] - offset) + origin_gap[near]
        rows, cols = np.nonzero(chain[:, None] == own[near][None, :])
        if len(rows):  # an origin and a facility on one chain: the direct walk along it
            direct = np.abs(offset[cols] - position[rows]) + gap[rows] + origin_gap[near][cols]
            walk[rows, cols] = np.minimum(walk[rows, cols], direct)
        rows, cols = np.nonzero(walk <= limit)
        found.append((snapped[near][cols], block[rows], walk[rows, cols]))
    if not found:
        return Pairs.empty()
    return Pairs(*(np.concatenate(parts) for parts in zip(*found)))


def straight_pairs(origins_xy: np.ndarray, facilities_xy: np.ndarray, limit: float) -> Pairs:
    """Every (origin, facility) pair at most `limit` metres apart in a straight line (rows with NaN form none)."""
    origins_xy = np.asarray(origins_xy, dtype=np.float64).reshape(-1, 2)
    facilities_xy = np.asarray(facilities_xy, dtype=np.float64).reshape(-1, 2)
    origin_ok = np.flatnonzero(np.isfinite(origins_xy).all(axis=1))
    facility_ok = np.flatnonzero(np.isfinite(facilities_xy).all(axis=1))
    if len(origin_ok) == 0 or len(facility_ok) == 0:
        return Pairs.empty()
    pairs = cKDTree(origins_xy[origin_ok]).sparse_distance_matrix(
        cKDTree(facilities_xy[facility_ok]), limit, output_type="ndarray"
    )
    return Pairs(origin_ok[pairs["i"]], facility_ok[pairs["j"]], pairs["v"].astype(np.float64))
