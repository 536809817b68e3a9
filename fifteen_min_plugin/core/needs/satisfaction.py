"""Residents' satisfaction (问效于民): survey results per community, their import and the figure per circle.

A survey row gives a community (id or name), a mean score 0–100 and/or the share of respondents satisfied 0–1
(``0.86`` or ``86%``), the sample size and the date. The import reads spreadsheets and layers with the needs
readers (core/needs/needs_import.py, core/needs/values.py), skips rows it cannot use and reports them by row
number, and writes the rest into the workspace `satisfaction` table in one transaction.

The figure of a circle is the share satisfied of its latest survey: the rows with the circle's `circle_id`
if there are any, else those of its community; several rows of that date are averaged weighted by sample size.
A survey that gives only a mean score counts as the score's share of 100. The target is
`core.settings.SATISFACTION_TARGET` (90 %).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from fifteen_min_plugin.core.compat import new_field
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.table_reader import BadRows
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.needs_import import (
    CommunityIndex,
    Rows,
    RowsInput,
    RowsReport,
    check_chosen_columns,
    push_reasons,
    shown_rows,
)
from fifteen_min_plugin.core.needs.values import parse_date
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.values import text as value_text
from fifteen_min_plugin.core.workspace.layer_io import add_all_or_nothing

#: the fields of the output and of the workspace table (without its `imported` time)
OUTPUT_FIELDS = (
    ("community_id", "text"),
    ("circle_id", "text"),
    ("score", "double"),
    ("share_satisfied", "double"),
    ("sample_size", "int"),
    ("date", "text"),
    ("source", "text"),
)


class SatisfactionMessages(Messages):
    """Translation context of the satisfaction messages."""


@dataclass(frozen=True)
class SatisfactionColumns:
    """The columns the planner chose; "" when not given (a community and a score or share are needed)."""

    community: str = ""
    score: str = ""
    share: str = ""
    sample: str = ""
    date: str = ""
    circle: str = ""


@dataclass
class Survey:
    """One survey result as the workspace `satisfaction` table stores it."""

    community_id: str
    circle_id: Optional[str]
    score: Optional[float]
    share_satisfied: Optional[float]
    sample_size: Optional[int]
    date: Optional[str]
    source: str
    row: int

    def values(self) -> list[Any]:
        """The attribute values in OUTPUT_FIELDS order (NULL for the empty ones)."""
        values = (getattr(self, name) for name, _ in OUTPUT_FIELDS)
        return [NULL if value is None else value for value in values]


@dataclass
class SatisfactionReport(RowsReport):
    """What a survey import found (see RowsReport), and the rows with an unusable score, share or sample."""

    bad_value: BadRows = field(default_factory=BadRows)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace(",", "")


def _number(text: str) -> tuple[Optional[float], bool]:
    """(the number `text` writes, NaN when it writes none; whether it ends in %); (None, False) when empty."""
    value = _clean(text)
    if not value:
        return None, False
    percent = value.endswith("%")
    try:
        return float(value.rstrip("%").strip() if percent else value), percent
    except ValueError:
        return float("nan"), percent


def parse_share(text: str) -> Optional[float]:
    """Share satisfied from 0.86, 86% or 86 %; None when empty; ValueError (the sentence) otherwise."""
    number, percent = _number(text)
    if number is None:
        return None
    share = number / (100.0 if percent else 1.0)
    if not 0.0 <= share <= 1.0:
        raise ValueError(
            SatisfactionMessages.tr("the share satisfied “{value}” is not between 0 and 1 (write 0.86 or 86%).").format(
                value=text
            )
        )
    return share


def parse_score(text: str) -> Optional[float]:
    """A mean score 0–100; None when empty; ValueError (the sentence) otherwise."""
    score, percent = _number(text)
    if score is None:
        return None
    if percent or not 0.0 <= score <= 100.0:
        raise ValueError(
            SatisfactionMessages.tr("the score “{value}” is not a number from 0 to 100.").format(value=text)
        )
    return score


def parse_sample(text: str) -> Optional[int]:
    """The number of respondents, a whole number ≥ 1; None when empty; ValueError (the sentence) otherwise."""
    number, percent = _number(text)
    if number is None:
        return None
    if percent or not (number >= 1 and number == int(number)):
        raise ValueError(
            SatisfactionMessages.tr("the sample size “{value}” is not a whole number of respondents.").format(
                value=text
            )
        )
    return int(number)


def check_columns(columns: Sequence[str], chosen: SatisfactionColumns, input_name: str) -> None:
    """Refuse a missing community column, neither score nor share, and a chosen column the input lacks."""
    if not chosen.community:
        raise FifteenMinError(SatisfactionMessages.tr("Choose the column holding the community (id or name)."))
    if not chosen.score and not chosen.share:
        raise FifteenMinError(
            SatisfactionMessages.tr("Choose the column of the score (0–100) or of the share satisfied (0–1), or both.")
        )
    check_chosen_columns(columns, chosen, input_name)


def read_surveys(
    rows: Rows,
    chosen: SatisfactionColumns,
    source: str,
    communities: Optional[CommunityIndex],
    add: Callable[[Survey], None],
    feedback: QgsProcessingFeedback,
) -> SatisfactionReport:
    """Check and place every row and hand each usable survey to `add` (nothing is raised)."""
    report = SatisfactionReport()

    def cell(column: str, values: Mapping[str, str]) -> str:
        return values.get(column, "") if column else ""

    for number, values, _point in rows:
        if feedback.isCanceled():
            break
        score_text, share_text = cell(chosen.score, values), cell(chosen.share, values)
        if not _clean(score_text) and not _clean(share_text):
            report.empty.add(number, "")
            continue
        try:
            score, share = parse_score(score_text), parse_share(share_text)
            sample = parse_sample(cell(chosen.sample, values))
        except ValueError as error:
            report.bad_value.add(number, str(error))
            continue
        community_text = cell(chosen.community, values).strip()
        community_id = community_text
        if communities is not None and community_text:
            community_id = communities.by_text(community_text)[0] or ""
        if not community_id:
            report.unlocated.add(number, community_text)
            continue
        date = None
        try:
            date = parse_date(cell(chosen.date, values))
        except ValueError as error:
            report.bad_date.add(number, str(error))
        circle = cell(chosen.circle, values).strip() or None
        add(Survey(community_id, circle, score, share, sample, date, source, number))
        report.written += 1
    return report


def push_report(report: SatisfactionReport, feedback: QgsProcessingFeedback) -> None:
    """Every problem as a sentence naming its rows, and the reason of the first rows."""
    warnings = (
        (
            report.empty,
            SatisfactionMessages.tr("{count} rows have neither a score nor a share and were skipped (rows {rows})."),
        ),
        (
            report.unlocated,
            SatisfactionMessages.tr("{count} rows name no known community and were skipped (rows {rows})."),
        ),
        (
            report.bad_value,
            SatisfactionMessages.tr(
                "{count} rows have a score, share or sample size that cannot be used and were skipped (rows {rows})."
            ),
        ),
        (
            report.bad_date,
            SatisfactionMessages.tr(
                "{count} rows have a date that could not be read; it was left empty (rows {rows})."
            ),
        ),
    )
    for bad, sentence in warnings:
        if bad.count:
            feedback.pushWarning(sentence.format(count=bad.count, rows=shown_rows(bad)))
            push_reasons(bad, feedback)


#: one survey import: a spreadsheet or a layer, the chosen columns and where communities are
SatisfactionInput = RowsInput[SatisfactionColumns]


def output_fields() -> QgsFields:
    """The output's fields (a plain table)."""
    fields = QgsFields()
    for name, kind in OUTPUT_FIELDS:
        fields.append(new_field(name, kind))
    return fields


