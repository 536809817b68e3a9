"""The 一圈一策 circle plan: a cover page and an A4 atlas page per circle, as QGIS print layouts.

Every per-circle text is a QGIS expression template (`[% ... %]`) over the atlas feature, so the layout added to
a project stays live when a technician restyles and re-exports it. Other layers (walking minutes, idle assets,
suggestions) are reached by layer id; `export_pdf` evaluates those templates itself with the layouts' own layer
store, so the report can also be made from layers that are not in the current project.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContextScope,
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerStyle,
    QgsMarkerSymbol,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsRendererCategory,
    QgsSymbolLayerUtils,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QDate, QMarginsF, QSizeF
from qgis.PyQt.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from fifteen_min_plugin.__about__ import __title__
from fifteen_min_plugin.core.analysis.grading import GRADES
from fifteen_min_plugin.core.assets import ASSET_TYPE_ALIASES, ASSET_TYPES
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, class_label, load_categories
from fifteen_min_plugin.core.labels import asset_type_label
from fifteen_min_plugin.core.language import Messages, is_chinese
from fifteen_min_plugin.core.report.fonts import report_font_family
from fifteen_min_plugin.core.report.plan_lists import SECTIONS, PlanInputs, PlanTexts, plan_texts

if TYPE_CHECKING:
    from qgis.core import QgsRasterLayer

    from fifteen_min_plugin.core.report.basemap import Basemap

#: the attribution OpenStreetMap's licence requires on anything derived from its data
OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
#: custom property holding an item's expression template (evaluated per page by `export_pdf`)
TEMPLATE_PROPERTY = "fifteenmin/template"
#: suggestions per asset shown on a circle page
TOP_SUGGESTIONS = 3
#: bars in the cover's "most frequently missing" chart
TOP_MISSING = 8
#: at most this many distinct facility sources are named
MAX_SOURCES = 8
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 210.0, 297.0, 10.0
#: the atlas page's lower column, top to bottom: the two category tables side by side, the unmet requirements,
#: the idle assets, then the footer; `reflow` stacks them by the height their text needs, never overlapping
TABLES_TOP, FOOTER_TOP, GAP = 159.0, 281.0, 2.0
#: pages of the cover layout (title and charts, city summary) and of each circle (map and tables, lists)
COVER_PAGES, CIRCLE_PAGES = 2, 2
#: the lists page of a circle: where its sections start, and the room each gets in a layout not yet filled in
LISTS_TOP = 25.0
LISTS_ROOM = {"plan_figures": 52.0, "plan_needs": 50.0, "plan_projects": 70.0, "plan_fusion": 70.0}
#: the city summary page: where its sections start
SUMMARY_TOP = 24.0
#: custom property marking the layouts this plugin made in a project ("cover" or "atlas"); re-exporting replaces them
REPORT_PROPERTY = "fifteenmin/report"
#: the text a template shows in place of each [% expression %] when a layout is measured before any page is known
_SAMPLE_VALUE = "✓ 10"
_TEMPLATE = re.compile(r"\[%.*?%\]", re.DOTALL)
#: a template giving an attribute's value (a row colour): measured as a plain colour
_ATTRIBUTE_TEMPLATE = re.compile(r'="\[%.*?%\]"', re.DOTALL)
#: colours: dark green title, red for gaps, pale red rows, grey text
INK, ACCENT, MISSING, MISSING_ROW, MUTED = "#1f2d3d", "#2e7d32", "#c62828", "#fde7e7", "#6b7785"
CLASS_COLOURS = {"basic": "#d84315", "quality": "#1565c0", "public": "#2e7d32"}


class CirclePlanReport(Messages):
    """Texts of the report; the class name is their translation context."""

    #: texts used inside f-strings, where pylupdate5 cannot see them; tr() finds them under this context
    FSTRING_TEXTS = (
        QT_TRANSLATE_NOOP("CirclePlanReport", "15-minute living circle plan (一圈一策)"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "No facilities in this circle."),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Present"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Walk (min)"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Resource list (资源清单): idle assets and their suggestions"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Made with the 15-minute living circle plugin for QGIS"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Community"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "missing"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Also suitable:"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Residents"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "MOFCOM grade"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Basic services present"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Quality services present"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Facilities per 10,000 residents"),
        QT_TRANSLATE_NOOP("CirclePlanReport", "No idle assets layer was given."),
        QT_TRANSLATE_NOOP("CirclePlanReport", "Needs, projects and the plan in figures"),
    )


@dataclass(frozen=True)
class ReportLayers:
    """The layers a report is made of; only `coverage` (the atlas layer) is required."""

    coverage: QgsVectorLayer
    circles: Optional[QgsVectorLayer] = None
    facilities: Optional[QgsVectorLayer] = None
    assets: Optional[QgsVectorLayer] = None
    suggestions: Optional[QgsVectorLayer] = None
    minutes: Optional[QgsVectorLayer] = None
    #: the basemap drawn under the workspace layers (top first), and the sentence printed instead when it cannot be
    backdrop: tuple[QgsRasterLayer, ...] = ()
    backdrop_note: str = ""
    #: the lists page: residents' needs and their themed lists, the project list, satisfaction surveys, and a
    #: fifteenmin:fusion result (communities with <profile>_met / _missing)
    needs: Optional[QgsVectorLayer] = None
    need_lists: Optional[QgsVectorLayer] = None
    projects: Optional[QgsVectorLayer] = None
    satisfaction: Optional[QgsVectorLayer] = None
    fusion: Optional[QgsVectorLayer] = None


@dataclass(frozen=True)
class CirclePlan:
    """The two layouts of a report: the city-wide cover and the per-circle atlas."""

    cover: QgsPrintLayout
    atlas: QgsPrintLayout


def _q(text: str) -> str:
    return QgsExpression.quotedString(text)


def _col(name: str) -> str:
    return QgsExpression.quotedColumnRef(name)


def _has(layer: Optional[QgsVectorLayer], name: str) -> bool:
    return layer is not None and layer.fields().lookupField(name) >= 0


def _key_field(layer: Optional[QgsVectorLayer]) -> Optional[str]:
    """The field naming a circle's community: community_id, else origin_id (network/radius circles)."""
    return next((name for name in ("community_id", "origin_id") if _has(layer, name)), None)


def _category_name(category: Category) -> str:
    return category.name_zh if is_chinese() else category.name_en


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(report_font_family())
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size: float, bold: bool = False, colour: str = INK) -> QgsTextFormat:
    text_format = QgsTextFormat()
    text_format.setFont(_font(size, bold))
    text_format.setSize(size)
    text_format.setSizeUnit(Qgis.RenderUnit.Points)
    text_format.setColor(QColor(colour))
    return text_format


