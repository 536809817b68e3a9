"""WGS84 / GCJ-02 / BD-09 conversions checked against public vectors of independent implementations."""

from __future__ import annotations

import numpy as np
import pytest

from fifteen_min_plugin.core.facilities import chinacoords as cc

# googollee/eviltransform, python/test.py `TESTS` (also go/transform_test.go, javascript/test.js):
# (wgs_lon, wgs_lat, gcj_lon, gcj_lat), reordered from the file's (lat, lng, lat, lng).
EVILTRANSFORM_WGS_GCJ = [
    (121.5272106, 31.1774276, 121.531541859215, 31.17530398364597),  # shanghai
    (113.912316, 22.543847, 113.9171764808363, 22.540796131694766),  # shenzhen
    (116.377817, 39.911954, 116.38404722455657, 39.91334545536069),  # beijing
]
# Glatzel/pyxis, python/tests/test_crypto.py: one point in all three systems.
PYXIS_WGS = (121.0917077, 30.6107779)
PYXIS_GCJ = (121.09626935575027, 30.608604331756705)
PYXIS_BD = (121.10271732371203, 30.61484572185035)
# wandergis/coordtransform, test/app.js: every function applied to (116.404, 39.915).
WANDERGIS_INPUT = (116.404, 39.915)
WANDERGIS_WGS_TO_GCJ = (116.41024449916938, 39.91640428150164)
WANDERGIS_GCJ_TO_BD = (116.41036949371029, 39.92133699351021)
# the two inverse results in that file are the one-step approximations (index.js bd09togcj02 / gcj02towgs84)
WANDERGIS_ONE_STEP_GCJ_TO_WGS = (116.39775550083061, 39.91359571849836)
WANDERGIS_ONE_STEP_BD_TO_GCJ = (116.39762729119315, 39.90865673957631)

FORWARD_DEG = 1e-6
ROUND_TRIP_M = 0.5

DIRECTIONS = [
    (cc.WGS84, cc.GCJ02),
    (cc.GCJ02, cc.WGS84),
    (cc.GCJ02, cc.BD09),
    (cc.BD09, cc.GCJ02),
    (cc.WGS84, cc.BD09),
    (cc.BD09, cc.WGS84),
]


