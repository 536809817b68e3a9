"""The second page of each circle in the 一圈一策 plan, and the city summary page: lists and plan figures.

Per circle (a coverage feature):

* the needs list (需求清单): the categories residents asked for most, weighted, per themed list;
* the project list (项目清单): name, status, investment (万元), lead unit and deadline of the projects whose site
  lies in the circle or that name it;
* the plan figures: the MOFCOM grade now and with the projects planned, approved or under construction built
  (`fifteenmin:planscenario`'s logic), residents' satisfaction against the 90 % target, the chain-store share
  against 30 %, the largest park and public green per resident against GB 50180 Table 4.0.4, and the floor-area
  shortfall by 国办发〔2021〕56号;
* the circle-fusion matrix (圈圈融合): the communities of the circle × the circle profiles, met or missing.

The city summary counts the projects and their investment per status, the circles per grade now and after the
plan, each profile's communities and residents meeting it, and the satisfaction surveys.

Every text is HTML built here from the layers' values (escaped), in the interface language; the layout keeps the
circle pages' texts in one map per label, keyed by the coverage feature id, so a layout kept in a project still
shows them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from fifteen_min_plugin.core.analysis.grading import GRADES
from fifteen_min_plugin.core.analysis.norms import FLOOR_AREA_PER_100_HOUSEHOLDS_M2, green_norm
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.labels import project_status_label
from fifteen_min_plugin.core.language import Messages, is_chinese
from fifteen_min_plugin.core.settings import CHAIN_SHARE_TARGET, SATISFACTION_TARGET
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.schema import PROJECT_STATUSES

#: themed lists shown per circle, categories per list, project rows and fusion communities (the page must fit)
MAX_LISTS, TOP_DEMANDS, MAX_PROJECTS, MAX_COMMUNITIES = 4, 5, 10, 6
#: colours as on the first page: ink, green, red, grey
INK, ACCENT, MISSING, MUTED = "#1f2d3d", "#2e7d32", "#c62828", "#6b7785"
#: the project statuses counted as built for the target grade (planscenario's default)
BUILT_STATUSES = ("planned", "approved", "under_construction")
_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$")


class PlanLists(Messages):
    """Texts of the lists page and the city summary; the class name is their translation context."""


#: short column heads of the shipped circle profiles (a user profile shows its own name)
PROFILE_HEADS = {
    "mofcom_convenience": QT_TRANSLATE_NOOP("PlanLists", "Convenience"),
    "gb50180": QT_TRANSLATE_NOOP("PlanLists", "GB 50180"),
    "elderly_care": QT_TRANSLATE_NOOP("PlanLists", "Elderly care"),
    "childcare": QT_TRANSLATE_NOOP("PlanLists", "Childcare"),
    "fitness": QT_TRANSLATE_NOOP("PlanLists", "Fitness"),
    "parcel": QT_TRANSLATE_NOOP("PlanLists", "Parcels"),
    "education": QT_TRANSLATE_NOOP("PlanLists", "Education"),
    "medical": QT_TRANSLATE_NOOP("PlanLists", "Medical"),
    "complete_community": QT_TRANSLATE_NOOP("PlanLists", "Complete community"),
}


def _safe(value: Any) -> str:
    """A value as HTML text that can never close a [% %] template."""
    text = "" if plain(value) is None else str(plain(value))
    return escape(text).replace("[", "&#91;").replace("]", "&#93;").replace("%", "&#37;")


def _number(value: Any) -> Optional[float]:
    value = plain(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None


def _count(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}&#37;"


def _mark(ok: Optional[bool]) -> str:
    if ok is None:
        return ""
    colour, sign = (ACCENT, "✓") if ok else (MISSING, "✗")
    return f' <b style="color:{colour}">{sign}</b>'


def _heading(text: str) -> str:
    return f'<div style="font-size:10pt; font-weight:bold; color:{ACCENT}">{text}</div>'


def _muted(text: str) -> str:
    return f'<p style="color:{MUTED}; margin-top:0">{text}</p>'


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], aligns: str = "") -> str:
    """An HTML table with a dark head row; `aligns` holds l/c/r per column (left by default)."""
    align = {"l": "left", "c": "center", "r": "right"}

    def cells(values: Sequence[str], tag: str) -> str:
        return "".join(
            f'<{tag} align="{align.get(aligns[i] if i < len(aligns) else "l")}">{value}</{tag}>'
            for i, value in enumerate(values)
        )

    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return (
        '<table width="100%" cellspacing="0" cellpadding="1" style="font-size:7.5pt">'
        f'<tr bgcolor="{INK}" style="color:#ffffff">{cells(head, "th")}</tr>{body}</table>'
    )


def _has(layer: Optional[QgsVectorLayer], name: str) -> bool:
    return layer is not None and layer.fields().lookupField(name) >= 0


def _value(feature: QgsFeature, name: str) -> Any:
    return plain(feature[name]) if feature.fields().lookupField(name) >= 0 else None


def _text(feature: QgsFeature, name: str) -> str:
    value = _value(feature, name)
    return "" if value is None else str(value).strip()


@dataclass
class CircleKey:
    """What ties other layers to one circle: its id, its community, and its polygon in each layer's CRS."""

    feature_id: int
    circle_id: str
    community_id: str
    geometry: QgsGeometry
    _in_crs: dict[str, Optional[QgsGeometry]] = field(default_factory=dict)

    def contains(self, feature: QgsFeature, layer: QgsVectorLayer, to_layer: QgsCoordinateTransform) -> bool:
        """True when the feature's geometry lies inside the circle (compared in the layer's CRS)."""
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            return False
        key = layer.id()
        if key not in self._in_crs:
            polygon: Optional[QgsGeometry] = QgsGeometry(self.geometry)
            try:
                if polygon.transform(to_layer) != Qgis.GeometryOperationResult.Success:
                    polygon = None
            except QgsCsException:
                polygon = None
            self._in_crs[key] = polygon
        polygon = self._in_crs[key]
        return polygon is not None and polygon.contains(feature.geometry().pointOnSurface())


