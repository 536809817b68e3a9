"""The sample survey spreadsheet is GBK, GCJ-02, reproducible, and lies on the sample area once converted."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

from fifteen_min_plugin.core.facilities.chinacoords import gcj02_to_wgs84

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from make_sample_spreadsheet import OUTPUT, build  # noqa: E402


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("gbk"))))


def test_committed_file_is_gbk_not_utf8():
    raw = OUTPUT.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert list(_rows(OUTPUT)[0]) == ["名称", "类型", "地址", "经度", "纬度", "数据说明"]


def test_rebuild_gives_the_same_bytes(tmp_path, qgis_app):
    assert build(tmp_path / "survey.csv") == len(_rows(OUTPUT))
    assert (tmp_path / "survey.csv").read_bytes() == OUTPUT.read_bytes()


def test_converted_points_fall_in_the_sample_area_and_bad_rows_are_there():
    rows = _rows(OUTPUT)
    good = [r for r in rows if r["经度"] and r["纬度"] and r["经度"][0].isdigit()]
    assert len(rows) - len(good) == 2
    lon, lat = gcj02_to_wgs84([float(r["经度"]) for r in good], [float(r["纬度"]) for r in good])
    assert ((lon > 116.344) & (lon < 116.360) & (lat > 39.998) & (lat < 40.009)).all()
    # GCJ-02 is hundreds of metres off WGS84 here: the raw numbers are NOT in the area
    assert not ((116.340 < float(good[0]["经度"]) < 116.3455) and (39.995 < float(good[0]["纬度"]) < 40.0))
    assert all(r["数据说明"].startswith("合成示例") for r in rows)