def _place(item: QgsLayoutItem, x: float, y: float, width: float, height: float) -> None:
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))


def _html_label(layout: QgsPrintLayout, html: str, rect: tuple[float, float, float, float], item_id: str) -> None:
    """An HTML label whose [% %] expressions QGIS evaluates for the current atlas feature."""
    label = QgsLayoutItemLabel(layout)
    label.setMode(QgsLayoutItemLabel.Mode.ModeHtml)
    body = f"<div style=\"font-family:'{report_font_family()}'; font-size:8pt; color:{INK}\">{html}</div>"
    label.setText(body)
    label.setCustomProperty(TEMPLATE_PROPERTY, body)
    label.setId(item_id)
    layout.addLayoutItem(label)
    _place(label, *rect)


def _text_label(
    layout: QgsPrintLayout,
    text: str,
    rect: tuple[float, float, float, float],
    size: float,
    bold: bool = False,
    colour: str = INK,
) -> QgsLayoutItemLabel:
    """A static label; HTML mode, like the templated ones, so every text of the PDF extracts the same way."""
    label = QgsLayoutItemLabel(layout)
    label.setMode(QgsLayoutItemLabel.Mode.ModeHtml)
    weight = "bold" if bold else "normal"
    label.setText(
        f"<div style=\"font-family:'{report_font_family()}'; font-size:{size}pt; font-weight:{weight}; "
        f'color:{colour}">{text}</div>'
    )
    layout.addLayoutItem(label)
    _place(label, *rect)
    return label


def _add_page(layout: QgsPrintLayout) -> float:
    """Append an A4 portrait page; the layout y of its top edge."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.pageCollection().addPage(page)
    return page.pos().y()


def _page_top(layout: QgsPrintLayout, index: int) -> float:
    """The layout y of page `index`'s top edge (0 when the layout has no such page)."""
    pages = layout.pageCollection()
    return pages.page(index).pos().y() if index < pages.pageCount() else 0.0


