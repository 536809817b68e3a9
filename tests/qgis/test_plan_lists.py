"""The 一圈一策 lists page and city summary: needs, resources, projects, plan figures, fusion, in English and Chinese.

Every input is real: the sample's GBK needs file through fifteenmin:importneeds, projects in a real workspace
GeoPackage through the project register (one from a repurposing suggestion), fifteenmin:fusion on the sample, and
a satisfaction table. The expected figures come from those layers read back here and from fifteenmin:planscenario
run on its own, never from the report code.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest
from pypdf import PdfReader
from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.labels import project_status_label
from fifteen_min_plugin.core.language import is_chinese
from fifteen_min_plugin.core.projects.register import ProjectRegister, project_from_suggestion
from fifteen_min_plugin.core.report import PdfExport, ReportLayers, build_circle_plan
from fifteen_min_plugin.core.report.layout import CIRCLE_PAGES, COVER_PAGES, FOOTER_TOP
from fifteen_min_plugin.core.workspace.workspace import Workspace
from tests.qgis import test_circle_plan
from tests.qgis.test_circle_plan import ORIGINS, appears, text

#: the circle-plan tests' fixtures: three 500 m circles on the sample, and the report language (en, zh_CN)
workspace = test_circle_plan.workspace
language = test_circle_plan.language

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NEEDS = RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"
COMMUNITIES = f"{SAMPLE}|layername=communities"
#: a project with every listed field, sited at the centre of circle C1
CANTEEN = {
    "name": "学院路社区食堂",
    "category": "community_canteen",
    "investment_wan": 86.5,
    "lead_unit": "海淀区商务局",
    "deadline": "2026-10-31",
}


def found(value: str, page: str) -> bool:
    """`value` is on the page, whatever spaces the PDF's text extraction puts between words and brackets."""
    return appears(re.sub(r"\s+", "", value), re.sub(r"\s+", "", page))


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanLists", text)


def _table(fields: str, rows: list[list]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"None?{fields}", "table", "memory")
    features = []
    for values in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    return layer


