"""The values of a needs row as residents and hotline systems write them: priority, date and weight.

Each parser returns the stored value, or raises ValueError whose text is the sentence to report with the row.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Optional

from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.workspace.schema import NEED_PRIORITIES

URGENT, NORMAL, LATER = NEED_PRIORITIES
_PRIORITIES = {
    URGENT: ("urgent", "high", "紧急", "急", "加急", "特急", "很急", "高", "优先", "近期", "a", "1"),
    NORMAL: ("normal", "medium", "一般", "普通", "中", "中等", "正常", "b", "2"),
    LATER: ("later", "low", "以后", "不急", "低", "远期", "暂缓", "长远", "c", "3"),
}
_PRIORITY = {word: value for value, words in _PRIORITIES.items() for word in words}
#: Excel's day 0 (serials count from 1899-12-30, Lotus's 1900 leap-year bug included)
EXCEL_EPOCH = date(1899, 12, 30)
#: serials of 1954-10-10 .. 2119-09-01: a plain number outside is not taken for a date
EXCEL_SERIALS = (20000, 80000)
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class NeedValues(Messages):
    """Translation context of the value problems."""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_priority(text: str) -> Optional[str]:
    """urgent, normal or later from 紧急/一般/以后, 高/中/低, A/B/C, 1/2/3 (None when empty)."""
    value = _clean(text).lower()
    if not value:
        return None
    if value in _PRIORITY:
        return _PRIORITY[value]
    raise ValueError(
        NeedValues.tr("the priority “{value}” is none of 紧急/一般/以后 (urgent/normal/later), 高/中/低.").format(
            value=text
        )
    )


def parse_date(text: str) -> Optional[str]:
    """ISO date from 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301 or an Excel serial (None when empty)."""
    value = _clean(text)
    if not value:
        return None
    match = _DATE.match(value) or _COMPACT.match(value)
    try:
        if match:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3))).isoformat()
        serial = float(value)
        if EXCEL_SERIALS[0] <= serial <= EXCEL_SERIALS[1]:
            return (EXCEL_EPOCH + timedelta(days=int(serial))).isoformat()
    except ValueError:
        pass
    raise ValueError(
        NeedValues.tr("the date “{value}” is not a date such as 2025-03-01, 2025/3/1 or 2025年3月1日.").format(
            value=text
        )
    )


def parse_weight(text: str) -> float:
    """Respondents or votes behind the row: a positive number, 1 when empty."""
    value = _clean(text).replace(",", "")
    if not value:
        return 1.0
    try:
        weight = float(value)
    except ValueError:
        weight = float("nan")
    if not weight > 0 or weight == float("inf"):
        raise ValueError(
            NeedValues.tr("the weight “{value}” is not a positive number of residents.").format(value=text)
        )
    return weight