@dataclass
class PlanTexts:
    """The lists page of every circle (coverage feature id → section → HTML) and the city summary sections."""

    circles: dict[int, dict[str, str]]
    summary: dict[str, str]


@dataclass(frozen=True)
class PlanInputs:
    """The layers behind the lists; every one optional."""

    needs: Optional[QgsVectorLayer] = None
    need_lists: Optional[QgsVectorLayer] = None
    projects: Optional[QgsVectorLayer] = None
    satisfaction: Optional[QgsVectorLayer] = None
    fusion: Optional[QgsVectorLayer] = None
    facilities: Optional[QgsVectorLayer] = None
    assets: Optional[QgsVectorLayer] = None


#: the sections of a circle's lists page, top to bottom
SECTIONS = ("plan_figures", "plan_needs", "plan_projects", "plan_fusion")


def circle_keys(coverage: QgsVectorLayer) -> list[CircleKey]:
    """One key per coverage feature."""
    community = next((name for name in ("community_id", "origin_id") if _has(coverage, name)), None)
    keys = []
    for feature in coverage.getFeatures():
        circle_id = _text(feature, "circle_id") or str(feature.id())
        keys.append(
            CircleKey(feature.id(), circle_id, _text(feature, community) if community else "", feature.geometry())
        )
    return keys


def scenario_grades(
    coverage: QgsVectorLayer, inputs: PlanInputs, context: QgsCoordinateTransformContext
) -> dict[int, dict[str, Any]]:
    """Per coverage feature id the planscenario row (grade_before/after, gained…) with the projects built.

    Empty without projects or classified facilities.
    """
    if inputs.projects is None or not _has(inputs.facilities, "category"):
        return {}
    from fifteen_min_plugin.core.projects.scenario import plan_scenario  # shapely and numpy: only with projects

    scenario = plan_scenario(
        coverage,
        inputs.facilities,
        "category",
        inputs.projects,
        BUILT_STATUSES,
        None,
        inputs.assets,
        context,
        QgsProcessingFeedback(),
    )
    if scenario is None:
        return {}
    return {feature.id(): row for feature, row in zip(scenario.features, scenario.rows)}


