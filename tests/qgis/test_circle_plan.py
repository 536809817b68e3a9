"""fifteenmin:circleplan: a cover and one PDF page per circle, readable text, gaps, the layout in a project."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLayoutItemLabel,
    QgsPointXY,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QRectF, QTranslator

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.report import (
    PdfExport,
    ReportLayers,
    add_layout_to_project,
    build_circle_plan,
    report_layouts,
)
from fifteen_min_plugin.core.report.fonts import CJK_FAMILIES, pick_family, report_font_family
from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES, OSM_ATTRIBUTION, html_height

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
#: circle id, Chinese name, community, lon, lat — the third lies west of the sample's POIs, far from any of them
ORIGINS = [
    ("C1", "学院路一号圈", "HD-C01", 116.3500, 40.0030),
    ("C2", "双清路二号圈", "HD-C02", 116.3560, 40.0060),
    ("C3", "空白测试圈", "HD-C03", 116.2800, 39.9500),
]
EMPTY = "C3"
#: walking minutes of community HD-C01 to the nearest pharmacy (a figure the report must print)
PHARMACY_MINUTES = 7.3


def text(page) -> str:
    """A page's text, NFKC-normalised (CJK fonts map some ideographs to their Kangxi radical twins), spaces joined."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text()))


def appears(name: str, page: str) -> bool:
    """`name` is in `page`, letting any ideograph come out as a CJK radical (fonts share those glyphs)."""
    pattern = "".join(
        f"(?:{re.escape(char)}|[\u2e80-\u2fdf])" if "\u4e00" <= char <= "\u9fff" else re.escape(char)
        for char in unicodedata.normalize("NFKC", name)
    )
    return re.search(pattern, page) is not None


def origins() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=circle_id:string&field=name:string&field=community_id:string", "origins", "memory"
    )
    features = []
    for circle_id, name, community, lon, lat in ORIGINS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([circle_id, name, community])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


def minutes_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=community_id:string&field=name:string&field=min_pharmacy:double",
        "minutes",
        "memory",
    )
    feature = QgsFeature(layer.fields())
    feature.setAttributes(["HD-C01", "示例社区01", PHARMACY_MINUTES])
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(116.35, 40.003)))
    assert layer.dataProvider().addFeatures([feature])[0]
    return layer


@pytest.fixture()
def workspace(processing):
    """Circles (3 × 500 m), classified sample facilities, their coverage, suggestions for the sample assets."""
    circles = processing.run(
        "fifteenmin:buffercircles",
        {"ORIGINS": origins(), "ORIGIN_ID_FIELD": "circle_id", "RADII_M": "500", "MINUTES": "10", "OUTPUT": "memory:"},
    )["OUTPUT"]
    facilities = processing.run(
        "fifteenmin:classifyfacilities", {"INPUT": f"{SAMPLE}|layername=haidian_pois", "OUTPUT": "memory:"}
    )["OUTPUT"]
    coverage = processing.run(
        "fifteenmin:coverage", {"CIRCLES": circles, "FACILITIES": facilities, "OUTPUT": "memory:"}
    )["OUTPUT"]
    seed = QgsVectorLayer(f"{SAMPLE}|layername=idle_assets_seed", "assets", "ogr")
    assets = seed.materialize(QgsFeatureRequest())
    del seed  # a memory copy: no open GeoPackage handle outlives the test
    suggestions = processing.run("fifteenmin:repurpose", {"ASSETS": assets, "COVERAGE": coverage, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    return {
        "circles": circles,
        "facilities": facilities,
        "coverage": coverage,
        "assets": assets,
        "suggestions": suggestions,
    }


def test_pdf_has_a_cover_and_one_readable_page_per_circle(processing, workspace, tmp_path):
    pdf = tmp_path / "plan.pdf"
    result = processing.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": workspace["coverage"],
            "CIRCLES": workspace["circles"],
            "FACILITIES": workspace["facilities"],
            "ASSETS": workspace["assets"],
            "SUGGESTIONS": workspace["suggestions"],
            "MINUTES": minutes_layer(),
            "TITLE": "海淀区示例",
            "OUTPUT_PDF": str(pdf),
        },
    )
    coverage = {f["circle_id"]: f for f in workspace["coverage"].getFeatures()}
    facility_counts = {circle_id: sum(f[f"n_{c.code}"] for c in load_categories()) for circle_id, f in coverage.items()}
    assert facility_counts[EMPTY] == 0 and all(facility_counts[c] > 0 for c in coverage if c != EMPTY)

    reader = PdfReader(str(pdf))
    # the cover and the city summary, then two pages per circle: map and tables, then the lists
    assert result["PAGES"] == len(reader.pages) == COVER_PAGES + CIRCLE_PAGES * len(ORIGINS)
    assert result["LAYOUT_NAME"]
    cover = text(reader.pages[0])
    assert appears("海淀区示例", cover)
    assert "© OpenStreetMap contributors, ODbL" in cover  # Qt's PDF engine maps the cover's digits badly
    assert "City summary" in text(reader.pages[1])
    pages = [text(page) for page in reader.pages[COVER_PAGES::CIRCLE_PAGES]]
    lists = [text(page) for page in reader.pages[COVER_PAGES + 1 :: CIRCLE_PAGES]]
    for (_, name, *_), page in zip(ORIGINS, lists):
        assert appears(name, page) and "Needs list" in page and "Project list" in page
    for (circle_id, name, *_), page in zip(ORIGINS, pages):
        assert appears(name, page)
        assert OSM_ATTRIBUTION in page
        assert coverage[circle_id]["grade"] in page
        assert ("No facilities in this circle." in page) == (circle_id == EMPTY)
    # the walking minutes joined by community_id; the other communities show "—"
    assert str(PHARMACY_MINUTES) in pages[0]
    assert str(PHARMACY_MINUTES) not in pages[1] and "—" in pages[1]
    # the assets whose best use serves a circle are listed on its page; the empty circle has none
    listed = {
        f["asset_name"]
        for f in workspace["suggestions"].getFeatures()
        if f["rank"] == 1 and "C1" in str(f["circle_id"]).split(",")
    }
    assert listed and all(appears(name, pages[0]) for name in listed)
    assert "No idle asset recorded in this circle." in pages[2]


