"""A project as a planner enters it on the Plan page: the values checked before anything is written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import Messages
from fifteen_min_plugin.core.projects.register import check_schedule, validate_project
from fifteen_min_plugin.core.values import plain


class ProjectEntry(Messages):
    """Translation context of the sentences on a project being entered."""


def check_new_project(values: Mapping[str, Any]) -> dict[str, Any]:
    """The checked values of a project a planner entered; FifteenMinError with the first problem as a sentence."""
    if not str(plain(values.get("name")) or "").strip():
        raise FifteenMinError(ProjectEntry.tr("Give the project a name."))
    if not str(plain(values.get("category")) or "").strip():
        raise FifteenMinError(ProjectEntry.tr("Choose the project's category (the business type it brings)."))
    clean = validate_project(values)
    check_schedule(clean.get("start"), clean.get("deadline"))
    return clean
