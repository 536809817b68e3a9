"""`make demo`: the main job on the bundled Haidian sample, headless.

Creates a workspace GeoPackage, loads the sample communities, computes GB 50180 radius circles and 5/10/15-minute
walking isochrones on the real OSM streets, and writes a QGIS project that opens it all.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, "/usr/share/qgis/python/plugins")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsLayerTreeGroup,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"


def _start_qgis() -> QgsApplication:
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    provider = FifteenMinProvider()
    app.processingRegistry().addProvider(provider)
    app.fifteenmin_provider = provider  # the registry does not keep the Python object alive
    return app


def _sample_layer(path: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise SystemExit(f"the sample has no layer {name}: run `make sample`")
    return layer


def run(out: Path) -> dict[str, object]:
    from qgis import processing

    from fifteen_min_plugin.core.circle_writer import METHOD_RADIUS, style_levels, write_circles
    from fifteen_min_plugin.core.layer_io import copy_features
    from fifteen_min_plugin.core.settings import Settings
    from fifteen_min_plugin.core.workspace import Workspace

    out.mkdir(parents=True, exist_ok=True)
    workspace_path = out / "fifteen_min_demo.gpkg"
    project_path = out / "fifteen_min_demo.qgz"
    sample_copy = out / "sample_haidian.gpkg"
    for stale in (workspace_path, project_path, sample_copy):
        stale.unlink(missing_ok=True)
    shutil.copyfile(SAMPLE, sample_copy)

    project = QgsProject.instance()
    project.clear()
    project.setTitle("一刻钟便民生活圈 · Haidian sample / 海淀示例")
    context = project.transformContext()
    settings = Settings()

    workspace = Workspace.create(workspace_path)
    layers = {layer.source().split("layername=")[-1]: layer for layer in workspace.add_to_project(project)}
    workspace.remember_in(project)
    communities = _sample_layer(sample_copy, "communities")
    copy_features(communities, layers["communities"], context)
    roads = _sample_layer(sample_copy, "haidian_roads")

    summary: dict[str, object] = {"communities": layers["communities"].featureCount()}
    radius = processing.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": layers["communities"],
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": ",".join(map(str, settings.radii_m)),
            "MINUTES": ",".join(map(str, settings.circle_minutes)),
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    summary["radius circles"] = len(write_circles(layers["circles"], radius, context, METHOD_RADIUS))

    registry = QgsApplication.processingRegistry()
    if registry.algorithmById("fifteenmin:networkcircles") is not None:
        network = processing.run(
            "fifteenmin:networkcircles",
            {
                "ROADS": roads,
                "ORIGINS": QgsProcessingFeatureSourceDefinition(layers["communities"].source()),
                "ORIGIN_ID_FIELD": "community_id",
                "MINUTES": ",".join(map(str, settings.circle_minutes)),
                "SPEED_KMH": settings.walking_speed_kmh,
                "SNAP_TOLERANCE_M": settings.snap_tolerance_m,
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
        summary["network circles"] = len(write_circles(layers["circles"], network, context))
        summary["network rows"] = sorted(
            (f["origin_id"], int(f["minutes"]), round(f["street_m"]), round(f["area_m2"] / 10_000, 1))
            for f in network.getFeatures()
        )
    style_levels(layers["circles"])

    sample_group: QgsLayerTreeGroup = project.layerTreeRoot().addGroup("Sample (OSM) / 示例数据")
    for name in ("haidian_pois", "haidian_roads", "haidian_parking_and_buildings", "idle_assets_seed"):
        layer = _sample_layer(sample_copy, name)
        if project.addMapLayer(layer, False) is None:
            raise SystemExit(f"could not add {name} to the project")
        sample_group.addLayer(layer)
    if not project.write(str(project_path)):
        raise SystemExit(f"could not write {project_path}")
    summary["workspace"] = workspace_path
    summary["project"] = project_path
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "demo_output")
    args = parser.parse_args()
    app = _start_qgis()
    summary = run(args.out.resolve())
    print("\n15-Minute Living Circle demo — Haidian sample (© OpenStreetMap contributors, ODbL 1.0)")
    print(f"  communities loaded        : {summary['communities']} (synthetic populations)")
    print(f"  GB 50180 radius circles   : {summary['radius circles']} (300 / 500 / 1,000 m)")
    if "network circles" in summary:
        print(f"  walking isochrones        : {summary['network circles']} (5 / 10 / 15 min at 4 km/h)")
        print("  community  min  street_m  area_ha")
        for origin, minutes, street, hectares in summary["network rows"]:
            print(f"  {origin:<9} {minutes:>4} {street:>9} {hectares:>8}")
    print(f"  workspace GeoPackage      : {summary['workspace']}")
    print(f"  QGIS project              : {summary['project']}")
    QgsProject.instance().clear()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
