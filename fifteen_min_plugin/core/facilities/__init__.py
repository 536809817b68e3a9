"""Facilities from every source: spreadsheets, China coordinates, OSM, POI web APIs; classified, deduplicated."""
