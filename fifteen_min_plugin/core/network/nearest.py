"""Distance from every origin to the nearest facility of a category: one bounded multi-source search per category."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from fifteen_min_plugin.core.network.graph import RoadGraph
from fifteen_min_plugin.core.network.isochrone import Snap

#: added to every edge leaving the virtual super-source (and subtracted afterwards) so that none weighs zero,
#: which a sparse graph would read as "no edge"
_SOURCE_SHIFT_M = 1.0


@dataclass
class Chains:
    """The graph with its degree-2 nodes contracted: unbranched runs of edges ("chains") between junctions.

    Every edge lies on exactly one chain; `position_u` / `position_v` are the distances along its chain from the
    chain's first junction to the edge's nodes. A closed run without any junction gets one of its nodes as one.
    """

    junction: np.ndarray  # (j,) graph node of each junction
    first: np.ndarray  # (c,) junction index where each chain starts
    last: np.ndarray  # (c,) junction index where each chain ends (may equal `first`)
    length: np.ndarray  # (c,) chain length in metres
    edge_chain: np.ndarray  # (m,) chain of each graph edge
    position_u: np.ndarray  # (m,) position of each edge's node u along its chain
    position_v: np.ndarray  # (m,) position of each edge's node v along its chain

    def position(self, edge: np.ndarray, offset: np.ndarray) -> np.ndarray:
        """Position along its chain of the point `offset` metres from node u along `edge`."""
        start, end = self.position_u[edge], self.position_v[edge]
        return start + np.where(end >= start, offset, -offset)


def contract_chains(graph: RoadGraph) -> Chains:
    """Group the edges of `graph` into chains between nodes of degree other than 2."""
    n, m = graph.node_count, graph.edge_count
    ends = np.concatenate([graph.u, graph.v])
    degree = np.bincount(ends, minlength=n)
    is_junction = (degree != 2).tolist()
    order = np.argsort(ends, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=indptr[1:])
    edge_of = (order % m).tolist()
    neighbour_of = np.concatenate([graph.v, graph.u])[order].tolist()
    indptr_list, u_list, lengths = indptr.tolist(), graph.u.tolist(), graph.length.tolist()
    edge_chain, position_u, position_v = [0] * m, [0.0] * m, [0.0] * m
    visited = bytearray(m)
    first: list[int] = []
    last: list[int] = []
    chain_length: list[float] = []

    def walk(start: int) -> None:
        for slot in range(indptr_list[start], indptr_list[start + 1]):
            edge = edge_of[slot]
            if visited[edge]:
                continue
            chain, position, previous, current = len(first), 0.0, start, neighbour_of[slot]
            while True:
                visited[edge] = 1
                edge_chain[edge] = chain
                forward = u_list[edge] == previous
                position_u[edge], position_v[edge] = (
                    (position, position + lengths[edge]) if forward else (position + lengths[edge], position)
                )
                position += lengths[edge]
                if is_junction[current]:
                    break
                a, b = indptr_list[current], indptr_list[current] + 1
                slot = b if edge_of[a] == edge else a
                previous, current, edge = current, neighbour_of[slot], edge_of[slot]
            first.append(start)
            last.append(current)
            chain_length.append(position)

    for node in np.flatnonzero(degree != 2).tolist():
        walk(node)
    for edge in range(m):  # closed runs without a junction
        if not visited[edge]:
            node = u_list[edge]
            is_junction[node] = True
            walk(node)
    junction = np.flatnonzero(np.array(is_junction, dtype=bool))
    index = np.full(n, -1, dtype=np.int64)
    index[junction] = np.arange(len(junction))
    return Chains(
        junction,
        index[np.array(first, dtype=np.int64)],
        index[np.array(last, dtype=np.int64)],
        np.array(chain_length, dtype=np.float64),
        np.array(edge_chain, dtype=np.int64),
        np.array(position_u, dtype=np.float64),
        np.array(position_v, dtype=np.float64),
    )


def _first_per_key(keys: np.ndarray, costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every distinct key, the smallest cost; keys come back sorted."""
    order = np.lexsort((costs, keys))
    keys, costs = keys[order], costs[order]
    keep = np.ones(len(keys), dtype=bool)
    keep[1:] = keys[1:] != keys[:-1]
    return keys[keep], costs[keep]