def _new_layout(project: QgsProject, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    layout.setName(name)
    return layout


def sources_text(layers: ReportLayers) -> str:
    """The data sources line: the facilities' `source` values, and the OSM attribution when OSM data are used."""
    facilities = layers.facilities
    sources: list[str] = []
    osm = False
    if facilities is not None:
        osm = _has(facilities, "osm_id")
        if _has(facilities, "source"):
            index = facilities.fields().lookupField("source")
            # a merged facility lists all its sources separated by ";"
            names = {
                part.strip()
                for v in facilities.uniqueValues(index)
                if v not in (None, "") and v == v
                for part in str(v).split(";")
            }
            for value in sorted(name for name in names if name):
                osm = osm or "osm" in value.lower() or "openstreetmap" in value.lower()
                if len(sources) < MAX_SOURCES:
                    sources.append(value)
    parts = [", ".join(sources)] if sources else []
    if osm:
        parts.append(OSM_ATTRIBUTION)
    if not parts:
        parts.append(CirclePlanReport.tr("the layers of the workspace"))
    return CirclePlanReport.tr("Data sources: {sources}.").format(sources="; ".join(parts))


def _facility_total(coverage: QgsVectorLayer, categories: Sequence[Category]) -> str:
    """Expression: the number of facilities counted in the atlas circle."""
    terms = [f"coalesce({_col('n_' + c.code)}, 0)" for c in categories if _has(coverage, "n_" + c.code)]
    return " + ".join(terms) if terms else "0"


def _circle_name() -> str:
    return "coalesce(attribute(@atlas_feature, 'name'), attribute(@atlas_feature, 'circle_id'), to_string($id))"


def _community_expression(layers: ReportLayers) -> str:
    key = _key_field(layers.coverage)
    if key is None:
        return _q("—")
    value = _col(key)
    if _has(layers.minutes, "community_id") and _has(layers.minutes, "name"):
        found = f"get_feature({_q(layers.minutes.id())}, 'community_id', to_string({value}))"
        return f"coalesce(attribute({found}, 'name'), {value}, '—')"
    return f"coalesce({value}, '—')"


def _method_expression() -> str:
    """How the atlas circle was made, as a translated label (never the stored code)."""
    labels = {
        "radius": CirclePlanReport.tr("GB 50180 radius circle"),
        "network": CirclePlanReport.tr("Walking isochrone"),
        "drawn_circle": CirclePlanReport.tr("Circle drawn by hand"),
        "drawn_polygon": CirclePlanReport.tr("Boundary drawn by hand"),
    }
    cases = " ".join(f'WHEN "method" = {_q(code)} THEN {_q(label)}' for code, label in labels.items())
    return f"CASE {cases} ELSE '' END"


def _header_html(layers: ReportLayers, title: str, categories: Sequence[Category], area: str = "") -> str:
    coverage = layers.coverage
    facts = [f"{CirclePlanReport.tr('Community')}: <b>[% {_community_expression(layers)} %]</b>"]
    if _has(coverage, "level_min"):
        facts.append(CirclePlanReport.tr("{minutes}-minute circle").format(minutes='[% coalesce("level_min", 15) %]'))
    if _has(coverage, "method"):  # radius circles and walking isochrones of one community are told apart
        facts.append(f"[% {_method_expression()} %]")
    if _has(coverage, "population"):
        facts.append(f"{CirclePlanReport.tr('Residents')}: [% coalesce(format_number(\"population\", 0), '—') %]")
    return (
        f'<div style="font-size:9pt; color:{MUTED}">{CirclePlanReport.tr("15-minute living circle plan (一圈一策)")}'
        f" · {title}{' · ' + area if area else ''}</div>"
        f'<div style="font-size:17pt; font-weight:bold; color:{ACCENT}">[% {_circle_name()} %]</div>'
        f'<div style="font-size:9pt">{" · ".join(facts)}</div>'
    )


def _summary_html(layers: ReportLayers, categories: Sequence[Category]) -> str:
    coverage = layers.coverage
    n_basic = sum(c.category_class == "basic" for c in categories)
    n_quality = sum(c.category_class == "quality" for c in categories)
    empty = f'<p style="color:{MISSING}; font-size:11pt; font-weight:bold">{CirclePlanReport.tr("No facilities in this circle.")}</p>'
    rows = [
        f'<div style="font-size:9pt; color:{MUTED}">{CirclePlanReport.tr("MOFCOM grade")}</div>'
        f'<div style="font-size:15pt; font-weight:bold; color:{ACCENT}">'
        f"[% coalesce(\"grade\", '—') %]</div>"
        if _has(coverage, "grade")
        else "",
        f"[% CASE WHEN ({_facility_total(coverage, categories)}) = 0 THEN {_q(empty)} ELSE '' END %]",
    ]
    if _has(coverage, "n_basic_present"):
        rows.append(
            f'<p>{CirclePlanReport.tr("Basic services present")}: <b>[% coalesce("n_basic_present", 0) %] / {n_basic}</b><br>'
            f'{CirclePlanReport.tr("Quality services present")}: <b>[% coalesce("n_quality_present", 0) %] / {n_quality}</b></p>'
        )
    if _has(coverage, "per_10k"):
        rows.append(
            f"<p>{CirclePlanReport.tr('Facilities per 10,000 residents')}: <b>[% coalesce(format_number(\"per_10k\", 1), '—') %]</b></p>"
        )
    return "".join(rows)


def _requirements_html(layers: ReportLayers) -> str:
    """The GB 50180 / MOFCOM level requirements the circle does not meet (empty without the field)."""
    if not _has(layers.coverage, "missing_required_zh"):
        return ""
    title = CirclePlanReport.tr("GB 50180 / MOFCOM level requirements not met")
    return (
        f'<b>{title}:</b> <span style="color:{MISSING}">'
        "[% coalesce(nullif(\"missing_required_zh\", ''), '—') %]</span>"
    )


def _minutes_expression(layers: ReportLayers, code: str) -> str:
    """Template for the walking minutes to the nearest facility of `code` from the circle's community."""
    minutes, key = layers.minutes, _key_field(layers.coverage)
    field = f"min_{code}"
    if key is None or not _has(minutes, field) or not _has(minutes, "community_id"):
        return "—"
    found = f"get_feature({_q(minutes.id())}, 'community_id', to_string({_col(key)}))"
    return f"[% coalesce(format_number(attribute({found}, {_q(field)}), 1), '—') %]"


def _table_html(layers: ReportLayers, categories: Sequence[Category], category_class: str) -> str:
    """Present ✓ with counts, missing ✗ on a pale red row, and the walking minutes per category of one class."""
    header = (
        f'<tr bgcolor="{INK}" style="color:#ffffff"><th align="left">{class_label(category_class)}</th>'
        f'<th align="center">{CirclePlanReport.tr("Present")}</th><th align="center">{CirclePlanReport.tr("Walk (min)")}</th></tr>'
    )
    rows = [header]
    missing = _q(f'<b style="color:{MISSING}">✗ {CirclePlanReport.tr("missing")}</b>')
    for category in categories:
        if category.category_class != category_class or not _has(layers.coverage, "n_" + category.code):
            continue
        count = f"coalesce({_col('n_' + category.code)}, 0)"
        rows.append(
            f"<tr bgcolor=\"[% CASE WHEN {count} > 0 THEN '#ffffff' ELSE '{MISSING_ROW}' END %]\">"
            f"<td>{_category_name(category)}</td>"
            f"<td align=\"center\">[% CASE WHEN {count} > 0 THEN '✓ ' || {count} ELSE {missing} END %]</td>"
            f'<td align="center">{_minutes_expression(layers, category.code)}</td></tr>'
        )
    return f'<table width="100%" cellspacing="0" cellpadding="0.5" style="font-size:7.5pt">{"".join(rows)}</table>'


def _use_name_en(categories: Sequence[Category]) -> str:
    """Expression: the English name of a suggested use (category name, else the code in words)."""
    pairs = ", ".join(f"{_q(c.code)}, {_q(c.name_en)}" for c in categories)
    return f"coalesce(map_get(map({pairs}), \"use\"), replace(\"use\", '_', ' '))"


def _asset_type_expression() -> str:
    """Expression: the asset type of "asset_type" in words (人防工程, not civil_defence)."""
    codes = [item.code for item in ASSET_TYPES] + list(ASSET_TYPE_ALIASES)
    pairs = ", ".join(f"{_q(code)}, {_q(asset_type_label(code))}" for code in codes)
    return f'coalesce(map_get(map({pairs}), lower("asset_type")), "asset_type", \'\')'


def _first_sentence(reason: str) -> str:
    """Expression: a suggestion's first sentence; its conditions and basis stay in the suggestions layer and page."""
    pattern = "^([^。]*。)" if reason == "reason_zh" else "^(.*?[.])(?:\\s|$)"
    return f"coalesce(nullif(regexp_substr({_col(reason)}, {_q(pattern)}), ''), {_col(reason)})"


def _assets_html(layers: ReportLayers, categories: Sequence[Category]) -> str:
    """Idle assets inside the circle with their top suggestions (reason in the UI language)."""
    heading = f'<div style="font-size:10pt; font-weight:bold; color:{ACCENT}">{CirclePlanReport.tr("Resource list (资源清单): idle assets and their suggestions")}</div>'
    none = _q(CirclePlanReport.tr("No idle asset recorded in this circle."))
    suggestions, assets = layers.suggestions, layers.assets
    if suggestions is not None and _has(suggestions, "circle_id"):
        circle = "coalesce(attribute(@parent, 'circle_id'), to_string(@atlas_featureid))"
        reason, use = ("reason_zh", _col("use_zh")) if is_chinese() else ("reason_en", _use_name_en(categories))
        also = (
            f"aggregate({_q(suggestions.id())}, 'concatenate', {use}, "
            f'filter:="asset_id" = attribute(@parent, \'asset_id\') AND "rank" > 1 '
            f'AND "rank" <= {TOP_SUGGESTIONS}, concatenator:=\'、\', order_by:="rank")'
        )
        line = (
            "'<li><b>' || coalesce(\"asset_name\", \"asset_id\", '') || '</b> (' || "
            f"{_asset_type_expression()} "
            f"|| '): ' || coalesce({use}, '') || ' — ' || coalesce({_first_sentence(reason)}, '') "
            f"|| coalesce(' <i>' || {_q(CirclePlanReport.tr('Also suitable:'))} || ' ' || nullif({also}, '') || '</i>', '') || '</li>'"
        )
        where = f"array_contains(string_to_array(coalesce(\"circle_id\", ''), ','), {circle}) AND \"rank\" = 1"
        listing = (
            f"aggregate({_q(suggestions.id())}, 'concatenate', {line}, filter:={where}, concatenator:='', "
            'order_by:=coalesce("asset_name", "asset_id"))'
        )
    elif assets is not None:
        geometry = "geometry(@parent)"
        source, target = layers.coverage.crs(), assets.crs()
        if source != target:
            geometry = f"transform({geometry}, {_q(source.authid())}, {_q(target.authid())})"
        name = 'coalesce("name", "asset_id", \'\')' if _has(assets, "name") else "to_string($id)"
        kind = _asset_type_expression() if _has(assets, "asset_type") else "''"
        line = f"'<li><b>' || {name} || '</b> (' || {kind} || ')</li>'"
        listing = (
            f"aggregate({_q(assets.id())}, 'concatenate', {line}, filter:=intersects($geometry, {geometry}), "
            "concatenator:='')"
        )
    else:
        return heading + f"<p>{CirclePlanReport.tr('No idle assets layer was given.')}</p>"
    listed = "'<ul style=\"margin-top:0; margin-bottom:0; font-size:7.5pt\">'"
    return heading + f"[% coalesce({listed} || nullif({listing}, '') || '</ul>', '<p>' || {none} || '</p>') %]"


def _footer_html(layers: ReportLayers, bureau: str = "", sheet: int = 1) -> str:
    """The footer of the circle's page `sheet` (1: map and tables, 2: lists), numbered after the cover pages."""
    note = CirclePlanReport.tr("—: walking minutes not measured, or no facility within the walking limit.")
    page = CirclePlanReport.tr("Page {page} of {pages}").format(
        page=f"[% {COVER_PAGES} + {CIRCLE_PAGES} * (@atlas_featurenumber - 1) + {sheet} %]",
        pages=f"[% {COVER_PAGES} + {CIRCLE_PAGES} * @atlas_totalfeatures %]",
    )
    return (
        f'<div style="font-size:7pt; color:{MUTED}">{sources_text(layers)} {note if sheet == 1 else ""}<br>'
        f"{bureau + ' · ' if bureau else ''}"
        f"{CirclePlanReport.tr('Made with the 15-minute living circle plugin for QGIS')} · [% format_date(now(), 'yyyy-MM-dd') %]"
        f" · {page}</div>"
    )


def _style_xml(renderer, uri: str) -> str:
    """The QML of `renderer`, as a map item style override (the project layer's own style is left alone)."""
    holder = QgsVectorLayer(uri, "style", "memory")
    holder.setRenderer(renderer)
    style = QgsMapLayerStyle()
    style.readFromLayer(holder)
    return style.xmlData()


def _overrides(layers: ReportLayers) -> dict[str, str]:
    """Map item styles: the page's circle, its community's isochrones, facilities by class, idle assets."""
    styles: dict[str, str] = {}
    this = QgsFillSymbol.createSimple(
        {"color": "46,125,50,40", "outline_color": ACCENT, "outline_width": "0.8", "outline_width_unit": "MM"}
    )
    other = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "150,150,150,255", "outline_width": "0.3", "outline_width_unit": "MM"}
    )
    circles = [
        QgsRendererCategory(1, this, CirclePlanReport.tr("This circle")),
        QgsRendererCategory(0, other, CirclePlanReport.tr("Other circles")),
    ]
    styles[layers.coverage.id()] = _style_xml(
        QgsCategorizedSymbolRenderer("if($id = @atlas_featureid, 1, 0)", circles), "MultiPolygon"
    )
    if layers.circles is not None:
        line = QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "#1565c0", "outline_style": "dash", "outline_width": "0.4"}
        )
        key, coverage_key = _key_field(layers.circles), _key_field(layers.coverage)
        expression = (
            f"if({_col(key)} = attribute(@atlas_feature, {_q(coverage_key)}), 1, 0)" if key and coverage_key else "1"
        )
        same = [QgsRendererCategory(1, line, CirclePlanReport.tr("Isochrones of this community"))]
        styles[layers.circles.id()] = _style_xml(QgsCategorizedSymbolRenderer(expression, same), "MultiPolygon")
    if layers.facilities is not None:
        classes = []
        for name, colour in CLASS_COLOURS.items():
            symbol = QgsMarkerSymbol.createSimple(
                {"name": "circle", "color": colour, "outline_color": "#ffffff", "size": "2.2"}
            )
            classes.append(QgsRendererCategory(name, symbol, class_label(name)))
        styles[layers.facilities.id()] = _style_xml(QgsCategorizedSymbolRenderer("category_class", classes), "Point")
    if layers.assets is not None:
        star = QgsMarkerSymbol.createSimple(
            {"name": "star", "color": "#ff8f00", "outline_color": "#5d4037", "size": "4.2"}
        )
        assets = [QgsRendererCategory(1, star, CirclePlanReport.tr("Idle assets"))]
        styles[layers.assets.id()] = _style_xml(QgsCategorizedSymbolRenderer("1", assets), "Point")
    return styles


