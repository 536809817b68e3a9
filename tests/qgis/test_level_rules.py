"""Storey rules of repurposed uses from the register's level: GB 50016-2014 (2018) 5.4.4B, 5.4.9 and 5.4.4."""

from __future__ import annotations

import pytest

from fifteen_min_plugin.core.assets.level_rules import check_level, depth
from fifteen_min_plugin.core.assets.repurpose import AssetFacts, CircleGaps, rank_uses
from fifteen_min_plugin.core.assets.suitability import load_suitability
from fifteen_min_plugin.core.facilities.categories import load_categories

CATEGORIES = load_categories()
EVERY_GAP = CircleGaps("c", "社区", 15, 3000, frozenset(category.code for category in CATEGORIES))


def uses(asset: AssetFacts) -> dict[str, str]:
    """use → Chinese sentence of every suggestion for `asset` in a circle lacking everything."""
    result = rank_uses(asset, [EVERY_GAP], load_suitability(), CATEGORIES, 50)
    return {item.use: item.reason_zh for item in result.suggestions}


def works(level: str, duty: str = "") -> AssetFacts:
    return AssetFacts("RF-1", "人防工程", "civil_defence", 600.0, None, "", level, duty)


@pytest.mark.parametrize(
    ("text", "storeys"),
    [("B1", 1), ("b2", 2), ("-3", 3), ("地下一层", 1), ("地下二层", 2), ("B2F", 2), ("G", 0), ("地面", 0), ("", None)],
)
def test_register_levels_are_read_as_storeys_below_ground(text, storeys):
    assert depth(text) == storeys
    assert depth("夹层") is None  # not guessed


def test_elderly_rooms_only_on_the_first_underground_level():
    assert "elderly_care" in uses(works("B1"))
    assert "elderly_care" not in uses(works("B2")) and "elderly_care" not in uses(works("-3"))
    sentence = uses(works("B1"))["elderly_care"]
    assert "所在层 B1，符合" in sentence and "GB 50016-2014(2018年版) 5.4.4B" in sentence


def test_entertainment_follows_gb_50016_5_4_9_not_the_looser_b2_reading():
    # GB 50016-2014 (2018) 5.4.9: 歌舞娱乐放映游艺场所 not on the second underground level or below
    assert "leisure" in uses(works("B1"))
    assert "leisure" not in uses(works("B2"))
    assert "10 m" in uses(works("B1"))["leisure"] and "5.4.9" in uses(works("B1"))["leisure"]
    check = check_level("leisure", "B2", "civil_defence")
    assert not check.allowed and "地下二层" in check.note_zh


def test_childcare_is_never_suggested_underground():
    for level in ("B1", "B2", "G", ""):
        assert not {"childcare", "kindergarten"} & set(uses(works(level)))  # GB 50098-2009 3.1.3
    shop = AssetFacts("S-1", "空铺", "vacant_shop", 300.0, None, "", "B1")
    assert "childcare" not in uses(shop)  # GB 50016 5.4.4: not underground
    assert "childcare" in uses(AssetFacts("S-2", "空铺", "vacant_shop", 300.0, None, "", "G"))
    assert "childcare" in uses(AssetFacts("S-3", "空铺", "vacant_shop", 300.0, None, ""))  # a shop: at street level


def test_an_unknown_level_is_said_to_be_unchecked_and_the_wartime_duty_is_named():
    found = uses(works("", "人员掩蔽"))
    assert "elderly_care" in found and "未核查层数要求" in found["elderly_care"]
    assert "战时功能：人员掩蔽" in found["elderly_care"]
    assert "无法识别" in uses(works("夹层"))["elderly_care"]
    english = {
        item.use: item for item in rank_uses(works("B1"), [EVERY_GAP], load_suitability(), CATEGORIES, 50).suggestions
    }
    assert "At level B1 it meets the rule" in english["elderly_care"].reason_en
    # a use without a storey rule gets no storey sentence
    assert "At level" not in english["fitness"].reason_en and "所在层" not in english["fitness"].reason_zh
