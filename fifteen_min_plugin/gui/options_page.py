"""The plugin's page in QGIS Settings > Options, with the source of every default."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.settings import Settings, parse_whole_numbers


def _list_text(values: tuple[int, ...]) -> str:
    return ", ".join(str(value) for value in values)


class FifteenMinOptionsPage(QgsOptionsPageWidget):
    """Edits `Settings`; `apply()` saves them, invalid text keeps the stored value and says why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FifteenMinOptionsPage")
        current = Settings.load()

        self.speed = self._spin(current.walking_speed_kmh, 1.0, 10.0, 0.1, " km/h")
        self.minutes = QLineEdit(_list_text(current.circle_minutes))
        self.radii = QLineEdit(_list_text(current.radii_m))
        self.snap = self._spin(current.snap_tolerance_m, 0.0, 5000.0, 5.0, " m")
        self.topology = self._spin(current.topology_tolerance_m, 0.0, 20.0, 0.1, " m")
        self.walk_off = self._spin(current.walk_off_m, 0.0, 500.0, 1.0, " m")
        self.dedup = self._spin(current.dedup_tolerance_m, 0.0, 1000.0, 1.0, " m")
        self.grade_basic = self._count(current.grade_basic_min_basic)
        self.grade_enhanced = self._count(current.grade_enhanced_min_quality)
        self.grade_quality = self._count(current.grade_quality_min_quality)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        rows = [
            (
                self.tr("Walking speed"),
                self.speed,
                self.tr("GB 50180-2018: a 15-minute walk reaches 800–1,000 m; 4.0 km/h gives 1,000 m."),
            ),
            (
                self.tr("Circle levels (minutes)"),
                self.minutes,
                self.tr("GB 50180-2018: 5-, 10- and 15-minute life circles."),
            ),
            (
                self.tr("Radius levels (m)"),
                self.radii,
                self.tr("GB 50180-2018: 300 / 500 / 800–1,000 m walking distance."),
            ),
            (
                self.tr("Snap tolerance"),
                self.snap,
                self.tr("Plugin default: origins farther than this from any road are reported, not snapped."),
            ),
            (
                self.tr("Topology tolerance"),
                self.topology,
                self.tr(
                    "QGIS network analysis default: 0, roads meet only at shared vertices (right for "
                    "OpenStreetMap). For CAD road layers with digitising gaps: dangling road ends join another "
                    "road of the same level within this distance; mid-road vertices never join."
                ),
            ),
            (
                self.tr("Walk-off distance"),
                self.walk_off,
                self.tr("Plugin default: places within this distance of a reachable street count as reached."),
            ),
            (
                self.tr("Duplicate tolerance"),
                self.dedup,
                self.tr("Plugin default: the same facility from two sources lies within this distance."),
            ),
            (
                self.tr("基础型: basic categories present"),
                self.grade_basic,
                self.tr(
                    "MOFCOM (2023–2025 action plan, pilot notices): 基础型 “配齐基本保障类业态”; 13 = all basic "
                    "categories of the 2021 construction guide."
                ),
            ),
            (
                self.tr("提升型: quality categories present"),
                self.grade_enhanced,
                self.tr("Plugin default: MOFCOM names the 提升型 type but publishes no count; 3 quality categories."),
            ),
            (
                self.tr("品质型: quality categories present"),
                self.grade_quality,
                self.tr("Plugin default: MOFCOM names the 品质型 type but publishes no count; 6 quality categories."),
            ),
        ]
        for label, editor, source in rows:
            note = QLabel(source)
            note.setWordWrap(True)
            note.setEnabled(False)
            box = QVBoxLayout()
            box.addWidget(editor)
            box.addWidget(note)
            form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch()

    @staticmethod
    def _spin(value: float, low: float, high: float, step: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    @staticmethod
    def _count(value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setValue(value)
        return spin

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
