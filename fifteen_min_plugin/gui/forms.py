"""Designer forms: every page and dialog builds its widgets from `resources/ui/<name>.ui`, loaded at runtime.

A widget class derives from its Qt base and from `load_form("<name>")`, and calls `self.setupUi(self)`: the
.ui's object names become its attributes, and its texts are translated in the context of the .ui's <class>
(the widget class's own name, so the catalogue keeps one context per class). A placeholder QWidget whose
object name ends in `_flow` gets a `FlowLayout` of its child widgets (`install_flows`), so a row of buttons
wraps instead of widening the narrow dock — Designer has no such layout.
"""

from __future__ import annotations

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QWidget

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.gui.fit import FlowLayout

#: where the pages' and dialogs' Designer forms live
UI_DIR = RESOURCES_DIR / "ui"


def load_form(name: str) -> type:
    """The form class of `resources/ui/<name>.ui` (its `setupUi(widget)` builds the widgets and their texts)."""
    form, _base = uic.loadUiType(str(UI_DIR / f"{name}.ui"))
    return form


def install_flows(root: QWidget) -> None:
    """Give every `*_flow` placeholder under `root` a FlowLayout of its child widgets, in the order they were made."""
    for holder in root.findChildren(QWidget):
        if holder.objectName().endswith("_flow") and holder.layout() is None:
            children = holder.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            FlowLayout(holder, widgets=children)
