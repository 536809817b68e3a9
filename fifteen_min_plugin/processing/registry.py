"""The list of algorithm classes the provider exposes; each issue adds its own here."""

from __future__ import annotations

from fifteen_min_plugin.processing.algorithm import FifteenMinAlgorithm


def algorithm_classes() -> list[type[FifteenMinAlgorithm]]:
    """Every algorithm class, in menu order."""
    from fifteen_min_plugin.processing.buffer_circles import BufferCirclesAlgorithm
    from fifteen_min_plugin.processing.classify_facilities import ClassifyFacilitiesAlgorithm
    from fifteen_min_plugin.processing.convert_coords import ConvertCoordsAlgorithm
    from fifteen_min_plugin.processing.coverage import CoverageAlgorithm
    from fifteen_min_plugin.processing.idle_candidates import IdleCandidatesAlgorithm
    from fifteen_min_plugin.processing.import_osm import ImportOsmAlgorithm
    from fifteen_min_plugin.processing.import_poi_api import ImportPoiApiAlgorithm
    from fifteen_min_plugin.processing.import_table import ImportTableAlgorithm
    from fifteen_min_plugin.processing.nearest_facility import NearestFacilityAlgorithm
    from fifteen_min_plugin.processing.population_summary import PopulationSummaryAlgorithm
    from fifteen_min_plugin.processing.repurpose import RepurposeAlgorithm

    return [
        BufferCirclesAlgorithm,
        ConvertCoordsAlgorithm,
        ImportTableAlgorithm,
        ImportPoiApiAlgorithm,
        ImportOsmAlgorithm,
        ClassifyFacilitiesAlgorithm,
        CoverageAlgorithm,
        NearestFacilityAlgorithm,
        PopulationSummaryAlgorithm,
        IdleCandidatesAlgorithm,
        RepurposeAlgorithm,
    ]
