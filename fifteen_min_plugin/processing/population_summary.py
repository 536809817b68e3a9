"""fifteenmin:populationsummary — share of residents within MAX_MINUTES of each category and of all basic ones."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.settings import COVERED_MINUTES
from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm
from fifteen_min_plugin.processing.parameter_checks import MAX_WALK_MINUTES


class PopulationSummaryAlgorithm(FifteenMinAlgorithm):
    """Summarises walking times of origins into shares of residents per category."""

    ID = "populationsummary"
    GROUP_ID = "analysis"
    REQUIRES = ("numpy",)
    ORIGINS = "ORIGINS"
    POPULATION_FIELD = "POPULATION_FIELD"
    MAX_MINUTES = "MAX_MINUTES"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Population coverage summary")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "How many residents live within a walking time of each facility category, and of all MOFCOM "
            "basic-guarantee (基本保障类) categories at once.<br>"
            "<b>Origins</b>: communities or buildings with one <i>min_&lt;code&gt;</i> field per category, the "
            "walking minutes to the nearest facility (empty when none is reachable), as written by Walking time to "
            "the nearest facility. Categories without such a field get no row.<br>"
            "<b>Population field</b> (optional): residents of each origin; shares are then of residents, and "
            "origins with an empty or negative population are left out (the log says how many). Without it every "
            "origin counts once.<br>"
            "<b>Maximum minutes</b>: an origin is covered when its walking time is at most this (default 15, the "
            "MOFCOM 一刻钟).<br>"
            "<b>Output</b>: a table without geometry, first the row <i>all_basic</i> (within the time of every "
            "basic category that has a field), then one row per category: <i>category</i>, "
            "<i>category_zh</i>, <i>category_class</i>; <i>origins</i> and <i>origins_covered</i>; "
            "<i>residents</i> and <i>residents_covered</i> (empty without a population field); <i>share_pct</i>, "
            "the covered share in percent (of residents, else of origins); <i>max_minutes</i>; <i>note</i>, e.g. "
            "the basic fields the all-basic row had to do without."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ORIGINS, self.tr("Origins with walking times"), [QgsProcessing.SourceType.TypeVector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field"),
                parentLayerParameterName=self.ORIGINS,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_MINUTES,
                self.tr("Maximum minutes"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=COVERED_MINUTES,
                minValue=0.0,
                maxValue=MAX_WALK_MINUTES,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Population coverage")))

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from fifteen_min_plugin.core.analysis import population  # needs numpy, which canExecute() checks first

        origins = self.source(parameters, self.ORIGINS, context)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        max_minutes = self.parameterAsDouble(parameters, self.MAX_MINUTES, context)
        nothing = self.tr("Nothing was written.")
        if not max_minutes > 0:
            raise QgsProcessingException(self.tr("The maximum minutes must be greater than 0.") + " " + nothing)
        try:
            categories = load_categories()
            read = population.read_minutes(origins, categories, population_field, feedback)
            if feedback.isCanceled():
                return {}
            rows = population.summarise(read.minutes, read.weights, categories, max_minutes)
        except FifteenMinError as error:
            raise self.refuse(error, feedback, nothing) from error
        if not rows[0].origins:
            raise QgsProcessingException(
                self.tr("The origins layer has no origins to summarise (or none with a population).") + " " + nothing
            )
        if read.skipped:
            feedback.pushWarning(
                self.tr("{count} origins have no usable population in “{field}” and were left out: {origins}.").format(
                    count=read.skipped, field=population_field, origins=named_ids(read.skipped_ids)
                )
            )
        feedback.setProgress(50.0)
        no_geometry, no_crs = QgsWkbTypes.Type.NoGeometry, QgsCoordinateReferenceSystem()
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, population.summary_fields(), no_geometry, no_crs)
        for number, row in enumerate(rows):
            if feedback.isCanceled():
                break
            feature = QgsFeature()
            feature.setAttributes(row.attributes())
            if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(50.0 + 50.0 * (number + 1) / len(rows))
        if rows and rows[0].category == population.ALL_BASIC and rows[0].share_pct is not None:
            feedback.pushInfo(
                self.tr("{share:.1f}% within {minutes:g} minutes of every basic category.").format(
                    share=rows[0].share_pct, minutes=max_minutes
                )
            )
        return {self.OUTPUT: dest_id}
