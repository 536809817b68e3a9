"""Scale: one city workspace on PostGIS against the same workspace in a GeoPackage, in the same run.

A reproducible city on the sample's central-Shanghai streets (seeded, synthetic): 5,000 communities, 15,000 circles
(300 / 500 / 1,000 m around each community), 200,000 facilities over every category code and 2,000 idle assets,
written into a GeoPackage workspace and into a PostGIS workspace on a throwaway cluster (durable settings, as a
real server, reached through a libpq service) through the plugin's own write path. Then, best of REPEATS runs on
each backend, the backends alternating run by run so that both share the machine's load:

* open: `Workspace.open` plus `add_to_project` into a new project (what the dock does);
* coverage: `fifteenmin:coverage` of the workspace circles and facilities, written back into the workspace
  coverage layer with `replace_coverage` (what the Analysis page does);
* nearest facility: `fifteenmin:nearestfacility` from the workspace communities to the workspace facilities on
  the Shanghai streets, 15 minutes at 4 km/h.

The coverage rows read back from both workspaces, and the nearest-facility minutes, must be identical before
the PostGIS / GeoPackage ratios are printed (budget 1.5×).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_nearest import SAMPLE, UTM51, _read_lines, _seeded_points
from session import processing_session

COMMUNITIES = 5000
RADII_M = (300.0, 500.0, 1000.0)
FACILITIES = 200_000
ASSETS = 2000
#: runs per job and backend (coverage is a minute of shapely work per run, the same on both backends)
REPEATS = {"open": 5, "coverage": 1, "nearest": 3}
BUDGET = 1.5
MAX_MINUTES = 15.0


def _city(lines: list[np.ndarray]) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(2026)
    return {
        "communities": _seeded_points(lines, COMMUNITIES, rng),
        "facilities": _seeded_points(lines, FACILITIES, rng),
        "category": rng.integers(0, 1 << 30, FACILITIES),
        "assets": _seeded_points(lines, ASSETS, rng),
        "population": rng.integers(800, 12_000, COMMUNITIES),
    }


def _fill(workspace, city: dict[str, np.ndarray], codes: list[str]) -> float:
    """Write the city into `workspace` through add_all_or_nothing, one transaction per layer; returns seconds."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing

    def points(layer, xy: np.ndarray, values) -> list:
        fields = layer.fields()
        features = []
        for (x, y), row in zip(xy.tolist(), values):
            feature = QgsFeature(fields)
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            for name, value in row.items():
                feature[name] = value
            features.append(feature)
        return features

    start = time.perf_counter()
    communities = workspace.layer("communities")
    ids = [f"C{i:05d}" for i in range(COMMUNITIES)]
    rows = ({"community_id": c, "population": int(p), "synthetic": 1} for c, p in zip(ids, city["population"]))
    add_all_or_nothing(communities, points(communities, city["communities"], rows))

    circles = workspace.layer("circles")
    features = []
    for community, (x, y) in zip(ids, city["communities"].tolist()):
        centre = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        for level, radius in zip((5, 10, 15), RADII_M):
            feature = QgsFeature(circles.fields())
            geometry = centre.buffer(radius, 8)
            if not geometry.convertToMultiType():
                raise RuntimeError(f"circle {community}-{level} could not be made a MultiPolygon")
            feature.setGeometry(geometry)
            feature["circle_id"] = f"{community}-{level}"
            feature["community_id"] = community
            feature["level_min"] = level
            feature["radius_m"] = radius
            feature["method"] = "radius"
            features.append(feature)
    add_all_or_nothing(circles, features)

    facilities = workspace.layer("facilities")
    rows = (
        {"facility_id": f"F{i}", "category": codes[c % len(codes)], "source": "bench", "source_id": str(i)}
        for i, c in enumerate(city["category"].tolist())
    )
    add_all_or_nothing(facilities, points(facilities, city["facilities"], rows))

    assets = workspace.layer("idle_assets")
    rows = (
        {"asset_id": f"IA-{i:05d}", "name": f"asset {i}", "asset_type": "vacant_shop", "status": "candidate"}
        for i in range(ASSETS)
    )
    add_all_or_nothing(assets, points(assets, city["assets"], rows))
    return time.perf_counter() - start


