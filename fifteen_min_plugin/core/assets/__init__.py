"""Idle assets: the register, idle time windows, candidate rules and repurposing suggestions.

The asset types are fixed codes (stored in `idle_assets.asset_type`) with Chinese and English labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class AssetType:
    """One kind of idle asset; `code` is what the register stores."""

    code: str
    label_zh: str
    label_en: str


ASSET_TYPES: tuple[AssetType, ...] = (
    AssetType("civil_defence", "人防工程", "Civil-defence works (tunnel, shelter)"),
    AssetType("parking", "停车场", "Parking lot"),
    AssetType("vacant_shop", "闲置商铺/楼宇", "Vacant shop or building"),
    AssetType("idle_factory", "闲置厂房/仓库", "Idle factory or warehouse"),
    AssetType("idle_land", "闲置用地", "Idle land"),
    AssetType("market_space", "市场空间", "Market space"),
    AssetType("school_playground", "学校操场", "School playground"),
    AssetType("other", "其他", "Other"),
)
ASSET_TYPE_CODES: tuple[str, ...] = tuple(item.code for item in ASSET_TYPES)
#: older or longer spellings accepted on input (the sample's seed layer uses the first two)
ASSET_TYPE_ALIASES = {
    "parking_lot": "parking",
    "civil_defence_tunnel": "civil_defence",
    "civil_defense": "civil_defence",
    "vacant_building": "vacant_shop",
    "idle_warehouse": "idle_factory",
}


def asset_type(code: str) -> Optional[AssetType]:
    """The asset type of a code or accepted alias (case-insensitive), None if unknown."""
    key = str(code or "").strip().lower()
    key = ASSET_TYPE_ALIASES.get(key, key)
    return next((item for item in ASSET_TYPES if item.code == key), None)
