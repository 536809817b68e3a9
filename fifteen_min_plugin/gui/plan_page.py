"""The Plan page of the dock: residents' needs (import, unclassified queue, map, lists) and the project list.

Needs come in through `fifteenmin:importneeds` (same runner, progress and cancel as the other pages) and are
appended to the workspace `needs`; the rows no rule classified wait in a queue where the planner picks their
category. Projects are read from the workspace and changed only through the ProjectRegister, so every change is
in their history.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProcessing,
    QgsProcessingContext,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QIcon
from qgis.PyQt.QtWidgets import QAction, QComboBox, QTableWidgetItem, QWidget

from fifteen_min_plugin.__about__ import PROVIDER_ID, RESOURCES_DIR
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.facilities.table_import import ENCODING_LABELS, ENCODINGS
from fifteen_min_plugin.core.labels import category_label, project_status_label
from fifteen_min_plugin.core.needs.review import (
    ListDefinition,
    QueuedNeed,
    dates_by_row,
    read_lists,
    resolve,
    save_lists,
    store_imported,
    unclassified,
)
from fifteen_min_plugin.core.projects.register import (
    NEXT_STATUS,
    SITE_POLYGON,
    ProjectRegister,
    allowed_statuses,
    project_from_suggestion,
)
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.schema import PROJECT_STATUSES
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.fit import fitting_table, show_whole_text, shrinkable_combo
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.messages import show_outcome
from fifteen_min_plugin.gui.polygon_tool import PolygonMapTool
from fifteen_min_plugin.gui.project_form import ProjectForm
from fifteen_min_plugin.gui.register_page import (
    FILTER_CHARACTERS,
    ID_ROLE,
    RegisterFilterModel,
    RegisterPage,
    RegisterTableModel,
    refill_combo,
)

IMPORT_ALGORITHM = f"{PROVIDER_ID}:importneeds"
#: the column choices of importneeds, in the page's order: (parameter, combo attribute)
FIELD_CHOICES = (
    ("TEXT_FIELD", "text_field"),
    ("COMMUNITY_FIELD", "community_field"),
    ("CATEGORY_FIELD", "category_field"),
    ("WEIGHT_FIELD", "weight_field"),
    ("LIST_FIELD", "list_field"),
    ("PRIORITY_FIELD", "priority_field"),
    ("DATE_FIELD", "date_field"),
)
#: header words that name each column in questionnaires and 12345 exports (guessed, the planner can change them)
FIELD_GUESSES = {
    "text_field": ("诉求内容", "诉求", "内容", "意见", "需求", "text", "content"),
    "community_field": ("社区", "社区名称", "地址", "community", "community_id", "address"),
    "category_field": ("类别", "业态", "category"),
    "weight_field": ("人数", "票数", "次数", "weight", "votes", "count"),
    "list_field": ("清单", "list"),
    "priority_field": ("紧急程度", "优先级", "priority"),
    "date_field": ("提交时间", "日期", "时间", "受理时间", "date"),
}
#: colours of the categories on the needs map, in turn
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
NO_VALUE_COLOUR = "#9e9e9e"
#: the suggestions layer combo's filter (the enum moved to Qgis.LayerFilter in QGIS 3.34)
POINT_LAYERS = getattr(Qgis, "LayerFilter", QgsMapLayerProxyModel.Filter).PointLayer


@dataclass(frozen=True)
class ProjectRow:
    """One project as the table shows it."""

    project_id: str
    name: str
    category: str
    status: str
    circle_id: str
    community_id: str
    investment_wan: Optional[float]
    deadline: str
    lead_unit: str
    site_kind: str
    #: the row version shown: a status change based on it is refused if another editor changed the project since
    version: Optional[int] = None


class ProjectTableModel(RegisterTableModel):
    """The workspace projects, one row each (read-only: changes go through the register)."""

    KEY = "project_id"

    def header_texts(self) -> tuple[str, ...]:
        """The column titles."""
        return (
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Circle"),
            self.tr("Investment (10,000 yuan)"),
            self.tr("Deadline"),
            self.tr("Lead unit"),
        )

    def cells(self, row: ProjectRow) -> tuple[str, ...]:
        """The texts of a project's cells."""
        return (
            row.project_id,
            row.name,
            category_label(row.category),
            project_status_label(row.status),
            row.circle_id,
            "" if row.investment_wan is None else f"{row.investment_wan:,.1f}",
            row.deadline,
            row.lead_unit,
        )