def import_surveys(
    request: SatisfactionInput, feedback: QgsProcessingFeedback
) -> tuple[list[Survey], SatisfactionReport]:
    """Read, check and place every row; FifteenMinError (a sentence) when nothing can be imported."""
    communities = request.community_index()
    surveys: list[Survey] = []

    def check(columns: Sequence[str]) -> None:
        check_columns(columns, request.columns, request.name)

    with request.rows(check, SatisfactionMessages.tr("Choose a survey table or layer.")) as rows:
        report = read_surveys(rows, request.columns, request.name, communities, surveys.append, feedback)
    push_report(report, feedback)
    if not surveys and not feedback.isCanceled():
        raise FifteenMinError(
            SatisfactionMessages.tr("{name} has no survey row that could be used; nothing was imported.").format(
                name=request.name
            )
        )
    return surveys, report


def append_surveys(layer: QgsVectorLayer, surveys: Sequence[Survey]) -> list[int]:
    """Add `surveys` to the workspace `satisfaction` table all together or not at all (FifteenMinError)."""
    names = [name for name, _ in OUTPUT_FIELDS]
    missing = [name for name in names if layer.fields().lookupField(name) < 0]
    if missing:
        raise FifteenMinError(
            SatisfactionMessages.tr(
                "“{layer}” is not a satisfaction table (it lacks {fields}); open the workspace again to upgrade it."
            ).format(layer=layer.name(), fields=", ".join(missing))
        )
    features = []
    for survey in surveys:
        feature = QgsVectorLayerUtils.createFeature(layer)
        for name, value in zip(names, survey.values()):
            feature[name] = value
        features.append(feature)
    failed = SatisfactionMessages.tr(
        "The survey results could not be saved in the workspace; its satisfaction table is unchanged."
    )
    return add_all_or_nothing(layer, features, failed=failed)


