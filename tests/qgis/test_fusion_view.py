"""The circle-fusion view of the Analysis page on a real canvas: matrix cells, sorting, the detail, the map style."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsGraduatedSymbolRenderer, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QWidget

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.analysis.profiles import SHIPPED, load_profiles
from fifteen_min_plugin.core.values import parse_list
from fifteen_min_plugin.gui.fusion_view import ROW_ROLE, SORT_ROLE, FusionView
from tests.qgis import test_dock_fit
from tests.qgis.test_dock_fit import _overflowing, _show_tab

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
#: the dock-fit fixtures: the interface language (en, zh_CN) and the dock at 440 px on the sample workspace
language = test_dock_fit.language
template = test_dock_fit.template
docked = test_dock_fit.docked


@pytest.fixture(scope="module")
def fusion_gpkg(tmp_path_factory, qgis_processing):
    """fifteenmin:fusion on the sample: the nine shipped profiles and a user profile with minimums, to a GeoPackage."""
    from qgis import processing

    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("fifteenmin") is None:
        provider = FifteenMinProvider()
        registry.addProvider(provider)
    folder = tmp_path_factory.mktemp("fusion_view")
    mine = folder / "mine.csv"
    mine.write_text(
        "item,item_zh,reach,reach_unit,min_count,per,measure,source,note\n"
        "convenience_store,便利店,10,min,3,absolute,count,plugin default,\n"
        "dining|restaurant,餐饮,500,m,1,per_1000_residents,count,plugin default,\n",
        encoding="utf-8",
    )
    try:
        facilities = processing.run(
            "fifteenmin:classifyfacilities", {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"}
        )["OUTPUT"]
        target = folder / "fusion.gpkg"
        processing.run(
            "fifteenmin:fusion",
            {
                "COMMUNITIES": f"{SAMPLE}|layername=communities",
                "FACILITIES": facilities,
                "ROADS": f"{SAMPLE}|layername=haidian_roads",
                "PROFILES": ",".join([*SHIPPED, str(mine)]),
                "POPULATION_FIELD": "population",
                "OUTPUT": str(target),
            },
        )
    finally:
        if provider is not None:
            registry.removeProvider(provider)
    return target


@pytest.fixture()
def view(fusion_gpkg, qgis_new_project):
    canvas = QgsMapCanvas()
    widget = FusionView(canvas, QgsMessageBar(), QgsProject.instance())
    widget.resize(440, 800)
    widget.show()
    layer = QgsVectorLayer(str(fusion_gpkg), "fusion", "ogr")
    assert layer.isValid()
    assert QgsProject.instance().addMapLayer(layer)  # the view picks a fusion result up when it is added
    canvas.setLayers([layer])
    QCoreApplication.processEvents()
    yield widget, layer
    widget.teardown()
    QgsProject.instance().removeAllMapLayers()
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()


def _matrix_rows(widget: FusionView, layer: QgsVectorLayer, profiles: list[str]):
    """Every matrix row as (feature, cell texts, sort values), the feature read straight from the layer."""
    model = widget.model
    for row in range(model.rowCount()):
        index = int(model.item(row, 0).data(ROW_ROLE))
        feature = layer.getFeature(widget.fusion.rows[index].fid)
        texts = [model.item(row, column).text() for column in range(len(profiles) + 2)]
        sorts = [model.item(row, column).data(SORT_ROLE) for column in range(len(profiles) + 2)]
        yield feature, texts, sorts


def test_matrix_cells_equal_the_layer_fields_and_sorting_keeps_rows_whole(view):
    widget, layer = view
    assert widget.layer is layer and widget.fusion is not None
    profiles = [*SHIPPED, "mine"]
    assert widget.fusion.profiles == profiles
    assert widget.model.rowCount() == layer.featureCount() == 12
    assert widget.model.columnCount() == len(profiles) + 2

    def check() -> None:
        for feature, texts, _ in _matrix_rows(widget, layer, profiles):
            assert texts[0] == feature["name"]
            for column, name in enumerate(profiles, start=1):
                missing = parse_list(feature[f"{name}_missing"] or "")
                assert texts[column] == ("✓" if feature[f"{name}_met"] else f"✗ {len(missing)}"), (name, texts)
            assert texts[-1] == f"{feature['n_profiles_met']}/{len(profiles)}"

    check()
    seen = {text for _, texts, _ in _matrix_rows(widget, layer, profiles) for text in texts[1:-1]}
    assert "✓" in seen and any(text.startswith("✗") for text in seen)  # the sample meets some and not others
    last = len(profiles) + 1
    widget.matrix.sortByColumn(last, Qt.SortOrder.DescendingOrder)
    counts = [feature["n_profiles_met"] for feature, _, _ in _matrix_rows(widget, layer, profiles)]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) > 1
    check()
    column = 1 + profiles.index("mine")
    widget.matrix.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    keys = [sorts[column] for _, _, sorts in _matrix_rows(widget, layer, profiles)]
    assert keys == sorted(keys)
    check()
    widget.matrix.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [texts[0] for _, texts, _ in _matrix_rows(widget, layer, profiles)] == sorted(
        feature["name"] for feature in layer.getFeatures()
    )


def test_a_community_detail_lists_every_item_of_each_circle(view):
    widget, layer = view
    known = {profile.name: profile for profile in load_profiles()}
    widget.matrix.selectRow(3)
    QCoreApplication.processEvents()
    feature, _, _ = list(_matrix_rows(widget, layer, [*SHIPPED, "mine"]))[3]
    assert widget.detail_label.text().startswith(feature["name"])
    table = widget.detail_table
    rows = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(4)] for r in range(table.rowCount())]
    mine_missing = parse_list(feature["mine_missing"] or "")
    expected = sum(len(profile.items) for profile in known.values()) + max(len(mine_missing), 1)
    assert len(rows) == expected
    statuses = [row[2] for row in rows]
    missing_total = sum(len(parse_list(feature[f"{name}_missing"] or "")) for name in SHIPPED)
    assert statuses.count("met") == sum(len(p.items) for p in known.values()) - missing_total + (not mine_missing)
    # a circle's worst walk is on its first row, as in the layer
    first = {}
    for row in rows:
        first.setdefault(row[0], row[3])
    worst = feature["medical_worst_min"]
    assert first["Medical"] == ("" if worst is None or worst != worst else f"{worst:.1f}")
    if feature["mine_short"]:
        assert "below minimum" in statuses


def test_the_style_classes_cover_every_value_and_the_legend_is_translated(language, view):
    widget, layer = view
    widget.style_button.click()
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "n_profiles_met"
    ranges = renderer.ranges()
    assert len(ranges) == len(SHIPPED) + 2  # 0 … 10 circles met
    for feature in layer.getFeatures():
        value = feature["n_profiles_met"]
        assert sum(r.lowerValue() <= value < r.upperValue() for r in ranges) == 1, value
    label = ranges[3].label()
    assert "3" in label and "10" in label
    if language == "zh_CN":
        assert any("\u4e00" <= char <= "\u9fff" for char in label), label
        assert widget.model.horizontalHeaderItem(1).text() == "便民"
    else:
        assert label == "3 of 10 circles met"


def test_another_layer_is_refused_with_a_sentence(view):
    widget, _ = view
    bar = widget.message_bar
    other = QgsVectorLayer(f"{SAMPLE}|layername=communities", "communities", "ogr")
    assert not widget.load(other)
    assert widget.fusion is None and widget.model.rowCount() == 0 and widget.hint_label.isVisibleTo(widget)
    assert any("not a circle-fusion result" in item.text() for item in bar.items())


def test_the_analysis_page_with_a_fusion_result_fits_the_dock(docked, fusion_gpkg, language):
    dock = docked
    layer = QgsVectorLayer(str(fusion_gpkg), "fusion", "ogr")
    assert QgsProject.instance().addMapLayer(layer)
    analysis = dock.page("analysis")
    assert analysis.fusion_view.layer is layer and analysis.fusion_view.model.rowCount() == 12
    scroll = _show_tab(dock, dock.ui.pages.indexOf(dock.ui.pages.findChild(QWidget, "analysisPage")))
    analysis.fusion_view.matrix.selectRow(0)
    for _ in range(3):
        QCoreApplication.processEvents()
    page, width = scroll.widget(), scroll.viewport().width()
    assert analysis.fusion_view.detail_table.rowCount() > 0
    assert _overflowing(page, width) == []
    assert page.minimumSizeHint().width() <= width
    assert scroll.horizontalScrollBar().maximum() == 0
    page.grab().save(f"/tmp/fifteen_min_dock_fit/{language}_analysisPage_fusion.png")