def _map_layers(layers: ReportLayers) -> list[QgsVectorLayer | QgsRasterLayer]:
    """Map layers, top first: the workspace layers over the basemap."""
    ours = [layer for layer in (layers.assets, layers.facilities, layers.circles, layers.coverage) if layer is not None]
    return [*ours, *layers.backdrop]


def _legend_names(layers: ReportLayers) -> dict[str, str]:
    names = {layers.coverage.id(): CirclePlanReport.tr("Living circles")}
    if layers.circles is not None:
        names[layers.circles.id()] = CirclePlanReport.tr("Isochrones")
    if layers.facilities is not None:
        names[layers.facilities.id()] = CirclePlanReport.tr("Facilities")
    if layers.assets is not None:
        names[layers.assets.id()] = CirclePlanReport.tr("Idle assets")
    return names


def _add_map(layout: QgsPrintLayout, layers: ReportLayers, rect: tuple[float, float, float, float]) -> QgsLayoutItemMap:
    item = QgsLayoutItemMap(layout)
    item.setId("circle_map")
    crs = layers.coverage.crs()
    item.setCrs(QgsCoordinateReferenceSystem("EPSG:3857") if crs.isGeographic() else crs)
    item.setLayers(_map_layers(layers))
    item.setKeepLayerSet(True)
    item.setKeepLayerStyles(True)
    item.setLayerStyleOverrides(_overrides(layers))
    item.setAtlasDriven(True)
    item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    item.setAtlasMargin(0.12)
    item.setFrameEnabled(True)
    item.setFrameStrokeColor(QColor(MUTED))
    layout.addLayoutItem(item)
    _place(item, *rect)
    to_map = QgsCoordinateTransform(crs, item.crs(), layout.project().transformContext())
    item.zoomToExtent(to_map.transformBoundingBox(layers.coverage.extent()))
    return item


