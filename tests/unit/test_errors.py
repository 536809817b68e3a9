"""Error details stay readable and small: repeated lines collapse, and the whole is capped, in one place."""

from __future__ import annotations

import random
import re
import string

from fifteen_min_plugin.core.errors import MAX_DETAILS_CHARS, SHOWN_PER_KIND, FifteenMinError, compact_details

# what OGR reports for each feature a read-only GeoPackage refuses (one line per feature)
OGR_LINE = (
    'Feature creation error (OGR error: In ExecuteSQL(): sqlite3_step(INSERT INTO "facilities" ...): '
    "attempt to write a readonly database)"
)


def test_a_short_text_is_kept_as_it_is():
    text = "HTTP 502 Bad Gateway\n<html>upstream timed out</html>"
    assert FifteenMinError("Amap answered HTTP 502.", details=text).details == text


def test_fifty_thousand_identical_ogr_lines_become_two():
    lines = [OGR_LINE] * 50_000
    assert sum(len(line) + 1 for line in lines) > 5_000_000  # the size the issue reported
    details = FifteenMinError("The facilities could not be saved.", details=lines).details
    assert details.splitlines() == [OGR_LINE, "… and 49,999 more like this"]


def test_lines_differing_only_in_their_numbers_keep_the_first_examples_and_count_the_rest():
    lines = [f"Feature {number}: NOT NULL constraint failed: facilities.name" for number in range(1, 20_001)]
    out = compact_details(lines).splitlines()
    assert out[:SHOWN_PER_KIND] == lines[:SHOWN_PER_KIND]
    assert out[SHOWN_PER_KIND:] == [f"… and {20_000 - SHOWN_PER_KIND:,} more like this"]


def test_kinds_keep_their_order_and_each_gets_its_own_count():
    lines = []
    for number in range(30):
        lines.append(f"Row {number}: X is not a number")
        if number % 10 == 0:
            lines.append(f"Row {number}: the name is longer than 254 characters; cut")
    out = compact_details(lines).splitlines()
    shapes = [re.sub(r"\d+", "#", line) for line in out if not line.startswith("…")]
    assert shapes.count("Row #: X is not a number") == SHOWN_PER_KIND
    assert shapes.count("Row #: the name is longer than # characters; cut") == 3
    assert out[out.index("… and 20 more like this") - 1] == lines[lines.index("Row 9: X is not a number")]
    assert out[0] == lines[0] and out[1] == lines[1]  # first occurrence order


def test_many_different_lines_are_cut_at_the_cap_on_a_line_boundary():
    generator = random.Random(8)
    lines = ["".join(generator.choices(string.ascii_letters, k=80)) for _ in range(5_000)]
    details = compact_details(lines)
    assert len(details) <= MAX_DETAILS_CHARS + 80
    kept, last = details.splitlines()[:-1], details.splitlines()[-1]
    assert kept == lines[: len(kept)]
    left_out = len("\n".join(lines)) - len("\n".join(kept))
    assert last == f"… ({left_out:,} more characters left out)"


def test_blank_lines_disappear():
    assert compact_details("first\n\n   \nsecond\n") == "first\nsecond"


def test_one_long_line_is_cut_between_words_so_a_token_stays_whole():
    token = "f15kEy0a1b2c3d4e5f60718293a4b5c6"
    words = ["word"] * (MAX_DETAILS_CHARS // 5 - 3) + [token] + ["tail"] * 100
    details = compact_details(" ".join(words))
    assert len(details) <= MAX_DETAILS_CHARS + 80
    assert token not in details or details.count(token) == 1
    kept = details.splitlines()[0]
    assert kept.split(" ")[-1] in ("word", token)