def _category_names(categories: Sequence[Category]) -> dict[str, str]:
    chinese = is_chinese()
    return {category.code: category.name_zh if chinese else category.name_en for category in categories}


def _codes_text(codes: str, names: dict[str, str]) -> str:
    items = [code.strip() for code in str(codes or "").split(",") if code.strip()]
    return "、".join(_safe(names.get(code, code)) for code in items)


def _figures_html(
    feature: QgsFeature,
    scenario: Optional[dict[str, Any]],
    has_projects: bool,
    survey: Optional[QgsFeature],
    names: dict[str, str],
) -> str:
    """The plan figures of one circle, one table row each."""
    rows: list[list[str]] = []
    grade = _safe(_value(feature, "grade") or "—")
    if scenario is not None:
        after = _safe(scenario.get("grade_after") or "—")
        gained = _codes_text(scenario.get("gained") or "", names)
        note = (
            PlanLists.tr("fills {categories}").format(categories=gained)
            if gained
            else PlanLists.tr("no basic gap filled")
        )
        rows.append([PlanLists.tr("MOFCOM grade now → after the plan"), f"{grade} → <b>{after}</b>", note])
    elif has_projects:
        rows.append(
            [
                PlanLists.tr("MOFCOM grade now → after the plan"),
                grade,
                PlanLists.tr("no facilities layer to rebuild the grade"),
            ]
        )
    else:
        rows.append([PlanLists.tr("MOFCOM grade now → after the plan"), grade, PlanLists.tr("no project list given")])
    rows.append(_satisfaction_row(survey))
    share = _number(_value(feature, "chain_share"))
    if _has_field(feature, "chain_share"):
        rows.append(
            [
                PlanLists.tr("Chain-store share of basic services"),
                (_percent(share) + _mark(share >= CHAIN_SHARE_TARGET)) if share is not None else "—",
                PlanLists.tr("target ≥ {target} (2025 notice)").format(target=_percent(CHAIN_SHARE_TARGET)),
            ]
        )
    norm = green_norm(_number(_value(feature, "level_min")))
    if _has_field(feature, "park_max_m2"):
        park = _number(_value(feature, "park_max_m2"))
        ok = _value(feature, "park_ok")
        rows.append(
            [
                PlanLists.tr("Largest park"),
                (f"{park / 10000:.2f} hm²" if park is not None else "—") + _mark(None if ok is None else bool(ok)),
                PlanLists.tr("GB 50180 Table 4.0.4: ≥ {size} hm² at the {minutes}-minute level").format(
                    size=f"{norm.park_min_m2 / 10000:g}", minutes=norm.level_min
                ),
            ]
        )
    if _has_field(feature, "green_m2_per_resident"):
        green = _number(_value(feature, "green_m2_per_resident"))
        ok = _value(feature, "green_ok")
        rows.append(
            [
                PlanLists.tr("Public green per resident"),
                (f"{green:.2f} m²" if green is not None else "—") + _mark(None if ok is None else bool(ok)),
                PlanLists.tr("GB 50180 Table 4.0.4: ≥ {area} m²").format(area=f"{norm.green_m2_per_resident:g}"),
            ]
        )
    if _has_field(feature, "floor_area_shortfall_m2"):
        rows.append(_floor_row(feature))
    return _table([PlanLists.tr("Plan figure"), PlanLists.tr("Value"), PlanLists.tr("Norm or note")], rows, "lcl")


def _has_field(feature: QgsFeature, name: str) -> bool:
    return feature.fields().lookupField(name) >= 0


