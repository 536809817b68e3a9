"""Area norms per circle: GB 50180-2018 Table 4.0.4 green space and 国办发〔2021〕56号 service floor area.

- Green space (GB 50180-2018 Table 4.0.4): the 15-, 10- and 5-minute levels need a park (居住区公园) of at
  least 5.0, 1.0 and 0.4 hm² and public green of 2.0, 1.0 and 1.0 m² per resident. A circle's parks are the
  facilities of category ``park`` inside it, their area the ``footprint_m2`` field.
- Floor area (国办发〔2021〕56号《“十四五”城乡社区服务体系建设规划》): at least 30 m² of community comprehensive
  service facilities per 100 households. The plugin counts the floor area (``floor_area_m2``, else
  ``footprint_m2``) of the facilities of `FLOOR_AREA_CODES`; households come from a ``households`` field, else
  population ÷ `Settings.persons_per_household` (第七次全国人口普查: 2.62 persons per household).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from fifteen_min_plugin.core.settings import CIRCLE_MINUTES, RADII_M

#: the categories whose floor area counts as community comprehensive service facilities (plugin reading)
FLOOR_AREA_CODES = ("community_centre",)
PARK_CODE = "park"
FLOOR_AREA_PER_100_HOUSEHOLDS_M2 = 30.0
FLOOR_AREA_SOURCE = "国办发〔2021〕56号：每百户居民拥有社区综合服务设施面积不低于30平方米"
GREEN_SOURCE = "GB 50180-2018 表4.0.4"
#: straight-line reach of each tier without roads (GB 50180-2018 2.0.2–2.0.4: 步行距离 300 / 500 / 800–1000 m),
#: the plugin's default circle levels and radii
TIER_RADII_M = {minutes: float(radius) for minutes, radius in zip(CIRCLE_MINUTES, RADII_M)}
TIER_RADII_SOURCE = "GB 50180-2018 第2.0.2–2.0.4条"


@dataclass(frozen=True)
class GreenNorm:
    """Table 4.0.4 row of one level: the smallest park (m²) and public green per resident (m²)."""

    level_min: int
    park_min_m2: float
    green_m2_per_resident: float


#: GB 50180-2018 Table 4.0.4 (1 hm² = 10,000 m²)
GREEN_NORMS = (GreenNorm(5, 4000.0, 1.0), GreenNorm(10, 10000.0, 1.0), GreenNorm(15, 50000.0, 2.0))


def green_norm(level: Optional[float]) -> GreenNorm:
    """The row of the highest level not above `level` (None or above 15: the 15-minute row; below 5: the 5-minute)."""
    if level is None:
        return GREEN_NORMS[-1]
    fitting = [norm for norm in GREEN_NORMS if norm.level_min <= level]
    return fitting[-1] if fitting else GREEN_NORMS[0]


def floor_area_required_m2(households: float) -> float:
    """Floor area the households need by 国办发〔2021〕56号 (30 m² per 100 households)."""
    return FLOOR_AREA_PER_100_HOUSEHOLDS_M2 * households / 100.0
