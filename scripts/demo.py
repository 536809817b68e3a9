"""`make demo`: the main job on the bundled Haidian sample, headless.

Creates a workspace GeoPackage, loads the sample communities, computes GB 50180 radius circles and 5/10/15-minute
walking isochrones on the real OSM streets, and writes a QGIS project that opens it all: in the CGCS2000
Gauss-Krüger zone of the sample (EPSG:4548), zoomed to the sample, with layer names and legends in the language
of `--lang` (default: the interface language from QGIS's settings or LANG).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))  # session.py: the headless QGIS the benchmarks use too

from qgis.core import (  # noqa: E402
    NULL,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsLayerTreeGroup,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QTranslator  # noqa: E402
from session import processing_session  # noqa: E402

SAMPLE = ROOT / "resources" / "sample" / "sample.gpkg"
SURVEY = ROOT / "resources" / "sample" / "haidian_survey_gcj02_gbk.csv"
NEEDS = ROOT / "resources" / "sample" / "haidian_needs_synthetic_gbk.csv"
#: CGCS2000 / 3-degree Gauss-Krüger CM 117E: the projected system a Beijing bureau draws in (Haidian is at 116.35E)
PROJECT_CRS = "EPSG:4548"
#: names the demo gives the layers and groups it adds itself, per language
NAMES = {
    "en": {
        "title": "15-minute living circles · Haidian sample",
        "minutes": "Walking minutes",
        "suggestions": "Repurposing suggestions",
        "sample": "Sample (OpenStreetMap)",
        "report": "Haidian sample",
        "haidian_pois": "Points of interest (OSM)",
        "haidian_roads": "Streets (OSM)",
        "haidian_parking_and_buildings": "Parking and buildings (OSM)",
        "idle_assets_seed": "Idle asset records (synthetic)",
    },
    "zh": {
        "title": "一刻钟便民生活圈 · 海淀示例",
        "minutes": "步行分钟",
        "suggestions": "盘活建议",
        "sample": "示例数据（OpenStreetMap）",
        "report": "海淀示例",
        "haidian_pois": "兴趣点（OSM）",
        "haidian_roads": "道路（OSM）",
        "haidian_parking_and_buildings": "停车场与建筑（OSM）",
        "idle_assets_seed": "闲置资源登记示例（合成）",
    },
}
_KEEP: list = []  # the installed translator must outlive main()
#: the themed lists of the synthetic needs file, as Ningbo's Dazha community keeps them (红黄蓝三色清单)
THEMED_LISTS = (
    ("红色清单", "red", "居家养老服务设在哪里"),
    ("黄色清单", "#f9a825", "养老服务提供什么"),
    ("蓝色清单", "blue", "嵌入式物业服务"),
)
#: synthetic figures the demo gives the projects it creates from the top suggestions (investment 万元, lead unit,
#: deadline), and the status each one reaches
DEMO_PROJECTS = (
    (120.0, "学院路街道办事处", "2026-09-30", "approved"),
    (45.0, "海淀区商务局", "2026-06-30", "planned"),
    (80.0, "海淀区民防局", "2027-03-31", "under_construction"),
)


def use_language(lang: str) -> str:
    """Speak `lang` (e.g. zh_CN, zh-Hans, en_US; "" = the interface language): install the plugin catalogue.

    Returns "zh" or "en", the language of the names the demo gives its own layers.
    """
    from fifteen_min_plugin.core.language import catalogue_path, interface_locale

    path = catalogue_path(lang or interface_locale())
    if path is None:
        return "en"
    translator = QTranslator()
    if not translator.load(str(path)):
        raise SystemExit(f"the catalogue {path} cannot be loaded: run `make translations`")
    QCoreApplication.installTranslator(translator)
    _KEEP.append(translator)
    return "zh"


def _sample_layer(path: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise SystemExit(f"the sample has no layer {name}: run `make sample`")
    return layer


def _facilities(processing, sample: Path, layers: dict, context) -> dict[str, object]:
    """OSM facilities of the sample and the bureau's GCJ-02/GBK survey spreadsheet, classified and deduplicated."""
    from fifteen_min_plugin.core.facilities.importer import append_facilities, category_counts, user_classifier
    from fifteen_min_plugin.core.settings import Settings

    classifier = user_classifier()
    tolerance = Settings.load().dedup_tolerance_m
    osm = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": _sample_layer(sample, "haidian_pois"), "OUTPUT": "memory:"}
    )["OUTPUT"]
    from_osm = append_facilities(osm, layers["facilities"], context, "osm", classifier, tolerance)
    survey = processing.run(
        "fifteenmin:importtable",
        {"INPUT": str(SURVEY), "COORD_SYSTEM": 1, "OUTPUT": "memory:"},  # 1 = GCJ-02; encoding detected (GBK)
    )["OUTPUT"]
    from_survey = append_facilities(
        survey, layers["facilities"], context, f"table:{SURVEY.name}", classifier, tolerance
    )
    counts = category_counts(layers["facilities"])
    return {
        "facilities osm": from_osm,
        "facilities survey": from_survey,
        "facility categories": counts,
    }


