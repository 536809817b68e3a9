"""A circle-fusion result read back for display: the community × profile matrix, each community's items, the style.

`read_fusion` reads a `fifteenmin:fusion` output (any layer with `n_profiles_met` and `<profile>_met` fields);
`profile_items` lists a community's items per profile, met or not; `fusion_renderer` colours the communities by
how many profiles they meet, one class per count, with a translated legend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from fifteen_min_plugin.core.analysis.profiles import SHIPPED, Profile, load_profiles
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import is_null, parse_list
from fifteen_min_plugin.core.values import text as value_text

MET_FIELD = "n_profiles_met"
#: Okabe–Ito vermilion (no profile met) to bluish green (all met), as the grade style
NONE_MET_COLOUR = "#d55e00"
ALL_MET_COLOUR = "#009e73"
#: item statuses in a community's detail
MET = "met"
MISSING = "missing"
BELOW_MINIMUM = "below_minimum"


class FusionMatrixMessages(Messages):
    """Translation context of the fusion matrix texts."""


def profile_label(name: str) -> str:
    """The translated short name of a shipped profile; a user profile keeps its own name."""
    labels = {
        "mofcom_convenience": FusionMatrixMessages.tr("Convenience"),
        "gb50180": FusionMatrixMessages.tr("GB 50180"),
        "elderly_care": FusionMatrixMessages.tr("Elderly care"),
        "childcare": FusionMatrixMessages.tr("Childcare"),
        "fitness": FusionMatrixMessages.tr("Fitness"),
        "parcel": FusionMatrixMessages.tr("Parcels"),
        "education": FusionMatrixMessages.tr("Education"),
        "medical": FusionMatrixMessages.tr("Medical"),
        "complete_community": FusionMatrixMessages.tr("Complete community"),
    }
    return labels.get(name, name)


@dataclass
class FusionRow:
    """One community of a fusion result."""

    fid: int
    label: str
    n_met: int
    met: dict[str, bool] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    missing_zh: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    worst: dict[str, Optional[float]] = field(default_factory=dict)


@dataclass
class FusionMatrix:
    """The profiles of a fusion result, in its field order, and its communities."""

    profiles: list[str]
    rows: list[FusionRow]


def fusion_profiles(layer: QgsVectorLayer) -> list[str]:
    """The profile names of a fusion result: every `<profile>_met` field with its `_missing` beside it."""
    names = layer.fields().names()
    return [name[: -len("_met")] for name in names if name.endswith("_met") and f"{name[:-4]}_missing" in names]


def is_fusion_layer(layer: Optional[QgsVectorLayer]) -> bool:
    """Whether `layer` is a vector layer holding a fusion result."""
    return (
        isinstance(layer, QgsVectorLayer)
        and layer.fields().lookupField(MET_FIELD) >= 0
        and bool(fusion_profiles(layer))
    )


def _label(feature, names: list[str]) -> str:
    for name in ("name", "community_id"):
        if name in names and value_text(feature[name]):
            return value_text(feature[name])
    return str(feature.id())


def _require_fusion(layer: Optional[QgsVectorLayer]) -> None:
    if not is_fusion_layer(layer):
        raise FifteenMinError(
            FusionMatrixMessages.tr(
                "The layer “{layer}” is not a circle-fusion result (it has no n_profiles_met and "
                "<profile>_met fields); run Circle fusion first."
            ).format(layer=layer.name() if layer is not None else "")
        )


def read_fusion(layer: QgsVectorLayer) -> FusionMatrix:
    """Every community of a fusion result with its per-profile values. FifteenMinError for another layer."""
    _require_fusion(layer)
    profiles = fusion_profiles(layer)
    names = layer.fields().names()
    rows = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)):
        n_met = feature[MET_FIELD]
        row = FusionRow(feature.id(), _label(feature, names), 0 if is_null(n_met) else int(n_met))
        for profile in profiles:
            met = feature[f"{profile}_met"]
            row.met[profile] = not is_null(met) and bool(met)
            row.missing[profile] = parse_list(value_text(feature[f"{profile}_missing"]))
            row.missing_zh[profile] = (
                value_text(feature[f"{profile}_missing_zh"]) if f"{profile}_missing_zh" in names else ""
            )
            row.short[profile] = value_text(feature[f"{profile}_short"]) if f"{profile}_short" in names else ""
            worst = feature[f"{profile}_worst_min"] if f"{profile}_worst_min" in names else None
            row.worst[profile] = None if is_null(worst) else float(worst)
        rows.append(row)
    return FusionMatrix(profiles, rows)


@dataclass(frozen=True)
class ItemStatus:
    """One item of a profile for one community."""

    item: str
    name: str
    status: str


def shipped_profiles(names: list[str]) -> dict[str, Profile]:
    """The shipped profiles among `names`, by name: their items can be listed in full."""
    shipped = [name for name in names if name in SHIPPED]
    return {profile.name: profile for profile in load_profiles(shipped)} if shipped else {}


def profile_items(row: FusionRow, profile: str, known: dict[str, Profile]) -> list[ItemStatus]:
    """The items of `profile` for the community `row`.

    Every item of a profile in `known`, met or not; for a user profile (whose file the layer does not name) only
    the missing ones.
    """
    shorts = {text.split(" ")[0] for text in row.short.get(profile, "").split("; ") if text}
    missing = row.missing.get(profile, [])
    if profile not in known:
        names = row.missing_zh.get(profile, "").split("、")
        if len(names) != len(missing):
            names = [""] * len(missing)
        return [
            ItemStatus(code, name, BELOW_MINIMUM if code in shorts else MISSING) for code, name in zip(missing, names)
        ]
    items = []
    for item in known[profile].items:
        code = "|".join(item.codes)
        status = (BELOW_MINIMUM if code in shorts else MISSING) if code in missing else MET
        items.append(ItemStatus(code, item.name_zh, status))
    return items


def status_label(status: str) -> str:
    """The translated word for an item status."""
    return {
        MET: FusionMatrixMessages.tr("met"),
        MISSING: FusionMatrixMessages.tr("missing"),
        BELOW_MINIMUM: FusionMatrixMessages.tr("below minimum"),
    }[status]


def fusion_renderer(layer: QgsVectorLayer, profiles: int) -> QgsGraduatedSymbolRenderer:
    """Graduated renderer on n_profiles_met: one class per count 0…`profiles`, vermilion to green."""
    ramp = QgsGradientColorRamp(QColor(NONE_MET_COLOUR), QColor(ALL_MET_COLOUR))
    ranges = []
    for count in range(profiles + 1):
        symbol = QgsSymbol.defaultSymbol(layer.geometryType())
        symbol.setColor(ramp.color(count / profiles if profiles else 1.0))
        label = FusionMatrixMessages.tr("{count} of {total} circles met").format(count=count, total=profiles)
        ranges.append(QgsRendererRange(count - 0.5, count + 0.5, symbol, label))
    return QgsGraduatedSymbolRenderer(MET_FIELD, ranges)


def apply_fusion_style(layer: QgsVectorLayer) -> QgsGraduatedSymbolRenderer:
    """Colour a fusion result by how many profiles each community meets; FifteenMinError for another layer."""
    _require_fusion(layer)
    renderer = fusion_renderer(layer, len(fusion_profiles(layer)))
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer
