"""The plugin's CSV tables are read one way: UTF-8 with or without BOM, columns checked, line numbers kept."""

from __future__ import annotations

import os

import pytest

from fifteen_min_plugin.core.csv_tables import read_csv_table
from fifteen_min_plugin.core.errors import FifteenMinError


def test_rows_keep_their_line_numbers_and_lose_surrounding_spaces(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("\ufeff code , name ,note\nshop, 商店 ,\n\n,,\npark,公园,x,extra\n".encode())
    rows = read_csv_table(path, ("code", "name"))
    assert rows == [
        (2, {"code": "shop", "name": "商店", "note": ""}),
        (5, {"code": "park", "name": "公园", "note": "x"}),
    ]


def test_a_missing_column_is_named_with_the_file(tmp_path):
    path = tmp_path / "levels.csv"
    path.write_text("level_min,codes\n5,shop\n", encoding="utf-8")
    with pytest.raises(FifteenMinError) as raised:
        read_csv_table(path, ("level_min", "codes", "source", "requirement_zh"), "level requirements table")
    assert raised.value.message == f"The level requirements table {path} lacks the column(s) source, requirement_zh."


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FifteenMinError, match=r"^The table .*nothing\.csv does not exist\.$"):
        read_csv_table(tmp_path / "nothing.csv", ("code",))


def test_a_file_in_another_encoding_is_refused_with_details(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("code,name\nshop,商店\n".encode("gbk"))
    with pytest.raises(FifteenMinError) as raised:
        read_csv_table(path, ("code",))
    assert raised.value.message == f"The table {path} is not a UTF-8 CSV file."
    assert "utf-8" in raised.value.details


def test_a_folder_is_not_a_table(tmp_path):
    path = tmp_path / "folder.csv"
    path.mkdir()
    with pytest.raises(FifteenMinError, match="does not exist"):
        read_csv_table(path, ("code",))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind the user")
def test_an_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "locked.csv"
    path.write_text("code\nshop\n", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(FifteenMinError) as raised:
            read_csv_table(path, ("code",))
    finally:
        path.chmod(0o600)
    assert raised.value.message == f"The table {path} could not be read."
    assert "Permission denied" in raised.value.details
