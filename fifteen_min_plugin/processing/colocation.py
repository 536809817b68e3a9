"""fifteenmin:colocation — for every idle asset and planned project site, the gaps it closes across all circles."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm
from fifteen_min_plugin.processing.walking_graph import speed_parameter


class ColocationAlgorithm(FifteenMinAlgorithm):
    """Sites × the circle-profile gaps each use would close × circles served × residents gaining."""

    ID = "colocation"
    GROUP_ID = "assets"
    REQUIRES = ("numpy",)
    FUSION = "FUSION"
    ASSETS = "ASSETS"
    PROJECTS = "PROJECTS"
    STATUSES = "STATUSES"
    SUITABILITY = "SUITABILITY"
    PROFILES = "PROFILES"
    SPEED_KMH = "SPEED_KMH"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Co-location sites (gaps closed across circles)")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Finds where one site closes the gaps of several service circles at once (圈圈融合).<br>"
            "<b>Circle fusion</b>: the output of Circle fusion: communities with <i>community_id</i>, "
            "<i>population</i> and, per circle profile, <i>&lt;profile&gt;_missing</i> (the items it lacks).<br>"
            "<b>Idle assets</b> (optional): the register's idle_assets; each offers the uses of the suitability "
            "table its type, size and idle hours allow (as in Suggest repurposing). Assets whose status is in_use or "
            "retired are no longer idle and are left out.<br>"
            "<b>Projects</b> (optional): the workspace projects (<i>project_id</i>, <i>name</i>, <i>category</i>, "
            "<i>status</i>, site point); each offers its category.<br>"
            "<b>Statuses</b>: the project statuses counted as planned sites (default planned, approved, "
            "under_construction).<br>"
            "<b>Suitability table</b> (optional): default resources/assets/suitability.csv.<br>"
            "<b>Circle profiles</b> (optional): comma-separated profile names or CSV paths; default every shipped "
            "profile the fusion layer has.<br>"
            "<b>Walking speed</b>: turns reach in minutes into metres (default 4 km/h).<br>"
            "A use closes a missing item of a profile in a community when it provides one of the item's categories "
            "and the community lies within the item's reach of the site, in a straight line (reach_method "
            "straight_line: the walk along the streets is longer where rivers or walls are in the way).<br>"
            "Score = Σ over the communities gaining of population × profiles closed there / 1000: it drops when a "
            "new facility closes one profile's gap.<br>"
            "<b>Output</b>: one point per site and use that closes at least one gap, ranked per site by the number "
            "of circles served, then score: <i>site_kind</i> (asset, project), <i>site_id</i>, <i>site_name</i>, "
            "<i>use</i>, <i>use_zh</i>, <i>rank</i>, <i>n_circles_served</i>, <i>circles_served</i> (profile names), "
            "<i>circles_served_zh</i>, <i>n_communities</i>, <i>communities</i>, <i>residents_gain</i>, "
            "<i>gaps_closed</i> (community:profile:item; …), <i>score</i>, <i>reach_method</i>, <i>reason_zh</i> "
            "and <i>reason_en</i> (the sentence naming the circles)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        areas = [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.FUSION, self.tr("Circle fusion"), areas))
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ASSETS, self.tr("Idle assets"), areas, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.PROJECTS, self.tr("Projects"), [QgsProcessing.SourceType.TypeVectorAnyGeometry], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.STATUSES,
                self.tr("Project statuses counted as planned sites"),
                "planned,approved,under_construction",
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SUITABILITY, self.tr("Suitability table (CSV)"), extension="csv", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.PROFILES, self.tr("Circle profiles"), defaultValue="", optional=True)
        )
        self.addParameter(speed_parameter(self.SPEED_KMH))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Co-location sites"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.colocation import GapIndex, fusion_profiles
        from fifteen_min_plugin.core.assets.colocation_sites import OUTPUT_FIELDS, SiteSources, colocation_sites
        from fifteen_min_plugin.core.assets.suitability import load_suitability
        from fifteen_min_plugin.core.projects.scenario import parse_statuses

        nothing = self.tr("Nothing was written.")
        fusion = self.source(parameters, self.FUSION, context)
        names = [name.strip() for name in self.parameterAsString(parameters, self.PROFILES, context).split(",")]
        try:
            profiles = fusion_profiles(fusion, [name for name in names if name])
            index = GapIndex.from_fusion(
                fusion,
                profiles,
                self.parameterAsDouble(parameters, self.SPEED_KMH, context),
                context.transformContext(),
                feedback,
            )
            sources = SiteSources(
                self.parameterAsSource(parameters, self.ASSETS, context),
                self.parameterAsSource(parameters, self.PROJECTS, context),
                parse_statuses(self.parameterAsString(parameters, self.STATUSES, context)),
                load_suitability(self.parameterAsFile(parameters, self.SUITABILITY, context) or None),
            )
            sites = list(colocation_sites(sources, index, fusion.sourceCrs(), context.transformContext(), feedback))
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(new_field(name, kind))
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, fusion.sourceCrs())
        for site in sites:
            rows = [[row[name] for name, _ in OUTPUT_FIELDS] for row in site.rows]
            self.write_rows(sink, parameters, self.OUTPUT, fields, [site.point] * len(rows), rows, feedback)
        feedback.pushInfo(
            self.tr("{sites} sites close gaps of at least one circle ({rows} uses).").format(
                sites=len(sites), rows=sum(len(site.rows) for site in sites)
            )
        )
        return {self.OUTPUT: dest_id}
