"""What the register pages (Idle assets, Plan) share: the register table, its filters and the page behaviour.

A register page shows the rows of a history register (core/workspace/history) in a filtered table and changes
them only through the register, so every change is in their history. The page class derives from `RegisterPage`
and its form class, gives its table model (`RegisterTableModel`: headers and the cells of a row) and filter model
(`RegisterFilterModel`: what a row must match) to `_setup_register`, and says what differs: its filter combos,
register type, history labels and the layers whose rights decide whether the user may edit. This module holds no
sentence of its own: every text is the page's, translated in the page's context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Optional

from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.access import read_only_reason
from fifteen_min_plugin.core.workspace.concurrency import ConflictError
from fifteen_min_plugin.core.workspace.history import HistoryRegister
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.dock_page import DockPage
from fifteen_min_plugin.gui.fit import show_whole_text, shrinkable_combo
from fifteen_min_plugin.gui.messages import show_message

#: the row id of any cell of a register table
ID_ROLE = Qt.ItemDataRole.UserRole
#: characters a filter box shows before it elides, so three fit side by side in the dock
FILTER_CHARACTERS = 8


def refill_combo(combo: QComboBox, choices: Sequence[tuple[str, Any]]) -> None:
    """Replace a combo's (label, data) choices without signalling, keeping the current choice if it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for label, data in choices:
        combo.addItem(label, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


class RegisterTableModel(QAbstractTableModel):
    """A register's rows, one a line (read-only: changes go through the register).

    A subclass names its columns in `header_texts()`, the text of a row's cells in `cells(row)`, and the row
    attribute holding its id in `KEY`; each cell is also its own tooltip (a narrow dock cuts long texts).
    """

    KEY = ""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.headers = self.header_texts()

    def header_texts(self) -> tuple[str, ...]:
        """The column titles."""
        raise NotImplementedError

    def cells(self, row: Any) -> Sequence[str]:
        """The texts of a row's cells, in column order."""
        raise NotImplementedError

    def row_id(self, row: Any) -> str:
        """The id of a row."""
        return getattr(row, self.KEY)

    def find(self, row_id: Optional[str]) -> Optional[Any]:
        """The row with this id, or None."""
        return next((row for row in self.rows if self.row_id(row) == row_id), None)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        """Number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text of a cell, also as its tooltip; `ID_ROLE`: the row's id."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.cells(row)[index.column()]


class RegisterFilterModel(QSortFilterProxyModel):
    """Filters a register table by the page's filter values ("" = any): a subclass says in `accepts` what matches."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.filters: tuple[str, ...] = ()

    def set_filters(self, *filters: str) -> None:
        """Show only the rows matching every non-empty filter (in the order of the page's filter combos)."""
        self.filters = filters
        self.invalidateFilter()

    def accepts(self, row: Any, *filters: str) -> bool:
        """True if `row` matches every non-empty filter."""
        raise NotImplementedError

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt API
        """True if the row matches the filters (all rows before any filter is set)."""
        return not self.filters or self.accepts(self.sourceModel().rows[source_row], *self.filters)


class RegisterPage(DockPage):
    """A dock page showing a history register: table, filters, selection, history, status changes, access.

    The form has `table` (a QTableView), `history` (a QTableWidget: time, change, old, new, note, user) and
    `pageLayout`. Questions (notes, confirmations) open without blocking (`QDialog.open`) and are held in
    `dialog`; the page's form of a new row is held in `form`.
    """

    #: the register whose rows the page shows and changes
    REGISTER: type[HistoryRegister] = HistoryRegister
    #: how the history shows an event's time (the whole time is its tooltip)
    HISTORY_TIME = "yyyy-MM-dd HH:mm:ss"

    def _setup_register(self, model: RegisterTableModel, proxy: RegisterFilterModel) -> None:
        """Show `model` through `proxy` in the table, connect the filters, selection and status buttons.

        Called from the page's `_setup` once `status_buttons` and the filter combos' choices exist.
        """
        self.dialog: Optional[QDialog] = None
        self.form: Optional[QDialog] = None
        self.model = model
        self.proxy = proxy
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.read_only_label = QLabel(self)
        self.read_only_label.setWordWrap(True)
        self.read_only_label.hide()
        self.pageLayout.insertWidget(0, self.read_only_label)
        for combo in self.filter_combos():
            shrinkable_combo(combo, FILTER_CHARACTERS)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().selectionChanged.connect(lambda *_args: self._show_selected())
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _checked=False, status=status: self.change_status(status))

    # --- what each page says -------------------------------------------------------------------------------

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The filter combos, in the order of the filter model's `accepts` arguments."""
        raise NotImplementedError

    def refresh_rows(self) -> None:
        """Re-read the register's rows (the selected one stays selected)."""
        raise NotImplementedError

    def change_status(self, status: str) -> None:
        """Move the selected row to `status` (after the page's questions)."""
        raise NotImplementedError

    def _show_selected(self) -> None:
        """Show the selected row's details and history, and enable the buttons that apply to it."""
        raise NotImplementedError

    def _change_label(self, event: Any) -> str:
        """What a history event changed, in words."""
        raise NotImplementedError

    def _value_label(self, field: str, value: Any) -> str:
        """A history event's old or new value, in words."""
        raise NotImplementedError

    # --- the table -----------------------------------------------------------------------------------------

    def _apply_filters(self) -> None:
        self.proxy.set_filters(*(combo.currentData() or "" for combo in self.filter_combos()))

    def visible_ids(self) -> list[str]:
        """The ids the table shows now (after filtering), top to bottom."""
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in range(self.proxy.rowCount())]

    def selected_id(self) -> Optional[str]:
        """The id of the row selected in the table, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ID_ROLE) if rows else None

    def select_id(self, row_id: str) -> bool:
        """Select a row in the table; False if the filters hide it or it does not exist."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == row_id:
                self.table.selectRow(row)
                return True
        return False

    def _fill_history(self, events: Sequence[Any]) -> None:
        """One history row per event; the time as `HISTORY_TIME`, whole on hovering."""
        self.history.setRowCount(len(events))
        for number, event in enumerate(events):
            texts = (
                event.time.toString(self.HISTORY_TIME),
                self._change_label(event),
                self._value_label(event.field, event.old_value),
                self._value_label(event.field, event.new_value),
                event.note,
                event.user,
            )
            for column, text in enumerate(texts):
                self.history.setItem(number, column, QTableWidgetItem(text))
        show_whole_text(self.history)
        for number, event in enumerate(events):
            self.history.item(number, 0).setToolTip(event.time.toString("yyyy-MM-dd HH:mm:ss"))

    def _show_access(self, layers: Sequence[QgsVectorLayer]) -> None:
        """Hide the edit widgets and say why when the user may only read `layers` (a read-only role or file)."""
        reason = read_only_reason(list(layers))
        self.read_only_label.setText(reason or "")
        self.read_only_label.setVisible(bool(reason))
        for widget in self.edit_widgets():
            widget.setVisible(not reason)

    def edit_widgets(self) -> tuple[QWidget, ...]:
        """The widgets that change the register: hidden for a user who may not change it."""
        raise NotImplementedError

    # --- changes -------------------------------------------------------------------------------------------

    def _ready_workspace(self) -> Optional[Workspace]:
        """The current workspace; None, saying why the page needs one, if none is open."""
        workspace = self.workspace()
        if workspace is None:
            self._warn(self.workspace_needed())
        return workspace

    def _register(self) -> Optional[HistoryRegister]:
        """The workspace's register; None (with a message) without a workspace or if it cannot be opened."""
        workspace = self._ready_workspace()
        if workspace is None:
            return None
        try:
            return self.REGISTER.from_workspace(workspace)
        except FifteenMinError as error:
            self._error(error)
            return None

    def _change_shown(self, row_id: str, change: Callable[[HistoryRegister, Optional[int]], Any], done: str) -> None:
        """Make `change(register, shown version)` of a row, based on the version the table shows.

        A change over another editor's newer one is refused with who changed what (ConflictError), and the table
        then shows the row as it is, so the change can be made again on what is there now.
        """
        register = self._register()
        if register is None:
            return
        shown = self.model.find(row_id)
        try:
            change(register, None if shown is None else shown.version)
        except FifteenMinError as error:
            self._error(error)
            if isinstance(error, ConflictError):
                self.refresh_rows()
            return
        self._done(done)
        self.refresh_rows()

    def _done(self, text: str) -> None:
        show_message(self.message_bar, self.title(), text, Qgis.MessageLevel.Success, duration=5)

    # --- questions -----------------------------------------------------------------------------------------

    def _ask_text(self, title: str, label: str, then: Callable[[str], None]) -> None:
        """Ask for a line of text without blocking; `then(text)` on OK."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue("")
        dialog.textValueSelected.connect(lambda text: then(text.strip()))
        self._show_dialog(dialog)

    def _confirm(self, title: str, text: str, then: Callable[[], None]) -> None:
        """Ask a yes/no question without blocking (No is the default); `then()` on Yes."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def clicked(button: QAbstractButton) -> None:
            if box.standardButton(button) == QMessageBox.StandardButton.Yes:
                then()

        box.buttonClicked.connect(clicked)
        self._show_dialog(box)

    def _show_dialog(self, dialog: QDialog) -> None:
        """Open `dialog` without blocking, closing the question open before."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _form_closed(self, form: QDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    # --- life ----------------------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Re-read the workspace whenever the page is shown."""
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the page shows."""
        raise NotImplementedError

    def teardown(self) -> None:
        """Cancel work and close the open form and question before the dock goes away."""
        self.cancel()
        for dialog in (self.form, self.dialog):
            if dialog is not None:
                dialog.close()
        self.form = None
        self.dialog = None
