"""A walking graph built once from a road line layer: straight segments between merged vertices."""

from __future__ import annotations

import math
import re
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
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text

#: vertices closer than this (metres) are one vertex: the floating-point noise of a reprojection, not a gap
SAME_VERTEX_M = 0.001


@dataclass
class RoadGraph:
    """Undirected graph whose edges are the straight road segments between merged vertices.

    Every road vertex is a node, so two roads meet only where they share a vertex (as OpenStreetMap encodes
    topology): crossings without one (bridges, tunnels) stay apart. One-way rules are ignored.
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


def build_graph(
    coords: np.ndarray,
    part_index: np.ndarray,
    topology_tolerance: float = 0.0,
    part_level: np.ndarray | None = None,
) -> RoadGraph:
    """Graph from line vertices: `coords` (N, 2) in metres, `part_index` (N,) the line each vertex belongs to.

    Vertices within `SAME_VERTEX_M` of each other (transitively) are one node, placed at the first of them;
    consecutive vertices of a line give an edge; zero-length and repeated edges are dropped. With a
    `topology_tolerance` > 0, every dangling line end (a line's first or last vertex that meets nothing) is
    joined to the nearest point of another line within that distance: to its vertex, or to a new node that
    splits its segment there. Mid-line vertices never join, and with `part_level` (a level code per line, as
    indexed by `part_index`) a dangle joins only a line on its own level, so a bridge stays a bridge.
    """
    coords = np.asarray(coords, dtype=np.float64).reshape(-1, 2)
    part_index = np.asarray(part_index)
    finite = np.isfinite(coords).all(axis=1)
    coords, part_index = coords[finite], part_index[finite]
    count = len(coords)
    if count == 0:
        return RoadGraph(np.empty((0, 2)), *(np.empty(0, dtype=np.int64),) * 2, np.empty(0))
    node, xy = _merge_vertices(coords, SAME_VERTEX_M)

    same_line = part_index[1:] == part_index[:-1]
    a, b = node[:-1][same_line], node[1:][same_line]
    edge_part = part_index[:-1][same_line]
    keep = a != b
    u, v, first = _unique_edges(a[keep], b[keep], len(xy))
    if topology_tolerance > 0 and len(u):
        ends = np.flatnonzero(np.r_[True, ~same_line] | np.r_[~same_line, True])
        level = None if part_level is None else np.asarray(part_level)
        edge_part = edge_part[keep][first]
        xy, a, b = _join_dangles(xy, u, v, edge_part, node[ends], part_index[ends], topology_tolerance, level)
        u, v, _ = _unique_edges(a, b, len(xy))
    length = np.hypot(*(xy[v] - xy[u]).T)
    return RoadGraph(xy, u, v, length)


def _unique_edges(a: np.ndarray, b: np.ndarray, nodes: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Undirected edges without repeats, as (lower node, higher node), and where each first occurs in a/b."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    key, first = np.unique(lo * np.int64(nodes) + hi, return_index=True)
    return key // nodes, key % nodes, first


def _merge_vertices(coords: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id of every vertex and the node coordinates, nodes numbered in input order."""
    count = len(coords)
    pairs = cKDTree(coords).query_pairs(tolerance, output_type="ndarray")
    adjacency = coo_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(count, count))
    _, cluster = connected_components(adjacency, directed=False)
    first = np.full(cluster.max() + 1, count, dtype=np.int64)
    np.minimum.at(first, cluster, np.arange(count))
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[cluster], coords[first[order]]


