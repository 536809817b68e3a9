"""Green space per GB 50180-2018 Table 4.0.4 and floor area per 国办发〔2021〕56号 in fifteenmin:coverage."""

from __future__ import annotations

import pytest
from qgis.core import NULL, QgsWkbTypes

from fifteen_min_plugin.core.settings import Settings
from tests.qgis.test_coverage import ORIGIN, UTM, T, by_circle, point, run, square, write_gpkg

FIELDS = [("name", T.String), ("category", T.String), ("footprint_m2", T.Double), ("floor_area_m2", T.Double)]
CIRCLE = [("circle_id", T.String), ("level_min", T.Int), ("population", T.Int), ("households", T.Double)]


def _layers(tmp_path, circles, facilities):
    """`circles`: (id, level, population, households) each a 1 km square 5 km apart; `facilities`: per circle id."""
    gpkg = tmp_path / "norms.gpkg"
    x0, y0 = ORIGIN
    where = {cid: (x0 + 5000 * i, y0) for i, (cid, *_rest) in enumerate(circles)}
    rows = [
        (square(*where[cid], 1000), {"circle_id": cid, "level_min": lvl, "population": pop, "households": hh})
        for cid, lvl, pop, hh in circles
    ]
    circles_uri = write_gpkg(gpkg, "circles", QgsWkbTypes.Type.MultiPolygon, UTM, CIRCLE, rows)
    points = []
    for cid, items in facilities.items():
        x, y = where[cid]
        for i, (code, footprint, floor) in enumerate(items):
            values = {"name": f"{cid}-{i}", "category": code, "footprint_m2": footprint, "floor_area_m2": floor}
            points.append((point(x + 50 + 40 * i, y + 500), values))
    facilities_uri = write_gpkg(gpkg, "facilities", QgsWkbTypes.Type.Point, UTM, FIELDS, points)
    return circles_uri, facilities_uri


def test_park_area_is_checked_against_each_level(processing, default_settings, tmp_path):
    # a 0.5 hm² park: enough for a 5-minute circle (0.4 hm²), not for 10 (1.0 hm²) or 15 minutes (5.0 hm²)
    circles = [("p5", 5, None, None), ("p10", 10, None, None), ("p15", 15, None, None), ("big", 15, None, None)]
    circles += [("none", 15, None, None), ("unknown", 5, None, None)]
    small = [("park", 5000.0, None)]
    facilities = {"p5": small, "p10": small, "p15": small, "big": [("park", 5000.0, None), ("park", 52000.0, None)]}
    facilities["unknown"] = [("park", None, None)]
    facilities["none"] = [("cafe", 100.0, None)]
    uris = _layers(tmp_path, circles, facilities)
    out = by_circle(run(processing, CIRCLES=uris[0], FACILITIES=uris[1]))

    assert (out["p5"]["park_ok"], out["p10"]["park_ok"], out["p15"]["park_ok"]) == (1, 0, 0)
    assert out["big"]["park_ok"] == 1 and out["big"]["park_max_m2"] == pytest.approx(52000.0)
    assert out["none"]["park_ok"] == 0 and out["none"]["park_max_m2"] == NULL
    assert out["unknown"]["park_ok"] == NULL  # a park without an area is not judged


def test_public_green_per_resident_follows_the_level(processing, default_settings, tmp_path):
    circles = [("a", 15, 10000, None), ("b", 15, 20000, None), ("c", 10, 20000, None), ("nopop", 15, None, None)]
    parks = [("park", 12000.0, None), ("park", 8000.0, None)]  # 20,000 m² of green
    uris = _layers(tmp_path, circles, {cid: parks for cid, *_ in circles})
    out = by_circle(run(processing, CIRCLES=uris[0], FACILITIES=uris[1]))

    assert out["a"]["green_m2_per_resident"] == pytest.approx(2.0) and out["a"]["green_ok"] == 1  # 15 min: 2.0 m²
    assert out["b"]["green_m2_per_resident"] == pytest.approx(1.0) and out["b"]["green_ok"] == 0
    assert out["c"]["green_ok"] == 1  # 10 min: 1.0 m² per resident
    assert out["nopop"]["green_m2_per_resident"] == NULL and out["nopop"]["green_ok"] == NULL


def test_floor_area_shortfall_per_100_households(processing, default_settings, tmp_path):
    centres = [("community_centre", 500.0, 100.0), ("community_centre", 80.0, None), ("cafe", 900.0, 900.0)]
    circles = [("census", 15, 2600, None), ("counted", 15, 2600, 2000.0), ("rich", 15, 260, None)]
    circles += [("unknown", 15, 2600, None)]
    facilities = {"census": centres, "counted": centres, "rich": centres, "unknown": [("community_centre", None, None)]}
    uris = _layers(tmp_path, circles, facilities)
    out = by_circle(run(processing, CIRCLES=uris[0], FACILITIES=uris[1]))

    # floor area counted: 100 (floor_area_m2 first) + 80 (its footprint); the cafe is no community service facility
    assert out["census"]["floor_area_m2"] == pytest.approx(180.0)
    assert out["census"]["households"] == pytest.approx(1000.0)  # 2,600 ÷ 2.6 persons
    assert out["census"]["floor_area_shortfall_m2"] == pytest.approx(30 * 1000 / 100 - 180)
    assert out["counted"]["floor_area_shortfall_m2"] == pytest.approx(30 * 2000 / 100 - 180)  # households field
    assert out["rich"]["floor_area_shortfall_m2"] == 0.0
    assert out["unknown"]["floor_area_shortfall_m2"] == NULL

    Settings(persons_per_household=2.0).save()
    again = by_circle(run(processing, CIRCLES=uris[0], FACILITIES=uris[1]))
    assert again["census"]["households"] == pytest.approx(1300.0)
    assert again["census"]["floor_area_shortfall_m2"] == pytest.approx(30 * 1300 / 100 - 180)


def test_settings_refuse_an_impossible_household_size(qgis_app):
    with pytest.raises(ValueError):
        Settings(persons_per_household=0.5)
    assert Settings().persons_per_household == 2.6
