"""Designer forms: every page and dialog is built from resources/ui, translated in its own class's context,
and the DockPage base runs, cancels and reports for every page alike."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtWidgets import QPushButton, QWidget

from fifteen_min_plugin.core.facilities.chinacoords import OTHER_SYSTEM
from fifteen_min_plugin.core.facilities.table_import import ENCODINGS
from fifteen_min_plugin.gui.analysis_page import AnalysisPage
from fifteen_min_plugin.gui.assets_page import AssetsPage, LayerChoiceDialog
from fifteen_min_plugin.gui.circles_page import CirclesPage
from fifteen_min_plugin.gui.facilities_page import FacilitiesPage
from fifteen_min_plugin.gui.fit import FlowLayout
from fifteen_min_plugin.gui.forms import UI_DIR, install_flows

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "fifteen_min_plugin" / "gui"
QM = ROOT / "resources" / "i18n" / "fifteen_min_plugin_zh_CN.qm"
PAGES = (CirclesPage, FacilitiesPage, AnalysisPage, AssetsPage)


def _form_users() -> dict[str, str]:
    """.ui name → the class deriving from load_form("<name>"), read from the gui modules' source."""
    users = {}
    for path in GUI.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    if isinstance(base, ast.Call) and getattr(base.func, "id", "") == "load_form":
                        users[base.args[0].value] = node.name
    users["dock"] = "FifteenMinDockBase"  # the dock keeps its form in self.ui (its widget is a QgsDockWidget)
    return users


def test_every_form_is_used_by_a_class_of_its_own_name():
    users = _form_users()
    forms = {path.stem: ET.parse(path).getroot().findtext("class") for path in UI_DIR.glob("*.ui")}
    assert set(forms) == set(users), "a form nobody loads, or a load_form of a missing file"
    for name, ui_class in forms.items():
        # uic translates a form's texts in the context of its <class>: the class's own tr() context
        assert ui_class == users[name], name
    assert not list(GUI.glob("*.ui")), "forms live in resources/ui"


@pytest.fixture()
def page_args(qgis_app):
    bar = QgsMessageBar()
    canvas = QgsMapCanvas()
    project = QgsProject()
    yield canvas, bar, project
    canvas.deleteLater()
    bar.deleteLater()


@pytest.mark.parametrize("page_class", PAGES, ids=lambda cls: cls.__name__)
def test_a_running_page_disables_its_run_buttons_and_shows_progress_and_cancel(page_class, page_args):
    canvas, bar, project = page_args
    page = page_class(canvas, bar, lambda: None, project)
    try:
        assert page.run_buttons(), "every page starts some work"
        assert not page.progress.isVisibleTo(page) and not page.cancel_button.isVisibleTo(page)
        assert all(button.isEnabled() for button in page.run_buttons())
        page._set_running(True)
        assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
        assert not any(button.isEnabled() for button in page.run_buttons())
        page._set_running(False)
        assert all(button.isEnabled() for button in page.run_buttons())
        assert page.task is None
    finally:
        page.teardown()
        page.deleteLater()


@pytest.mark.parametrize(
    ("page_class", "title"),
    [(CirclesPage, "Living circles"), (FacilitiesPage, "Facilities"), (AnalysisPage, "Analysis")],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_a_page_warns_under_its_own_title(page_class, title, page_args):
    canvas, bar, project = page_args
    page = page_class(canvas, bar, lambda: None, project)
    try:
        page._warn("Choose a layer first.")
        item = bar.currentItem()
        assert (item.title(), item.text(), item.level()) == (title, "Choose a layer first.", Qgis.MessageLevel.Warning)
    finally:
        page.teardown()
        page.deleteLater()


def test_flow_placeholders_get_a_wrapping_flow_layout_of_their_children(qgis_app):
    root = QWidget()
    holder = QWidget(root)
    holder.setObjectName("buttons_flow")
    buttons = [QPushButton(f"A rather long button label {index}", holder) for index in range(3)]
    plain = QWidget(root)
    QPushButton("not a flow", plain)
    install_flows(root)
    layout = holder.layout()
    assert isinstance(layout, FlowLayout)
    assert [layout.itemAt(index).widget() for index in range(layout.count())] == buttons
    assert plain.layout() is None
    one_line = layout.heightForWidth(10_000)
    assert layout.heightForWidth(max(button.sizeHint().width() for button in buttons) + 4) > 2 * one_line
    root.deleteLater()


def test_circles_page_form_texts_are_translated_in_the_page_context(page_args):
    if not QM.exists():
        pytest.skip("run `make translations` to build the .qm")
    canvas, bar, project = page_args
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        page = CirclesPage(canvas, bar, lambda: None, project)
        expected = QCoreApplication.translate("CirclesPage", "Walking isochrones")
        assert expected != "Walking isochrones"
        assert page.network_run_button.text() == expected
        page.teardown()
        page.deleteLater()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_facilities_page_offers_the_shared_option_lists_in_their_order(page_args):
    canvas, bar, project = page_args
    page = FacilitiesPage(canvas, bar, lambda: None, project)
    try:
        assert page.encoding_combo.count() == len(ENCODINGS)
        assert page.system_combo.count() == OTHER_SYSTEM + 1
        page.system_combo.setCurrentIndex(OTHER_SYSTEM)
        assert page.crs_widget.isEnabled()
        page.system_combo.setCurrentIndex(OTHER_SYSTEM - 1)
        assert not page.crs_widget.isEnabled()
    finally:
        page.teardown()
        page.deleteLater()


def test_layer_choice_dialog_ticks_every_layer_and_returns_the_ticked(qgis_app):
    layers = [QgsVectorLayer("Point?crs=EPSG:4326", name, "memory") for name in ("osm parking", "cadastre")]
    dialog = LayerChoiceDialog(layers)
    try:
        assert [dialog.list.item(row).text() for row in range(dialog.list.count())] == ["osm parking", "cadastre"]
        assert dialog.chosen() == layers
        dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
        assert dialog.chosen() == [layers[1]]
    finally:
        dialog.deleteLater()
