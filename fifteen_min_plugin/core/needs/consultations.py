"""Themed needs lists and micro-consultations (微协商) in the workspace: what was asked, discussed and decided.

A community defines its lists (name, colour, meaning; an empty community_id means every community), such as the
red, yellow and blue lists of Ningbo's Dazha community. A consultation is stored with the needs it discussed
in one transaction: both tables change, or neither does.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsFeature, QgsVectorLayerUtils

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.needs.values import parse_date
from fifteen_min_plugin.core.workspace.layer_io import retry_busy, workspace_transaction
from fifteen_min_plugin.core.workspace.workspace import Workspace


class ConsultationMessages(Messages):
    """Translation context of the lists and consultations messages."""


@dataclass(frozen=True)
class NeedList:
    """A themed list: `community_id` "" for a list every community uses."""

    name: str
    colour: str
    meaning: str
    community_id: str = ""


@dataclass(frozen=True)
class Consultation:
    """One micro-consultation held on a list of one community."""

    date: str
    community_id: str
    topic: str
    need_list: str = ""
    attendees: Optional[int] = None
    outcome: str = ""


def define_list(workspace: Workspace, need_list: NeedList) -> None:
    """Add a themed list; a community cannot define two lists of the same name (FifteenMinError, nothing written)."""
    if not need_list.name.strip():
        raise FifteenMinError(ConsultationMessages.tr("A needs list needs a name."))
    layer = workspace.layer("need_lists")
    failed = ConsultationMessages.tr("The needs list could not be saved; the lists are unchanged.")

    def write() -> None:
        with workspace_transaction([layer], failed) as guard:
            for feature in layer.dataProvider().getFeatures():
                if (feature["community_id"] or "") == need_list.community_id and feature["name"] == need_list.name:
                    raise FifteenMinError(
                        ConsultationMessages.tr("The list “{name}” is already defined for this community.").format(
                            name=need_list.name
                        )
                    )
            row = QgsFeature(layer.fields())
            for name in ("community_id", "name", "colour", "meaning"):
                row[name] = getattr(need_list, name)
            guard.add(layer, [row])

    retry_busy(write)


def record_consultation(workspace: Workspace, consultation: Consultation, need_ids: Sequence[str]) -> str:
    """Store a consultation and its links to the needs it discussed, together; returns its id.

    FifteenMinError (nothing written) for an unreadable date, an empty topic or a need id not in the workspace.
    """
    try:
        day = parse_date(consultation.date)
    except ValueError as error:
        raise FifteenMinError(str(error)) from None
    if day is None or not consultation.topic.strip():
        raise FifteenMinError(ConsultationMessages.tr("A consultation needs a date and a topic."))
    consultations, links, needs = (workspace.layer(name) for name in ("consultations", "consultation_needs", "needs"))
    failed = ConsultationMessages.tr("The consultation could not be saved; nothing was written.")
    consultation_id = uuid.uuid4().hex

    def write() -> None:
        with workspace_transaction([consultations, links], failed) as guard:
            known = {feature["need_id"] for feature in needs.dataProvider().getFeatures()}
            unknown = [need for need in need_ids if need not in known]
            if unknown:
                raise FifteenMinError(
                    ConsultationMessages.tr("These needs are not in the workspace: {ids}.").format(
                        ids=", ".join(unknown)
                    )
                )
            row = QgsVectorLayerUtils.createFeature(consultations)
            values = {
                "consultation_id": consultation_id,
                "date": day,
                "community_id": consultation.community_id,
                "list": consultation.need_list or None,
                "topic": consultation.topic.strip(),
                "attendees": consultation.attendees,
                "outcome": consultation.outcome or None,
            }
            for name, value in values.items():
                row[name] = value
            guard.add(consultations, [row])
            link_rows = []
            for need in dict.fromkeys(need_ids):
                link = QgsFeature(links.fields())
                link["consultation_id"], link["need_id"] = consultation_id, need
                link_rows.append(link)
            guard.add(links, link_rows)

    retry_busy(write)
    return consultation_id
