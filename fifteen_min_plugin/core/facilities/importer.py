"""Append imported facilities into the workspace `facilities` layer: classified, deduplicated, all or nothing.

Shared by the Facilities page and `scripts/demo.py`. Also: value→category mapping for any layer's type field,
per-category counts, manual category assignment, and the user rules file a technician extends from the review.

The user rules file is `rules_user.csv` in `<QGIS profile folder>/fifteen_min_plugin/` (the folder
`QgsApplication.qgisSettingsDirPath()` names). It has the columns of `resources/categories/rules.csv`; its rules
are added to the bundled ones and replace a bundled rule with the same kind and pattern.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import (
    NAME_KEYWORD,
    RULE_KINDS,
    Category,
    Rule,
    normalise_pattern,
    read_table,
)
from fifteen_min_plugin.core.facilities.classify import (
    BAIDU_TAG_KEY,
    CATEGORY_FIELDS,
    NAME_KEY,
    TENCENT_CATEGORY_KEY,
    TIANDITU_CLASS_KEY,
    TYPECODE_KEY,
    Classifier,
)
from fifteen_min_plugin.core.facilities.dedup import Facility, duplicate_groups
from fifteen_min_plugin.core.facilities.osm_reader import parse_other_tags
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.settings import DEDUP_TOLERANCE_M
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.layer_io import retry_busy, workspace_transaction

USER_RULES_FILE = "rules_user.csv"
RULE_COLUMNS = ("code", "kind", "pattern", "priority", "note")
#: filter expression of the facilities still without a category
UNCLASSIFIED_EXPRESSION = '"category" IS NULL OR "category" = \'\''
#: matched_by of a category assigned by hand
MANUAL = "manual"
SEPARATOR = ";"
WGS84 = "EPSG:4326"

#: workspace field -> source field names that fill it, first found wins (compared case-insensitively)
EQUIVALENT_FIELDS: dict[str, tuple[str, ...]] = {
    "coord_src": ("coord_src", "source_crs"),
    "source_crs": ("coord_src", "source_crs"),
    "coord_conv": ("coord_conv", "conversion"),
    "conversion": ("coord_conv", "conversion"),
    "area_m2": ("area_m2", "footprint_m2"),
    "name": ("name", "名称", "name_zh", "title", "名字"),
    "address": ("address", "地址"),
}
#: source fields read as the Amap type code and the Baidu tag when classifying
TYPECODE_FIELDS = ("typecode", "type_code", "类型编码")
BAIDU_TAG_FIELDS = ("baidu_tag", "std_tag", "tag", "标签")
#: a Tencent category path (购物:便利店) and a Tianditu class name (its answers' typeName)
TENCENT_CATEGORY_FIELDS = ("tencent_category",)
TIANDITU_CLASS_FIELDS = ("tianditu_class", "typename")
#: workspace fields the import fills itself rather than copying
_OWN_FIELDS = frozenset({"facility_id", "source", "source_id", "imported", *CATEGORY_FIELDS})
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）|【[^【】]*】")


class ImportMessages(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class ImportSummary:
    """What one import did: rows added, merged into existing facilities, and skipped."""

    added: int
    merged: int
    already_present: int
    without_location: int
    unclassified: int
    #: facilities already in the workspace whose location cannot be placed in WGS84: never compared for duplicates
    not_compared: int = 0


def user_rules_path() -> Path:
    """The user rules file in the QGIS profile folder (it may not exist yet)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "fifteen_min_plugin" / USER_RULES_FILE


def user_classifier(rules_path: Optional[Path] = None) -> Classifier:
    """The bundled rules plus the user rules file, when it exists (FifteenMinError if it is malformed)."""
    path = user_rules_path() if rules_path is None else Path(rules_path)
    return Classifier.default(rule_files=[path] if path.is_file() else [])


def _lookup(names: Sequence[str], wanted: Iterable[str]) -> int:
    lowered = [name.lower() for name in names]
    for name in wanted:
        if name.lower() in lowered:
            return lowered.index(name.lower())
    return -1


