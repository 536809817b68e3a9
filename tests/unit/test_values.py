"""One NULL test, one text form and one list syntax for attribute values and typed-in lists."""

from __future__ import annotations

import math

import pytest
from qgis.core import NULL, QgsFeature, QgsFields
from qgis.PyQt.QtCore import QDate, QDateTime

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.values import is_null, parse_list, parse_numbers, plain, text


@pytest.mark.parametrize("value", [None, NULL, float("nan"), QDate(), QDateTime()])
def test_every_kind_of_null_is_null(value):
    assert is_null(value)
    assert text(value) == ""
    assert plain(value) is None


@pytest.mark.parametrize("value", ["", " ", 0, 0.0, False, "NULL", math.inf, QDate(2024, 5, 1), [], {}])
def test_empty_or_false_looking_values_are_not_null(value):
    assert not is_null(value)
    assert plain(value) is value


def test_an_empty_attribute_of_a_feature_is_null():
    fields = QgsFields()
    fields.append(new_field("name", "text"))
    fields.append(new_field("population", "int"))
    feature = QgsFeature(fields)
    feature.setAttributes([NULL, NULL])
    assert [is_null(value) for value in feature.attributes()] == [True, True]
    feature.setAttributes(["", 0])
    assert [is_null(value) for value in feature.attributes()] == [False, False]


def test_text_strips_and_turns_numbers_into_text():
    assert text("  菜市场 \n") == "菜市场"
    assert text(12) == "12"
    assert text(2.5) == "2.5"
    assert text("") == ""


def test_lists_accept_the_ascii_full_width_and_enumeration_commas():
    assert parse_list("5,10，15、20") == ["5", "10", "15", "20"]
    assert parse_list(" 菜市场 、 超市 ,, ， ") == ["菜市场", "超市"]
    assert parse_list("") == []
    assert parse_list("a;b") == ["a;b"]  # a semicolon is not a separator


def test_numbers_keep_their_order_and_kind():
    assert parse_numbers("5, 10，15") == [5.0, 10.0, 15.0]
    assert all(isinstance(value, float) for value in parse_numbers("5,10"))
    assert parse_numbers("300、500", int) == [300, 500]
    assert all(isinstance(value, int) for value in parse_numbers("300,500", int))


@pytest.mark.parametrize(("typed", "kind", "bad"), [("5,ten,15", float, "ten"), ("300,2.5", int, "2.5")])
def test_a_bad_part_is_named(typed, kind, bad):
    with pytest.raises(ValueError, match=f"“{bad}”"):
        parse_numbers(typed, kind)
