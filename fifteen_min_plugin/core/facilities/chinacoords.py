"""Vectorised conversions between WGS84, GCJ-02 ("Mars coordinates") and BD-09 (Baidu).

Forward directions (WGS84 → GCJ-02 → BD-09) use the public formulas every open-source implementation
shares: the GCJ-02 offset polynomial on the Krasovsky ellipsoid (a = 6378245.0, e² = 0.00669342162296594323)
and Baidu's polar perturbation with x_pi = π·3000/180. The inverse directions have no closed form; the
widespread one-step inverse (subtract the offset evaluated at the *target* point) is off by up to a few
metres, so every inverse here is solved by fixed-point iteration on the forward function until the forward
image of the answer reproduces the input within `TOLERANCE_DEG` (1e-10°, about 0.01 mm).

Points outside the China box are returned unchanged, exactly as the public implementations do
(googollee/eviltransform `outOfChina`): a point is *inside* when 72.004 ≤ lon ≤ 137.8347 and
0.8293 ≤ lat ≤ 55.8271, bounds inclusive. Each step tests its own input coordinate. The box edges lie in
the sea or abroad, so the strip where a forward image crosses the edge touches no Chinese land.

Every function takes scalars or array-likes of matching shape and returns `(lon, lat)`: floats for scalar
input, float64 arrays otherwise. NaN coordinates pass through as NaN.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Union

import numpy as np
from numpy.typing import ArrayLike

LonLat = tuple[Union[float, np.ndarray], Union[float, np.ndarray]]
_Pair = tuple[np.ndarray, np.ndarray]
_Map = Callable[[np.ndarray, np.ndarray], _Pair]

KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323
X_PI = np.pi * 3000.0 / 180.0
#: inverse iteration stops once |forward(x) - target| is below this on both axes (degrees)
TOLERANCE_DEG = 1e-10
MAX_ITERATIONS = 30

WGS84 = "WGS84"
GCJ02 = "GCJ02"
BD09 = "BD09"
SYSTEMS = (WGS84, GCJ02, BD09)
#: the coordinate-system options of every algorithm and page, in SYSTEMS order (enum option labels)
SYSTEM_LABELS = ("WGS84", "GCJ-02", "BD-09")
#: the index of the "Other" option (any CRS) that follows SYSTEM_LABELS where a source CRS may be chosen
OTHER_SYSTEM = len(SYSTEM_LABELS)
#: the fields a converted or imported layer records its source system and its conversion in
SOURCE_FIELD = "coord_src"
CONVERSION_FIELD = "coord_conv"


@dataclass(frozen=True)
class _ChinaBox:
    """The public out-of-China bounding box; calling it returns the boolean mask of points outside."""

    min_lon: float = 72.004
    max_lon: float = 137.8347
    min_lat: float = 0.8293
    max_lat: float = 55.8271

    def __call__(self, lon: ArrayLike, lat: ArrayLike) -> np.ndarray:
        lon_a, lat_a = np.broadcast_arrays(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        inside = (lon_a >= self.min_lon) & (lon_a <= self.max_lon) & (lat_a >= self.min_lat) & (lat_a <= self.max_lat)
        return ~inside


#: `OUT_OF_CHINA(lon, lat)` → True where the offsets do not apply; its fields document the bounds
OUT_OF_CHINA = _ChinaBox()


def _arrays(lon: ArrayLike, lat: ArrayLike) -> tuple[np.ndarray, np.ndarray, bool]:
    lon_a = np.asarray(lon, dtype=float)
    lat_a = np.asarray(lat, dtype=float)
    scalar = lon_a.ndim == 0 and lat_a.ndim == 0
    lon_a, lat_a = np.broadcast_arrays(lon_a, lat_a)
    return lon_a.astype(float, copy=True), lat_a.astype(float, copy=True), scalar


def _result(lon: np.ndarray, lat: np.ndarray, scalar: bool) -> LonLat:
    if scalar:
        return float(lon), float(lat)
    return lon, lat


def _gcj_offset(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    """GCJ-02 minus WGS84 at a WGS84 point, in degrees (no out-of-China test)."""
    x = lon - 105.0
    y = lat - 35.0
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x)) + common
    d_lat += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    d_lat += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x)) + common
    d_lon += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    d_lon += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    rad_lat = lat / 180.0 * np.pi
    magic = 1.0 - KRASOVSKY_EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * np.pi)
    d_lon = (d_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * np.cos(rad_lat) * np.pi)
    return d_lon, d_lat


def _gcj_forward(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    d_lon, d_lat = _gcj_offset(lon, lat)
    return lon + d_lon, lat + d_lat


def _bd_forward(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    z = np.hypot(lon, lat) + 0.00002 * np.sin(lat * X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def _bd_one_step_inverse(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    x = lon - 0.0065
    y = lat - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def _invert(forward: _Map, lon: np.ndarray, lat: np.ndarray, start_lon: np.ndarray, start_lat: np.ndarray) -> _Pair:
    """Solve forward(x) = (lon, lat) by fixed-point iteration x ← x − (forward(x) − target).

    The forward maps are the identity plus a perturbation whose Jacobian is ~1e-3, so each step shrinks the
    error about a thousandfold; only points not yet converged are iterated again.
    """
    x_lon, x_lat = start_lon.copy(), start_lat.copy()
    active = np.arange(lon.size)
    for _ in range(MAX_ITERATIONS):
        f_lon, f_lat = forward(x_lon[active], x_lat[active])
        r_lon = f_lon - lon[active]
        r_lat = f_lat - lat[active]
        done = (np.abs(r_lon) < TOLERANCE_DEG) & (np.abs(r_lat) < TOLERANCE_DEG)
        x_lon[active] -= r_lon
        x_lat[active] -= r_lat
        active = active[~done]
        if active.size == 0:
            break
    return x_lon, x_lat


def _apply_inside(lon: ArrayLike, lat: ArrayLike, convert_inside: _Map) -> LonLat:
    lon_a, lat_a, scalar = _arrays(lon, lat)
    inside = ~OUT_OF_CHINA(lon_a, lat_a)
    if inside.any():
        new_lon, new_lat = convert_inside(lon_a[inside], lat_a[inside])
        lon_a[inside] = new_lon
        lat_a[inside] = new_lat
    return _result(lon_a, lat_a, scalar)


def _gcj_inverse(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    d_lon, d_lat = _gcj_offset(lon, lat)
    return _invert(_gcj_forward, lon, lat, lon - d_lon, lat - d_lat)


def _bd_inverse(lon: np.ndarray, lat: np.ndarray) -> _Pair:
    start_lon, start_lat = _bd_one_step_inverse(lon, lat)
    return _invert(_bd_forward, lon, lat, start_lon, start_lat)


def wgs84_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """WGS84 → GCJ-02 (Amap, Tencent) with the public formula."""
    return _apply_inside(lon, lat, _gcj_forward)


def gcj02_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """GCJ-02 → WGS84, the exact inverse of `wgs84_to_gcj02` (iterated, not the one-step approximation)."""
    return _apply_inside(lon, lat, _gcj_inverse)


def gcj02_to_bd09(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """GCJ-02 → BD-09 (Baidu) with the public formula."""
    return _apply_inside(lon, lat, _bd_forward)


def bd09_to_gcj02(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """BD-09 → GCJ-02, the exact inverse of `gcj02_to_bd09` (the public one-step formula only starts it)."""
    return _apply_inside(lon, lat, _bd_inverse)


def wgs84_to_bd09(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """WGS84 → BD-09 through GCJ-02."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon: ArrayLike, lat: ArrayLike) -> LonLat:
    """BD-09 → WGS84 through GCJ-02, both steps exact inverses."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))


_CONVERSIONS = {
    (WGS84, GCJ02): wgs84_to_gcj02,
    (GCJ02, WGS84): gcj02_to_wgs84,
    (GCJ02, BD09): gcj02_to_bd09,
    (BD09, GCJ02): bd09_to_gcj02,
    (WGS84, BD09): wgs84_to_bd09,
    (BD09, WGS84): bd09_to_wgs84,
}


def is_inverse(from_system: str, to_system: str) -> bool:
    """True when the conversion runs against the public formulas (towards WGS84) and is solved iteratively."""
    return SYSTEMS.index(to_system) < SYSTEMS.index(from_system)


def convert(lon: ArrayLike, lat: ArrayLike, from_system: str, to_system: str) -> LonLat:
    """Convert between any two of "WGS84", "GCJ02", "BD09"; the same system returns the input as floats."""
    for system in (from_system, to_system):
        if system not in SYSTEMS:
            raise ValueError(f"Unknown coordinate system {system!r}; expected one of {', '.join(SYSTEMS)}.")
    if from_system == to_system:
        lon_a, lat_a, scalar = _arrays(lon, lat)
        return _result(lon_a, lat_a, scalar)
    return _CONVERSIONS[(from_system, to_system)](lon, lat)


def conversion_label(from_index: int, to_index: int) -> str:
    """The stored `coord_conv` value between two SYSTEMS indices, e.g. "GCJ-02→WGS84 (exact inverse)"."""
    method = "exact inverse" if is_inverse(SYSTEMS[from_index], SYSTEMS[to_index]) else "public formula"
    return f"{SYSTEM_LABELS[from_index]}→{SYSTEM_LABELS[to_index]} ({method})"
