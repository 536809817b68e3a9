"""Domain exceptions that carry a message written for the planner, and the plugin's log.

A FifteenMinError has a one-sentence `message` (already translated), a message `level` and optional `details`
(a database's or a server's own words). The details are compacted here, once, for every caller: repeated
lines collapse into "… and N more like this" and the whole is capped, so a 50,000-feature failure cannot
produce megabytes of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Union

from qgis.core import Qgis, QgsMessageLog

from fifteen_min_plugin.__about__ import __title__
from fifteen_min_plugin.core.language import Messages

#: the tab of QGIS's Log Messages panel that receives every message of the plugin
LOG_TAG = __title__
#: at most this many lines of one shape (the same line up to its numbers) are kept in the details
SHOWN_PER_KIND = 10
#: the details never exceed this many characters
MAX_DETAILS_CHARS = 20_000

Details = Union[str, Iterable[str]]


class ErrorMessages(Messages):
    """Translation context of this module's texts."""


def compact_details(details: Details, limit: int = MAX_DETAILS_CHARS) -> str:
    """`details` (a text or its lines) with repeated lines collapsed and at most `limit` characters.

    Lines that differ only in their numbers (a row or feature number) are one kind: the first
    SHOWN_PER_KIND different lines of a kind are kept, in their order, and the rest (repeats included) are
    counted on one line after the last one kept.
    """
    lines = details.splitlines() if isinstance(details, str) else [str(line) for line in details]
    kinds: dict[str, list] = {}  # shape -> [kept lines, lines beyond them]
    order: list[tuple[str, int]] = []  # (shape, index in its kept lines); a count line follows the last one
    for line in lines:
        line = line.rstrip()
        if not line.strip():
            continue
        shape = re.sub(r"\d+", "#", line)
        kind = kinds.setdefault(shape, [[], 0])
        if line not in kind[0] and len(kind[0]) < SHOWN_PER_KIND:
            kind[0].append(line)
            order.append((shape, len(kind[0]) - 1))
        else:
            kind[1] += 1
    out = []
    for shape, index in order:
        kept, more = kinds[shape]
        out.append(kept[index])
        if more and index == len(kept) - 1:
            out.append(ErrorMessages.tr("… and {count} more like this").format(count=f"{more:,}"))
    text = "\n".join(out)
    if len(text) <= limit:
        return text
    # cut between lines, else between words: a token (a key a caller redacts later) is never split
    cut = text.rfind("\n", 0, limit)
    if cut <= 0:
        cut = text.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    return (
        text[:cut]
        + "\n"
        + ErrorMessages.tr("… ({count} more characters left out)").format(count=f"{len(text) - cut:,}")
    )


class FifteenMinError(Exception):
    """A failure the user can act on; `message` is already translated, `details` compacted."""

    def __init__(
        self,
        message: str,
        level: Qgis.MessageLevel = Qgis.MessageLevel.Critical,
        details: Details = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.level = level
        self.details = compact_details(details)


class WorkspaceError(FifteenMinError):
    """The workspace could not be created, opened or upgraded; nothing was changed."""


def log_message(text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Info, details: str = "") -> None:
    """Write `text` and its details to the plugin's tab of the QGIS log (the user has already been told)."""
    QgsMessageLog.logMessage(f"{text}\n{details}" if details else text, LOG_TAG, level=level, notifyUser=False)


def log_error(error: FifteenMinError, context: str = "") -> None:
    """Write `error` (its sentence, prefixed by `context`, and its details) to the plugin's log."""
    text = f"{context}: {error.message}" if context else error.message
    log_message(text, error.level, error.details)
