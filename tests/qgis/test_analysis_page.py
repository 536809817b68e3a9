"""The Analysis page on a real workspace built from the sample: run, table, zoom, charts, styles, exports, cancel."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from qgis.core import (
    NULL,
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtTest import QTest

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
from fifteen_min_plugin.core.analysis.coverage_rows import table_header, table_values
from fifteen_min_plugin.core.analysis.grading import GRADES
from fifteen_min_plugin.core.circles.writer import write_circles
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.report import report_layouts
from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES
from fifteen_min_plugin.core.workspace.layer_io import copy_features
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.analysis_page import (
    CIRCLE_PLAN_ALGORITHM,
    GRADE_COLUMN,
    NEAREST_ALGORITHM,
    AnalysisPage,
)

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
CATEGORIES = load_categories()
BASIC = [c.code for c in CATEGORIES if c.category_class == "basic"]
CHARTED = [c.code for c in CATEGORIES if c.category_class in ("basic", "quality")]


def _sample(name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture(scope="module")
def template(tmp_path_factory, qgis_processing) -> Path:
    """A workspace holding the sample communities, their radius circles and the classified sample POIs."""
    from qgis import processing as processing_module

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("fifteenmin") is None:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    context = QgsProject.instance().transformContext()
    workspace = Workspace.create(tmp_path_factory.mktemp("analysis") / "haidian.gpkg")
    communities = _sample("communities")
    copy_features(communities, workspace.layer("communities"), context)
    circles = processing_module.run(
        "fifteenmin:buffercircles",
        {
            "ORIGINS": communities,
            "ORIGIN_ID_FIELD": "community_id",
            "RADII_M": "500,1000",
            "MINUTES": "10,15",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    write_circles(workspace.layer("circles"), circles, context)
    facilities = processing_module.run(
        "fifteenmin:classifyfacilities", {"INPUT": _sample("haidian_pois"), "OUTPUT": "memory:"}
    )["OUTPUT"]
    copy_features(facilities, workspace.layer("facilities"), context)
    if provider is not None:
        registry.removeProvider(provider)
    return workspace.path


@pytest.fixture()
def workspace(template, tmp_path) -> Workspace:
    return Workspace.open(shutil.copy(template, tmp_path / "haidian.gpkg"))


@pytest.fixture()
def project(qgis_app):
    project = QgsProject.instance()
    yield project
    project.removeAllMapLayers()


@pytest.fixture()
def canvas(qgis_canvas):
    qgis_canvas.window().show()
    QCoreApplication.processEvents()
    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    qgis_canvas.setExtent(QgsRectangle(12950000, 4865000, 12955000, 4870000))
    return qgis_canvas


def _page(canvas, project, workspace) -> tuple[AnalysisPage, QgsMessageBar]:
    bar = QgsMessageBar()
    page = AnalysisPage(canvas=canvas, message_bar=bar, workspace=lambda: workspace, project=project)
    return page, bar


def _wait(page: AnalysisPage, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while page.task is not None or QgsApplication.taskManager().countActiveTasks():
        assert time.monotonic() < deadline, "the computation did not finish in time"
        QCoreApplication.processEvents()


def _on_file(workspace: Workspace, name: str) -> list[QgsFeature]:
    layer = QgsVectorLayer(f"{workspace.path}|layername={name}", "check", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def _texts(bar: QgsMessageBar) -> list[str]:
    return [item.text() for item in bar.items()]


def _run_coverage(page: AnalysisPage) -> None:
    page.coverage_button.click()
    assert page.task is not None
    assert page.cancel_button.isVisibleTo(page)
    _wait(page)


def test_coverage_run_writes_one_row_per_circle_and_fills_a_sortable_table(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    _run_coverage(page)
    circles = {f["circle_id"] for f in _on_file(workspace, "circles")}
    rows = _on_file(workspace, "coverage")
    assert len(circles) == 24
    assert sorted(f["circle_id"] for f in rows) == sorted(circles)
    assert all(f["grade"] in GRADES for f in rows)

    _run_coverage(page)  # a second run replaces the rows of the same circles
    assert sorted(f["circle_id"] for f in _on_file(workspace, "coverage")) == sorted(circles)
    assert "24 circles" in _texts(bar)[-1]

    shown = {page.model.index(line, 0).data() for line in range(page.model.rowCount())}
    assert shown == circles
    order = list(GRADES)
    grades = [page.model.index(line, GRADE_COLUMN).data() for line in range(page.model.rowCount())]
    assert [order.index(g) for g in grades] == sorted(order.index(g) for g in grades)
    page.table.sortByColumn(GRADE_COLUMN, Qt.SortOrder.DescendingOrder)
    grades = [page.model.index(line, GRADE_COLUMN).data() for line in range(page.model.rowCount())]
    assert [order.index(g) for g in grades] == sorted((order.index(g) for g in grades), reverse=True)

    by_id = {f["circle_id"]: f for f in rows}
    summary = page.city_chart.summary()
    assert summary.circles == 24
    assert dict(summary.grade_counts) == {g: sum(f["grade"] == g for f in rows) for g in GRADES}
    lacking = {c.code: n for c, n in summary.missing_basic}
    assert lacking == {code: n for code in BASIC if (n := sum(f[f"n_{code}"] == 0 for f in by_id.values()))}


def test_clicking_a_row_zooms_to_the_circle_and_charts_its_counts(canvas, project, workspace, processing):
    page, _bar = _page(canvas, project, workspace)
    page.resize(600, 900)
    page.show()
    _run_coverage(page)
    line = page.model.rowCount() - 1
    index = page.model.index(line, 1)
    page.table.scrollTo(index)
    QTest.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=page.table.visualRect(index).center())

    circle_id = page.model.index(line, 0).data()
    feature = next(f for f in _on_file(workspace, "coverage") if f["circle_id"] == circle_id)
    geometry = QgsGeometry(feature.geometry())
    to_canvas = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(), project
    )
    assert geometry.transform(to_canvas) == Qgis.GeometryOperationResult.Success
    assert canvas.extent().contains(geometry.boundingBox())
    assert canvas.extent().width() < 3 * geometry.boundingBox().width()
    bars = page.circle_chart.bars()
    assert [bar.code for bar in bars] == CHARTED
    assert [bar.count for bar in bars] == [feature[f"n_{code}"] for code in CHARTED]
    assert page.circle_chart.height() > 0


def test_exports_round_trip_with_chinese_text(canvas, project, workspace, processing, tmp_path):
    page, _bar = _page(canvas, project, workspace)
    _run_coverage(page)
    coverage = {f["circle_id"]: f for f in _on_file(workspace, "coverage")}

    path = page.export_csv(str(tmp_path / "gaps.csv"))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == table_header()
    assert len(lines) == 1 + len(coverage)
    missing_column = table_header().index(table_header()[6])
    for line in lines[1:]:
        assert line[missing_column] == (coverage[line[0]]["missing_basic_zh"] or "")
        assert line[4] == coverage[line[0]]["grade"]
    assert any("、" in line[missing_column] for line in lines[1:])  # Chinese text came back intact

    workbook = load_workbook(page.export_xlsx(str(tmp_path / "gaps.xlsx")))
    values = list(workbook.active.values)
    assert list(values[0]) == table_header()
    assert [list(v) for v in values[1:]] == [
        [None if value == "" else value for value in table_values(row)] for row in page.rows
    ]


def test_grade_and_minutes_styles(canvas, project, workspace, processing):
    page, _bar = _page(canvas, project, workspace)
    _run_coverage(page)
    page.style_grades()
    coverage = next(layer for layer in project.mapLayers().values() if layer.source().endswith("layername=coverage"))
    renderer = coverage.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "grade"
    assert [c.value() for c in renderer.categories()] == list(GRADES)
    assert len({c.symbol().color().name() for c in renderer.categories()}) == 4

    from fifteen_min_plugin.core.analysis.renderers import apply_minutes_style

    origins = QgsVectorLayer("Point?crs=EPSG:4326&field=min_pharmacy:double", "origins", "memory")
    with pytest.raises(FifteenMinError):
        apply_minutes_style(origins, "supermarket")
    apply_minutes_style(origins, "pharmacy")
    graduated = origins.renderer()
    assert isinstance(graduated, QgsGraduatedSymbolRenderer)
    assert [(r.lowerValue(), r.upperValue()) for r in graduated.ranges()][:4] == [(0, 5), (5, 10), (10, 15), (15, 30)]
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(origins))
    for minutes, expected in ((3.0, 0), (7.5, 1), (15.0, 2), (22.0, 3), (NULL, 4)):
        feature = QgsFeature(origins.fields())
        feature["min_pharmacy"] = minutes
        context.setFeature(feature)
        value = QgsExpression(graduated.classAttribute()).evaluate(context)
        assert graduated.rangeForValue(value).label() == graduated.ranges()[expected].label()


def test_cancel_writes_nothing(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    page.coverage_button.click()
    page.cancel_button.click()
    _wait(page)
    assert _on_file(workspace, "coverage") == []
    assert "cancelled" in _texts(bar)[-1]
    assert page.coverage_button.isEnabled()


def test_without_a_workspace_nothing_runs(canvas, project, processing, tmp_path):
    bar = QgsMessageBar()
    page = AnalysisPage(canvas=canvas, message_bar=bar, workspace=lambda: None, project=project)
    for action in (page.coverage_button.click, page.walking_button.click, page.style_grades):
        action()
        assert page.task is None
    assert page.export_csv(str(tmp_path / "none.csv")) is None
    assert not (tmp_path / "none.csv").exists()
    assert project.mapLayers() == {}
    assert all("workspace" in text or "no coverage" in text for text in _texts(bar))


def test_a_failed_write_leaves_the_coverage_layer_unchanged(project, workspace, processing):
    layer = workspace.layer("coverage")
    kept = QgsFeature(layer.fields())
    kept["circle_id"] = "c1"
    kept["grade"] = GRADES[1]
    kept.setGeometry(QgsGeometry.fromWkt("MultiPolygon(((116.35 40, 116.36 40, 116.36 40.01, 116.35 40)))"))
    assert layer.dataProvider().addFeatures([kept])[0]
    bad = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4326&field=circle_id:string&field=grade:string&field=n_basic_present:string",
        "bad",
        "memory",
    )
    features = []
    for circle_id, present in (("c1", "13"), ("c2", "thirteen")):  # the second cannot be stored in an integer
        feature = QgsFeature(bad.fields())
        feature.setAttributes([circle_id, GRADES[3], present])
        feature.setGeometry(kept.geometry())
        features.append(feature)
    assert bad.dataProvider().addFeatures(features)[0]
    with pytest.raises(FifteenMinError, match="unchanged") as raised:
        replace_coverage(layer, bad, project.transformContext())
    assert "thirteen" in raised.value.details or "type" in raised.value.details
    assert [(f["circle_id"], f["grade"]) for f in _on_file(workspace, "coverage")] == [("c1", GRADES[1])]


def test_population_summary_is_shown_as_a_table(canvas, project, workspace, processing):
    page, _bar = _page(canvas, project, workspace)
    fields = "&".join(["field=population:integer", *(f"field=min_{code}:double" for code in BASIC)])
    origins = QgsVectorLayer(f"Point?crs=EPSG:4326&{fields}", "origins", "memory")
    rows = [(1000, 5.0, None), (3000, 14.0, 20.0), (6000, 9.0, 9.0), (500, 30.0, 1.0)]
    features = []
    for population, most, pharmacy in rows:
        feature = QgsFeature(origins.fields())
        feature["population"] = population
        for code in BASIC:
            feature[f"min_{code}"] = most
        feature["min_pharmacy"] = NULL if pharmacy is None else pharmacy
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.0)))
        features.append(feature)
    assert origins.dataProvider().addFeatures(features)[0]
    page.summarise_population(origins)
    _wait(page)

    total = sum(r[0] for r in rows)
    all_basic = sum(p for p, most, pharmacy in rows if most <= 15 and pharmacy is not None and pharmacy <= 15)
    pharmacy = sum(p for p, _most, ph in rows if ph is not None and ph <= 15)
    shares = {share.category: share for share in page.population}
    assert shares["all_basic"].share_pct == pytest.approx(100.0 * all_basic / total)
    assert shares["pharmacy"].share_pct == pytest.approx(100.0 * pharmacy / total)
    assert page.population_table.rowCount() == 1 + len(BASIC)
    assert page.population_table.item(0, 1).text() == f"{100.0 * all_basic / total:.1f}"
    assert f"{100.0 * all_basic / total:.1f}%" in page.population_label.text()
    assert any(layer.name() == "Population coverage" for layer in project.mapLayers().values())


def test_walking_times_and_population_on_the_sample(canvas, project, workspace, processing):
    page, bar = _page(canvas, project, workspace)
    roads = _sample("haidian_roads")
    assert project.addMapLayer(roads) is roads
    page.roads_combo.setLayer(roads)
    assert QgsApplication.processingRegistry().algorithmById(NEAREST_ALGORITHM) is not None
    page.minutes_combo.setCurrentIndex(page.minutes_combo.findData("pharmacy"))
    page.walking_button.click()
    _wait(page, 120.0)
    minutes = project.mapLayer(page.minutes_layer_id)
    assert minutes.featureCount() == 12
    total = sum(f["population"] for f in minutes.getFeatures())
    covered = sum(
        f["population"]
        for f in minutes.getFeatures()
        if all(f[f"min_{code}"] != NULL and f[f"min_{code}"] <= 15 for code in BASIC)
    )
    overall = page.population[0]
    assert overall.all_basic
    assert overall.share_pct == pytest.approx(100.0 * covered / total)
    for share in page.population[1:]:
        reached = sum(
            f["population"]
            for f in minutes.getFeatures()
            if f[f"min_{share.category}"] not in (NULL, None) and f[f"min_{share.category}"] <= 15
        )
        assert share.share_pct == pytest.approx(100.0 * reached / total)
    assert page.population_table.rowCount() == len(page.population)
    assert isinstance(minutes.renderer(), QgsGraduatedSymbolRenderer)
    assert '"min_pharmacy"' in minutes.renderer().classAttribute()
    assert [text for text in _texts(bar) if "could not" in text or "not available" in text] == []


def _wait_for_plans(page: AnalysisPage, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while page.plan_export is not None:
        assert time.monotonic() < deadline, "the PDF export did not finish in time"
        QCoreApplication.processEvents()


def _fill_report_fields(page: AnalysisPage) -> None:
    for edit, value in (
        (page.report_title_edit, "海淀区一圈一策"),
        (page.report_area_edit, "学院路街道"),
        (page.report_bureau_edit, "海淀区商务局"),
    ):
        edit.setText(value)
        edit.editingFinished.emit()


def test_report_fields_are_remembered_in_the_project(canvas, project, workspace, processing, tmp_path):
    page, _bar = _page(canvas, project, workspace)
    _fill_report_fields(page)
    assert project.readEntry("fifteenmin", "report/title")[0] == "海淀区一圈一策"
    assert page.report_texts() == ("海淀区一圈一策", "学院路街道", "海淀区商务局")
    path = tmp_path / "plan.qgz"
    assert project.write(str(path))
    project.clear()
    assert page.report_texts()[1:] == ("", "")
    assert project.read(str(path))
    assert page.report_texts() == ("海淀区一圈一策", "学院路街道", "海淀区商务局")
    page.report_title_edit.setText("")
    page.report_title_edit.editingFinished.emit()
    assert page.report_texts()[0] == workspace.name  # an empty title falls back to the workspace name
    page.teardown()


def test_circle_plans_print_page_by_page_with_progress_and_replace_their_layouts(
    canvas, project, workspace, processing, tmp_path
):
    page, bar = _page(canvas, project, workspace)
    assert QgsApplication.processingRegistry().algorithmById(CIRCLE_PLAN_ALGORITHM) is not None
    _run_coverage(page)
    _fill_report_fields(page)
    seen: list[int] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: seen.append(page.progress.value()))
    ticker.start(0)
    pdf = tmp_path / "plans.pdf"
    page.export_circle_plans(str(pdf))
    assert page.plan_export is not None and not pdf.exists()  # the call returns before the pages are printed
    assert page.cancel_button.isVisibleTo(page) and not page.plans_button.isEnabled()
    _wait_for_plans(page)
    ticker.stop()
    reader = PdfReader(pdf)
    circles = len(page.rows)
    assert len(reader.pages) == COVER_PAGES + CIRCLE_PAGES * circles >= 48  # cover, city summary, 2 pages a circle
    lists = " ".join(reader.pages[COVER_PAGES + 1].extract_text().split())
    assert "Needs list" in lists and "Project list" in lists  # the workspace's needs and projects tables are read
    assert reader.metadata.title == "海淀区一圈一策"
    # the event loop ran between the pages: the ticker saw the progress bar at many different values
    assert len(set(seen)) >= circles // 2, sorted(set(seen))
    assert any("plans.pdf" in text for text in _texts(bar)), _texts(bar)
    assert [layout.customProperty("fifteenmin/report") for layout in report_layouts(project)] == ["cover", "atlas"]
    page.export_circle_plans(str(tmp_path / "again.pdf"))
    _wait_for_plans(page)
    assert len(project.layoutManager().printLayouts()) == 2
    page.teardown()


def test_cancel_stops_the_pdf_between_pages_and_keeps_the_old_file(canvas, project, workspace, processing, tmp_path):
    page, bar = _page(canvas, project, workspace)
    _run_coverage(page)
    pdf = tmp_path / "plans.pdf"
    pdf.write_bytes(b"previous report")
    page.export_circle_plans(str(pdf))
    QCoreApplication.processEvents()
    page.cancel_button.click()
    _wait_for_plans(page)
    assert pdf.read_bytes() == b"previous report"
    assert not list(tmp_path.glob("*.part"))
    assert page.plans_button.isEnabled() and not page.cancel_button.isVisibleTo(page)
    assert any("cancelled" in text for text in _texts(bar)), _texts(bar)
    page.teardown()
