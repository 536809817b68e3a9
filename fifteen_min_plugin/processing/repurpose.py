"""fifteenmin:repurpose — ranked uses for each idle asset that fill the gaps of the circles it serves."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.assets.repurpose import AssetFacts, CircleGaps, rank_uses
from fifteen_min_plugin.core.assets.suitability import load_suitability
from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm, named_ids

#: output fields; asset_id and asset_type may already be input fields and are then filled in place
OUTPUT_FIELDS = (
    ("asset_id", "text"),
    ("asset_name", "text"),
    ("asset_type", "text"),
    ("use", "text"),
    ("use_zh", "text"),
    ("rank", "int"),
    ("score", "double"),
    ("circle_id", "text"),
    ("residents_gain", "int"),
    ("reason_zh", "text"),
    ("reason_en", "text"),
)
SHARED_FIELDS = ("asset_id", "asset_type")
#: assets with unreadable idle windows listed one per line in the log (the count covers them all)
MAX_LISTED = 20


class RepurposeAlgorithm(FifteenMinAlgorithm):
    """For each asset, the best uses filling its circles' gaps, each with a score and a sentence."""

    ID = "repurpose"
    GROUP_ID = "assets"
    REQUIRES = ()
    ASSETS = "ASSETS"
    COVERAGE = "COVERAGE"
    SUITABILITY = "SUITABILITY"
    TOP_N = "TOP_N"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Suggest repurposing of idle assets")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Ranks, for each idle asset, the uses that fill the gaps of the living circles it lies in.<br>"
            "<b>Assets</b>: points or polygons with the register's fields: <i>asset_type</i> (required), "
            "<i>asset_id</i>, <i>name</i>, <i>area_m2</i>, <i>capacity</i> (parking bays), <i>idle_windows</i>.<br>"
            "<b>Coverage</b>: the coverage layer (per circle <i>circle_id</i>, <i>name</i>, <i>level_min</i>, "
            "<i>population</i>, <i>n_&lt;category&gt;</i>); a category with count 0 is a gap.<br>"
            "<b>Suitability table</b>: optional CSV (default: the bundled resources/assets/suitability.csv) giving, "
            "per asset type and use, feasibility, minimum and ideal size, the idle window a use needs, a base "
            "score and reason templates.<br>"
            "<b>Suggestions per asset</b>: how many ranked uses to keep (default 3).<br>"
            "Score = base score × gap weight (basic 3, quality 2, public 1, none 0.5) × residents of the circles "
            "lacking the use / 1000 × size fit (0.5–1). Each community counts once, with its widest circle up to "
            "15 minutes.<br>"
            "<b>Output</b>: one point per asset and suggestion, with the asset's own fields plus <i>asset_id</i>, "
            "<i>asset_name</i>, <i>asset_type</i>, <i>use</i> (category code or shared_parking, tidal_stalls, "
            "storage), <i>use_zh</i>, <i>rank</i> (1 = best), <i>score</i>, <i>circle_id</i> (comma-separated "
            "circles gaining it), <i>residents_gain</i>, <i>reason_zh</i> and <i>reason_en</i> (which gap, how many "
            "residents gain it, why the asset fits). An asset with no suggestion gets one row with an empty use and "
            "the reason (for example: not in any circle)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ASSETS,
                self.tr("Idle assets"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COVERAGE, self.tr("Coverage"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SUITABILITY, self.tr("Suitability table (CSV)"), extension="csv", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOP_N,
                self.tr("Suggestions per asset"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=3,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Repurposing suggestions"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        assets = self.parameterAsSource(parameters, self.ASSETS, context)
        coverage = self.parameterAsSource(parameters, self.COVERAGE, context)
        if assets is None or coverage is None:
            raise QgsProcessingException(self.tr("The assets or the coverage layer could not be read."))
        if assets.fields().lookupField("asset_type") < 0:
            raise QgsProcessingException(
                self.tr("The assets layer has no asset_type field; use the register's idle_assets layer.")
            )
        top_n = self.parameterAsInt(parameters, self.TOP_N, context)
        try:
            categories = load_categories()
            table = load_suitability(self.parameterAsFile(parameters, self.SUITABILITY, context) or None, categories)
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error

        carried = CarriedFields(assets.fields())
        fields = QgsFields(carried.fields)
        for name, kind in OUTPUT_FIELDS:
            if fields.lookupField(name) >= 0:
                if name not in SHARED_FIELDS:
                    raise QgsProcessingException(
                        self.tr("The assets layer already has a field named {name}; rename it first.").format(name=name)
                    )
                continue
            fields.append(new_field(name, kind))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, assets.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        index = QgsSpatialIndex()
        circles: dict[int, tuple[QgsGeometry, CircleGaps]] = {}
        names = coverage.fields().names()
        request = QgsFeatureRequest().setDestinationCrs(assets.sourceCrs(), context.transformContext())
        unplaced = []
        for feature in coverage.getFeatures(request):
            if feature.geometry().isNull() or feature.geometry().isEmpty():
                unplaced.append(feature.id())
                continue
            attributes = dict(zip(names, feature.attributes()))
            attributes.setdefault("circle_id", str(feature.id()))
            circles[feature.id()] = (feature.geometry(), CircleGaps.from_attributes(attributes, categories))
            if not index.addFeature(feature):
                raise QgsProcessingException(self.tr("The coverage circles could not be indexed."))

        if unplaced:
            feedback.pushWarning(
                self.tr("{count} coverage circles have no geometry and were not used (feature ids): {ids}").format(
                    count=len(unplaced), ids=named_ids(unplaced)
                )
            )
        asset_names = assets.fields().names()
        total = max(assets.featureCount(), 1)
        unreadable: list[tuple[str, str]] = []  # (asset id, why) of assets whose idle windows cannot be read
        for done, feature in enumerate(assets.getFeatures()):
            if feedback.isCanceled():
                break
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                feedback.pushWarning(self.tr("Asset feature {fid} has no geometry; skipped.").format(fid=feature.id()))
                continue
            facts = AssetFacts.from_attributes(dict(zip(asset_names, feature.attributes())), str(feature.id()))
            inside = [
                circles[fid][1]
                for fid in index.intersects(geometry.boundingBox())
                if circles[fid][0].intersects(geometry)
            ]
            result = rank_uses(facts, inside, table, categories, top_n)
            if result.windows_problem:
                unreadable.append(
                    (facts.asset_id, f"{facts.asset_id} “{facts.idle_windows}”: {result.windows_problem}")
                )
            rows = [
                (s.use, s.use_zh, s.rank, s.score, ",".join(s.circle_ids), s.residents_gain, s.reason_zh, s.reason_en)
                for s in result.suggestions
            ] or [(None, None, None, None, None, None, result.note_zh, result.note_en)]
            point = QgsGeometry(geometry).pointOnSurface()
            for row in rows:
                out = QgsFeature(fields)
                out.setGeometry(point)
                kept = carried.values(feature)
                out.setAttributes([*kept, *[None] * (fields.count() - len(kept))])
                values = dict(
                    zip(
                        ("use", "use_zh", "rank", "score", "circle_id", "residents_gain", "reason_zh", "reason_en"),
                        row,
                    ),
                    asset_id=facts.asset_id,
                    asset_name=facts.name,
                    asset_type=facts.asset_type,
                )
                for name, value in values.items():
                    out[name] = value
                if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            feedback.setProgress(100.0 * (done + 1) / total)
        if unreadable:
            feedback.pushWarning(
                self.tr(
                    "{count} assets have idle time windows that cannot be read; they were ranked as if they had "
                    "none, so no use needing idle hours was suggested for them: {assets}."
                ).format(count=len(unreadable), assets=named_ids([asset for asset, _ in unreadable]))
            )
            for _asset, line in unreadable[:MAX_LISTED]:
                feedback.pushWarning(line)
            if len(unreadable) > MAX_LISTED:
                feedback.pushWarning(self.tr("… and {more} more assets.").format(more=len(unreadable) - MAX_LISTED))
        return {self.OUTPUT: dest_id}
