"""The road-class parameters and the walking graph they describe, for the algorithms that walk on roads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.settings import SNAP_TOLERANCE_M, WALKING_SPEED_KMH
from fifteen_min_plugin.processing.algorithm import processing_error
from fifteen_min_plugin.processing.parameter_checks import MAX_SPEED_KMH

if TYPE_CHECKING:
    from fifteen_min_plugin.core.network.graph import RoadGraph

#: largest gap a dangling road end may bridge: a digitising gap, not a missing street
MAX_TOPOLOGY_TOLERANCE_M = 20.0

#: OSM road classes unfit for walking, excluded by default
DEFAULT_EXCLUDE = "motorway,motorway_link,trunk,trunk_link,construction,proposed,raceway"


class WalkingGraphMessages(Messages):
    """Translation context of this module's messages."""


def exclusion_parameters(roads: str, field: str, values: str) -> list[QgsProcessingParameterDefinition]:
    """The optional field of `roads` naming the road class, and the classes to leave out."""
    return [
        QgsProcessingParameterField(
            field,
            WalkingGraphMessages.tr("Exclude roads by field"),
            defaultValue="highway",
            parentLayerParameterName=roads,
            optional=True,
        ),
        QgsProcessingParameterString(
            values, WalkingGraphMessages.tr("Excluded values"), defaultValue=DEFAULT_EXCLUDE, optional=True
        ),
    ]


def roads_parameter(name: str) -> QgsProcessingParameterFeatureSource:
    """The road lines walked on."""
    return QgsProcessingParameterFeatureSource(
        name, WalkingGraphMessages.tr("Roads"), [QgsProcessing.SourceType.TypeVectorLine]
    )


def speed_parameter(name: str) -> QgsProcessingParameterNumber:
    """The walking speed in km/h, default Settings' 4.0 (15 min = 1,000 m)."""
    return QgsProcessingParameterNumber(
        name,
        WalkingGraphMessages.tr("Walking speed (km/h)"),
        QgsProcessingParameterNumber.Type.Double,
        defaultValue=WALKING_SPEED_KMH,
        maxValue=MAX_SPEED_KMH,
    )


def snap_parameter(name: str) -> QgsProcessingParameterNumber:
    """The distance within which an origin or a facility joins the nearest street."""
    return QgsProcessingParameterNumber(
        name,
        WalkingGraphMessages.tr("Snapping tolerance (m)"),
        QgsProcessingParameterNumber.Type.Double,
        defaultValue=SNAP_TOLERANCE_M,
        minValue=0.0,
    )


def topology_parameter(name: str) -> QgsProcessingParameterNumber:
    """The distance within which a dangling road end joins another road; 0 (the default) joins nothing."""
    return QgsProcessingParameterNumber(
        name,
        WalkingGraphMessages.tr("Topology tolerance for dangling road ends (m)"),
        QgsProcessingParameterNumber.Type.Double,
        defaultValue=0.0,
        minValue=0.0,
        maxValue=MAX_TOPOLOGY_TOLERANCE_M,
    )


def roads_help() -> str:
    """The help paragraph on how roads become a walking graph, shared by the algorithms that walk."""
    return WalkingGraphMessages.tr(
        "<b>Roads</b>: any line layer in any CRS. Roads meet only where they share a vertex, as OpenStreetMap "
        "encodes junctions; roads that cross without one (bridges, tunnels) are not connected; one-way rules "
        "are ignored. A geographic CRS is measured in the local UTM zone.<br>"
        "<b>Topology tolerance</b>: default 0, right for OpenStreetMap. For a CAD or survey road layer with "
        "digitising gaps, a dangling line end (the first or last vertex of a road that meets nothing) is joined "
        "to the nearest vertex or segment of another road within this many metres; a segment is split where "
        "it is joined. Vertices in the middle of a road never join, and where the layer has OSM "
        "<i>layer</i>/<i>bridge</i>/<i>tunnel</i> values (as fields or in <i>other_tags</i>) a road end joins "
        "only a road on its own level, so a bridge stays a bridge.<br>"
        "<b>Exclude field / values</b>: road classes unfit for walking (default: OSM motorway, trunk, "
        "construction…) are left out; with the OSM <i>highway</i> field, lines without a value (fences, "
        "railways, rivers) are no roads and are left out too.<br>"
    )


@dataclass
class WalkingGraph:
    """The graph of the walkable roads, in the metric CRS it was measured in."""

    graph: RoadGraph
    crs: QgsCoordinateReferenceSystem


def walking_graph(
    roads: QgsFeatureSource,
    exclude_field: str,
    exclude_values: str,
    context: QgsProcessingContext,
    feedback: QgsProcessingFeedback,
    nothing: str = "",
    topology_tolerance: float = 0.0,
) -> Optional[WalkingGraph]:
    """Read the roads into a walking graph, reporting what was left out; None when cancelled.

    Roads meet where they share a vertex; `topology_tolerance` (metres) also joins dangling line ends to a
    road of the same level within that distance. A road layer with nothing to walk on is refused; the
    sentence ends with `nothing`, the algorithm's own word on what it has not written.
    """
    from fifteen_min_plugin.core.network.graph import build_graph, layer_extent, metric_crs, read_road_lines

    def refuse(text: str) -> QgsProcessingException:
        return QgsProcessingException(f"{text} {nothing}".strip())

    if exclude_field and roads.fields().lookupField(exclude_field) < 0:
        exclude_field = ""  # the default "highway" on a layer that has no such field
    if roads.featureCount() == 0:
        raise refuse(WalkingGraphMessages.tr("The road layer is empty: there is no network to walk on."))
    transform_context = context.transformContext()
    try:
        crs, reprojected = metric_crs(roads.sourceCrs(), layer_extent(roads), transform_context)
    except FifteenMinError as error:
        raise processing_error(error, feedback, nothing) from error
    if reprojected:
        feedback.pushInfo(
            WalkingGraphMessages.tr("Roads are not in a metric projected CRS; distances are measured in {crs}.").format(
                crs=crs.authid()
            )
        )
    feedback.setProgressText(WalkingGraphMessages.tr("Building the walking graph…"))
    try:
        lines = read_road_lines(
            roads,
            crs,
            transform_context,
            exclude_field,
            exclude_values.split(","),
            feedback,
            require_value=exclude_field.lower() == "highway",
        )
    except FifteenMinError as error:
        raise processing_error(error, feedback, nothing) from error
    if feedback.isCanceled():
        return None
    graph = build_graph(lines.coords, lines.part_index, topology_tolerance, lines.part_level)
    if graph.edge_count == 0:
        raise refuse(
            WalkingGraphMessages.tr(
                "The road layer has no usable line geometries ({invalid} empty or invalid, {excluded} excluded)."
            ).format(invalid=lines.invalid, excluded=lines.excluded)
        )
    feedback.pushInfo(
        WalkingGraphMessages.tr(
            "Walking graph: {nodes} nodes, {edges} edges; {excluded} roads excluded, {invalid} unusable."
        ).format(nodes=graph.node_count, edges=graph.edge_count, excluded=lines.excluded, invalid=lines.invalid)
    )
    if topology_tolerance > 0:
        feedback.pushInfo(
            WalkingGraphMessages.tr("Dangling road ends joined within {tolerance} m.").format(
                tolerance=f"{topology_tolerance:g}"
            )
        )
    return WalkingGraph(graph, crs)
