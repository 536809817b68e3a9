"""fifteenmin:importneeds on real files: the GBK sample, an XLSX questionnaire, 12345 work orders, reported points.

Oracles are independent of the import: the sample's rows are read back with the csv module and their expected
categories come from the phrase list below, written by hand.
"""

from __future__ import annotations

import csv
import datetime
import re

import openpyxl
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from tests.qgis.recording import RecordingFeedback

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NEEDS = RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"
COMMUNITIES = f"{SAMPLE}|layername=communities"
#: the sample's phrases with the category a planner gives them (None: no facility answers it)
TRUTH = {
    "楼下没有早餐店，上班只能饿着": "breakfast",
    "希望增加菜市场": "fresh_market",
    "买菜要走二十多分钟": "fresh_market",
    "老人吃饭难，希望办老年食堂": "community_canteen",
    "独居老人希望有助餐服务": "community_canteen",
    "希望社区有日间照料中心": "elderly_care",
    "居家养老服务站离家太远": "elderly_care",
    "看病要跑大医院，希望有社区卫生服务站": "clinic",
    "附近没有药店": "pharmacy",
    "孩子没人看，希望有托育点": "childcare",
    "快递取件不方便，希望多放快递柜": "post_express",
    "物业能不能引进家政服务": "housekeeping",
    "小区缺少健身场所": "fitness",
    "希望修个小公园散步": "park",
    "理发店太少": "hair_beauty",
    "附近缺便利店": "convenience_store",
    "停车难，晚上没有车位": None,
    "楼道灯坏了没人修": None,
    "希望加装电梯": None,
    "广场舞噪音太大": None,
}
FIELDS = ["community_id", "category", "weight", "list", "priority", "text", "source", "row"]


def _run(processing, parameters: dict, feedback: RecordingFeedback | None = None) -> QgsVectorLayer:
    result = processing.run("fifteenmin:importneeds", {"OUTPUT": "memory:", **parameters}, feedback=feedback)
    return result["OUTPUT"]


def _rows(layer: QgsVectorLayer) -> list[dict]:
    return [dict(zip(layer.fields().names(), feature.attributes())) for feature in layer.getFeatures()]


def test_the_gbk_sample_is_placed_classified_and_its_bad_rows_reported(processing):
    with NEEDS.open(encoding="gbk", newline="") as handle:
        source = list(csv.DictReader(handle))
    feedback = RecordingFeedback()
    layer = _run(
        processing,
        {
            "INPUT": str(NEEDS),
            "COMMUNITIES": COMMUNITIES,
            "TEXT_FIELD": "诉求内容",
            "COMMUNITY_FIELD": "社区",
            "WEIGHT_FIELD": "人数",
            "LIST_FIELD": "清单",
            "PRIORITY_FIELD": "紧急程度",
            "DATE_FIELD": "提交时间",
        },
        feedback,
    )
    assert layer.fields().names() == FIELDS
    rows = _rows(layer)
    unknown = [number for number, row in enumerate(source, start=2) if row["社区"] == "示例社区99"]
    assert len(rows) == len(source) - len(unknown) == 159
    by_row = {row["row"]: row for row in rows}
    for number, expected in enumerate(source, start=2):
        if number in unknown:
            assert number not in by_row
            continue
        got = by_row[number]
        assert got["text"] == expected["诉求内容"]
        assert (got["category"] or None) == TRUTH[expected["诉求内容"]], expected["诉求内容"]
        assert got["weight"] == float(expected["人数"])
        assert got["list"] == expected["清单"]
        assert got["source"] == NEEDS.name
        priorities = {"紧急": "urgent", "一般": "normal", "以后": "later", "": None}
        assert (got["priority"] or None) == priorities[expected["紧急程度"]]
        place = expected["社区"]
        assert got["community_id"] == place if place.startswith("HD-") else place.count(got["community_id"][-2:])
    unclassified = sum(TRUTH[row["诉求内容"]] is None for row in source if row["社区"] != "示例社区99")
    log = " ".join(feedback.warnings)
    assert f"{unclassified} needs match no category; they are kept unclassified to be resolved" in log
    assert (
        "1 rows match no community by id or name and have no point inside or near one; they were skipped "
        f"(rows {unknown[0]})." in log
    )
    assert "1 rows have a date that could not be read; it was left empty (rows 79)." in log
    assert "Row 79: the date “三月初” is not a date" in log


