"""The Facilities page of the dock: import facilities from every source, count them, review the unclassified."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsDistanceArea,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingContext,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QShowEvent
from qgis.PyQt.QtWidgets import (
    QTableWidgetItem,
    QWidget,
)

from fifteen_min_plugin.__about__ import PROVIDER_ID
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import NAME_KEYWORD, Category, Rule, class_label, load_categories
from fifteen_min_plugin.core.facilities.chinacoords import OTHER_SYSTEM, SYSTEM_LABELS
from fifteen_min_plugin.core.facilities.importer import (
    UNCLASSIFIED_EXPRESSION,
    append_facilities,
    assign_category,
    category_counts,
    guess_categories,
    name_keyword,
    save_user_rule,
    user_classifier,
    user_rules_path,
    value_counts,
)
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.facilities.poi_api.providers import PROVIDERS, make_provider
from fifteen_min_plugin.core.facilities.poi_import import ASSUMED_DENSITY_PER_KM2, estimate_requests
from fifteen_min_plugin.core.facilities.table_import import ENCODING_LABELS, ENCODINGS
from fifteen_min_plugin.core.facilities.table_reader import (
    TableError,
    coordinate_columns,
)
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.gui.category_mapping_dialog import CategoryMappingDialog
from fifteen_min_plugin.gui.dock_page import POINT_OR_POLYGON_LAYERS, DockPage
from fifteen_min_plugin.gui.fit import fitting_table, shrinkable_combo
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.messages import show_message, show_outcome

TABLE_ALGORITHM = f"{PROVIDER_ID}:importtable"
OSM_ALGORITHM = f"{PROVIDER_ID}:importosm"
POI_API_ALGORITHM = f"{PROVIDER_ID}:importpoiapi"
CLASSIFY_ALGORITHM = f"{PROVIDER_ID}:classifyfacilities"
FACILITIES = "facilities"
#: the services of importpoiapi's PROVIDER option, in its order
POI_PROVIDERS = tuple(PROVIDERS)
#: the key parameter each service's key is known by in its console
KEY_NAMES = {"amap": "key", "tencent": "key", "baidu": "ak", "tianditu": "tk"}
#: the Chinese-name column of the unclassified row (the column shows the categories' Chinese names)
UNCLASSIFIED_ZH = "未分类"


@dataclass(frozen=True)
class ImportJob:
    """One running import: what to call it, the `source` it records, and the value mapping of a type field."""

    title: str
    origin: str
    type_field: str = ""
    mapping: Optional[dict[str, Optional[str]]] = None


class FacilitiesPage(DockPage, load_form("facilities_page")):
    """Imports (spreadsheet, OSM, Amap, any layer) into the workspace `facilities` layer, counts and review."""

    ZH, EN, CLASS, COUNT = range(4)

    def _setup(self) -> None:
        """The option lists, the shrinkable combos, the counts table and the signals."""
        #: the user rules file the review writes and every import's classification reads
        self.rules_path: Path = user_rules_path()
        self.mapping_dialog: Optional[CategoryMappingDialog] = None
        self.mapping: Optional[dict[str, Optional[str]]] = None
        self.categories: tuple[Category, ...] = ()
        #: the place-search service address (empty: the service's own); a local mirror or a test server
        self.service_url = ""
        # importtable's ENCODING and COORD_SYSTEM options, defined once in core; only their wording is the page's
        self.encoding_combo.addItems([self.tr("Auto"), *ENCODING_LABELS[1:]])
        self.system_combo.addItems([*SYSTEM_LABELS, self.tr("Other (choose the CRS)")])
        self.system_combo.setCurrentIndex(1)
        for combo in (
            self.encoding_combo,
            self.x_combo,
            self.y_combo,
            self.system_combo,
            self.layer_combo,
            self.assign_combo,
        ):
            shrinkable_combo(combo)
        shrinkable_combo(self.type_combo).setAllowEmptyFieldName(True)
        self.layer_combo.setFilters(POINT_OR_POLYGON_LAYERS)
        self.type_combo.setLayer(self.layer_combo.currentLayer())
        fitting_table(self.counts_table, stretch=(self.EN,))
        self.save_rule_check.setToolTip(
            self.tr(
                "Also classify future imports with these names into the category (a name keyword in {path})."
            ).format(path=self.rules_path)
        )
        shrinkable_combo(self.provider_combo)
        self.provider_combo.addItems(
            [self.tr("Amap (高德)"), self.tr("Tencent (腾讯)"), self.tr("Baidu (百度)"), self.tr("Tianditu (天地图)")]
        )
        self._connect()
        self._provider_changed()
        self.load_categories()

    def title(self) -> str:
        """The title of the page's messages."""
        return self.tr("Facilities")

    def run_buttons(self) -> tuple[QWidget, ...]:
        """The buttons that start an import."""
        return (self.table_button, self.osm_button, self.overpass_button, self.amap_button, self.layer_button)

    def workspace_needed(self) -> str:
        """Why the page needs a workspace."""
        return self.tr("Create or open a workspace first: facilities are imported into it.")

    def _connect(self) -> None:
        self.table_file.fileChanged.connect(self._read_header)
        self.encoding_combo.currentIndexChanged.connect(lambda _index: self._read_header(self.table_file.filePath()))
        self.system_combo.currentIndexChanged.connect(lambda index: self.crs_widget.setEnabled(index == OTHER_SYSTEM))
        self.layer_combo.layerChanged.connect(self._layer_changed)
        self.type_combo.fieldChanged.connect(lambda _name: self._forget_mapping())
        self.table_button.clicked.connect(self.import_table)
        self.osm_button.clicked.connect(self.import_osm_file)
        self.overpass_button.clicked.connect(self.import_overpass)
        self.amap_button.clicked.connect(self.import_amap)
        self.provider_combo.currentIndexChanged.connect(lambda _index: self._provider_changed())
        self.auth_select.selectedConfigIdChanged.connect(self._key_chosen)
        self.keywords_edit.textChanged.connect(lambda _text: self.show_estimate())
        self.types_edit.textChanged.connect(lambda _text: self.show_estimate())
        self.canvas.extentsChanged.connect(self.show_estimate)
        self.map_button.clicked.connect(self.map_values)
        self.layer_button.clicked.connect(self.import_layer)
        self.unclassified_button.toggled.connect(self.show_unclassified)
        self.assign_button.clicked.connect(self.assign_selected)

    def load_categories(self) -> None:
        """Fill the category choices from the workspace's categories (or the bundled table) and refresh counts."""
        workspace = self.workspace()
        try:
            self.categories = workspace.categories if workspace is not None else tuple(load_categories())
        except FifteenMinError as error:
            self._error(error)
            return
        self.assign_combo.clear()
        for category in self.categories:
            self.assign_combo.addItem(f"{category.name_zh} · {category.name_en}", category.code)
        self.refresh_counts()
        self.show_estimate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Bring the categories and counts up to date whenever the page is shown."""
        super().showEvent(event)
        self.load_categories()

    # --- imports -------------------------------------------------------------------------------------------

    def _read_header(self, path: str) -> bool:
        """Offer the file's columns as X/Y choices, preselecting the guessed ones; False if it cannot be read."""
        for combo in (self.x_combo, self.y_combo):
            combo.clear()
        columns = self._table_columns(path, ENCODINGS[self.encoding_combo.currentIndex()])
        if columns is None:
            return False
        self.x_combo.addItems(["", *columns])
        self.y_combo.addItems(["", *columns])
        try:
            guess = coordinate_columns(columns)
        except TableError:
            return True
        self.x_combo.setCurrentIndex(guess.x + 1)
        self.y_combo.setCurrentIndex(0 if guess.y is None else guess.y + 1)
        return True

    def import_table(self) -> None:
        """Import the chosen spreadsheet, converting its coordinates to WGS84."""
        path = self.table_file.filePath()
        if not self._ready():
            return
        if not path:
            self._warn(self.tr("Choose the spreadsheet to import first."))
            return
        if not self.x_combo.count() and not self._read_header(path):
            return  # unreadable: the same sentence as when the file was chosen, which the bar shows only once
        system = self.system_combo.currentIndex()
        if system == OTHER_SYSTEM and not self.crs_widget.crs().isValid():
            self._warn(self.tr("Choose the coordinate reference system of the spreadsheet's coordinates."))
            return
        self._run(
            TABLE_ALGORITHM,
            {
                "INPUT": path,
                "X_FIELD": self.x_combo.currentText(),
                "Y_FIELD": self.y_combo.currentText(),
                "ENCODING": self.encoding_combo.currentIndex(),
                "COORD_SYSTEM": system,
                "SOURCE_CRS": self.crs_widget.crs() if system == OTHER_SYSTEM else None,
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            ImportJob(self.tr("Spreadsheet import"), f"table:{Path(path).name}"),
        )

    def import_osm_file(self) -> None:
        """Import the facilities of the chosen .osm/.pbf file."""
        path = self.osm_file.filePath()
        if not self._ready():
            return
        if not path:
            self._warn(self.tr("Choose the OpenStreetMap file (.osm or .pbf) first."))
            return
        self._run(
            OSM_ALGORITHM,
            {"INPUT": path, "RULES": self._rules(), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
            ImportJob(self.tr("OpenStreetMap import"), "osm"),
        )

    def import_overpass(self) -> None:
        """Download the OSM facilities inside the workspace circles from the Overpass API."""
        if not self._ready():
            return
        circles = self._circles()
        if circles is None:
            self._warn(self.tr("The workspace has no circles yet: draw or compute them on the Circles page first."))
            return
        self._run(
            OSM_ALGORITHM,
            {"CIRCLES": circles, "RULES": self._rules(), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
            ImportJob(self.tr("OpenStreetMap download"), "osm"),
        )

    def provider(self) -> str:
        """The chosen place-search service's name (amap, tencent, baidu, tianditu)."""
        return POI_PROVIDERS[max(0, self.provider_combo.currentIndex())]

    def _provider_changed(self) -> None:
        """Offer the service's remembered key, explain its Types, and refresh the key state and the estimate."""
        name = self.provider()
        self.auth_select.setConfigId(ApiKeys.remembered(name))
        types = {
            "amap": (self.tr("e.g. 060200|090601"), self.tr("Amap 6-digit type codes, several separated by |.")),
            "tencent": (self.tr("e.g. 便利店|超市"), self.tr("Tencent category words, sent as the category filter.")),
            "baidu": (
                self.tr("e.g. 超市|药店"),
                self.tr("Baidu tags; without keywords the first tag is what is searched for."),
            ),
            "tianditu": (self.tr("e.g. 便利店|幼儿园"), self.tr("Tianditu class names or codes (its data types).")),
        }
        placeholder, tip = types[name]
        self.types_edit.setPlaceholderText(placeholder)
        self.types_edit.setToolTip(tip)
        self.show_key_state()
        self.show_estimate()

    def _key_chosen(self, authcfg: str) -> None:
        """Remember the configuration for the chosen service (the dock's Tianditu basemap reads it too)."""
        ApiKeys.remember(self.provider(), authcfg)
        self.show_key_state()

    def show_key_state(self) -> None:
        """Whether the chosen configuration exists in the Authentication Manager: its name, never the key."""
        name = self.provider()
        authcfg = self.auth_select.configId()
        configs = QgsApplication.authManager().availableAuthMethodConfigs() if authcfg else {}
        if authcfg in configs:
            text = self.tr("Key: configured ({config}).").format(config=configs[authcfg].name())
        else:
            text = self.tr(
                "Key: missing. Add the service's {parameter} key as an authentication configuration (API Header, "
                "one header holding the key) and choose it above."
            ).format(parameter=KEY_NAMES[name])
        self.key_state_label.setText(text)

    def search_area(self) -> QgsGeometry:
        """The WGS84 rectangle the search will cover: around the workspace circles, else the map view."""
        circles = self._circles()
        if circles is not None:
            extent, crs = circles.extent(), circles.crs()
        else:
            extent, crs = self.canvas.extent(), self.canvas.mapSettings().destinationCrs()
        box = QgsGeometry.fromRect(extent)
        transform = QgsCoordinateTransform(
            crs, QgsCoordinateReferenceSystem("EPSG:4326"), self.project.transformContext()
        )
        try:
            if box.transform(transform) != Qgis.GeometryOperationResult.Success:
                return QgsGeometry()
        except QgsCsException:  # a view outside the transform's reach is not estimated
            return QgsGeometry()
        return QgsGeometry.fromRect(QgsRectangle(box.boundingBox()))

    def show_estimate(self) -> None:
        """A rough count of the requests the search will take, from the area, the terms and the service's paging."""
        terms = [part for text in (self.keywords_edit.text(), self.types_edit.text()) for part in text.split("|")]
        terms = [part for part in terms if part.strip()]
        area = self.search_area()
        measure = QgsDistanceArea()
        measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), self.project.transformContext())
        if not terms or area.isEmpty() or not measure.setEllipsoid("WGS84"):
            self.estimate_label.setText(self.tr("Give keywords or types to see how many requests the search takes."))
            return
        area_km2 = measure.measureArea(area) / 1e6
        provider = make_provider(self.provider())
        count = estimate_requests(provider, area_km2, len(terms))
        self.estimate_label.setText(
            self.tr(
                "About {count} requests (a rough estimate: {area:.1f} km², {terms} search terms, assuming "
                "{density:.0f} POIs per km² for each; {cap} results per cell at most, {page} per page)."
            ).format(
                count=count,
                area=area_km2,
                terms=len(terms),
                density=ASSUMED_DENSITY_PER_KM2,
                cap=provider.result_cap,
                page=provider.page_size,
            )
        )

    def import_amap(self) -> None:
        """Search the workspace circles (or the map view) with the chosen service's place search."""
        if not self._ready():
            return
        name = self.provider()
        if not self.auth_select.configId():
            self._warn(
                self.tr("Choose the authentication configuration holding the {service} key first.").format(
                    service=self.provider_combo.currentText()
                )
            )
            return
        if not (self.keywords_edit.text().strip() or self.types_edit.text().strip()):
            self._warn(self.tr("Give keywords or types to search for."))
            return
        parameters: dict[str, Any] = {
            "PROVIDER": POI_PROVIDERS.index(name),
            "AUTHCFG": self.auth_select.configId(),
            "KEYWORDS": self.keywords_edit.text().strip(),
            "TYPES": self.types_edit.text().strip(),
            "BASE_URL": self.service_url,
            "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
        }
        circles = self._circles()
        if circles is not None:
            parameters["AREA"] = circles
        else:
            parameters["EXTENT"] = QgsReferencedRectangle(
                self.canvas.extent(), self.canvas.mapSettings().destinationCrs()
            )
        title = self.tr("{service} import").format(service=self.provider_combo.currentText())
        self._run(POI_API_ALGORITHM, parameters, ImportJob(title, name))

    def _layer_changed(self, layer: Optional[QgsVectorLayer]) -> None:
        self.type_combo.setLayer(layer)
        self._forget_mapping()

    def _forget_mapping(self) -> None:
        self.mapping = None

    def map_values(self) -> None:
        """Open the table mapping each value of the type field to a category, prefilled with the rules' guess."""
        layer = self.layer_combo.currentLayer()
        type_field = self.type_combo.currentField()
        if layer is None or not type_field:
            self._warn(self.tr("Choose the layer and the field that holds the facility type first."))
            return
        try:
            values = value_counts(layer, type_field)
            guesses = guess_categories(type_field, [value for value, _ in values], user_classifier(self.rules_path))
        except FifteenMinError as error:
            self._error(error)
            return
        if self.mapping is not None:
            guesses.update(self.mapping)
        if self.mapping_dialog is not None:
            self.mapping_dialog.close()
        dialog = CategoryMappingDialog(type_field, values, guesses, self.categories, parent=self)
        dialog.accepted.connect(lambda: self._mapping_chosen(dialog))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.mapping_dialog = dialog
        dialog.open()

    def _mapping_chosen(self, dialog: CategoryMappingDialog) -> None:
        self.mapping = dialog.mapping()

    def _dialog_closed(self, dialog: CategoryMappingDialog) -> None:
        if self.mapping_dialog is dialog:
            self.mapping_dialog = None
        dialog.deleteLater()

    def import_layer(self) -> None:
        """Import the chosen layer; the type field's values get the mapped categories, the rest are classified."""
        layer = self.layer_combo.currentLayer()
        if not self._ready():
            return
        if layer is None:
            self._warn(self.tr("Choose the layer of facilities to import first."))
            return
        if layer is self._workspace_layer(FACILITIES, quiet=True):
            self._warn(self.tr("This is the workspace's own facilities layer; choose another layer to import."))
            return
        type_field = self.type_combo.currentField()
        self._run(
            CLASSIFY_ALGORITHM,
            {"INPUT": layer, "RULES": self._rules(), "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT},
            ImportJob(
                self.tr("Layer import"),
                f"layer:{layer.name()}",
                type_field if self.mapping is not None else "",
                self.mapping,
            ),
        )

    def _ready(self) -> bool:
        if self.runner.busy:
            self._warn(self.tr("An import is already running; wait for it or cancel it."))
            return False
        if self.workspace() is None:
            self._warn(self.tr("Create or open a workspace first: facilities are imported into it."))
            return False
        return True

    def _rules(self) -> Optional[str]:
        return str(self.rules_path) if self.rules_path.is_file() else None

    def _circles(self) -> Optional[QgsVectorLayer]:
        circles = self._workspace_layer("circles")
        return circles if circles is not None and circles.featureCount() > 0 else None

    def _run(self, algorithm_id: str, parameters: dict[str, Any], job: ImportJob) -> None:
        self.runner.run(
            algorithm_id, parameters, job.title, lambda context, results: self._append(context, results, job)
        )

    def _append(self, context: QgsProcessingContext, results: dict[str, Any], job: ImportJob) -> None:
        workspace = self.workspace()
        result = context.getMapLayer(results.get("OUTPUT", ""))
        if workspace is None:
            self._warn(self.tr("The workspace was closed during the import; nothing was added."))
            return
        if result is None:
            self._warn(self.tr("{title} gave no result; nothing was added.").format(title=job.title))
            return
        try:
            target = workspace.layer(FACILITIES)
            summary = append_facilities(
                result,
                target,
                self.project.transformContext(),
                job.origin,
                user_classifier(self.rules_path),
                Settings.load().dedup_tolerance_m,
                job.type_field,
                job.mapping,
            )
        except FifteenMinError as error:
            self._error(error)
            return
        shown = self._workspace_layer(FACILITIES, quiet=True)
        if shown is not None:
            shown.reload()
            shown.triggerRepaint()
        self.refresh_counts()
        text = self.tr(
            "{added} facilities added to “{layer}” ({title}); {merged} were already there from another source and "
            "now list both sources; {present} had been imported before."
        ).format(
            title=job.title,
            added=summary.added,
            merged=summary.merged,
            present=summary.already_present,
            layer=target.name(),
        )
        if summary.unclassified:
            text += " " + self.tr("{count} have no category yet: use Show unclassified to review them.").format(
                count=summary.unclassified
            )
        warnings = list(self.runner.warnings)
        if summary.without_location:
            warnings.append(
                self.tr("{count} rows skipped: they have no location that can be placed on the map.").format(
                    count=summary.without_location
                )
            )
        if summary.not_compared:
            warnings.append(
                self.tr(
                    "{count} facilities already in the workspace have a location that cannot be converted to "
                    "WGS84, so they were not checked for duplicates."
                ).format(count=summary.not_compared)
            )
        show_outcome(self.message_bar, self.title(), text, warnings)

    # --- counts and review ---------------------------------------------------------------------------------

    def refresh_counts(self) -> None:
        """Show the saved facilities per category (table order), then the unclassified."""
        workspace = self.workspace()
        self.counts_table.setRowCount(0)
        if workspace is None:
            return
        try:
            counts = category_counts(workspace.layer(FACILITIES))
        except FifteenMinError as error:
            self._error(error)
            return
        rows = [
            (category.name_zh, category.name_en, class_label(category.category_class), counts[category.code])
            for category in self.categories
            if counts[category.code]
        ]
        known = {category.code for category in self.categories}
        unknown = sum(count for code, count in counts.items() if code is not None and code not in known)
        if counts[None] + unknown:
            rows.append((UNCLASSIFIED_ZH, self.tr("Unclassified"), "", counts[None] + unknown))
        self.counts_table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if column == self.COUNT:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.counts_table.setItem(row, column, item)

    def show_unclassified(self, checked: bool) -> None:
        """Filter the facilities layer to those without a category (or show all again)."""
        layer = self._workspace_layer(FACILITIES)
        if layer is None:
            blocked = self.unclassified_button.blockSignals(True)
            self.unclassified_button.setChecked(False)
            self.unclassified_button.blockSignals(blocked)
            return
        if layer.setSubsetString(UNCLASSIFIED_EXPRESSION if checked else ""):
            layer.triggerRepaint()
            if checked:
                self._info(
                    self.tr("{count} facilities have no category. Select some, choose a category, then Assign.").format(
                        count=layer.featureCount()
                    )
                )
            return
        if checked:  # a layer being edited cannot be filtered: select them instead
            layer.selectByExpression(UNCLASSIFIED_EXPRESSION)
            self._info(
                self.tr("{count} facilities without a category are selected (the layer is being edited).").format(
                    count=layer.selectedFeatureCount()
                )
            )

    def assign_selected(self) -> None:
        """Give the selected facilities the chosen category; optionally save their names as rules."""
        layer = self._workspace_layer(FACILITIES)
        if layer is None:
            return
        fids = layer.selectedFeatureIds()
        code = self.assign_combo.currentData()
        category = next((category for category in self.categories if category.code == code), None)
        if not fids or category is None:
            self._warn(self.tr("Select the facilities (on the map or in the attribute table) and a category first."))
            return
        names = sorted({str(feature["name"]) for feature in layer.getSelectedFeatures() if feature["name"]})
        try:
            count = assign_category(layer, fids, category)
            saved = []
            if self.save_rule_check.isChecked():
                for name in names:
                    keyword = name_keyword(name)
                    if keyword:
                        rule = Rule(category.code, NAME_KEYWORD, keyword, 0, self.tr("assigned in the review"))
                        saved.append(save_user_rule(self.rules_path, rule, self.categories).pattern)
        except FifteenMinError as error:
            self._error(error)
            return
        text = self.tr("{count} facilities are now “{category}”. Save the layer edits to keep them.").format(
            count=count, category=category.name_zh
        )
        if saved:
            text += " " + self.tr("Future imports classify names containing {names} the same way ({path}).").format(
                names="、".join(saved), path=self.rules_path
            )
        elif self.save_rule_check.isChecked():
            text += " " + self.tr("No rule was saved: the selected facilities have no name.")
        show_message(self.message_bar, self.title(), text, Qgis.MessageLevel.Success, duration=8)

    # --- shared --------------------------------------------------------------------------------------------

    def _info(self, text: str) -> None:
        show_message(self.message_bar, self.title(), text, Qgis.MessageLevel.Info, duration=5)

    def teardown(self) -> None:
        """Cancel the import, close the mapping dialog and leave the canvas before the dock goes away."""
        self.cancel()
        if self.mapping_dialog is not None:
            self.mapping_dialog.close()
            self.mapping_dialog = None
        self.canvas.extentsChanged.disconnect(self.show_estimate)
