"""fifteenmin:coverage — facilities per category in every circle, what it lacks, its GB 50180 gaps and MOFCOM grade."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, facility_parameters


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
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Coverage per circle")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Counts the facilities of every category inside every living circle and reports what each circle "
            "lacks (缺什么补什么).<br>"
            "<b>Circles</b>: polygons, e.g. the workspace circles or the output of Radius circles / Network "
            "circles. The level of a circle is read from <i>level_min</i> or <i>minutes</i>; a circle with neither "
            "is checked as a 15-minute circle. Its community is read from <i>community_id</i> or "
            "<i>origin_id</i>.<br>"
            "<b>Facilities</b>: points (any CRS; they are reprojected to the circles' CRS) whose category field "
            "holds codes of the categories table (run Classify facilities first). A facility on a circle's "
            "boundary counts for that circle (QGIS's Count points in polygon leaves it out). Facilities with an "
            "empty or unknown code are not counted and are listed in the log.<br>"
            "<b>Category field</b>: the field with the codes (default <i>category</i>).<br>"
            "<b>Communities</b> (optional): points or polygons with <i>community_id</i> and <i>population</i>; a "
            "circle takes the population of its community, else its own <i>population</i> field.<br>"
            "<b>Output</b>: the circles with all their fields, plus <i>population</i>; <i>n_&lt;code&gt;</i>, the "
            "number of facilities of each category (0 included); <i>n_basic_present</i> and "
            "<i>n_quality_present</i>, how many MOFCOM basic-guarantee (基本保障类) and quality (品质提升类) "
            "categories have at least one facility; <i>missing_basic</i>, <i>missing_quality</i> (codes, "
            "comma-separated) and <i>missing_basic_zh</i>, <i>missing_quality_zh</i> (Chinese names, separated "
            "by 、); <i>per_10k</i>, basic and quality facilities per 10,000 residents (empty without a "
            "population); <i>grade</i>, 基础型 / 提升型 / 品质型 / 未达标 by the grading profile (below); "
            "<i>missing_required</i> and <i>missing_required_zh</i>, the GB 50180-2018 / MOFCOM level "
            "requirements the circle does not meet, cumulatively (a 15-minute circle is also checked for the 5- "
            "and 10-minute facilities; alternatives are joined by |). The requirements are in "
            "resources/categories/level_requirements.csv, with the clause each comes from.<br>"
            "<b>Grading profile</b> (optional): a CSV of business types (category codes, class basic/quality) and "
            "the numbers of types each grade needs, each row with its source, e.g. resources/grading/"
            "shanxi_2023.csv. Empty: the plugin default (resources/grading/plugin_default.csv, the thresholds of "
            "the plugin settings), which is the plugin's reading: the action plan and the pilot notices name "
            "基础型/提升型/品质型 without counts.<br>"
            "<b>Brand table</b> (optional): a CSV with more chains (brand, wikidata, name_patterns, source), added "
            "to resources/categories/brands.csv. <i>chain_share</i> (output only; the workspace coverage layer "
            "keeps no such column) is the share of the circle's basic-category facilities whose brand, "
            "brand:wikidata or name belongs to a chain of the tables, empty without any; the 2025 notice "
            "(商务部等9部门《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》) sets a target of at least 30 %.<br>"
            "Also in the output only: green space per GB 50180-2018 Table 4.0.4 from the <i>footprint_m2</i> of the "
            "circle's parks: <i>park_max_m2</i>, the largest park, and <i>park_ok</i>, 1 when it reaches the level's "
            "smallest park (15/10/5 minutes: 5.0/1.0/0.4 hm²); <i>green_m2_per_resident</i>, park area per resident, "
            "and <i>green_ok</i>, 1 when it reaches 2.0/1.0/1.0 m². Floor area per 国办发〔2021〕56号 (at least 30 m² "
            "of community comprehensive service facilities per 100 households): <i>households</i>, from a "
            "<i>households</i> field of the community or circle, else population ÷ the persons per household of the "
            "settings (2.6; 第七次全国人口普查: 2.62); <i>floor_area_m2</i>, the <i>floor_area_m2</i> (else "
            "<i>footprint_m2</i>) of the circle's community service centres; <i>floor_area_shortfall_m2</i>, what is "
            "missing (0 when met). A figure whose area or residents are unknown is empty."
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
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis.coverage import circle_coverage  # shapely: canExecute() checked it

        circles = self.source(parameters, self.CIRCLES, context)
        facilities = self.source(parameters, self.FACILITIES, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category"
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        profile = self.parameterAsFile(parameters, self.GRADING_PROFILE, context) or None
        brands = self.parameterAsFile(parameters, self.BRANDS, context)
        nothing = self.tr("Nothing was written.")
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