def _record(feature: QgsFeature, names: Sequence[str], classifier: Classifier, indices: dict[str, int]) -> dict:
    """The classifier's view of a feature: OSM tags (own fields and other_tags), type code, Baidu tag, name."""
    attributes = feature.attributes()
    record: dict[str, Any] = (
        parse_other_tags(value_text(attributes[indices["other_tags"]])) if "other_tags" in indices else {}
    )
    for index, name in enumerate(names):
        if name in classifier.osm_keys and value_text(attributes[index]):
            record[name] = value_text(attributes[index])
    for key in (TYPECODE_KEY, BAIDU_TAG_KEY, TENCENT_CATEGORY_KEY, TIANDITU_CLASS_KEY, NAME_KEY):
        if key in indices:
            record[key] = value_text(attributes[indices[key]])
    return record


def value_counts(layer: QgsVectorLayer, field: str) -> list[tuple[str, int]]:
    """Distinct values of `field` as text (NULL as "") with their counts, most frequent first."""
    index = layer.fields().lookupField(field)
    if index < 0:
        raise FifteenMinError(
            ImportMessages.tr("The layer “{layer}” has no field “{field}”.").format(layer=layer.name(), field=field)
        )
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    counts = Counter(value_text(feature.attribute(index)) for feature in layer.getFeatures(request))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def guess_categories(field: str, values: Iterable[str], classifier: Classifier) -> dict[str, Optional[str]]:
    """The classifier's guess for each value of a type field: as an OSM tag of that key, a code, a tag or a name."""
    guesses = {}
    for value in values:
        record = {field: value, BAIDU_TAG_KEY: value, NAME_KEY: value}
        if value.replace("|", "").isdigit():
            record[TYPECODE_KEY] = value
        guesses[value] = classifier.classify(record)[0] if value else None
    return guesses


def category_counts(layer: QgsVectorLayer) -> Counter:
    """Facilities per category code; None counts the unclassified."""
    index = layer.fields().lookupField("category")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
    return Counter(value_text(feature.attribute(index)) or None for feature in layer.getFeatures(request))


def _point(geometry: QgsGeometry) -> QgsGeometry:
    """A single point: points as they are, anything else as a point on its surface."""
    if geometry.type() == POINT_GEOMETRY and not QgsWkbTypes.isMultiType(geometry.wkbType()):
        return QgsGeometry(geometry)
    return geometry.pointOnSurface()


def _join(first: str, second: str) -> str:
    parts = [part for part in first.split(SEPARATOR) if part]
    parts += [part for part in second.split(SEPARATOR) if part and part not in parts]
    return SEPARATOR.join(parts)


class _Existing:
    """The facilities already in the workspace: records for deduplication and (source, id) pairs."""

    def __init__(self, layer: QgsVectorLayer, to_wgs84: QgsCoordinateTransform) -> None:
        fields = layer.dataProvider().fields()
        names = ("name", "category", "source", "source_id")
        indices = [fields.lookupField(name) for name in names]
        request = QgsFeatureRequest().setSubsetOfAttributes([i for i in indices if i >= 0])
        self.records: list[Facility] = []
        self.fids: list[int] = []
        self.source_ids: list[str] = []
        self.keys: set[tuple[str, str]] = set()
        self.not_compared = 0
        for feature in layer.dataProvider().getFeatures(request):  # what is saved, not edits pending in the layer
            name, category, source, source_id = (value_text(feature.attribute(i)) if i >= 0 else "" for i in indices)
            for pair in zip(source.split(SEPARATOR), source_id.split(SEPARATOR)):
                self.keys.add(pair)
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            try:
                point = to_wgs84.transform(_point(geometry).asPoint())
            except QgsCsException:
                self.not_compared += 1
                continue
            self.records.append(Facility(f"e{feature.id()}", point.x(), point.y(), category, name, source))
            self.fids.append(feature.id())
            self.source_ids.append(source_id)


