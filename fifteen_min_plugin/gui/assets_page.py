"""The Idle assets page of the dock: the register as a table, flagging, the status workflow and suggestions.

An asset is retired, never deleted: the database keeps every asset with its history, so the page offers no delete.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QAction,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from fifteen_min_plugin.__about__ import PROVIDER_ID
from fifteen_min_plugin.core.assets import ASSET_TYPES, time_windows
from fifteen_min_plugin.core.assets import asset_type as lookup_asset_type
from fifteen_min_plugin.core.assets.matching import NEW, POSSIBLE, REGISTERED, CandidateMatch, match_candidates
from fifteen_min_plugin.core.assets.register import SKIPS, AssetRegister, check_transition
from fifteen_min_plugin.core.assets.suitability import load_suitability
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import load_categories
from fifteen_min_plugin.core.labels import asset_type_label, status_label
from fifteen_min_plugin.core.language import is_chinese
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.schema import ASSET_STATUSES
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.asset_form import AssetForm, prefill_values
from fifteen_min_plugin.gui.fit import fitting_table, show_whole_text
from fifteen_min_plugin.gui.flag_tool import FlagMapTool, PointMapTool
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.messages import show_outcome
from fifteen_min_plugin.gui.register_page import RegisterFilterModel, RegisterPage, RegisterTableModel, refill_combo

REPURPOSE_ALGORITHM = f"{PROVIDER_ID}:repurpose"
CANDIDATES_ALGORITHM = f"{PROVIDER_ID}:idlecandidates"
#: circle filter value of assets outside every circle
NO_CIRCLE = "\x00none"


@dataclass(frozen=True)
class AssetRow:
    """One asset as the table shows it; `circles` are the keys of the workspace circles containing it."""

    asset_id: str
    name: str
    asset_type: str
    status: str
    area_m2: Optional[float]
    capacity: Optional[int]
    idle_windows: str
    source_layer: str
    source_fid: Optional[int]
    circles: tuple[str, ...]
    #: the row version shown: a status change based on it is refused if another editor changed the asset since
    version: Optional[int] = None


class AssetTableModel(RegisterTableModel):
    """The register's assets, one row each (read-only: changes go through the register)."""

    KEY = "asset_id"

    def header_texts(self) -> tuple[str, ...]:
        """The column titles."""
        return (
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Area (m²)"),
            self.tr("Bays"),
            self.tr("Idle windows"),
            self.tr("Circles"),
        )

    def cells(self, row: AssetRow) -> tuple[str, ...]:
        """The texts of an asset's cells."""
        return (
            row.asset_id,
            row.name,
            asset_type_label(row.asset_type),
            status_label(row.status),
            "" if row.area_m2 is None else f"{row.area_m2:,.0f}",
            "" if row.capacity is None else str(row.capacity),
            row.idle_windows,
            ", ".join(row.circles),
        )


class AssetFilterModel(RegisterFilterModel):
    """Filters the asset table by status, type and circle ("" = any)."""

    def accepts(self, row: AssetRow, status: str, asset_type: str, circle: str) -> bool:
        """True if the asset matches every non-empty filter."""
        if status and row.status != status:
            return False
        if asset_type and row.asset_type != asset_type:
            return False
        if circle == NO_CIRCLE:
            return not row.circles
        return not circle or circle in row.circles


