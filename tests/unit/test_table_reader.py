"""TableReader on real files written here: encodings, delimiters, XLSX, coordinate guessing and bad rows."""

from __future__ import annotations

import codecs
import tracemalloc
from pathlib import Path

import openpyxl
import pytest

from fifteen_min_plugin.core.facilities.table_reader import (
    GB18030,
    MAX_REPORTED,
    UTF8,
    BadRows,
    TableError,
    TableReader,
    coordinate_columns,
    point_batches,
    sniff_delimiter,
)

GBK_ROWS = [
    ["名称", "类型", "经度", "纬度", "地址"],
    ["物美便利店", "060200", "116.352", "40.003", "海淀区清华东路17号"],
    ["北京同仁堂大药房", "090601", "116.3561", "40.0012", "学院路"],
]


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    return "".join(delimiter.join(row) + "\r\n" for row in rows)


def _records(path: Path, **kwargs) -> list[tuple[int, list]]:
    with TableReader(path, **kwargs) as reader:
        return list(reader.records())


def _points(path: Path, lonlat: bool = True, **kwargs):
    bad = BadRows()
    with TableReader(path, **kwargs) as reader:
        columns = coordinate_columns(reader.columns)
        batches = list(point_batches(reader, columns, lonlat, bad, size=2))
    return batches, bad


def test_gbk_csv_with_chinese_headers_is_detected(tmp_path):
    path = _write(tmp_path / "pois.csv", _csv(GBK_ROWS), "gbk")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # the fixture really is not UTF-8
    with TableReader(path) as reader:
        assert reader.encoding == GB18030
        assert reader.delimiter == ","
        assert reader.columns == GBK_ROWS[0]
        columns = coordinate_columns(reader.columns)
        assert (columns.x, columns.y, columns.guessed_x, columns.guessed_y) == (2, 3, True, True)
        records = list(reader.records())
    assert records == [(2, GBK_ROWS[1]), (3, GBK_ROWS[2])]


def test_gbk_text_late_in_an_ascii_file_still_decides(tmp_path):
    ascii_rows = [["name", "lng", "lat"]] + [[f"p{i}", "116.3", "40.0"] for i in range(8000)]
    text = _csv([*ascii_rows, ["菜市场", "116.31", "40.01"]])
    path = _write(tmp_path / "late.csv", text, "gbk")
    records = _records(path)
    assert len(records) == 8001
    assert records[-1] == (8002, ["菜市场", "116.31", "40.01"])


def test_utf8_with_and_without_bom(tmp_path):
    text = _csv(GBK_ROWS)
    with_bom = _write(tmp_path / "bom.csv", text, "utf-8-sig")
    assert with_bom.read_bytes().startswith(codecs.BOM_UTF8)
    without = _write(tmp_path / "plain.csv", text, "utf-8")
    for path, codec in ((with_bom, "utf-8-sig"), (without, "utf-8")):
        with TableReader(path) as reader:
            assert reader.encoding == codec
            assert reader.columns[0] == "名称"  # no BOM character left in the first header
            assert list(reader.records())[1] == (3, GBK_ROWS[2])


def test_excel_unicode_text_utf16_tab_file(tmp_path):
    path = _write(tmp_path / "unicode.txt", _csv(GBK_ROWS, "\t"), "utf-16")
    with TableReader(path) as reader:
        assert (reader.encoding, reader.delimiter) == ("utf-16", "\t")
        assert next(iter(reader.records())) == (2, GBK_ROWS[1])


def test_manual_encoding_override(tmp_path):
    path = _write(tmp_path / "pois.csv", _csv(GBK_ROWS), "gbk")
    with pytest.raises(TableError, match="not valid UTF-8 text \\(line 1\\)"):
        TableReader(path, UTF8)
    assert _records(path, encoding=GB18030)[0][1] == GBK_ROWS[1]


def test_neither_utf8_nor_gbk_is_refused(tmp_path):
    path = tmp_path / "binary.csv"
    path.write_bytes(b"name,lng,lat\n\xff\xfe\x80\x80,1,2\n")
    with pytest.raises(TableError, match="neither UTF-8 nor GBK/GB18030"):
        TableReader(path)