def haversine_m(lon1, lat1, lon2, lat2) -> np.ndarray:
    """Great-circle distance on the mean Earth sphere (R = 6371008.8 m)."""
    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = np.radians(np.asarray(lon2) - np.asarray(lon1))
    h = np.sin(d_phi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(d_lambda / 2) ** 2
    return 2 * 6371008.8 * np.arcsin(np.sqrt(h))


@pytest.fixture(scope="module")
def china_grid() -> tuple[np.ndarray, np.ndarray]:
    """A dense grid over mainland China, Hainan and Taiwan, plus the 105°E meridian where the formula has √|x|."""
    lon, lat = np.meshgrid(np.linspace(73.5, 135.0, 250), np.linspace(18.0, 53.5, 180))
    lon = np.concatenate([lon.ravel(), np.full(50, 105.0)])
    lat = np.concatenate([lat.ravel(), np.linspace(18.0, 53.5, 50)])
    return lon, lat


@pytest.mark.parametrize(("wgs_lon", "wgs_lat", "gcj_lon", "gcj_lat"), EVILTRANSFORM_WGS_GCJ)
def test_wgs_to_gcj_matches_eviltransform(wgs_lon, wgs_lat, gcj_lon, gcj_lat):
    lon, lat = cc.wgs84_to_gcj02(wgs_lon, wgs_lat)
    assert lon == pytest.approx(gcj_lon, abs=FORWARD_DEG)
    assert lat == pytest.approx(gcj_lat, abs=FORWARD_DEG)


@pytest.mark.parametrize(
    ("function", "source", "expected"),
    [
        (cc.wgs84_to_gcj02, PYXIS_WGS, PYXIS_GCJ),
        (cc.gcj02_to_bd09, PYXIS_GCJ, PYXIS_BD),
        (cc.wgs84_to_bd09, PYXIS_WGS, PYXIS_BD),
        (cc.wgs84_to_gcj02, WANDERGIS_INPUT, WANDERGIS_WGS_TO_GCJ),
        (cc.gcj02_to_bd09, WANDERGIS_INPUT, WANDERGIS_GCJ_TO_BD),
    ],
)
def test_forward_matches_public_vectors(function, source, expected):
    lon, lat = function(*source)
    assert lon == pytest.approx(expected[0], abs=FORWARD_DEG)
    assert lat == pytest.approx(expected[1], abs=FORWARD_DEG)


@pytest.mark.parametrize(
    ("function", "source", "expected"),
    [
        *[(cc.gcj02_to_wgs84, vector[2:], vector[:2]) for vector in EVILTRANSFORM_WGS_GCJ],
        (cc.gcj02_to_wgs84, PYXIS_GCJ, PYXIS_WGS),
        (cc.bd09_to_gcj02, PYXIS_BD, PYXIS_GCJ),
        (cc.bd09_to_wgs84, PYXIS_BD, PYXIS_WGS),
    ],
)
def test_inverse_recovers_public_vectors(function, source, expected):
    lon, lat = function(*source)
    assert haversine_m(lon, lat, *expected) < ROUND_TRIP_M


@pytest.mark.parametrize(
    ("forward", "inverse"),
    [
        (cc.wgs84_to_gcj02, cc.gcj02_to_wgs84),
        (cc.gcj02_to_bd09, cc.bd09_to_gcj02),
        (cc.wgs84_to_bd09, cc.bd09_to_wgs84),
    ],
)
def test_round_trip_over_china_grid(china_grid, forward, inverse):
    lon, lat = china_grid
    there = forward(lon, lat)
    back_lon, back_lat = inverse(*there)
    assert haversine_m(lon, lat, back_lon, back_lat).max() < ROUND_TRIP_M
    # the inverse is exact: its forward image reproduces the input to the iteration tolerance
    again_lon, again_lat = forward(back_lon, back_lat)
    assert np.abs(again_lon - there[0]).max() < 1e-9
    assert np.abs(again_lat - there[1]).max() < 1e-9


def test_offsets_have_the_documented_size(china_grid):
    lon, lat = china_grid
    gcj = haversine_m(lon, lat, *cc.wgs84_to_gcj02(lon, lat))
    bd = haversine_m(lon, lat, *cc.wgs84_to_bd09(lon, lat))
    assert 300 < np.median(gcj) < 800
    assert 700 < np.median(bd) < 1500


def test_one_step_inverse_is_worse_than_ours(china_grid):
    # the published one-step results miss the point they were meant to invert; ours hit it
    target = WANDERGIS_INPUT
    one_step_gcj = cc.wgs84_to_gcj02(*WANDERGIS_ONE_STEP_GCJ_TO_WGS)
    ours_gcj = cc.wgs84_to_gcj02(*cc.gcj02_to_wgs84(*target))
    assert haversine_m(*one_step_gcj, *target) > 0.03  # 6 cm here
    assert haversine_m(*ours_gcj, *target) < 1e-3
    one_step_bd = cc.gcj02_to_bd09(*WANDERGIS_ONE_STEP_BD_TO_GCJ)
    ours_bd = cc.gcj02_to_bd09(*cc.bd09_to_gcj02(*target))
    assert haversine_m(*one_step_bd, *target) > 0.03  # 5 cm here
    assert haversine_m(*ours_bd, *target) < 1e-3
    # over China the one-step GCJ-02 inverse (target minus the offset taken at the target) is off by metres
    lon, lat = china_grid
    gcj_lon, gcj_lat = cc.wgs84_to_gcj02(lon, lat)
    fwd_lon, fwd_lat = cc.wgs84_to_gcj02(gcj_lon, gcj_lat)
    one_step_error = haversine_m(lon, lat, 2 * gcj_lon - fwd_lon, 2 * gcj_lat - fwd_lat)
    exact_error = haversine_m(lon, lat, *cc.gcj02_to_wgs84(gcj_lon, gcj_lat))
    assert one_step_error.max() > 1.0
    assert exact_error.max() < 0.01


OUTSIDE = np.array(
    [
        (2.3522, 48.8566),  # Paris
        (-74.006, 40.7128),  # New York
        (139.6917, 35.6895),  # Tokyo, east of 137.8347
        (100.0, 0.5),  # south of 0.8293
        (120.0, 56.0),  # north of 55.8271
        (71.9, 38.0),  # west of 72.004
    ]
)


@pytest.mark.parametrize(("from_system", "to_system"), DIRECTIONS)
def test_points_outside_china_are_unchanged(from_system, to_system):
    lon, lat = cc.convert(OUTSIDE[:, 0], OUTSIDE[:, 1], from_system, to_system)
    np.testing.assert_array_equal(lon, OUTSIDE[:, 0])
    np.testing.assert_array_equal(lat, OUTSIDE[:, 1])


def test_out_of_china_box_is_the_eviltransform_box_inclusive():
    # googollee/eviltransform python/eviltransform/__init__.py: inside iff 72.004 <= lng <= 137.8347
    # and 0.8293 <= lat <= 55.8271
    box = cc.OUT_OF_CHINA
    assert (box.min_lon, box.max_lon, box.min_lat, box.max_lat) == (72.004, 137.8347, 0.8293, 55.8271)
    lon = np.array([72.004, 137.8347, 100.0, 100.0, 72.0039, 137.8348, 100.0, 100.0])
    lat = np.array([30.0, 30.0, 0.8293, 55.8271, 30.0, 30.0, 0.8292, 55.8272])
    np.testing.assert_array_equal(box(lon, lat), [False] * 4 + [True] * 4)
    moved_lon, _ = cc.wgs84_to_gcj02(lon, lat)
    np.testing.assert_array_equal(moved_lon[4:], lon[4:])
    assert np.all(moved_lon[:4] != lon[:4])


@pytest.mark.parametrize(("from_system", "to_system"), DIRECTIONS)
def test_vectorised_equals_per_point_loop(from_system, to_system):
    rng = np.random.default_rng(4)
    lon = np.concatenate([rng.uniform(70.0, 140.0, 300), OUTSIDE[:, 0]])
    lat = np.concatenate([rng.uniform(0.0, 57.0, 300), OUTSIDE[:, 1]])
    array_lon, array_lat = cc.convert(lon, lat, from_system, to_system)
    loop = np.array([cc.convert(x, y, from_system, to_system) for x, y in zip(lon, lat)])
    np.testing.assert_allclose(array_lon, loop[:, 0], rtol=0, atol=1e-12)
    np.testing.assert_allclose(array_lat, loop[:, 1], rtol=0, atol=1e-12)


def test_scalars_give_floats_and_arrays_keep_their_shape():
    lon, lat = cc.gcj02_to_wgs84(*PYXIS_GCJ)
    assert isinstance(lon, float)
    assert isinstance(lat, float)
    grid_lon, grid_lat = np.meshgrid(np.linspace(110, 120, 4), np.linspace(25, 35, 3))
    out_lon, out_lat = cc.bd09_to_wgs84(grid_lon, grid_lat)
    assert out_lon.shape == out_lat.shape == (3, 4)
    assert out_lon[1, 2] == pytest.approx(cc.bd09_to_wgs84(grid_lon[1, 2], grid_lat[1, 2])[0], abs=1e-12)


def test_inputs_are_not_modified_and_nan_passes_through():
    lon = np.array([116.404, np.nan])
    lat = np.array([39.915, 39.915])
    out_lon, out_lat = cc.gcj02_to_wgs84(lon, lat)
    assert lon[0] == 116.404
    assert np.isnan(out_lon[1])
    assert out_lat[1] == 39.915


def test_convert_dispatches_by_name():
    assert cc.convert(*PYXIS_BD, "BD09", "WGS84") == cc.bd09_to_wgs84(*PYXIS_BD)
    assert cc.convert(*PYXIS_WGS, "WGS84", "GCJ02") == cc.wgs84_to_gcj02(*PYXIS_WGS)
    assert cc.convert(*PYXIS_WGS, "WGS84", "WGS84") == PYXIS_WGS
    with pytest.raises(ValueError, match="GCJ-02"):
        cc.convert(*PYXIS_WGS, "WGS84", "GCJ-02")


def test_is_inverse_marks_directions_towards_wgs84():
    assert [cc.is_inverse(a, b) for a, b in DIRECTIONS] == [False, True, False, True, False, True]
