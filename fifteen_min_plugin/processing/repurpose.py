"""fifteenmin:repurpose — ranked uses for each idle asset that fill the gaps of the circles it serves."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from fifteen_min_plugin.core.analysis.colocation import GapIndex, fusion_profiles
from fifteen_min_plugin.core.assets.repurposing import repurpose_assets
from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.settings import DEMAND_WEIGHT
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm
from fifteen_min_plugin.processing.walking_graph import speed_parameter

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
    ("residents_asked", "double"),
    ("n_circles_served", "int"),
    ("circles_served", "text"),
    ("circles_served_zh", "text"),
)
SHARED_FIELDS = ("asset_id", "asset_type")


class RepurposeAlgorithm(FifteenMinAlgorithm):
    """For each asset, the best uses filling its circles' gaps, each with a score and a sentence."""

    ID = "repurpose"
    GROUP_ID = "assets"
    REQUIRES = ()
    ASSETS = "ASSETS"
    COVERAGE = "COVERAGE"
    FACILITIES = "FACILITIES"
    ROADS = "ROADS"
    SUITABILITY = "SUITABILITY"
    TOP_N = "TOP_N"
    NEEDS = "NEEDS"
    DEMAND_WEIGHT = "DEMAND_WEIGHT"
    FUSION = "FUSION"
    SPEED_KMH = "SPEED_KMH"
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
            "<b>Facilities</b> and <b>Roads</b> (optional): a tidal stall zone must lie more than 100 m from a "
            "school and off main roads (local rules); with the facilities (<i>category</i> kindergarten, "
            "primary_school, middle_school) and roads (<i>highway</i> motorway, trunk, primary) its sentence says "
            "what they show, without them that it was not checked.<br>"
            "Score = base score × gap weight (basic 3, quality 2, public 1, other 1, none 0.5; plugin defaults) × "
            "residents of the circles lacking the use / 1000 × size fit (0.5–1). Each community counts once, with "
            "its widest circle up to 15 minutes. Every sentence ends with the table's conditions and source.<br>"
            "<b>Needs</b> (optional): the workspace needs or the output of Import residents' needs. A need counts for "
            "a circle of its community_id or whose polygon holds its point; the score is multiplied by 1 + demand "
            "weight × the residents (summed weights) who asked for the gaps the use fills in its circles, so the "
            "suggestions follow what residents ask for, and the sentence says how many asked.<br>"
            "<b>Demand weight</b>: 0.02 per resident asking (50 residents double a score); a plugin default, not "
            "from any document: edit it to weigh demand more or less (0 ignores it).<br>"
            "<b>Circle fusion</b> (optional): the output of Circle fusion (communities with "
            "<i>&lt;profile&gt;_missing</i> and <i>population</i>). A use then also closes the missing items of "
            "every circle profile of the communities within the item's reach of the asset (straight line at the "
            "walking speed); uses are ranked first by the number of circles they serve, then by score, and the "
            "sentence names the circles (e.g. a 社区食堂 serving the convenience and the elderly-care circle).<br>"
            "<b>Walking speed</b>: turns the profiles' reach in minutes into metres (default 4 km/h).<br>"
            "<b>Output</b>: one point per asset and suggestion, with the asset's own fields plus <i>asset_id</i>, "
            "<i>asset_name</i>, <i>asset_type</i>, <i>use</i> (category code or shared_parking, tidal_stalls, "
            "storage), <i>use_zh</i>, <i>rank</i> (1 = best), <i>score</i>, <i>circle_id</i> (comma-separated "
            "circles gaining it), <i>residents_gain</i>, <i>reason_zh</i> and <i>reason_en</i> (which gap, how many "
            "residents gain it, why the asset fits); <i>residents_asked</i> (with needs), <i>n_circles_served</i>, "
            "<i>circles_served</i> and <i>circles_served_zh</i> (with a circle-fusion result). An asset with no "
            "suggestion gets one row with an empty use and the reason (for example: not in any circle)."
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
            QgsProcessingParameterFeatureSource(
                self.FACILITIES,
                self.tr("Facilities (schools near a tidal stall zone)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS,
                self.tr("Roads (main roads, highway field)"),
                [QgsProcessing.SourceType.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NEEDS, self.tr("Residents' needs"), [QgsProcessing.SourceType.TypeVector], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DEMAND_WEIGHT,
                self.tr("Demand weight per resident asking (plugin default)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=DEMAND_WEIGHT,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FUSION,
                self.tr("Circle fusion (gaps of every circle profile)"),
                [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(speed_parameter(self.SPEED_KMH))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Repurposing suggestions"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )

    def _fields(self, carried: CarriedFields) -> QgsFields:
        """The assets' fields plus OUTPUT_FIELDS; asset_id and asset_type already there are filled in place."""
        fields = QgsFields(carried.fields)
        for name, kind in OUTPUT_FIELDS:
            if fields.lookupField(name) >= 0:
                if name not in SHARED_FIELDS:
                    raise QgsProcessingException(
                        self.tr("The assets layer already has a field named {name}; rename it first.").format(name=name)
                    )
                continue
            fields.append(new_field(name, kind))
        return fields

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        assets = self.parameterAsSource(parameters, self.ASSETS, context)
        coverage = self.parameterAsSource(parameters, self.COVERAGE, context)
        if assets is None or coverage is None:
            raise QgsProcessingException(self.tr("The assets or the coverage layer could not be read."))
        suitability = self.parameterAsFile(parameters, self.SUITABILITY, context)
        top_n = self.parameterAsInt(parameters, self.TOP_N, context)
        facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
        roads = self.parameterAsSource(parameters, self.ROADS, context)
        carried = CarriedFields(assets.fields())
        needs = self.parameterAsSource(parameters, self.NEEDS, context)
        fusion = self.parameterAsSource(parameters, self.FUSION, context)
        speed = self.parameterAsDouble(parameters, self.SPEED_KMH, context)
        try:
            gap_index = None
            if fusion is not None:
                profiles = fusion_profiles(fusion)
                gap_index = GapIndex.from_fusion(fusion, profiles, speed, context.transformContext(), feedback)
            suggestions = repurpose_assets(
                assets,
                coverage,
                suitability,
                top_n,
                context.transformContext(),
                feedback,
                facilities,
                roads,
                needs,
                self.parameterAsDouble(parameters, self.DEMAND_WEIGHT, context),
                gap_index,
            )
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        fields = self._fields(carried)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Point, assets.sourceCrs())
        for item in suggestions:
            rows = []
            for values in item.rows:
                row = carried.values(item.feature) + [None] * (fields.count() - len(carried.indices))
                for name, value in values.items():
                    row[fields.lookupField(name)] = value
                rows.append(row)
            self.write_rows(sink, parameters, self.OUTPUT, fields, [item.point] * len(rows), rows, feedback)
        return {self.OUTPUT: dest_id}
