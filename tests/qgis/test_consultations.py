"""Themed needs lists and micro-consultations stored with the needs they discussed, all or nothing."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.needs.consultations import Consultation, NeedList, define_list, record_consultation
from fifteen_min_plugin.core.needs.needs_import import Need
from fifteen_min_plugin.core.needs.store import append_needs
from fifteen_min_plugin.core.workspace.workspace import Workspace

DAZHA = [
    NeedList("红色清单", "#d7191c", "居家养老服务设在哪里"),
    NeedList("黄色清单", "#fdae61", "居家养老服务提供什么"),
    NeedList("蓝色清单", "#2c7bb6", "嵌入式物业服务"),
]


def _sql(path: Path, statement: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


@pytest.fixture()
def workspace(tmp_path) -> Workspace:
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    needs = [
        Need("NB-DZ", "community_canteen", 3.0, "红色清单", "urgent", "老人吃饭难", "问卷", 2, None, None, "", "id"),
        Need("NB-DZ", "elderly_care", 1.0, "红色清单", None, "希望有日间照料", "问卷", 3, None, None, "", "id"),
    ]
    append_needs(workspace.layer("needs"), needs)
    return workspace


def test_the_three_colour_lists_and_a_consultation_with_its_needs(workspace):
    for need_list in DAZHA:
        define_list(workspace, need_list)
    with pytest.raises(FifteenMinError, match=re.escape("The list “红色清单” is already defined for this community.")):
        define_list(workspace, DAZHA[0])
    define_list(workspace, NeedList("红色清单", "#ff0000", "本社区的红色清单", community_id="NB-DZ"))
    assert _sql(workspace.path, "SELECT count(*) FROM need_lists") == [(4,)]

    ids = [row[0] for row in _sql(workspace.path, "SELECT need_id FROM needs ORDER BY row")]
    consultation = Consultation("2025年4月8日", "NB-DZ", "助餐点设在哪里", "红色清单", 23, "利用闲置车库办长者食堂")
    made = record_consultation(workspace, consultation, [*ids, ids[0]])
    assert _sql(workspace.path, "SELECT consultation_id, date, list, attendees, outcome FROM consultations") == [
        (made, "2025-04-08", "红色清单", 23, "利用闲置车库办长者食堂")
    ]
    assert sorted(_sql(workspace.path, "SELECT consultation_id, need_id FROM consultation_needs")) == sorted(
        (made, need) for need in ids
    )


@pytest.mark.parametrize(
    ("consultation", "need_ids", "sentence"),
    [
        (Consultation("三月初", "NB-DZ", "助餐"), [], "the date “三月初” is not a date"),
        (Consultation("2025-04-08", "NB-DZ", "  "), [], "A consultation needs a date and a topic."),
        (
            Consultation("2025-04-08", "NB-DZ", "助餐"),
            ["no-such-need"],
            "These needs are not in the workspace: no-such-need.",
        ),
    ],
)
def test_a_refused_consultation_writes_nothing(workspace, consultation, need_ids, sentence):
    with pytest.raises(FifteenMinError, match=re.escape(sentence)):
        record_consultation(workspace, consultation, need_ids)
    assert _sql(workspace.path, "SELECT count(*) FROM consultations") == [(0,)]
    assert _sql(workspace.path, "SELECT count(*) FROM consultation_needs") == [(0,)]


def test_a_failed_link_write_leaves_both_tables_untouched(workspace):
    _sql(
        workspace.path, "CREATE TRIGGER refuse BEFORE INSERT ON consultation_needs BEGIN SELECT RAISE(ABORT, 'no'); END"
    )
    ids = [row[0] for row in _sql(workspace.path, "SELECT need_id FROM needs")]
    with pytest.raises(FifteenMinError, match=re.escape("The consultation could not be saved; nothing was written.")):
        record_consultation(workspace, Consultation("2025-04-08", "NB-DZ", "助餐"), ids)
    assert _sql(workspace.path, "SELECT count(*) FROM consultations") == [(0,)]