def _needs(layers: dict, context) -> dict[str, object]:
    """The synthetic needs table (GBK, Chinese free text) placed in the communities and stored in the workspace."""
    from qgis.core import QgsProcessingFeedback

    from fifteen_min_plugin.core.needs.needs_import import NeedsColumns, NeedsInput, import_needs
    from fifteen_min_plugin.core.needs.store import append_needs, top_needs
    from fifteen_min_plugin.core.workspace.layer_io import copy_features

    kept: list = []
    columns = NeedsColumns(
        text="诉求内容", community="社区", weight="人数", list="清单", priority="紧急程度", date="提交时间"
    )
    request = NeedsInput(NEEDS.name, columns, path=NEEDS, communities=layers["communities"], transform_context=context)
    report = import_needs(request, lambda feature: None, QgsProcessingFeedback(), keep=kept.append)
    append_needs(layers["needs"], kept)
    lists = QgsVectorLayer("None?field=name:string&field=colour:string&field=meaning:string", "lists", "memory")
    rows = []
    for name, colour, meaning in THEMED_LISTS:
        row = QgsFeature(lists.fields())
        row.setAttributes([name, colour, meaning])
        rows.append(row)
    lists.dataProvider().addFeatures(rows)
    copy_features(lists, layers["need_lists"], context)
    return {
        "needs imported": report.written,
        "needs unclassified": report.unclassified.count,
        "needs unplaced rows": [row for row, _ in report.unlocated.first],
        "top needs": top_needs(layers["needs"]),
    }