def _floor_row(feature: QgsFeature) -> list[str]:
    floor = _number(_value(feature, "floor_area_m2"))
    households = _number(_value(feature, "households"))
    shortfall = _number(_value(feature, "floor_area_shortfall_m2"))
    if shortfall is None:
        value = "—"
        note = PlanLists.tr("households or floor areas unknown")
    else:
        value = PlanLists.tr("{floor} m² for {households} households").format(
            floor=_count(floor or 0.0), households=_count(households or 0.0)
        )
        value += _mark(shortfall <= 0.0)
        note = PlanLists.tr("国办发〔2021〕56号: {per} m² per 100 households; shortfall {shortfall} m²").format(
            per=f"{FLOOR_AREA_PER_100_HOUSEHOLDS_M2:g}", shortfall=_count(shortfall)
        )
    return [PlanLists.tr("Community service floor area"), value, note]


def _share(survey: QgsFeature) -> Optional[float]:
    share = _number(_value(survey, "share_satisfied"))
    if share is None:
        score = _number(_value(survey, "score"))
        share = None if score is None else score / 100.0
    return share


def _satisfaction_row(survey: Optional[QgsFeature]) -> list[str]:
    target = PlanLists.tr("target ≥ {target} (2023–2025 action plan)").format(target=_percent(SATISFACTION_TARGET))
    if survey is None:
        return [PlanLists.tr("Residents' satisfaction"), PlanLists.tr("No survey yet."), target]
    share = _share(survey)
    value = (_percent(share) + _mark(share >= SATISFACTION_TARGET)) if share is not None else "—"
    sample = _number(_value(survey, "sample_size"))
    facts = [part for part in (_safe(_value(survey, "date")), _count(sample) if sample else "") if part]
    if sample:
        facts[-1] = PlanLists.tr("{count} respondents").format(count=facts[-1])
    return [PlanLists.tr("Residents' satisfaction"), value + (f" ({', '.join(facts)})" if facts else ""), target]


def _list_meta(need_lists: Optional[QgsVectorLayer]) -> dict[tuple[str, str], tuple[str, str]]:
    """(community_id or "", list name) → (colour, meaning) of the themed lists."""
    meta: dict[tuple[str, str], tuple[str, str]] = {}
    if need_lists is None or not _has(need_lists, "name"):
        return meta
    for feature in need_lists.getFeatures():
        name = _text(feature, "name")
        if name:
            meta[(_text(feature, "community_id"), name)] = (_text(feature, "colour"), _text(feature, "meaning"))
    return meta


def _needs_html(needs: list[QgsFeature], meta: dict, community: str, names: dict[str, str]) -> str:
    """The needs list: per themed list, the categories asked for most with the residents asking."""
    heading = _heading(PlanLists.tr("Needs list (需求清单): what residents asked for"))
    if not needs:
        return heading + _muted(PlanLists.tr("No needs recorded for this circle's communities."))
    per_list: dict[str, Counter] = defaultdict(Counter)
    for need in needs:
        weight = _number(_value(need, "weight"))
        per_list[_text(need, "list")][_text(need, "category")] += 1.0 if weight is None else weight
    ordered = sorted(per_list.items(), key=lambda item: (-sum(item[1].values()), item[0]))
    rows = []
    for name, counts in ordered[:MAX_LISTS]:
        colour, meaning = meta.get((community, name)) or meta.get(("", name)) or ("", "")
        chip = f'<span style="color:{colour}">■</span> ' if _COLOUR.match(colour or "") else ""
        no_list = PlanLists.tr("No list")
        title = f"{chip}<b>{_safe(name) if name else no_list}</b>"
        if meaning:
            title += f'<br><span style="color:{MUTED}">{_safe(meaning[:40])}</span>'
        unclassified = PlanLists.tr("unclassified")
        top = "、".join(
            f"{_safe(names.get(code, code)) if code else unclassified} {_count(weight)}"
            for code, weight in counts.most_common(TOP_DEMANDS)
        )
        rows.append([title, top, _count(sum(counts.values()))])
    html = _table(
        [PlanLists.tr("Themed list"), PlanLists.tr("Top demands (residents asking)"), PlanLists.tr("Total")],
        rows,
        "llr",
    )
    if len(ordered) > MAX_LISTS:
        html += _muted(PlanLists.tr("… and {count} more lists.").format(count=len(ordered) - MAX_LISTS))
    return heading + html


