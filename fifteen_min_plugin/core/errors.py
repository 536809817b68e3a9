"""Domain exceptions that carry a message written for the planner."""

from __future__ import annotations

from qgis.core import Qgis


class FifteenMinError(Exception):
    """A failure the user can act on; `message` is already translated."""

    def __init__(
        self,
        message: str,
        level: Qgis.MessageLevel = Qgis.MessageLevel.Critical,
        details: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.level = level
        self.details = details


class WorkspaceError(FifteenMinError):
    """The workspace could not be created, opened or upgraded; nothing was changed."""
