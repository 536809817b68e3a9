"""Before and after the plan: the coverage of every circle now, and with the chosen projects built.

Each project of a chosen status adds one facility of its category at its site: its own point (a polygon's point
on surface), else the location of its idle asset. Both runs use `core.analysis.coverage.circle_coverage`, so the
grades, gaps and populations are exactly those of `fifteenmin:coverage`.

`closed_by` names, per basic category gained, the projects built inside the circle that close it
("pharmacy:P1,P3;market:P2"); `required_before`/`required_after` are the GB 50180 / MOFCOM requirements the circle
misses (`missing_required` of coverage) now and after.

`residents_gaining` is the circle's population when the plan gives it at least one basic-guarantee category it
lacks now, else 0 (NULL when the circle's population is unknown): the residents who gain a missing basic
service within their circle, each counted once however many gaps close.

With roads (a walking graph built once by the caller), the lower tiers without a circle of their own are checked
within their walking minutes, as coverage does with roads, and the walking minutes from each circle's community to
the nearest facility of each basic category are measured now and after (core/projects/scenario_minutes.py); without
roads those fields are NULL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np
from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsProcessingMultiStepFeedback,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.analysis.coverage import (
    circle_community,
    circle_coverage,
    points_in_polygons,
    to_shapely,
)
from fifteen_min_plugin.core.analysis.tiers import RoadReach
from fifteen_min_plugin.core.compat import POINT_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.labels import project_status_label, warn_ids
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.projects.scenario_minutes import (
    MINUTES_FIELDS,
    NO_MINUTES,
    BasicMinutes,
    basic_minutes,
    report_unwalked,
)
from fifteen_min_plugin.core.settings import SCENARIO_SEARCH_MINUTES
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.schema import PROJECT_STATUSES

#: the statuses counted as built when none are chosen
DEFAULT_STATUSES = ("planned", "approved", "under_construction")
#: (name, kind) of the fields the scenario adds to each circle
SCENARIO_FIELDS = (
    ("grade_before", "text"),
    ("grade_after", "text"),
    ("missing_before", "text"),
    ("missing_after", "text"),
    ("gained", "text"),
    ("closed_by", "text"),
    ("required_before", "text"),
    ("required_after", "text"),
    ("tiers_before", "text"),
    ("tiers_after", "text"),
    ("residents_gaining", "int"),
    *MINUTES_FIELDS,
)
_PROJECT_FIELDS = ("project_id", "category", "status")


class ScenarioMessages(Messages):
    """Translation context of the scenario's sentences."""


@dataclass
class PlanScenario:
    """The circles with a geometry, each with its SCENARIO_FIELDS values, and the ids of the projects built."""

    features: list[QgsFeature]
    rows: list[dict[str, Any]]
    built: list[str]


def parse_statuses(text: str) -> tuple[str, ...]:
    """The statuses of a comma-separated list (empty: DEFAULT_STATUSES); a sentence for an unknown or cancelled one."""
    statuses = tuple(item.strip() for item in text.replace("，", ",").split(",") if item.strip())
    if not statuses:
        return DEFAULT_STATUSES
    unknown = [item for item in statuses if item not in PROJECT_STATUSES]
    if unknown:
        raise FifteenMinError(
            ScenarioMessages.tr("“{statuses}” are not project statuses; use some of {known}.").format(
                statuses=", ".join(unknown), known=", ".join(PROJECT_STATUSES)
            )
        )
    if "cancelled" in statuses:
        raise FifteenMinError(
            ScenarioMessages.tr("A cancelled project is never built; leave “cancelled” out of the statuses.")
        )
    return statuses


def _asset_points(assets: Optional[QgsFeatureSource]) -> dict[str, QgsGeometry]:
    if assets is None or assets.fields().lookupField("asset_id") < 0:
        return {}
    return {
        str(plain(feature["asset_id"])): feature.geometry()
        for feature in assets.getFeatures()
        if plain(feature["asset_id"]) and feature.hasGeometry()
    }


