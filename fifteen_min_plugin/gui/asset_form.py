"""The form of one idle asset: pre-filled from a flagged feature, or empty for an asset added by drawing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsVectorLayer,
)
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from fifteen_min_plugin.core.assets import ASSET_TYPES, time_windows
from fifteen_min_plugin.core.assets.candidates import CandidateRule, feature_tags, load_rules, match_feature
from fifteen_min_plugin.core.assets.level_rules import depth
from fifteen_min_plugin.core.assets.register import validate_asset
from fifteen_min_plugin.core.compat import POLYGON_GEOMETRY
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.language import is_chinese
from fifteen_min_plugin.core.workspace.schema import ASSET_STATUSES, legend_label
from fifteen_min_plugin.gui.forms import load_form

#: name fields, most wanted first (keys as `feature_tags` gives them: lowercase)
NAME_KEYS = ("name", "name:zh", "name_zh", "名称", "name:en", "name_en")
OWNER_KEYS = ("operator", "owner", "manager")
_ERROR_STYLE = "color: #b00020;"
#: storeys offered in the level list (any other readable storey can be typed)
LEVELS = ("", "G", "B1", "B2", "B3")


@dataclass(frozen=True)
class SourcePrefill:
    """Register values read from a source feature, and why it looks like an idle asset ("" if no rule matched)."""

    values: dict[str, Any] = field(default_factory=dict)
    why: str = ""


def prefill_values(
    layer: QgsVectorLayer,
    feature: QgsFeature,
    transform_context: QgsCoordinateTransformContext,
    rules: Optional[Sequence[CandidateRule]] = None,
) -> SourcePrefill:
    """Type (candidate rules), name, owner, capacity and true ellipsoidal area (polygons) of a source feature."""
    names = layer.fields().names()
    attributes = feature.attributes()
    match = match_feature(load_rules() if rules is None else rules, names, attributes)
    _fields, tags = feature_tags(names, attributes)
    values: dict[str, Any] = {
        "asset_type": match.asset_type if match else "other",
        "source_layer": layer.name(),
        "source_fid": feature.id(),
    }
    name = next((tags[key] for key in NAME_KEYS if tags.get(key)), None)
    name = name or next((value for key, value in tags.items() if key.startswith(("name:", "name_"))), "")
    if name:
        values["name"] = name
    owner = next((tags[key] for key in OWNER_KEYS if tags.get(key)), "")
    if owner:
        values["owner"] = owner
    capacity = tags.get("capacity", "").strip()
    if capacity.isdigit():
        values["capacity"] = int(capacity)
    area = polygon_area_m2(layer, feature, transform_context)
    if area is not None:
        values["area_m2"] = round(area, 1)
    return SourcePrefill(values, match.why if match else "")


def polygon_area_m2(
    layer: QgsVectorLayer, feature: QgsFeature, transform_context: QgsCoordinateTransformContext
) -> Optional[float]:
    """Ellipsoidal area in m² of a polygon feature (on its CRS's ellipsoid); None for points, lines or no geometry."""
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty() or geometry.type() != POLYGON_GEOMETRY:
        return None
    measure = QgsDistanceArea()
    measure.setSourceCrs(layer.crs(), transform_context)
    if not measure.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7030"):
        return None
    return measure.measureArea(geometry)


class AssetForm(QDialog, load_form("asset_form")):
    """Every register field of one asset; OK stays disabled while a value is invalid (the reason is shown)."""

    def __init__(
        self, values: Optional[Mapping[str, Any]] = None, hint: str = "", parent: Optional[QWidget] = None
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        values = dict(values or {})
        self.source_layer = values.get("source_layer")
        self.source_fid = values.get("source_fid")
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        for item in ASSET_TYPES:
            self.type_combo.addItem(f"{item.label_zh} / {item.label_en}", item.code)
        for status in ASSET_STATUSES:
            self.status_combo.addItem(legend_label("status", status) or status, status)
        self.level_combo.addItems(LEVELS)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._placeholder = self.windows_edit.placeholderText()
        self.type_combo.currentIndexChanged.connect(self._show_template)
        self._fill(values)
        self._show_template()
        for signal in (
            self.type_combo.currentIndexChanged,
            self.name_edit.textChanged,
            self.area_edit.textChanged,
            self.capacity_edit.textChanged,
            self.windows_edit.textChanged,
            self.level_combo.currentTextChanged,
        ):
            signal.connect(self.validate)
        self.validate()

    def _show_template(self) -> None:
        """The idle windows typical of the chosen type, with their basis, as the empty field's hint."""
        template = time_windows.template_for(str(self.type_combo.currentData() or ""))
        if template is None:
            self.windows_edit.setPlaceholderText(self._placeholder)
            return
        self.windows_edit.setPlaceholderText(
            self.tr("Typical windows ({basis}):\n{windows}").format(
                basis=template.basis_zh if is_chinese() else template.basis_en,
                windows=template.text.replace("; ", "\n"),
            )
        )

    def _fill(self, values: Mapping[str, Any]) -> None:
        index = self.type_combo.findData(values.get("asset_type") or "other")
        self.type_combo.setCurrentIndex(max(index, 0))
        index = self.status_combo.findData(values.get("status") or "candidate")
        self.status_combo.setCurrentIndex(max(index, 0))
        for edit, name in (
            (self.name_edit, "name"),
            (self.owner_edit, "owner"),
            (self.area_edit, "area_m2"),
            (self.capacity_edit, "capacity"),
            (self.condition_edit, "condition"),
            (self.wartime_edit, "wartime_duty"),
            (self.links_edit, "links"),
        ):
            value = values.get(name)
            edit.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
        self.level_combo.setCurrentText(str(values.get("level") or ""))
        self.windows_edit.setPlainText(str(values.get("idle_windows") or "").replace("; ", "\n"))
        self.notes_edit.setPlainText(str(values.get("notes") or ""))

    def values(self) -> dict[str, Any]:
        """The register values the form holds (text as typed; the register validates and normalises)."""
        values: dict[str, Any] = {
            "asset_type": self.type_combo.currentData(),
            "name": self.name_edit.text().strip(),
            "owner": self.owner_edit.text().strip(),
            "area_m2": self.area_edit.text().strip(),
            "capacity": self.capacity_edit.text().strip(),
            "idle_windows": self.windows_edit.toPlainText().strip(),
            "condition": self.condition_edit.text().strip(),
            "level": self.level_text(),
            "wartime_duty": self.wartime_edit.text().strip(),
            "status": self.status_combo.currentData(),
            "notes": self.notes_edit.toPlainText().strip(),
            "links": self.links_edit.text().strip(),
        }
        if self.source_layer:
            values["source_layer"] = self.source_layer
            values["source_fid"] = self.source_fid
        return values

    def level_text(self) -> str:
        """The storey as typed, upper case when it reads as one (b1 → B1)."""
        text = self.level_combo.currentText().strip()
        return text.upper() if depth(text) is not None and text.isascii() else text

    def validate(self) -> str:
        """Check the form now: show the first problem, colour bad windows red, enable OK only if all is well.

        Returns the problem sentence ("" when the form can be accepted).
        """
        text = self.windows_edit.toPlainText()
        problem = ""
        if text.strip():
            try:
                schedule = time_windows.parse(text, strict=True)
            except FifteenMinError as error:
                problem = error.message
                self.windows_edit.setStyleSheet(_ERROR_STYLE)
                self.windows_label.setText("")
            else:
                self.windows_edit.setStyleSheet("")
                self.windows_label.setText(
                    self.tr("{windows} — {hours:g} h idle per week").format(
                        windows=schedule.canonical(), hours=round(schedule.hours_per_week(), 1)
                    )
                )
        else:
            self.windows_edit.setStyleSheet("")
            self.windows_label.setText(
                self.tr(
                    "No idle time window: uses that need one (shared night parking, evening stalls) will not be "
                    "suggested."
                )
            )
        level = self.level_text()
        if not problem and level and depth(level) is None:
            problem = self.tr(
                "“{level}” is not a storey: write B1, B2… for an underground level or G for the ground level, or "
                "leave it empty when unknown."
            ).format(level=level)
        if not problem:
            values = {name: value for name, value in self.values().items() if name not in ("idle_windows", "status")}
            try:
                validate_asset(values, require=("asset_type", "name"))
            except FifteenMinError as error:
                problem = error.message
        self.message_label.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        return problem

    def accept(self) -> None:
        """Close with OK only when the form is valid."""
        if not self.validate():
            super().accept()
