"""The Analysis page of the dock: coverage per circle, walking times, population coverage, charts, styles, exports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeedback,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QModelIndex, Qt, QTimer
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QTableWidgetItem,
    QWidget,
)

from fifteen_min_plugin.__about__ import PROVIDER_ID
from fifteen_min_plugin.core.analysis.coverage_layer import replace_coverage
from fifteen_min_plugin.core.analysis.coverage_rows import (
    CoverageRow,
    community_labels,
    grade_rank,
    read_coverage_rows,
    table_header,
    table_values,
)
from fifteen_min_plugin.core.analysis.export import export_csv, export_xlsx
from fifteen_min_plugin.core.analysis.renderers import MINUTE_CLASSES, apply_grade_style, apply_minutes_style
from fifteen_min_plugin.core.analysis.summaries import (
    PopulationShare,
    category_bars,
    city_summary,
    read_population_summary,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category, load_categories
from fifteen_min_plugin.core.needs.demand import demand_bars
from fifteen_min_plugin.core.report import CirclePlan, PdfExport, ReportLayers, add_layout_to_project, report_layouts
from fifteen_min_plugin.core.report.basemap import project_basemap
from fifteen_min_plugin.core.settings import COVERED_MINUTES, Settings
from fifteen_min_plugin.core.values import plain
from fifteen_min_plugin.core.workspace.workspace import PROJECT_SCOPE
from fifteen_min_plugin.gui.dock_page import LINE_LAYERS, DockPage
from fifteen_min_plugin.gui.fit import fitting_table, shrinkable_combo
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.fusion_view import FusionView
from fifteen_min_plugin.gui.messages import show_message, show_outcome

COVERAGE_ALGORITHM = f"{PROVIDER_ID}:coverage"
NEAREST_ALGORITHM = f"{PROVIDER_ID}:nearestfacility"
POPULATION_ALGORITHM = f"{PROVIDER_ID}:populationsummary"
CIRCLE_PLAN_ALGORITHM = f"{PROVIDER_ID}:circleplan"
#: walking times are searched up to this many minutes (the last class of the minutes style)
SEARCH_MINUTES = MINUTE_CLASSES[-1][1]
FID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
GRADE_COLUMN = 4
CSV_FILTER = "CSV (*.csv)"
XLSX_FILTER = "Excel (*.xlsx)"
PDF_FILTER = "PDF (*.pdf)"


class AnalysisPage(DockPage, load_form("analysis_page")):
    """Runs the analyses on the current workspace and shows what each circle lacks."""

    def _setup(self) -> None:
        """The categories, the tables, the report fields and the signals."""
        self.rows: list[CoverageRow] = []
        self.population: list[PopulationShare] = []
        self.minutes_layer_id = ""
        self.population_layer_id = ""
        self.plan_export: Optional[PdfExport] = None
        self.plan_feedback: Optional[QgsFeedback] = None
        try:
            self.categories: list[Category] = load_categories()
        except FifteenMinError as error:
            self.categories = []
            self._error(error)
        self._fill_widgets()
        self._read_report_fields()
        self._connect()
        self.fusion_view = FusionView(self.canvas, self.message_bar, self.project, self)
        self.pageLayout.insertWidget(self.pageLayout.indexOf(self.exportGroup), self.fusion_view)

    def title(self) -> str:
        """The title of the page's messages."""
        return self.tr("Analysis")

    def run_buttons(self) -> tuple[QWidget, ...]:
        """The buttons that start a computation or an export."""
        return (self.coverage_button, self.walking_button, self.plans_button)

    def _fill_widgets(self) -> None:
        """What the form cannot say: layer filters, the table model, category choices, texts with numbers."""
        self.roads_combo.setFilters(LINE_LAYERS)
        self.walking_button.setToolTip(
            self.tr(
                "Walking minutes from every community to the nearest facility of every category along the roads, "
                "then the share of residents within {minutes:g} minutes."
            ).format(minutes=COVERED_MINUTES)
        )
        self.population_group.setTitle(self.tr("Residents within {minutes:g} minutes").format(minutes=COVERED_MINUTES))
        self.model = QStandardItemModel(0, len(table_header()), self)
        self.model.setHorizontalHeaderLabels(table_header())
        self.model.setSortRole(SORT_ROLE)
        self.table.setModel(self.model)
        self.table.setColumnHidden(0, True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        shrinkable_combo(self.minutes_combo)
        for category in self.categories:
            self.minutes_combo.addItem(f"{category.name_zh} ({category.name_en})", category.code)
        fitting_table(self.population_table, stretch=(0,))

    def _connect(self) -> None:
        for key, edit in self._report_fields().items():
            edit.editingFinished.connect(lambda key=key, edit=edit: self._remember_report_field(key, edit.text()))
        self.project.readProject.connect(self._read_report_fields)
        self.project.cleared.connect(self._read_report_fields)
        self.coverage_button.clicked.connect(self.run_coverage)
        self.walking_button.clicked.connect(self.run_walking_times)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.clicked.connect(self._row_chosen)
        self.grade_style_button.clicked.connect(self.style_grades)
        self.minutes_style_button.clicked.connect(self.style_minutes)
        self.csv_button.clicked.connect(self._ask_csv)
        self.xlsx_button.clicked.connect(self._ask_xlsx)
        self.plans_button.clicked.connect(self._ask_circle_plans)

    # --- report fields, remembered in the project ------------------------------------------------------------

    def _report_fields(self) -> dict[str, QLineEdit]:
        return {"title": self.report_title_edit, "area": self.report_area_edit, "bureau": self.report_bureau_edit}

    def _read_report_fields(self, *_args: Any) -> None:
        for key, edit in self._report_fields().items():
            edit.setText(self.project.readEntry(PROJECT_SCOPE, f"report/{key}", "")[0])

    def _remember_report_field(self, key: str, text: str) -> None:
        if self.project.readEntry(PROJECT_SCOPE, f"report/{key}", "")[0] != text.strip():
            self.project.writeEntry(PROJECT_SCOPE, f"report/{key}", text.strip())

    def report_texts(self) -> tuple[str, str, str]:
        """Title (the workspace name when empty), area and bureau of the circle-plan report."""
        title = self.report_title_edit.text().strip()
        workspace = self.workspace()
        if not title and workspace is not None:
            title = workspace.name
        return title, self.report_area_edit.text().strip(), self.report_bureau_edit.text().strip()

    # --- running -------------------------------------------------------------------------------------------

    def run_coverage(self) -> None:
        """Compute the coverage of every workspace circle in the background; write it when it succeeds."""
        layers = self._layers()
        if layers is None or not self.runner.idle():
            return
        parameters = {
            "CIRCLES": layers["circles"],
            "FACILITIES": layers["facilities"],
            "CATEGORY_FIELD": "category",
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        if layers["communities"].featureCount() > 0:
            parameters["COMMUNITIES"] = layers["communities"]
            if self.roads_combo.currentLayer() is not None:  # lower tiers without a circle: walked, not straight
                parameters["ROADS"] = self.roads_combo.currentLayer()
        if layers["idle_assets"].featureCount() > 0:  # approved assets count in the floor area
            parameters["ASSETS"] = layers["idle_assets"]
        for name, key in (("needs", "NEEDS"), ("satisfaction", "SATISFACTION")):  # demand and surveys per circle
            if name in layers and layers[name].featureCount() > 0:
                parameters[key] = layers[name]
        self.runner.run(COVERAGE_ALGORITHM, parameters, self.tr("Coverage per circle"), self._coverage_done)

    def run_walking_times(self) -> None:
        """Walking minutes from every workspace community to each category, then the population summary."""
        layers = self._layers()
        if layers is None or not self.runner.idle():
            return
        roads = self.roads_combo.currentLayer()
        if roads is None:
            self._warn(self.tr("Choose the road layer to walk on first."))
            return
        settings = Settings.load()
        parameters = {
            "ROADS": roads,
            "ORIGINS": layers["communities"],
            "FACILITIES": layers["facilities"],
            "CATEGORY_FIELD": "category",
            "SPEED_KMH": settings.walking_speed_kmh,
            "MAX_MINUTES": SEARCH_MINUTES,
            "SNAP_TOLERANCE_M": settings.snap_tolerance_m,
            "TOPOLOGY_TOLERANCE_M": self.topology_spin.value(),
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        self.runner.run(
            NEAREST_ALGORITHM, parameters, self.tr("Walking time to the nearest facility"), self._walking_done
        )

    def summarise_population(self, origins: QgsVectorLayer) -> None:
        """Share of residents of `origins` (with min_<code> fields) within 15 minutes, shown in the page."""
        if not self.runner.idle():
            return
        parameters = {
            "ORIGINS": origins,
            "MAX_MINUTES": COVERED_MINUTES,
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        if origins.fields().lookupField("population") >= 0:
            parameters["POPULATION_FIELD"] = "population"
        self.runner.run(POPULATION_ALGORITHM, parameters, self.tr("Population coverage summary"), self._population_done)

    def export_circle_plans(self, path: str) -> None:
        """Put the 一圈一策 layouts in the project (replacing the previous ones) and print them to a PDF.

        One page is printed per turn of the event loop, so the window keeps repainting; the progress bar follows
        the pages and Cancel stops between two pages, leaving an existing PDF untouched.
        """
        layers = self._layers()
        if layers is None or not self.runner.idle() or self.plan_export is not None:
            return
        minutes = self.project.mapLayer(self.minutes_layer_id) if self.minutes_layer_id else None
        title, area, bureau = self.report_texts()
        report = ReportLayers(
            coverage=layers["coverage"],
            circles=layers["circles"],
            facilities=layers["facilities"],
            assets=layers["idle_assets"],
            minutes=minutes if isinstance(minutes, QgsVectorLayer) else None,
            needs=layers.get("needs"),
            need_lists=layers.get("need_lists"),
            projects=layers.get("projects"),
            satisfaction=layers.get("satisfaction"),
            fusion=self.fusion_view.layer if isinstance(self.fusion_view.layer, QgsVectorLayer) else None,
        )
        try:
            basemap = project_basemap(self.project)  # the dock's Tianditu basemap is drawn under the maps too
            atlas = add_layout_to_project(self.project, report, title, self._categories(), area, bureau, basemap)
            cover = report_layouts(self.project)[0]
            export = PdfExport(CirclePlan(cover, atlas), path, title)
            export.start()
        except FifteenMinError as error:
            self._error(error)
            return
        self.plan_export = export
        self.plan_feedback = QgsFeedback()
        self.plan_feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self._set_running(True)
        QTimer.singleShot(0, self._print_next_page)

    def _print_next_page(self) -> None:
        export, feedback = self.plan_export, self.plan_feedback
        if export is None or feedback is None:
            return
        if feedback.isCanceled():
            export.abort()
            self._plans_ended()
            self._warn(self.tr("Circle plans (PDF): cancelled; nothing was written."), Qgis.MessageLevel.Info)
            return
        try:
            more = export.next_page()
            feedback.setProgress(export.progress)
            if more:
                QTimer.singleShot(0, self._print_next_page)
                return
            pages = export.finish()
        except FifteenMinError as error:
            self._plans_ended()
            self._error(error)
            return
        self._plans_ended()
        self._success(
            self.tr("{pages} pages written to {path}; the layout “{layout}” in the project shows them.").format(
                pages=pages, path=export.target, layout=export.plan.atlas.name()
            )
        )

    def _plans_ended(self) -> None:
        self.plan_export = None
        self.plan_feedback = None
        self._set_running(False)

    def cancel(self) -> None:
        """Stop the running computation or PDF export; nothing is written."""
        super().cancel()
        if self.plan_feedback is not None:
            self.plan_feedback.cancel()

    def _result_layer(self, context: QgsProcessingContext, results: dict[str, Any], title: str) -> QgsVectorLayer:
        layer = context.takeResultLayer(str(results.get("OUTPUT", "")))
        if not isinstance(layer, QgsVectorLayer):
            raise FifteenMinError(self.tr("{title} gave no result; nothing was written.").format(title=title))
        return layer

    def _coverage_done(self, context: QgsProcessingContext, results: dict[str, Any]) -> None:
        result = self._result_layer(context, results, self.tr("Coverage per circle"))
        layers = self._layers()
        if layers is None:
            return
        written = replace_coverage(layers["coverage"], result, self.project.transformContext())
        self.refresh()
        self._outcome(
            self.tr("Coverage of {count} circles written to “{layer}”.").format(
                count=len(written), layer=layers["coverage"].name()
            )
        )

    def _walking_done(self, context: QgsProcessingContext, results: dict[str, Any]) -> None:
        layer = self._result_layer(context, results, self.tr("Walking time to the nearest facility"))
        layer.setName(self.tr("Walking minutes to the nearest facility"))
        self.minutes_layer_id = self._replace_project_layer(self.minutes_layer_id, layer)
        code = self.minutes_combo.currentData()
        if code and layer.fields().lookupField(f"min_{code}") >= 0:
            apply_minutes_style(layer, code)
        self.summarise_population(layer)

    def _population_done(self, context: QgsProcessingContext, results: dict[str, Any]) -> None:
        layer = self._result_layer(context, results, self.tr("Population coverage summary"))
        layer.setName(self.tr("Population coverage"))
        self.population_layer_id = self._replace_project_layer(self.population_layer_id, layer)
        self.show_population(read_population_summary(layer))

    def _replace_project_layer(self, previous_id: str, layer: QgsMapLayer) -> str:
        if previous_id and self.project.mapLayer(previous_id) is not None:
            self.project.removeMapLayer(previous_id)
        if self.project.addMapLayer(layer) is None:
            raise FifteenMinError(
                self.tr("The layer “{layer}” could not be added to the project.").format(layer=layer.name())
            )
        return layer.id()

    # --- showing -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the workspace coverage layer into the table and the city chart."""
        workspace = self.workspace()
        if workspace is None:
            self._show_rows([])
            return
        layers = self._layers(quiet=True)
        if layers is None:
            return
        labels = community_labels(layers["circles"], layers["communities"])
        self._show_rows(read_coverage_rows(layers["coverage"], workspace.categories, labels))

    def _show_rows(self, rows: list[CoverageRow]) -> None:
        self.rows = rows
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            items = []
            for column, value in enumerate(table_values(row)):
                if isinstance(value, float):
                    item = QStandardItem(f"{value:.1f}")
                else:
                    item = QStandardItem("" if value is None else str(value))
                if column == GRADE_COLUMN:
                    key: Any = grade_rank(row.grade)
                elif column == 5:
                    key = row.n_basic_present
                else:
                    key = value if value is not None else ""
                item.setData(key, SORT_ROLE)
                item.setData(row.fid, FID_ROLE)
                items.append(item)
            self.model.appendRow(items)
        self.table.sortByColumn(GRADE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.circle_chart.set_circle("", [])
        self.demand_chart.set_circle("", [])
        categories = self._categories()
        self.city_chart.set_summary(city_summary(rows, categories) if rows else None)

    def row_at(self, view_row: int) -> Optional[CoverageRow]:
        """The coverage row shown on line `view_row` of the table (as sorted)."""
        fid = self.model.index(view_row, 0).data(FID_ROLE)
        return next((row for row in self.rows if row.fid == fid), None)

    def _row_chosen(self, index: QModelIndex, _previous: Optional[QModelIndex] = None) -> None:
        if not index.isValid():
            return
        row = self.row_at(index.row())
        if row is None:
            return
        self.circle_chart.set_circle(row.circle, category_bars(row, self._categories()))
        self._chart_demand(row)
        self._zoom_to(row)

    def _chart_demand(self, row: CoverageRow) -> None:
        """Show what the circle's residents asked for against its facilities, and its satisfaction."""
        layers = self._layers(quiet=True)
        coverage = layers["coverage"] if layers else None
        if coverage is None or coverage.fields().lookupField("demand_top") < 0:
            self.demand_chart.set_circle(row.circle, [])
            return
        feature = coverage.getFeature(row.fid)
        values = dict(zip(coverage.fields().names(), feature.attributes()))
        share = plain(values.get("satisfaction"))
        bars = demand_bars(values, self._categories())
        self.demand_chart.set_circle(row.circle, bars, None if share is None else float(share))

    def _zoom_to(self, row: CoverageRow) -> None:
        layers = self._layers(quiet=True)
        if layers is None:
            return
        coverage = layers["coverage"]
        feature = coverage.getFeature(row.fid)
        geometry = feature.geometry()
        if geometry.isNull():
            return
        transform = QgsCoordinateTransform(
            coverage.crs(), self.canvas.mapSettings().destinationCrs(), self.project.transformContext()
        )
        try:
            moved = geometry.transform(transform) == Qgis.GeometryOperationResult.Success
        except QgsCsException:
            moved = False
        if not moved:
            self._warn(self.tr("The circle cannot be shown in the map's coordinate system."))
            return
        extent = geometry.boundingBox()
        extent.scale(1.2)
        coverage.selectByIds([row.fid])
        self.canvas.setExtent(extent)
        self.canvas.refresh()

    def show_population(self, shares: list[PopulationShare]) -> None:
        """Fill the population table; the first line says the share covered by all basic categories."""
        self.population = shares
        self.population_table.setRowCount(len(shares))
        for line, share in enumerate(shares):
            values = [
                share.label,
                "" if share.share_pct is None else f"{share.share_pct:.1f}",
                "" if share.residents_covered is None else f"{share.residents_covered:,.0f}",
            ]
            for column, value in enumerate(values):
                self.population_table.setItem(line, column, QTableWidgetItem(value))
        overall = next((share for share in shares if share.all_basic), None)
        if overall is None or overall.share_pct is None:
            self.population_label.setText(self.tr("No origin has walking times to every basic category."))
        elif overall.residents is not None:
            self.population_label.setText(
                self.tr("{share:.1f}% of residents live within {minutes:g} minutes of every basic category.").format(
                    share=overall.share_pct, minutes=COVERED_MINUTES
                )
            )
        else:
            self.population_label.setText(
                self.tr("{share:.1f}% of communities are within {minutes:g} minutes of every basic category.").format(
                    share=overall.share_pct, minutes=COVERED_MINUTES
                )
            )

    def _categories(self) -> list[Category]:
        workspace = self.workspace()
        return list(workspace.categories) if workspace is not None else self.categories

    # --- styles and exports --------------------------------------------------------------------------------

    def style_grades(self) -> None:
        """Colour the workspace coverage layer by grade."""
        layers = self._layers()
        if layers is None:
            return
        try:
            apply_grade_style(layers["coverage"])
        except FifteenMinError as error:
            self._error(error)

    def style_minutes(self) -> None:
        """Colour the walking-minutes layer by the minutes to the chosen category."""
        layer = self.project.mapLayer(self.minutes_layer_id) if self.minutes_layer_id else None
        if not isinstance(layer, QgsVectorLayer):
            self._warn(self.tr("Run Walking times first; its layer holds the minutes."))
            return
        try:
            apply_minutes_style(layer, self.minutes_combo.currentData())
        except FifteenMinError as error:
            self._error(error)

    def export_csv(self, path: str) -> Optional[Path]:
        """Write the table to a CSV file Excel opens with its Chinese text intact."""
        return self._export(export_csv, path)

    def export_xlsx(self, path: str) -> Optional[Path]:
        """Write the table to an Excel workbook."""
        return self._export(export_xlsx, path)

    def _export(self, write: Callable[[list[CoverageRow], str], Path], path: str) -> Optional[Path]:
        if not self.rows:
            self._warn(self.tr("There is no coverage to export; run the coverage first."))
            return None
        try:
            written = write(self.rows, path)
        except FifteenMinError as error:
            self._error(error)
            return None
        self._success(self.tr("{count} circles exported to {path}.").format(count=len(self.rows), path=written))
        return written

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "", CSV_FILTER)
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else f"{path}.csv")

    def _ask_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Excel"), "", XLSX_FILTER)
        if path:
            self.export_xlsx(path if path.lower().endswith(".xlsx") else f"{path}.xlsx")

    def _ask_circle_plans(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export circle plans"), "", PDF_FILTER)
        if path:
            self.export_circle_plans(path if path.lower().endswith(".pdf") else f"{path}.pdf")

    # --- shared --------------------------------------------------------------------------------------------

    def _layers(self, quiet: bool = False) -> Optional[dict[str, QgsVectorLayer]]:
        """The project's layers on the workspace tables (added if missing); None and a warning without one."""
        workspace = self.workspace()
        if workspace is None:
            if not quiet:
                self._warn(self.tr("Create or open a workspace first: the analysis reads and writes its layers."))
            return None
        try:
            return dict(zip(workspace.layer_names(), workspace.add_to_project(self.project)))
        except FifteenMinError as error:
            if not quiet:
                self._error(error)
            return None

    def _success(self, text: str) -> None:
        show_message(self.message_bar, self.title(), text, Qgis.MessageLevel.Success, duration=5)

    def _outcome(self, text: str) -> None:
        show_outcome(self.message_bar, self.title(), text, self.runner.warnings)

    def teardown(self) -> None:
        """Cancel running work before the dock goes away."""
        self.cancel()
        if self.plan_export is not None:
            self.plan_export.abort()
            self._plans_ended()
        self.project.readProject.disconnect(self._read_report_fields)
        self.project.cleared.disconnect(self._read_report_fields)
        self.fusion_view.teardown()