def _projects_html(projects: list[QgsFeature]) -> str:
    """The project list: name, status, investment, lead unit and deadline."""
    heading = _heading(PlanLists.tr("Project list (项目清单)"))
    if not projects:
        return heading + _muted(PlanLists.tr("No project in this circle yet."))
    order = {status: i for i, status in enumerate(PROJECT_STATUSES)}
    projects = sorted(
        projects, key=lambda f: (order.get(_text(f, "status"), 99), _text(f, "deadline") or "9999", _text(f, "name"))
    )
    rows = []
    for project in projects[:MAX_PROJECTS]:
        investment = _number(_value(project, "investment_wan"))
        rows.append(
            [
                _safe(_text(project, "name") or _text(project, "project_id")),
                _safe(project_status_label(_text(project, "status") or "planned")),
                _count(investment) if investment is not None else "—",
                _safe(_text(project, "lead_unit") or "—"),
                _safe(_text(project, "deadline") or "—"),
            ]
        )
    total = sum(_number(_value(project, "investment_wan")) or 0.0 for project in projects)
    head = [
        PlanLists.tr("Project"),
        PlanLists.tr("Status"),
        PlanLists.tr("Investment (万元)"),
        PlanLists.tr("Lead unit"),
        PlanLists.tr("Deadline"),
    ]
    html = _table(head, rows, "llrll")
    more = PlanLists.tr("… and {count} more projects.").format(count=len(projects) - MAX_PROJECTS) + " "
    html += _muted(
        (more if len(projects) > MAX_PROJECTS else "")
        + PlanLists.tr("{count} projects, {total} 万元 in all.").format(count=len(projects), total=_count(total))
    )
    return heading + html


def fusion_profiles(fusion: Optional[QgsVectorLayer]) -> list[str]:
    """The profiles of a fusion result, in its field order."""
    if fusion is None:
        return []
    return [
        name[: -len("_met")]
        for name in fusion.fields().names()
        if name.endswith("_met") and name != "n_profiles_met" and _has(fusion, name[: -len("_met")] + "_missing")
    ]


def profile_head(profile: str) -> str:
    """A profile's short translated name."""
    text = PROFILE_HEADS.get(profile)
    return PlanLists.tr(text) if text else profile


def _fusion_html(rows: list[QgsFeature], profiles: list[str], community: str, names: dict[str, str]) -> str:
    """The circle-fusion matrix of the circle's communities, and what its own community lacks."""
    heading = _heading(PlanLists.tr("Circle fusion (圈圈融合): profiles met by the circle's communities"))
    if not profiles:
        return heading + _muted(PlanLists.tr("No circle-fusion result was given."))
    if not rows:
        return heading + _muted(PlanLists.tr("No community of this circle is in the circle-fusion result."))
    rows = sorted(rows, key=lambda f: (_text(f, "community_id") != community, _text(f, "community_id")))
    ok, missing = f'<b style="color:{ACCENT}">✓</b>', f'<b style="color:{MISSING}">✗</b>'
    table_rows = []
    for row in rows[:MAX_COMMUNITIES]:
        cells = [ok if _value(row, f"{profile}_met") else missing for profile in profiles]
        met = sum(bool(_value(row, f"{profile}_met")) for profile in profiles)
        table_rows.append([_safe(_text(row, "name") or _text(row, "community_id")), *cells, f"{met}/{len(profiles)}"])
    head = [PlanLists.tr("Community"), *(_safe(profile_head(profile)) for profile in profiles), PlanLists.tr("Met")]
    html = _table(head, table_rows, "l" + "c" * len(profiles) + "c")
    own = rows[0]
    joiner = "、" if is_chinese() else ", "
    lacks = []
    for profile in profiles:
        items = [item for item in _text(own, f"{profile}_missing").split(",") if item.strip()]
        if items and not _value(own, f"{profile}_met"):
            words = joiner.join("/".join(_safe(names.get(code, code)) for code in item.split("|")) for item in items)
            lacks.append(f"<b>{_safe(profile_head(profile))}</b>: {words}")
    if lacks:
        who = _safe(_text(own, "name") or _text(own, "community_id"))
        lacks_text = PlanLists.tr("{community} lacks").format(community=who)
        html += f'<p style="margin-top:1px">{lacks_text} — '
        html += "; ".join(lacks) + "</p>"
    return heading + html


