"""Co-location sites (圈圈融合): which gaps of which circle profiles one site would close, and who gains.

The gaps are a fifteenmin:fusion result: per community the missing items of every profile
(`<profile>_missing`, items as ``code|code`` joined by ``,``) and its `population`. A site offering a set of
category codes closes item I of profile P in community C when one of its codes is one of I's codes and C lies
within I's reach of the site. The distance is straight-line at the walking speed (the site's walk along the
streets is not computed; `reach_method` says so), measured in a metric CRS.

A closure counts the profiles (circles) served, the communities gaining and their residents, and scores

    score = Σ over gaining communities of population × profiles closed there / 1000

so a use closing the same gap in two circles (a 社区食堂 for the convenience and the elderly-care circle)
weighs twice, and the score drops when one profile's gap is closed by a new facility.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
)

from fifteen_min_plugin.core.analysis.profiles import SHIPPED, Profile, ProfileItem, load_profiles
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.labels import named_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.values import text as value_text

#: the circle names of the shipped profiles in sentences (output data in both languages, not interface text)
PROFILE_NAMES = {
    "mofcom_convenience": ("便民生活圈", "convenience circle"),
    "gb50180": ("居住区生活圈", "GB 50180 living circle"),
    "elderly_care": ("养老服务圈", "elderly-care circle"),
    "childcare": ("托育服务圈", "childcare circle"),
    "fitness": ("健身圈", "fitness circle"),
    "parcel": ("快递服务圈", "parcel-service circle"),
    "education": ("教育服务圈", "education circle"),
    "medical": ("医疗服务圈", "medical circle"),
    "complete_community": ("完整社区", "complete community"),
}
STRAIGHT_LINE = "straight_line"


class ColocationMessages(Messages):
    """Translation context of the co-location messages."""


def profile_name(profile: str, chinese: bool) -> str:
    """The circle's name in a sentence: the shipped name, else the profile's own name."""
    names = PROFILE_NAMES.get(profile)
    return (names[0] if chinese else names[1]) if names else profile


@dataclass(frozen=True)
class GapCommunity:
    """One community of the fusion result: its id, residents, point (metric CRS) and missing items per profile."""

    community_id: str
    population: int
    xy: tuple[float, float]
    missing: Mapping[str, tuple[ProfileItem, ...]]


@dataclass(frozen=True)
class Closure:
    """What one site offering some codes would close: profiles (in profile order), communities, residents, score."""

    profiles: tuple[str, ...]
    communities: tuple[str, ...]
    residents: int
    score: float
    gaps: tuple[tuple[str, str, str], ...]

    @property
    def n_profiles(self) -> int:
        """How many circle profiles gain at least one item."""
        return len(self.profiles)

    def profiles_text(self, chinese: bool) -> str:
        """The circles served, named for a sentence."""
        return ("、" if chinese else ", ").join(profile_name(name, chinese) for name in self.profiles)


EMPTY = Closure((), (), 0, 0.0, ())


def fusion_profiles(source: QgsFeatureSource, names: Sequence[str] = ()) -> list[Profile]:
    """The profiles of a fusion result: `names` (shipped names or CSV paths), else every shipped one it has.

    A profile is in the result when the layer has its `<profile>_missing` field; FifteenMinError when none is.
    """
    fields = set(source.fields().names())
    chosen = list(names) or [name for name in SHIPPED if f"{name}_missing" in fields]
    profiles = load_profiles(chosen) if chosen else []
    absent = [profile.name for profile in profiles if f"{profile.name}_missing" not in fields]
    if absent or not profiles:
        raise FifteenMinError(
            ColocationMessages.tr(
                "The circle-fusion layer has no <profile>_missing field for {profiles}; run Circle fusion with "
                "these profiles first."
            ).format(profiles=", ".join(absent) or ", ".join(SHIPPED))
        )
    return profiles


class GapIndex:
    """The fusion result's communities with their gaps, to ask what a site would close."""

    def __init__(
        self,
        communities: Sequence[GapCommunity],
        profiles: Sequence[Profile],
        crs: QgsCoordinateReferenceSystem,
        speed_kmh: float,
    ) -> None:
        self.communities = list(communities)
        self.profiles = list(profiles)
        self.crs = crs
        self.metres_per_minute = speed_kmh * 1000.0 / 60.0
        import numpy as np  # only when an index is built: repurpose imports this module

        self._xy = np.array([item.xy for item in self.communities], dtype=float).reshape(-1, 2)
        self._order = {profile.name: position for position, profile in enumerate(self.profiles)}
        #: the longest reach of any item (m): communities farther from a site gain nothing from it
        self._max_reach = max((self.reach_m(item) for profile in self.profiles for item in profile.items), default=0.0)

    def reach_m(self, item: ProfileItem) -> float:
        """An item's reach in metres at the walking speed."""
        return item.reach_minutes(self.metres_per_minute) * self.metres_per_minute

    @classmethod
    def from_fusion(
        cls,
        source: QgsFeatureSource,
        profiles: Sequence[Profile],
        speed_kmh: float,
        transform_context: QgsCoordinateTransformContext,
        feedback: QgsProcessingFeedback,
    ) -> GapIndex:
        """Read a fusion result (points or polygons with community_id, population and `<profile>_missing`)."""
        # shapely and scipy (the walking graph's module): imported here, so loading the provider (qgis_process on a
        # system without shapely 2) does not need them
        from fifteen_min_plugin.core.network.graph import layer_extent, metric_crs

        names = source.fields().names()
        if "community_id" not in names:
            raise FifteenMinError(
                ColocationMessages.tr(
                    "The circle-fusion layer has no community_id field; use the output of Circle fusion."
                )
            )
        crs, _ = metric_crs(source.sourceCrs(), layer_extent(source), transform_context)
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, transform_context)
        communities, no_population, unplaced = [], [], []
        for feature in source.getFeatures():
            values = dict(zip(names, feature.attributes()))
            community = value_text(values.get("community_id")) or str(feature.id())
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                unplaced.append(community)
                continue
            try:
                done = geometry.transform(transform) == Qgis.GeometryOperationResult.Success
            except QgsCsException:
                done = False
            if not done:
                unplaced.append(community)
                continue
            point = geometry.pointOnSurface().asPoint()
            population = plain(values.get("population"))
            try:
                residents = int(float(population)) if population is not None else 0
            except (TypeError, ValueError):
                residents = 0
            if population is None:
                no_population.append(community)
            missing = {}
            for profile in profiles:
                labels = {part.strip() for part in value_text(values.get(f"{profile.name}_missing")).split(",")}
                items = tuple(item for item in profile.items if "|".join(item.codes) in labels)
                if items:
                    missing[profile.name] = items
            communities.append(GapCommunity(community, residents, (point.x(), point.y()), missing))
        if unplaced:
            feedback.pushWarning(
                ColocationMessages.tr("{count} communities have no geometry and were left out: {ids}.").format(
                    count=len(unplaced), ids=named_ids(unplaced)
                )
            )
        if no_population:
            feedback.pushWarning(
                ColocationMessages.tr(
                    "{count} communities have no population, so their residents count as 0: {ids}."
                ).format(count=len(no_population), ids=named_ids(no_population))
            )
        return cls(communities, profiles, crs, speed_kmh)

    def site_xy(
        self,
        geometry: QgsGeometry,
        source_crs: QgsCoordinateReferenceSystem,
        transform_context: QgsCoordinateTransformContext,
    ) -> Optional[tuple[float, float]]:
        """A site's point on surface in the index's CRS, None when it has no geometry or cannot be transformed."""
        if geometry.isNull() or geometry.isEmpty():
            return None
        copy = QgsGeometry(geometry)
        try:
            done = copy.transform(QgsCoordinateTransform(source_crs, self.crs, transform_context))
        except QgsCsException:
            return None
        if done != Qgis.GeometryOperationResult.Success:
            return None
        point = copy.pointOnSurface().asPoint()
        return point.x(), point.y()

    def closes(self, xy: tuple[float, float], codes: Iterable[str]) -> Closure:
        """What a site at `xy` offering `codes` would close (EMPTY when nothing)."""
        offered = set(codes)
        if not offered or not len(self._xy):
            return EMPTY
        import numpy as np

        distance = np.hypot(self._xy[:, 0] - xy[0], self._xy[:, 1] - xy[1])
        gaps: list[tuple[str, str, str]] = []
        per_community: dict[int, set[str]] = {}
        for position in np.flatnonzero(distance <= self._max_reach + 1e-6).tolist():
            community = self.communities[position]
            for profile, items in community.missing.items():
                for item in items:
                    if offered & set(item.codes) and distance[position] <= self.reach_m(item) + 1e-6:
                        gaps.append((community.community_id, profile, "|".join(item.codes)))
                        per_community.setdefault(position, set()).add(profile)
        if not gaps:
            return EMPTY
        profiles = sorted({gap[1] for gap in gaps}, key=lambda name: self._order.get(name, len(self._order)))
        gaining = sorted(per_community)
        residents = sum(self.communities[position].population for position in gaining)
        score = sum(self.communities[p].population * len(found) for p, found in per_community.items()) / 1000.0
        return Closure(
            tuple(profiles),
            tuple(self.communities[position].community_id for position in gaining),
            residents,
            round(score, 3),
            tuple(gaps),
        )


def closure_sentences(closure: Closure, use_zh: str, use_en: str) -> tuple[str, str]:
    """The Chinese and English sentence naming the circles a use serves and who gains."""
    zh = (
        f"{use_zh}可同时补齐{closure.profiles_text(True)}共 {closure.n_profiles} 个生活圈的缺项，"
        f"惠及 {len(closure.communities)} 个社区约 {closure.residents:,} 名居民。"
    )
    en = (
        f"A {use_en} here closes gaps of {closure.n_profiles} circles at once ({closure.profiles_text(False)}), "
        f"for {len(closure.communities)} communities with about {closure.residents:,} residents."
    )
    return zh, en