class LayerChoiceDialog(QDialog, load_form("layer_choice_dialog")):
    """Tick the layers to scan for idle asset candidates."""

    def __init__(self, layers: Sequence[QgsVectorLayer], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.layers = list(layers)
        for layer in self.layers:
            item = QListWidgetItem(layer.name())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def chosen(self) -> list[QgsVectorLayer]:
        """The ticked layers."""
        return [
            layer for row, layer in enumerate(self.layers) if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


#: widest a candidates column gets (name, type, source, register, area, circles); the reason takes the rest
COLUMN_CAPS_PX = (160, 90, 150, 170, 70, 160)


class CandidatesDialog(QDialog, load_form("candidates_dialog")):
    """The candidates found; only surely new ones are ticked. Registered and possibly registered ones say which."""

    def __init__(
        self,
        candidates: QgsVectorLayer,
        matches: Sequence[CandidateMatch],
        circle_names: Optional[dict[str, str]] = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.candidates = candidates
        self.features = list(candidates.getFeatures())
        self.matches = list(matches)
        self.table.setRowCount(len(self.features))
        self._fill(circle_names or {})
        register_button = self.buttons.addButton(self.tr("Register ticked"), QDialogButtonBox.ButtonRole.AcceptRole)
        register_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        new = sum(match.status == NEW for match in self.matches)
        self.summary.setText(
            self.tr(
                "{count} candidates found; {new} are new and ticked. The others are or may already be in the "
                "register: tick one only after checking it."
            ).format(count=len(self.features), new=new)
        )

    def _fill(self, names: dict[str, str]) -> None:
        """One row per candidate, the surely new ones ticked; columns capped, long texts whole in their tooltip."""
        for row, (feature, match) in enumerate(zip(self.features, self.matches)):
            area = plain(feature["area_m2"])
            circles = [part for part in str(plain(feature["circle_ids"]) or "").split(",") if part]
            texts = (
                str(plain(feature["name"]) or ""),
                asset_type_label(feature["asset_type"]),
                f"{feature['source_layer']} #{feature['source_fid']}",
                self._match_text(match),
                "" if area is None else f"{area:,.0f}",
                "、".join(names.get(circle, circle) for circle in circles),
                str(feature["why"]),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            first = self.table.item(row, 0)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked if match.status == NEW else Qt.CheckState.Unchecked)
        self.table.resizeColumnsToContents()
        for column, cap in enumerate(COLUMN_CAPS_PX):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))
        last = self.table.columnCount() - 1
        self.table.horizontalHeader().setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)

    def _match_text(self, match: CandidateMatch) -> str:
        if match.status == REGISTERED:
            return self.tr("Registered: {asset} {name}").format(asset=match.asset_id, name=match.asset_name)
        if match.status == POSSIBLE and match.by == "name":
            return self.tr("Perhaps {asset} {name} (same name nearby)").format(
                asset=match.asset_id, name=match.asset_name
            )
        if match.status == POSSIBLE:
            return self.tr("Perhaps {asset} {name} (same place)").format(asset=match.asset_id, name=match.asset_name)
        return self.tr("New")

    def ticked(self) -> list[int]:
        """Row numbers of the ticked candidates."""
        return [
            row for row in range(len(self.features)) if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]


def _circle_names(circles: QgsVectorLayer) -> dict[str, str]:
    """circle_id → what the planner calls the circle: its name, else its community and level."""
    names = {}
    for feature in circles.getFeatures():
        name = str(plain(feature["name"]) or "")
        if not name:
            community, level = plain(feature["community_id"]), plain(feature["level_min"])
            name = (
                QCoreApplication.translate("AssetsPage", "{community} {minutes}-minute circle")
                .format(community=community or "", minutes=level or "")
                .strip()
            )
        names[str(feature["circle_id"])] = name
    return names


