"""The algorithm classes the provider exposes, in toolbox order."""

from __future__ import annotations

import importlib

from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm

#: (module in fifteen_min_plugin.processing, class name)
ALGORITHMS: tuple[tuple[str, str], ...] = (
    ("buffer_circles", "BufferCirclesAlgorithm"),
    ("network_circles", "NetworkCirclesAlgorithm"),
    ("convert_coords", "ConvertCoordsAlgorithm"),
    ("import_table", "ImportTableAlgorithm"),
    ("import_osm", "ImportOsmAlgorithm"),
    ("import_poi_api", "ImportPoiApiAlgorithm"),
    ("import_needs", "ImportNeedsAlgorithm"),
    ("import_satisfaction", "ImportSatisfactionAlgorithm"),
    ("classify_facilities", "ClassifyFacilitiesAlgorithm"),
    ("coverage", "CoverageAlgorithm"),
    ("nearest_facility", "NearestFacilityAlgorithm"),
    ("fusion", "FusionAlgorithm"),
    ("population_summary", "PopulationSummaryAlgorithm"),
    ("idle_candidates", "IdleCandidatesAlgorithm"),
    ("repurpose", "RepurposeAlgorithm"),
    ("colocation", "ColocationAlgorithm"),
    ("plan_scenario", "PlanScenarioAlgorithm"),
    ("circle_plan", "CirclePlanAlgorithm"),
    ("copy_workspace", "CopyWorkspaceAlgorithm"),
)


def algorithm_classes() -> list[type[FifteenMinAlgorithm]]:
    """Every algorithm class.

    Modules import scipy, shapely, pyproj and requests only when they run, so the provider loads without them;
    each algorithm's canExecute names what it lacks.
    """
    return [
        getattr(importlib.import_module(f"fifteen_min_plugin.processing.{module}"), name) for module, name in ALGORITHMS
    ]