def test_cancelled_run_leaves_an_existing_pdf_untouched(processing, workspace, tmp_path):
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(b"previous report")
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda progress: feedback.cancel() if progress > 0 else None)
    processing.run(
        "fifteenmin:circleplan", {"COVERAGE": workspace["coverage"], "OUTPUT_PDF": str(pdf)}, feedback=feedback
    )
    assert pdf.read_bytes() == b"previous report"
    assert not list(tmp_path.glob("*.part"))


def test_empty_coverage_is_refused(processing, tmp_path):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326&field=circle_id:string", "empty", "memory")
    with pytest.raises(QgsProcessingException, match="no circles"):
        processing.run("fifteenmin:circleplan", {"COVERAGE": layer, "OUTPUT_PDF": str(tmp_path / "x.pdf")})
    assert not (tmp_path / "x.pdf").exists()


def test_layout_added_to_project_is_an_atlas_over_the_coverage(processing, workspace, qgis_new_project):
    project = QgsProject.instance()
    assert len(project.addMapLayers(list(workspace.values()))) == len(workspace)
    layers = ReportLayers(
        coverage=workspace["coverage"],
        circles=workspace["circles"],
        facilities=workspace["facilities"],
        assets=workspace["assets"],
        suggestions=workspace["suggestions"],
    )
    layout = add_layout_to_project(project, layers, "海淀区示例")
    assert project.layoutManager().layoutByName(layout.name()) is layout
    atlas = layout.atlas()
    assert atlas.enabled()
    assert atlas.coverageLayer() is workspace["coverage"]
    assert atlas.updateFeatures() == workspace["coverage"].featureCount() == len(ORIGINS)
    mine = QgsPrintLayout(project)
    mine.initializeDefaults()
    mine.setName("一圈一策 (my own)")
    assert project.layoutManager().addLayout(mine)
    name = layout.name()
    again = add_layout_to_project(project, layers, "海淀区示例")
    assert again.name() == name  # the earlier export's layouts are replaced, not numbered
    assert report_layouts(project) == [report_layouts(project)[0], again]
    assert len(project.layoutManager().printLayouts()) == 3  # cover, atlas and the user's own layout
    assert project.layoutManager().layoutByName("一圈一策 (my own)") is mine


def test_report_font_is_a_cjk_family_when_one_is_installed(qgis_app):
    assert pick_family({"Arial", "SimHei", "PingFang SC"}) == "PingFang SC"  # macOS before Windows fallbacks
    assert pick_family({"Arial"}) is None
    assert report_font_family() in CJK_FAMILIES  # fonts-noto-cjk is installed by `make setup`


