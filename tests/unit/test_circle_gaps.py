"""A coverage row read for repurposing: NULL and NaN attributes are missing values, not errors."""

from __future__ import annotations

from qgis.core import NULL

from fifteen_min_plugin.core.assets.repurpose import CircleGaps
from fifteen_min_plugin.core.facilities.categories import load_categories

CATEGORIES = load_categories()


def test_null_and_nan_values_read_as_missing():
    first, second = CATEGORIES[0].code, CATEGORIES[1].code
    attributes = {
        "circle_id": "c1",
        "name": NULL,
        "level_min": NULL,
        "population": float("nan"),
        f"n_{first}": 0,
        f"n_{second}": NULL,
        "missing_basic": f"{second}",
        "missing_quality": NULL,
    }
    gaps = CircleGaps.from_attributes(attributes, CATEGORIES)
    assert (gaps.circle_id, gaps.name, gaps.level_min, gaps.population) == ("c1", "c1", None, 0)
    assert {first, second} <= gaps.missing
    assert CATEGORIES[2].code not in gaps.missing


def test_present_values_are_read():
    code = CATEGORIES[0].code
    gaps = CircleGaps.from_attributes(
        {"circle_id": "c2", "name": "东区", "level_min": 15, "population": 12000.0, f"n_{code}": 3}, CATEGORIES
    )
    assert (gaps.name, gaps.level_min, gaps.population) == ("东区", 15, 12000)
    assert code not in gaps.missing
