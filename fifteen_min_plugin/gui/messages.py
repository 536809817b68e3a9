"""How every dock page tells the user something: one message-bar item, a Details button, the plugin's log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from qgis.core import Qgis
from qgis.gui import QgsMessageBar, QgsMessageBarItem
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDialog, QPushButton, QWidget

from fifteen_min_plugin.core.errors import FifteenMinError, compact_details, log_message
from fifteen_min_plugin.gui.forms import load_form


class DetailsDialog(QDialog, load_form("details_dialog")):
    """The details behind a message (a database's reason, the skipped rows), as plain text to read or copy."""

    def __init__(self, title: str, text: str, details: str, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setWindowTitle(title)
        self.text.setPlainText(f"{text}\n\n{details}")
        self.buttons.rejected.connect(self.reject)


def open_details(bar: QgsMessageBar, title: str, text: str, details: str) -> DetailsDialog:
    """Show a message's details beside the message bar; the dialog is deleted when closed."""
    dialog = DetailsDialog(title, text, details, bar)
    dialog.finished.connect(dialog.deleteLater)
    dialog.show()
    return dialog


def show_message(
    bar: QgsMessageBar,
    title: str,
    text: str,
    level: Qgis.MessageLevel = Qgis.MessageLevel.Warning,
    details: str = "",
    duration: int = -1,
) -> Optional[QgsMessageBarItem]:
    """Push one message, with a Details button when there are details, and log it under the plugin's tag.

    `duration` -1 takes QGIS's default for the level; 0 keeps the message until the user closes it. The bar
    itself replaces an identical message instead of stacking a second one.
    """
    details = compact_details(details)
    log_message(f"{title}: {text}", level, details)
    bar.pushMessage(title, text, level, duration)
    item = bar.currentItem()
    if details and item is not None and item.text() == text:
        # a plain button parented to the item, its slot a closure PyQt keeps with the connection: Qt, not Python's
        # garbage collector, decides when they go
        button = QPushButton(QCoreApplication.translate("MessageBar", "Details…"), item)
        button.clicked.connect(lambda _checked=False: open_details(bar, title, text, details))
        item.setWidget(button)
    return item


def show_error(bar: QgsMessageBar, title: str, error: FifteenMinError) -> Optional[QgsMessageBarItem]:
    """Show a FifteenMinError at its own level, its details behind the Details button."""
    return show_message(bar, title, error.message, error.level, error.details)


def show_outcome(
    bar: QgsMessageBar, title: str, text: str, warnings: Sequence[str] = (), duration: int = 8
) -> Optional[QgsMessageBarItem]:
    """A finished job: a success, or, when some rows were skipped, a warning naming that first.

    `warnings` are what the run reported along the way, its summary sentence (with the counts) first; they
    all go behind the Details button. A warning stays until the user closes it.
    """
    if not warnings:
        return show_message(bar, title, text, Qgis.MessageLevel.Success, duration=duration)
    return show_message(
        bar, title, f"{_sentence(warnings[0])} {text}", Qgis.MessageLevel.Warning, "\n".join(warnings), 0
    )


def _sentence(text: str) -> str:
    """`text` ending like a sentence: a full stop is added (。 after Chinese) unless one is there."""
    text = text.rstrip()
    if not text or text[-1] in ".。!！?？…":
        return text
    return text + ("。" if "\u4e00" <= text[-1] <= "\u9fff" else ".")
