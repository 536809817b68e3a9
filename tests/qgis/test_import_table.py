"""fifteenmin:importtable on real GBK/UTF-8-BOM/TSV/XLSX files written here, checked against independent oracles."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import openpyxl
import pyproj
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.facilities import chinacoords
from tests.qgis.recording import RecordingFeedback

COORDS = {"WGS84": 0, "GCJ-02": 1, "BD-09": 2, "Other": 3}
GCJ_ROWS = [
    ("物美便利店(清华东路店)", "060200", 116.352, 40.003, "海淀区清华东路17号"),
    ("同仁堂大药房", "090601", 116.3561, 40.0012, "海淀区学院路"),
    ("快递驿站", "070500", 116.3478, 40.0071, "中国农业大学东校区"),
]


def _csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    path.write_bytes("".join(delimiter.join(row) + "\r\n" for row in rows).encode(encoding))
    return path


def _gbk_csv(path: Path) -> Path:
    rows = [["名称", "类型", "经度", "纬度", "地址"]]
    rows += [[name, code, str(lon), str(lat), address] for name, code, lon, lat, address in GCJ_ROWS]
    return _csv(path, rows, "gbk")


def _run(processing, path: Path, output: Path, feedback: QgsProcessingFeedback | None = None, **extra):
    parameters = {"INPUT": str(path), "COORD_SYSTEM": COORDS["GCJ-02"], "OUTPUT": str(output), **extra}
    return processing.run("fifteenmin:importtable", parameters, feedback=feedback or RecordingFeedback())


def _layer(path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    return layer


def _metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    distance = QgsDistanceArea()
    assert distance.setEllipsoid("EPSG:7030")
    return distance.measureLine(QgsPointXY(lon1, lat1), QgsPointXY(lon2, lat2))


def test_gbk_gcj02_csv_becomes_exact_wgs84_points(processing, tmp_path):
    feedback = RecordingFeedback()
    output = tmp_path / "facilities.gpkg"
    result = _run(processing, _gbk_csv(tmp_path / "amap_gbk.csv"), output, feedback)
    layer = _layer(Path(result["OUTPUT"]))
    assert layer.crs().authid() == "EPSG:4326"
    assert [f.name() for f in layer.fields()][1:] == [
        *("名称", "类型", "经度", "纬度", "地址", "coord_src", "coord_conv"),
        *("category", "category_class", "category_zh", "matched_by"),
    ]
    categories = {f["名称"]: (f["category"], f["matched_by"]) for f in layer.getFeatures()}
    assert categories == {
        "物美便利店(清华东路店)": ("convenience_store", "amap:0602xx"),  # the rules match Amap code prefixes
        "同仁堂大药房": ("pharmacy", "amap:090601"),
        "快递驿站": ("post_express", "amap:0705xx"),
    }
    assert all(layer.fields().field(name).typeName().lower() in ("string", "text") for name in ("类型", "经度"))
    features = sorted(layer.getFeatures(), key=lambda f: f["名称"])
    expected = sorted(GCJ_ROWS)
    gcj_lon = np.array([row[2] for row in expected])
    gcj_lat = np.array([row[3] for row in expected])
    oracle_lon, oracle_lat = chinacoords.gcj02_to_wgs84(gcj_lon, gcj_lat)
    for i, (feature, row) in enumerate(zip(features, expected)):
        assert feature["名称"] == row[0]
        assert feature["类型"] == row[1]  # leading zero kept
        assert feature["地址"] == row[4]
        assert feature["coord_src"] == "GCJ-02"
        assert feature["coord_conv"] == "GCJ-02→WGS84 (exact inverse)"
        point = feature.geometry().asPoint()
        assert point.x() == pytest.approx(oracle_lon[i], abs=1e-9)
        assert point.y() == pytest.approx(oracle_lat[i], abs=1e-9)
        assert 100 < _metres(point.x(), point.y(), row[2], row[3]) < 1000  # the GCJ-02 offset really was removed
        back_lon, back_lat = chinacoords.wgs84_to_gcj02(point.x(), point.y())
        assert _metres(back_lon, back_lat, row[2], row[3]) < 0.5
    assert "Reading GBK/GB18030 text delimited by “,”." in feedback.infos
    assert "Guessed from the column names: 经度, 纬度." in feedback.infos
    assert not feedback.warnings
    history = _layer(output).metadata().history()
    assert any("GCJ-02→WGS84 (exact inverse)" in item and "amap_gbk.csv" in item for item in history)


def test_amap_location_column_in_utf8_bom_bd09_and_wgs84(processing, tmp_path):
    rows = [["id", "name", "typecode", "location"]]
    rows += [[f"B{i:03d}", name, code, f'"{lon},{lat}"'] for i, (name, code, lon, lat, _) in enumerate(GCJ_ROWS)]
    path = _csv(tmp_path / "amap.csv", rows, "utf-8-sig")
    for label in ("BD-09", "WGS84"):
        feedback = RecordingFeedback()
        output = tmp_path / f"{label}.gpkg"
        _run(processing, path, output, feedback, COORD_SYSTEM=COORDS[label])
        features = sorted(_layer(output).getFeatures(), key=lambda f: f["id"])
        lon, lat = chinacoords.convert(
            [row[2] for row in GCJ_ROWS], [row[3] for row in GCJ_ROWS], label.replace("-", ""), "WGS84"
        )
        got = np.array([(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in features])
        np.testing.assert_allclose(got, np.column_stack([lon, lat]), atol=1e-9)
        assert features[0]["location"] == "116.352,40.003"
        assert features[0]["coord_src"] == label
        assert "Coordinates: column location holds “longitude,latitude” (guessed)." in feedback.infos
    assert features[0]["coord_conv"] == "none (already WGS84)"
    assert got[0].tolist() == [116.352, 40.003]


def test_tab_separated_txt_with_chosen_fields(processing, tmp_path):
    rows = [
        ["编号", "E", "N", "lng", "lat"],
        ["0001", "116.31", "39.99", "0", "0"],
        ["0002", "116.32", "39.98", "0", "0"],
    ]
    path = _csv(tmp_path / "list.txt", rows, "utf-8", "\t")
    feedback = RecordingFeedback()
    output = tmp_path / "tab.gpkg"
    _run(processing, path, output, feedback, COORD_SYSTEM=COORDS["WGS84"], X_FIELD="E", Y_FIELD="N")
    features = sorted(_layer(output).getFeatures(), key=lambda f: f["编号"])
    assert [f["编号"] for f in features] == ["0001", "0002"]
    assert [f.geometry().asPoint().x() for f in features] == [116.31, 116.32]
    assert "Reading UTF-8 text delimited by “tab”." in feedback.infos
    assert not any("Guessed" in info for info in feedback.infos)


def test_xlsx_workbook(processing, tmp_path):
    path = tmp_path / "pois.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["名称", "社区代码", "经度", "纬度"])
    for name, _, lon, lat, _ in GCJ_ROWS:
        sheet.append([name, "0108", lon, lat])
    other = workbook.create_sheet("百度")
    other.append(["name", "location"])
    other.append(["甲", "116.3625,40.0092"])
    workbook.save(path)
    output = tmp_path / "xlsx.gpkg"
    _run(processing, path, output)
    features = list(_layer(output).getFeatures())
    assert len(features) == 3
    assert {f["社区代码"] for f in features} == {"0108"}
    assert {f["经度"] for f in features} == {str(row[2]) for row in GCJ_ROWS}
    feedback = RecordingFeedback()
    named = tmp_path / "sheet.gpkg"
    _run(processing, path, named, feedback, SHEET="百度", COORD_SYSTEM=COORDS["BD-09"])
    (feature,) = _layer(named).getFeatures()
    lon, lat = chinacoords.bd09_to_wgs84(116.3625, 40.0092)
    assert feature.geometry().asPoint().x() == pytest.approx(lon, abs=1e-9)
    assert feature.geometry().asPoint().y() == pytest.approx(lat, abs=1e-9)
    assert "Reading sheet 百度." in feedback.infos


def test_other_crs_cgcs2000_gauss_kruger_matches_pyproj(processing, tmp_path):
    to_gk = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:4547", always_xy=True)
    lonlat = [(116.352, 40.003), (113.5, 23.1), (114.3, 30.6)]
    rows = [["名称", "X坐标", "Y坐标"]]
    for i, (lon, lat) in enumerate(lonlat):
        x, y = to_gk.transform(lon, lat)
        rows.append([f"p{i}", f"{x:.3f}", f"{y:.3f}"])
    output = tmp_path / "gk.gpkg"
    feedback = RecordingFeedback()
    _run(
        processing,
        _csv(tmp_path / "gk.csv", rows, "gbk"),
        output,
        feedback,
        COORD_SYSTEM=COORDS["Other"],
        SOURCE_CRS=QgsCoordinateReferenceSystem("EPSG:4547"),
    )
    back = pyproj.Transformer.from_crs("EPSG:4547", "EPSG:4326", always_xy=True)
    features = sorted(_layer(output).getFeatures(), key=lambda f: f["名称"])
    for feature, row in zip(features, rows[1:]):
        oracle = back.transform(float(row[1]), float(row[2]))
        point = feature.geometry().asPoint()
        assert _metres(point.x(), point.y(), *oracle) < 0.01
        assert feature["coord_src"] == "EPSG:4547"
        assert feature["coord_conv"] == "EPSG:4547→EPSG:4326 (QGIS transform)"


def test_other_without_source_crs_is_refused(processing, tmp_path):
    output = tmp_path / "none.gpkg"
    with pytest.raises(QgsProcessingException):
        _run(processing, _gbk_csv(tmp_path / "a.csv"), output, COORD_SYSTEM=COORDS["Other"])
    assert not output.exists()


def test_bad_rows_are_skipped_and_reported(processing, tmp_path):
    rows = [["名称", "经度", "纬度"]]
    bad_rows = []
    for i in range(40):
        if i % 8 == 0:
            rows.append([f"ok{i}", "116.35", "40.0"])
        else:
            rows.append([f"bad{i}", ["", "abc", "NaN", "200", "40.0"][i % 5], "116.3" if i % 5 == 4 else "40.0"])
            bad_rows.append(i + 2)
    feedback = RecordingFeedback()
    output = tmp_path / "bad.gpkg"
    _run(processing, _csv(tmp_path / "bad.csv", rows, "gbk"), output, feedback)
    assert _layer(output).featureCount() == 40 - len(bad_rows) == 5
    assert feedback.warnings[0] == (
        f"5 rows imported, {len(bad_rows)} skipped because of their coordinates "
        f"(rows {', '.join(map(str, bad_rows[:10]))}, …)."
    )
    listed = [int(warning.split(":")[0].removeprefix("Row ")) for warning in feedback.warnings[1:21]]
    assert listed == bad_rows[:20]
    assert feedback.warnings[21] == f"… and {len(bad_rows) - 20} more rows."
    assert "Row 3: 经度 “abc” is not a number." in feedback.warnings
    assert "Row 6: latitude 116.3 is out of range (are X and Y swapped?)." in feedback.warnings
    assert not any(warning.startswith("Row 2:") for warning in feedback.warnings)


def _malformed_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    semicolons = tmp_path / "colon.csv"
    semicolons.write_bytes("名称:经度:纬度\r\n甲:116.3:40.0\r\n".encode("gbk"))
    return {
        "empty": (_csv(tmp_path / "empty.csv", [], "utf-8"), "empty.csv is empty"),
        "header only": (_csv(tmp_path / "header.csv", [["名称", "经度", "纬度"]], "gbk"), "header row but no data"),
        "wrong delimiter": (semicolons, "Only one column was found \\(名称:经度:纬度\\)"),
        "missing columns": (
            _csv(tmp_path / "nocoords.csv", [["名称", "类型", "地址"], ["甲", "超市", "海淀"]], "gbk"),
            "No coordinate columns could be recognised among: 名称, 类型, 地址",
        ),
        "text in coordinates": (
            _csv(tmp_path / "text.csv", [["名称", "经度", "纬度"], ["甲", "东经116度", "北纬40度"]], "gbk"),
            "None of the 1 rows of text.csv has usable coordinates "
            "\\(first: row 2, 经度 “东经116度” is not a number\\)",
        ),
        "invalid workbook": (_csv(tmp_path / "fake.xlsx", [["名称", "经度"]], "utf-8"), "not a valid Excel workbook"),
    }


@pytest.mark.parametrize(
    "case", ["empty", "header only", "wrong delimiter", "missing columns", "text in coordinates", "invalid workbook"]
)
def test_malformed_files_raise_and_write_nothing(processing, tmp_path, case):
    path, message = _malformed_files(tmp_path)[case]
    output = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        _run(processing, path, output)
    assert not output.exists()


def test_wrong_manual_encoding_is_refused(processing, tmp_path):
    output = tmp_path / "utf8.gpkg"
    with pytest.raises(QgsProcessingException, match="not valid UTF-8 text \\(line 1\\)"):
        _run(processing, _gbk_csv(tmp_path / "gbk.csv"), output, ENCODING=1)
    assert not output.exists()
    _run(processing, _gbk_csv(tmp_path / "gbk.csv"), output, ENCODING=2)
    assert _layer(output).featureCount() == len(GCJ_ROWS)


def test_bad_coordinates_never_become_nan_geometry(processing, tmp_path):
    rows = [["名称", "经度", "纬度"], ["甲", "116.35", "40.0"], ["乙", "inf", "40.0"]]
    output = tmp_path / "inf.gpkg"
    _run(processing, _csv(tmp_path / "inf.csv", rows, "utf-8"), output)
    points = [f.geometry().asPoint() for f in _layer(output).getFeatures()]
    assert len(points) == 1
    assert math.isfinite(points[0].x())
