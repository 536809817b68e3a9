"""The category codes a facilities layer holds: how they read, and the report on the codes the table lacks."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from qgis.core import QgsProcessingFeedback

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import text as value_text

#: unknown category values named in the report
UNKNOWN_EXAMPLES = 5


class CategoryCodes(Messages):
    """Translation context of this module's messages."""


def category_code(value: object) -> str:
    """A category field's value as a code: stripped and lower case, "" for NULL."""
    return value_text(value).lower()


def report_unknown_codes(
    unknown: Counter, known: int, total: int, field: str, feedback: Optional[QgsProcessingFeedback]
) -> None:
    """Warn about the `unknown` codes (code -> facilities) that were left out; refuse when no facility is `known`.

    FifteenMinError when none of the `total` facilities has a point and a code of the categories table.
    """
    found = ", ".join(
        f"“{code}” ({count})" if code else CategoryCodes.tr("empty ({count})").format(count=count)
        for code, count in unknown.most_common(UNKNOWN_EXAMPLES)
    )
    if not known:
        message = CategoryCodes.tr(
            "None of the {count} facilities has a point and a category code of the categories table in the field "
            "“{field}” (found: {found}). Run Classify facilities first, or choose the right field."
        )
        raise FifteenMinError(message.format(count=total, field=field, found=found))
    if unknown and feedback is not None:
        message = CategoryCodes.tr("{count} facilities have no known category code and were left out: {found}.")
        feedback.pushWarning(message.format(count=sum(unknown.values()), found=found))