@pytest.fixture()
def plan(processing, workspace, tmp_path):
    """Needs, themed lists, projects (workspace GeoPackage), satisfaction and fusion beside the circle layers."""
    needs = processing.run(
        "fifteenmin:importneeds",
        {
            "INPUT": str(NEEDS),
            "TEXT_FIELD": "诉求内容",
            "COMMUNITY_FIELD": "社区",
            "WEIGHT_FIELD": "人数",
            "LIST_FIELD": "清单",
            "COMMUNITIES": COMMUNITIES,
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    need_lists = _table(
        "field=community_id:string&field=name:string&field=colour:string&field=meaning:string",
        [["", "红色清单", "red", "居家养老服务设在哪里"]],
    )
    store = Workspace.create(tmp_path / "plan.gpkg")
    register = ProjectRegister.from_workspace(store, user="test")
    suggestions = workspace["suggestions"]
    first = next(
        f for f in suggestions.getFeatures() if f["rank"] == 1 and "C1" in str(f["circle_id"]).split(",") and f["use"]
    )
    from_suggestion = project_from_suggestion(register, first, suggestions.crs())
    canteen = register.add(CANTEEN, QgsGeometry.fromPointXY(QgsPointXY(116.3500, 40.0030)), suggestions.crs())
    register.set_status(canteen, "approved")
    dropped = register.add({"name": "已撤销的项目", "category": "pharmacy", "investment_wan": 10.0})
    register.set_status(dropped, "cancelled")
    satisfaction = _table(
        "field=community_id:string&field=circle_id:string&field=score:double&field=share_satisfied:double"
        "&field=sample_size:integer&field=date:string&field=source:string",
        [
            ["HD-C01", None, None, 0.5, 40, "2024-01-10", "问卷"],
            ["HD-C01", None, None, 0.86, 120, "2025-06-01", "问卷"],
        ],
    )
    fusion = processing.run(
        "fifteenmin:fusion", {"COMMUNITIES": COMMUNITIES, "FACILITIES": workspace["facilities"], "OUTPUT": "memory:"}
    )["OUTPUT"]
    projects = store.layer("projects").materialize(QgsFeatureRequest())
    project = register.get(from_suggestion)
    del register, store  # memory copies only: no open GeoPackage handle outlives the test
    return {
        "needs": needs,
        "need_lists": need_lists,
        "projects": projects,
        "satisfaction": satisfaction,
        "fusion": fusion,
        "from_suggestion": project,
    }


def _report(processing, workspace, plan, pdf) -> list[str]:
    result = processing.run(
        "fifteenmin:circleplan",
        {
            "COVERAGE": workspace["coverage"],
            "CIRCLES": workspace["circles"],
            "FACILITIES": workspace["facilities"],
            "ASSETS": workspace["assets"],
            "SUGGESTIONS": workspace["suggestions"],
            "NEEDS": plan["needs"],
            "NEED_LISTS": plan["need_lists"],
            "PROJECTS": plan["projects"],
            "SATISFACTION": plan["satisfaction"],
            "FUSION": plan["fusion"],
            "TITLE": "海淀区示例",
            "OUTPUT_PDF": str(pdf),
        },
    )
    pages = [text(page) for page in PdfReader(str(pdf)).pages]
    assert result["PAGES"] == len(pages) == COVER_PAGES + CIRCLE_PAGES * len(ORIGINS)
    return pages


def _top_demand(needs: QgsVectorLayer, community: str) -> tuple[str, str, float]:
    """(list, category, residents) of the most-asked category of the community's largest list."""
    per_list: dict[str, Counter] = defaultdict(Counter)
    for need in needs.getFeatures():
        if need["community_id"] == community:
            per_list[need["list"] or ""][need["category"] or ""] += need["weight"]
    name, counts = max(per_list.items(), key=lambda item: (sum(item[1].values()), item[0]))
    category, weight = counts.most_common(1)[0]
    return name, category, weight


def test_lists_page_and_city_summary_in_both_languages(language, processing, workspace, plan, tmp_path):
    pages = _report(processing, workspace, plan, tmp_path / "plan.pdf")
    summary = pages[1]
    first, lists = pages[COVER_PAGES], pages[COVER_PAGES + 1]
    others = pages[COVER_PAGES + 1 + CIRCLE_PAGES :: CIRCLE_PAGES]
    if language == "zh_CN":  # the catalogue is really in use: the headings are not the English source
        assert (
            tr("Needs list (需求清单): what residents asked for") != "Needs list (需求清单): what residents asked for"
        )
    names = {c.code: c.name_zh if is_chinese() else c.name_en for c in load_categories()}

    # needs list: the community's largest themed list and its most-asked category with the residents asking
    assert found(tr("Needs list (需求清单): what residents asked for"), lists)
    list_name, category, weight = _top_demand(plan["needs"], "HD-C01")
    assert found(list_name, lists) and found(f"{names[category]} {weight:g}", lists)
    assert found("居家养老服务设在哪里", lists) or list_name != "红色清单"

    # resource list (first page): the asset the suggestion project came from, with its suggested use
    resource_heading = QCoreApplication.translate(
        "CirclePlanReport", "Resource list (资源清单): idle assets and their suggestions"
    )
    assert found(resource_heading, first) and found(plan["from_suggestion"]["name"].split("：")[0], first)

    # project list: name, status, investment, lead unit, deadline; the cancelled one is listed as cancelled elsewhere
    assert found(tr("Project list (项目清单)"), lists)
    for value in (CANTEEN["name"], project_status_label("approved"), "86.5", CANTEEN["lead_unit"], CANTEEN["deadline"]):
        assert found(value, lists), value
    assert found(plan["from_suggestion"]["name"], lists) and found(project_status_label("planned"), lists)
    assert all(found(tr("No project in this circle yet."), page) for page in others[1:])

    # target grade after the plan: what fifteenmin:planscenario gives on its own
    scenario = processing.run(
        "fifteenmin:planscenario",
        {
            "CIRCLES": workspace["coverage"],
            "FACILITIES": workspace["facilities"],
            "PROJECTS": plan["projects"],
            "ASSETS": workspace["assets"],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    grades = {f["circle_id"]: (f["grade_before"], f["grade_after"]) for f in scenario.getFeatures()}
    before, after = grades["C1"]
    assert found(f"{before} → {after}", lists)

    # satisfaction: the latest survey against 90 %; the circles without one say so
    assert "86%" in lists and "50%" not in lists
    assert all(found(tr("No survey yet."), page) for page in others)

    # coverage figures: chain share vs 30 %, largest park and green per resident (Table 4.0.4), floor area
    for heading in (
        "Chain-store share of basic services",
        "Largest park",
        "Public green per resident",
        "Community service floor area",
    ):
        assert found(tr(heading), lists), heading
    assert "30%" in lists

    # fusion matrix: the profiles as columns, the circle's community as a row
    for profile in ("Convenience", "Elderly care", "Complete community"):
        assert found(tr(profile), lists), profile
    assert found("示例社区01", lists)

    # city summary: projects by status with investment, grades now and after, profiles, satisfaction
    assert found(tr("Projects by status"), summary)
    assert found(project_status_label("cancelled"), summary) and "86.5" in summary
    assert found(tr("Circles by MOFCOM grade, now and after the plan"), summary)
    assert found(tr("Circle profiles met (圈圈融合): communities and residents"), summary)
    met = sum(bool(f["elderly_care_met"]) for f in plan["fusion"].getFeatures())
    assert found(f"{tr('Elderly care')} {met} / {plan['fusion'].featureCount()}", summary)


def test_without_lists_the_page_says_what_is_missing(processing, workspace, tmp_path):
    pdf = tmp_path / "plan.pdf"
    processing.run("fifteenmin:circleplan", {"COVERAGE": workspace["coverage"], "OUTPUT_PDF": str(pdf)})
    pages = [text(page) for page in PdfReader(str(pdf)).pages]
    lists = pages[COVER_PAGES + 1]
    for sentence in (
        "No needs recorded for this circle's communities.",
        "No project in this circle yet.",
        "No survey yet.",
        "No circle-fusion result was given.",
        "no project list given",
    ):
        assert sentence in lists, sentence
    assert "No project list was given." in pages[1] and "No survey yet." in pages[1]


def test_lists_pages_keep_every_text_in_its_box_and_above_the_footer(
    language, processing, workspace, plan, qgis_new_project, tmp_path
):
    project = QgsProject.instance()
    given = [
        *workspace.values(),
        *(plan[name] for name in ("needs", "need_lists", "projects", "satisfaction", "fusion")),
    ]
    assert len(project.addMapLayers(given)) == len(given)
    layers = ReportLayers(
        coverage=workspace["coverage"],
        circles=workspace["circles"],
        facilities=workspace["facilities"],
        assets=workspace["assets"],
        suggestions=workspace["suggestions"],
        needs=plan["needs"],
        need_lists=plan["need_lists"],
        projects=plan["projects"],
        satisfaction=plan["satisfaction"],
        fusion=plan["fusion"],
    )
    built = build_circle_plan(project, layers, "海淀区一刻钟便民生活圈", area="学院路街道", bureau="海淀区商务局")
    export = PdfExport(built, tmp_path / "plan.pdf")
    export.start()
    test_circle_plan._assert_no_overlap(built.cover, "cover and city summary")
    lists_top = built.atlas.pageCollection().page(1).pos().y()
    more = True
    while more:
        more = export.next_page()
        test_circle_plan._assert_no_overlap(built.atlas, f"pages up to {export.pages}")
        boxes = {name: box for name, box, _ in test_circle_plan._text_boxes(built.atlas)}
        assert boxes["plan_fusion"].bottom() < boxes["plan_footer"].top() <= lists_top + FOOTER_TOP
    assert export.finish() == COVER_PAGES + CIRCLE_PAGES * len(ORIGINS)