def _point(geometry: Optional[QgsGeometry], transform: Optional[QgsCoordinateTransform]) -> Optional[QgsGeometry]:
    """A multipoint's first point (as coverage counts it), a polygon's point on surface; None if it has none."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if geometry.type() == POINT_GEOMETRY:
        point = QgsGeometry.fromPointXY(geometry.asMultiPoint()[0] if geometry.isMultipart() else geometry.asPoint())
    else:
        point = geometry.pointOnSurface()
    if transform is not None:
        try:
            if point.transform(transform) != Qgis.GeometryOperationResult.Success:
                return None
        except QgsCsException:
            return None
    return point


def built_facilities(
    facilities: QgsFeatureSource,
    category_field: str,
    projects: QgsFeatureSource,
    statuses: Sequence[str],
    assets: Optional[QgsFeatureSource],
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
) -> tuple[QgsVectorLayer, list[str]]:
    """The facilities plus one point per project built, as a layer (`category`, `project_id`); the built ids."""
    missing = [name for name in _PROJECT_FIELDS if projects.fields().lookupField(name) < 0]
    if missing:
        raise FifteenMinError(
            ScenarioMessages.tr(
                "The projects layer has no field {fields}; use the workspace projects layer or a copy of it."
            ).format(fields=", ".join(missing))
        )
    crs = facilities.sourceCrs()
    uri = f"Point?crs={crs.authid() or crs.toWkt()}&field=category:string&field=project_id:string"
    layer = QgsVectorLayer(uri, "after", "memory")
    added = []
    for feature in facilities.getFeatures():
        point = _point(feature.geometry(), None)
        if point is not None:
            row = QgsFeature(layer.fields())
            row.setGeometry(point)
            row["category"] = plain(feature[category_field])
            added.append(row)
    codes = {category.code for category in load_categories()}
    to_facilities = QgsCoordinateTransform(projects.sourceCrs(), crs, transform_context)
    asset_points = _asset_points(assets)
    from_assets = QgsCoordinateTransform(assets.sourceCrs(), crs, transform_context) if asset_points else None
    built, unplaced, unknown = [], [], []
    for feature in projects.getFeatures():
        if str(plain(feature["status"]) or "planned") not in statuses:
            continue
        project_id = str(plain(feature["project_id"]) or feature.id())
        category = str(plain(feature["category"]) or "")
        if category not in codes:
            unknown.append(project_id)
            continue
        point = _point(feature.geometry(), to_facilities)
        if point is None and from_assets is not None and feature.fields().lookupField("asset_id") >= 0:
            point = _point(asset_points.get(str(plain(feature["asset_id"]))), from_assets)
        if point is None:
            unplaced.append(project_id)
            continue
        row = QgsFeature(layer.fields())
        row.setGeometry(point)
        row["category"] = category
        row["project_id"] = project_id
        added.append(row)
        built.append(project_id)
    layer.dataProvider().addFeatures(added)
    unknown_message = ScenarioMessages.tr(
        "{count} projects have no category code of the categories table and were left out: {ids}."
    )
    warn_ids(feedback, unknown_message, unknown)
    unplaced_message = ScenarioMessages.tr(
        "{count} projects have neither a site nor an idle asset found in the assets layer, so they were left out: "
        "{ids}."
    )
    warn_ids(feedback, unplaced_message, unplaced)
    feedback.pushInfo(
        ScenarioMessages.tr("{count} projects counted as built ({statuses}).").format(
            count=len(built), statuses="、".join(project_status_label(status) for status in statuses)
        )
    )
    return layer, built


def plan_scenario(
    circles: QgsFeatureSource,
    facilities: QgsFeatureSource,
    category_field: str,
    projects: QgsFeatureSource,
    statuses: Sequence[str],
    communities: Optional[QgsFeatureSource],
    assets: Optional[QgsFeatureSource],
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback,
    roads: Optional[RoadReach] = None,
    max_minutes: float = SCENARIO_SEARCH_MINUTES,
) -> Optional[PlanScenario]:
    """The grade and missing basic categories of every circle before and after the plan; None when cancelled.

    With `roads` and `communities`, also the walking minutes to each basic category (searched up to `max_minutes`).
    """
    walking = roads is not None and communities is not None
    steps = QgsProcessingMultiStepFeedback(3 if walking else 2, feedback)
    before = circle_coverage(circles, facilities, category_field, communities, transform_context, steps, roads=roads)
    if before is None:
        return None
    after_layer, built = built_facilities(
        facilities, category_field, projects, statuses, assets, transform_context, feedback
    )
    steps.setCurrentStep(1)
    after = circle_coverage(circles, after_layer, "category", communities, transform_context, steps, roads=roads)
    if after is None:
        return None
    minutes: Optional[BasicMinutes] = None
    if walking:
        steps.setCurrentStep(2)
        steps.setProgressText(ScenarioMessages.tr("Walking minutes before and after the plan…"))
        built_points = after_layer.materialize(QgsFeatureRequest().setFilterExpression('"project_id" IS NOT NULL'))
        minutes = basic_minutes(
            roads, communities, facilities, category_field, built_points, max_minutes, transform_context, steps
        )
        if minutes is None:
            return None
    else:
        feedback.pushInfo(
            ScenarioMessages.tr(
                "Walking minutes need roads and communities: minutes_before, minutes_after, minutes_changed, "
                "worst_min_before and worst_min_after are empty."
            )
        )
    scenario = PlanScenario(before.features, [], built)
    projects_by_circle = _projects_in_circles(after_layer, before.features, circles, transform_context)
    for feature, old, new, inside in zip(before.features, before.rows, after.rows, projects_by_circle):
        missing_before = [code for code in str(old["missing_basic"]).split(",") if code]
        missing_after = set(code for code in str(new["missing_basic"]).split(",") if code)
        gained = [code for code in missing_before if code not in missing_after]
        population = plain(old["population"])
        scenario.rows.append(
            {
                "grade_before": old["grade"],
                "grade_after": new["grade"],
                "missing_before": old["missing_basic"],
                "missing_after": new["missing_basic"],
                "gained": ",".join(gained),
                "closed_by": ";".join(f"{code}:{','.join(inside[code])}" for code in gained if code in inside),
                "required_before": old["missing_required"],
                "required_after": new["missing_required"],
                "tiers_before": old["missing_tiers"],
                "tiers_after": new["missing_tiers"],
                "residents_gaining": NULL if population is None else (int(population) if gained else 0),
                **(NO_MINUTES if minutes is None else minutes.values(circle_community(feature))),
            }
        )
    if minutes is not None:
        report_unwalked(scenario.features, scenario.rows, feedback)
    return scenario


def _projects_in_circles(
    after: QgsVectorLayer,
    circles: Sequence[QgsFeature],
    source: QgsFeatureSource,
    transform_context: QgsCoordinateTransformContext,
) -> list[dict[str, list[str]]]:
    """Per circle, category → ids of the built projects whose point lies in it (in or on, as coverage counts)."""
    transform = QgsCoordinateTransform(after.crs(), source.sourceCrs(), transform_context)
    built = []
    for feature in after.getFeatures(QgsFeatureRequest(QgsExpression('"project_id" IS NOT NULL'))):
        point = _point(feature.geometry(), transform)
        if point is not None:
            built.append((str(feature["category"]), str(feature["project_id"]), point.asPoint()))
    xs = np.array([xy.x() for _, _, xy in built])
    ys = np.array([xy.y() for _, _, xy in built])
    shapes = to_shapely([circle.geometry() for circle in circles])
    found: list[dict[str, list[str]]] = []
    for indices in points_in_polygons(shapes, xs, ys, np.ones(len(built), dtype=bool)):
        inside: dict[str, list[str]] = {}
        for index in indices:
            category, project_id, _ = built[index]
            inside.setdefault(category, []).append(project_id)
        found.append(inside)
    return found
