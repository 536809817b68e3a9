"""Attribute values and typed-in lists: one NULL test, one text form, one list syntax for the whole plugin.

QGIS hands an empty attribute over as ``NULL`` (a null QVariant), a date field as a null QDate/QDateTime, a
pandas or numpy value as NaN, Python code as None: `is_null` treats all of them alike. Lists typed by a planner
are separated by commas, and a Chinese input method types the full-width comma "，" or the enumeration comma "、".
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

#: the separators of a typed list: the ASCII comma, the full-width comma and the enumeration comma
LIST_SEPARATORS = (",", "，", "、")
_SEPARATOR = re.compile("|".join(map(re.escape, LIST_SEPARATORS)))


def is_null(value: object) -> bool:
    """True for None, QGIS NULL (a null QVariant), a null QDate/QDateTime/QTime and a float NaN."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    is_null_method = getattr(value, "isNull", None)
    return callable(is_null_method) and bool(is_null_method())


def plain(value: Any) -> Any:
    """`value` itself, or None when it is null (see `is_null`)."""
    return None if is_null(value) else value


def text(value: object) -> str:
    """The empty text for a null value, otherwise ``str(value)`` without surrounding whitespace."""
    return "" if is_null(value) else str(value).strip()


def parse_list(text: str) -> list[str]:
    """The parts of a list separated by "," "，" or "、", stripped, empty parts dropped, in their order."""
    return [part.strip() for part in _SEPARATOR.split(str(text)) if part.strip()]


def parse_numbers(text: str, kind: Callable[[str], Any] = float) -> list:
    """`parse_list` with every part converted by `kind` (float, int, …); ValueError naming the first bad part."""
    numbers = []
    for part in parse_list(text):
        try:
            numbers.append(kind(part))
        except (TypeError, ValueError) as error:
            raise ValueError(f"“{part}” is not a number") from error
    return numbers