def test_amap_single_location_column_utf8_bom(tmp_path):
    text = _csv(
        [
            ["id", "name", "type", "typecode", "location"],
            ["B000A7BD6C", "物美超市(清华东路店)", "购物服务;超市", "060400", '"116.352,40.003"'],
            ["B0FFG1NXYZ", "快递驿站", "生活服务;物流速递", "070500", '"116.3571, 40.0049"'],
        ]
    )
    path = _write(tmp_path / "amap.csv", text, "utf-8-sig")
    with TableReader(path) as reader:
        columns = coordinate_columns(reader.columns)
        assert columns.combined
        assert reader.columns[columns.x] == "location"
    batches, bad = _points(path)
    assert bad.count == 0
    assert batches[0].x.tolist() == [116.352, 116.3571]
    assert batches[0].y.tolist() == [40.003, 40.0049]
    assert batches[0].attributes[0][3] == "060400"  # a type code keeps its leading zero


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["name", "lng", "lat"], (1, 2)),
        (["名称", "坐标X", "坐标Y"], (1, 2)),
        (["Longitude (GCJ02)", "Latitude (GCJ02)", "name"], (0, 1)),
        (["经度（高德）", "纬度（高德）"], (0, 1)),
        (["gcj_lng", "gcj_lat"], (0, 1)),
        (["名称", "经纬度", "纬度"], (1, None)),  # a lone 纬度 does not pair with the combined column
        (["名称", "经纬度"], (1, None)),
        (["名称", "lng,lat"], (1, None)),
    ],
)
def test_coordinate_columns_are_guessed_from_names(columns, expected):
    guessed = coordinate_columns(columns)
    assert (guessed.x, guessed.y) == expected
    assert guessed.guessed_x


def test_named_coordinate_columns():
    columns = ["名称", "E", "N", "位置"]
    chosen = coordinate_columns(columns, "e", "N")
    assert (chosen.x, chosen.y, chosen.guessed_x, chosen.guessed_y) == (1, 2, False, False)
    assert coordinate_columns(columns, "位置").combined  # one name and no guessable partner
    assert coordinate_columns(columns, "位置", "位置").combined
    with pytest.raises(TableError, match="The column Z is not in the file; its columns are: 名称, E, N, 位置"):
        coordinate_columns(columns, "Z", "N")


def test_unrecognisable_coordinates_list_the_columns():
    with pytest.raises(TableError, match="among: 名称, 类型, 地址"):
        coordinate_columns(["名称", "类型", "地址"])
    with pytest.raises(TableError, match="Only one column was found"):
        coordinate_columns(["名称 经度 纬度"])


@pytest.mark.parametrize("delimiter", [",", "\t", ";", "|"])
def test_delimiters_are_sniffed(tmp_path, delimiter):
    rows = [["名称", "经度", "纬度", "备注"], ["a", "116.3", "40.0", ""], ["b", "116.4", "40.1", "x"]]
    path = _write(tmp_path / "t.txt", _csv(rows, delimiter), "utf-8")
    with TableReader(path) as reader:
        assert reader.delimiter == delimiter
        assert list(reader.records()) == [(2, rows[1]), (3, rows[2])]


def test_tab_file_with_commas_inside_a_location_column():
    sample = "名称\t经纬度\n甲\t116.352,40.003\n乙\t116.353,40.004\n"
    assert sniff_delimiter(sample) == "\t"


def test_row_numbers_are_spreadsheet_rows(tmp_path):
    text = '名称,经度,纬度\n"two\nlines",116.3,40.0\n\n,,\nc,116.4,40.1\n'
    path = _write(tmp_path / "rows.csv", text, "utf-8")
    assert [number for number, _ in _records(path)] == [2, 5]


def test_short_rows_are_padded_and_long_rows_counted(tmp_path):
    path = _write(tmp_path / "ragged.csv", "名称,经度,纬度\na,116.3\nb,116.3,40.0,extra\nc,116.3,40.0,,\n", "utf-8")
    with TableReader(path) as reader:
        records = list(reader.records())
        assert records == [(2, ["a", "116.3", ""]), (3, ["b", "116.3", "40.0"]), (4, ["c", "116.3", "40.0"])]
        assert (reader.long_rows.count, reader.long_rows.first[0][0]) == (1, 3)


def test_runaway_quote_is_reported_by_row(tmp_path):
    rows = "".join(f"p{i},116.3,40.0\n" for i in range(9000))
    path = _write(tmp_path / "quote.csv", f'名称,经度,纬度\nok,116.3,40.0\n"unclosed,116.3,40.0\n{rows}', "utf-8")
    with TableReader(path) as reader, pytest.raises(TableError, match=r"Row 3 of quote\.csv cannot be read as CSV"):
        list(reader.records())


