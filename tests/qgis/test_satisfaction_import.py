"""fifteenmin:importsatisfaction into a real workspace GeoPackage, and coverage's satisfaction against 90%."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.values import is_null
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis.recording import RecordingFeedback

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
COMMUNITIES = f"{SAMPLE}|layername=communities"
HEADER = ["社区", "满意度得分", "满意率", "样本量", "调查日期"]
#: row 2.. as the spreadsheet shows them; the comment says what the import must do with each
ROWS = [
    ["示例社区01", "88", "86%", "120", "2025/6/30"],  # name → HD-C01, percentage share
    ["HD-C02", "", "0.93", "80", "2025年6月28日"],  # id, share only
    ["示例社区03", "72.5", "", "", "2025-06-01"],  # score only, no sample size
    ["HD-C01", "90", "0.95", "40", "2024-12-01"],  # an older survey of HD-C01: not the latest
    ["示例社区04", "", "1.5", "50", "2025-06-30"],  # share above 1: skipped
    ["示例社区05", "abc", "", "30", "2025-06-30"],  # score not a number: skipped
    ["示例社区06", "", "", "30", "2025-06-30"],  # neither score nor share: skipped
    ["不存在的社区", "80", "", "30", "2025-06-30"],  # no such community: skipped
    ["示例社区07", "91", "0.9", "12.5", "2025-06-30"],  # sample size not whole: skipped
    ["示例社区08", "85", "0.88", "60", "下个月"],  # date unreadable: kept, date empty
]


def write_csv(path: Path, encoding: str) -> Path:
    path.write_bytes("\n".join(",".join(row) for row in [HEADER, *ROWS]).encode(encoding) + b"\n")
    return path


def run(processing, source: Path, workspace: Path | None = None, feedback=None, **extra):
    parameters = {
        "INPUT": str(source),
        "COMMUNITY_FIELD": "社区",
        "SCORE_FIELD": "满意度得分",
        "SHARE_FIELD": "满意率",
        "SAMPLE_FIELD": "样本量",
        "DATE_FIELD": "调查日期",
        "COMMUNITIES": COMMUNITIES,
        "OUTPUT": "memory:",
        **extra,
    }
    if workspace is not None:
        parameters["WORKSPACE"] = str(workspace)
    return processing.run("fifteenmin:importsatisfaction", parameters, feedback=feedback)


def stored(path: Path) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT community_id, score, share_satisfied, sample_size, date, source FROM satisfaction ORDER BY rowid"
        ).fetchall()
    finally:
        connection.close()


EXPECTED = [
    ("HD-C01", 88.0, 0.86, 120, "2025-06-30"),
    ("HD-C02", None, 0.93, 80, "2025-06-28"),
    ("HD-C03", 72.5, None, None, "2025-06-01"),
    ("HD-C01", 90.0, 0.95, 40, "2024-12-01"),
    ("HD-C08", 85.0, 0.88, 60, None),
]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_a_survey_table_goes_into_the_workspace_with_row_numbered_problems(processing, tmp_path, encoding):
    workspace = Workspace.create(tmp_path / "ws.gpkg").path
    log = RecordingFeedback()
    source = write_csv(tmp_path / f"survey_{encoding}.csv", encoding)
    result = run(processing, source, workspace, log)
    rows = stored(workspace)
    assert [row[:5] for row in rows] == EXPECTED
    assert {row[5] for row in rows} == {source.name}
    assert [tuple(f.attributes()[:1]) for f in result["OUTPUT"].getFeatures()] == [(row[0],) for row in EXPECTED]
    text = "\n".join(log.warnings)
    assert "1 rows have neither a score nor a share and were skipped (rows 8)" in text
    assert "1 rows name no known community and were skipped (rows 9)" in text
    assert "3 rows have a score, share or sample size that cannot be used and were skipped (rows 6, 7, 10)" in text
    assert "Row 6: the share satisfied “1.5” is not between 0 and 1" in text
    assert "Row 7: the score “abc” is not a number from 0 to 100." in text
    assert "Row 10: the sample size “12.5” is not a whole number of respondents." in text
    assert "(rows 11)" in text and "Row 11: the date “下个月”" in text


def test_an_excel_workbook_is_read_too(processing, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(["示例社区09", 93, 0.91, 200, "2025-05-20"])
    workbook.save(tmp_path / "survey.xlsx")
    workspace = Workspace.create(tmp_path / "ws.gpkg").path
    run(processing, tmp_path / "survey.xlsx", workspace)
    assert stored(workspace) == [("HD-C09", 93.0, 0.91, 200, "2025-05-20", "survey.xlsx")]


def test_a_failed_write_leaves_the_workspace_table_untouched(processing, tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg").path
    run(processing, write_csv(tmp_path / "first.csv", "gbk"), workspace)
    before = stored(workspace)
    connection = sqlite3.connect(workspace)
    try:  # a store that refuses one row of the batch (as a constraint of a bureau's own would)
        connection.execute(
            "CREATE TRIGGER refuse_c03 BEFORE INSERT ON satisfaction WHEN NEW.community_id = 'HD-C03' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(QgsProcessingException, match="satisfaction table is unchanged"):
        run(processing, write_csv(tmp_path / "second.csv", "gbk"), workspace)
    assert stored(workspace) == before


def test_bad_inputs_get_sentences(processing, tmp_path):
    source = write_csv(tmp_path / "survey.csv", "utf-8")
    with pytest.raises(QgsProcessingException, match=r"score \(0–100\) or of the share satisfied"):
        run(processing, source, SCORE_FIELD="", SHARE_FIELD="")
    with pytest.raises(QgsProcessingException, match="Choose the column holding the community"):
        run(processing, source, COMMUNITY_FIELD="")
    with pytest.raises(QgsProcessingException, match="has no column “满意率2”"):
        run(processing, source, SHARE_FIELD="满意率2")
    empty = tmp_path / "empty.csv"
    empty.write_text("社区,满意率\n示例社区01,\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no survey row that could be used; nothing was imported"):
        run(processing, empty, SCORE_FIELD="", SAMPLE_FIELD="", DATE_FIELD="")
    with pytest.raises(QgsProcessingException):
        run(processing, source, tmp_path / "missing.gpkg")


def test_coverage_shows_the_latest_share_against_the_90_percent_target(processing, tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg").path
    run(processing, write_csv(tmp_path / "survey.csv", "gbk"), workspace)
    # a second survey of HD-C02 on the same day: the two are weighted by sample size
    extra = tmp_path / "more.csv"
    extra.write_text("社区,满意率,样本量,调查日期\nHD-C02,0.83,20,2025-06-28\n", encoding="utf-8")
    run(processing, extra, workspace, SCORE_FIELD="")
    circles = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": COMMUNITIES, "ORIGIN_ID_FIELD": "community_id", "RADII_M": "500", "MINUTES": "10",
         "OUTPUT": str(tmp_path / "circles.gpkg")},
    )["OUTPUT"]  # fmt: skip
    satisfaction = QgsVectorLayer(f"{workspace}|layername=satisfaction", "satisfaction", "ogr")
    rows = processing.run(
        "fifteenmin:coverage",
        {
            "CIRCLES": circles,
            "FACILITIES": f"{SAMPLE}|layername=haidian_pois",
            "CATEGORY_FIELD": "amenity",
            "SATISFACTION": satisfaction,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"].getFeatures()
    found = {row["community_id"]: (row["satisfaction"], row["satisfaction_ok"]) for row in rows}
    # oracle by hand: HD-C01's latest (2025-06-30) is 86%; HD-C02 (0.93×80 + 0.83×20)/100; HD-C03 72.5/100;
    # HD-C08's survey has no date and counts as the only one
    assert found["HD-C01"] == (pytest.approx(0.86), 0)
    assert found["HD-C02"] == (pytest.approx((0.93 * 80 + 0.83 * 20) / 100), 1)
    assert found["HD-C03"] == (pytest.approx(0.725), 0)
    assert found["HD-C08"] == (pytest.approx(0.88), 0)
    assert all(is_null(found[c][0]) and is_null(found[c][1]) for c in ("HD-C04", "HD-C10"))


def test_a_cancelled_import_writes_nothing(processing, tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg").path
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    result = run(processing, write_csv(tmp_path / "survey.csv", "gbk"), workspace, feedback)
    assert "OUTPUT" not in result or not result["OUTPUT"]
    assert stored(workspace) == []