def append_facilities(
    source: QgsFeatureSource,
    facilities: QgsVectorLayer,
    transform_context: QgsCoordinateTransformContext,
    origin: str,
    classifier: Classifier,
    tolerance_m: float = DEDUP_TOLERANCE_M,
    type_field: str = "",
    mapping: Optional[Mapping[str, Optional[str]]] = None,
    is_canceled: Callable[[], bool] = lambda: False,
) -> ImportSummary:
    """Append every source feature into the workspace `facilities` layer in one transaction.

    Fields are matched by name (EQUIVALENT_FIELDS add the usual aliases); polygons become a point on their surface;
    `source` is `origin`, `source_id` the source's id (OSM `way/123`, Amap id, else the feature id). A category is
    taken, in this order, from `mapping` of the `type_field` value, from the source's own `category`, or from
    `classifier`. Rows whose (source, id) is already in the workspace (read under the write lock, so an import
    running at the same time is waited for) or earlier in the same source are skipped; a row that is the same
    facility as an existing one (core.dedup, `tolerance_m`) is merged into it, which then lists both sources and ids.
    Raises FifteenMinError, leaving the layer untouched, when any row cannot be written or `is_canceled()`.
    The layer's provider must support transactions (GeoPackage, PostGIS), as workspace layers do.
    """
    target_fields = facilities.fields()
    names = source.fields().names()
    keys = set(facilities.primaryKeyAttributes())
    pairs = []
    for target, field in enumerate(target_fields):
        if target in keys or field.name() in _OWN_FIELDS:
            continue
        index = _lookup(names, EQUIVALENT_FIELDS.get(field.name(), (field.name(),)))
        if index >= 0:
            pairs.append((target, index))
    indices = {
        key: index
        for key, index in (
            ("other_tags", _lookup(names, ("other_tags",))),
            (TYPECODE_KEY, _lookup(names, TYPECODE_FIELDS)),
            (BAIDU_TAG_KEY, _lookup(names, BAIDU_TAG_FIELDS)),
            (TENCENT_CATEGORY_KEY, _lookup(names, TENCENT_CATEGORY_FIELDS)),
            (TIANDITU_CLASS_KEY, _lookup(names, TIANDITU_CLASS_FIELDS)),
            (NAME_KEY, _lookup(names, EQUIVALENT_FIELDS["name"])),
        )
        if index >= 0
    }
    own = {name: _lookup(names, (name,)) for name in ("category", "matched_by", "source_id", "osm_id", "osm_type")}
    type_index = _lookup(names, (type_field,)) if type_field else -1
    target_index = {
        name: target_fields.lookupField(name) for name in ("facility_id", "source", "source_id", "imported")
    }
    category_index = [target_fields.lookupField(name) for name in CATEGORY_FIELDS]
    record_crs = [target_fields.lookupField(name) for name in ("coord_src", "source_crs", "coord_conv", "conversion")]
    has_crs_record = any(_lookup(names, EQUIVALENT_FIELDS[name]) >= 0 for name in ("coord_src", "coord_conv"))

    to_target = QgsCoordinateTransform(source.sourceCrs(), facilities.crs(), transform_context)
    to_wgs84 = QgsCoordinateTransform(facilities.crs(), QgsCoordinateReferenceSystem(WGS84), transform_context)
    crs_label = source.sourceCrs().authid() or source.sourceCrs().description()
    conversion = "" if source.sourceCrs() == facilities.crs() else f"{crs_label}→{facilities.crs().authid()}"
    now = QDateTime.currentDateTime()

    candidates: list[tuple[str, QgsFeature, float, float, str]] = []  # source id, row, lon, lat, category
    without_location = 0
    for feature in source.getFeatures():
        if is_canceled():
            raise _cancelled(facilities)
        attributes = feature.attributes()
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            without_location += 1
            continue
        geometry = _point(geometry)
        try:
            placed = geometry.transform(to_target) == Qgis.GeometryOperationResult.Success
            lonlat = to_wgs84.transform(geometry.asPoint())
        except QgsCsException:
            placed = False
        if not placed:
            without_location += 1
            continue
        source_id = value_text(attributes[own["source_id"]]) if own["source_id"] >= 0 else ""
        if not source_id and own["osm_id"] >= 0:
            osm_type = value_text(attributes[own["osm_type"]]) if own["osm_type"] >= 0 else ""
            source_id = (
                f"{osm_type}/{value_text(attributes[own['osm_id']])}"
                if osm_type
                else value_text(attributes[own["osm_id"]])
            )
        source_id = source_id or str(feature.id())
        out = QgsFeature(target_fields)
        out.setGeometry(geometry)
        for target, index in pairs:
            out.setAttribute(target, attributes[index])
        if not has_crs_record:
            values = (crs_label, crs_label, conversion, conversion)
            for target, value in zip(record_crs, values):
                if target >= 0:
                    out.setAttribute(target, value)
        category = _category(feature, classifier, own, type_field, type_index, mapping, indices, names)
        for target, value in zip(category_index, category):
            if target >= 0:
                out.setAttribute(target, value)
        for name, value in (
            ("facility_id", f"{origin}:{source_id}"),
            ("source", origin),
            ("source_id", source_id),
            ("imported", now),
        ):
            if target_index[name] >= 0:
                out.setAttribute(target_index[name], value)
        candidates.append((source_id, out, lonlat.x(), lonlat.y(), category[0] or ""))

    failed = ImportMessages.tr("The facilities could not be saved in “{layer}”; it is unchanged.").format(
        layer=facilities.name()
    )
    name_at = target_fields.lookupField("name")

    def write() -> tuple[list[QgsFeature], int, int, int]:
        with workspace_transaction([facilities], failed) as guard:
            # what the workspace holds is read under the write lock: a second import of the same source waits for
            # this one and then finds its rows
            existing = _Existing(facilities, to_wgs84)
            features: list[QgsFeature] = []
            records: list[Facility] = []
            seen = set(existing.keys)
            for source_id, out, lon, lat, category_code in candidates:
                if (origin, source_id) in seen:
                    continue
                seen.add((origin, source_id))
                name = value_text(out.attribute(name_at)) if name_at >= 0 else ""
                records.append(Facility(f"n{len(features)}", lon, lat, category_code, name, origin))
                features.append(out)
            already = len(candidates) - len(features)

            merged_into: dict[int, tuple[str, str]] = {}
            dropped: set[int] = set()
            offset = len(existing.records)
            for group in duplicate_groups(existing.records + records, tolerance_m):
                if group[0] >= offset:
                    continue  # rows of one import share a source, so a group always starts with an existing facility
                keeper = group[0]
                sources, source_ids = existing.records[keeper].source, existing.source_ids[keeper]
                for index in (index for index in group if index >= offset):
                    sources = _join(sources, origin)
                    source_ids = f"{source_ids}{SEPARATOR}{value_text(features[index - offset]['source_id'])}"
                    dropped.add(index - offset)
                if group[-1] >= offset:
                    merged_into[keeper] = (sources, source_ids)
            kept = [feature for number, feature in enumerate(features) if number not in dropped]
            changes = {
                existing.fids[keeper]: {target_index["source"]: sources, target_index["source_id"]: source_ids}
                for keeper, (sources, source_ids) in merged_into.items()
            }
            guard.change(facilities, changes)
            guard.add(facilities, kept)
            if is_canceled():
                raise _cancelled(facilities)
        return kept, len(dropped), already, existing.not_compared

    kept, merged, already, not_compared = retry_busy(write)
    facilities.reload()
    facilities.triggerRepaint()
    category_at = category_index[0]
    return ImportSummary(
        added=len(kept),
        merged=merged,
        already_present=already,
        without_location=without_location,
        not_compared=not_compared,
        unclassified=sum(1 for feature in kept if not value_text(feature.attribute(category_at))),
    )