def test_bad_rows_are_reported_by_row_number(tmp_path):
    rows = [["名称", "经度", "纬度"]]
    for i in range(30):
        if i % 5 == 0:
            rows.append([f"ok{i}", "116.3", "40.0"])
        elif i % 5 == 1:
            rows.append([f"empty{i}", "", "40.0"])
        elif i % 5 == 2:
            rows.append([f"text{i}", "东经116度", "40.0"])
        elif i % 5 == 3:
            rows.append([f"swapped{i}", "40.0", "116.3"])
        else:
            rows.append([f"nan{i}", "nan", "inf"])
    path = _write(tmp_path / "bad.csv", _csv(rows), "gbk")
    batches, bad = _points(path)
    assert sum(len(batch.rows) for batch in batches) == 6
    assert bad.count == 24
    assert len(bad.first) == MAX_REPORTED
    assert [row for row, _ in bad.first[:4]] == [3, 4, 5, 6]
    reasons = [reason for _, reason in bad.first[:4]]
    assert reasons[0] == "经度 is empty"
    assert reasons[1] == "经度 “东经116度” is not a number"
    assert "swapped" in reasons[2]
    assert "not a number" in reasons[3]
    valid_rows = [row for batch in batches for row in batch.rows]
    assert valid_rows == [2, 7, 12, 17, 22, 27]


def test_projected_coordinates_skip_the_lonlat_range(tmp_path):
    path = _write(tmp_path / "gk.csv", "名称,X,Y\na,442000.5,4428000.25\n", "utf-8")
    batches, bad = _points(path, lonlat=False)
    assert bad.count == 0
    assert (batches[0].x.tolist(), batches[0].y.tolist()) == ([442000.5], [4428000.25])


def test_xlsx_first_and_named_sheet(tmp_path):
    path = tmp_path / "pois.xlsx"
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "POI"
    first.append(["名称", "编码", "经度", "纬度"])
    first.append(["社区卫生服务站", "010203", 116.35, 40.002])
    first.append([None, None, None, None])
    first.append(["幼儿园", 7, 116.351, "40.004"])
    second = workbook.create_sheet("备用")
    second.append(["name", "x", "y"])
    second.append(["b", 116.2, 39.9])
    workbook.save(path)
    with TableReader(path, sheet="") as reader:
        assert reader.sheet == "POI"
        assert reader.encoding == ""
        records = list(reader.records())
    assert [number for number, _ in records] == [2, 4]
    batches, bad = _points(path)
    assert bad.count == 0
    assert batches[0].attributes == [
        ["社区卫生服务站", "010203", "116.35", "40.002"],
        ["幼儿园", "7", "116.351", "40.004"],
    ]
    assert batches[0].y.tolist() == [40.002, 40.004]
    batches, _ = _points(path, sheet="备用")
    assert batches[0].x.tolist() == [116.2]
    with pytest.raises(TableError, match="no sheet named 其他; its sheets are: POI, 备用"):
        TableReader(path, sheet="其他")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\r\n \r\n", "is empty"),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", "not a valid Excel workbook"),
        ("text.xlsx", "名称,经度,纬度\n".encode(), "not a valid Excel workbook"),
        ("old.xls", b"\xd0\xcf\x11\xe0", "Old Excel .xls files cannot be read"),
    ],
)
def test_malformed_files_raise_their_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        TableReader(path)


def test_missing_file(tmp_path):
    with pytest.raises(TableError, match="does not exist"):
        TableReader(tmp_path / "nope.csv")


def _peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        with TableReader(path) as reader:
            count = sum(1 for _ in reader.records())
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_records_stream_so_memory_does_not_grow_with_the_file(tmp_path):
    peaks = []
    for rows in (25000, 100000):
        table = [["名称", "类型", "经度", "纬度"]] + [[f"便利店{i}", "060200", "116.3", "40.0"] for i in range(rows)]
        path = _write(tmp_path / f"{rows}.csv", _csv(table), "gbk")
        count, peak = _peak_while_reading(path)
        assert count == rows
        peaks.append(peak)
    assert path.stat().st_size > 3_000_000
    assert peaks[1] < peaks[0] * 1.2  # four times the rows, the same working memory
    assert peaks[1] < path.stat().st_size / 2
