"""fifteenmin:classifyfacilities — give every facility a category from its tags, type code or name."""

from __future__ import annotations

from collections import Counter
from typing import Any, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.classify import (
    BAIDU_TAG_KEY,
    CATEGORY_FIELDS,
    NAME_KEY,
    TYPECODE_KEY,
    AttributeRecords,
    ClassificationLog,
    Classifier,
)
from fifteen_min_plugin.processing.algorithm import CarriedFields, FifteenMinAlgorithm

#: field names tried, case-insensitively, when a field parameter is left empty
NAME_GUESSES = ("name", "名称", "name_zh", "title", "名字")
TYPECODE_GUESSES = ("typecode", "type_code", "类型编码")
TAG_GUESSES = ("baidu_tag", "std_tag", "tag", "标签")


def guess_field(fields: QgsFields, guesses: tuple[str, ...]) -> Optional[str]:
    """The first field whose name matches one of `guesses` (case-insensitive), None if none does."""
    by_lower = {name.lower(): name for name in fields.names()}
    return next((by_lower[guess] for guess in guesses if guess in by_lower), None)


class ClassifyFacilitiesAlgorithm(FifteenMinAlgorithm):
    """Adds category, category_class, category_zh and matched_by to every feature."""

    ID = "classifyfacilities"
    GROUP_ID = "import"
    INPUT = "INPUT"
    RULES = "RULES"
    NAME_FIELD = "NAME_FIELD"
    TYPECODE_FIELD = "TYPECODE_FIELD"
    TAG_FIELD = "TAG_FIELD"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: D102, N802
        return self.tr("Classify facilities")

    def shortHelpString(self) -> str:  # noqa: D102, N802
        return self.tr(
            "Gives every facility one of the categories of the MOFCOM 15-minute living circle guide and GB "
            "50180-2018 (resources/categories/categories.csv), using the matching rules in "
            "resources/categories/rules.csv.<br>"
            "<b>Input layer</b>: any vector layer of facilities. OSM tags are read from fields named like the "
            "tag keys (amenity, shop, leisure, healthcare, …) and from an <i>other_tags</i> field as GDAL writes "
            "it.<br>"
            "<b>Extra rules file</b> (optional): a UTF-8 CSV with columns code, kind (osm_tag, amap_typecode, "
            "baidu_tag or name_keyword), pattern, priority and note. Its rules are added to the bundled ones; a "
            "rule with the same kind and pattern as a bundled rule replaces it. Code “-” marks a pattern as "
            "not a facility.<br>"
            "<b>Name field</b>, <b>Amap type code field</b>, <b>Baidu tag field</b> (optional): the fields "
            "holding the name (matched against Chinese keywords such as 菜市场, 药房, 便利店), the 6-digit Amap "
            "type code (e.g. 060200, several separated by |) and the Baidu tag (e.g. 购物;便利店). Left empty, "
            "fields named name/名称, typecode/类型编码 and baidu_tag/tag/标签 are used when present.<br>"
            "Precedence: an OSM tag, type code or Baidu tag beats a name keyword; a more specific rule beats a "
            "less specific one (key=value over key=*, longer type-code prefix, deeper tag, longer keyword); the "
            "priority column breaks ties.<br>"
            "<b>Output</b>: the input features with all their fields plus <i>category</i> (code, empty when "
            "nothing matched), <i>category_class</i> (basic, quality or public), <i>category_zh</i> (Chinese "
            "name) and <i>matched_by</i> (the rule that decided, e.g. osm:shop=convenience, amap:0602xx, "
            "name:便利店). Existing fields with these names are replaced. Unclassified features are kept and "
            "counted in the log with the count per category."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: D102, N802
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Input layer"), [QgsProcessing.SourceType.TypeVectorAnyGeometry]
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(self.RULES, self.tr("Extra rules file"), extension="csv", optional=True)
        )
        for name, label in (
            (self.NAME_FIELD, self.tr("Name field")),
            (self.TYPECODE_FIELD, self.tr("Amap type code field")),
            (self.TAG_FIELD, self.tr("Baidu tag field")),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, label, parentLayerParameterName=self.INPUT, optional=True)
            )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Classified")))

    def _chosen(
        self,
        parameters: dict[str, Any],
        context: QgsProcessingContext,
        fields: QgsFields,
        feedback: QgsProcessingFeedback,
    ) -> dict[str, str]:
        """The field read for each role: the parameter's, else one guessed from the names; each one is logged."""
        chosen = {}
        for key, parameter, guesses in (
            (NAME_KEY, self.NAME_FIELD, NAME_GUESSES),
            (TYPECODE_KEY, self.TYPECODE_FIELD, TYPECODE_GUESSES),
            (BAIDU_TAG_KEY, self.TAG_FIELD, TAG_GUESSES),
        ):
            field = self.parameterAsString(parameters, parameter, context) or guess_field(fields, guesses)
            if field:
                chosen[key] = fields.lookupField(field)
                feedback.pushInfo(self.tr("Field {field} is read as {role}.").format(field=field, role=key))
        return chosen

    def processAlgorithm(  # noqa: D102, N802
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        source = self.source(parameters, self.INPUT, context)
        rules_file = self.parameterAsFile(parameters, self.RULES, context)
        try:
            classifier = Classifier.default(rule_files=[rules_file] if rules_file else [])
        except FifteenMinError as error:
            raise self.refuse(error, feedback) from error
        chosen = self._chosen(parameters, context, source.fields(), feedback)
        records = AttributeRecords(source.fields().names(), chosen, classifier.osm_keys)
        carried = CarriedFields(source.fields(), replaces=CATEGORY_FIELDS)
        fields = carried.with_outputs(tuple((name, "text") for name in CATEGORY_FIELDS))
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs())

        counts: Counter = Counter()
        total = source.featureCount()  # -1 when unknown (e.g. GDAL's OSM driver)
        done = 0
        for feature in source.getFeatures():
            if feedback.isCanceled():
                break
            values = classifier.attributes(records.record(feature.attributes()))
            counts[values[0]] += 1
            out = QgsFeature(fields)
            out.setGeometry(feature.geometry())
            out.setAttributes(carried.values(feature) + values)
            if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            done += 1
            if total > 0 and done % 1000 == 0:
                feedback.setProgress(100.0 * done / total)
        feedback.setProgress(100.0)
        ClassificationLog.push(feedback, classifier, counts, done)
        return {self.OUTPUT: dest_id}
