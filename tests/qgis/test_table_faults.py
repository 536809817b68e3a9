"""fifteenmin:importtable on damaged files: a cut-off or damaged workbook, a GBK export with a few bad rows."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.qgis.recording import RecordingFeedback

ROWS = [(f"店{number:03d}", 116.30 + number * 1e-4, 40.0 + number * 1e-4) for number in range(600)]


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["名称", "经度", "纬度"])
    for row in ROWS:
        sheet.append(list(row))
    book.save(path)
    return path


def _run(processing, path: Path, output: Path, feedback=None):
    return processing.run(
        "fifteenmin:importtable",
        {"INPUT": str(path), "COORD_SYSTEM": 0, "OUTPUT": str(output)},
        feedback=feedback or RecordingFeedback(),
    )


def test_a_cut_off_workbook_is_refused_and_nothing_is_written(processing, tmp_path):
    path = _workbook(tmp_path / "survey.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    output = tmp_path / "out.gpkg"
    with pytest.raises(
        QgsProcessingException, match=re.escape("survey.xlsx is not a valid Excel workbook: it is cut off")
    ):
        _run(processing, path, output)
    assert not output.exists()


def test_a_workbook_with_a_damaged_sheet_is_refused_and_nothing_is_written(processing, tmp_path):
    path = _workbook(tmp_path / "survey.xlsx")
    with zipfile.ZipFile(path) as archive:
        part = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    # near the end of the sheet's compressed data: openpyxl opens the workbook and fails only mid-rows
    at = part.header_offset + 30 + len(part.filename) + part.compress_size - 200
    data[at] ^= 0xFF
    data[at + 1] ^= 0xFF
    path.write_bytes(bytes(data))
    output = tmp_path / "out.gpkg"
    with pytest.raises(
        QgsProcessingException, match=re.escape("survey.xlsx is damaged: its part xl/worksheets/sheet1.xml")
    ):
        _run(processing, path, output)
    assert not output.exists()


def test_a_mostly_valid_gbk_file_imports_and_names_its_bad_rows(processing, tmp_path):
    lines = ["名称,经度,纬度".encode("gbk")]
    lines += [f"{name},{lon:.4f},{lat:.4f}".encode("gbk") for name, lon, lat in ROWS]
    damaged = {41, 302}  # spreadsheet rows (header = row 1): a byte that is no GBK character ends the name
    for row in damaged:
        lines[row - 1] = lines[row - 1].replace(b",", b"\x80\xff,", 1)
    path = tmp_path / "survey.csv"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    feedback = RecordingFeedback()
    result = _run(processing, path, tmp_path / "out.gpkg", feedback)

    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    names = sorted(feature["名称"] for feature in layer.getFeatures())
    expected = sorted(name for number, (name, _, _) in enumerate(ROWS, start=2) if number not in damaged)
    assert names == expected
    told = [text for text in feedback.warnings if "not valid GBK/GB18030" in text]
    assert told == [
        "2 rows were skipped because their text is not valid GBK/GB18030 (rows 41, 302); the other rows were imported."
    ]


def test_a_file_mostly_in_another_encoding_is_still_refused(processing, tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes("名称,经度,纬度\r\n".encode("gbk") + b"".join(b"\xff\xfe%d,116.3,40.0\r\n" % n for n in range(50)))
    with pytest.raises(QgsProcessingException, match="neither UTF-8 nor GBK/GB18030"):
        _run(processing, path, tmp_path / "out.gpkg")
