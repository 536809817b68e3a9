"""Every page fits the dock at its default width of 440 px, in English and in Chinese, with real data in it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsSettings, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from qgis.PyQt.QtWidgets import QAbstractScrollArea, QMainWindow, QScrollArea, QTabWidget, QWidget

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
from fifteen_min_plugin.core.assets.register import AssetRegister
from fifteen_min_plugin.core.circles.writer import write_circles
from fifteen_min_plugin.core.needs.consultations import NeedList, define_list
from fifteen_min_plugin.core.projects.register import ProjectRegister
from fifteen_min_plugin.core.workspace.layer_io import copy_features
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.dock import MINIMUM_WIDTH, FifteenMinDock

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
#: where the grabbed pages are kept for a look (a test's tmp_path is removed after three runs)
SHOTS = Path("/tmp/fifteen_min_dock_fit")


@pytest.fixture(scope="module")
def template(tmp_path_factory, qgis_processing) -> Path:
    """A workspace with the sample communities, their radius circles, facilities and a long-named asset."""
    from qgis import processing as processing_module

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("fifteenmin") is None:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    try:
        context = QgsProject.instance().transformContext()
        workspace = Workspace.create(tmp_path_factory.mktemp("fit") / "haidian.gpkg")
        communities = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
        copy_features(communities, workspace.layer("communities"), context)
        circles = processing_module.run(
            "fifteenmin:buffercircles",
            {
                "ORIGINS": communities,
                "ORIGIN_ID_FIELD": "community_id",
                "RADII_M": "1000",
                "MINUTES": "15",
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
        write_circles(workspace.layer("circles"), circles, context)
        facilities = processing_module.run(
            "fifteenmin:classifyfacilities",
            {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"},
        )["OUTPUT"]
        copy_features(facilities, workspace.layer("facilities"), context)
        coverage = processing_module.run(
            "fifteenmin:coverage",
            {
                "CIRCLES": workspace.layer("circles"),
                "FACILITIES": workspace.layer("facilities"),
                "COMMUNITIES": workspace.layer("communities"),
                "OUTPUT": "memory:",
            },
        )["OUTPUT"]
        replace_coverage(workspace.layer("coverage"), coverage, context)
        register = AssetRegister.from_workspace(workspace)
        asset_id = register.add(
            {"asset_type": "parking", "name": "示例集贸市场北侧停车场（夜间 19:00–07:00 闲置，可错时共享）"},
            QgsGeometry.fromPointXY(QgsPointXY(116.352, 40.004)),
        )
        register.set_status(asset_id, "in_use", note="经街道办与市场管理方协商，夜间向周边居民开放", confirmed=True)
        projects = ProjectRegister.from_workspace(workspace)
        project_id = projects.add(
            {
                "name": "示例社区老年助餐点（利用集贸市场北侧闲置用房改建）",
                "category": "elderly_care",
                "lead_unit": "区民政局",
            },
            QgsGeometry.fromPointXY(QgsPointXY(116.352, 40.004)),
        )
        projects.set_status(project_id, "approved", note="区政府专题会议通过，纳入年度民生实事项目")
        needs = workspace.layer("needs")
        rows = []
        for number, text in enumerate(
            ("楼道灯坏了好几个月没人修，晚上老人上下楼很不安全", "广场舞噪音太大", "希望加装电梯")
        ):
            need = QgsFeature(needs.fields())
            need.setAttributes([None] * needs.fields().count())
            for name, value in (("need_id", f"N{number}"), ("community_id", "HD-C01"), ("text", text), ("weight", 3)):
                need[name] = value
            rows.append(need)
        assert needs.dataProvider().addFeatures(rows)[0]
        define_list(
            workspace, NeedList("红色清单", "#d62728", "居家养老服务站点设在哪里（宁波大闸社区“红黄蓝”三色清单）")
        )
    finally:
        if provider is not None:
            registry.removeProvider(provider)
    return workspace.path


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qgis_app):
    """The interface language; for Chinese the plugin's catalogue is installed before the dock is built."""
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", request.param)
    translator = None
    if request.param == "zh_CN":
        translator = QTranslator()
        assert translator.load(str(RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.qm")), "run make translations"
        QCoreApplication.installTranslator(translator)
    yield request.param
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    settings.setValue("locale/overrideFlag", saved[0] or False)
    settings.setValue("locale/userLocale", saved[1] or "")


@pytest.fixture()
def docked(language, template, tmp_path, qgis_new_project):
    """The dock at its default width in a main window beside a real map canvas, on a copy of the workspace."""
    window = QMainWindow()
    canvas = QgsMapCanvas()
    window.setCentralWidget(canvas)
    dock = FifteenMinDock(canvas=canvas, message_bar=QgsMessageBar())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1280, 900)
    window.show()
    assert dock.open_workspace(shutil.copy(template, tmp_path / "haidian.gpkg")) is not None
    window.resizeDocks([dock], [MINIMUM_WIDTH], Qt.Orientation.Horizontal)
    QCoreApplication.processEvents()
    yield dock
    dock.teardown()
    QgsProject.instance().removeAllMapLayers()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()


def _show_tab(dock: FifteenMinDock, index: int) -> QScrollArea:
    dock.ui.pages.setCurrentIndex(index)
    for _ in range(3):
        QCoreApplication.processEvents()
    tab = dock.ui.pages.widget(index)
    (scroll,) = [child for child in tab.findChildren(QScrollArea) if child.parentWidget() is tab]
    return scroll


def _overflowing(page: QWidget, width: int) -> list[str]:
    """Visible widgets of `page` whose minimum size or right edge goes beyond `width` pixels."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or isinstance(widget.parentWidget(), QAbstractScrollArea):
            continue  # a table's own viewport and scroll bars are its business
        right = widget.mapTo(page, QPoint(widget.width(), 0)).x()
        if widget.minimumSizeHint().width() > width or right > width:
            text = getattr(widget, "text", lambda: "")() if hasattr(widget, "text") else ""
            found.append(
                f"{type(widget).__name__} {widget.objectName()} {text!r}: min {widget.minimumSizeHint().width()}"
            )
    return found


def test_every_page_fits_the_dock_without_a_horizontal_scroll_bar(docked, language):
    dock = docked
    SHOTS.mkdir(exist_ok=True)
    assert dock.widget().minimumSizeHint().width() <= dock.width()
    pages = dock.ui.pages
    for index in range(pages.count()):
        scroll = _show_tab(dock, index)
        page, width = scroll.widget(), scroll.viewport().width()
        name = pages.widget(index).objectName()
        if name == "analysisPage":  # a circle chosen: its chart is drawn too
            analysis = dock.page("analysis")
            assert analysis.rows
            analysis.table.selectRow(0)
            for _ in range(3):  # the chart grows, then the page and the scroll area follow
                QCoreApplication.processEvents()
        sections = page.findChild(QTabWidget, "sections")  # the Plan page: needs and projects
        for section in range(sections.count() if sections is not None else 1):
            if sections is not None:
                sections.setCurrentIndex(section)
                if name == "planPage" and section == 1:
                    assert dock.page("plan").select_id("PJ-00001")  # its history shows
                for _ in range(3):
                    QCoreApplication.processEvents()
            shot = name if sections is None else f"{name}_{sections.widget(section).objectName()}"
            page.grab().save(str(SHOTS / f"{language}_{shot}.png"))
            assert _overflowing(page, width) == [], (shot, _overflowing(page, width))
            assert page.minimumSizeHint().width() <= width, (shot, page.minimumSizeHint().width(), width)
            assert scroll.horizontalScrollBar().maximum() == 0, shot
            assert page.findChildren(QScrollArea) == [], f"{shot} scrolls inside the dock's own scroll area"
    dock.grab().save(str(SHOTS / f"{language}_dock.png"))


def test_the_facility_counts_show_many_rows(docked):
    facilities = docked.page("facilities")
    facilities.load_categories()  # counts the workspace facilities
    table = facilities.counts_table
    assert table.rowCount() > 8
    _show_tab(docked, docked.ui.pages.indexOf(docked.ui.pages.findChild(QWidget, "facilitiesPage")))
    visible_rows = table.viewport().height() / table.rowHeight(0)
    assert visible_rows >= 6, visible_rows


def test_history_and_suggestions_wrap_their_text_and_show_it_whole(docked, language):
    assets = docked.page("assets")
    _show_tab(docked, docked.ui.pages.indexOf(docked.ui.pages.findChild(QWidget, "assetsPage")))
    (row,) = assets.model.rows
    assert assets.model.data(assets.model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == row.name  # cut in the table
    reason = "每天 19:00-07:00 闲置的 98 个车位可与居民错时共享，缓解周边约 4,300 名居民的夜间停车难。"
    assets.suggestions_by_asset = {row.asset_id: [(1, "错时共享停车", 21.4, reason), (2, "潮汐摊区", 12.0, reason)]}
    assert assets.select_id(row.asset_id)
    QCoreApplication.processEvents()
    suggestions = assets.suggestions
    assert not suggestions.verticalHeader().isVisible()  # the rank is the first column; no row numbers beside it
    why = suggestions.item(0, 3)
    assert why.text() == reason and why.toolTip() == reason
    assert suggestions.rowHeight(0) > suggestions.fontMetrics().height() * 1.5  # wrapped over several lines
    header = suggestions.horizontalHeader()
    assert sum(header.sectionSize(column) for column in range(4)) <= suggestions.viewport().width() + 1
    history = assets.history
    notes = [history.item(r, 4).toolTip() for r in range(history.rowCount()) if history.item(r, 4).text()]
    assert notes == ["经街道办与市场管理方协商，夜间向周边居民开放"]
    header = history.horizontalHeader()
    assert sum(header.sectionSize(column) for column in range(6)) <= history.viewport().width() + 1