def _add_legend(layout: QgsPrintLayout, layers: ReportLayers, linked: QgsLayoutItemMap, rect) -> None:
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("")
    legend.setLinkedMap(linked)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    names = _legend_names(layers)
    for layer in _map_layers(layers):
        if layer.id() not in names:  # the basemap: its attribution is printed on the map instead
            continue
        node = root.addLayer(layer)
        node.setUseLayerName(False)
        node.setName(names[layer.id()])
        if layer in (layers.assets, layers.circles):  # one symbol each: its label says it all
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    for style, size, bold in (
        (QgsLegendStyle.Style.Subgroup, 8.0, True),
        (QgsLegendStyle.Style.SymbolLabel, 7.5, False),
    ):
        legend.rstyle(style).setTextFormat(_text_format(size, bold))
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setMargin(QgsLegendStyle.Side.Top, 2.0)
    legend.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2)
    legend.setSymbolHeight(3.0)
    legend.setSymbolWidth(4.5)
    legend.setResizeToContents(False)
    layout.addLayoutItem(legend)
    _place(legend, *rect)
    legend.model().setLayerStyleOverrides(linked.layerStyleOverrides())
    for node in root.findLayers():
        legend.model().refreshLayerLegend(node)
    legend.updateLegend()


def _add_scale_and_north(layout: QgsPrintLayout, linked: QgsLayoutItemMap, rect) -> None:
    x, y, width, height = rect
    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setLinkedMap(linked)
    scale.setUnits(Qgis.DistanceUnit.Meters)
    scale.setUnitLabel("m")
    scale.setNumberOfSegmentsLeft(0)
    scale.setNumberOfSegments(3)
    scale.setSegmentSizeMode(Qgis.ScaleBarSegmentSizeMode.FitWidth)
    scale.setMinimumBarWidth(30.0)
    scale.setMaximumBarWidth(60.0)
    scale.setTextFormat(_text_format(7.0))
    scale.setHeight(2.0)
    layout.addLayoutItem(scale)
    scale.attemptMove(QgsLayoutPoint(x + 2.0, y + height - 12.0, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 210))
    north = QgsLayoutItemPicture(layout)
    north.setPicturePath(QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver()))
    north.setLinkedMap(linked)
    north.setNorthMode(QgsLayoutItemPicture.NorthMode.TrueNorth)
    layout.addLayoutItem(north)
    _place(north, x + width - 12.0, y + 2.0, 10.0, 12.0)


def _add_basemap_line(layout: QgsPrintLayout, layers: ReportLayers, rect: tuple[float, float, float, float]) -> None:
    """Over the map's top-left corner: the basemap's required attribution, or why the basemap is missing."""
    from fifteen_min_plugin.core.report.basemap import attribution  # the POI clients' numpy: only with a basemap

    text = attribution() if layers.backdrop else layers.backdrop_note
    if not text:
        return
    label = _text_label(layout, escape(text), rect, 6.5, colour=INK)
    label.setId("basemap_line")
    label.setBackgroundEnabled(True)
    label.setBackgroundColor(QColor(255, 255, 255, 210))


def with_basemap(project: QgsProject, layers: ReportLayers, basemap: Optional[Basemap]) -> ReportLayers:
    """`layers` with the Tianditu `basemap` under them (owned by `project`), or with the sentence saying why not."""
    if basemap is None:
        return layers
    from fifteen_min_plugin.core.report.basemap import basemap_layers, unavailable_reason  # numpy: only when asked

    reason = unavailable_reason(basemap)
    if reason:
        note = CirclePlanReport.tr(
            "Tianditu basemap not shown ({reason}); the map shows the workspace layers only."
        ).format(reason=reason)
        return replace(layers, backdrop=(), backdrop_note=note)
    backdrop = basemap_layers(basemap)
    for layer in backdrop:
        if project.addMapLayer(layer, False) is None:
            raise FifteenMinError(CirclePlanReport.tr("The basemap could not be added to the report."))
    return replace(layers, backdrop=tuple(backdrop), backdrop_note="")


def build_atlas_layout(
    project: QgsProject,
    layers: ReportLayers,
    title: str,
    categories: Sequence[Category],
    area: str = "",
    bureau: str = "",
    texts: Optional[PlanTexts] = None,
) -> QgsPrintLayout:
    """The per-circle layout: an atlas over `layers.coverage`, two A4 pages per circle.

    The first page holds the map, the category tables and the resource list; the second the needs and project
    lists, the plan figures and the circle-fusion matrix from `texts` (computed when None). `title`, `area` and
    `bureau` are plain text (escaped here); `area` follows the title in each page's header, `bureau` opens the
    footer.
    """
    layout = _new_layout(project, CirclePlanReport.tr("Circle plan: {title}").format(title=title))
    title, area, bureau = escape(title), escape(area), escape(bureau)
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers.coverage)
    atlas.setEnabled(True)
    atlas.setPageNameExpression(_circle_name())
    left, width = MARGIN, PAGE_WIDTH - 2 * MARGIN
    _html_label(layout, _header_html(layers, title, categories, area), (left, 7.0, width, 23.0), "header")
    linked = _add_map(layout, layers, (left, 31.0, 128.0, 118.0))
    _add_scale_and_north(layout, linked, (left, 31.0, 128.0, 118.0))
    _add_basemap_line(layout, layers, (left + 1.0, 32.0, 113.0, 7.0))
    _add_legend(layout, layers, linked, (142.0, 31.0, 58.0, 52.0))
    _html_label(layout, _summary_html(layers, categories), (142.0, 86.0, 58.0, 63.0), "summary")
    heading = CirclePlanReport.tr("Facilities present and missing — and the walk to the nearest one")
    _text_label(layout, heading, (left, 152.0, width, 6.0), 10.0, True, ACCENT)
    table_width = (width - 4.0) / 2
    _html_label(layout, _table_html(layers, categories, "basic"), (left, TABLES_TOP, table_width, 76.0), "basic_table")
    _html_label(
        layout,
        _table_html(layers, categories, "quality"),
        (left + table_width + 4.0, TABLES_TOP, table_width, 76.0),
        "quality_table",
    )
    _html_label(layout, _requirements_html(layers), (left, 236.0, width, 10.0), "requirements")
    _html_label(layout, _assets_html(layers, categories), (left, 248.0, width, 30.0), "assets")
    _html_label(layout, _footer_html(layers, bureau), (left, FOOTER_TOP, width, 12.0), "footer")
    if texts is None:
        texts = plan_texts(layers.coverage, plan_inputs(layers), categories, project.transformContext())
    _add_lists_page(layout, layers, texts, title, area, bureau)
    reflow(layout, sample=True)
    return layout


