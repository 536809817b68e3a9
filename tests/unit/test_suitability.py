"""The suitability and candidate-rule tables: the bundled ones are valid, broken rows are named."""

from __future__ import annotations

import csv

import pytest

from fifteen_min_plugin.core.assets import ASSET_TYPE_CODES
from fifteen_min_plugin.core.assets.candidates import load_rules, match_feature
from fifteen_min_plugin.core.assets.suitability import (
    COLUMNS,
    DEFAULT_TABLE,
    FORBIDDEN_USES,
    OPTIONAL_COLUMNS,
    SPECIAL_USES,
    load_suitability,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories


def _bundled_rows() -> list[dict[str, str]]:
    with DEFAULT_TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(tmp_path, rows: list[dict[str, str]]):
    path = tmp_path / "suitability.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*COLUMNS, *OPTIONAL_COLUMNS])
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_bundled_table_is_valid_and_uses_known_codes():
    table = load_suitability()
    codes = {category.code for category in load_categories()}
    assert len(table) == len(_bundled_rows())
    assert {row.asset_type for row in table} == set(ASSET_TYPE_CODES)
    assert all(row.use in codes or row.use in SPECIAL_USES for row in table)
    tidal = next(row for row in table if (row.asset_type, row.use) == ("parking", "tidal_stalls"))
    assert tidal.fills == ("fresh_market", "greengrocer", "breakfast")
    # local rules: stalls 06:00–08:00 or 16:30–19:30; a lot idle only 19:00–07:00 covers neither
    assert tidal.window_fits("19:00-07:00") is None
    assert tidal.window_fits("16:00-08:30") == "daily 06:00-08:00"
    assert tidal.window_fits("每天 16:30-20:00") == "daily 16:30-19:30"
    assert tidal.window_fits("Mon-Fri 08:30-17:30") is None
    shared = next(row for row in table if row.use == "shared_parking")
    assert shared.size_fit(None, 98) == pytest.approx(0.5 + 0.5 * (98 - 10) / (100 - 10))
    assert shared.size_fit(None, 5) is None and shared.size_fit(None, None) is None


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"asset_type": "castle"}, "“castle” is not an asset type"),
        ({"use": "spaceport"}, "the use “spaceport” is neither"),
        ({"feasible": "maybe"}, "feasible must be yes or no"),
        ({"min_area_m2": "-5"}, "is negative"),
        ({"min_area_m2": "500", "ideal_area_m2": "100"}, "ideal size is smaller than its minimum"),
        ({"needs_window": "daily 25:00-07:00"}, "not a time of day"),
        ({"base_score": "0"}, "base_score must be a positive number"),
        ({"fills": "fresh_market|caviar"}, "fills names caviar"),
        ({"reason_en": "{asset_type} near {airport}"}, "a reason uses airport"),
        ({"reason_zh": ""}, "needs both reason_zh and reason_en"),
    ],
)
def test_a_broken_row_is_named_by_line(tmp_path, change, words):
    rows = _bundled_rows()
    rows[4] = {**rows[4], **change}
    with pytest.raises(FifteenMinError, match=words) as caught:
        load_suitability(_write(tmp_path, rows))
    assert "Line 6 of the suitability table" in caught.value.message


def test_duplicate_rows_and_missing_columns_are_refused(tmp_path):
    rows = _bundled_rows()
    with pytest.raises(FifteenMinError, match="is already on line 2"):
        load_suitability(_write(tmp_path, [*rows, rows[0]]))
    path = tmp_path / "short.csv"
    path.write_text("asset_type,use\nparking,shared_parking\n", encoding="utf-8")
    with pytest.raises(FifteenMinError, match="lacks the column"):
        load_suitability(path)


def test_candidate_rules_match_tags_hints_and_names():
    rules = load_rules()
    assert match_feature(rules, ["amenity"], ["parking"]).why == "amenity=parking"
    hit = match_feature(rules, ["building", "other_tags"], ["warehouse", '"disused"=>"yes","name"=>"x"'])
    assert (hit.asset_type, hit.why) == ("idle_factory", "building=warehouse + disused=yes")
    assert match_feature(rules, ["building"], ["warehouse"]) is None  # a warehouse in use is not idle
    assert match_feature(rules, ["railway", "tunnel"], ["subway", "yes"]) is None
    assert match_feature(rules, ["tunnel"], ["yes"]).asset_type == "civil_defence"
    assert match_feature(rules, ["name"], ["幸福里防空洞"]).asset_type == "civil_defence"
    assert match_feature(rules, ["other_tags"], ['"bunker_type"=>"pillbox"']).why == "bunker_type=pillbox"
    assert match_feature(rules, ["disused"], ["no"]) is None
    assert match_feature(rules, ["landuse"], ["brownfield"]).asset_type == "idle_land"


def test_candidate_rules_errors_name_the_line(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("asset_type,match,pattern,requires,excludes,why\nparking,osm_tag,amenity,,,\n", encoding="utf-8")
    with pytest.raises(FifteenMinError, match="Line 2 of the candidate rules"):
        load_rules(path)


def test_every_bundled_row_names_its_source():
    table = load_suitability()
    assert all(row.source for row in table)
    by_key = {(row.asset_type, row.use): row for row in table}
    assert "国办函〔2021〕46号" in by_key[("parking", "shared_parking")].source
    assert "GB 50016-2014(2018年版) 5.4.4B" in by_key[("civil_defence", "elderly_care")].source
    assert "local rules" in by_key[("parking", "tidal_stalls")].source
    # sizes and scores no document gives say so
    assert by_key[("vacant_shop", "pharmacy")].source == "plugin default (sizes, base_score), editable"


def test_a_table_may_not_make_childcare_or_a_kindergarten_feasible_in_a_civil_defence_work(tmp_path):
    assert set(FORBIDDEN_USES["civil_defence"]) == {"childcare", "kindergarten"}
    table = {(row.asset_type, row.use): row for row in load_suitability()}
    assert not table[("civil_defence", "childcare")].feasible and not table[("civil_defence", "kindergarten")].feasible
    for use, fills in (("childcare", ""), ("kindergarten", ""), ("community_centre", "kindergarten")):
        rows = _bundled_rows()
        target = next(i for i, row in enumerate(rows) if (row["asset_type"], row["use"]) == ("civil_defence", use))
        rows[target] = {**rows[target], "feasible": "yes", "fills": fills}
        rows[target]["reason_zh"] = rows[target]["reason_en"] = "{use}"
        with pytest.raises(FifteenMinError, match=r"GB 50098-2009 3\.1\.3") as caught:
            load_suitability(_write(tmp_path, rows))
        assert f"Line {target + 2} of the suitability table" in caught.value.message


def test_a_table_without_the_optional_columns_still_loads(tmp_path):
    rows = [{name: row[name] for name in COLUMNS} for row in _bundled_rows()]
    table = load_suitability(_write(tmp_path, rows))
    assert len(table) == len(rows) and all(row.source == row.caveat_zh == "" for row in table)
