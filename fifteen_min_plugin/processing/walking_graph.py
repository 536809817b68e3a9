"""The road-class parameters and the walking graph they describe, for the algorithms that walk on roads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSource,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.core.errors import FifteenMinError

if TYPE_CHECKING:
    from fifteen_min_plugin.core.network.graph import RoadGraph

#: OSM road classes unfit for walking, excluded by default
DEFAULT_EXCLUDE = "motorway,motorway_link,trunk,trunk_link,construction,proposed,raceway"


class WalkingGraphMessages:
    """Translation context of this module's messages."""

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("WalkingGraphMessages", text)


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
) -> Optional[WalkingGraph]:
    """Read the roads into a walking graph, reporting what was left out; None when cancelled.

    A road layer with nothing to walk on is refused; the sentence ends with `nothing`, the algorithm's own
    word on what it has not written.
    """
    from fifteen_min_plugin.core.network.graph import build_graph, metric_crs, read_road_lines

    def refuse(text: str) -> QgsProcessingException:
        return QgsProcessingException(f"{text} {nothing}".strip())

    if exclude_field and roads.fields().lookupField(exclude_field) < 0:
        exclude_field = ""  # the default "highway" on a layer that has no such field
    if roads.featureCount() == 0:
        raise refuse(WalkingGraphMessages.tr("The road layer is empty: there is no network to walk on."))
    transform_context = context.transformContext()
    crs, reprojected = metric_crs(roads.sourceCrs(), roads.sourceExtent(), transform_context)
    if reprojected:
        feedback.pushInfo(
            WalkingGraphMessages.tr("Roads are not in a metric projected CRS; distances are measured in {crs}.").format(
                crs=crs.authid()
            )
        )
    feedback.setProgressText(WalkingGraphMessages.tr("Building the walking graph…"))
    try:
        lines = read_road_lines(roads, crs, transform_context, exclude_field, exclude_values.split(","), feedback)
    except FifteenMinError as error:
        raise refuse(error.message) from error
    if feedback.isCanceled():
        return None
    graph = build_graph(lines.coords, lines.part_index)
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
    return WalkingGraph(graph, crs)
