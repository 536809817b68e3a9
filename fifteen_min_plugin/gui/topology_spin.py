"""The topology tolerance box shared by the pages that walk on roads."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QDoubleSpinBox, QWidget

from fifteen_min_plugin.core.settings import Settings


class TopologySpinBox(QDoubleSpinBox):
    """Metres within which a dangling road end joins another road; starts at the Options page's value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0.0, 20.0)
        self.setDecimals(1)
        self.setSingleStep(0.1)
        self.setSuffix(" m")
        self.setValue(Settings.load().topology_tolerance_m)
        self.setToolTip(
            self.tr(
                "0 (QGIS default): roads meet only where they share a vertex, right for OpenStreetMap. For a CAD "
                "road layer with digitising gaps, a dangling road end joins another road of the same level within "
                "this distance; vertices in the middle of a road never join."
            )
        )
