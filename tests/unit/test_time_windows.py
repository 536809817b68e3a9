"""Idle time windows: parsing, canonical text, overnight ranges, merging and coverage."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fifteen_min_plugin.core.assets import time_windows as tw
from fifteen_min_plugin.core.errors import FifteenMinError

MONDAY = datetime(2024, 1, 1)  # a Monday


def _idle_minutes(text: str) -> int:
    """Oracle: step through one week minute by minute."""
    schedule = tw.parse(text)
    return sum(schedule.is_idle(MONDAY + timedelta(minutes=m)) for m in range(7 * 24 * 60))


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Mon-Fri 19:00-07:00; Sat-Sun 00:00-24:00", "Mon-Thu 19:00-07:00; Fri 19:00-24:00; Sat-Sun 00:00-24:00"),
        ("工作日 19:00-次日07:00；周末 全天", "Mon-Thu 19:00-07:00; Fri 19:00-24:00; Sat-Sun 00:00-24:00"),
        ("evening 17:00-21:00 every day", "daily 17:00-21:00"),
        ("周一至周五 08:30–17:30", "Mon-Fri 08:30-17:30"),
        ("Mon,Wed,Fri 09:00-12:00", "Mon,Wed,Fri 09:00-12:00"),
        ("Fri-Mon 20:00-06:00", "Mon,Fri-Sun 20:00-06:00"),
        ("周六、周日 全天", "Sat-Sun 00:00-24:00"),
        ("19:00-07:00", "daily 19:00-07:00"),
    ],
)
def test_canonical_text_is_stable_and_equivalent(text, canonical):
    assert tw.normalise(text) == canonical
    assert tw.normalise(canonical) == canonical
    assert tw.parse(canonical).intervals == tw.parse(text).intervals


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("Mon-Fri 19:00-07:00; Sat-Sun 00:00-24:00", 5 * 12 + 48 - 7),  # Sat 00-07 counted once
        ("night 22:00-06:00 Mon-Fri", 40),
        ("daily 00:00-24:00", 168),
        ("Mon 10:00-12:00; Mon 11:00-13:00", 3),
    ],
)
def test_hours_per_week_matches_a_minute_by_minute_count(text, hours):
    assert tw.hours_per_week(text) == hours
    assert _idle_minutes(text) == hours * 60


def test_overnight_windows_reach_into_the_next_day_and_wrap_the_week():
    assert tw.is_idle("Mon-Fri 19:00-07:00", datetime(2024, 1, 6, 6, 59))  # Saturday morning, from Friday night
    assert not tw.is_idle("Mon-Fri 19:00-07:00", datetime(2024, 1, 8, 6, 30))  # Monday morning: Sunday is off
    assert not tw.is_idle("Mon-Fri 19:00-07:00", datetime(2024, 1, 6, 7, 0))  # the end is excluded
    assert tw.is_idle("Sun 22:00-02:00", datetime(2024, 1, 8, 1, 0))  # Sunday night into Monday


def test_covers_needed_windows():
    weekly = "Mon-Fri 19:00-07:00; Sat-Sun 00:00-24:00"
    assert tw.covers(weekly, "night 22:00-06:00 Mon-Fri")
    assert not tw.covers(weekly, "night 22:00-06:00 every day")  # Sunday night into Monday is not idle
    assert not tw.covers("19:00-07:00", "evening 17:00-21:00 every day")
    assert tw.covers("19:00-07:00", "daily 19:00-21:00")


def test_overlapping_windows_merge_when_normalising_but_are_refused_when_validating():
    assert tw.normalise("Mon-Fri 19:00-07:00; daily 22:00-23:00") == ("Mon-Fri 19:00-07:00; Sat-Sun 22:00-23:00")
    with pytest.raises(FifteenMinError, match="“Mon-Fri 19:00-07:00” and “daily 22:00-23:00” overlap"):
        tw.validate("Mon-Fri 19:00-07:00; daily 22:00-23:00")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("25:00-07:00", "“25:00” in “25:00-07:00” is not a time of day"),
        ("Mon 10:75-11:00", "“10:75”"),
        ("24:00-03:00", "24:00 only as an end"),
        ("", "No idle time window is given"),
        ("  ;  ", "No idle time window is given"),
        ("Mon-Fri", "has no time range"),
        ("Funday 10:00-11:00", "“funday” in “Funday 10:00-11:00” is not a day"),
        ("07:00-07:00", "starts and ends at the same time"),
        ("Mon 08:00-10:00 12:00-14:00", "more than one time range"),
    ],
)
def test_bad_windows_get_a_sentence(text, words):
    with pytest.raises(FifteenMinError, match=words):
        tw.validate(text)


def test_chinese_canonical_text_reads_back_the_same():
    schedule = tw.parse("工作日 19:00-次日07:00；周末 全天")
    chinese = schedule.canonical(chinese=True)
    assert chinese == "周一至周四 19:00-07:00；周五 19:00-24:00；周六至周日 00:00-24:00"
    assert tw.parse(chinese).intervals == schedule.intervals


def test_templates_are_valid_windows_that_earn_their_use():
    from fifteen_min_plugin.core.assets.suitability import load_suitability

    table = {(row.asset_type, row.use): row for row in load_suitability()}
    shared = tw.template_for("parking")
    assert shared is not None and shared.use == "shared_parking" and "国办函〔2021〕46号" in shared.basis_zh
    # weekdays 19:00–07:30 (12.5 h × 5: Monday's early morning follows Sunday) and the weekend whole (48 h)
    assert tw.hours_per_week(shared.text) == pytest.approx(12.5 * 5 + 48)
    assert tw.is_idle(shared.text, datetime(2025, 9, 1, 7, 0))  # Monday 07:00, after a Sunday
    assert not tw.is_idle(shared.text, datetime(2025, 9, 1, 7, 45))
    assert tw.is_idle(shared.text, datetime(2025, 9, 3, 23, 0))  # a Wednesday night
    assert not tw.is_idle(shared.text, datetime(2025, 9, 3, 8, 0))
    assert tw.is_idle(shared.text, datetime(2025, 9, 6, 12, 0))  # a Saturday noon
    for template in tw.TEMPLATES:
        assert tw.validate(template.text)
        row = table[(template.asset_type, template.use)]
        assert row.window_fits(template.text) is not None, template  # registered with it, the use is feasible
    stalls = tw.template_for("market_space")
    assert stalls is not None and "local rules" in stalls.basis_en
    assert tw.hours_per_week(stalls.text) == pytest.approx((2 + 3) * 7)
    assert tw.template_for("civil_defence") is None