class AssetsPage(RegisterPage, load_form("assets_page")):
    """The idle-asset register of the current workspace: flag, add, walk the workflow, see history and uses.

    Questions (notes, confirmations) open without blocking (`QDialog.open`) and are held in `dialog`; the asset
    form is held in `form`. Suggestions are kept per workspace until the next run.
    """

    REGISTER = AssetRegister

    def _setup(self) -> None:
        """The map tools, the filters, the register table and the signals."""
        self._pending: deque[tuple[QgsVectorLayer, int]] = deque()
        #: asset_id -> suggestions (rank, use, score, reason) of the last suggestion run
        self.suggestions_by_asset: dict[str, list[tuple[int, str, float, str]]] = {}
        self._shown_workspace: Optional[Path] = None
        self.flag_tool = FlagMapTool(self.canvas)
        self.point_tool = PointMapTool(self.canvas)
        self._make_tool_actions()
        self.status_buttons: dict[str, QPushButton] = {
            status: getattr(self, f"{status}_button") for status in ("under_review", "approved", "in_use", "retired")
        }
        self._fill_widgets()
        self._connect()
        self.refresh()

    def title(self) -> str:
        """The title of the page's messages."""
        return self.tr("Idle assets")

    def run_buttons(self) -> tuple[QWidget, ...]:
        """The buttons that start background work."""
        return (self.suggest_button, self.find_button)

    def workspace_needed(self) -> str:
        """Why the page needs a workspace."""
        return self.tr("Create or open a workspace first: the register is kept in it.")

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The asset filters: status, type, circle."""
        return (self.status_filter, self.type_filter, self.circle_filter)

    def _make_tool_actions(self) -> None:
        """The map tools' checkable actions, shown by the two tool buttons; QGIS checks them while active."""
        self.flag_action = QAction(
            QgsApplication.getThemeIcon("/mActionIdentify.svg"), self.tr("Flag idle asset on map"), self
        )
        self.flag_action.setToolTip(
            self.tr("Click a feature of any layer (parking, tunnel, vacant building…) to add it to the register.")
        )
        self.draw_action = QAction(
            QgsApplication.getThemeIcon("/mActionCapturePoint.svg"), self.tr("Add idle asset by drawing"), self
        )
        self.draw_action.setToolTip(self.tr("Click the asset's location on the map, then fill in the form."))
        for button, action, tool in (
            (self.flag_button, self.flag_action, self.flag_tool),
            (self.draw_button, self.draw_action, self.point_tool),
        ):
            action.setCheckable(True)
            tool.setAction(action)
            action.triggered.connect(lambda checked, tool=tool: self._toggle_tool(tool, checked))
            button.setDefaultAction(action)

    def _fill_widgets(self) -> None:
        """What the form cannot say: filter choices, the table model, fitting tables."""
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in ASSET_STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.type_filter.addItem(self.tr("All types"), "")
        for item in ASSET_TYPES:
            self.type_filter.addItem(asset_type_label(item.code), item.code)
        self._setup_register(AssetTableModel(self), AssetFilterModel(self))
        fitting_table(self.history, stretch=(1, 2, 3, 4))
        fitting_table(self.suggestions, stretch=(1, 3))  # the rank is the first column: no row numbers besides

    def _connect(self) -> None:
        self.flag_tool.feature_flagged.connect(self.flag_feature)
        self.point_tool.point_clicked.connect(self.add_at_point)
        self.flag_selected_button.clicked.connect(self.flag_selected)
        self.find_button.clicked.connect(self.find_candidates)
        self.refresh_button.clicked.connect(self.refresh)
        self.suggest_button.clicked.connect(self.suggest)

    # --- the table -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the register of the current workspace (keeps the selected asset selected)."""
        selected = self.selected_id()
        workspace = self.workspace()
        path = None if workspace is None else Path(workspace.path)
        if path != self._shown_workspace:
            self.suggestions_by_asset = {}
            self._shown_workspace = path
        rows: list[AssetRow] = []
        circles: list[tuple[str, str]] = []
        if workspace is not None:
            try:
                rows, circles = self._read(workspace)
            except FifteenMinError as error:
                self._error(error)
        self.model.set_rows(rows)
        refill_combo(
            self.circle_filter,
            [
                (self.tr("All circles"), ""),
                (self.tr("In no circle"), NO_CIRCLE),
                *((label, key) for key, label in circles),
            ],
        )
        self._apply_filters()
        if selected:
            self.select_id(selected)
        self._show_selected()
        self._show_access([] if workspace is None else [workspace.layer("idle_assets")])

    def refresh_rows(self) -> None:
        """Re-read the register."""
        self.refresh()

    def edit_widgets(self) -> tuple[QWidget, ...]:
        """The widgets that change the register: hidden for a user who may not change it."""
        return (
            self.flag_button,
            self.draw_button,
            self.flag_selected_button,
            self.find_button,
            *self.status_buttons.values(),
        )

    def _read(self, workspace: Workspace) -> tuple[list[AssetRow], list[tuple[str, str]]]:
        assets = workspace.layer("idle_assets")
        circles_layer = workspace.layer("circles")
        request = QgsFeatureRequest().setDestinationCrs(assets.crs(), self.project.transformContext())
        shapes: list[tuple[str, QgsGeometry]] = []
        labels: dict[str, str] = {}
        for feature in circles_layer.getFeatures(request):
            if feature.geometry().isNull():
                continue
            key = str(plain(feature["circle_id"]) or feature.id())
            name = str(plain(feature["name"]) or "")
            level = plain(feature["level_min"])
            label = key if not name else f"{key} — {name}"
            labels[key] = (
                label if level is None else self.tr("{circle} ({minutes} min)").format(circle=label, minutes=level)
            )
            shapes.append((key, feature.geometry()))
        rows = []
        for feature in assets.getFeatures():
            geometry = feature.geometry()
            inside = tuple(
                sorted({key for key, shape in shapes if not geometry.isNull() and shape.intersects(geometry)})
            )
            area, capacity, fid = (plain(feature[name]) for name in ("area_m2", "capacity", "source_fid"))
            rows.append(
                AssetRow(
                    str(feature["asset_id"]),
                    str(plain(feature["name"]) or ""),
                    str(plain(feature["asset_type"]) or ""),
                    str(plain(feature["status"]) or "candidate"),
                    None if area is None else float(area),
                    None if capacity is None else int(capacity),
                    str(plain(feature["idle_windows"]) or ""),
                    str(plain(feature["source_layer"]) or ""),
                    None if fid is None else int(fid),
                    inside,
                    plain(feature["version"]) if feature.fieldNameIndex("version") >= 0 else None,
                )
            )
        rows.sort(key=lambda row: row.asset_id)
        return rows, sorted(labels.items())

    def _show_selected(self) -> None:
        row = self.model.find(self.selected_id())
        for button in self.status_buttons.values():
            button.setEnabled(row is not None)
        self.history.setRowCount(0)
        self.suggestions.setRowCount(0)
        if row is None:
            self.windows_label.setText(self.tr("Select an asset to see its idle times, history and suggestions."))
            self.suggestions_label.setText("")
            return
        self.windows_label.setText(self._windows_text(row.idle_windows))
        register = self._register()
        if register is not None:
            try:
                self._fill_history(register.history(row.asset_id))
            except FifteenMinError as error:
                self._error(error)
        suggestions = self.suggestions_by_asset.get(row.asset_id)
        if suggestions is None:
            self.suggestions_label.setText(self.tr("Press “Suggest uses” to rank uses for the register's assets."))
            return
        self.suggestions_label.setText("")
        self.suggestions.setRowCount(len(suggestions))
        for index, (rank, use, score, reason) in enumerate(suggestions):
            texts = ("" if rank is None else str(rank), use, "" if score is None else f"{score:.2f}", reason)
            for column, text in enumerate(texts):
                self.suggestions.setItem(index, column, QTableWidgetItem(text))
        show_whole_text(self.suggestions)

    def _windows_text(self, text: str) -> str:
        if not text:
            return self.tr("Idle time windows: none recorded.")
        try:
            schedule = time_windows.parse(text)
        except FifteenMinError as error:
            return self.tr("Idle time windows “{text}” cannot be read: {reason}").format(
                text=text, reason=error.message
            )
        return self.tr("Idle time windows: {windows} ({hours:g} h per week)").format(
            windows=schedule.canonical(chinese=is_chinese()), hours=round(schedule.hours_per_week(), 1)
        )

    def _change_label(self, event: Any) -> str:
        labels = {
            "created": self.tr("Created"),
            "deleted": self.tr("Deleted"),
            "status": self.tr("Status"),
            "geometry": self.tr("Location"),
            "name": self.tr("Name"),
            "asset_type": self.tr("Type"),
            "owner": self.tr("Owner"),
            "area_m2": self.tr("Area (m²)"),
            "capacity": self.tr("Capacity"),
            "idle_windows": self.tr("Idle windows"),
            "condition": self.tr("Condition"),
            "notes": self.tr("Notes"),
            "links": self.tr("Links"),
            "source_layer": self.tr("Source layer"),
            "source_fid": self.tr("Source feature"),
        }
        return labels.get(event.field, event.field)

    def _value_label(self, field: str, value: Any) -> str:
        if value is None:
            return ""
        if field == "status":
            return status_label(value)
        if field == "asset_type":
            return asset_type_label(value)
        if field == "created":  # "<asset type code>: <name>"
            code, separator, name = str(value).partition(": ")
            if separator and lookup_asset_type(code) is not None:
                return f"{asset_type_label(code)}: {name}"
        return str(value)

    # --- flagging and adding -------------------------------------------------------------------------------

    def _toggle_tool(self, tool: Any, checked: bool) -> None:
        if checked:
            self.flag_tool.set_skipped_layers(self._workspace_layer_ids())
            self.canvas.setMapTool(tool)
        elif self.canvas.mapTool() is tool:
            self.canvas.unsetMapTool(tool)

    def flag_selected(self) -> None:
        """Open the form for each selected feature of the current layer (or of the visible layers)."""
        if self._ready_workspace() is None:
            return
        self.flag_tool.set_skipped_layers(self._workspace_layer_ids())
        if not self.flag_tool.flag_selected():
            self._warn(self.tr("Select features on a layer first (the workspace's own layers do not count)."))

    def flag_feature(self, layer: QgsVectorLayer, fid: int) -> None:
        """Queue a flagged feature; its form opens when no other form is open."""
        self._pending.append((layer, int(fid)))
        if self.form is None:
            self._next_flagged()

    def _next_flagged(self) -> None:
        while self._pending and self.form is None:
            layer, fid = self._pending.popleft()
            self._open_flagged(layer, fid)

    def _open_flagged(self, layer: QgsVectorLayer, fid: int) -> None:
        if self._ready_workspace() is None:
            self._pending.clear()
            return
        feature = layer.getFeature(fid)
        if not feature.isValid():
            self._warn(self.tr("Feature {fid} of “{layer}” no longer exists.").format(fid=fid, layer=layer.name()))
            return
        existing = next(
            (row for row in self.model.rows if row.source_layer == layer.name() and row.source_fid == fid), None
        )
        if existing is not None:
            self._warn(
                self.tr("Feature {fid} of “{layer}” is already in the register as {asset_id}.").format(
                    fid=fid, layer=layer.name(), asset_id=existing.asset_id
                ),
                Qgis.MessageLevel.Info,
            )
            self.select_id(existing.asset_id)
            return
        try:
            prefill = prefill_values(layer, feature, self.project.transformContext())
        except FifteenMinError as error:
            self._error(error)
            return
        source = self.tr("Flagged from “{layer}”, feature {fid}").format(layer=layer.name(), fid=fid)
        why = self.tr("recognised by {why}").format(why=prefill.why) if prefill.why else self.tr("no rule matched")
        note = f"{source}: {why}"
        self._open_form(prefill.values, note, QgsGeometry(feature.geometry()), layer.crs())

    def add_at_point(self, point: QgsPointXY) -> None:
        """Open an empty form for an asset at `point` (canvas CRS)."""
        if self._ready_workspace() is None or self.form is not None:
            return
        self._open_form(
            {},
            self.tr("Added by drawing"),
            QgsGeometry.fromPointXY(point),
            self.canvas.mapSettings().destinationCrs(),
        )

    def _open_form(
        self, values: dict[str, Any], note: str, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem
    ) -> None:
        form = AssetForm(values, hint=note, parent=self)
        form.accepted.connect(lambda: self._add(form.values(), geometry, crs, note))
        form.finished.connect(lambda _result: self._form_closed(form))
        self.form = form
        form.open()

    def _form_closed(self, form: QDialog) -> None:
        super()._form_closed(form)
        self._next_flagged()

    def _add(self, values: dict[str, Any], geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, note: str) -> None:
        register = self._register()
        if register is None:
            return
        try:
            asset_id = register.add(values, geometry, crs, note)
        except FifteenMinError as error:
            self._error(error)
            return
        self._done(self.tr("{asset_id} “{name}” added to the register.").format(asset_id=asset_id, name=values["name"]))
        self.refresh()
        self.select_id(asset_id)

    # --- workflow ------------------------------------------------------------------------------------------

    def change_status(self, status: str) -> None:
        """Move the selected asset to `status` after asking for a note (and a confirmation for a skipped step)."""
        asset_id = self.selected_id()
        register = self._register()
        if asset_id is None or register is None:
            return
        try:
            old = str(register.get(asset_id)["status"] or "candidate")
        except FifteenMinError as error:
            self._error(error)
            return
        try:
            check_transition(old, status)
        except FifteenMinError as error:
            if status not in SKIPS.get(old, ()):
                self._error(error)
                return
            self._confirm(
                self.tr("Skip a step"),
                error.message,
                lambda: self._ask_note(status, lambda note: self._set_status(asset_id, status, note, True)),
            )
            return
        self._ask_note(status, lambda note: self._set_status(asset_id, status, note, False))

    def _set_status(self, asset_id: str, status: str, note: str, confirmed: bool) -> None:
        self._change_shown(
            asset_id,
            lambda register, shown: register.set_status(asset_id, status, note, confirmed, base_version=shown),
            self.tr("{asset_id} is now “{status}”.").format(asset_id=asset_id, status=status_label(status)),
        )

    def _ask_note(self, status: str, then: Callable[[str], None]) -> None:
        self._ask_text(
            self.status_buttons[status].text(),
            self.tr("Note for the change to “{status}” (optional):").format(status=status_label(status)),
            then,
        )

    # --- background work -----------------------------------------------------------------------------------

    def suggest(self) -> None:
        """Rank repurposing uses for every asset of the register in the background."""
        workspace = self._ready_workspace()
        if workspace is None or not self.runner.idle():
            return
        assets = workspace.layer("idle_assets")
        coverage = workspace.layer("coverage")
        if not assets.featureCount():
            self._warn(self.tr("The register is empty: flag or add assets first."))
            return
        if not coverage.featureCount():
            self._warn(self.tr("The coverage layer is empty: run the coverage analysis first, so gaps are known."))
            return
        parameters = {
            "ASSETS": assets.source(),
            "COVERAGE": coverage.source(),
            "FACILITIES": workspace.layer("facilities").source(),  # schools near a tidal stall zone
            "DEMAND_WEIGHT": Settings.load().demand_weight,
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        if "needs" in workspace.layer_names() and workspace.layer("needs").featureCount():
            parameters["NEEDS"] = workspace.layer("needs").source()  # each gap weighed by the residents asking
        self._run(
            REPURPOSE_ALGORITHM,
            parameters,
            self.tr("Repurposing suggestions"),
            self._suggested,
        )

    def _suggested(self, result: QgsVectorLayer) -> None:
        names = self._use_names()
        chinese = is_chinese()
        found: dict[str, list[tuple[int, str, float, str]]] = {}
        for feature in result.getFeatures():
            use = plain(feature["use"])
            use_text = "" if use is None else str(plain(feature["use_zh"]) if chinese else names.get(use, use))
            found.setdefault(str(feature["asset_id"]), []).append(
                (
                    plain(feature["rank"]),
                    use_text,
                    plain(feature["score"]),
                    str(plain(feature["reason_zh" if chinese else "reason_en"]) or ""),
                )
            )
        for rows in found.values():
            rows.sort(key=lambda row: row[0] or 0)
        self.suggestions_by_asset = found
        show_outcome(
            self.message_bar,
            self.title(),
            self.tr("Suggestions ranked for {count} assets.").format(count=len(found)),
            self.runner.warnings,
        )
        self._show_selected()

    @staticmethod
    def _use_names() -> dict[str, str]:
        """English names of uses: the suitability table's (special uses), overridden by the category names."""
        try:
            categories = load_categories()
            names = {row.use: row.use_en for row in load_suitability(None, categories)}
        except FifteenMinError:
            return {}
        names.update({category.code: category.name_en for category in categories})
        return names

    def find_candidates(self) -> None:
        """Ask for layers, scan them for idle asset candidates in the background, then offer them for registering."""
        workspace = self._ready_workspace()
        if workspace is None or not self.runner.idle():
            return
        skipped = set(self._workspace_layer_ids())
        layers = [
            layer
            for layer in self.project.mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and layer.id() not in skipped
        ]
        if not layers:
            self._warn(self.tr("Add the layers to scan (OSM, cadastre…) to the project first."))
            return
        dialog = LayerChoiceDialog(sorted(layers, key=lambda layer: layer.name().lower()), self)
        dialog.accepted.connect(lambda: self.scan(dialog.chosen()))
        self._show_dialog(dialog)

    def scan(self, layers: Sequence[QgsVectorLayer]) -> None:
        """Find idle asset candidates in `layers` in the background."""
        workspace = self._ready_workspace()
        if workspace is None or not self.runner.idle():
            return
        if not layers:
            self._warn(self.tr("Tick at least one layer to scan."))
            return
        parameters: dict[str, Any] = {"INPUT": list(layers), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT}
        circles = workspace.layer("circles")
        if circles.featureCount():
            parameters["CIRCLES"] = circles.source()
        self._run(CANDIDATES_ALGORITHM, parameters, self.tr("Find candidates"), self._found)

    def _found(self, candidates: QgsVectorLayer) -> None:
        if not candidates.featureCount():
            self._warn(self.tr("No idle asset candidates in the chosen layers."), Qgis.MessageLevel.Info)
            return
        workspace = self._ready_workspace()
        if workspace is None:
            return
        try:
            matches = match_candidates(candidates, workspace.layer("idle_assets"), self.project.transformContext())
            circle_names = _circle_names(workspace.layer("circles"))
        except FifteenMinError as error:
            self._error(error)
            return
        dialog = CandidatesDialog(candidates, matches, circle_names, self)
        dialog.accepted.connect(lambda: self.register_candidates(candidates, dialog.ticked()))
        self._show_dialog(dialog)

    def register_candidates(self, candidates: QgsVectorLayer, rows: Sequence[int]) -> None:
        """Add candidates (feature positions in `candidates`) to the register; stops at the first refusal."""
        register = self._register()
        if register is None:
            return
        features = list(candidates.getFeatures())
        added = []
        for row in rows:
            feature = features[row]
            kind = str(feature["asset_type"])
            source = (str(feature["source_layer"]), int(feature["source_fid"]))
            values = {
                "asset_type": kind,
                "name": str(plain(feature["name"]) or "") or f"{asset_type_label(kind)} ({source[0]} #{source[1]})",
                "area_m2": plain(feature["area_m2"]),
                "source_layer": source[0],
                "source_fid": source[1],
            }
            note = self.tr("Found by “Find candidates”: {why}").format(why=feature["why"])
            try:
                added.append(register.add(values, feature.geometry(), candidates.crs(), note))
            except FifteenMinError as error:
                self._error(error)
                break
        if added:
            self._done(self.tr("{count} candidates added to the register.").format(count=len(added)))
        self.refresh()

    def _run(
        self, algorithm_id: str, parameters: dict[str, Any], title: str, then: Callable[[QgsVectorLayer], None]
    ) -> None:
        self.runner.run(
            algorithm_id, parameters, title, lambda context, results: then(self._taken(context, results, title))
        )

    def _taken(self, context: QgsProcessingContext, results: dict[str, Any], title: str) -> QgsVectorLayer:
        """The result layer, now ours rather than the context's."""
        result = context.takeResultLayer(results.get("OUTPUT", ""))
        if not isinstance(result, QgsVectorLayer):
            raise FifteenMinError(self.tr("{title} gave no result; nothing was written.").format(title=title))
        return result

    # --- shared --------------------------------------------------------------------------------------------

    def _workspace_layer_ids(self) -> list[str]:
        """Project layers stored in the workspace, GeoPackage or PostGIS (never flagged or scanned)."""
        workspace = self.workspace()
        if workspace is None:
            return []
        path = Path(workspace.path).resolve() if not workspace.is_postgis else None
        ids = []
        for layer in self.project.mapLayers().values():
            source = layer.source().split("|")[0]
            if workspace.owns(layer) or (path is not None and source and Path(source).resolve() == path):
                ids.append(layer.id())
        return ids

    def teardown(self) -> None:
        """Cancel work, release the canvas and close open dialogs before the dock goes away."""
        for tool in (self.flag_tool, self.point_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
        self._pending.clear()
        super().teardown()
