"""Rule loading and the Classifier (no QGIS application needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import (
    NOT_A_FACILITY,
    RULES_PATH,
    Category,
    Rule,
    codes,
    load_categories,
    load_rules,
    normalise_pattern,
)
from fifteen_min_plugin.core.facilities.classify import CATEGORY_FIELDS, Classifier

HEADER = "code,kind,pattern,priority,note\n"


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return Classifier.default()


def _write(tmp_path: Path, text: str, name: str = "rules.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_bundled_rules_load_and_every_category_is_reachable():
    rules = load_rules()
    assert {rule.code for rule in rules} - {NOT_A_FACILITY} == set(codes())
    assert {rule.kind for rule in rules} == {
        "osm_tag",
        "amap_typecode",
        "baidu_tag",
        "tencent_category",
        "tianditu_class",
        "name_keyword",
    }
    for keyword in ("菜市场", "农贸市场", "药房", "大药房", "便利店", "早餐", "包子", "快递驿站", "菜鸟驿站", "幼儿园"):
        assert any(rule.kind == "name_keyword" and rule.pattern == keyword for rule in rules), keyword


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("osm_tag", " shop = convenience ", "shop=convenience"),
        ("osm_tag", "shop", None),
        ("amap_typecode", "060200", "0602"),
        ("amap_typecode", "090601", "090601"),
        ("amap_typecode", "0601", "0601"),
        ("amap_typecode", "06020", None),
        ("amap_typecode", "000000", None),
        ("baidu_tag", "购物; 便利店", "购物;便利店"),
        ("baidu_tag", "购物;;", None),
        ("tencent_category", "购物 : 便利店", "购物:便利店"),
        ("tencent_category", "购物:", None),
        ("tianditu_class", " 便利店 ", "便利店"),
        ("tianditu_class", " ", None),
        ("name_keyword", "ＫＴＶ", "ktv"),
        ("osm_tag", "healthcare = clinic & operator:type=private", "healthcare=clinic&operator:type=private"),
        ("osm_tag", "healthcare=clinic&", None),
        ("osm_tag", "healthcare=*&operator:type=private", None),
    ],
)
def test_patterns_are_normalised_or_refused(kind, raw, expected):
    assert normalise_pattern(kind, raw) == expected


@pytest.mark.parametrize(
    ("record", "code", "matched_by"),
    [
        ({"shop": "convenience"}, "convenience_store", "osm:shop=convenience"),
        ({"amenity": "pharmacy", "name": "某某便利店"}, "pharmacy", "osm:amenity=pharmacy"),
        ({"healthcare": "pharmacy"}, "pharmacy", "osm:healthcare=pharmacy"),
        ({"shop": "convenience;hairdresser"}, "convenience_store", "osm:shop=convenience"),
        ({"highway": "bus_stop"}, "bus_stop", "osm:highway=bus_stop"),
        ({"typecode": "060201"}, "convenience_store", "amap:0602xx"),
        ({"typecode": "090601"}, "pharmacy", "amap:090601"),
        ({"typecode": "080111"}, "fitness", "amap:080111"),
        ({"typecode": "080105"}, "sports_ground", "amap:0801xx"),
        ({"typecode": "050500"}, "cafe", "amap:0505xx"),
        ({"typecode": "050100"}, "dining", "amap:05xxxx"),
        ({"typecode": "120302|141204"}, "kindergarten", "amap:141204"),
        ({"baidu_tag": "购物;便利店"}, "convenience_store", "baidu:购物;便利店"),
        ({"baidu_tag": "美食;咖啡厅"}, "cafe", "baidu:美食;咖啡厅"),
        ({"baidu_tag": "美食;中餐厅"}, "dining", "baidu:美食"),
        ({"name": "学院路农贸市场"}, "fresh_market", "name:农贸市场"),
        ({"name": "同仁堂大药房(学院路店)"}, "pharmacy", "name:大药房"),
        ({"name": "老王早餐"}, "breakfast", "name:早餐"),
        ({"name": "菜鸟驿站(农大东校区)"}, "post_express", "name:菜鸟驿站"),
        ({"name": "海淀区第一幼儿园"}, "kindergarten", "name:幼儿园"),
        ({"name": "清河街道日间照料中心"}, "elderly_care", "name:日间照料"),
        ({"name": "好邻居便利超市"}, "convenience_store", "name:便利超市"),
        ({"name": "物美超市"}, "supermarket", "name:超市"),
        ({"name": "健身广场"}, "outdoor_fitness", "name:健身广场"),
        ({"name": "ＫＴＶ量贩"}, "leisure", "name:ktv"),
        ({"amenity": "school", "name": "附属实验小学"}, "primary_school", "name:小学"),
    ],
)
def test_records_get_the_documented_category(classifier, record, code, matched_by):
    assert classifier.classify(record) == (code, matched_by)


@pytest.mark.parametrize(
    ("record", "code", "matched_by"),
    [
        # 2025 扩围升级 notice: 洗车店 (一收一洗) and 社区食堂/老年助餐
        ({"amenity": "car_wash"}, "car_wash", "osm:amenity=car_wash"),
        ({"typecode": "010500", "name": "途虎养车"}, "car_wash", "amap:0105xx"),
        ({"name": "小李洗车行"}, "car_wash", "name:洗车"),
        ({"name": "学院路街道社区食堂"}, "community_canteen", "name:社区食堂"),
        ({"name": "清河老年助餐点"}, "community_canteen", "name:老年助餐"),
        ({"name": "长者食堂(双清路)"}, "community_canteen", "name:长者食堂"),
        ({"name": "清河老年活动站"}, "elderly_care", "name:老年"),
        # everyday dining versus 特色餐饮
        ({"amenity": "restaurant"}, "dining", "osm:amenity=restaurant"),
        ({"amenity": "fast_food", "cuisine": "chinese"}, "dining", "osm:amenity=fast_food"),
        ({"typecode": "050101"}, "dining", "amap:05xxxx"),
        ({"typecode": "050301"}, "dining", "amap:05xxxx"),
        ({"typecode": "050201"}, "restaurant", "amap:0502xx"),
        ({"typecode": "050118"}, "restaurant", "amap:050118"),
        ({"typecode": "050116"}, "restaurant", "amap:050116"),
        ({"typecode": "050500"}, "cafe", "amap:0505xx"),
        ({"baidu_tag": "美食;外国餐厅"}, "restaurant", "baidu:美食;外国餐厅"),
        ({"tencent_category": "美食:中餐厅"}, "dining", "tencent:美食"),
        ({"name": "兰州牛肉面馆"}, "dining", "name:面馆"),
        # a private 诊所 never meets the public 社区卫生服务站
        ({"healthcare": "clinic"}, "clinic", "osm:healthcare=clinic"),
        (
            {"healthcare": "clinic", "operator:type": "private"},
            "private_clinic",
            "osm:healthcare=clinic&operator:type=private",
        ),
        (
            {"amenity": "clinic", "operator:type": "private"},
            "private_clinic",
            "osm:amenity=clinic&operator:type=private",
        ),
        ({"amenity": "clinic", "operator:type": "government"}, "clinic", "osm:amenity=clinic"),
        ({"typecode": "090300"}, "private_clinic", "amap:0903xx"),
        ({"typecode": "090302"}, "private_clinic", "amap:0903xx"),
        ({"baidu_tag": "医疗;诊所"}, "private_clinic", "baidu:医疗;诊所"),
        ({"name": "王氏中医诊所"}, "private_clinic", "name:诊所"),
        ({"name": "东升社区卫生服务站"}, "clinic", "name:社区卫生服务"),
        # GB 50180 表B.0.2: 室外综合健身场地 is its own item, never 小型多功能运动(球类)场地
        ({"leisure": "fitness_station"}, "outdoor_fitness", "osm:leisure=fitness_station"),
        ({"leisure": "pitch", "sport": "basketball"}, "sports_ground", "osm:leisure=pitch"),
        ({"name": "全民健身点"}, "outdoor_fitness", "name:健身点"),
        # circle profiles (issue 15): the name outranks the park class of OSM and Amap records
        ({"leisure": "park", "name": "海淀体育公园"}, "sports_park", "name:体育公园"),
        ({"typecode": "110101", "name": "海淀体育公园"}, "sports_park", "name:体育公园"),
        ({"typecode": "110101", "name": "海淀公园"}, "park", "amap:110101"),
        ({"route": "fitness_trail"}, "fitness_trail", "osm:route=fitness_trail"),
        ({"leisure": "park", "name": "京密引水渠健身步道"}, "fitness_trail", "name:健身步道"),
    ],
)
def test_2025_categories_and_public_facility_rules(classifier, record, code, matched_by):
    assert classifier.classify(record) == (code, matched_by)


def test_rule_needing_two_tags_reads_both_keys_and_queries_the_first(classifier):
    assert "operator:type" in classifier.osm_keys
    assert ("healthcare", "clinic") in classifier.osm_tags
    assert ("leisure", "fitness_station") in classifier.osm_tags
    # a multi-valued tag matches by any of its values
    assert classifier.classify({"healthcare": "clinic;dentist", "operator:type": "private"})[0] == "private_clinic"


def test_a_public_station_name_outranks_a_provider_clinic_class(classifier):
    # Baidu, Amap, Tencent and Tianditu type 社区卫生服务站 as 诊所 (the recorded Baidu answer has one)
    station = "学院路社区卫生服务站"
    assert classifier.classify({"baidu_tag": "医疗;诊所", "name": station}) == ("clinic", "name:社区卫生服务")
    assert classifier.classify({"typecode": "090300", "name": station})[0] == "clinic"
    assert classifier.classify({"tianditu_class": "诊所", "name": "王氏诊所"}) == ("private_clinic", "tianditu:诊所")
    # a priority-0 keyword never overrides an explicit class, and an explicit "not a facility" always stands
    assert classifier.classify({"shop": "convenience", "name": "诊所旁便利店"})[0] == "convenience_store"
    assert classifier.classify({"amenity": "parking", "name": "社区卫生服务站停车场"}) == (None, "osm:amenity=parking")


def test_explicit_tag_without_category_blocks_name_keywords(classifier):
    assert classifier.classify({"amenity": "parking", "name": "原幼儿园停车场"}) == (None, "osm:amenity=parking")
    assert classifier.classify({"name": "原幼儿园停车场"})[0] == "kindergarten"


def test_unmatched_records_have_no_category(classifier):
    assert classifier.classify({}) == (None, "")
    assert classifier.classify({"shop": "clothes", "name": "优衣库", "typecode": "061101"}) == (None, "")
    assert classifier.attributes({"shop": "clothes"}) == [None, None, None, None]
    assert classifier.attributes({"shop": "convenience"}) == [
        "convenience_store",
        "basic",
        "便利店",
        "osm:shop=convenience",
    ]
    assert len(CATEGORY_FIELDS) == 4


def test_specificity_then_priority_then_order():
    categories = [Category(code, code, code, "basic", "s") for code in ("a", "b", "c")]
    rules = [
        Rule("a", "osm_tag", "shop=*"),
        Rule("b", "osm_tag", "shop=deli"),
        Rule("a", "name_keyword", "店"),
        Rule("b", "name_keyword", "小店", priority=-5),
        Rule("c", "amap_typecode", "06", priority=1),
        Rule("a", "amap_typecode", "0601"),
        Rule("a", "baidu_tag", "美食", priority=0),
        Rule("c", "baidu_tag", "丽人", priority=2),
    ]
    classifier = Classifier(rules, categories)
    assert classifier.classify({"shop": "deli"}) == ("b", "osm:shop=deli")
    assert classifier.classify({"shop": "bakery"}) == ("a", "osm:shop=*")
    assert classifier.classify({"name": "小店"}) == ("b", "name:小店")  # longer keyword beats priority
    assert classifier.classify({"typecode": "060101"}) == ("a", "amap:0601xx")  # longer prefix beats priority
    # across explicit kinds priority decides
    assert classifier.classify({"typecode": "069999", "baidu_tag": "美食"}) == ("c", "amap:06xxxx")
    assert classifier.classify({"typecode": "069999", "baidu_tag": "丽人"}) == ("c", "baidu:丽人")
    assert classifier.classify({"shop": "deli", "name": "小店"}) == ("b", "osm:shop=deli")


def test_user_rules_extend_and_override(tmp_path):
    extra = _write(
        tmp_path,
        "pharmacy,name_keyword,药铺,0,local word\nconvenience_store,osm_tag,shop=kiosk,0,\n"
        "fresh_market,name_keyword,便利店,0,override\n",
    )
    classifier = Classifier.default(rule_files=[extra])
    assert classifier.classify({"name": "老街药铺"}) == ("pharmacy", "name:药铺")
    assert classifier.classify({"shop": "kiosk"}) == ("convenience_store", "osm:shop=kiosk")
    assert classifier.classify({"name": "便利店"}) == ("fresh_market", "name:便利店")
    assert len(load_rules(extensions=[extra])) == len(load_rules()) + 2


def test_user_rules_may_use_user_categories(tmp_path):
    categories_file = tmp_path / "extra_categories.csv"
    categories_file.write_text("code,name_zh,name_en,class,source\nev_charging,充电桩,EV charging,quality,本地\n")
    extra = _write(tmp_path, "ev_charging,osm_tag,amenity=charging_station,0,\n")
    classifier = Classifier.default(rule_files=[extra], category_files=[categories_file])
    assert classifier.classify({"amenity": "charging_station"}) == ("ev_charging", "osm:amenity=charging_station")


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ("nowhere,osm_tag,shop=x,0,\n", ["Line 2", "“nowhere”"]),
        ("pharmacy,regex,药,0,\n", ["Line 2", "“regex”", "name_keyword"]),
        ("pharmacy,amap_typecode,9060,0,\npharmacy,amap_typecode,12345,0,\n", ["Line 3", "“12345”"]),
        ("pharmacy,osm_tag,amenity,0,\n", ["“amenity”", "key=value"]),
        ("pharmacy,name_keyword,药铺,high,\n", ["Line 2", "“high”"]),
        ("pharmacy,name_keyword,药铺,0,\nclinic,name_keyword,药铺,0,\n", ["Line 3", "line 2", "药铺"]),
    ],
)
def test_bad_rules_are_refused_with_line_and_reason(tmp_path, rows, fragments):
    path = _write(tmp_path, rows)
    with pytest.raises(FifteenMinError) as caught:
        load_rules(extensions=[path])
    assert str(path) in caught.value.message
    for fragment in fragments:
        assert fragment in caught.value.message


def test_rules_file_needs_its_columns(tmp_path):
    path = tmp_path / "rules.csv"
    path.write_text("code,pattern\npharmacy,药\n", encoding="utf-8")
    with pytest.raises(FifteenMinError, match="kind"):
        load_rules(extensions=[path])
    with pytest.raises(FifteenMinError, match="does not exist"):
        load_rules(tmp_path / "none.csv")


def test_bundled_rules_file_has_no_duplicate_patterns():
    rows = RULES_PATH.read_text(encoding="utf-8").splitlines()[1:]
    keys = [(row.split(",")[1], normalise_pattern(row.split(",")[1], row.split(",")[2])) for row in rows]
    assert len(keys) == len(set(keys)) == len(load_rules())
    assert {c.code for c in load_categories()} >= {row.split(",")[0] for row in rows} - {NOT_A_FACILITY}