def test_an_xlsx_questionnaire_with_excel_dates_and_names(processing, tmp_path):
    path = tmp_path / "问卷.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["社区名称", "您最希望增加的服务", "票数", "优先级", "填写日期"])
    sheet.append(["示例社区03", "家门口买菜难", 12, "高", datetime.datetime(2025, 4, 2, 9, 30)])
    sheet.append(["示例社区03", "", 3, "中", datetime.datetime(2025, 4, 2)])  # nothing said: reported
    sheet.append(["示例社区07", "希望开个早餐店", 5, "低", "2025.4.3"])
    workbook.save(path)
    feedback = RecordingFeedback()
    layer = _run(
        processing,
        {
            "INPUT": str(path),
            "COMMUNITIES": COMMUNITIES,
            "TEXT_FIELD": "您最希望增加的服务",
            "COMMUNITY_FIELD": "社区名称",
            "WEIGHT_FIELD": "票数",
            "PRIORITY_FIELD": "优先级",
            "DATE_FIELD": "填写日期",
        },
        feedback,
    )
    rows = sorted((r["row"], r["community_id"], r["category"], r["weight"], r["priority"]) for r in _rows(layer))
    assert rows == [(2, "HD-C03", "fresh_market", 12.0, "urgent"), (4, "HD-C07", "breakfast", 5.0, "later")]
    assert "1 rows have neither text nor category and were skipped (rows 3)." in feedback.warnings


def test_hotline_work_orders_are_matched_to_communities_by_the_name_in_their_address(processing, tmp_path):
    path = tmp_path / "12345工单.csv"
    lines = [
        "受理时间,事发地址,工单内容",
        "2025-03-02 08:12:40,北京市海淀区示例社区05 6号楼西侧,反映小区周边没有菜市场，买菜难",
        "2025-03-02 10:01:05,海淀区示例社区11南门外,反映附近药店关门后买药不便",
        "2025-03-03 19:45:00,海淀区学院路甲1号,反映路边违章停车",
    ]
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    feedback = RecordingFeedback()
    layer = _run(
        processing,
        {"INPUT": str(path), "COMMUNITIES": COMMUNITIES, "TEXT_FIELD": "工单内容", "COMMUNITY_FIELD": "事发地址"},
        feedback,
    )
    rows = sorted((r["row"], r["community_id"], r["category"]) for r in _rows(layer))
    assert rows == [(2, "HD-C05", "fresh_market"), (3, "HD-C11", "pharmacy")]
    assert any("(rows 4)" in warning and "match no community" in warning for warning in feedback.warnings)
    assert "2 needs were placed by community name, 0 by their point." in feedback.infos


