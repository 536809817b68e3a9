"""Tianditu basemaps: XYZ sources naming the key's configuration but never the key, the saved project without the
key, and the report over a loopback tile server (the key added to each tile request), or without it, saying so."""

from __future__ import annotations

import re
import time
import zipfile

import pytest
from pypdf import PdfReader
from qgis.core import Qgis, QgsApplication, QgsDataSourceUri, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from qgis.PyQt.QtGui import QColor, QImage

from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.report import PdfExport, ReportLayers, build_circle_plan
from fifteen_min_plugin.core.report import basemap as basemap_module
from fifteen_min_plugin.core.report.basemap import (
    DEFAULT_ATTRIBUTION,
    TIANDITU_TILES,
    Basemap,
    add_to_project,
    basemap_layers,
    project_basemap,
    remove_from_project,
    unregister_keys,
)
from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES
from tests.qgis import test_circle_plan as plan_tests
from tests.qgis.loopback import Reply, loopback_server
from tests.qgis.test_circle_plan import ORIGINS, appears, text

KEY = "5f0c1e2d3a4b5c6d7e8f9a0b1c2d3e4f"
workspace = plan_tests.workspace


def png_tile() -> bytes:
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(QColor("#d8e8c8"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture()
def tk(qgis_app):
    """The key in the real authentication database of the test profile."""
    assert QgsApplication.authManager().setMasterPassword("fifteen-min-test-master", True)
    authcfg = ApiKeys.store("Tianditu tk", KEY)
    yield authcfg
    remove_from_project(QgsProject.instance())
    settle_tile_requests()
    unregister_keys()
    QgsApplication.authManager().removeAuthenticationConfig(authcfg)


def settle_tile_requests(seconds: float = 3.0) -> None:
    """Let tile requests still running in QGIS's threads finish before the key's configuration goes.

    Such a request may wait for Python (the key preprocessor) while it holds the authentication method's lock, so
    the test waits with Python released instead of calling into the Authentication Manager at once.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.05)


@pytest.fixture()
def tiles(qgis_app):
    """A loopback WMTS KVP tile server answering every GetTile with one PNG; it records the requests."""
    tile = png_tile()

    def respond(server, path: str, query: dict[str, str], _target: str) -> Reply:
        server.requests.append((path, query))
        return Reply(200, tile, "image/png")

    yield from loopback_server(respond, requests=[])


@pytest.mark.parametrize(("style", "notes"), [("vec", "cva"), ("img", "cia")])
def test_layer_sources_name_the_configuration_never_the_key(tk, style, notes):
    layers = basemap_layers(Basemap(style, tk))
    assert [layer.dataProvider().name() for layer in layers] == ["wms", "wms"]
    for layer, name in zip(layers, (notes, style)):
        source = layer.source()
        assert layer.isValid() and layer.crs().authid() == "EPSG:3857"
        assert f"authcfg={tk}" in source and KEY not in source
        uri = QgsDataSourceUri()
        uri.setEncodedUri(source)
        assert uri.param("type") == "xyz" and uri.authConfigId() == tk
        assert uri.param("url") == (
            f"https://t0.tianditu.gov.cn/{name}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={name}"
            "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
        )


def test_saved_project_holds_the_configuration_but_not_the_key(tk, qgis_new_project, tmp_path):
    project = QgsProject.instance()
    layers = add_to_project(project, Basemap("img", tk))
    assert [node.name() for node in project.layerTreeRoot().children()][-1] == "Tianditu basemap"
    path = tmp_path / "plan.qgz"
    assert project.write(str(path))
    with zipfile.ZipFile(path) as archive:
        saved = b"".join(archive.read(name) for name in archive.namelist())
    assert KEY.encode() not in saved and f"authcfg={tk}".encode() in saved
    assert layers[0].id().encode() in saved
    remove_from_project(project)
    assert not any(isinstance(layer, QgsRasterLayer) for layer in project.mapLayers().values())


def report(project, workspace, basemap, pdf):
    """The texts of the PDF's cover and circle map pages, and the basemap line of each printed circle."""
    assert len(project.addMapLayers(list(workspace.values()))) == len(workspace)
    layers = ReportLayers(coverage=workspace["coverage"], facilities=workspace["facilities"])
    plan = build_circle_plan(project, layers, "海淀区示例", basemap=basemap)
    export = PdfExport(plan, pdf)
    export.start()
    lines = []
    more = True
    while more:
        more = export.next_page()  # the page just printed stays laid out until the next one
        line = plan.atlas.itemById("basemap_line")
        lines.append(re.sub(r"<[^>]*>", "", line.text()) if line is not None else "")
    assert export.finish() == COVER_PAGES + CIRCLE_PAGES * len(ORIGINS)
    everything = [text(page) for page in PdfReader(str(pdf)).pages]
    return [everything[0], *everything[COVER_PAGES::CIRCLE_PAGES]], lines  # the cover, then every map page


def test_report_draws_the_basemap_with_its_approval_number_on_every_map_page(
    tk, tiles, workspace, qgis_new_project, tmp_path
):
    basemap = Basemap("vec", tk, tiles.base_url)
    (cover, *pages), lines = report(QgsProject.instance(), workspace, basemap, tmp_path / "p.pdf")
    tile_requests = [query for path, query in tiles.requests if query.get("REQUEST") == "GetTile"]
    # the probe tile, then the map tiles of both layers: each with the key, which no layer source holds
    assert {path for path, _ in tiles.requests} >= {"/vec_w/wmts", "/cva_w/wmts"}
    assert len(tile_requests) > 2 and all(query["tk"] == KEY for query in tile_requests)
    assert lines == [DEFAULT_ATTRIBUTION] * len(ORIGINS)
    # in the PDF text: Qt's PDF engine maps the digits of the GS number to wrong code points (as it does the
    # cover's digits), so the words and the surveying licence number are what can be read back
    for page in pages:
        assert appears("天地图", page) and appears("审图号", page) and appears("甲测资字1100471", page)
    assert not appears("审图号", cover)  # the cover has no map


@pytest.mark.parametrize("case", ["no key", "no network"])
def test_report_without_key_or_network_falls_back_and_says_so(tk, tiles, workspace, qgis_new_project, tmp_path, case):
    base = tiles.base_url
    if case == "no network":
        tiles.shutdown()
        tiles.server_close()
    basemap = Basemap("img", "" if case == "no key" else tk, base)
    (_, *pages), lines = report(QgsProject.instance(), workspace, basemap, tmp_path / "p.pdf")
    reason = "no Tianditu key is configured" if case == "no key" else "cannot be reached"
    assert all(reason in line for line in lines) and len(lines) == len(ORIGINS)
    for page in pages:
        assert "Tianditu basemap not shown" in page and reason in page and "workspace layers only" in page
        assert not appears("审图号", page)
    assert not tiles.requests


def test_the_dock_menu_shows_and_removes_the_basemap(tk, qgis_iface, qgis_new_project, tmp_path):
    """Basemap ▸ Tianditu imagery puts imagery + annotation at the bottom of the layer tree with the remembered
    key's configuration; the report then finds it; No basemap removes it; without a key the bar says where to
    choose one; a project saved with the basemap and opened again gets its key back for the tile requests."""
    from fifteen_min_plugin.gui.dock import FifteenMinDock

    project = QgsProject.instance()
    qgis_iface.messageBar().clear_messages()
    dock = FifteenMinDock(canvas=qgis_iface.mapCanvas(), message_bar=qgis_iface.messageBar(), project=project)
    try:
        actions = {action.text(): action for action in dock.ui.basemapButton.menu().actions()}
        ApiKeys.remember("tianditu", tk)
        actions["Tianditu imagery"].trigger()
        shown = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)]
        assert sorted(layer.name() for layer in shown) == ["Tianditu imagery", "Tianditu imagery annotation"]
        assert project.layerTreeRoot().children()[-1].name() == "Tianditu basemap"
        assert project_basemap(project) == Basemap("img", tk)
        path = str(tmp_path / "reopen.qgz")
        assert project.write(path)
        unregister_keys()
        assert project.read(path)  # the dock lets the reopened basemap's tile requests carry the key again
        assert project_basemap(project) == Basemap("img", tk) and basemap_module._keys == {TIANDITU_TILES: KEY}
        actions["No basemap"].trigger()
        assert project_basemap(project) is None and not project.mapLayers()
        ApiKeys.remember("tianditu", "")
        actions["Tianditu vector"].trigger()
        assert not project.mapLayers()
        warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
        assert any("Facilities page" in text for text in warnings)
    finally:
        ApiKeys.remember("tianditu", "")
        dock.teardown()
        dock.deleteLater()
