"""The circle-fusion view of the Analysis page: community × circle matrix, a community's items, the map style."""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import QHeaderView, QTableWidgetItem, QWidget

from fifteen_min_plugin.core.analysis.fusion_matrix import (
    ALL_MET_COLOUR,
    MET,
    NONE_MET_COLOUR,
    FusionMatrix,
    FusionRow,
    apply_fusion_style,
    is_fusion_layer,
    profile_items,
    profile_label,
    read_fusion,
    shipped_profiles,
    status_label,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.gui.dock_page import POINT_OR_POLYGON_LAYERS
from fifteen_min_plugin.gui.fit import fitting_table, show_whole_text, shrinkable_combo
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.messages import show_error

#: the role the matrix sorts by: a number, so "✗ 2" sorts after "✗ 1" and the met count sorts numerically
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: the role holding the row's index into `FusionView.fusion.rows`
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
#: how much of the map style's colour a cell background takes (the rest white), so dark text stays readable
TINT = 0.3


def _tint(colour: str) -> QColor:
    base = QColor(colour)
    return QColor(*(round(TINT * value + (1 - TINT) * 255) for value in (base.red(), base.green(), base.blue())))


#: pale cell backgrounds in the colours of the map style (Okabe–Ito)
MET_BACKGROUND = _tint(ALL_MET_COLOUR)
MISSING_BACKGROUND = _tint(NONE_MET_COLOUR)


class FusionView(QWidget, load_form("fusion_view")):
    """Shows a circle-fusion result: which circles every community meets, and what one community lacks."""

    def __init__(
        self,
        canvas: QgsMapCanvas,
        message_bar: QgsMessageBar,
        project: Optional[QgsProject] = None,
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.message_bar = message_bar
        self.project = project or QgsProject.instance()
        self.fusion: Optional[FusionMatrix] = None
        self.layer: Optional[QgsVectorLayer] = None
        self.setupUi(self)
        self.layer_combo.setFilters(POINT_OR_POLYGON_LAYERS)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setLayer(None)
        shrinkable_combo(self.layer_combo)
        self.model = QStandardItemModel(0, 0, self)
        self.model.setSortRole(SORT_ROLE)
        self.matrix.setModel(self.model)
        self.matrix.verticalHeader().setVisible(False)
        fitting_table(self.detail_table, stretch=(1,))
        self.layer_combo.layerChanged.connect(self._layer_chosen)
        self.matrix.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.matrix.clicked.connect(self._row_chosen)
        self.style_button.clicked.connect(self.style_layer)
        self.project.layersAdded.connect(self._layers_added)
        self._show(None)

    def title(self) -> str:
        """The title of the view's messages."""
        return self.tr("Circle fusion")

    def _layers_added(self, layers: list[QgsMapLayer]) -> None:
        """A fusion result added to the project (e.g. by the toolbox) is shown at once."""
        for layer in layers:
            if is_fusion_layer(layer):
                self.layer_combo.setLayer(layer)
                return

    def _layer_chosen(self, layer: Optional[QgsMapLayer]) -> None:
        if layer is None:
            self._show(None)
            return
        self.load(layer)

    def load(self, layer: QgsMapLayer) -> bool:
        """Show the fusion result `layer`; False (and a message) for any other layer."""
        try:
            fusion = read_fusion(layer)
        except FifteenMinError as error:
            show_error(self.message_bar, self.title(), error)
            self._show(None)
            return False
        self.layer = layer
        if self.layer_combo.currentLayer() is not layer:
            self.layer_combo.setLayer(layer)
        self._show(fusion)
        return True

    def _show(self, fusion: Optional[FusionMatrix]) -> None:
        """Fill the matrix: the community, one column per profile, then the number of circles met."""
        self.fusion = fusion
        self.model.clear()
        self.detail_table.setRowCount(0)
        self.detail_label.clear()
        self.hint_label.setVisible(fusion is None)
        self.style_button.setEnabled(fusion is not None)
        if fusion is None:
            self.layer = None
            return
        self.model.setHorizontalHeaderLabels(
            [self.tr("Community"), *(profile_label(name) for name in fusion.profiles), self.tr("Met")]
        )
        for column, name in enumerate(fusion.profiles, start=1):
            self.model.horizontalHeaderItem(column).setToolTip(name)
        for index, row in enumerate(fusion.rows):
            label = QStandardItem(row.label)
            label.setData(row.label, SORT_ROLE)
            label.setData(index, ROW_ROLE)
            cells = [label, *(self._cell(row, name) for name in fusion.profiles)]
            total = QStandardItem(f"{row.n_met}/{len(fusion.profiles)}")
            total.setData(row.n_met, SORT_ROLE)
            total.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.model.appendRow([*cells, total])
        # nine or more circles are wider than the dock: the table scrolls sideways inside itself
        header = self.matrix.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _cell(self, row: FusionRow, profile: str) -> QStandardItem:
        """✓ on green for a met circle; ✗ and the number of missing items on vermilion, the names in the tooltip."""
        met = row.met[profile]
        missing = len(row.missing[profile])
        cell = QStandardItem("✓" if met else f"✗ {missing}")
        cell.setData(-missing if not met else 1, SORT_ROLE)
        cell.setBackground(QBrush(MET_BACKGROUND if met else MISSING_BACKGROUND))
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        lines = [profile_label(profile)]
        if not met:
            lines.append(
                self.tr("Missing: {items}").format(items=row.missing_zh[profile] or ", ".join(row.missing[profile]))
            )
        if row.short[profile]:
            lines.append(self.tr("Below the minimum (have/need): {items}").format(items=row.short[profile]))
        cell.setToolTip("\n".join(lines))
        return cell

    def fusion_row(self, view_row: int) -> Optional[FusionRow]:
        """The community shown in row `view_row` of the matrix (as sorted now)."""
        if self.fusion is None:
            return None
        index = self.model.item(view_row, 0)
        return None if index is None else self.fusion.rows[int(index.data(ROW_ROLE))]

    def _row_chosen(self, current: QModelIndex, *_: object) -> None:
        row = self.fusion_row(current.row()) if current.isValid() else None
        if row is not None:
            self.show_detail(row)

    def show_detail(self, row: FusionRow) -> None:
        """Every circle's items for one community: met, missing or below its minimum, and the worst walk."""
        if self.fusion is None:
            return
        self.detail_label.setText(
            self.tr("{community}: {met} of {total} circles met").format(
                community=row.label, met=row.n_met, total=len(self.fusion.profiles)
            )
        )
        known = shipped_profiles(self.fusion.profiles)
        lines = []
        for profile in self.fusion.profiles:
            worst = row.worst[profile]
            walk = "" if worst is None else f"{worst:.1f}"
            items = profile_items(row, profile, known)
            if not items:  # a user profile met in full: its items are not in the layer
                lines.append((profile, "", "", MET, walk))
            for number, item in enumerate(items):
                lines.append((profile, item.name or item.item, item.item, item.status, walk if number == 0 else ""))
        self.detail_table.setRowCount(len(lines))
        for line, (profile, name, _, status, walk) in enumerate(lines):
            cells = (profile_label(profile), name, status_label(status), walk)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setBackground(QBrush(MET_BACKGROUND if status == MET else MISSING_BACKGROUND))
                self.detail_table.setItem(line, column, cell)
        show_whole_text(self.detail_table)
        for line, (_, name, code, _, _) in enumerate(lines):
            if code and code != name:
                self.detail_table.item(line, 1).setToolTip(f"{name} ({code})")

    def style_layer(self) -> None:
        """Colour the fusion result on the map by the number of circles each community meets."""
        if self.layer is None:
            return
        try:
            apply_fusion_style(self.layer)
        except FifteenMinError as error:
            show_error(self.message_bar, self.title(), error)
            return
        self.canvas.refresh()

    def teardown(self) -> None:
        """Stop listening to the project (the view is going away)."""
        self.project.layersAdded.disconnect(self._layers_added)
