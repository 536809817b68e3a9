"""The form a planner fills in for a hand-drawn circle: name, community, level, note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QWidget

from fifteen_min_plugin.core.circles.writer import LEVELS_MIN, CircleAttributes, level_for_radius
from fifteen_min_plugin.gui.forms import load_form


class CircleForm(QDialog, load_form("circle_form")):
    """Prefilled from the drawing (community from snapping, level from the radius); read with `attributes()`."""

    def __init__(
        self,
        communities: Sequence[tuple[str, str]] = (),
        community_id: str = "",
        radius_m: Optional[float] = None,
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.community_combo.addItem(self.tr("(no community)"), "")
        for identifier, name in communities:
            self.community_combo.addItem(f"{identifier} — {name}" if name else identifier, identifier)
        for minutes in LEVELS_MIN:
            self.level_combo.addItem(self.tr("{minutes}-minute circle").format(minutes=minutes), minutes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        index = self.community_combo.findData(community_id) if community_id else 0
        if index < 0:
            self.community_combo.addItem(community_id, community_id)
            index = self.community_combo.count() - 1
        self.community_combo.setCurrentIndex(index)
        self.name_edit.setText(dict(communities).get(community_id, ""))
        level = level_for_radius(radius_m) if radius_m is not None else LEVELS_MIN[-1]
        self.level_combo.setCurrentIndex(self.level_combo.findData(level))

    def attributes(self) -> CircleAttributes:
        """What the form holds now."""
        return CircleAttributes(
            name=self.name_edit.text().strip(),
            community_id=str(self.community_combo.currentData() or ""),
            level_min=int(self.level_combo.currentData()),
            note=self.note_edit.text().strip(),
        )
