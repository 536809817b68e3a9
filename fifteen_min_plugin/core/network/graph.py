"""A walking graph built once from a road line layer: straight segments between merged vertices."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from fifteen_min_plugin.core.errors import FifteenMinError

#: vertices of different road features closer than this (metres) become one node
MERGE_TOLERANCE_M = 0.5


@dataclass
class RoadGraph:
    """Undirected graph whose edges are the straight road segments between merged vertices.

    Every road vertex is a node, so two roads meet only where they share a vertex (within the merge
    tolerance): crossings without one (bridges, tunnels) stay apart. One-way rules are ignored.
    """

    xy: np.ndarray  # (n, 2) node coordinates in metres
    u: np.ndarray  # (m,) first node of each edge
    v: np.ndarray  # (m,) second node of each edge
    length: np.ndarray  # (m,) Euclidean edge length in metres
    _incidence: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False)
    _tree: cKDTree | None = field(default=None, repr=False)
    _segments: np.ndarray | None = field(default=None, repr=False)

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return len(self.xy)

    @property
    def edge_count(self) -> int:
        """Number of edges."""
        return len(self.u)

    @property
    def node_tree(self) -> cKDTree:
        """KD-tree over the nodes, built on first use."""
        if self._tree is None:
            self._tree = cKDTree(self.xy)
        return self._tree

    @property
    def segments(self) -> np.ndarray:
        """Each edge as a two-point LineString, built on first use."""
        if self._segments is None:
            self._segments = shapely.linestrings(np.stack([self.xy[self.u], self.xy[self.v]], axis=1))
        return self._segments

    def incident_edges(self, nodes: np.ndarray) -> np.ndarray:
        """Sorted unique ids of the edges touching any of `nodes`."""
        if self._incidence is None:
            ends = np.concatenate([self.u, self.v])
            order = np.argsort(ends, kind="stable")
            indptr = np.zeros(self.node_count + 1, dtype=np.int64)
            np.cumsum(np.bincount(ends, minlength=self.node_count), out=indptr[1:])
            self._incidence = (indptr, (order % self.edge_count).astype(np.int64))
        indptr, edge_ids = self._incidence
        starts = indptr[nodes]
        counts = indptr[nodes + 1] - starts
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, dtype=np.int64)
        offsets = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(total)
        return np.unique(edge_ids[offsets])


def build_graph(coords: np.ndarray, part_index: np.ndarray, tolerance: float = MERGE_TOLERANCE_M) -> RoadGraph:
    """Graph from line vertices: `coords` (N, 2) in metres, `part_index` (N,) the line each vertex belongs to.

    Vertices within `tolerance` of each other (transitively) merge into one node placed at the first of
    them; consecutive vertices of a line give an edge; zero-length and repeated edges are dropped.
    """
    coords = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    part_index = np.asarray(part_index)
    finite = np.isfinite(coords).all(axis=1)
    coords, part_index = coords[finite], part_index[finite]
    count = len(coords)
    if count == 0:
        return RoadGraph(np.empty((0, 2)), *(np.empty(0, dtype=np.int64),) * 2, np.empty(0))
    pairs = cKDTree(coords).query_pairs(max(tolerance, 0.0), output_type="ndarray")
    adjacency = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(count, count))
    _, cluster = connected_components(adjacency, directed=False)
    # number the clusters by their first vertex so node order follows input order
    first = np.full(cluster.max() + 1, count, dtype=np.int64)
    np.minimum.at(first, cluster, np.arange(count))
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    node = rank[cluster]
    xy = coords[first[order]]

    same_line = part_index[1:] == part_index[:-1]
    a, b = node[:-1][same_line], node[1:][same_line]
    keep = a != b
    lo, hi = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    key = np.unique(lo * np.int64(len(xy)) + hi)
    u, v = key // len(xy), key % len(xy)
    length = np.hypot(*(xy[v] - xy[u]).T)
    return RoadGraph(xy, u, v, length)


class RoadMessages:
    """Translation context of this module's messages."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("RoadMessages", text)


def metric_crs(
    crs: QgsCoordinateReferenceSystem, extent: QgsRectangle, context: QgsCoordinateTransformContext
) -> tuple[QgsCoordinateReferenceSystem, bool]:
    """The CRS to measure in, and whether it differs from `crs`.

    A projected CRS in metres is kept unless it is a Mercator (scale grows with latitude); otherwise the
    WGS84 UTM zone at the centre of `extent` is used.
    """
    proj = crs.toProj() if crs.isValid() else ""
    metres = crs.isValid() and not crs.isGeographic() and crs.mapUnits() == Qgis.DistanceUnit.Meters
    if metres and "+proj=merc" not in proj:
        return crs, False
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    centre = extent.center()
    if crs.isValid() and crs != wgs84:
        centre = QgsCoordinateTransform(crs, wgs84, context).transform(centre)
    zone = min(max(int((centre.x() + 180.0) // 6.0) + 1, 1), 60)
    epsg = (32600 if centre.y() >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), True


@dataclass
class RoadLines:
    """Road vertices read from a layer, in metres, ready for `build_graph`."""

    coords: np.ndarray
    part_index: np.ndarray
    features: int  # features read
    excluded: int  # features dropped by the class filter
    invalid: int  # features without a usable line geometry


def read_road_lines(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    exclude_field: str = "",
    exclude_values: Iterable[str] = (),
    feedback: QgsFeedback | None = None,
) -> RoadLines:
    """Read every line part of `source` in `crs`, leaving out features whose `exclude_field` is listed."""
    excluded_set = {value.strip().lower() for value in exclude_values if value.strip()}
    field_index = source.fields().lookupField(exclude_field) if exclude_field else -1
    if exclude_field and field_index < 0:
        raise FifteenMinError(RoadMessages.tr("The road layer has no field named {name}.").format(name=exclude_field))
    request = QgsFeatureRequest().setDestinationCrs(crs, context)
    request.setSubsetOfAttributes([field_index] if field_index >= 0 else [])
    wkbs: list[bytes] = []
    excluded = invalid = features = 0
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        features += 1
        if field_index >= 0 and excluded_set and str(feature.attribute(field_index)).strip().lower() in excluded_set:
            excluded += 1
            continue
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            invalid += 1
            continue
        wkbs.append(bytes(geometry.asWkb()))
    geometries = shapely.from_wkb(wkbs, on_invalid="ignore") if wkbs else np.empty(0, dtype=object)
    usable = np.isin(shapely.get_type_id(geometries), (1, 2, 5, 7)) & ~shapely.is_empty(geometries)
    invalid += int((~usable).sum())
    lines = shapely.get_parts(shapely.get_parts(geometries[usable]))
    lines = lines[np.isin(shapely.get_type_id(lines), (1, 2))]
    coords, part_index = shapely.get_coordinates(lines, return_index=True)
    return RoadLines(coords, part_index, features, excluded, invalid)