def test_png_of_a_page_for_review(processing, workspace, tmp_path):
    """Renders page 3 (a circle's map) to /tmp/circle_plan_page.png when pdftoppm exists, checking it is not blank."""
    pdftoppm = Path("/usr/bin/pdftoppm")
    if not pdftoppm.exists():
        pytest.skip("pdftoppm is not installed")
    import subprocess

    pdf = tmp_path / "plan.pdf"
    processing.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": workspace["coverage"],
            "CIRCLES": workspace["circles"],
            "FACILITIES": workspace["facilities"],
            "ASSETS": workspace["assets"],
            "SUGGESTIONS": workspace["suggestions"],
            "OUTPUT_PDF": str(pdf),
        },
    )
    prefix = Path("/tmp/circle_plan_page")
    subprocess.run([str(pdftoppm), "-png", "-r", "80", "-f", "3", "-l", "3", str(pdf), str(prefix)], check=True)
    png = next(prefix.parent.glob(f"{prefix.name}*.png"))
    assert png.stat().st_size > 20_000


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qgis_app):
    """The report in English, then in Simplified Chinese (the catalogue installed as QGIS does at start)."""
    if request.param == "en":
        yield request.param
        return
    settings = QgsSettings()
    saved = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    translator = QTranslator()
    assert translator.load(str(RESOURCES_DIR / "i18n" / "fifteen_min_plugin_zh_CN.qm")), "run `make translations`"
    QCoreApplication.installTranslator(translator)
    yield request.param
    QCoreApplication.removeTranslator(translator)
    settings.setValue("locale/overrideFlag", saved[0] or False)
    settings.setValue("locale/userLocale", saved[1] or "")


def _text_boxes(layout: QgsPrintLayout) -> list[tuple[str, QRectF, str]]:
    boxes = []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and re.sub(r"<[^>]*>", "", item.text()).strip():
            position, size = item.positionWithUnits(), item.sizeWithUnits()
            name = item.id() or re.sub(r"<[^>]*>", "", item.text()).strip()[:20]
            boxes.append((name, QRectF(position.x(), position.y(), size.width(), size.height()), item.text()))
    return boxes


def _assert_no_overlap(layout: QgsPrintLayout, page: str) -> None:
    boxes = _text_boxes(layout)
    for index, (name, box, html) in enumerate(boxes):
        assert html_height(html, box.width()) <= box.height() + 0.5, (page, name, "text taller than its box")
        for other, other_box, _ in boxes[index + 1 :]:
            common = box.intersected(other_box)
            assert common.width() * common.height() < 0.01, (page, name, other, box, other_box)


def test_no_two_text_items_overlap_on_any_page(language, processing, workspace, qgis_new_project, tmp_path):
    project = QgsProject.instance()
    assert len(project.addMapLayers(list(workspace.values()))) == len(workspace)
    layers = ReportLayers(
        coverage=workspace["coverage"],
        circles=workspace["circles"],
        facilities=workspace["facilities"],
        assets=workspace["assets"],
        suggestions=workspace["suggestions"],
        minutes=minutes_layer(),
    )
    assert project.addMapLayer(layers.minutes) is layers.minutes
    plan = build_circle_plan(project, layers, "海淀区一刻钟便民生活圈", area="学院路街道", bureau="海淀区商务局")
    export = PdfExport(plan, tmp_path / "plan.pdf")
    export.start()
    _assert_no_overlap(plan.cover, "cover")
    more = True
    while more:
        more = export.next_page()  # the page just printed stays laid out until the next one
        _assert_no_overlap(plan.atlas, f"page {export.pages}")
        requirements = next(box for name, box, _ in _text_boxes(plan.atlas) if name == "basic_table")
        assert requirements.bottom() < 281.0
    assert export.finish() == COVER_PAGES + CIRCLE_PAGES * len(ORIGINS)


def test_title_area_and_bureau_are_printed(processing, workspace, tmp_path):
    pdf = tmp_path / "plan.pdf"
    processing.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": workspace["coverage"],
            "TITLE": "海淀区一圈一策",
            "AREA": "学院路街道",
            "BUREAU": "海淀区商务局",
            "OUTPUT_PDF": str(pdf),
        },
    )
    reader = PdfReader(str(pdf))
    cover, *pages = [text(page) for page in reader.pages]
    for name in ("海淀区一圈一策", "学院路街道", "海淀区商务局"):
        assert appears(name, cover), name
        assert all(appears(name, page) for page in pages), name
