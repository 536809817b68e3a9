"""Where a tidal stall zone (潮汐摊区) may not go, checked against the layers at hand.

Local rules on 潮汐摊区 (there is no national norm) keep stalls more than 100 m from a school gate and off main
roads, with a clear walkway of at least 1.5–2 m. The plugin checks what its data allow and says what it did not:

- schools: the kindergartens, primary and middle schools of a facilities layer (`category` field); the distance
  is to the school's feature, since gates are not mapped — a feature within 100 m fails the check;
- main roads: the `highway=motorway/trunk/primary` lines (and their links) of a roads layer; an asset within
  `ON_ROAD_M` of one lies on it (plugin default);
- the walkway width: no layer has it, so it is always left to a site check.

The sentences are output data in both languages, like the suggestion sentences they are appended to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsSpatialIndex,
)

from fifteen_min_plugin.core.values import plain

#: local rules: no stalls within this distance of a school gate
SCHOOL_DISTANCE_M = 100.0
SCHOOL_CODES = ("kindergarten", "primary_school", "middle_school")
MAIN_ROAD_CLASSES = frozenset({"motorway", "trunk", "primary", "motorway_link", "trunk_link", "primary_link"})
#: plugin default: an asset this close to a main road's centre line lies on it
ON_ROAD_M = 5.0


@dataclass
class _Layer:
    index: QgsSpatialIndex = field(default_factory=QgsSpatialIndex)
    items: dict[int, tuple[QgsGeometry, str]] = field(default_factory=dict)


class StallSiteCheck:
    """Schools and main roads in the assets' CRS, and the check of one asset against them."""

    def __init__(
        self,
        crs: QgsCoordinateReferenceSystem,
        transform_context: QgsCoordinateTransformContext,
        facilities: Optional[QgsFeatureSource] = None,
        roads: Optional[QgsFeatureSource] = None,
    ) -> None:
        self.distance = QgsDistanceArea()
        self.distance.setSourceCrs(crs, transform_context)
        # a CRS without a known ellipsoid is measured on WGS 84's, a negligible difference over 100 m
        if not (
            self.distance.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030") or self.distance.setEllipsoid("EPSG:7030")
        ):
            raise ValueError("QGIS knows no ellipsoid, not even WGS 84's")
        #: search margin in CRS units covering SCHOOL_DISTANCE_M (degrees on a geographic CRS)
        self.margin = SCHOOL_DISTANCE_M / 111_000.0 * 2.0 if crs.isGeographic() else SCHOOL_DISTANCE_M * 2.0
        request = QgsFeatureRequest().setDestinationCrs(crs, transform_context)
        self.schools = self._read(facilities, request, "category", SCHOOL_CODES)
        self.roads = self._read(roads, request, "highway", MAIN_ROAD_CLASSES)

    @staticmethod
    def _read(
        source: Optional[QgsFeatureSource], request: QgsFeatureRequest, field_name: str, wanted
    ) -> Optional[_Layer]:
        if source is None:
            return None
        layer = _Layer()
        names = source.fields().names()
        if field_name not in names:
            return layer
        name_index = names.index("name") if "name" in names else -1
        for feature in source.getFeatures(QgsFeatureRequest(request)):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty() or str(plain(feature[field_name]) or "") not in wanted:
                continue
            label = str(plain(feature.attributes()[name_index]) or "") if name_index >= 0 else ""
            if layer.index.addFeature(feature):
                layer.items[feature.id()] = (geometry, label or f"#{feature.id()}")
        return layer

    def _nearest(self, layer: _Layer, geometry: QgsGeometry) -> Optional[tuple[float, str]]:
        box = geometry.boundingBox().buffered(self.margin)
        best = None
        for fid in layer.index.intersects(box):
            other, label = layer.items[fid]
            line = geometry.shortestLine(other)
            points = line.asPolyline() if not line.isNull() else []
            metres = self.distance.measureLine(points) if len(points) == 2 else 0.0
            if best is None or metres < best[0]:
                best = (metres, label)
        return best

    def sentences(self, geometry: QgsGeometry) -> tuple[str, str]:
        """What the check found for an asset, in Chinese and English."""
        zh, en = [], []
        if self.schools is None:
            zh.append("未提供设施图层，未核查与学校的距离。")
            en.append("The distance to schools was not checked (no facilities layer).")
        else:
            near = self._nearest(self.schools, geometry)
            if near is not None and near[0] < SCHOOL_DISTANCE_M:
                zh.append(f"距学校“{near[1]}”约 {near[0]:.0f} m，不足 100 m，按地方规定不得设摊。")
                en.append(f"Only about {near[0]:.0f} m from the school “{near[1]}”: local rules allow no stalls here.")
            else:
                zh.append("已核查：100 m 内无幼儿园、小学、初中（按设施位置，未标校门）。")
                en.append("Checked: no kindergarten or school within 100 m (by the facilities; gates are not mapped).")
        if self.roads is None:
            zh.append("未提供道路图层，未核查是否位于主干道。")
            en.append("Main roads were not checked (no roads layer).")
        else:
            near = self._nearest(self.roads, geometry)
            if near is not None and near[0] <= ON_ROAD_M:
                zh.append(f"位于主干道“{near[1]}”上，按地方规定不得设摊。")
                en.append(f"It lies on the main road “{near[1]}”: local rules allow no stalls there.")
            else:
                zh.append("已核查：不在主干道上。")
                en.append("Checked: not on a main road.")
        zh.append("人行通道宽度无数据，须现场核实。")
        en.append("No layer gives the walkway width: check it on site.")
        return "".join(zh), " ".join(en)
