"""Imported needs go into the workspace `needs` table all together or not at all; the top needs per community."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.needs.needs_import import Need, NeedsColumns, NeedsInput, import_needs
from fifteen_min_plugin.core.needs.store import append_needs, top_needs
from fifteen_min_plugin.core.workspace.workspace import Workspace

SAMPLE = RESOURCES_DIR / "sample" / "sample.gpkg"
NEEDS = RESOURCES_DIR / "sample" / "haidian_needs_synthetic_gbk.csv"


def _sql(path: Path, statement: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(statement).fetchall()


def _sample_needs() -> list[Need]:
    kept: list[Need] = []
    request = NeedsInput(
        NEEDS.name,
        NeedsColumns(
            text="诉求内容", community="社区", weight="人数", list="清单", priority="紧急程度", date="提交时间"
        ),
        path=NEEDS,
        communities=QgsVectorLayer(f"{SAMPLE}|layername=communities", "c", "ogr"),
    )
    import_needs(request, lambda feature: None, QgsProcessingFeedback(), keep=kept.append)
    return kept


def test_the_sample_needs_are_stored_and_ranked_per_community(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    needs = _sample_needs()
    layer = workspace.layer("needs")
    assert len(append_needs(layer, needs)) == len(needs) == 159
    path = workspace.path
    assert _sql(
        path, "SELECT count(*), count(DISTINCT need_id), sum(geom IS NULL), sum(imported IS NOT NULL) FROM needs"
    ) == [(159, 159, 159, 159)]
    assert _sql(path, "SELECT count(*) FROM needs WHERE date LIKE '2025-__-__'") == [(158,)]  # one unreadable date
    assert _sql(path, "SELECT DISTINCT priority FROM needs ORDER BY 1") == [
        (None,),
        ("later",),
        ("normal",),
        ("urgent",),
    ]
    expected: dict[str, list[tuple[str, float]]] = {}
    for community, category, total in _sql(
        path,
        "SELECT community_id, category, sum(weight) AS total FROM needs WHERE category IS NOT NULL "
        "GROUP BY community_id, category ORDER BY community_id, total DESC, category",
    ):
        expected.setdefault(community, [])
        if len(expected[community]) < 3:
            expected[community].append((category, total))
    assert top_needs(layer) == expected
    assert set(expected) == {f"HD-C{n:02d}" for n in range(1, 13)}
    red = top_needs(layer, count=1, need_list="红色清单")
    assert all(category in {"community_canteen", "elderly_care"} for rows in red.values() for category, _ in rows)


def test_a_refused_write_leaves_the_needs_table_as_it_was(tmp_path):
    workspace = Workspace.create(tmp_path / "ws.gpkg")
    needs = _sample_needs()
    layer = workspace.layer("needs")
    append_needs(layer, needs[:5])
    _sql(
        workspace.path,
        "CREATE TRIGGER refuse BEFORE INSERT ON needs WHEN NEW.row = 100 BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    before = _sql(workspace.path, "SELECT * FROM needs")
    with pytest.raises(
        FifteenMinError, match="The needs could not be saved in the workspace; its needs table is unchanged"
    ):
        append_needs(layer, needs[5:])
    assert _sql(workspace.path, "SELECT * FROM needs") == before