def _join_dangles(
    xy: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    edge_part: np.ndarray,
    end_node: np.ndarray,
    end_part: np.ndarray,
    tolerance: float,
    level: np.ndarray | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Join each dangling line end to the nearest point of another line within `tolerance`.

    Returns the node coordinates and edge ends with the joins added: a connector edge from the dangle to the
    point it joins, and every segment joined in its interior split there.
    """
    degree = np.bincount(np.concatenate([a, b]), minlength=len(xy))
    dangle, first = np.unique(end_node, return_index=True)
    is_dangle = degree[dangle] == 1
    dangle, dangle_part = dangle[is_dangle], end_part[first][is_dangle]
    if not len(dangle):
        return xy, a, b
    segments = shapely.linestrings(np.stack([xy[a], xy[b]], axis=1))
    points = shapely.points(xy[dangle])
    which, edge = shapely.STRtree(segments).query(points, predicate="dwithin", distance=tolerance)
    fit = (a[edge] != dangle[which]) & (b[edge] != dangle[which]) & (edge_part[edge] != dangle_part[which])
    if level is not None:
        fit &= level[edge_part[edge]] == level[dangle_part[which]]
    which, edge = which[fit], edge[fit]
    if not len(which):
        return xy, a, b
    gap = shapely.distance(points[which], segments[edge])
    best = np.lexsort((edge, gap, which))  # nearest segment per dangle, ties to the lower edge id
    first_of_dangle = np.r_[True, which[best][1:] != which[best][:-1]]
    which, edge, gap = which[best][first_of_dangle], edge[best][first_of_dangle], gap[best][first_of_dangle]

    seg_length = shapely.length(segments[edge])
    along = shapely.line_locate_point(segments[edge], points[which])
    new_xy: list[np.ndarray] = []
    connectors: list[tuple[int, int]] = []
    splits: dict[int, list[tuple[float, int]]] = {}
    for dangle_id, edge_id, distance, at, total in zip(dangle[which], edge, gap, along, seg_length):
        if at <= SAME_VERTEX_M or at >= total - SAME_VERTEX_M:
            connectors.append((int(dangle_id), int(a[edge_id] if at <= SAME_VERTEX_M else b[edge_id])))
            continue
        if distance <= SAME_VERTEX_M:
            target = int(dangle_id)  # the end lies on the segment: split it at the dangle itself
        else:
            target = len(xy) + len(new_xy)
            start, stop = xy[a[edge_id]], xy[b[edge_id]]
            new_xy.append(start + (stop - start) * (at / total))
            connectors.append((int(dangle_id), target))
        splits.setdefault(int(edge_id), []).append((float(at), target))
    xy = np.vstack([xy, *new_xy]) if new_xy else xy
    keep = np.ones(len(a), dtype=bool)
    extra_a: list[int] = [c[0] for c in connectors]
    extra_b: list[int] = [c[1] for c in connectors]
    for edge_id, cuts in splits.items():
        keep[edge_id] = False
        chain = [int(a[edge_id]), *(target for _, target in sorted(cuts)), int(b[edge_id])]
        extra_a.extend(chain[:-1])
        extra_b.extend(chain[1:])
    a = np.concatenate([a[keep], np.asarray(extra_a, dtype=np.int64)])
    b = np.concatenate([b[keep], np.asarray(extra_b, dtype=np.int64)])
    return xy, a, b


class RoadMessages(Messages):
    """Translation context of this module's messages."""


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
    if not (math.isfinite(centre.x()) and math.isfinite(centre.y())):
        raise FifteenMinError(RoadMessages.tr("The road layer has no extent to choose a metric CRS from."))
    if crs.isValid() and crs != wgs84:
        centre = QgsCoordinateTransform(crs, wgs84, context).transform(centre)
    zone = min(max(int((centre.x() + 180.0) // 6.0) + 1, 1), 60)
    epsg = (32600 if centre.y() >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), True


#: road attributes that put a line on its own level: crossings of different levels never join
LEVEL_FIELDS = ("layer", "bridge", "tunnel")
_OTHER_TAG = re.compile(r'"(layer|bridge|tunnel)"=>"((?:[^"\\]|\\.)*)"')


def road_level(values: dict[str, object]) -> tuple[str, bool, bool]:
    """The level a road lies on from its OSM `layer`, `bridge` and `tunnel` values (missing = ground)."""

    def text(name: str) -> str:
        return value_text(values.get(name)).lower()

    layer = text("layer") or "0"
    if re.fullmatch(r"[+-]?\d+(\.0*)?", layer):
        layer = str(int(float(layer)))
    return layer, text("bridge") not in ("", "no"), text("tunnel") not in ("", "no")


@dataclass
class RoadLines:
    """Road vertices read from a layer, in metres, ready for `build_graph`."""

    coords: np.ndarray
    part_index: np.ndarray
    features: int  # features read
    excluded: int  # features dropped by the class filter
    invalid: int  # features without a usable line geometry
    part_level: np.ndarray | None = None  # level code of each line (see `road_level`), None when unknown


def read_road_lines(
    source: QgsFeatureSource,
    crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
    exclude_field: str = "",
    exclude_values: Iterable[str] = (),
    feedback: QgsFeedback | None = None,
    require_value: bool = False,
) -> RoadLines:
    """Read every line part of `source` in `crs`, leaving out features whose `exclude_field` is listed.

    With `require_value`, features whose `exclude_field` is empty are left out too: in OSM's `highway` key an
    empty value means the line is no road (a fence, a railway, a river). Each line's level comes from
    `layer`/`bridge`/`tunnel` fields, or from OSM's `other_tags`, where the layer carries them.
    """
    excluded_set = {value.strip().lower() for value in exclude_values if value.strip()}
    fields = source.fields()
    field_index = fields.lookupField(exclude_field) if exclude_field else -1
    if exclude_field and field_index < 0:
        raise FifteenMinError(RoadMessages.tr("The road layer has no field named {name}.").format(name=exclude_field))
    level_index = {name: fields.lookupField(name) for name in LEVEL_FIELDS if fields.lookupField(name) >= 0}
    other_tags = fields.lookupField("other_tags")
    wanted = {field_index, other_tags, *level_index.values()} - {-1}
    request = QgsFeatureRequest().setDestinationCrs(crs, context)
    request.setSubsetOfAttributes(sorted(wanted))
    wkbs: list[bytes] = []
    levels: list[tuple[str, bool, bool]] = []
    excluded = invalid = features = 0
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        features += 1
        if field_index >= 0:
            text = value_text(feature.attribute(field_index)).lower()
            if text in excluded_set or (require_value and not text):
                excluded += 1
                continue
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            invalid += 1
            continue
        wkbs.append(bytes(geometry.asWkb()))
        values = dict(_OTHER_TAG.findall(str(feature.attribute(other_tags) or ""))) if other_tags >= 0 else {}
        values.update({name: feature.attribute(index) for name, index in level_index.items()})
        levels.append(road_level(values))
    geometries = shapely.from_wkb(wkbs, on_invalid="ignore") if wkbs else np.empty(0, dtype=object)
    usable = np.isin(shapely.get_type_id(geometries), (1, 2, 5, 7)) & ~shapely.is_empty(geometries)
    invalid += int((~usable).sum())
    codes = {level: code for code, level in enumerate(sorted(set(levels)))}
    feature_level = np.asarray([codes[level] for level in levels], dtype=np.int64)[usable]
    geometries = geometries[usable]
    parts, part_owner = shapely.get_parts(geometries, return_index=True)
    lines, line_owner = shapely.get_parts(parts, return_index=True)
    is_line = np.isin(shapely.get_type_id(lines), (1, 2))
    lines, line_owner = lines[is_line], line_owner[is_line]
    coords, part_index = shapely.get_coordinates(lines, return_index=True)
    part_level = feature_level[part_owner[line_owner]] if level_index or other_tags >= 0 else None
    return RoadLines(coords, part_index, features, excluded, invalid, part_level)


def layer_extent(source: QgsFeatureSource) -> QgsRectangle:
    """The extent of `source`, from its features when the provider does not know it (OSM files, some WFS)."""
    extent = source.sourceExtent()
    if not extent.isNull() and all(math.isfinite(v) for v in (extent.xMinimum(), extent.xMaximum())):
        return extent
    extent = QgsRectangle()
    extent.setNull()
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isEmpty():
            extent.combineExtentWith(geometry.boundingBox())
    return extent