def _category(
    feature: QgsFeature,
    classifier: Classifier,
    own: dict[str, int],
    type_field: str,
    type_index: int,
    mapping: Optional[Mapping[str, Optional[str]]],
    indices: dict[str, int],
    names: Sequence[str],
) -> list[Optional[str]]:
    """category, category_class, category_zh, matched_by of one source feature."""
    if mapping is not None and type_index >= 0:
        value = value_text(feature.attribute(type_index))
        if value in mapping:
            known = classifier.categories.get(mapping[value] or "")
            if known is None:
                return [None, None, None, None]
            return [known.code, known.category_class, known.name_zh, f"map:{type_field}={value}"]
    if own["category"] >= 0:
        known = classifier.categories.get(value_text(feature.attribute(own["category"])))
        if known is not None:
            matched = value_text(feature.attribute(own["matched_by"])) if own["matched_by"] >= 0 else ""
            return [known.code, known.category_class, known.name_zh, matched or None]
    return classifier.attributes(_record(feature, names, classifier, indices))


def _cancelled(layer: QgsVectorLayer) -> FifteenMinError:
    return FifteenMinError(
        ImportMessages.tr("The import was cancelled; nothing was added to “{layer}”.").format(layer=layer.name())
    )


def assign_category(layer: QgsVectorLayer, fids: Iterable[int], category: Category) -> int:
    """Give the features `fids` a category by hand, as one undoable edit command; the layer is left editable.

    Returns how many features changed. Raises FifteenMinError when the layer cannot be edited.
    """
    fids = list(fids)
    if not fids:
        return 0
    if not layer.isEditable() and not layer.startEditing():
        raise FifteenMinError(
            ImportMessages.tr("The layer “{layer}” cannot be edited, so the category was not assigned.").format(
                layer=layer.name()
            )
        )
    indices = [layer.fields().lookupField(name) for name in CATEGORY_FIELDS]
    values = (category.code, category.category_class, category.name_zh, MANUAL)
    layer.beginEditCommand(ImportMessages.tr("Assign category {category}").format(category=category.name_zh))
    for fid in fids:
        for index, value in zip(indices, values):
            if index >= 0 and not layer.changeAttributeValue(fid, index, value):
                layer.destroyEditCommand()
                raise FifteenMinError(
                    ImportMessages.tr("The category could not be assigned in “{layer}”; nothing changed.").format(
                        layer=layer.name()
                    )
                )
    layer.endEditCommand()
    return len(fids)