def plan_inputs(layers: ReportLayers) -> PlanInputs:
    """The layers of the lists page."""
    return PlanInputs(
        needs=layers.needs,
        need_lists=layers.need_lists,
        projects=layers.projects,
        satisfaction=layers.satisfaction,
        fusion=layers.fusion,
        facilities=layers.facilities,
        assets=layers.assets,
    )


def _per_circle(texts: PlanTexts, section: str) -> str:
    """Template: the section's HTML of the atlas circle (a map keyed by coverage feature id)."""
    pairs = ", ".join(f"{_q(str(fid))}, {_q(sections[section])}" for fid, sections in texts.circles.items())
    return f"[% coalesce(map_get(map({pairs}), to_string(@atlas_featureid)), '') %]"


def _add_lists_page(
    layout: QgsPrintLayout, layers: ReportLayers, texts: PlanTexts, title: str, area: str, bureau: str
) -> None:
    """The circle's second page: the needs and project lists, the plan figures and the circle-fusion matrix."""
    top = _add_page(layout)
    left, width = MARGIN, PAGE_WIDTH - 2 * MARGIN
    header = (
        f'<div style="font-size:9pt; color:{MUTED}">{CirclePlanReport.tr("15-minute living circle plan (一圈一策)")}'
        f" · {title}{' · ' + area if area else ''}</div>"
        f'<div style="font-size:15pt; font-weight:bold; color:{ACCENT}">[% {_circle_name()} %]</div>'
        f'<div style="font-size:9pt">{CirclePlanReport.tr("Needs, projects and the plan in figures")}</div>'
    )
    _html_label(layout, header, (left, top + 4.0, width, 20.0), "plan_header")
    y = top + LISTS_TOP
    for section in SECTIONS:
        _html_label(layout, _per_circle(texts, section), (left, y, width, LISTS_ROOM[section]), section)
        y += LISTS_ROOM[section] + GAP
    _html_label(layout, _footer_html(layers, bureau, sheet=2), (left, top + FOOTER_TOP, width, 12.0), "plan_footer")


def html_height(html: str, width: float) -> float:
    """Millimetres of height `html` needs when set in a column `width` mm wide (at 96 dpi, as labels render)."""
    if not html.strip():
        return 0.0
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    dots_per_mm = 96.0 / 25.4
    document.setTextWidth(width * dots_per_mm)
    return document.size().height() / dots_per_mm


def _label_text(item: QgsLayoutItemLabel, sample: bool) -> str:
    """The label's text, or before any page is known its template with a short value for each expression."""
    template = item.customProperty(TEMPLATE_PROPERTY)
    if not (sample and template):
        return item.text()
    return _TEMPLATE.sub(_SAMPLE_VALUE, _ATTRIBUTE_TEMPLATE.sub('="#ffffff"', template))


