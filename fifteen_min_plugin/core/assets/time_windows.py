"""Idle time windows: when during the week an asset stands idle and can be shared.

A window text holds one or more windows separated by ``;`` (or ``；`` or a new line). Each window is an
optional day set, an optional label and one time range::

    Mon-Fri 19:00-07:00; Sat-Sun 00:00-24:00
    工作日 19:00-次日07:00；周末 全天
    evening 17:00-21:00 every day

Days: Mon…Sun (or Monday…, 周一…周日, 星期一…星期日), ranges (``Mon-Fri``, ``周一至周五``), lists
(``Mon,Wed``, ``周六、周日``), ``工作日``/``weekdays``, ``周末``/``weekend``, ``每天``/``daily``/``every day``;
no days means every day. A range whose end is not after its start runs overnight into the next day
(``次日`` may mark it); ``00:00-24:00`` or ``全天``/``all day`` is the whole day. Labels such as evening,
night, 晚间, 夜间 are ignored. Windows are kept as minute-of-week intervals (Monday 00:00 = 0); the
canonical text lists, per group of days, the ranges that start on those days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages

DAY = 24 * 60
WEEK = 7 * DAY
DAY_CODES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class TimeWindowMessages(Messages):
    """Translation context of this module's messages."""


_DAY_WORDS = {
    **{code.lower(): index for index, code in enumerate(DAY_CODES)},
    **{
        name: index
        for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    },
    "tues": 1,
    "thur": 3,
    "thurs": 3,
    **{f"{prefix}{digit}": index for prefix in ("周", "星期") for index, digit in enumerate("一二三四五六日")},
    "周天": 6,
    "星期天": 6,
}
_GROUP_WORDS = {
    "工作日": (0, 1, 2, 3, 4),
    "weekdays": (0, 1, 2, 3, 4),
    "weekday": (0, 1, 2, 3, 4),
    "周末": (5, 6),
    "双休日": (5, 6),
    "weekends": (5, 6),
    "weekend": (5, 6),
    "每天": tuple(range(7)),
    "每日": tuple(range(7)),
    "daily": tuple(range(7)),
    "every day": tuple(range(7)),
    "everyday": tuple(range(7)),
}
_LABELS = ("morning", "evening", "night", "daytime", "晚间", "夜间", "晚上", "早间", "早上", "清晨", "白天", "凌晨")
_ALL_DAY = ("全天", "all day", "24h")
_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "~": "-", "～": "-", "〜": "-", "：": ":", "，": ","})
_TIME_RANGE = re.compile(
    r"(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*(?:-|至|到)\s*(?:次日|next day|\+1)?\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})"
)
_LONE_TIME = re.compile(r"\d{1,2}:\d{2}")
_TOKENS = re.compile(
    "|".join(
        [re.escape(word) for word in sorted([*_DAY_WORDS, *_GROUP_WORDS], key=len, reverse=True)]
        + [r"(?P<range>-|至|到)", r"(?P<sep>[,、/&和\s]+)"]
    )
)


@dataclass(frozen=True)
class Window:
    """One window as written: its days (0 = Monday), start and end minute of the day, and its text."""

    days: tuple[int, ...]
    start: int
    end: int
    text: str

    @property
    def overnight(self) -> bool:
        """True when the range runs past midnight into the next day."""
        return self.end <= self.start

    def intervals(self) -> list[tuple[int, int]]:
        """Minute-of-week intervals [start, end), split at the end of the week."""
        length = (self.end - self.start) % DAY or DAY
        result = []
        for day in self.days:
            begin = day * DAY + self.start
            finish = begin + length
            if finish <= WEEK:
                result.append((begin, finish))
            else:
                result.extend([(begin, WEEK), (0, finish - WEEK)])
        return result


def _merge(intervals: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


@dataclass(frozen=True)
class IdleSchedule:
    """Parsed windows and their merged minute-of-week intervals."""

    windows: tuple[Window, ...]
    intervals: tuple[tuple[int, int], ...]

    def is_idle(self, when: datetime) -> bool:
        """True if the asset is idle at `when` (its weekday and time of day)."""
        minute = when.weekday() * DAY + when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.intervals)

    def hours_per_week(self) -> float:
        """Idle hours in one week."""
        return sum(end - start for start, end in self.intervals) / 60.0

    def covers(self, needed: IdleSchedule) -> bool:
        """True if every minute of `needed` lies inside this schedule."""
        return all(any(start <= low and high <= end for start, end in self.intervals) for low, high in needed.intervals)

    def canonical(self, chinese: bool = False) -> str:
        """Canonical text: groups of days with the same ranges, ranges starting on those days.

        `chinese` writes the days as 每天/周一至周五 and separates windows with "；" (for Chinese sentences).
        """
        pieces = _day_pieces(self.intervals)
        groups: dict[tuple[int, int], list[int]] = {}
        for day, start, end in pieces:
            groups.setdefault((start, end), []).append(day)
        ordered = sorted(groups.items(), key=lambda item: (min(item[1]), item[0][0]))
        return ("；" if chinese else "; ").join(
            f"{_days_text(days, chinese)} {_clock(start)}-{_clock(end)}" for (start, end), days in ordered
        )


