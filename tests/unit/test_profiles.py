"""Circle profiles: every shipped item can be produced by the classifier, and a bad user row is named."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fifteen_min_plugin.core.analysis.profiles import (
    METRES,
    PROFILES_DIR,
    SHIPPED,
    load_profile,
    load_profiles,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import RULES_PATH, load_categories

HEADER = "item,item_zh,reach,reach_unit,min_count,per,source,note\n"


def _rule_codes() -> set[str]:
    with RULES_PATH.open(encoding="utf-8-sig", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def test_every_shipped_profile_file_is_listed_and_loads() -> None:
    assert sorted(path.stem for path in PROFILES_DIR.glob("*.csv")) == sorted(SHIPPED)
    profiles = load_profiles()
    assert [profile.name for profile in profiles] == list(SHIPPED)
    assert all(profile.items for profile in profiles)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_item_is_matched_by_a_category_the_classifier_can_produce(name: str) -> None:
    """Each code is in categories.csv and has at least one rule in rules.csv, read independently of the loader."""
    with (PROFILES_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    known = {category.code for category in load_categories()}
    ruled = _rule_codes()
    for line, row in enumerate(rows, start=2):
        codes = row["item"].split("|")
        assert codes and all(code in known for code in codes), (name, line, row["item"])
        assert all(code in ruled for code in codes), (name, line, row["item"])
        assert row["source"].strip(), (name, line)
        assert float(row["reach"]) > 0 and row["reach_unit"] in ("min", "m"), (name, line)


def test_gb50180_profile_has_the_three_tiers_with_their_walking_distances() -> None:
    profile = load_profile(PROFILES_DIR / "gb50180.csv")
    reaches = {item.reach for item in profile.items}
    assert reaches == {300.0, 500.0, 1000.0}
    assert all(item.reach_unit == METRES for item in profile.items)
    business = next(item for item in profile.items if len(item.codes) > 1 and "supermarket" in item.codes)
    assert set(business.codes) == {"supermarket", "pharmacy", "laundry", "hair_beauty"}


def test_reach_in_minutes_converts_metres_at_the_walking_speed() -> None:
    education = load_profile(PROFILES_DIR / "education.csv")
    primary = next(item for item in education.items if item.codes == ("primary_school",))
    assert primary.reach_minutes(80.0) == pytest.approx(500.0 / 80.0)
    medical = load_profile(PROFILES_DIR / "medical.csv")
    pharmacy = next(item for item in medical.items if item.codes == ("pharmacy",))
    assert pharmacy.reach_minutes(80.0) == 15.0


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("no_such_code,,10,min,,,doc,\n", "no_such_code"),
        ("pharmacy|nope,,10,min,,,doc,\n", "nope"),
        ("pharmacy,,-5,min,,,doc,\n", "reach"),
        ("pharmacy,,0,min,,,doc,\n", "reach"),
        ("pharmacy,,10,km,,,doc,\n", "km"),
        ("pharmacy,,10,min,,,,\n", "source"),
        ("pharmacy,,10,min,2,per_household,doc,\n", "per_household"),
        ("pharmacy,,10,min,-1,absolute,doc,\n", "min_count"),
    ],
)
def test_a_bad_user_row_gets_a_sentence_naming_its_line(tmp_path: Path, row: str, fragment: str) -> None:
    path = tmp_path / "my_circle.csv"
    path.write_text(HEADER + "supermarket,,15,min,,,doc,\n" + row, encoding="utf-8")
    with pytest.raises(FifteenMinError) as raised:
        load_profile(path)
    message = str(raised.value)
    assert "Line 3" in message and str(path) in message and fragment in message


def test_a_user_profile_loads_by_path_next_to_shipped_ones(tmp_path: Path) -> None:
    path = tmp_path / "tdt1062.csv"
    path.write_text(
        HEADER + "clinic|private_clinic,卫生服务,15,min,,,TD/T 1062-2021 (user's copy),\n", encoding="utf-8"
    )
    profiles = load_profiles(["parcel", str(path)])
    assert [profile.name for profile in profiles] == ["parcel", "tdt1062"]
    assert profiles[1].codes == ["clinic", "private_clinic"]


def test_an_unknown_shipped_name_lists_the_shipped_ones() -> None:
    with pytest.raises(FifteenMinError, match="mofcom_convenience"):
        load_profiles(["nonexistent"])


def test_a_minimum_reads_its_measure_and_unit(tmp_path: Path) -> None:
    path = tmp_path / "mins.csv"
    path.write_text(
        "item,reach,reach_unit,min_count,per,measure,source\n"
        "clinic,1000,m,1,per_1000_residents,,GB\n"
        "\n"
        "park,10,min,400,per_100_households,area_m2,x\n"
        "elderly_care,15,min,30,absolute,capacity,x\n"
        "pharmacy,500,m,,,,x\n",
        encoding="utf-8",
    )
    clinic, park, care, pharmacy = load_profile(path).items
    assert (clinic.measure, park.measure, care.measure, pharmacy.measure) == ("count", "area_m2", "capacity", "count")
    assert (clinic.line, park.line) == (2, 4)  # the line in the file, blank lines included
    assert [(item.min_count, item.per) for item in (clinic, park, care, pharmacy)] == [
        (1.0, "per_1000_residents"),
        (400.0, "per_100_households"),
        (30.0, "absolute"),
        (None, "absolute"),
    ]


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("park,10,min,400,absolute,hectares,x", "measure 'hectares'"),
        ("park,10,min,,,area_m2,x", "needs a minimum"),
    ],
)
def test_a_bad_measure_is_named(tmp_path: Path, row: str, fragment: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("item,reach,reach_unit,min_count,per,measure,source\n" + row + "\n", encoding="utf-8")
    with pytest.raises(FifteenMinError, match=f"Line 2 .*{fragment}"):
        load_profile(path)


def test_the_tdt1062_example_loads_as_a_user_profile_and_cites_the_standard_or_plugin_default() -> None:
    path = PROFILES_DIR / "examples" / "tdt1062.csv"
    (profile,) = load_profiles([str(path)])
    assert profile.name == "tdt1062" and len(profile.items) >= 15
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(profile.items)
    for row in rows:
        assert row["source"].startswith("TD/T 1062-2021 ") or row["source"] == "plugin default, editable", row
        if row["source"].startswith("TD/T"):
            # the appendix and the level the item is listed at, not only the standard
            assert "附录A" in row["source"] and "分钟层级" in row["source"], row
            assert ("15分钟层级" in row["source"]) == (row["reach"] == "15"), row
        if row["min_count"]:
            assert row["source"] == "plugin default, editable"  # the standard's appendix gives no count
    # the 15- and 5~10-minute levels of the standard, nothing beyond
    assert {item.reach for item in profile.items} == {10.0, 15.0}
    assert all(item.reach_unit == "min" for item in profile.items)
