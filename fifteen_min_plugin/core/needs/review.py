"""The Plan page's writes to the workspace needs and their lists.

An import's output is stored, the unclassified queue is resolved, and the themed lists' definitions (name, colour,
meaning) are kept.

Each change is one guarded workspace transaction: all of it is written, or nothing is.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from qgis.core import QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource, QgsVectorLayer
from qgis.PyQt.QtGui import QColor

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.facilities.table_reader import TableReader
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.values import parse_date
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.layer_io import (
    add_all_or_nothing,
    placed_features,
    retry_busy,
    workspace_transaction,
)
from fifteen_min_plugin.core.workspace.workspace import Workspace

#: classified_by of a need whose category a planner chose on the Plan page
BY_HAND = "manual"


class NeedsReview(Messages):
    """Translation context of the needs review sentences."""


@dataclass(frozen=True)
class QueuedNeed:
    """One unclassified need as the queue shows it."""

    need_id: str
    community_id: str
    text: str
    weight: float
    need_list: str
    source: str
    row: Optional[int]


@dataclass(frozen=True)
class ListDefinition:
    """A themed list as the page edits it; `fid` is its row in need_lists (None for a new list)."""

    name: str
    colour: str
    meaning: str
    community_id: str = ""
    fid: Optional[int] = None


def dates_by_row(path: Path, encoding: str, column: str, sheet: str = "") -> dict[int, str]:
    """{row number as the file shows it: ISO date} of a spreadsheet's date column; unreadable dates are left out.

    The import output has no date field (its fields are a public contract), so the dates are joined by `row`.
    """
    dates = {}
    with TableReader(path, encoding, sheet) as reader:
        index = reader.columns.index(column)
        for number, values in reader.records():
            try:
                found = parse_date(values[index] if index < len(values) else "")
            except ValueError:
                continue  # the import reported it by row number
            if found:
                dates[number] = found
    return dates


def store_imported(
    output: QgsFeatureSource,
    needs: QgsVectorLayer,
    context: QgsCoordinateTransformContext,
    dates: Optional[Mapping[int, str]] = None,
) -> list[int]:
    """Append a `fifteenmin:importneeds` output to the workspace needs, each row with a new need_id; all or nothing.

    classified_by says "import" for the rows the import classified, empty for the unclassified ones; `dates`
    ({row: ISO date}, from `dates_by_row`) fills the date of each row.
    """
    features = placed_features(output, needs, context)
    for feature in features:
        feature["need_id"] = uuid.uuid4().hex
        feature["classified_by"] = "import" if plain(feature["category"]) else None
        if dates:
            feature["date"] = dates.get(plain(feature["row"]))
    failed = NeedsReview.tr("The needs could not be saved in the workspace; its needs table is unchanged.")
    return add_all_or_nothing(needs, features, failed=failed)


def unclassified(needs: QgsVectorLayer) -> list[QueuedNeed]:
    """The needs with an empty category, most residents first, then by text."""
    rows = []
    for feature in needs.dataProvider().getFeatures():
        if str(plain(feature["category"]) or "").strip():
            continue
        weight = plain(feature["weight"])
        rows.append(
            QueuedNeed(
                str(plain(feature["need_id"]) or ""),
                str(plain(feature["community_id"]) or ""),
                str(plain(feature["text"]) or ""),
                float(weight) if isinstance(weight, (int, float)) and weight > 0 else 1.0,
                str(plain(feature["list"]) or ""),
                str(plain(feature["source"]) or ""),
                plain(feature["row"]),
            )
        )
    return sorted(rows, key=lambda need: (-need.weight, need.text, need.need_id))


def resolve(workspace: Workspace, choices: Mapping[str, str], categories: Sequence[Category], user: str = "") -> int:
    """Give each need (need_id → category code) its category in one transaction; returns how many changed.

    classified_by records that a planner chose it (and who). Refused with a sentence, nothing written, when a
    code is not a category or a need is gone or already classified.
    """
    codes = {category.code for category in categories}
    unknown = sorted({code for code in choices.values() if code not in codes})
    if unknown:
        raise FifteenMinError(
            NeedsReview.tr("{codes} is not a category code; choose one from the list.").format(codes=", ".join(unknown))
        )
    if not choices:
        raise FifteenMinError(NeedsReview.tr("Choose a category for at least one need first."))
    layer = workspace.layer("needs")
    by = f"{BY_HAND} ({user})" if user else BY_HAND
    failed = NeedsReview.tr("The categories could not be saved; the needs are unchanged.")

    def write() -> int:
        with workspace_transaction([layer], failed) as guard:
            fields = layer.fields()
            wanted = dict(choices)
            changes = {}
            for feature in layer.dataProvider().getFeatures():
                need_id = str(plain(feature["need_id"]) or "")
                if need_id not in wanted:
                    continue
                if str(plain(feature["category"]) or "").strip():
                    raise FifteenMinError(
                        NeedsReview.tr(
                            "The need “{text}” was classified meanwhile (as {category}); refresh the queue."
                        ).format(text=plain(feature["text"]) or need_id, category=feature["category"])
                    )
                changes[feature.id()] = {
                    fields.indexOf("category"): wanted.pop(need_id),
                    fields.indexOf("classified_by"): by,
                }
            if wanted:
                raise FifteenMinError(
                    NeedsReview.tr(
                        "{count} of the chosen needs are no longer in the workspace; refresh the queue."
                    ).format(count=len(wanted))
                )
            guard.change(layer, changes)
        return len(changes)

    count = retry_busy(write)
    layer.reload()
    return count


def read_lists(workspace: Workspace) -> list[ListDefinition]:
    """The themed lists of the workspace, by community then name."""
    layer = workspace.layer("need_lists")
    rows = [
        ListDefinition(
            str(plain(feature["name"]) or ""),
            str(plain(feature["colour"]) or ""),
            str(plain(feature["meaning"]) or ""),
            str(plain(feature["community_id"]) or ""),
            feature.id(),
        )
        for feature in layer.dataProvider().getFeatures()
    ]
    return sorted(rows, key=lambda row: (row.community_id, row.name))


def check_lists(lists: Sequence[ListDefinition]) -> None:
    """Raise FifteenMinError with a sentence for a list without a name, a colour Qt cannot read, or a repeat."""
    seen = set()
    for number, item in enumerate(lists, start=1):
        if not item.name.strip():
            raise FifteenMinError(NeedsReview.tr("List {number} has no name; give it one.").format(number=number))
        if item.colour.strip() and not QColor.isValidColor(item.colour.strip()):
            raise FifteenMinError(
                NeedsReview.tr(
                    "The colour “{colour}” of the list “{name}” cannot be read; write it as #d62728 or a colour "
                    "name such as red."
                ).format(colour=item.colour, name=item.name)
            )
        key = (item.community_id.strip(), item.name.strip())
        if key in seen:
            raise FifteenMinError(
                NeedsReview.tr("The list “{name}” is defined twice for the same community.").format(name=item.name)
            )
        seen.add(key)


def save_lists(workspace: Workspace, lists: Sequence[ListDefinition]) -> None:
    """Make need_lists hold exactly `lists` (changed rows updated, new ones added, missing ones removed), at once.

    Needs keep their list names: a renamed or removed list leaves its needs as they are.
    """
    check_lists(lists)
    layer = workspace.layer("need_lists")
    failed = NeedsReview.tr("The lists could not be saved; they are unchanged.")

    def write() -> None:
        with workspace_transaction([layer], failed) as guard:
            fields = layer.fields()
            kept = {item.fid for item in lists if item.fid is not None}
            existing = {feature.id() for feature in layer.dataProvider().getFeatures()}
            guard.delete(layer, sorted(existing - kept))
            changes = {}
            added = []
            for item in lists:
                values = {
                    "community_id": item.community_id.strip() or None,
                    "name": item.name.strip(),
                    "colour": item.colour.strip() or None,
                    "meaning": item.meaning.strip() or None,
                }
                if item.fid is not None and item.fid in existing:
                    changes[item.fid] = {fields.indexOf(name): value for name, value in values.items()}
                else:
                    feature = QgsFeature(fields)
                    for name, value in values.items():
                        feature[name] = value
                    added.append(feature)
            guard.change(layer, changes)
            guard.add(layer, added)

    retry_busy(write)