def _latest(surveys: list[QgsFeature]) -> Optional[QgsFeature]:
    return max(surveys, key=lambda f: (_text(f, "date"), f.id())) if surveys else None


def _inside(
    layer: Optional[QgsVectorLayer],
    features: Sequence[QgsFeature],
    key: CircleKey,
    coverage: QgsVectorLayer,
    context,
    fields=("community_id",),
) -> list[QgsFeature]:
    """The `features` of `layer` naming the circle's community (or circle) or lying inside the circle."""
    if layer is None:
        return []
    transform = QgsCoordinateTransform(coverage.crs(), layer.crs(), context)
    found = []
    for feature in features:
        named = (
            key.community_id and _text(feature, "community_id") == key.community_id
            if "community_id" in fields
            else False
        )
        circles = [item for item in re.split(r"[,，、|;\s]+", _text(feature, "circle_id")) if item]
        if named or key.circle_id in circles or (layer.isSpatial() and key.contains(feature, layer, transform)):
            found.append(feature)
    return found


def plan_texts(
    coverage: QgsVectorLayer,
    inputs: PlanInputs,
    categories: Sequence[Category],
    context: QgsCoordinateTransformContext,
) -> PlanTexts:
    """The lists page of every circle and the city summary; FifteenMinError when the scenario cannot run."""
    names = _category_names(categories)
    keys = circle_keys(coverage)
    scenario = scenario_grades(coverage, inputs, context)
    meta = _list_meta(inputs.need_lists)
    profiles = fusion_profiles(inputs.fusion)
    features = {feature.id(): feature for feature in coverage.getFeatures()}
    # each input is read once, not once per circle
    needs_rows, project_rows, fusion_all, survey_rows = (
        list(layer.getFeatures()) if layer is not None else []
        for layer in (inputs.needs, inputs.projects, inputs.fusion, inputs.satisfaction)
    )
    circles: dict[int, dict[str, str]] = {}
    for key in keys:
        feature = features[key.feature_id]
        needs = _inside(inputs.needs, needs_rows, key, coverage, context)
        projects = _inside(inputs.projects, project_rows, key, coverage, context, fields=())
        surveys = [
            survey
            for survey in survey_rows
            if (key.circle_id and _text(survey, "circle_id") == key.circle_id)
            or (key.community_id and _text(survey, "community_id") == key.community_id)
        ]
        survey = _latest(surveys)
        fusion_rows = _inside(inputs.fusion, fusion_all, key, coverage, context)
        circles[key.feature_id] = {
            "plan_figures": _heading(PlanLists.tr("The plan in figures"))
            + _figures_html(feature, scenario.get(key.feature_id), inputs.projects is not None, survey, names),
            "plan_needs": _needs_html(needs, meta, key.community_id, names),
            "plan_projects": _projects_html(projects),
            "plan_fusion": _fusion_html(fusion_rows, profiles, key.community_id, names),
        }
    summary = _summary(coverage, inputs, scenario, profiles, features)
    return PlanTexts(circles, summary)


