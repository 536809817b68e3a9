"""The plugin's page in QGIS Settings > Options, with the source of every default."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QWidget

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.settings import Settings, parse_whole_numbers
from fifteen_min_plugin.gui.forms import load_form


def _list_text(values: tuple[int, ...]) -> str:
    return ", ".join(str(value) for value in values)


class FifteenMinOptionsPage(QgsOptionsPageWidget, load_form("options_page")):
    """Edits `Settings`; `apply()` saves them, invalid text keeps the stored value and says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        current = Settings.load()
        self.speed.setValue(current.walking_speed_kmh)
        self.minutes.setText(_list_text(current.circle_minutes))
        self.radii.setText(_list_text(current.radii_m))
        self.snap.setValue(current.snap_tolerance_m)
        self.topology.setValue(current.topology_tolerance_m)
        self.walk_off.setValue(current.walk_off_m)
        self.dedup.setValue(current.dedup_tolerance_m)
        self.grade_basic.setValue(current.grade_basic_min_basic)
        self.grade_enhanced.setValue(current.grade_enhanced_min_quality)
        self.grade_quality.setValue(current.grade_quality_min_quality)
        self.household.setValue(current.persons_per_household)
        self.demand_weight.setValue(current.demand_weight)

    def settings(self) -> Settings:
        """The settings as edited; raises ValueError for an unreadable list."""
        return Settings(
            walking_speed_kmh=self.speed.value(),
            circle_minutes=parse_whole_numbers(self.minutes.text()),
            radii_m=parse_whole_numbers(self.radii.text()),
            snap_tolerance_m=self.snap.value(),
            topology_tolerance_m=self.topology.value(),
            walk_off_m=self.walk_off.value(),
            dedup_tolerance_m=self.dedup.value(),
            grade_basic_min_basic=self.grade_basic.value(),
            grade_enhanced_min_quality=self.grade_enhanced.value(),
            grade_quality_min_quality=self.grade_quality.value(),
            persons_per_household=self.household.value(),
            demand_weight=self.demand_weight.value(),
        )

    def apply(self) -> None:
        """Save the edited settings (QGIS calls this when the Options dialog is accepted)."""
        if self.grade_quality.value() < self.grade_enhanced.value():
            self.status.setText(self.tr("品质型 needs at least as many quality categories as 提升型. Nothing saved."))
            return
        try:
            edited = self.settings()
        except ValueError:
            self.status.setText(
                self.tr("Levels must be positive whole numbers separated by commas, e.g. 5, 10, 15. Nothing was saved.")
            )
            return
        edited.save()
        self.status.clear()


class FifteenMinOptionsFactory(QgsOptionsWidgetFactory):
    """Registers the page under the plugin's name."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("15-Minute Living Circle"))

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(str(Path(RESOURCES_DIR) / "icons" / "plugin.svg"))

    def createWidget(self, parent: QWidget | None = None) -> FifteenMinOptionsPage:  # noqa: D102, N802
        return FifteenMinOptionsPage(parent)