def _jobs(processing, location, roads) -> dict[str, object]:
    """The three measured jobs on the workspace at `location`, each a callable."""
    from qgis.core import QgsCoordinateTransformContext, QgsProject

    from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    workspace = Workspace.open(location)

    def open_workspace() -> int:
        project = QgsProject()
        layers = Workspace.open(location).add_to_project(project)
        count = sum(1 for layer in layers if layer.isValid())
        project.clear()
        return count

    def coverage() -> list:
        result = processing.run(
            "fifteenmin:coverage",
            {"CIRCLES": workspace.layer("circles"), "FACILITIES": workspace.layer("facilities"), "OUTPUT": "memory:"},
        )["OUTPUT"]
        return replace_coverage(workspace.layer("coverage"), result, QgsCoordinateTransformContext())

    def nearest():
        return processing.run(
            "fifteenmin:nearestfacility",
            {
                "ROADS": roads,
                "ORIGINS": workspace.layer("communities"),
                "FACILITIES": workspace.layer("facilities"),
                "MAX_MINUTES": MAX_MINUTES,
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]

    return {"workspace": workspace, "open": open_workspace, "coverage": coverage, "nearest": nearest}


def _interleaved(jobs: dict[str, dict], key: str, repeats: int) -> dict[str, tuple[float, object]]:
    """Best time of `repeats` runs of job `key` per backend, the backends alternating so both share the load."""
    best: dict[str, tuple[float, object]] = {backend: (np.inf, None) for backend in jobs}
    for _ in range(repeats):
        for backend, job in jobs.items():
            start = time.perf_counter()
            result = job[key]()
            seconds = time.perf_counter() - start
            if seconds < best[backend][0]:
                best[backend] = (seconds, result)
    return best


def _checked(workspace, output, codes: list[str]) -> tuple[list, list]:
    """The coverage rows the workspace holds and the nearest-facility minutes, for the agreement check."""
    check = ["circle_id", "n_basic_present", *(f"n_{code}" for code in codes)]
    rows = sorted(tuple(f[name] for name in check) for f in workspace.layer("coverage").getFeatures())
    present = [f"min_{code}" for code in codes if output.fields().lookupField(f"min_{code}") >= 0]
    minutes = sorted((str(f["community_id"]), *(f[name] for name in present)) for f in output.getFeatures())
    return rows, minutes


def main() -> None:
    processing = processing_session()
    from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

    from fifteen_min_plugin.core.facilities.categories import load_categories
    from fifteen_min_plugin.core.workspace.workspace import Workspace
    from scripts.pg_cluster import PgCluster

    codes = [category.code for category in load_categories()]
    roads = QgsVectorLayer(f"{SAMPLE}|layername=shanghai_roads", "roads", "ogr")
    city = _city(_read_lines(roads))
    print(
        f"City workspace: {COMMUNITIES:,} communities, {COMMUNITIES * len(RADII_M):,} circles, {FACILITIES:,} "
        f"facilities in {len(codes)} categories, {ASSETS:,} idle assets (seeded, on the Shanghai sample streets, "
        f"{UTM51})"
    )
    cluster = PgCluster.start_new(fast=False)
    service = "fifteenmin_bench"
    # a libpq service file (outside QGIS, as a bureau may deploy it) holds the connection of this run
    service_file = cluster.root.parent / f"{cluster.root.name}.pg_service.conf"
    try:
        service_file.write_text(
            f"[{service}]\nhost={cluster.host}\nport={cluster.port}\ndbname={cluster.dbname}\n"
            f"user={cluster.superuser}\npassword={cluster.password}\n",
            encoding="utf-8",
        )
        service_file.chmod(0o600)
        os.environ["PGSERVICEFILE"] = str(service_file)
        crs = QgsCoordinateReferenceSystem(UTM51)
        with tempfile.TemporaryDirectory() as folder:
            locations = {"GeoPackage": Path(folder) / "city.gpkg", "PostGIS": f"postgres:service={service}/city"}
            jobs = {}
            for backend, location in locations.items():
                workspace = Workspace.create(location, crs=crs)
                fill_s = _fill(workspace, city, codes)
                print(f"  {backend:<10} written in {fill_s:6.1f} s (setup, not compared)")
                jobs[backend] = _jobs(processing, location, roads)
            timed = {key: _interleaved(jobs, key, repeats) for key, repeats in REPEATS.items()}
            checked = {b: _checked(job["workspace"], timed["nearest"][b][1], codes) for b, job in jobs.items()}
        layers = {backend: timed["open"][backend][1] for backend in jobs}
        agree = checked["GeoPackage"] == checked["PostGIS"] and layers["GeoPackage"] == layers["PostGIS"]
        print(f"  {'':<38}{'GeoPackage':>12}{'PostGIS':>10}{'ratio':>8}")
        for key, label in (
            ("open", f"open + add {layers['GeoPackage']} layers to a project"),
            ("coverage", "coverage, written to the workspace"),
            ("nearest", f"nearest facility, {MAX_MINUTES:g} min walk"),
        ):
            gpkg, pg = timed[key]["GeoPackage"][0], timed[key]["PostGIS"][0]
            ratio = f"{pg / gpkg:7.2f}×" if agree else "      —"
            verdict = ("within 1.5×" if pg / gpkg <= BUDGET else "OVER 1.5×") if agree else ""
            print(f"  {label:<38}{gpkg:>10.2f} s{pg:>8.2f} s{ratio} {verdict}  (best of {REPEATS[key]})")
        rows, minutes = checked["GeoPackage"]
        print(
            f"  results {'agree' if agree else 'DISAGREE'}: {len(rows):,} coverage rows read back from each "
            f"workspace and {len(minutes):,} communities' minutes, identical on both backends"
        )
    finally:
        os.environ.pop("PGSERVICEFILE", None)
        service_file.unlink(missing_ok=True)
        cluster.remove()


if __name__ == "__main__":
    main()