@dataclass(frozen=True)
class SurveyFigure:
    """A circle's or community's latest survey: share satisfied (0–1), respondents and date."""

    share: float
    sample_size: Optional[int]
    date: str


def _latest(rows: Sequence[tuple[float, Optional[int], str]]) -> SurveyFigure:
    date = max(row[2] for row in rows)
    latest = [row for row in rows if row[2] == date]
    weights = [row[1] or 1 for row in latest]
    share = sum(row[0] * weight for row, weight in zip(latest, weights)) / sum(weights)
    samples = [row[1] for row in latest if row[1]]
    return SurveyFigure(share, sum(samples) if samples else None, date)


@dataclass
class SatisfactionLookup:
    """The latest survey figure per circle id and per community id."""

    by_circle: dict[str, SurveyFigure]
    by_community: dict[str, SurveyFigure]

    def figure(self, circle_id: Optional[str], community_id: Optional[str]) -> Optional[SurveyFigure]:
        """The circle's own survey, else its community's, else None."""
        if circle_id and circle_id in self.by_circle:
            return self.by_circle[circle_id]
        return self.by_community.get(community_id or "")

    def values(self, circle_id: Optional[str], community_id: Optional[str], target: float) -> dict[str, Any]:
        """The coverage fields `satisfaction` (share) and `satisfaction_ok` (1 at or above `target`)."""
        found = self.figure(circle_id, community_id)
        if found is None:
            return {"satisfaction": NULL, "satisfaction_ok": NULL}
        return {"satisfaction": round(found.share, 4), "satisfaction_ok": int(found.share >= target - 1e-9)}


def read_satisfaction(source: QgsFeatureSource) -> SatisfactionLookup:
    """The latest figures of a satisfaction table (the workspace's or an import's output); FifteenMinError if unfit."""
    names = source.fields().names()
    if "community_id" not in names or ("share_satisfied" not in names and "score" not in names):
        raise FifteenMinError(
            SatisfactionMessages.tr(
                "The satisfaction table needs community_id and share_satisfied or score; use the workspace's "
                "satisfaction table or the output of Import satisfaction surveys."
            )
        )
    circles: dict[str, list[tuple[float, Optional[int], str]]] = {}
    communities: dict[str, list[tuple[float, Optional[int], str]]] = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in source.getFeatures(request):
        values = dict(zip(names, feature.attributes()))
        share = plain(values.get("share_satisfied"))
        if share is None and plain(values.get("score")) is not None:
            share = float(values["score"]) / 100.0
        if share is None:
            continue
        sample = plain(values.get("sample_size"))
        row = (float(share), int(sample) if sample else None, value_text(values.get("date")))
        circle = value_text(values.get("circle_id"))
        if circle:
            circles.setdefault(circle, []).append(row)
        community = value_text(values.get("community_id"))
        if community and not circle:
            communities.setdefault(community, []).append(row)
    return SatisfactionLookup(
        {key: _latest(rows) for key, rows in circles.items()},
        {key: _latest(rows) for key, rows in communities.items()},
    )


def survey_feature(fields: QgsFields, survey: Survey) -> QgsFeature:
    """An output feature of `survey` (no geometry)."""
    feature = QgsFeature(fields)
    feature.setAttributes(survey.values())
    return feature
