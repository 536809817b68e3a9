"""Typed plugin settings stored in QgsSettings under one prefix."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from qgis.core import QgsSettings

from fifteen_min_plugin.__about__ import SETTINGS_PREFIX
from fifteen_min_plugin.core.values import parse_numbers


def parse_whole_numbers(text: str) -> tuple[int, ...]:
    """Positive whole numbers typed as a list ("5, 10，15"), sorted, repeats dropped; ValueError if none or one ≤ 0."""
    values = tuple(sorted(set(parse_numbers(text, int))))
    if not values or min(values) <= 0:
        raise ValueError(text)
    return values


#: the defaults of `Settings`, also the defaults of the Processing parameters that match a setting
WALKING_SPEED_KMH = 4.0
CIRCLE_MINUTES = (5, 10, 15)
RADII_M = (300, 500, 1000)
#: GB 50180-2018's largest level: a resident within this many walking minutes of a facility is covered by it
COVERED_MINUTES = 15.0
SNAP_TOLERANCE_M = 100.0
#: plan scenario: the nearest facility of each basic category is searched up to this many walking minutes (twice
#: GB 50180's largest level, so a walk the plan shortens from beyond 15 minutes still shows)
SCENARIO_SEARCH_MINUTES = 30.0
#: the polygon of a network circle is the reachable streets buffered by this distance (m)
WALK_OFF_M = 25.0
#: two records of one category with the same name from different sources within this distance (m) are one facility
DEDUP_TOLERANCE_M = 30.0
#: persons per household when a community has no households figure: 第七次全国人口普查 (2020) gives 2.62
PERSONS_PER_HOUSEHOLD = 2.6
#: residents' satisfaction target (share satisfied): 《全面推进城市一刻钟便民生活圈建设三年行动计划（2023—2025）》
#: asks for 居民满意度达到90%以上
SATISFACTION_TARGET = 0.9
#: chain-store share target of basic-service outlets: 商务部等9部门
#: 《关于加力推动城市一刻钟便民生活圈建设扩围升级的通知》(2025) asks for at least 30 %
CHAIN_SHARE_TARGET = 0.3
#: repurpose: a use's score is multiplied by 1 + this × residents who asked for what it provides (plugin default,
#: editable as the DEMAND_WEIGHT parameter: 50 residents asking double a score)
DEMAND_WEIGHT = 0.02


def level_text(levels: tuple[int, ...]) -> str:
    """Levels as a Processing parameter or a settings value writes them: "5,10,15"."""
    return ",".join(map(str, levels))


@dataclass(frozen=True)
class Settings:
    """User-tunable defaults; the options page shows the source of each."""

    walking_speed_kmh: float = WALKING_SPEED_KMH
    circle_minutes: tuple[int, ...] = CIRCLE_MINUTES
    radii_m: tuple[int, ...] = RADII_M
    snap_tolerance_m: float = SNAP_TOLERANCE_M
    #: dangling road ends join another road within this distance; 0 = roads meet only at shared vertices
    topology_tolerance_m: float = 0.0
    walk_off_m: float = WALK_OFF_M
    dedup_tolerance_m: float = DEDUP_TOLERANCE_M
    #: 基础型 needs this many MOFCOM 基本保障类 categories present (capped at the number in the categories table):
    #: the 13 of the 2021 guide (商办流通函〔2021〕247号) plus 养老服务 and 洗车店 of the 2025 扩围升级 notice
    grade_basic_min_basic: int = 15
    #: 提升型 adds at least this many 品质提升类 categories (plugin default)
    grade_enhanced_min_quality: int = 3
    #: 品质型 adds at least this many 品质提升类 categories (plugin default)
    grade_quality_min_quality: int = 6
    #: households = population ÷ this when no households field is given (第七次全国人口普查: 2.62 persons)
    persons_per_household: float = PERSONS_PER_HOUSEHOLD
    #: repurpose: score × (1 + this × residents who asked for the gap a use fills); plugin default, 0 ignores demand
    demand_weight: float = DEMAND_WEIGHT

    def __post_init__(self) -> None:
        if not 1.0 <= self.walking_speed_kmh <= 10.0:
            raise ValueError("walking_speed_kmh")
        for name in ("snap_tolerance_m", "walk_off_m", "dedup_tolerance_m"):
            if getattr(self, name) < 0:
                raise ValueError(name)
        if not 1.0 <= self.persons_per_household <= 10.0:
            raise ValueError("persons_per_household")
        if not 0.0 <= self.demand_weight <= 1.0:
            raise ValueError("demand_weight")
        if not 0.0 <= self.topology_tolerance_m <= 20.0:
            raise ValueError("topology_tolerance_m")
        for name in ("grade_basic_min_basic", "grade_enhanced_min_quality", "grade_quality_min_quality"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(name)
        if self.grade_quality_min_quality < self.grade_enhanced_min_quality:
            raise ValueError("grade_quality_min_quality")
        parse_whole_numbers(level_text(self.circle_minutes))
        parse_whole_numbers(level_text(self.radii_m))

    @property
    def metres_per_minute(self) -> float:
        """Walking distance covered in one minute."""
        return self.walking_speed_kmh * 1000.0 / 60.0

    @classmethod
    def load(cls, qsettings: QgsSettings | None = None) -> Settings:
        """Read stored values, falling back to the default for anything missing or unreadable."""
        store = qsettings or QgsSettings()
        defaults = cls()
        values = {}
        for field in fields(cls):
            default = getattr(defaults, field.name)
            raw = store.value(f"{SETTINGS_PREFIX}/{field.name}", None)
            if raw is None:
                values[field.name] = default
                continue
            try:
                if isinstance(default, tuple):
                    values[field.name] = parse_whole_numbers(raw)
                elif isinstance(default, int):
                    values[field.name] = int(raw)
                else:
                    values[field.name] = float(raw)
            except (TypeError, ValueError):
                values[field.name] = default
        try:
            return cls(**values)
        except ValueError:
            return defaults

    def save(self, qsettings: QgsSettings | None = None) -> None:
        """Persist every field."""
        store = qsettings or QgsSettings()
        for name, value in asdict(self).items():
            stored = level_text(value) if isinstance(value, tuple) else value
            store.setValue(f"{SETTINGS_PREFIX}/{name}", stored)