def reflow(layout: QgsPrintLayout, sample: bool = False) -> None:
    """Stack the atlas page's tables, unmet requirements and idle assets by the height their text needs.

    Called with `sample` when the layout is built (each expression measured as a short value) and again for every
    page after its templates are evaluated, so a long list of unmet requirements pushes the assets down instead
    of printing over the last table rows. The assets take the room left above the footer.
    """
    labels = {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItemLabel) and item.id()}
    if set(SECTIONS) <= labels.keys():
        _reflow_lists(layout, labels, sample)
    if not {"basic_table", "quality_table", "requirements", "assets"} <= labels.keys():
        return

    def needed(name: str) -> float:
        item = labels[name]
        return html_height(_label_text(item, sample), item.sizeWithUnits().width())

    def put(name: str, top: float, height: float) -> None:
        item = labels[name]
        item.attemptMove(QgsLayoutPoint(item.positionWithUnits().x(), top, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.attemptResize(
            QgsLayoutSize(item.sizeWithUnits().width(), max(height, 0.1), QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )

    tables = max(needed("basic_table"), needed("quality_table")) + 1.0
    put("basic_table", TABLES_TOP, tables)
    put("quality_table", TABLES_TOP, tables)
    top = TABLES_TOP + tables + GAP
    requirements = needed("requirements")
    if requirements:
        put("requirements", top, requirements + 1.0)
        top += requirements + 1.0 + GAP
    else:
        put("requirements", top, 0.1)
    put("assets", top, FOOTER_TOP - GAP - top)


def _reflow_lists(layout: QgsPrintLayout, labels: dict[str, QgsLayoutItemLabel], sample: bool) -> None:
    """Stack the lists page's sections by the height their text needs (before any page: their default room)."""
    top = _page_top(layout, 1)
    y = top + LISTS_TOP
    for section in SECTIONS:
        item = labels[section]
        height = LISTS_ROOM[section] if sample else html_height(item.text(), item.sizeWithUnits().width()) + 1.0
        item.attemptMove(QgsLayoutPoint(item.positionWithUnits().x(), y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.attemptResize(
            QgsLayoutSize(item.sizeWithUnits().width(), max(height, 0.1), QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )
        y += height + GAP


def _bar_chart(
    layout: QgsPrintLayout,
    rows: Sequence[tuple[str, int]],
    rect: tuple[float, float, float, float],
    title: str,
    colour: str,
) -> None:
    """A horizontal bar chart of layout items: one labelled bar per row, the count at its end."""
    x, y, width, height = rect
    _text_label(layout, title, (x, y, width, 7.0), 12.0, True, ACCENT)
    if not rows:
        _text_label(layout, CirclePlanReport.tr("Nothing to show."), (x, y + 9.0, width, 6.0), 9.0, colour=MUTED)
        return
    label_width, number_width = 60.0, 12.0
    bar_space = width - label_width - number_width
    step = min(9.0, (height - 9.0) / len(rows))
    largest = max(value for _, value in rows) or 1
    for number, (name, value) in enumerate(rows):
        top = y + 9.0 + number * step
        _text_label(layout, name, (x, top, label_width - 2.0, step), 9.0)
        bar = QgsLayoutItemShape(layout)
        bar.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        bar.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
        layout.addLayoutItem(bar)
        _place(bar, x + label_width, top + step * 0.15, max(bar_space * value / largest, 0.4), step * 0.7)
        _text_label(
            layout, str(value), (x + label_width + bar_space * value / largest + 1.5, top, number_width, step), 9.0
        )


def _grade_rows(coverage: QgsVectorLayer) -> list[tuple[str, int]]:
    if not _has(coverage, "grade"):
        return []
    counts = Counter(feature["grade"] for feature in coverage.getFeatures())
    rows = [(grade, counts.pop(grade, 0)) for grade in GRADES]
    rows += [(str(grade) if grade not in (None, "") else "—", count) for grade, count in counts.items()]
    return rows


def _missing_rows(coverage: QgsVectorLayer, categories: Sequence[Category]) -> list[tuple[str, int]]:
    names = {category.code: _category_name(category) for category in categories}
    counts: Counter[str] = Counter()
    if _has(coverage, "missing_basic"):
        for feature in coverage.getFeatures():
            value = feature["missing_basic"]
            if isinstance(value, str):
                counts.update(code.strip() for code in value.split(",") if code.strip())
    return [(names.get(code, code), count) for code, count in counts.most_common(TOP_MISSING)]


def build_cover_layout(
    project: QgsProject,
    layers: ReportLayers,
    title: str,
    categories: Sequence[Category],
    area: str = "",
    bureau: str = "",
    texts: Optional[PlanTexts] = None,
) -> QgsPrintLayout:
    """The cover (title, area, city-wide figures, charts, bureau), then the city summary page from `texts`.

    The summary lists projects by status and investment, circles by grade now and after the plan, each circle
    profile's coverage and the satisfaction surveys.

    `title`, `area` and `bureau` are plain text (escaped here).
    """
    coverage = layers.coverage
    layout = _new_layout(project, CirclePlanReport.tr("Circle plan cover: {title}").format(title=title))
    title, area, bureau = escape(title), escape(area), escape(bureau)
    left, width = MARGIN + 5.0, PAGE_WIDTH - 2 * MARGIN - 10.0
    below = 9.0 if area else 0.0
    _text_label(
        layout,
        CirclePlanReport.tr("15-minute living circle plan (一圈一策)"),
        (left, 22.0, width, 10.0),
        13.0,
        colour=MUTED,
    )
    _text_label(layout, title, (left, 33.0, width, 16.0), 24.0, True, ACCENT)
    if area:
        _text_label(layout, area, (left, 50.0, width, 8.0), 13.0, True)
    population = 0
    if _has(coverage, "population"):
        population = sum(int(f["population"]) for f in coverage.getFeatures() if isinstance(f["population"], int))
    facts = CirclePlanReport.tr("{circles} circles · {population} residents · {date}").format(
        circles=coverage.featureCount(),
        population=f"{population:,}" if population else "—",
        date=QDate.currentDate().toString("yyyy-MM-dd"),
    )
    _text_label(layout, facts, (left, 51.0 + below, width, 8.0), 11.0)
    rule = QgsLayoutItemShape(layout)
    rule.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    rule.setSymbol(QgsFillSymbol.createSimple({"color": ACCENT, "outline_style": "no"}))
    layout.addLayoutItem(rule)
    _place(rule, left, 62.0 + below, width, 0.8)
    _bar_chart(
        layout,
        _grade_rows(coverage),
        (left, 72.0 + below, width, 58.0 - below / 2),
        CirclePlanReport.tr("Circles per MOFCOM grade"),
        ACCENT,
    )
    _bar_chart(
        layout,
        _missing_rows(coverage, categories),
        (left, 140.0 + below / 2, width, 90.0 - below / 2),
        CirclePlanReport.tr("Basic services most often missing (circles lacking them)"),
        MISSING,
    )
    if bureau:
        _text_label(layout, bureau, (left, 255.0, width, 9.0), 13.0, True)
    _text_label(layout, sources_text(layers), (left, 268.0, width, 14.0), 8.0, colour=MUTED)
    if texts is not None:
        _add_summary_page(layout, texts, title, area, bureau)
    return layout


def _add_summary_page(layout: QgsPrintLayout, texts: PlanTexts, title: str, area: str, bureau: str) -> None:
    """The city summary: its sections stacked by the height their text needs."""
    top = _add_page(layout)
    left, width = MARGIN + 5.0, PAGE_WIDTH - 2 * MARGIN - 10.0
    heading = CirclePlanReport.tr("City summary: needs, projects and the plan")
    _text_label(layout, f"{title}{' · ' + area if area else ''}", (left, top + 8.0, width, 7.0), 11.0, colour=MUTED)
    _text_label(layout, heading, (left, top + 15.0, width, 9.0), 16.0, True, ACCENT)
    y = top + SUMMARY_TOP + 4.0
    for name, html in texts.summary.items():
        body = f"<div style=\"font-family:'{report_font_family()}'; font-size:8pt; color:{INK}\">{html}</div>"
        height = html_height(body, width) + 1.0
        label = _text_label(layout, "", (left, y, width, height), 8.0)
        label.setText(body)
        label.setId(name)
        y += height + 2 * GAP
    if bureau:
        _text_label(layout, bureau, (left, top + 268.0, width, 8.0), 9.0, colour=MUTED)


def build_circle_plan(
    project: QgsProject,
    layers: ReportLayers,
    title: str = "",
    categories: Optional[Sequence[Category]] = None,
    area: str = "",
    bureau: str = "",
    basemap: Optional[Basemap] = None,
) -> CirclePlan:
    """The cover and atlas layouts of a report over `layers` (which `project` must own or outlive).

    `categories` defaults to the bundled table; an empty `title` becomes "15-minute living circles". `area` (the
    planning area) and `bureau` (who issues the plan) are printed on the cover and on every page when given. With
    a Tianditu `basemap` the circle maps draw it under the layers with its approval number, or, when it has no key
    or no answer, say so on every page.
    """
    categories = load_categories() if categories is None else categories
    title = title.strip() or CirclePlanReport.tr("15-minute living circles")
    if layers.coverage.featureCount() == 0:
        raise FifteenMinError(
            CirclePlanReport.tr("The coverage layer has no circles, so there is no plan to print. Run Coverage first.")
        )
    area, bureau = area.strip(), bureau.strip()
    layers = with_basemap(project, layers, basemap)
    texts = plan_texts(layers.coverage, plan_inputs(layers), categories, project.transformContext())
    return CirclePlan(
        build_cover_layout(project, layers, title, categories, area, bureau, texts),
        build_atlas_layout(project, layers, title, categories, area, bureau, texts),
    )


def _unique_name(project: QgsProject, name: str) -> str:
    manager = project.layoutManager()
    candidate, number = name, 2
    while manager.layoutByName(candidate) is not None:
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def add_layout_to_project(
    project: QgsProject,
    layers: ReportLayers,
    title: str = "",
    categories: Optional[Sequence[Category]] = None,
    area: str = "",
    bureau: str = "",
    basemap: Optional[Basemap] = None,
) -> QgsPrintLayout:
    """Put the cover and the atlas layout in `project` (whose layers `layers` are); return the atlas layout.

    The layouts an earlier export added are replaced, so exporting again never piles up copies; a layout of the
    user's own keeps its name (ours then gets a number).
    """
    plan = build_circle_plan(project, layers, title, categories, area, bureau, basemap)
    manager = project.layoutManager()
    for layout in list(manager.printLayouts()):
        if layout.customProperty(REPORT_PROPERTY):
            manager.removeLayout(layout)
    for role, layout in (("cover", plan.cover), ("atlas", plan.atlas)):
        layout.setName(_unique_name(project, layout.name()))
        layout.setCustomProperty(REPORT_PROPERTY, role)
        if not manager.addLayout(layout):
            raise FifteenMinError(
                CirclePlanReport.tr("The layout {name} could not be added to the project.").format(name=layout.name())
            )
    return plan.atlas


def report_layouts(project: QgsProject) -> list[QgsPrintLayout]:
    """The circle-plan layouts this plugin added to `project` (cover first)."""
    ours = [layout for layout in project.layoutManager().printLayouts() if layout.customProperty(REPORT_PROPERTY)]
    return sorted(ours, key=lambda layout: layout.customProperty(REPORT_PROPERTY) != "cover")


def _evaluate_templates(layout: QgsPrintLayout) -> None:
    """Replace each templated label's text by its value for the current atlas feature, with the layout's layers."""
    store = QgsExpressionContextScope()
    store.addLayerStore(layout.project().layerStore())
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and item.customProperty(TEMPLATE_PROPERTY):
            context = item.createExpressionContext()
            context.appendScope(QgsExpressionContextScope(store))
            item.setText(QgsExpression.replaceExpressionText(item.customProperty(TEMPLATE_PROPERTY), context))


def _restore_templates(layout: QgsPrintLayout) -> None:
    """Put the expression templates back, so a layout kept in a project stays live for every atlas feature."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and item.customProperty(TEMPLATE_PROPERTY):
            item.setText(item.customProperty(TEMPLATE_PROPERTY))
    reflow(layout, sample=True)


def _page_layout(layout: QgsPrintLayout) -> QPageLayout:
    size = layout.pageCollection().page(0).pageSize()
    page = QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Millimeter)
    orientation = QPageLayout.Orientation.Portrait
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _prepare(layout: QgsPrintLayout) -> QgsLayoutExporter:
    context = layout.renderContext()
    context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
    context.setDpi(300.0)
    return QgsLayoutExporter(layout)


class PdfExport:
    """Prints a circle plan to PDF one page at a time, so a caller can keep its window alive between pages.

    `start()` opens the file and prints the cover pages; each `next_page()` prints one circle's pages and returns False after
    the last; `finish()` moves the complete PDF over `path` and returns the number of pages. `abort()` (also
    after an error or a cancel) removes the partial file, so an existing PDF at `path` stays as it was. The
    PDF is written beside `path` until it is complete.
    """

    def __init__(self, plan: CirclePlan, path: os.PathLike | str, title: str = "") -> None:
        self.plan = plan
        self.target = Path(path)
        self.partial = self.target.with_name(self.target.name + ".part")
        self.title = title or plan.atlas.name()
        self.atlas = plan.atlas.atlas()
        self.pages = 0
        self.total = 0
        self.done = 0
        self._writer: Optional[QPdfWriter] = None
        self._painter: Optional[QPainter] = None
        self._exporter: Optional[QgsLayoutExporter] = None

    def _error(self) -> FifteenMinError:
        return FifteenMinError(CirclePlanReport.tr("The PDF {path} could not be written.").format(path=self.target))

    def start(self) -> None:
        """Open the PDF, print the cover and prepare the atlas; FifteenMinError if either fails."""
        writer = QPdfWriter(str(self.partial))
        writer.setResolution(300)
        writer.setCreator(__title__)
        writer.setTitle(self.title)
        writer.setPageLayout(_page_layout(self.plan.cover))
        painter = QPainter()
        if not painter.begin(writer):
            raise self._error()
        self._writer, self._painter = writer, painter
        try:
            cover = _prepare(self.plan.cover)
            for index in range(self.plan.cover.pageCollection().pageCount()):
                if index and not writer.newPage():
                    raise self._error()
                cover.renderPage(painter, index)
                self.pages += 1
            self._exporter = _prepare(self.plan.atlas)
            if not self.atlas.beginRender():
                raise FifteenMinError(CirclePlanReport.tr("The atlas of the circle plan could not be started."))
        except FifteenMinError:
            self.abort()
            raise
        self.total = self.atlas.count()

    def next_page(self) -> bool:
        """Print the next circle's page; False when every page is printed. FifteenMinError (and abort) on failure."""
        if self.done >= self.total:
            return False
        try:
            if not self.atlas.seekTo(self.done):
                raise FifteenMinError(
                    CirclePlanReport.tr("Page {page} of the circle plan could not be prepared.").format(
                        page=self.done + 2
                    )
                )
            _evaluate_templates(self.plan.atlas)
            reflow(self.plan.atlas)
            self._writer.setPageLayout(_page_layout(self.plan.atlas))
            for index in range(self.plan.atlas.pageCollection().pageCount()):
                if not self._writer.newPage():
                    raise self._error()
                self._exporter.renderPage(self._painter, index)
                self.pages += 1
        except FifteenMinError:
            self.abort()
            raise
        self.done += 1
        return self.done < self.total

    @property
    def progress(self) -> float:
        """Percent of the circle pages printed."""
        return 100.0 * self.done / max(self.total, 1)

    def _close(self) -> None:
        if self._painter is not None:
            if self._exporter is not None:
                self.atlas.endRender()
                _restore_templates(self.plan.atlas)
            self._painter.end()
        self._painter = self._writer = self._exporter = None

    def abort(self) -> None:
        """Stop; the partial file is removed and an existing PDF at the target is left untouched."""
        self._close()
        self.partial.unlink(missing_ok=True)

    def finish(self) -> int:
        """Close the PDF and move it over the target; the number of pages (cover included)."""
        if self.done < self.total:
            raise FifteenMinError(CirclePlanReport.tr("The circle plan is not complete; nothing was written."))
        self._close()
        os.replace(self.partial, self.target)
        return self.pages


def export_pdf(plan: CirclePlan, path: os.PathLike | str, feedback: Optional[QgsFeedback] = None) -> int:
    """Write the cover and one page per circle to `path`; return the number of pages, 0 when cancelled.

    The PDF is written beside `path` and moved over it only when complete, so a failed or cancelled run leaves
    an existing file untouched.
    """
    export = PdfExport(plan, path)
    export.start()
    more = export.total > 0
    while more:
        if feedback is not None and feedback.isCanceled():
            export.abort()
            return 0
        more = export.next_page()
        if feedback is not None:
            feedback.setProgress(export.progress)
    return export.finish()