def _day_pieces(intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(day, start, end) ranges; a piece ending at midnight joins a partial next-day piece as one overnight range."""
    cut: dict[int, list[tuple[int, int]]] = {}
    for start, end in intervals:
        position = start
        while position < end:
            day = position // DAY
            stop = min(end, (day + 1) * DAY)
            cut.setdefault(day, []).append((position - day * DAY, stop - day * DAY))
            position = stop
    joined: dict[tuple[int, int, int], int] = {}
    consumed: set[tuple[int, int, int]] = set()
    for day in range(7):
        following = (day + 1) % 7
        for start, end in cut.get(day, []):
            nxt = next(((s, e) for s, e in cut.get(following, []) if s == 0 and e < DAY), None)
            if end == DAY and start > 0 and nxt is not None:
                joined[(day, start, end)] = nxt[1]
                consumed.add((following, *nxt))
    pieces = []
    for day in range(7):
        for start, end in cut.get(day, []):
            if (day, start, end) not in consumed:
                pieces.append((day, start, joined.get((day, start, end), end)))
    return pieces


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _days_text(days: Sequence[int], chinese: bool = False) -> str:
    days = sorted(set(days))
    names = tuple(f"周{digit}" for digit in "一二三四五六日") if chinese else DAY_CODES
    if len(days) == 7:
        return "每天" if chinese else "daily"
    runs: list[list[int]] = []
    for day in days:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    joiner, dash = ("、", "至") if chinese else (",", "-")
    return joiner.join(names[run[0]] if len(run) == 1 else f"{names[run[0]]}{dash}{names[run[-1]]}" for run in runs)


def _time(hours: str, minutes: str, text: str, is_end: bool) -> int:
    hour, minute = int(hours), int(minutes)
    if hour > 24 or minute > 59 or (hour == 24 and (minute or not is_end)):
        raise FifteenMinError(
            TimeWindowMessages.tr(
                "“{time}” in “{text}” is not a time of day: hours run from 00 to 23 (24:00 only as an end) and "
                "minutes from 00 to 59."
            ).format(time=f"{hours}:{minutes}", text=text)
        )
    return hour * 60 + minute


def _days(spec: str, text: str) -> tuple[int, ...]:
    if not spec.strip():
        return tuple(range(7))
    days: list[int] = []
    position = 0
    pending_range = False
    for token in _TOKENS.finditer(spec):
        if token.start() != position:
            break
        position = token.end()
        word = token.group(0)
        if token.group("sep"):
            continue
        if token.group("range"):
            if not days or pending_range:
                break
            pending_range = True
            continue
        if word in _GROUP_WORDS:
            if pending_range:
                break
            days.extend(_GROUP_WORDS[word])
            continue
        day = _DAY_WORDS[word]
        if pending_range:
            first = days[-1]
            days.extend((first + step) % 7 for step in range(1, (day - first) % 7 + 1))
            pending_range = False
        else:
            days.append(day)
    if position != len(spec) or pending_range:
        leftover = spec[position:].strip() or spec.strip()
        raise FifteenMinError(
            TimeWindowMessages.tr(
                "“{word}” in “{text}” is not a day: use Mon–Sun, 周一–周日, 工作日, 周末 or 每天 (ranges like Mon-Fri)."
            ).format(word=leftover, text=text)
        )
    return tuple(sorted(set(days)))


def parse_window(text: str) -> Window:
    """One window, e.g. "Mon-Fri 19:00-07:00" or "工作日 19:00-次日07:00"; FifteenMinError with a sentence if bad."""
    original = text.strip()
    work = original.translate(_DASHES).lower()
    match = _TIME_RANGE.search(work)
    if match:
        start = _time(match["h1"], match["m1"], original, is_end=False)
        end = _time(match["h2"], match["m2"], original, is_end=True)
        rest = work[: match.start()] + " " + work[match.end() :]
        if start == end:
            raise FifteenMinError(
                TimeWindowMessages.tr(
                    "The window “{text}” starts and ends at the same time; write 00:00-24:00 for a whole day."
                ).format(text=original)
            )
    elif any(word in work for word in _ALL_DAY):
        start, end, rest = 0, DAY, work
    else:
        lone = _LONE_TIME.search(work)
        if lone:
            hours, minutes = lone.group(0).split(":")
            _time(hours, minutes, original, is_end=True)
        raise FifteenMinError(
            TimeWindowMessages.tr(
                "The window “{text}” has no time range; write it like “Mon-Fri 19:00-07:00” or “周末 全天”."
            ).format(text=original)
        )
    if _LONE_TIME.search(rest):
        raise FifteenMinError(
            TimeWindowMessages.tr(
                "The window “{text}” has more than one time range; separate windows with a semicolon (;)."
            ).format(text=original)
        )
    for word in (*_ALL_DAY, *_LABELS):
        rest = rest.replace(word, " ")
    rest = re.sub(r"\s+", " ", rest).strip()
    return Window(_days(rest, original), start, end, original)


def parse(text: Optional[str], strict: bool = False) -> IdleSchedule:
    """All windows of a text, merged. `strict` refuses windows that overlap each other, naming both."""
    parts = [part.strip() for part in re.split(r"[;；\n]", str(text or "")) if part.strip()]
    if not parts:
        raise FifteenMinError(
            TimeWindowMessages.tr("No idle time window is given; write one like “Mon-Fri 19:00-07:00”.")
        )
    windows = tuple(parse_window(part) for part in parts)
    if strict:
        for index, first in enumerate(windows):
            for second in windows[index + 1 :]:
                shared = [
                    (max(a, c), min(b, d))
                    for a, b in first.intervals()
                    for c, d in second.intervals()
                    if max(a, c) < min(b, d)
                ]
                if shared:
                    low, _high = min(shared)
                    raise FifteenMinError(
                        TimeWindowMessages.tr(
                            "The windows “{first}” and “{second}” overlap (for example on {day} at {time}); "
                            "merge them into one window."
                        ).format(
                            first=first.text, second=second.text, day=DAY_CODES[low // DAY], time=_clock(low % DAY)
                        )
                    )
    return IdleSchedule(windows, _merge([interval for window in windows for interval in window.intervals()]))


def validate(text: Optional[str]) -> str:
    """Canonical text of a user's windows; FifteenMinError for bad times, unknown days, overlaps or no window."""
    return parse(text, strict=True).canonical()


def normalise(text: Optional[str]) -> str:
    """Canonical text with overlapping windows merged."""
    return parse(text).canonical()


def is_idle(window_text: str, when: datetime) -> bool:
    """True if `window_text` makes the asset idle at `when`."""
    return parse(window_text).is_idle(when)


def hours_per_week(window_text: str) -> float:
    """Idle hours per week of `window_text` (overlaps counted once)."""
    return parse(window_text).hours_per_week()


def covers(window_text: str, needed_text: str) -> bool:
    """True if the idle windows contain every minute of `needed_text` (e.g. "evening 17:00-21:00 every day")."""
    return parse(window_text).covers(parse(needed_text))


@dataclass(frozen=True)
class WindowTemplate:
    """A typical idle window of an asset type, the use it serves and what it rests on (in both languages)."""

    asset_type: str
    use: str
    text: str
    basis_zh: str
    basis_en: str


#: typical windows to start an asset's idle windows from; a weekly window cannot name public holidays
TEMPLATES = (
    WindowTemplate(
        "parking",
        "shared_parking",
        # weekday nights 19:00–07:30 and the whole weekend, written without overlaps (Friday's night is the weekend's)
        "Mon 00:00-07:30; Mon-Thu 19:00-07:30; Fri 19:00-24:00; Sat-Sun 00:00-24:00",
        "错时共享停车：国办函〔2021〕46号；工作日 19:00–次日 07:30、周末及节假日全天为各地常见做法（节假日请另行注明）",
        "Time-shared parking: 国办函〔2021〕46号; weekdays 19:00–07:30 and weekends and holidays all day is the "
        "usual local practice (note the holidays yourself)",
    ),
    WindowTemplate(
        "market_space",
        "tidal_stalls",
        "daily 06:00-08:00; daily 16:30-19:30",
        "潮汐摊区：地方规定，早 06:00–08:00（部分城市至 09:00）、晚 16:30–19:30（部分城市至 20:00）",
        "Tidal stall zone: local rules, 06:00–08:00 (09:00 in some cities) and 16:30–19:30 (20:00 in some cities)",
    ),
    WindowTemplate(
        "idle_land",
        "tidal_stalls",
        "daily 06:00-08:00; daily 16:30-19:30",
        "潮汐摊区：地方规定，早 06:00–08:00（部分城市至 09:00）、晚 16:30–19:30（部分城市至 20:00）",
        "Tidal stall zone: local rules, 06:00–08:00 (09:00 in some cities) and 16:30–19:30 (20:00 in some cities)",
    ),
)


def template_for(asset_type: str) -> Optional[WindowTemplate]:
    """The typical idle window of an asset type, or None when it has none."""
    return next((template for template in TEMPLATES if template.asset_type == asset_type), None)
