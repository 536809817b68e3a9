"""fifteenmin:coverage — facilities per category in every circle, what it lacks, its GB 50180 gaps and MOFCOM grade."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, advanced, facility_parameters
from fifteen_min_plugin.processing.walking_graph import (
    exclusion_parameters,
    roads_help,
    roads_parameter,
    snap_parameter,
    speed_parameter,
    topology_parameter,
    walking_graph,
)


class CoverageAlgorithm(FifteenMinAlgorithm):
    """Counts facilities per category inside every circle and grades the circle."""

    ID = "coverage"
    GROUP_ID = "analysis"
    REQUIRES = ("shapely", "numpy")
    CIRCLES = "CIRCLES"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    COMMUNITIES = "COMMUNITIES"
    GRADING_PROFILE = "GRADING_PROFILE"
    BRANDS = "BRANDS"
    ROADS = "ROADS"
    SPEED_KMH = "SPEED_KMH"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    TOPOLOGY_TOLERANCE_M = "TOPOLOGY_TOLERANCE_M"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    EXCLUDE_VALUES = "EXCLUDE_VALUES"
    ASSETS = "ASSETS"
    NEEDS = "NEEDS"
    SATISFACTION = "SATISFACTION"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Coverage per circle")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return (
            self.tr(
                "Counts the facilities of every category inside every living circle and reports what each circle lacks "
                "(缺什么补什么).<br><b>Circles</b>: polygons, e.g. the workspace circles or the output of Radius "
                "circles / Network circles. The level of a circle is read from <i>level_min</i> or <i>minutes</i>; a "
                "circle with neither is checked as a 15-minute circle. Its community is read from <i>community_id</i> "
                "or <i>origin_id</i>.<br><b>Facilities</b>: points (any CRS; they are reprojected to the circles' CRS) "
                "whose category field holds codes of the categories table (run Classify facilities first). A facility "
                "on a circle's boundary counts for that circle (QGIS's Count points in polygon leaves it out). "
                "Facilities with an empty or unknown code are not counted and are listed in the log.<br><b>Category "
                "field</b>: the field with the codes (default <i>category</i>).<br><b>Communities</b> (optional): "
                "points or polygons with <i>community_id</i> and <i>population</i>; a circle takes the population of "
                "its community, else its own <i>population</i> field.<br><b>Output</b>: the circles with all their "
                "fields, plus <i>population</i>; <i>n_&lt;code&gt;</i>, the number of facilities of each category (0 "
                "included); <i>n_basic_present</i> and <i>n_quality_present</i>, how many MOFCOM basic-guarantee "
                "(基本保障类) and quality (品质提升类) categories have at least one facility; <i>missing_basic</i>, "
                "<i>missing_quality</i> (codes, comma-separated) and <i>missing_basic_zh</i>, "
                "<i>missing_quality_zh</i> (Chinese names, separated by 、); <i>per_10k</i>, basic and quality "
                "facilities per 10,000 residents (empty without a population); <i>grade</i>, 基础型 / 提升型 / 品质型 "
                "/ 未达标 by the grading profile (below); <i>missing_required</i> and <i>missing_required_zh</i>, the "
                "GB 50180-2018 / MOFCOM level requirements the circle does not meet, cumulatively (a 15-minute circle "
                "is also checked for the 5- and 10-minute facilities; alternatives are joined by |). The requirements "
                "are in resources/categories/level_requirements.csv, with the clause each comes from.<br><b>Tiers are "
                "not inclusive</b> (GB 50180-2018, commentary to 5.0.2: a higher-tier facility does not stand in for a "
                "lower-tier one): each tier's requirements are checked within that tier's own reach: in the same "
                "community's circle of that level when there is one; otherwise, from the community's point in the "
                "communities layer, within the tier's walking minutes along the <b>Roads</b> (as Nearest facility "
                "computes them), or without roads within the tier radius in a straight line (300 / 500 / 1,000 m, GB "
                "50180-2018 2.0.2–2.0.4); a circle whose community has neither is checked within itself. "
                "<i>missing_tiers</i> lists the unmet items per tier (e.g. "
                "<i>5:kindergarten,childcare;10:bus_stop</i>), <i>missing_tiers_zh</i> the same in Chinese "
                "(5分钟：幼儿园、托儿所；10分钟：公交车站), and <i>tier_reach</i> how each tier was checked "
                "(<i>circle</i>, <i>network</i>, <i>radius</i> or <i>own</i>). Each tier whose circle the community "
                "has is also checked against GB 50180-2018 Table 4.0.4 at that tier's level (items <i>park_area</i> "
                "and <i>green_per_resident</i>).<br><b>Grading profile</b> (optional): a CSV of business types "
                "(category codes, class basic/quality) and the numbers of types each grade needs, each row with its "
                "source, e.g. resources/grading/shanxi_2023.csv. Empty: the plugin default "
                "(resources/grading/plugin_default.csv, the thresholds of the plugin settings), which is the plugin's "
                "reading: the action plan and the pilot notices name 基础型/提升型/品质型 without counts.<br><b>Brand "
                "table</b> (optional): a CSV with more chains (brand, wikidata, name_patterns, source), added to "
                "resources/categories/brands.csv. <i>chain_share</i> is the share of the circle's basic-category "
                "facilities whose brand, brand:wikidata or name belongs to a chain of the tables, empty without any; "
                "the 2025 notice (商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》) sets a target "
                "of at least 30 %.<br>Green space per GB 50180-2018 Table 4.0.4 from the <i>footprint_m2</i> of the "
                "circle's parks: <i>park_max_m2</i>, the largest park, and <i>park_ok</i>, 1 when it reaches the "
                "level's smallest park (15/10/5 minutes: 5.0/1.0/0.4 hm²); <i>green_m2_per_resident</i>, park area per "
                "resident, and <i>green_ok</i>, 1 when it reaches 2.0/1.0/1.0 m². Floor area per 国办发〔2021〕56号 "
                "(at least 30 m² of community comprehensive service facilities per 100 households): <i>households</i>, "
                "from a <i>households</i> field of the community or circle, else population ÷ the persons per "
                "household of the settings (2.6; 第七次全国人口普查: 2.62); <i>floor_area_m2</i>, the "
                "<i>floor_area_m2</i> (else <i>footprint_m2</i>) of the circle's community service centres plus the "
                "<i>area_m2</i> of the <b>Idle assets</b> in the circle whose status is approved or in_use (the log "
                "names them); <i>floor_area_shortfall_m2</i>, what is missing (0 when met). A figure whose area or "
                "residents are unknown is empty.<br>"
            )
            + roads_help()
            + self.tr(
                "<b>Roads</b>, <b>Walking speed</b> and <b>Snapping tolerance</b> are used only with the communities "
                "layer, for the tiers without a circle of their own."
            )
            + self.tr(
                "<br><b>Needs</b> (optional): the workspace needs or the output of Import residents' needs. A need "
                "counts for the circles of its <i>community_id</i> and for those whose polygon holds its point (once "
                "per circle), with its weight (respondents). <i>demand_top</i> lists the five categories asked for "
                "most as code:respondents (breakfast:34,fresh_market:20), <i>unmet_demand</i> those asked for that "
                "have no facility in the circle, and <i>demand_top_zh</i>, <i>unmet_demand_zh</i> the same with "
                "Chinese names (早餐店:34、菜市场:20). Unclassified needs are not counted. Without needs the fields "
                "are empty.<br><b>Satisfaction</b> (optional): the workspace satisfaction table or the output of "
                "Import satisfaction surveys. <i>satisfaction</i> is the share satisfied (0–1) of the circle's latest "
                "survey (its own <i>circle_id</i>, else its community's; several rows of that date weighted by sample "
                "size; a mean score 0–100 counts as score ÷ 100), and <i>satisfaction_ok</i> is 1 when it reaches the "
                "90% target of the 2023–2025 action plan (居民满意度达到90%以上), else 0; empty without a survey."
            )
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES, self.tr("Circles"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        for parameter in facility_parameters(self.FACILITIES, self.CATEGORY_FIELD, optional_field=True):
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNITIES,
                self.tr("Communities (population)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.GRADING_PROFILE,
                self.tr("Grading profile (CSV)"),
                behavior=QgsProcessingParameterFile.Behavior.File,
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.BRANDS,
                self.tr("More chain brands (CSV)"),
                behavior=QgsProcessingParameterFile.Behavior.File,
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ASSETS,
                self.tr("Idle assets (floor area)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        roads = roads_parameter(self.ROADS)
        roads.setFlags(roads.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        self.addParameter(roads)
        for parameter in advanced(
            speed_parameter(self.SPEED_KMH),
            snap_parameter(self.SNAP_TOLERANCE_M),
            topology_parameter(self.TOPOLOGY_TOLERANCE_M),
            *exclusion_parameters(self.ROADS, self.EXCLUDE_FIELD, self.EXCLUDE_VALUES),
        ):
            self.addParameter(parameter)
        for name, label in ((self.NEEDS, self.tr("Residents' needs")), (self.SATISFACTION, self.tr("Satisfaction"))):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, label, [QgsProcessing.SourceType.TypeVector], optional=True)
            )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.coverage import circle_coverage  # shapely: canExecute() checked it
        from fifteen_min_plugin.core.analysis.tiers import RoadReach

        circles = self.source(parameters, self.CIRCLES, context)
        facilities = self.source(parameters, self.FACILITIES, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category"
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        profile = self.parameterAsFile(parameters, self.GRADING_PROFILE, context) or None
        brands = self.parameterAsFile(parameters, self.BRANDS, context)
        nothing = self.tr("Nothing was written.")
        roads, reach = self.parameterAsSource(parameters, self.ROADS, context), None
        if roads is not None and communities is not None:
            exclude = (
                self.parameterAsString(parameters, n, context) for n in (self.EXCLUDE_FIELD, self.EXCLUDE_VALUES)
            )
            tolerance = self.parameterAsDouble(parameters, self.TOPOLOGY_TOLERANCE_M, context)
            walkable = walking_graph(roads, *exclude, context, feedback, nothing, tolerance)
            if walkable is None:
                return {}
            speed, snap = (
                self.parameterAsDouble(parameters, n, context) for n in (self.SPEED_KMH, self.SNAP_TOLERANCE_M)
            )
            reach = RoadReach(walkable.graph, walkable.crs, speed, snap)
        elif roads is not None:
            feedback.pushWarning(
                self.tr("Roads were given without a communities layer: there is no community point to walk from.")
            )
        try:
            result = circle_coverage(
                circles,
                facilities,
                category_field,
                communities,
                context.transformContext(),
                feedback,
                profile,
                [brands] if brands else [],
                reach,
                *(self.parameterAsSource(parameters, n, context) for n in (self.ASSETS, self.NEEDS, self.SATISFACTION)),
            )
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if result is None:
            return {}
        carried = CarriedFields(circles.fields(), replaces=[spec.name for spec in result.added])
        fields = carried.with_outputs(tuple((spec.name, spec.kind) for spec in result.added))
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, circles.wkbType(), circles.sourceCrs())
        rows = (
            carried.values(feature) + [values[spec.name] for spec in result.added]
            for feature, values in zip(result.features, result.rows)
        )
        geometries = [feature.geometry() for feature in result.features]
        self.write_rows(sink, parameters, self.OUTPUT, fields, geometries, rows, feedback, 60.0)
        return {self.OUTPUT: dest_id}