def _coverage(processing, layers: dict) -> dict[str, object]:
    """What every circle has and lacks, written into the workspace coverage layer."""
    from fifteen_min_plugin.core.workspace.layer_io import copy_features

    method = "network" if any(f["method"] == "network" for f in layers["circles"].getFeatures()) else "radius"
    circles = layers["circles"].materialize(QgsFeatureRequest().setFilterExpression(f"\"method\" = '{method}'"))
    coverage = processing.run(
        "fifteenmin:coverage",
        {
            "CIRCLES": circles,
            "FACILITIES": layers["facilities"],
            "COMMUNITIES": layers["communities"],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    copy_features(coverage, layers["coverage"], QgsProject.instance().transformContext())
    rows = sorted(
        (f["community_id"], int(f["level_min"]), f["grade"], f["n_basic_present"], f["missing_basic_zh"] or "")
        for f in coverage.getFeatures()
    )
    names = coverage.fields().names()

    def value(feature, name):
        return feature[name] if name in names and feature[name] not in (None, NULL) else None

    figures = sorted(
        (
            f["community_id"],
            int(f["level_min"]),
            value(f, "missing_tiers_zh") or "",
            value(f, "chain_share"),
            value(f, "households"),
            value(f, "floor_area_m2"),
            value(f, "floor_area_shortfall_m2"),
        )
        for f in coverage.getFeatures()
    )
    return {"coverage method": method, "coverage rows": rows, "coverage figures": figures, "coverage circles": circles}


def _idle_assets(processing, workspace, sample: Path, layers: dict) -> dict[str, object]:
    """Find candidates in the sample, register the seeded ones, and rank repurposing suggestions."""
    from fifteen_min_plugin.core.assets.register import AssetRegister

    candidates = processing.run(
        "fifteenmin:idlecandidates",
        {"INPUT": [_sample_layer(sample, "haidian_parking_and_buildings")], "OUTPUT": "memory:"},
    )["OUTPUT"]
    register = AssetRegister(layers["idle_assets"], layers["asset_events"], user="demo")
    seeds = _sample_layer(sample, "idle_assets_seed")
    for seed in seeds.getFeatures():
        values = {name: seed[name] for name in ("name", "asset_type", "area_m2", "capacity", "idle_windows")}
        register.add({**values, "synthetic": 1, "notes": str(seed["source"])}, seed.geometry(), seeds.crs(), "demo")
    largest_parking = sorted(
        (f for f in candidates.getFeatures() if f["asset_type"] == "parking"), key=lambda f: -(f["area_m2"] or 0)
    )[:2]
    for candidate in largest_parking:  # the technician confirms two of the candidates the scan found
        name = candidate["name"] or f"停车场 {candidate['source_fid']}"
        values = {"name": name, "asset_type": "parking", "area_m2": candidate["area_m2"], "synthetic": 0}
        values.update(source_layer=candidate["source_layer"], source_fid=candidate["source_fid"])
        values["notes"] = f"{candidate['why']} ({candidate['source_layer']} #{candidate['source_fid']})"
        register.add(values, candidate.geometry(), candidates.crs(), "demo: registered from idle candidates")
    suggestions = processing.run(
        "fifteenmin:repurpose",
        {"ASSETS": layers["idle_assets"], "COVERAGE": layers["coverage"], "TOP_N": 2, "OUTPUT": "memory:"},
    )["OUTPUT"]
    top = sorted(
        (
            (f["asset_name"], int(f["rank"]), f["use_zh"], round(f["score"], 1), f["reason_zh"])
            for f in suggestions.getFeatures()
            if f["use"]  # an asset in no circle gets a row that explains why it has no suggestion
        ),
        key=lambda row: (-row[3], row[0], row[1]),
    )
    return {
        "candidates": candidates.featureCount(),
        "registered": len(register.asset_ids()),
        "suggestions": top,
        "suggestions layer": suggestions,
    }


def _projects(processing, layers: dict, summary: dict) -> dict[str, object]:
    """Projects from the top repurposing suggestions (one per asset), then the grades before and after the plan."""
    from fifteen_min_plugin.core.projects.register import ProjectRegister, project_from_suggestion

    register = ProjectRegister(layers["projects"], layers["project_events"], user="demo")
    suggestions = summary["suggestions layer"]
    best = sorted(
        (f for f in suggestions.getFeatures() if f["use"] and f["rank"] == 1),
        key=lambda f: (-f["score"], f["asset_id"]),
    )
    created = []
    for suggestion, (investment, lead, deadline, status) in zip(best, DEMO_PROJECTS):
        project_id = project_from_suggestion(register, suggestion, suggestions.crs(), "demo: from the top suggestion")
        register.update(project_id, {"investment_wan": investment, "lead_unit": lead, "deadline": deadline})
        for step in ("approved", "under_construction")[: ("planned", "approved", "under_construction").index(status)]:
            register.set_status(project_id, step, "demo")
        project = register.get(project_id)
        created.append((project_id, project["name"], status, investment, lead, deadline))
    scenario = processing.run(
        "fifteenmin:planscenario",
        {
            "CIRCLES": summary["coverage circles"],
            "FACILITIES": layers["facilities"],
            "PROJECTS": layers["projects"],
            "ASSETS": layers["idle_assets"],
            "COMMUNITIES": layers["communities"],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    grades = sorted(
        (f["community_id"], int(f["level_min"]), f["grade_before"], f["grade_after"], f["gained"] or "")
        for f in scenario.getFeatures()
    )
    return {"projects": created, "scenario rows": grades}


def _walking_minutes(
    processing, roads: QgsVectorLayer, layers: dict, project: QgsProject, names: dict[str, str]
) -> dict[str, object]:
    """Walking minutes from every community to the nearest facility of every category, on the real streets."""
    minutes = processing.run(
        "fifteenmin:nearestfacility",
        {
            "ROADS": roads,
            "ORIGINS": layers["communities"],
            "FACILITIES": layers["facilities"],
            "MAX_MINUTES": 15,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    minutes.setName(names["minutes"])
    if project.addMapLayer(minutes) is None:
        raise SystemExit("could not add the walking minutes to the project")
    wanted = ("convenience_store", "pharmacy", "fresh_market", "breakfast", "kindergarten", "elderly_care")
    rows = [
        (
            f["community_id"],
            [None if f[f"min_{code}"] in (None, NULL) else round(f[f"min_{code}"], 1) for code in wanted],
        )
        for f in minutes.getFeatures()
    ]
    return {"minutes layer": minutes, "minutes codes": wanted, "minutes rows": sorted(rows)}


def _fusion(processing, roads: QgsVectorLayer, layers: dict) -> dict[str, object]:
    """Every shipped circle profile for every community in one pass (圈圈融合): the community × profile matrix."""
    from fifteen_min_plugin.core.analysis.profiles import SHIPPED

    fused = processing.run(
        "fifteenmin:fusion",
        {"COMMUNITIES": layers["communities"], "FACILITIES": layers["facilities"], "ROADS": roads, "OUTPUT": "memory:"},
    )["OUTPUT"]
    rows = sorted(
        (f["community_id"], [bool(f[f"{name}_met"]) for name in SHIPPED], int(f["n_profiles_met"]))
        for f in fused.getFeatures()
    )
    return {"fusion profiles": SHIPPED, "fusion rows": rows, "fusion layer": fused}


def _colocation(processing, layers: dict, summary: dict) -> dict[str, object]:
    """The sites (idle assets, planned projects) closing gaps of several circles at once, when the algorithm exists."""
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().algorithmById("fifteenmin:colocation") is None:
        return {"colocation": None}
    sites = processing.run(
        "fifteenmin:colocation",
        {
            "FUSION": summary["fusion layer"],
            "ASSETS": layers["idle_assets"],
            "PROJECTS": layers["projects"],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    rows = sorted(
        (
            (f["site_name"], f["use_zh"], int(f["n_circles_served"]), f["circles_served_zh"], f["residents_gain"],
             round(f["score"], 1))
            for f in sites.getFeatures()
            if f["rank"] == 1
        ),
        key=lambda row: (-row[2], -row[5], row[0]),
    )  # fmt: skip
    return {"colocation": rows}


def _circle_plan(processing, layers: dict, summary: dict, out: Path, project: QgsProject) -> dict[str, object]:
    """The 一圈一策 PDF atlas, and the same layout added to the project for restyling."""
    from fifteen_min_plugin.core.report.layout import ReportLayers, add_layout_to_project

    pdf = out / "fifteen_min_demo_circle_plans.pdf"
    title = summary["names"]["report"]
    suggestions = summary["suggestions layer"]
    result = processing.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": layers["coverage"],
            "CIRCLES": layers["circles"],
            "FACILITIES": layers["facilities"],
            "ASSETS": layers["idle_assets"],
            "SUGGESTIONS": suggestions,
            "MINUTES": summary["minutes layer"],
            "NEEDS": layers["needs"],
            "NEED_LISTS": layers["need_lists"],
            "PROJECTS": layers["projects"],
            "SATISFACTION": layers["satisfaction"],
            "FUSION": summary["fusion layer"],
            "TITLE": title,
            "OUTPUT_PDF": str(pdf),
        },
    )
    suggestions.setName(summary["names"]["suggestions"])
    if project.addMapLayer(suggestions) is None:
        raise SystemExit("could not add the suggestions to the project")
    report_layers = ReportLayers(
        layers["coverage"], layers["circles"], layers["facilities"], layers["idle_assets"], suggestions,
        summary["minutes layer"], needs=layers["needs"], need_lists=layers["need_lists"],
        projects=layers["projects"], satisfaction=layers["satisfaction"], fusion=summary["fusion layer"],
    )  # fmt: skip
    add_layout_to_project(project, report_layers, title)
    return {"pdf": pdf, "pdf pages": result.get("PAGES")}


def _cli(out: Path) -> str:
    """Run one algorithm through qgis_process with the packaged plugin in a throwaway profile."""
    from package import build
    from qgis_profile import prepare_profile

    if shutil.which("qgis_process") is None:
        return "qgis_process not installed"
    profile = prepare_profile(out / "qgis_profile", zip_path=build(out / "fifteen_min_plugin.zip"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile))
    output = out / "cli_radius_circles.gpkg"
    output.unlink(missing_ok=True)
    command = [
        "qgis_process", "run", "fifteenmin:buffercircles", "--",
        f"ORIGINS={out / 'fifteen_min_demo.gpkg'}|layername=communities", "ORIGIN_ID_FIELD=community_id",
        f"OUTPUT={output}",
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise SystemExit(f"qgis_process failed:\n{done.stdout}\n{done.stderr}")
    count = QgsVectorLayer(str(output), "cli", "ogr").featureCount()
    return f"qgis_process run fifteenmin:buffercircles → {output} ({count} circles)"


def _zoom_to_sample(project: QgsProject, layers: dict) -> QgsReferencedRectangle:
    """Save the projected CRS and the sample's extent (with a margin) as the view the project opens at."""
    crs = QgsCoordinateReferenceSystem(PROJECT_CRS)
    project.setCrs(crs)
    circles = layers["circles"]
    extent = QgsCoordinateTransform(circles.crs(), crs, project.transformContext()).transformBoundingBox(
        circles.extent()
    )
    extent.grow(0.05 * max(extent.width(), extent.height()))
    view = QgsReferencedRectangle(extent, crs)
    project.viewSettings().setDefaultViewExtent(view)
    project.viewSettings().setPresetFullExtent(view)
    return view


def run(out: Path, language: str = "en", location: str = "") -> dict[str, object]:
    """The whole job; `location` puts the workspace on PostGIS (postgres:<connection>/<schema>) instead of a file."""
    from qgis import processing

    from fifteen_min_plugin.core.circles.styles import style_levels
    from fifteen_min_plugin.core.circles.writer import METHOD_RADIUS, write_circles
    from fifteen_min_plugin.core.settings import Settings
    from fifteen_min_plugin.core.workspace.layer_io import copy_features
    from fifteen_min_plugin.core.workspace.workspace import Workspace

    out.mkdir(parents=True, exist_ok=True)
    workspace_path = out / "fifteen_min_demo.gpkg"
    project_path = out / "fifteen_min_demo.qgz"
    sample_copy = out / "sample_haidian.gpkg"
    for stale in (workspace_path, project_path, sample_copy):
        stale.unlink(missing_ok=True)
    shutil.copyfile(SAMPLE, sample_copy)

    project = QgsProject.instance()
    project.clear()
    names = NAMES[language]
    project.setTitle(names["title"])
    project.setFileName(str(project_path))  # the workspace is remembered relative to it
    project.setCrs(QgsCoordinateReferenceSystem(PROJECT_CRS))
    context = project.transformContext()
    settings = Settings()

    workspace = Workspace.create(location or workspace_path)
    layers = {workspace.backend.layer_name_of(layer): layer for layer in workspace.add_to_project(project)}
    workspace.remember_in(project)
    communities = _sample_layer(sample_copy, "communities")
    copy_features(communities, layers["communities"], context)
    roads = _sample_layer(sample_copy, "haidian_roads")

    summary: dict[str, object] = {
        "names": names,
        "communities": layers["communities"].featureCount(),
        "community ids": {str(f["community_id"]) for f in layers["communities"].getFeatures()},
    }
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

    summary.update(_facilities(processing, sample_copy, layers, context))
    summary.update(_coverage(processing, layers))
    summary.update(_needs(layers, context))
    summary.update(_idle_assets(processing, workspace, sample_copy, layers))
    summary.update(_projects(processing, layers, summary))
    summary.update(_walking_minutes(processing, roads, layers, project, names))
    summary.update(_fusion(processing, roads, layers))
    summary.update(_colocation(processing, layers, summary))
    summary.update(_circle_plan(processing, layers, summary, out, project))

    sample_group: QgsLayerTreeGroup = project.layerTreeRoot().addGroup(names["sample"])
    for name in ("haidian_pois", "haidian_roads", "haidian_parking_and_buildings", "idle_assets_seed"):
        layer = _sample_layer(sample_copy, name)
        layer.setName(names[name])
        if project.addMapLayer(layer, False) is None:
            raise SystemExit(f"could not add {name} to the project")
        sample_group.addLayer(layer)
    summary["view"] = _zoom_to_sample(project, layers)
    if not project.write(str(project_path)):
        raise SystemExit(f"could not write {project_path}")
    summary["workspace"] = workspace.location
    summary["project"] = project_path
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "demo_output")
    parser.add_argument("--lang", default="", help="zh_CN (or zh-Hans) or en_US; default: QGIS's setting, else LANG")
    parser.add_argument(
        "--workspace", default="", help="a PostGIS workspace postgres:<connection>/<schema> (default: a GeoPackage)"
    )
    args = parser.parse_args()
    if args.lang:  # the plugin's own language checks read the locale of the process: make it say the same
        from fifteen_min_plugin.core.language import catalogue_name

        os.environ["LC_ALL"] = f"{catalogue_name(args.lang) or 'en_US'}.UTF-8"
    processing_session()
    summary = run(args.out.resolve(), use_language(args.lang), args.workspace)
    print("\n15-Minute Living Circle demo — Haidian sample (© OpenStreetMap contributors, ODbL 1.0)")
    print(f"  communities loaded        : {summary['communities']} (synthetic populations)")
    print(f"  GB 50180 radius circles   : {summary['radius circles']} (300 / 500 / 1,000 m)")
    print(f"  walking isochrones        : {summary['network circles']} (5 / 10 / 15 min at 4 km/h)")
    print("  community  min  street_m  area_ha")
    for origin, minutes, street, hectares in summary["network rows"]:
        print(f"  {origin:<9} {minutes:>4} {street:>9} {hectares:>8}")
    reached = {row[0] for row in summary["network rows"]}
    for community in sorted(summary["community ids"] - reached):
        print(f"  {community:<9} no street within the snap tolerance: reported, no isochrone (as designed)")
    osm, survey = summary["facilities osm"], summary["facilities survey"]
    print(f"  facilities from OSM       : {osm.added} added, {osm.unclassified} unclassified")
    print(
        f"  facilities from survey    : {survey.added} added, {survey.merged} merged with OSM duplicates "
        f"(GCJ-02 → WGS84 exact inverse, GBK detected)"
    )
    counts = summary["facility categories"]
    print("  categories                : " + ", ".join(f"{code} {n}" for code, n in counts.most_common(8) if code))
    print(
        f"  coverage ({summary['coverage method']} circles) — community, minutes, grade, basic present, missing basic:"
    )
    from fifteen_min_plugin.core.facilities.categories import codes

    n_basic = len(codes("basic"))
    for community, minutes, grade, present, missing in summary["coverage rows"]:
        print(f"    {community:<7} {minutes:>3} {grade:<4} {present:>2}/{n_basic}  {missing}")
    print("  GB 50180 requirements unmet per tier (tiers are not inclusive), 15-minute circles:")
    for community, minutes, tiers, *_ in summary["coverage figures"]:
        if minutes == 15:
            print(f"    {community:<7} {tiers or '—'}")
    print(
        "  chain share (target ≥30%) and floor area (国办发〔2021〕56号: 30 m² per 100 households), 15-minute circles:"
    )
    print("    community  chain  households  floor_m2  shortfall_m2")
    for community, minutes, _, chain, households, floor, shortfall in summary["coverage figures"]:
        if minutes == 15:
            share = "—" if chain is None else f"{chain:.0%}"
            cells = ["—" if v is None else f"{v:,.0f}" for v in (households, floor, shortfall)]
            print(f"    {community:<9} {share:>6} {cells[0]:>11} {cells[1]:>9} {cells[2]:>13}")
    print(
        f"  residents' needs          : {summary['needs imported']} imported from {NEEDS.name} (GBK), "
        f"{summary['needs unclassified']} unclassified, unplaced rows {summary['needs unplaced rows']}"
    )
    from fifteen_min_plugin.core.facilities.categories import load_categories

    names_zh = {category.code: category.name_zh for category in load_categories()}
    print("  top needs per community (residents asking):")
    for community, rows in summary["top needs"].items():
        print(f"    {community:<7} " + "  ".join(f"{names_zh.get(code, code)} {weight:g}" for code, weight in rows))
    print(
        f"  idle asset candidates     : {summary['candidates']} found in the sample; {summary['registered']} registered"
    )
    print("  top repurposing suggestions:")
    for name, rank, use, score, reason in summary["suggestions"][:5]:
        print(f"    {name} #{rank} {use} ({score}): {reason}")
    print("  projects from the top suggestions (project list, synthetic investment and dates):")
    for project_id, name, status, investment, lead, deadline in summary["projects"]:
        print(f"    {project_id} {name} — {status}, {investment:g} 万元, {lead}, by {deadline}")
    print("  plan scenario (planned + approved + under construction built) — community, minutes, grade before → after:")
    changed = [row for row in summary["scenario rows"] if row[2] != row[3] or row[4]]
    for community, minutes, before, after, gained in changed or summary["scenario rows"][:3]:
        filled = "、".join(names_zh.get(code, code) for code in gained.split(",") if code)
        print(f"    {community:<7} {minutes:>3} {before} → {after}  {('fills ' + filled) if filled else ''}".rstrip())
    print(f"    ({len(summary['scenario rows']) - len(changed)} other circles unchanged)")
    codes = summary["minutes codes"]
    print("  walking minutes to the nearest (— = none within 15 min): " + ", ".join(codes))
    for community, values in summary["minutes rows"]:
        print(f"    {community:<7} " + "  ".join(f"{'—' if v is None else v:>5}" for v in values))
    profiles = summary["fusion profiles"]
    print("  circle fusion (圈圈融合, walking on the streets) — ✓ met, · not met:")
    print("    " + " ".join(f"{i + 1}={name}" for i, name in enumerate(profiles)))
    print("    community " + " ".join(f"{i + 1:>2}" for i in range(len(profiles))) + "  met")
    for community, met, count in summary["fusion rows"]:
        print(
            f"    {community:<9} " + " ".join(f"{'✓' if value else '·':>2}" for value in met) + f"  {count}/{len(met)}"
        )
    if summary["colocation"] is None:
        print("  co-location sites         : fifteenmin:colocation is not in this version")
    else:
        print("  top co-location sites (one site closing gaps of several circles):")
        for name, use, count, circles, residents, score in summary["colocation"][:5]:
            print(f"    {name} {use}: {count} circles ({circles}), {residents:,} residents, score {score}")
    print(
        f"  一圈一策 PDF atlas         : {summary['pdf']} ({summary['pdf pages']} pages: cover, city summary, "
        "per circle a map page and a lists page with the needs, resource and project lists)"
    )
    cli = "run by make demo (the GeoPackage workspace)" if args.workspace else _cli(args.out.resolve())
    print(f"  command line              : {cli}")
    print(f"  workspace                 : {summary['workspace']}")
    print(f"  QGIS project              : {summary['project']}")
    QgsProject.instance().clear()
    QgsApplication.instance().exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
