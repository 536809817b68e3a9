"""The Analysis page's circle plans draw the Tianditu basemap the project shows (from a loopback tile server),
with its approval number on every circle page."""

from __future__ import annotations

from pypdf import PdfReader

from fifteen_min_plugin.core.report.basemap import Basemap, add_to_project, remove_from_project
from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES
from tests.qgis import test_analysis_page as analysis_tests
from tests.qgis import test_basemap as basemap_tests
from tests.qgis.test_analysis_page import _fill_report_fields, _page, _run_coverage, _wait_for_plans
from tests.qgis.test_basemap import KEY
from tests.qgis.test_circle_plan import appears, text

# the Analysis page's workspace, project and canvas; the key and the tile server of the basemap tests
template = analysis_tests.template
workspace = analysis_tests.workspace
project = analysis_tests.project
canvas = analysis_tests.canvas
tk = basemap_tests.tk
tiles = basemap_tests.tiles


def test_circle_plans_draw_the_projects_basemap(canvas, project, workspace, processing, tk, tiles, tmp_path):
    page, _ = _page(canvas, project, workspace)
    try:
        _run_coverage(page)
        _fill_report_fields(page)
        add_to_project(project, Basemap("img", tk, tiles.base_url))
        pdf = tmp_path / "plans.pdf"
        page.export_circle_plans(str(pdf))
        _wait_for_plans(page)
        everything = [text(p) for p in PdfReader(pdf).pages]
        cover, pages = everything[0], everything[COVER_PAGES::CIRCLE_PAGES]  # every circle's map page
        assert pages and all(appears("审图号", p) and appears("甲测资字1100471", p) for p in pages)
        assert not appears("审图号", cover)
        served = {path for path, query in tiles.requests if query.get("tk") == KEY}
        assert served >= {"/img_w/wmts", "/cia_w/wmts"}
    finally:
        page.teardown()
        remove_from_project(project)
