"""Settings round-trip through QgsSettings and the Options page."""

from __future__ import annotations

import pytest

from fifteen_min_plugin.__about__ import SETTINGS_PREFIX
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.gui.options_page import FifteenMinOptionsFactory, FifteenMinOptionsPage


def test_defaults_follow_gb50180(default_settings):
    settings = Settings.load()
    assert settings == Settings()
    assert settings.walking_speed_kmh == 4.0
    assert settings.metres_per_minute * 15 == pytest.approx(1000.0)
    assert settings.circle_minutes == (5, 10, 15)
    assert settings.radii_m == (300, 500, 1000)


def test_round_trip(default_settings):
    edited = Settings(walking_speed_kmh=3.6, circle_minutes=(5, 15), radii_m=(300, 800), snap_tolerance_m=50.0)
    edited.save()
    assert default_settings.value(f"{SETTINGS_PREFIX}/radii_m") == "300,800"
    assert Settings.load() == edited


def test_unreadable_stored_values_fall_back_to_defaults(default_settings):
    default_settings.setValue(f"{SETTINGS_PREFIX}/walking_speed_kmh", "fast")
    default_settings.setValue(f"{SETTINGS_PREFIX}/circle_minutes", "5,ten")
    loaded = Settings.load()
    assert loaded.walking_speed_kmh == 4.0
    assert loaded.circle_minutes == (5, 10, 15)


def test_invalid_values_are_refused():
    with pytest.raises(ValueError):
        Settings(walking_speed_kmh=0.0)
    with pytest.raises(ValueError):
        Settings(radii_m=())


def test_options_page_saves_what_the_user_typed(default_settings):
    page = FifteenMinOptionsPage()
    page.speed.setValue(4.5)
    page.minutes.setText("5， 10, 15, 20")  # a full-width comma, as a Chinese IME types it
    page.radii.setText("300, 500, 1000, 1200")
    page.apply()
    loaded = Settings.load()
    assert loaded.walking_speed_kmh == 4.5
    assert loaded.circle_minutes == (5, 10, 15, 20)
    assert loaded.radii_m == (300, 500, 1000, 1200)
    assert page.status.text() == ""


def test_options_page_refuses_bad_lists_and_keeps_stored_values(default_settings):
    Settings(radii_m=(300, 600)).save()
    page = FifteenMinOptionsPage()
    assert page.radii.text() == "300, 600"
    page.radii.setText("300, abc")
    page.apply()
    assert Settings.load().radii_m == (300, 600)
    assert "Nothing was saved" in page.status.text()


def test_factory_builds_the_page(qgis_app):
    factory = FifteenMinOptionsFactory()
    assert factory.title() == "15-Minute Living Circle"
    assert isinstance(factory.createWidget(None), FifteenMinOptionsPage)


def test_grade_thresholds_round_trip_as_whole_numbers(default_settings):
    edited = Settings(grade_basic_min_basic=10, grade_enhanced_min_quality=2, grade_quality_min_quality=5)
    edited.save()
    loaded = Settings.load()
    assert loaded == edited
    assert isinstance(loaded.grade_basic_min_basic, int) and not isinstance(loaded.grade_basic_min_basic, bool)


def test_unreadable_grade_threshold_falls_back_to_its_default(default_settings):
    default_settings.setValue(f"{SETTINGS_PREFIX}/grade_enhanced_min_quality", "three")
    default_settings.setValue(f"{SETTINGS_PREFIX}/grade_quality_min_quality", "8")
    loaded = Settings.load()
    assert loaded.grade_enhanced_min_quality == Settings().grade_enhanced_min_quality
    assert loaded.grade_quality_min_quality == 8


def test_options_page_saves_grade_thresholds(default_settings):
    page = FifteenMinOptionsPage()
    assert page.grade_basic.value() == 15  # 13 of the 2021 guide + 养老服务 and 洗车店 (2025 notice)
    page.grade_basic.setValue(11)
    page.grade_enhanced.setValue(4)
    page.grade_quality.setValue(7)
    page.apply()
    loaded = Settings.load()
    assert (loaded.grade_basic_min_basic, loaded.grade_enhanced_min_quality, loaded.grade_quality_min_quality) == (
        11,
        4,
        7,
    )
    assert page.status.text() == ""


def test_options_page_refuses_quality_below_enhanced(default_settings):
    page = FifteenMinOptionsPage()
    page.grade_enhanced.setValue(5)
    page.grade_quality.setValue(2)
    page.apply()
    assert Settings.load() == Settings()
    assert "Nothing saved" in page.status.text()


def test_options_page_keeps_and_saves_the_persons_per_household(default_settings):
    Settings(persons_per_household=3.1).save()
    page = FifteenMinOptionsPage()
    assert page.household.value() == pytest.approx(3.1)  # saving other options must not reset it
    page.speed.setValue(4.5)
    page.apply()
    assert Settings.load().persons_per_household == pytest.approx(3.1)
    page.household.setValue(2.0)
    page.apply()
    assert Settings.load().persons_per_household == pytest.approx(2.0)
    assert "2.62" in page.household_source.text()


def test_options_page_keeps_and_saves_the_demand_weight(default_settings):
    page = FifteenMinOptionsPage()
    assert page.demand_weight.value() == pytest.approx(0.02)  # the plugin default, said so beside it
    assert "Plugin default 0.02" in page.demand_weight_source.text()
    page.demand_weight.setValue(0.05)
    page.apply()
    assert Settings.load().demand_weight == pytest.approx(0.05)
    with pytest.raises(ValueError, match="demand_weight"):
        Settings(demand_weight=-0.1)