class ProjectFilterModel(RegisterFilterModel):
    """Filters the project table by circle, status and category ("" = any)."""

    def accepts(self, row: ProjectRow, circle: str, status: str, category: str) -> bool:
        """True if the project matches every non-empty filter."""
        return (
            (not circle or row.circle_id == circle)
            and (not status or row.status == status)
            and (not category or row.category == category)
        )


class PlanPage(RegisterPage, load_form("plan_page")):
    """Needs and projects of the current workspace.

    Questions (notes) open without blocking and are held in `dialog`; the project form is held in `form`.
    """

    REGISTER = ProjectRegister
    HISTORY_TIME = "yyyy-MM-dd"  # the day; the whole time on hovering

    def _setup(self) -> None:
        """The map tool, the choices, the tables and the signals."""
        self.categories: tuple[Category, ...] = tuple(load_categories())
        self.queue: list[QueuedNeed] = []
        self.polygon_tool = PolygonMapTool(self.canvas)
        self.draw_action = QAction(QIcon(str(RESOURCES_DIR / "icons" / "polygon_tool.svg")), self.tr("Draw site"), self)
        self.draw_action.setToolTip(
            self.tr(
                "Draw the site polygon of the selected project, or of a new project when none is selected: click "
                "the vertices, right-click to finish, Esc cancels."
            )
        )
        self.draw_action.setCheckable(True)
        self.polygon_tool.setAction(self.draw_action)
        self.draw_button.setDefaultAction(self.draw_action)
        self.status_buttons = {status: getattr(self, f"{status}_button") for status in PROJECT_STATUSES[1:]}
        self.encoding_combo.addItems([self.tr("Auto"), *ENCODING_LABELS[1:]])
        for _parameter, name in FIELD_CHOICES:
            shrinkable_combo(getattr(self, name))
        shrinkable_combo(self.encoding_combo)
        shrinkable_combo(self.suggestion_layer)
        self.suggestion_layer.setFilters(POINT_LAYERS)
        self.suggestion_layer.setAllowEmptyLayer(True)
        for combo in (self.colour_combo, self.list_filter, self.community_filter):
            shrinkable_combo(combo, FILTER_CHARACTERS)
        self.colour_combo.addItem(self.tr("Colour by list"), "list")
        self.colour_combo.addItem(self.tr("Colour by category"), "category")
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in PROJECT_STATUSES:
            self.status_filter.addItem(project_status_label(status), status)
        self._setup_register(ProjectTableModel(self), ProjectFilterModel(self))
        fitting_table(self.queue_table, stretch=(0, 3))
        fitting_table(self.lists_table, stretch=(0, 2))
        fitting_table(self.history, stretch=(1, 2, 3, 4))
        self._connect()
        self.refresh()

    def title(self) -> str:
        """The title of the page's messages."""
        return self.tr("Plan")

    def run_buttons(self) -> tuple[QWidget, ...]:
        """The button that starts background work."""
        return (self.import_button,)

    def workspace_needed(self) -> str:
        """Why the page needs a workspace."""
        return self.tr("Create or open a workspace first: needs and projects are kept in it.")

    def _connect(self) -> None:
        self.needs_file.fileChanged.connect(self.read_header)
        self.encoding_combo.currentIndexChanged.connect(lambda _index: self.read_header(self.needs_file.filePath()))
        self.import_button.clicked.connect(self.import_needs)
        self.save_queue_button.clicked.connect(self.save_queue)
        self.show_button.clicked.connect(self.show_needs_map)
        self.add_list_button.clicked.connect(self.add_list)
        self.remove_list_button.clicked.connect(self.remove_list)
        self.save_lists_button.clicked.connect(self.save_lists)
        self.add_button.clicked.connect(lambda: self.open_form())
        self.suggestion_button.clicked.connect(self.from_suggestion)
        self.refresh_button.clicked.connect(self.refresh)
        self.draw_action.triggered.connect(self._toggle_tool)
        self.polygon_tool.polygon_drawn.connect(self.site_drawn)
        self.polygon_tool.message.connect(lambda text: self._warn(text, Qgis.MessageLevel.Info))

    def filter_combos(self) -> tuple[QComboBox, ...]:
        """The project filters: circle, status, category."""
        return (self.circle_filter, self.status_filter, self.category_filter)

    def refresh(self) -> None:
        """Re-read needs, lists and projects of the current workspace."""
        workspace = self.workspace()
        # the workspace's own layers hold no suggestions
        self.suggestion_layer.setExceptedLayerList(
            [layer for layer in self.project.mapLayers().values() if workspace is not None and workspace.owns(layer)]
        )
        try:
            self.categories = workspace.categories if workspace is not None else tuple(load_categories())
        except FifteenMinError as error:
            self._error(error)
        self.refresh_queue()
        self.refresh_lists()
        self.refresh_projects()
        self._show_access([] if workspace is None else [workspace.layer(name) for name in ("projects", "needs")])

    def edit_widgets(self) -> tuple[QWidget, ...]:
        """The widgets that change needs, lists or projects: hidden for a user who may not change them."""
        return (
            self.import_button,
            self.save_queue_button,
            self.add_list_button,
            self.remove_list_button,
            self.save_lists_button,
            self.add_button,
            self.suggestion_button,
            self.draw_button,
            *self.status_buttons.values(),
        )

    # --- needs import --------------------------------------------------------------------------------------

    def read_header(self, path: str) -> bool:
        """Offer the table's columns for each choice, guessing the usual ones; False if it cannot be read."""
        combos = [getattr(self, name) for _parameter, name in FIELD_CHOICES]
        for combo in combos:
            combo.clear()
        columns = self._table_columns(path, ENCODINGS[self.encoding_combo.currentIndex()])
        if columns is None:
            return False
        taken: set[str] = set()
        for _parameter, name in FIELD_CHOICES:
            combo = getattr(self, name)
            combo.addItems(["", *columns])
            guess = next(
                (column for word in FIELD_GUESSES[name] for column in columns if column.strip().lower() == word), ""
            )
            if guess and guess not in taken:
                combo.setCurrentIndex(combo.findText(guess))
                taken.add(guess)
        return True

    def import_needs(self) -> None:
        """Import the chosen table in the background; its needs are then added to the workspace."""
        workspace = self._ready_workspace()
        if workspace is None:
            return
        if not self.runner.idle():
            return
        path = self.needs_file.filePath()
        if not path:
            self._warn(self.tr("Choose the needs table (CSV or Excel) first."))
            return
        if not self.text_field.currentText() and not self.category_field.currentText():
            self._warn(self.tr("Choose the column with the residents' text (or a category column)."))
            return
        parameters: dict[str, Any] = {
            "INPUT": path,
            "ENCODING": self.encoding_combo.currentIndex(),
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        for parameter, name in FIELD_CHOICES:
            if getattr(self, name).currentText():
                parameters[parameter] = getattr(self, name).currentText()
        for layer_name in ("communities", "circles"):
            layer = workspace.layer(layer_name)
            if layer.featureCount():
                parameters["COMMUNITIES"] = layer.source()
                break
        encoding, date = ENCODINGS[self.encoding_combo.currentIndex()], self.date_field.currentText()
        self.runner.run(
            IMPORT_ALGORITHM,
            parameters,
            self.tr("Needs import"),
            lambda context, results: self._imported(context, results, path, encoding, date),
        )

    def _imported(
        self, context: QgsProcessingContext, results: dict[str, Any], path: str, encoding: str, date: str
    ) -> None:
        workspace = self.workspace()
        if workspace is None:
            self._warn(self.tr("The workspace was closed during the import; nothing was added."))
            return
        output = context.getMapLayer(results.get("OUTPUT", ""))
        if not isinstance(output, QgsVectorLayer):
            self._warn(self.tr("The needs import gave no result; nothing was added."))
            return
        dates = dates_by_row(Path(path), encoding, date) if date else None
        added = store_imported(output, workspace.layer("needs"), self.project.transformContext(), dates)
        shown = self._workspace_layer("needs", quiet=True)
        if shown is not None:
            shown.reload()
            shown.triggerRepaint()
        self.refresh()
        text = self.tr("{count} needs added to the workspace.").format(count=len(added))
        if self.queue:
            text += " " + self.tr("{count} wait for a category under Unclassified needs.").format(count=len(self.queue))
        show_outcome(self.message_bar, self.title(), text, self.runner.warnings)

    # --- unclassified queue --------------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        """Show the needs that have no category, each with a category choice."""
        workspace = self.workspace()
        self.queue = []
        if workspace is not None:
            try:
                self.queue = unclassified(workspace.layer("needs"))
            except FifteenMinError as error:
                self._error(error)
        self.queue_table.setRowCount(len(self.queue))
        for row, need in enumerate(self.queue):
            texts = (need.text, need.community_id, f"{need.weight:g}")
            for column, text in enumerate(texts):
                self.queue_table.setItem(row, column, QTableWidgetItem(text))
            combo = QComboBox()
            shrinkable_combo(combo, FILTER_CHARACTERS)
            combo.addItem("", "")
            for category in self.categories:
                combo.addItem(category_label(category.code, self.categories), category.code)
            combo.currentIndexChanged.connect(lambda _index, row=row: self._category_chosen(row))
            self.queue_table.setCellWidget(row, 3, combo)
        show_whole_text(self.queue_table)
        self.queue_label.setText(
            self.tr("No need is waiting for a category.")
            if not self.queue
            else self.tr(
                "{count} needs matched no category. Choose one per row, then save; rows with the same text can "
                "be given the same category at once."
            ).format(count=len(self.queue))
        )
        self.save_queue_button.setEnabled(bool(self.queue))

    def choose_category(self, row: int, code: str) -> None:
        """Pick the category `code` for queue row `row`, as the row's combo box does."""
        combo = self.queue_table.cellWidget(row, 3)
        combo.setCurrentIndex(combo.findData(code))

    def _category_chosen(self, row: int) -> None:
        if not self.same_text_check.isChecked():
            return
        code = self.queue_table.cellWidget(row, 3).currentData()
        text = self.queue[row].text
        for other, need in enumerate(self.queue):
            combo = self.queue_table.cellWidget(other, 3)
            if other != row and need.text == text and combo.currentData() != code:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findData(code))
                combo.blockSignals(False)

    def chosen_categories(self) -> dict[str, str]:
        """need_id → the category code chosen in the queue (rows left empty are not listed)."""
        chosen = {}
        for row, need in enumerate(self.queue):
            code = self.queue_table.cellWidget(row, 3).currentData()
            if code:
                chosen[need.need_id] = code
        return chosen

    def save_queue(self) -> None:
        """Write the chosen categories to the workspace needs in one transaction."""
        workspace = self._ready_workspace()
        if workspace is None:
            return
        try:
            count = resolve(workspace, self.chosen_categories(), self.categories, self._user())
        except FifteenMinError as error:
            self._error(error)
            return
        shown = self._workspace_layer("needs", quiet=True)
        if shown is not None:
            shown.reload()
        self._done(self.tr("{count} needs now have a category.").format(count=count))
        self.refresh_queue()
        self._fill_map_choices()

    # --- needs map and lists -------------------------------------------------------------------------------

    def _fill_map_choices(self) -> None:
        workspace = self.workspace()
        lists: set[str] = set()
        communities: set[str] = set()
        if workspace is not None:
            for feature in workspace.layer("needs").getFeatures():
                lists.add(str(plain(feature["list"]) or ""))
                communities.add(str(plain(feature["community_id"]) or ""))
        for combo, everything, values in (
            (self.list_filter, self.tr("All lists"), lists),
            (self.community_filter, self.tr("All communities"), communities),
        ):
            refill_combo(combo, [(everything, None), *((value, value) for value in sorted(values - {""}))])

    def needs_filter(self) -> str:
        """The filter expression of the chosen list and community ("" for all needs)."""
        parts = [
            QgsExpression.createFieldEqualityExpression(field, combo.currentData())
            for field, combo in (("list", self.list_filter), ("community_id", self.community_filter))
            if combo.currentData()
        ]
        return " AND ".join(parts)

    def show_needs_map(self) -> None:
        """Colour the workspace needs layer by list colour or category and show only the chosen list and community."""
        workspace = self.workspace()
        layer = self._workspace_layer("needs")
        if workspace is None or layer is None:
            return
        expression = self.needs_filter()
        if not layer.setSubsetString(expression):
            self._warn(self.tr("The needs layer cannot be filtered."))
            return
        by_list = self.colour_combo.currentData() == "list"
        field = "list" if by_list else "category"
        colours = {item.name: item.colour for item in read_lists(workspace) if item.colour} if by_list else {}
        values = sorted({str(plain(feature[field]) or "") for feature in layer.getFeatures()})
        categories = []
        for number, value in enumerate(values):
            symbol = QgsSymbol.defaultSymbol(layer.geometryType())
            colour = colours.get(value) if by_list else PALETTE[number % len(PALETTE)]
            symbol.setColor(QColor(colour or NO_VALUE_COLOUR) if value else QColor(NO_VALUE_COLOUR))
            label = value if by_list else category_label(value, self.categories)
            categories.append(QgsRendererCategory(value or None, symbol, label or self.tr("None")))
        layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
        layer.triggerRepaint()
        total = layer.featureCount()
        located = sum(1 for feature in layer.getFeatures() if feature.hasGeometry())
        self.map_label.setText(
            self.tr(
                "{located} of {total} needs are drawn; the others were placed by community name only and have no point."
            ).format(located=located, total=total)
        )

    def refresh_lists(self) -> None:
        """Show the workspace's list definitions for editing."""
        workspace = self.workspace()
        lists: list[ListDefinition] = []
        if workspace is not None:
            try:
                lists = read_lists(workspace)
            except FifteenMinError as error:
                self._error(error)
        self.lists_table.setRowCount(0)
        for item in lists:
            self._list_row(item)
        show_whole_text(self.lists_table)
        self._fill_map_choices()

    def _list_row(self, item: ListDefinition) -> None:
        row = self.lists_table.rowCount()
        self.lists_table.insertRow(row)
        for column, text in enumerate((item.name, item.colour, item.meaning, item.community_id)):
            cell = QTableWidgetItem(text)
            if column == 1 and QColor.isValidColor(text):
                cell.setBackground(QColor(text))
            self.lists_table.setItem(row, column, cell)
        self.lists_table.item(row, 0).setData(ID_ROLE, item.fid)

    def add_list(self) -> None:
        """Add an empty row to fill in."""
        self._list_row(ListDefinition("", "", ""))
        self.lists_table.editItem(self.lists_table.item(self.lists_table.rowCount() - 1, 0))

    def remove_list(self) -> None:
        """Remove the selected row (the workspace changes when the lists are saved)."""
        rows = sorted({index.row() for index in self.lists_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.lists_table.removeRow(row)

    def table_lists(self) -> list[ListDefinition]:
        """The list definitions as the table holds them."""
        lists = []
        for row in range(self.lists_table.rowCount()):
            texts = [self.lists_table.item(row, column) for column in range(4)]
            name, colour, meaning, community = (item.text() if item is not None else "" for item in texts)
            fid = texts[0].data(ID_ROLE) if texts[0] is not None else None
            lists.append(ListDefinition(name, colour, meaning, community, fid))
        return lists

    def save_lists(self) -> None:
        """Write the table's list definitions to the workspace, all together."""
        workspace = self._ready_workspace()
        if workspace is None:
            return
        try:
            save_lists(workspace, self.table_lists())
        except FifteenMinError as error:
            self._error(error)
            return
        self._done(self.tr("The needs lists are saved."))
        self.refresh_lists()

    # --- projects ------------------------------------------------------------------------------------------

    def refresh_projects(self) -> None:
        """Re-read the projects (the selected one stays selected) and the filter choices."""
        selected = self.selected_id()
        workspace = self.workspace()
        rows: list[ProjectRow] = []
        if workspace is not None:
            try:
                rows = self._read_projects(workspace)
            except FifteenMinError as error:
                self._error(error)
        self.model.set_rows(rows)
        for combo, everything, values in (
            (self.circle_filter, self.tr("All circles"), [(row.circle_id, row.circle_id) for row in rows]),
            (
                self.category_filter,
                self.tr("All categories"),
                [(row.category, category_label(row.category, self.categories)) for row in rows],
            ),
        ):
            refill_combo(combo, [(everything, ""), *((label, key) for key, label in sorted(set(values) - {("", "")}))])
        self._apply_filters()
        if selected:
            self.select_id(selected)
        self._show_selected()

    @staticmethod
    def _read_projects(workspace: Workspace) -> list[ProjectRow]:
        rows = []
        for feature in workspace.layer("projects").getFeatures():
            value = {name: plain(feature[name]) for name in feature.fields().names()}
            rows.append(
                ProjectRow(
                    str(value["project_id"]),
                    str(value["name"] or ""),
                    str(value["category"] or ""),
                    str(value["status"] or "planned"),
                    str(value["circle_id"] or ""),
                    str(value["community_id"] or ""),
                    None if value["investment_wan"] is None else float(value["investment_wan"]),
                    str(value["deadline"] or ""),
                    str(value["lead_unit"] or ""),
                    str(value["site_kind"] or ""),
                    value.get("version"),
                )
            )
        return sorted(rows, key=lambda row: row.project_id)

    def refresh_rows(self) -> None:
        """Re-read the projects."""
        self.refresh_projects()

    def _show_selected(self) -> None:
        row = self.model.find(self.selected_id())
        allowed = allowed_statuses(row.status) if row is not None else ()
        for status, button in self.status_buttons.items():
            button.setEnabled(status in allowed)
        self.history.setRowCount(0)
        if row is None:
            self.details_label.setText(self.tr("Select a project to change its status and see its history."))
            return
        following = NEXT_STATUS.get(row.status)
        self.details_label.setText(
            self.tr("{project_id} “{name}” is {status}.").format(
                project_id=row.project_id, name=row.name, status=project_status_label(row.status)
            )
            + (
                " " + self.tr("Next step: {status}.").format(status=project_status_label(following))
                if following
                else ""
            )
        )
        register = self._register()
        if register is None:
            return
        try:
            events = register.history(row.project_id)
        except FifteenMinError as error:
            self._error(error)
            return
        self._fill_history(events)

    def _change_label(self, event: Any) -> str:
        field = event.field
        if event.kind == "created" and field == "status":
            return self.tr("Created")
        labels = {
            "status": self.tr("Status"),
            "geometry": self.tr("Site point"),
            SITE_POLYGON: self.tr("Site polygon"),
            "name": self.tr("Name"),
            "category": self.tr("Category"),
            "circle_id": self.tr("Circle"),
            "community_id": self.tr("Community"),
            "site_kind": self.tr("Site"),
            "asset_id": self.tr("Idle asset"),
            "floor_area_m2": self.tr("Floor area (m²)"),
            "investment_wan": self.tr("Investment (10,000 yuan)"),
            "implementer": self.tr("Implementer"),
            "funding": self.tr("Funding"),
            "start": self.tr("Start"),
            "deadline": self.tr("Deadline"),
            "lead_unit": self.tr("Lead unit"),
            "note": self.tr("Note"),
        }
        return labels.get(field, field)

    def _value_label(self, field: str, value: Any) -> str:
        if value is None:
            return ""
        if field == "status":
            return project_status_label(value)
        if field == "category":
            return category_label(value, self.categories)
        if field in ("geometry", SITE_POLYGON):
            return self.tr("drawn")
        if field == "site_kind":
            kinds = {
                "asset": self.tr("Idle asset"),
                "drawn": self.tr("Drawn on the map"),
                "facility": self.tr("Facility"),
            }
            return kinds.get(str(value), str(value))
        return str(value)

    # --- status workflow -----------------------------------------------------------------------------------

    def change_status(self, status: str) -> None:
        """Move the selected project to `status` after asking for a note."""
        project_id = self.selected_id()
        if project_id is None:
            self._warn(self.tr("Select a project in the table first."))
            return
        self._ask_text(
            self.status_buttons[status].text(),
            self.tr("Note for the change of {project_id} to “{status}” (optional):").format(
                project_id=project_id, status=project_status_label(status)
            ),
            lambda note: self._set_status(project_id, status, note),
        )

    def _set_status(self, project_id: str, status: str, note: str) -> None:
        self._change_shown(
            project_id,
            lambda register, shown: register.set_status(project_id, status, note, base_version=shown),
            self.tr("{project_id} is now “{status}”.").format(
                project_id=project_id, status=project_status_label(status)
            ),
        )

    # --- adding --------------------------------------------------------------------------------------------

    def _places(self, layer_name: str, key: str) -> list[tuple[str, str]]:
        workspace = self.workspace()
        if workspace is None:
            return []
        places = {}
        for feature in workspace.layer(layer_name).getFeatures():
            code = str(plain(feature[key]) or "")
            if code:
                name = str(plain(feature["name"]) or "")
                places[code] = f"{code} {name}".strip()
        return sorted(places.items())

    def open_form(
        self,
        values: Optional[dict[str, Any]] = None,
        geometry: Optional[QgsGeometry] = None,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        hint: str = "",
    ) -> Optional[ProjectForm]:
        """Open the form of a new project (at `geometry` in `crs`, if given); OK adds it through the register."""
        if self.workspace() is None:
            self._warn(self.workspace_needed())
            return None
        if self.form is not None:
            self.form.close()
        form = ProjectForm(
            self.categories,
            self._places("circles", "circle_id"),
            self._places("communities", "community_id"),
            lambda entered: self._add(entered, geometry, crs),
            values,
            hint,
            self,
        )
        form.finished.connect(lambda _result: self._form_closed(form))
        self.form = form
        form.open()
        return form

    def _add(
        self, values: dict[str, Any], geometry: Optional[QgsGeometry], crs: Optional[QgsCoordinateReferenceSystem]
    ) -> None:
        """Add a project (the form shows a refusal); a FifteenMinError propagates to the form."""
        register = self._register()
        if register is None:
            raise FifteenMinError(self.workspace_needed())
        try:
            project_id = register.add(values, geometry, crs)
        except FifteenMinError as error:
            self._error(error)
            raise
        self._done(
            self.tr("{project_id} “{name}” added to the project list.").format(
                project_id=project_id, name=values["name"]
            )
        )
        self.refresh_projects()
        self.select_id(project_id)

    def from_suggestion(self) -> None:
        """Turn the selected rows of the chosen suggestions layer into planned projects, stopping at a refusal."""
        layer = self.suggestion_layer.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self._warn(self.tr("Choose the layer of repurposing suggestions first (run Suggest uses)."))
            return
        selected = list(layer.getSelectedFeatures(QgsFeatureRequest()))
        if not selected:
            self._warn(
                self.tr("Select the suggestion rows to plan on the layer “{layer}” first.").format(layer=layer.name())
            )
            return
        register = self._register()
        if register is None:
            return
        added = []
        for feature in selected:
            try:
                added.append(
                    project_from_suggestion(register, feature, layer.crs(), self.tr("Created from a suggestion"))
                )
            except FifteenMinError as error:
                self._error(error)
                break
        if added:
            self._done(
                self.tr("{count} planned projects created from suggestions: {ids}.").format(
                    count=len(added), ids=", ".join(added)
                )
            )
        self.refresh_projects()
        if added:
            self.select_id(added[-1])

    # --- drawing -------------------------------------------------------------------------------------------

    def _toggle_tool(self, checked: bool) -> None:
        if checked:
            refusal = self.polygon_tool.refusal()
            if refusal:
                self.draw_action.setChecked(False)
                self._warn(refusal)
                return
            self.canvas.setMapTool(self.polygon_tool)
        elif self.canvas.mapTool() is self.polygon_tool:
            self.canvas.unsetMapTool(self.polygon_tool)

    def site_drawn(self, polygon: QgsGeometry) -> None:
        """A drawn site: it becomes the selected project's site (after a note), or a new project's."""
        crs = self.canvas.mapSettings().destinationCrs()
        project_id = self.selected_id()
        if project_id is None:
            self.open_form({"site_kind": "drawn"}, polygon, crs, self.tr("The site is the polygon you drew."))
            return
        self._ask_text(
            self.tr("Draw site"),
            self.tr("Note for the new site of {project_id} (optional):").format(project_id=project_id),
            lambda note: self._set_site(project_id, polygon, crs, note),
        )

    def _set_site(self, project_id: str, polygon: QgsGeometry, crs: QgsCoordinateReferenceSystem, note: str) -> None:
        register = self._register()
        if register is None:
            return
        try:
            register.update(project_id, {"site_kind": "drawn"}, note, polygon, crs)
        except FifteenMinError as error:
            self._error(error)
            return
        self._done(self.tr("{project_id} has its drawn site.").format(project_id=project_id))
        self.refresh_projects()

    # --- shared --------------------------------------------------------------------------------------------

    @staticmethod
    def _user() -> str:
        return QgsApplication.userLoginName()

    def teardown(self) -> None:
        """Cancel work, release the canvas and close open dialogs before the dock goes away."""
        if self.canvas.mapTool() is self.polygon_tool:
            self.canvas.unsetMapTool(self.polygon_tool)
        self.polygon_tool.teardown()
        super().teardown()