def name_keyword(name: str) -> Optional[str]:
    """The keyword a name rule uses for `name`: bracketed branch markers removed, NFKC lower case."""
    text = name or ""
    previous = None
    while previous != text:
        previous, text = text, _BRACKETED.sub("", text)
    return normalise_pattern(NAME_KEYWORD, text)


def save_user_rule(path: Path, rule: Rule, categories: Sequence[Category]) -> Rule:
    """Add `rule` to the user rules file at `path` (created with its header if missing).

    A rule already there with the same kind and pattern is replaced. The file is rewritten through a temporary
    file, so a failure leaves it as it was. Returns the rule as stored (pattern normalised).
    """
    pattern = normalise_pattern(rule.kind, rule.pattern) if rule.kind in RULE_KINDS else None
    if pattern is None or rule.code not in {category.code for category in categories}:
        raise FifteenMinError(
            ImportMessages.tr("“{pattern}” cannot be saved as a rule for “{code}”.").format(
                pattern=rule.pattern, code=rule.code
            )
        )
    stored = Rule(rule.code, rule.kind, pattern, rule.priority, rule.note)
    path = Path(path)
    rows = []
    if path.is_file():
        rows = [
            row
            for _, row in read_table(path, RULE_COLUMNS[:3])
            if (row["kind"], normalise_pattern(row["kind"], row["pattern"])) != (stored.kind, stored.pattern)
        ]
    rows.append(
        {
            "code": stored.code,
            "kind": stored.kind,
            "pattern": stored.pattern,
            "priority": str(stored.priority),
            "note": stored.note,
        }
    )
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=RULE_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise FifteenMinError(
            ImportMessages.tr("The rules file {path} could not be written.").format(path=path), details=str(error)
        ) from error
    return stored