def test_reported_points_are_placed_inside_a_circle_or_at_the_nearest_community(processing):
    communities = QgsVectorLayer(COMMUNITIES, "c", "ogr")
    first = next(communities.getFeatures())
    centre = first.geometry().asPoint()
    circles = QgsVectorLayer("Polygon?crs=EPSG:4326&field=community_id:string", "circles", "memory")
    circle = QgsFeature(circles.fields())
    circle.setAttributes(["圈-A"])
    circle.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(121.5, 29.9)).buffer(0.01, 16))
    assert circles.dataProvider().addFeatures([circle])[0]
    points = QgsVectorLayer("Point?crs=EPSG:4326&field=内容:string", "reported", "memory")
    features = []
    for text, x, y in [
        ("这里缺个公共厕所", 121.5, 29.9),  # inside the circle
        ("希望有个便利店", centre.x() + 0.002, centre.y()),  # ~170 m from the first community
        ("这里需要一个药店", 100.0, 10.0),  # nowhere near anything
    ]:
        feature = QgsFeature(points.fields())
        feature.setAttributes([text])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    assert points.dataProvider().addFeatures(features)[0]
    feedback = RecordingFeedback()
    in_circles = _run(processing, {"INPUT": points, "COMMUNITIES": circles, "TEXT_FIELD": "内容"}, feedback)
    assert [(r["row"], r["community_id"], r["category"]) for r in _rows(in_circles)] == [(1, "圈-A", "public_toilet")]
    assert any("(rows 2, 3)" in warning for warning in feedback.warnings)
    feedback = RecordingFeedback()
    nearest = _run(processing, {"INPUT": points, "COMMUNITIES": communities, "TEXT_FIELD": "内容"}, feedback)
    placed = [(r["row"], r["community_id"], r["category"]) for r in _rows(nearest)]
    assert placed == [(2, first["community_id"], "convenience_store")]  # 1 is 1,000 km from every community
    assert all(not feature.geometry().isEmpty() for feature in nearest.getFeatures())
    assert any("(rows 1, 3)" in warning for warning in feedback.warnings)
    assert "0 needs were placed by community name, 1 by their point." in feedback.infos


@pytest.mark.parametrize(
    ("content", "parameters", "sentence"),
    [
        (
            "社区,内容\nHD-C01,\nHD-C02,  \n",
            {"TEXT_FIELD": "内容"},
            "has no needs rows with text; nothing was imported",
        ),
        ("社区,内容\n示例社区99,缺菜市场\n", {"TEXT_FIELD": "内容"}, "None of the rows of needs.csv could be placed"),
        (
            "社区,内容\nHD-C01,缺菜市场\n",
            {"TEXT_FIELD": "意见"},
            "needs.csv has no column “意见”; its columns are: 社区, 内容.",
        ),
        ("社区,内容\nHD-C01,缺菜市场\n", {}, "Choose the column holding the residents' text"),
    ],
)
def test_bad_inputs_get_a_sentence(processing, tmp_path, content, parameters, sentence):
    path = tmp_path / "needs.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=re.escape(sentence)):
        _run(processing, {"INPUT": str(path), "COMMUNITIES": COMMUNITIES, "COMMUNITY_FIELD": "社区", **parameters})


def test_mixed_dates_are_read_or_reported_by_row(processing, tmp_path):
    path = tmp_path / "dates.csv"
    dates = ["2025-03-01", "2025/3/1", "2025年3月1日", "45717", "3/1/25", "明天"]
    path.write_text("社区,内容,日期\n" + "".join(f"HD-C01,缺菜市场,{d}\n" for d in dates), encoding="utf-8")
    feedback = RecordingFeedback()
    layer = _run(
        processing,
        {"INPUT": str(path), "COMMUNITY_FIELD": "社区", "TEXT_FIELD": "内容", "DATE_FIELD": "日期"},
        feedback,
    )
    assert layer.featureCount() == 6  # a bad date is reported, the need kept
    assert "2 rows have a date that could not be read; it was left empty (rows 6, 7)." in feedback.warnings


def test_a_25_mb_file_without_text_gets_a_sentence(processing, tmp_path):
    path = tmp_path / "big.csv"
    row = "HD-C01,," + "备注" * 20 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("社区,内容,备注\n")
        handle.write(row * (25 * 1024 * 1024 // len(row.encode("utf-8")) + 1))
    assert path.stat().st_size >= 25 * 1024 * 1024
    with pytest.raises(QgsProcessingException, match=r"big\.csv has no needs rows with text"):
        _run(processing, {"INPUT": str(path), "COMMUNITY_FIELD": "社区", "TEXT_FIELD": "内容"})
