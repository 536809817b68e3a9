"""Which idle-asset candidates the register already holds: by source reference, then by footprint and name.

Assets seeded by hand or imported from a bureau list have no source reference, so a candidate found in OSM may be
one of them. A candidate is *registered* when its source reference is in the register, *possibly registered* when
its footprint covers (or, for a point, lies within `POINT_TOLERANCE_M` of) a registered asset, or a registered asset
of the same type and name lies within `NAME_DISTANCE_M`; otherwise it is *new*. Only new ones are offered ticked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.values import plain

NEW = "new"
REGISTERED = "registered"
POSSIBLE = "possible"
#: a candidate point this close to a registered asset is the same place
POINT_TOLERANCE_M = 25.0
#: a polygon footprint is grown by this much before testing which registered points it covers
FOOTPRINT_MARGIN_M = 5.0
#: a registered asset of the same type and name this close is probably the same asset
NAME_DISTANCE_M = 300.0
_SPACES = re.compile(r"[\s·・()（）\-_]+")


@dataclass(frozen=True)
class CandidateMatch:
    """How one candidate relates to the register."""

    status: str
    #: asset_id and name of the registered asset it matches ("" when new)
    asset_id: str = ""
    asset_name: str = ""
    #: "source", "footprint" or "name": what matched
    by: str = ""


def normalise_name(name: Any) -> str:
    """A name for comparison: case, spaces and brackets ignored."""
    value = plain(name)
    return _SPACES.sub("", str(value)).lower() if value is not None else ""


@dataclass(frozen=True)
class _Asset:
    asset_id: str
    name: str
    asset_type: str
    source: Optional[tuple[str, int]]
    point: QgsGeometry


def _assets(register: QgsVectorLayer) -> list[_Asset]:
    found = []
    names = register.fields().names()
    for feature in register.getFeatures():
        layer, fid = (
            (plain(feature["source_layer"]), plain(feature["source_fid"])) if "source_fid" in names else (None, None)
        )
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            continue
        found.append(
            _Asset(
                str(feature["asset_id"]),
                str(plain(feature["name"]) or ""),
                str(plain(feature["asset_type"]) or ""),
                (str(layer), int(fid)) if layer is not None and fid is not None else None,
                QgsGeometry(geometry),
            )
        )
    return found


def match_candidates(
    candidates: QgsVectorLayer, register: QgsVectorLayer, context: QgsCoordinateTransformContext
) -> list[CandidateMatch]:
    """One match per candidate feature, in the candidates' feature order."""
    assets = _assets(register)
    by_source = {asset.source: asset for asset in assets if asset.source is not None}
    transform = QgsCoordinateTransform(candidates.crs(), register.crs(), context)
    measure = QgsDistanceArea()
    measure.setSourceCrs(register.crs(), context)
    if not measure.setEllipsoid("EPSG:7030"):
        measure = None  # margins then use the mean length of a degree
    degrees = register.crs().isGeographic()
    matches = []
    for feature in candidates.getFeatures():
        matches.append(_match(feature, assets, by_source, transform, measure, degrees))
    return matches


def _margin(measure: Optional[QgsDistanceArea], point: QgsGeometry, metres: float, degrees: bool) -> float:
    """`metres` in the register CRS's units near `point`."""
    if not degrees:
        return metres
    if measure is None:
        return metres / 111_000.0
    centre = point.centroid().asPoint()
    one_degree = measure.measureLine(centre, QgsPointXY(centre.x(), centre.y() + 1.0))
    return metres / one_degree if one_degree > 0 else metres / 111_000.0


def _match(
    feature: QgsFeature,
    assets: list[_Asset],
    by_source: dict[tuple[str, int], _Asset],
    transform: QgsCoordinateTransform,
    measure: Optional[QgsDistanceArea],
    degrees: bool,
) -> CandidateMatch:
    layer, fid = plain(feature["source_layer"]), plain(feature["source_fid"])
    if layer is not None and fid is not None and (str(layer), int(fid)) in by_source:
        asset = by_source[(str(layer), int(fid))]
        return CandidateMatch(REGISTERED, asset.asset_id, asset.name, "source")
    geometry = QgsGeometry(feature.geometry())
    if geometry.isNull() or geometry.isEmpty():
        return CandidateMatch(NEW)
    try:
        if geometry.transform(transform) != Qgis.GeometryOperationResult.Success:
            return CandidateMatch(NEW)
    except QgsCsException:
        return CandidateMatch(NEW)
    is_point = geometry.type() == POINT_GEOMETRY
    grown = geometry.buffer(
        _margin(measure, geometry, POINT_TOLERANCE_M if is_point else FOOTPRINT_MARGIN_M, degrees), 8
    )
    for asset in assets:
        if grown.intersects(asset.point):
            return CandidateMatch(POSSIBLE, asset.asset_id, asset.name, "footprint")
    name = normalise_name(feature["name"])
    if name:
        near = geometry.buffer(_margin(measure, geometry, NAME_DISTANCE_M, degrees), 8)
        for asset in assets:
            same_type = asset.asset_type == str(plain(feature["asset_type"]) or "")
            if same_type and normalise_name(asset.name) == name and near.intersects(asset.point):
                return CandidateMatch(POSSIBLE, asset.asset_id, asset.name, "name")
    return CandidateMatch(NEW)