def _summary(
    coverage: QgsVectorLayer,
    inputs: PlanInputs,
    scenario: dict[int, dict[str, Any]],
    profiles: list[str],
    features: dict[int, QgsFeature],
) -> dict[str, str]:
    """The city summary sections: projects, grades, profiles, satisfaction."""
    sections: dict[str, str] = {}
    heading = _heading(PlanLists.tr("Projects by status"))
    if inputs.projects is None or inputs.projects.featureCount() == 0:
        sections["summary_projects"] = heading + _muted(PlanLists.tr("No project list was given."))
    else:
        counts: Counter = Counter()
        money: Counter = Counter()
        for project in inputs.projects.getFeatures():
            status = _text(project, "status") or "planned"
            counts[status] += 1
            money[status] += _number(_value(project, "investment_wan")) or 0.0
        order = [status for status in PROJECT_STATUSES if status in counts] + sorted(
            set(counts) - set(PROJECT_STATUSES)
        )
        rows = [[_safe(project_status_label(s)), str(counts[s]), _count(money[s])] for s in order]
        everything = PlanLists.tr("All")
        rows.append([f"<b>{everything}</b>", f"<b>{sum(counts.values())}</b>", f"<b>{_count(sum(money.values()))}</b>"])
        sections["summary_projects"] = heading + _table(
            [PlanLists.tr("Status"), PlanLists.tr("Projects"), PlanLists.tr("Investment (万元)")], rows, "lrr"
        )
    now = Counter(str(_value(feature, "grade") or "—") for feature in features.values())
    after = Counter(str(row.get("grade_after") or "—") for row in scenario.values()) if scenario else None
    grades = list(GRADES) + sorted(set(now) - set(GRADES))
    rows = [[grade, str(now.get(grade, 0)), str(after.get(grade, 0)) if after is not None else "—"] for grade in grades]
    note = (
        ""
        if after is not None
        else _muted(PlanLists.tr("Without a project list (and facilities) the plan is not rebuilt."))
    )
    sections["summary_grades"] = (
        _heading(PlanLists.tr("Circles by MOFCOM grade, now and after the plan"))
        + _table([PlanLists.tr("Grade"), PlanLists.tr("Now"), PlanLists.tr("After the plan")], rows, "lrr")
        + note
    )
    sections["summary_profiles"] = _profiles_summary(inputs.fusion, profiles)
    sections["summary_satisfaction"] = _satisfaction_summary(inputs.satisfaction)
    return sections


def _profiles_summary(fusion: Optional[QgsVectorLayer], profiles: list[str]) -> str:
    heading = _heading(PlanLists.tr("Circle profiles met (圈圈融合): communities and residents"))
    if fusion is None or not profiles:
        return heading + _muted(PlanLists.tr("No circle-fusion result was given."))
    rows_in = list(fusion.getFeatures())
    people = [_number(_value(row, "population")) or 0.0 for row in rows_in]
    total_people = sum(people)
    rows = []
    for profile in profiles:
        met = [bool(_value(row, f"{profile}_met")) for row in rows_in]
        residents = sum(p for p, ok in zip(people, met) if ok)
        share = f" ({_percent(residents / total_people)})" if total_people else ""
        rows.append([_safe(profile_head(profile)), f"{sum(met)} / {len(rows_in)}", f"{_count(residents)}{share}"])
    return heading + _table(
        [PlanLists.tr("Circle profile"), PlanLists.tr("Communities meeting it"), PlanLists.tr("Residents")], rows, "lrr"
    )


def _satisfaction_summary(satisfaction: Optional[QgsVectorLayer]) -> str:
    heading = _heading(PlanLists.tr("Residents' satisfaction"))
    surveys = list(satisfaction.getFeatures()) if satisfaction is not None else []
    if not surveys:
        return heading + _muted(PlanLists.tr("No survey yet."))
    latest: dict[str, QgsFeature] = {}
    for survey in surveys:
        where = _text(survey, "community_id") or _text(survey, "circle_id") or str(survey.id())
        if where not in latest or _text(survey, "date") >= _text(latest[where], "date"):
            latest[where] = survey
    shares = [share for share in (_share(s) for s in latest.values()) if share is not None]
    meeting = sum(share >= SATISFACTION_TARGET for share in shares)
    mean = sum(shares) / len(shares) if shares else None
    text = PlanLists.tr(
        "{count} communities surveyed; mean {mean} satisfied; {meeting} meet the target of {target}."
    ).format(
        count=len(latest),
        mean=_percent(mean) if mean is not None else "—",
        meeting=meeting,
        target=_percent(SATISFACTION_TARGET),
    )
    return heading + f"<p>{text}</p>"
