"""fifteenmin:coverage — facilities per category in every circle, what it lacks, its GB 50180 gaps and MOFCOM grade."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, named_ids

#: unknown category values named in the warning
UNKNOWN_EXAMPLES = 5


class CoverageAlgorithm(FifteenMinAlgorithm):
    """Counts facilities per category inside every circle and grades the circle."""

    ID = "coverage"
    GROUP_ID = "analysis"
    REQUIRES = ("shapely", "numpy")
    CIRCLES = "CIRCLES"
    FACILITIES = "FACILITIES"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    COMMUNITIES = "COMMUNITIES"
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
            "population); <i>grade</i>, 基础型 / 提升型 / 品质型 / 未达标 by the thresholds in the plugin "
            "settings; <i>missing_required</i> and <i>missing_required_zh</i>, the GB 50180-2018 / MOFCOM level "
            "requirements the circle does not meet, cumulatively (a 15-minute circle is also checked for the 5- "
            "and 10-minute facilities; alternatives are joined by |). The requirements are in "
            "resources/categories/level_requirements.csv, with the clause each comes from."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CIRCLES, self.tr("Circles"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES, self.tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                self.tr("Category field"),
                defaultValue="category",
                parentLayerParameterName=self.FACILITIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMMUNITIES,
                self.tr("Communities (population)"),
                [QgsProcessing.SourceType.TypeVectorAnyGeometry],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis import coverage  # needs shapely, which canExecute() checks first

        circles = self.parameterAsSource(parameters, self.CIRCLES, context)
        if circles is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CIRCLES))
        facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
        if facilities is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.FACILITIES))
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or "category"
        communities = self.parameterAsSource(parameters, self.COMMUNITIES, context)
        nothing = self.tr("Nothing was written.")
        try:
            categories = load_categories()
            rules = coverage.CoverageRules(categories, coverage.load_level_requirements(categories), Settings.load())
            populations = (
                coverage.read_populations(communities) if communities is not None else coverage.Populations({}, [])
            )
            points = coverage.read_facilities(
                facilities, category_field, categories, circles.sourceCrs(), context.transformContext(), feedback
            )
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if feedback.isCanceled():
            return {}
        if not len(points.xs):
            raise QgsProcessingException(
                self.tr("The facilities layer has no points, so there is nothing to count. Nothing was written.")
            )
        known = int((points.category_index >= 0).sum())
        unknown_text = ", ".join(
            f"“{code}” ({count})" if code else self.tr("empty ({count})").format(count=count)
            for code, count in points.unknown.most_common(UNKNOWN_EXAMPLES)
        )
        if not known:
            raise QgsProcessingException(
                self.tr(
                    "None of the {count} facilities has a category code of the categories table in the field "
                    "“{field}” (found: {found}). Run Classify facilities first, or choose the right field. "
                    "Nothing was written."
                ).format(count=len(points.xs), field=category_field, found=unknown_text)
            )
        if points.unknown:
            feedback.pushWarning(
                self.tr("{count} facilities have no known category code and were not counted: {found}.").format(
                    count=len(points.xs) - known, found=unknown_text
                )
            )

        features = []
        for feature in circles.getFeatures():
            if feedback.isCanceled():
                return {}
            features.append(feature)
        shapes = coverage.to_shapely([feature.geometry() for feature in features])
        if not features:
            raise QgsProcessingException(
                self.tr("The circles layer has no features. Draw or generate circles first. Nothing was written.")
            )
        feedback.setProgress(30.0)
        counts = coverage.count_in_polygons(shapes, points.xs, points.ys, points.category_index, len(categories))
        feedback.setProgress(60.0)

        added = coverage.summary_fields(categories)
        carried = CarriedFields(circles.fields(), replaces=[spec.name for spec in added])
        fields = carried.with_outputs(tuple((spec.name, spec.kind) for spec in added))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, circles.wkbType(), circles.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        empty = [feature.id() for feature, shape in zip(features, shapes) if shape is None]
        if len(empty) == len(features):
            raise QgsProcessingException(self.tr("No circle has a geometry. Nothing was written."))
        unreadable = []  # circles whose own population is not a number
        for number, (feature, shape, row) in enumerate(zip(features, shapes, counts)):
            if feedback.isCanceled():
                break
            if shape is None:
                continue  # no geometry: named below; a row would read as an empty circle graded 未达标
            try:
                population = coverage.circle_population(feature, populations.by_community)
            except ValueError:
                population = None
                has_id = feature.fields().lookupField("circle_id") >= 0
                unreadable.append(str(feature["circle_id"] if has_id else feature.id()))
            values = rules.summary(row, coverage.circle_level(feature), population)
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(carried.values(feature) + [values[spec.name] for spec in added])
            if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(60.0 + 40.0 * (number + 1) / len(features))
        if populations.unreadable:
            feedback.pushWarning(
                self.tr(
                    "{count} communities have a population that is not a number; it was not used: {communities}."
                ).format(count=len(populations.unreadable), communities=named_ids(populations.unreadable))
            )
        if unreadable:
            feedback.pushWarning(
                self.tr(
                    "{count} circles have a population that is not a number, so their residents and per-10,000 "
                    "figures are empty: {circles}."
                ).format(count=len(unreadable), circles=named_ids(unreadable))
            )
        if empty:
            feedback.pushWarning(
                self.tr("{count} circles have no geometry and get no row (feature ids): {ids}").format(
                    count=len(empty), ids=named_ids(empty)
                )
            )
        feedback.pushInfo(
            self.tr("{facilities} facilities counted in {circles} circles.").format(
                facilities=known, circles=len(features)
            )
        )
        return {self.OUTPUT: dest_id}