class NearestSearch:
    """Nearest-facility distances for a fixed set of snapped origins on one road graph.

    The graph is contracted to its junctions (`contract_chains`) and stored as a CSR matrix with one spare row
    for a virtual super-source. `distances` links the super-source to both ends of the chain of every
    facility's snapped edge with the partial cost (snap distance + distance along the chain) and runs ONE
    single-source Dijkstra, bounded by the limit: the network distance to the nearest facility, for every
    junction at once. Each origin then reads it from both ends of its own chain (+ its snap distance); an origin
    on the same chain as a facility may also walk directly along the chain. The result is exact.
    """

    def __init__(self, graph: RoadGraph, origins: Snap) -> None:
        self.graph, self.origins = graph, origins
        chains = self.chains = contract_chains(graph)
        j = len(chains.junction)
        rows = np.concatenate([chains.first, chains.last])
        cols = np.concatenate([chains.last, chains.first])
        keys, weights = _first_per_key(rows * j + cols, np.concatenate([chains.length, chains.length]))
        rows, cols = keys // j, keys % j
        keep = rows != cols
        rows, cols, weights = rows[keep], cols[keep], weights[keep]
        self._indices, self._data = cols.astype(np.int32), weights
        self._indptr = np.zeros(j + 2, dtype=np.int32)
        np.cumsum(np.bincount(rows, minlength=j), out=self._indptr[1 : j + 1])
        self._indptr[j + 1] = self._indptr[j]
        self._snapped = np.flatnonzero(origins.snapped)
        edge = origins.edge[self._snapped]
        self._chain = chains.edge_chain[edge]
        self._position = chains.position(edge, origins.offset[self._snapped])
        self._gap = origins.distance[self._snapped]

    @property
    def junction_matrix(self) -> csr_matrix:
        """The contracted graph alone (junctions × junctions, chain lengths), without the super-source row."""
        j = len(self.chains.junction)
        return csr_matrix((self._data, self._indices, self._indptr[: j + 1]), shape=(j, j))

    def distances(self, facilities: Snap, members: np.ndarray, limit: float) -> np.ndarray:
        """Network distance (metres) from each origin to the nearest facility in `members`; inf beyond `limit`.

        Both origins and facilities walk their straight snap distance to the network. Unsnapped origins get
        inf; unsnapped facilities are ignored.
        """
        chains = self.chains
        result = np.full(len(self.origins.edge), np.inf)
        members = np.asarray(members, dtype=np.int64)
        members = members[facilities.edge[members] >= 0]
        if len(members) == 0 or len(self._snapped) == 0:
            return result
        edge = facilities.edge[members]
        gap = facilities.distance[members]
        chain = chains.edge_chain[edge]
        position = chains.position(edge, facilities.offset[members])
        targets, costs = _first_per_key(
            np.concatenate([chains.first[chain], chains.last[chain]]),
            np.concatenate([gap + position, gap + chains.length[chain] - position]) + _SOURCE_SHIFT_M,
        )
        j = len(chains.junction)
        indptr = self._indptr.copy()
        indptr[j + 1] += len(targets)
        matrix = csr_matrix(
            (np.concatenate([self._data, costs]), np.concatenate([self._indices, targets.astype(np.int32)]), indptr),
            shape=(j + 1, j + 1),
        )
        node = dijkstra(matrix, directed=True, indices=j, limit=limit + _SOURCE_SHIFT_M)[:j] - _SOURCE_SHIFT_M

        own, along = self._chain, self._position
        best = (
            np.minimum(node[chains.first[own]] + along, node[chains.last[own]] + chains.length[own] - along) + self._gap
        )
        # an origin and a facility on the same chain: the direct walk along it
        by_chain = np.argsort(chain, kind="stable")
        sorted_chain = chain[by_chain]
        lo = np.searchsorted(sorted_chain, own, side="left")
        counts = np.searchsorted(sorted_chain, own, side="right") - lo
        if counts.any():
            slots = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
            facility = by_chain[slots]
            row = np.repeat(np.arange(len(own)), counts)
            direct = np.abs(along[row] - position[facility]) + gap[facility] + self._gap[row]
            np.minimum.at(best, row, direct)
        result[self._snapped] = np.where(best <= limit, best, np.inf)
        return result


def euclidean_distances(origins_xy: np.ndarray, facilities_xy: np.ndarray) -> np.ndarray:
    """Straight-line distance from each origin to the nearest facility (KD-tree); inf without facilities."""
    origins_xy = np.asarray(origins_xy, dtype=np.float64).reshape(-1, 2)
    facilities_xy = np.asarray(facilities_xy, dtype=np.float64).reshape(-1, 2)
    if len(facilities_xy) == 0:
        return np.full(len(origins_xy), np.inf)
    distance, _ = cKDTree(facilities_xy).query(origins_xy)
    return np.asarray(distance, dtype=np.float64)
