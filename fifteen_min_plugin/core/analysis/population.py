"""Population coverage: the share of residents within a walking time of every category, and of all basic ones.

The input is any layer of origins (communities, buildings) with one `min_<code>` field per category holding the
walking minutes to the nearest facility of that category (NULL when none is reachable), as written by
fifteenmin:nearestfacility. Origins are weighted by their population when a population field is given.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import astuple, dataclass, field
from typing import Optional

import numpy as np
from qgis.core import NULL, QgsFeature, QgsFeatureRequest, QgsFeatureSource, QgsFeedback, QgsFields, QgsVectorLayer

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, class_label
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import is_null

ALL_BASIC = "all_basic"
MINUTES_PREFIX = "min_"
#: fields that name an origin in a warning, the first one present
ORIGIN_ID_FIELDS = ("origin_id", "community_id", "name")
#: columns of the summary table, in order, with their kind
SUMMARY_FIELDS = (
    ("category", "text"),
    ("category_zh", "text"),
    ("category_class", "text"),
    ("origins", "int"),
    ("origins_covered", "int"),
    ("residents", "double"),
    ("residents_covered", "double"),
    ("share_pct", "double"),
    ("max_minutes", "double"),
    ("note", "text"),
)


class PopulationMessages(Messages):
    """Translation context of this module's messages."""


@dataclass(frozen=True)
class SummaryRow:
    """One row of the summary: a category (or all basic categories together) and who reaches it in time."""

    category: str
    category_zh: str
    category_class: str
    origins: int
    origins_covered: int
    residents: Optional[float]
    residents_covered: Optional[float]
    share_pct: Optional[float]
    max_minutes: float
    note: str

    def attributes(self) -> list:
        """Values in `SUMMARY_FIELDS` order, NULL for None."""
        return [NULL if value is None else value for value in astuple(self)]


@dataclass
class OriginMinutes:
    """Walking minutes per category code (NaN: none reachable) and the weights of the origins kept.

    `skipped_ids` names the origins left out for their population (by `origin_id`, `community_id` or `name`,
    else the feature id).
    """

    minutes: dict[str, np.ndarray]
    weights: Optional[np.ndarray]
    skipped: int
    skipped_ids: list[str] = field(default_factory=list)


def summarise(
    minutes: Mapping[str, np.ndarray],
    weights: Optional[np.ndarray],
    categories: Sequence[Category],
    max_minutes: float,
) -> list[SummaryRow]:
    """The “all basic” row then one row per category with a column in `minutes`, in table order.

    An origin is covered when its minutes are at most `max_minutes` (NaN never is); the all-basic row needs every
    basic category that has a column. `weights` None counts origins; otherwise shares are of residents.
    """
    present = [category for category in categories if category.code in minutes]
    if not present:
        raise FifteenMinError(
            PopulationMessages.tr(
                "The layer has no “min_<category>” field, so there are no walking times to summarise. Run Walking "
                "time to the nearest facility first."
            )
        )
    size = len(next(iter(minutes.values())))

    def row(code: str, name_zh: str, cls: str, covered: np.ndarray, note: str) -> SummaryRow:
        residents = residents_covered = None
        if weights is not None:
            residents, residents_covered = float(weights.sum()), float(weights[covered].sum())
            share = 100.0 * residents_covered / residents if residents > 0 else None
        else:
            share = 100.0 * int(covered.sum()) / size if size else None
        return SummaryRow(
            code, name_zh, cls, size, int(covered.sum()), residents, residents_covered, share, max_minutes, note
        )

    def reached(code: str) -> np.ndarray:
        values = np.asarray(minutes[code], dtype=float)
        with np.errstate(invalid="ignore"):
            return values <= max_minutes

    basic = [category for category in present if category.category_class == "basic"]
    with_column = {category.code for category in basic}
    lacking = [c.code for c in categories if c.category_class == "basic" and c.code not in with_column]
    rows = []
    if basic:
        covered = np.logical_and.reduce([reached(category.code) for category in basic])
        note = (
            PopulationMessages.tr("Without {fields}: the layer has no such field.").format(
                fields=", ".join(MINUTES_PREFIX + code for code in lacking)
            )
            if lacking
            else ""
        )
        rows.append(row(ALL_BASIC, "全部基本保障类", class_label("basic"), covered, note))
    for category in present:
        rows.append(
            row(
                category.code,
                category.name_zh,
                class_label(category.category_class),
                reached(category.code),
                "",
            )
        )
    return rows


def read_minutes(
    source: QgsFeatureSource,
    categories: Sequence[Category],
    population_field: str = "",
    feedback: Optional[QgsFeedback] = None,
) -> OriginMinutes:
    """Read the `min_<code>` fields (and the population) of every origin.

    With a population field, origins whose population is empty, not a number or negative are skipped (counted
    in `skipped`).
    """
    names = source.fields().names()
    if population_field and population_field not in names:
        raise FifteenMinError(
            PopulationMessages.tr("The layer has no population field “{field}”.").format(field=population_field)
        )
    codes = [category.code for category in categories if MINUTES_PREFIX + category.code in names]
    wanted = [MINUTES_PREFIX + code for code in codes] + ([population_field] if population_field else [])
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(wanted, source.fields())
    indices = [source.fields().lookupField(MINUTES_PREFIX + code) for code in codes]
    population_index = source.fields().lookupField(population_field) if population_field else -1
    id_index = next((source.fields().lookupField(name) for name in ORIGIN_ID_FIELDS if name in names), -1)
    if id_index >= 0:
        wanted.append(names[id_index])
    rows: list[list[float]] = []
    weights: list[float] = []
    skipped: list[str] = []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        if population_index >= 0:
            weight = _number(feature.attribute(population_index))
            if weight is None or weight < 0:
                skipped.append(str(feature.attribute(id_index) if id_index >= 0 else feature.id()))
                continue
            weights.append(weight)
        values = [_number(feature.attribute(index)) for index in indices]
        rows.append([math.nan if value is None else value for value in values])
    table = np.asarray(rows, dtype=float).reshape(len(rows), len(codes))
    return OriginMinutes(
        {code: table[:, i] for i, code in enumerate(codes)},
        np.asarray(weights, dtype=float) if population_field else None,
        len(skipped),
        skipped,
    )


def _number(value: object) -> Optional[float]:
    if is_null(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def summary_fields() -> QgsFields:
    """The summary table's fields."""
    fields = QgsFields()
    for name, kind in SUMMARY_FIELDS:
        fields.append(new_field(name, kind))
    return fields


def summary_layer(rows: Sequence[SummaryRow], name: str) -> QgsVectorLayer:
    """A memory table (no geometry) holding `rows`, e.g. for the dock."""
    layer = QgsVectorLayer("None", name, "memory")
    provider = layer.dataProvider()
    if not provider.addAttributes(list(summary_fields())):
        raise FifteenMinError(PopulationMessages.tr("The population summary table could not be created."))
    layer.updateFields()
    features = []
    for item in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(item.attributes())
        features.append(feature)
    ok, _ = provider.addFeatures(features)
    if not ok:
        raise FifteenMinError(PopulationMessages.tr("The population summary table could not be created."))
    return layer
