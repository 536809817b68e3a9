"""What a user reads instead of a stored code: statuses, asset types, categories, circle levels, conversions.

The workspace and the Processing outputs keep their stable ASCII codes (`in_use`, `civil_defence`,
`convenience_store`, `GCJ-02→WGS84 (exact inverse)`); every message, table, chart and report page shows the
label of the interface language from here. An unknown code (a user's own value) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Optional

from fifteen_min_plugin.core.assets import asset_type
from fifteen_min_plugin.core.facilities.categories import Category, class_label, load_categories
from fifteen_min_plugin.core.language import Messages, is_chinese
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.schema import legend_label

if TYPE_CHECKING:
    from qgis.core import QgsFeedback


class Labels(Messages):
    """Translation context of the labels made here."""


def status_label(code: Any) -> str:
    """The asset status in words ("In use" / 投入使用) for a stored status code."""
    text = value_text(code)
    return (legend_label("status", text) or text) if text else ""


def asset_type_label(code: Any) -> str:
    """The asset type in words (人防工程 / Civil-defence works) for a stored code or accepted alias."""
    found = asset_type(value_text(code))
    if found is None:
        return value_text(code)
    return found.label_zh if is_chinese() else found.label_en


@lru_cache(maxsize=1)
def _bundled_categories() -> dict[str, Category]:
    return {category.code: category for category in load_categories()}


def category_label(code: Any, categories: Optional[Sequence[Category]] = None) -> str:
    """The facility category in words (便利店 / Convenience store) for a stored category code.

    `categories` defaults to the bundled table; pass a workspace's own table to include its extensions.
    """
    text = value_text(code)
    table = _bundled_categories() if categories is None else {category.code: category for category in categories}
    category = table.get(text)
    if category is None:
        return text
    return category.name_zh if is_chinese() else category.name_en


def category_class_label(code: Any) -> str:
    """The category class in words (基本保障类 / Basic services)."""
    return class_label(value_text(code))


def level_label(minutes: Any) -> str:
    """The circle level in words ("15-minute circle" / 15 分钟生活圈)."""
    try:
        value = int(float(value_text(minutes)))
    except ValueError:
        return value_text(minutes)
    return legend_label("level_min", value) or str(value)


#: ids named in a warning before "and N more"
NAMED_IDS = 20


def named_ids(ids: Sequence[object], shown: int = NAMED_IDS) -> str:
    """The first `shown` of `ids`, separated by commas, and how many more there are."""
    listed = ", ".join(str(value) for value in ids[:shown])
    if len(ids) <= shown:
        return listed
    return Labels.tr("{ids} and {count} more").format(ids=listed, count=len(ids) - shown)


def warn_ids(
    feedback: QgsFeedback, message: str, ids: Sequence[object], shown: int = NAMED_IDS, **values: object
) -> None:
    """Warn with `message`, its {count} and {ids} (the first `shown`) filled in, when there are `ids`."""
    if ids:
        feedback.pushWarning(message.format(count=len(ids), ids=named_ids(ids, shown), **values))


def conversion_text(source: str, target: str, exact_inverse: bool) -> str:
    """A coordinate conversion in words, e.g. "GCJ-02→WGS84 (exact inverse)" / GCJ-02→WGS84（精确逆算）."""
    if exact_inverse:
        return Labels.tr("{source}→{target} (exact inverse)").format(source=source, target=target)
    return Labels.tr("{source}→{target} (public formula)").format(source=source, target=target)


def conversion_shown(from_index: int, to_index: int) -> str:
    """A conversion between two chinacoords.SYSTEMS indices in the interface language, for messages.

    The stored `coord_conv` value stays chinacoords.conversion_label.
    """
    from fifteen_min_plugin.core.facilities import chinacoords  # numpy: imported when a conversion is shown

    exact = chinacoords.is_inverse(chinacoords.SYSTEMS[from_index], chinacoords.SYSTEMS[to_index])
    labels = chinacoords.SYSTEM_LABELS
    return conversion_text(labels[from_index], labels[to_index], exact)


def join_labels(labels: Sequence[str]) -> str:
    """Labels as a list in running text: 、 between Chinese labels, a comma between English ones."""
    return ("、" if is_chinese() else ", ").join(labels)


def project_status_label(code: Any) -> str:
    """The project status in words (在建 / Under construction) for a stored status code."""
    text = value_text(code)
    labels = {
        "planned": Labels.tr("Planned"),
        "approved": Labels.tr("Approved"),
        "under_construction": Labels.tr("Under construction"),
        "open": Labels.tr("Open"),
        "evaluated": Labels.tr("Evaluated"),
        "cancelled": Labels.tr("Cancelled"),
    }
    return labels.get(text, text)
