"""The plugin's dock panel: workspace controls and one page per workflow step."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.dependencies import REQUIREMENTS, MissingDependency, install_command
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.poi_api.keys import ApiKeys
from fifteen_min_plugin.core.labels import join_labels
from fifteen_min_plugin.core.language import is_chinese
from fifteen_min_plugin.core.report.basemap import (
    Basemap,
    add_to_project,
    project_basemap,
    register_key,
    remove_from_project,
    unregister_keys,
)
from fifteen_min_plugin.core.workspace.concurrency import version_guard
from fifteen_min_plugin.core.workspace.project_memory import ProjectWorkspace, adopt_layers, claim_group, read_project
from fifteen_min_plugin.core.workspace.workspace import Location, Workspace
from fifteen_min_plugin.gui.forms import install_flows, load_form
from fifteen_min_plugin.gui.messages import show_error, show_message

_FORM = load_form("dock")

GPKG_FILTER = "GeoPackage (*.gpkg)"
#: narrower than this, the pages' buttons and tables are cut off
MINIMUM_WIDTH = 440

#: tab object name -> packages the page's tools cannot run without (checked at load; the tab is disabled)
PAGE_REQUIREMENTS: dict[str, frozenset[str]] = {
    "circlesPage": frozenset({"numpy", "scipy", "shapely"}),
    "facilitiesPage": frozenset({"numpy", "pyproj", "requests"}),
    "analysisPage": frozenset({"numpy", "scipy", "shapely"}),
    "assetsPage": frozenset({"numpy", "shapely"}),
    "planPage": frozenset({"numpy"}),
}

#: dock attribute, tab object name, layout in dock.ui, module in fifteen_min_plugin.gui, page class
PAGES: tuple[tuple[str, str, str, str, str], ...] = (
    ("circles", "circlesPage", "circlesLayout", "circles_page", "CirclesPage"),
    ("facilities", "facilitiesPage", "facilitiesLayout", "facilities_page", "FacilitiesPage"),
    ("analysis", "analysisPage", "analysisLayout", "analysis_page", "AnalysisPage"),
    ("assets", "assetsPage", "assetsLayout", "assets_page", "AssetsPage"),
    ("plan", "planPage", "planLayout", "plan_page", "PlanPage"),
)


def _embed(layout: QVBoxLayout, page: QWidget) -> None:
    """Put a page under its purpose label, scrollable: docks are narrow and pages are long."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(page)
    layout.insertWidget(1, scroll, 1)


def _missing_from_names(names: set[str] | frozenset[str]) -> list[MissingDependency]:
    """The missing packages known only by module name, with their install hints."""
    return [MissingDependency(name, REQUIREMENTS[name][0], "") for name in sorted(names) if name in REQUIREMENTS]


#: marks a VersionGuard whose refusals the dock already shows
_WATCHED = "fifteenmin_watched"


class FifteenMinDock(QgsDockWidget):
    """Dock panel; receives its collaborators, never reaches for `iface`."""

    def __init__(
        self,
        canvas: QgsMapCanvas,
        message_bar: QgsMessageBar,
        missing_modules: set[str] | frozenset[str] = frozenset(),
        project: QgsProject | None = None,
        parent: QWidget | None = None,
        missing: Sequence[MissingDependency] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("FifteenMinDock")
        self.setMinimumWidth(MINIMUM_WIDTH)
        self.setWindowTitle(self.tr("15-Minute Living Circle"))
        self.canvas = canvas
        self.message_bar = message_bar
        self.missing = list(missing) or _missing_from_names(missing_modules)
        self.missing_modules = frozenset(missing_modules) | {item.module for item in self.missing}
        self.project = project or QgsProject.instance()
        self.workspace: Workspace | None = None

        self.ui = _FORM()
        body = QWidget(self)
        self.ui.setupUi(body)
        self.setWidget(body)
        install_flows(body)
        # a long workspace path cannot wrap: it may be cut on the right rather than widen the dock
        self.ui.workspaceLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.pages: dict[str, QWidget] = {}
        self.dependency_banner: QFrame | None = None
        for attribute, tab, layout, module, class_name in PAGES:
            page = self._load_page(tab, module, class_name)
            if page is not None:
                _embed(getattr(self.ui, layout), page)
                self.pages[attribute] = page
        self._show_dependency_banner()
        self.workspace_choice: QFrame | None = None
        self._connect()
        self._restore_from_project()

    def _connect(self) -> None:
        self.ui.newWorkspaceButton.clicked.connect(self._ask_new_workspace)
        self.ui.openWorkspaceButton.clicked.connect(self._ask_open_workspace)
        self.ui.postgisWorkspaceButton.clicked.connect(self._ask_postgis_workspace)
        self.ui.helpButton.clicked.connect(self.open_help)
        menu = QMenu(self.ui.basemapButton)
        for style, text in (("vec", self.tr("Tianditu vector")), ("img", self.tr("Tianditu imagery"))):
            menu.addAction(text).triggered.connect(lambda _checked=False, style=style: self.show_basemap(style))
        menu.addAction(self.tr("No basemap")).triggered.connect(lambda _checked=False: self.show_basemap(""))
        self.ui.basemapButton.setMenu(menu)
        self.project.readProject.connect(self._restore_from_project)
        self.project.readProject.connect(self._restore_basemap)
        self.project.cleared.connect(self._forget_workspace)
        self.project.writeProject.connect(self._remember_relative)
        self.project.layersAdded.connect(self._watch_versions)

    def _load_page(self, tab: str, module: str, class_name: str) -> QWidget | None:
        """The page widget, or None (tab disabled, with the reason) when a package its tools need is missing."""
        lacking = ", ".join(sorted(PAGE_REQUIREMENTS[tab] & self.missing_modules))
        if not lacking:
            try:
                page_class = getattr(importlib.import_module(f"fifteen_min_plugin.gui.{module}"), class_name)
            except ModuleNotFoundError as error:
                if error.name not in REQUIREMENTS:
                    raise
                lacking = error.name
        if lacking:
            pages = self.ui.pages
            index = pages.indexOf(pages.findChild(QWidget, tab))
            pages.widget(index).setEnabled(False)
            pages.setTabToolTip(index, self.tr("Disabled: install the Python packages {names}").format(names=lacking))
            return None
        return page_class(
            canvas=self.canvas,
            message_bar=self.message_bar,
            workspace=lambda: self.workspace,
            project=self.project,
            parent=self.widget(),
        )

    def _show_dependency_banner(self) -> None:
        """One banner at the top of the dock: which pages are off, why, and the command that fixes it."""
        if not self.missing:
            return
        pages = self.ui.pages
        disabled = [pages.tabText(index) for index in range(pages.count()) if not pages.widget(index).isEnabled()]
        names = ", ".join(
            item.module if not item.found else f"{item.module} {item.found} (< {item.requirement})"
            for item in self.missing
        )
        banner = QFrame()
        banner.setObjectName("dependencyBanner")
        banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner.setStyleSheet("#dependencyBanner { background: #fff4e5; border: 1px solid #e6a23c; }")
        text = QLabel(
            self.tr(
                "The pages {pages} are turned off: the Python packages {names} are missing. "
                "Run this command, then restart QGIS:"
            ).format(pages=join_labels(disabled), names=names)
            if disabled
            else self.tr("The Python packages {names} are missing. Run this command, then restart QGIS:").format(
                names=names
            )
        )
        text.setWordWrap(True)
        command = QLineEdit(install_command(self.missing))
        command.setReadOnly(True)
        command.setCursorPosition(0)
        command.setToolTip(command.text())
        copy = QPushButton(self.tr("Copy"))
        copy.setToolTip(self.tr("Copy the install command to the clipboard"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(command.text()))
        row = QHBoxLayout()
        row.addWidget(command, 1)
        row.addWidget(copy)
        layout = QVBoxLayout(banner)
        layout.addWidget(text)
        layout.addLayout(row)
        self.ui.mainLayout.insertWidget(0, banner)
        self.dependency_banner = banner
        self.install_command_edit = command
        self.copy_command_button = copy

    def page(self, name: str) -> QWidget | None:
        """The page called `name` (circles, facilities, analysis, assets, plan), None when disabled."""
        return self.pages.get(name)

    def teardown(self) -> None:
        """Disconnect from long-lived objects before the dock is removed."""
        for page in self.pages.values():
            page.teardown()
        self.project.readProject.disconnect(self._restore_from_project)
        self.project.cleared.disconnect(self._forget_workspace)
        self.project.writeProject.disconnect(self._remember_relative)
        self.project.layersAdded.disconnect(self._watch_versions)
        self.project.readProject.disconnect(self._restore_basemap)
        unregister_keys()

    def show_basemap(self, style: str) -> None:
        """Put the Tianditu basemap `style` (vec or img) under the project's layers, or remove it ("")."""
        if not style:
            remove_from_project(self.project)
            return
        authcfg = ApiKeys.remembered("tianditu")
        if not authcfg:
            show_message(
                self.message_bar,
                self.tr("Basemap"),
                self.tr(
                    "Choose the Tianditu key first: on the Facilities page pick Tianditu as the service and the "
                    "authentication configuration holding its tk key."
                ),
            )
            return
        try:
            add_to_project(self.project, Basemap(style, authcfg))
        except FifteenMinError as error:
            show_error(self.message_bar, self.tr("Basemap"), error)

    def _restore_basemap(self, _document: object = None) -> None:
        """A project saved with the Tianditu basemap: let its tile requests carry the key again."""
        basemap = project_basemap(self.project)
        if basemap is None:
            return
        try:
            register_key(basemap)
        except FifteenMinError as error:
            show_error(self.message_bar, self.tr("Basemap"), error)

    def help_url(self) -> QUrl:
        """The bundled user guide, at the section in the interface language."""
        url = QUrl.fromLocalFile(str(RESOURCES_DIR / "help" / "index.html"))
        url.setFragment("zh" if is_chinese() else "en")
        return url

    def open_help(self) -> None:
        """Open the user guide in the system browser."""
        QDesktopServices.openUrl(self.help_url())

    def _forget_workspace(self) -> None:
        self._set_workspace(None)

    def _ask_new_workspace(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), "", GPKG_FILTER)
        if path:
            self.new_workspace(path if path.lower().endswith(".gpkg") else f"{path}.gpkg")

    def _ask_open_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), "", GPKG_FILTER)
        if path:
            self.open_workspace(path)

    def _ask_postgis_workspace(self) -> None:
        from fifteen_min_plugin.gui.postgis_dialog import CREATE, PostgisWorkspaceDialog

        dialog = PostgisWorkspaceDialog(self)
        if dialog.exec():
            action, location = dialog.choice()
            (self.new_workspace if action == CREATE else self.open_workspace)(location)

    def new_workspace(self, path: Location) -> Workspace | None:
        """Create a workspace at `path` (a GeoPackage or a PostGIS location), add its layers and make it current."""
        return self._activate(lambda: Workspace.create(path), self.tr("Workspace created"))

    def open_workspace(self, path: Location) -> Workspace | None:
        """Open (and if needed upgrade) the workspace at `path` and make it current."""
        return self._activate(lambda: Workspace.open(path), self.tr("Workspace opened"))

    def _watch_versions(self, layers: Sequence[QgsMapLayer]) -> None:
        """Say on the message bar why a commit of a workspace layer was refused (another editor changed a row)."""
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer):
                continue
            guard = version_guard(layer)
            if guard is None and self.workspace is not None:
                guard = self.workspace.guard(layer)
            if guard is not None and not guard.property(_WATCHED):
                guard.refused.connect(lambda text: show_message(self.message_bar, self.tr("Workspace"), text))
                guard.setProperty(_WATCHED, True)

    def _activate(self, make, success: str) -> Workspace | None:
        try:
            workspace = make()
            workspace.add_to_project(self.project)
        except FifteenMinError as error:
            show_error(self.message_bar, self.tr("Workspace"), error)
            return None
        self._set_workspace(workspace)
        workspace.remember_in(self.project)
        message = f"{success}: {workspace.path}"
        if workspace.upgrades:
            added = ", ".join(f"{a.layer}.{a.field}" if a.field else a.layer for a in workspace.upgrades)
            message += " " + self.tr("Upgraded to the current schema; added: {added}.").format(added=added)
        for note in workspace.notes:  # what the upgrade did to existing rows
            message += f" {note}"
        show_message(self.message_bar, self.tr("Workspace"), message, Qgis.MessageLevel.Success)
        return workspace

    def _set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self._watch_versions(list(self.project.mapLayers().values()))
        for name in ("analysis", "assets", "plan"):
            if name in self.pages:
                self.pages[name].refresh()
        if workspace is None:
            self.ui.workspaceLabel.setText(self.tr("No workspace open. Create one or open an existing GeoPackage."))
        else:
            self.ui.workspaceLabel.setText(self.tr("Workspace: {path}").format(path=workspace.path))

    def _remember_relative(self, _document: object = None) -> None:
        """The project is being saved: store the workspace relative to its file, as QGIS does for layer sources."""
        if self.workspace is not None and self.project.fileName():
            self.workspace.remember_in(self.project)

    def _restore_from_project(self) -> None:
        self._drop_workspace_choice()
        state = read_project(self.project)
        if state.postgis is not None:
            self._use_workspace(state.postgis, state)
        elif state.remembered is None:
            self._set_workspace(None)
        elif not state.remembered.exists() and state.layer_files:
            self._use_workspace(state.layer_files[0], state)
        elif state.conflict is not None:
            self._set_workspace(None)
            self._ask_workspace_choice(state)
        else:
            self._use_workspace(state.remembered, state)

    def _use_workspace(self, path: Location, state: ProjectWorkspace) -> Workspace | None:
        """Open `path` as the project's workspace; the project's layers on another workspace are pointed at it."""
        self._drop_workspace_choice()
        try:
            workspace = Workspace.open(path)
        except FifteenMinError as error:
            self._set_workspace(None)
            show_error(self.message_bar, self.tr("Workspace"), error)
            return None
        others = tuple(other for other in (state.remembered, *state.layer_files) if other is not None and other != path)
        adopt_layers(self.project, workspace, others)
        if state.remembered is None or state.remembered != path or others:
            workspace.remember_in(self.project)
        claim_group(self.project, workspace)
        self._set_workspace(workspace)
        return workspace

    def _ask_workspace_choice(self, state: ProjectWorkspace) -> None:
        """Say that the project's layers and its remembered workspace differ, and offer both; nothing is written."""
        text = self.tr(
            "This project remembers the workspace {remembered}, but its layers read {layers}. "
            "Which one should the plugin write to? The project's layers are then pointed at it."
        ).format(remembered=state.remembered, layers=state.conflict)
        show_message(self.message_bar, self.tr("Workspace"), text, Qgis.MessageLevel.Warning)
        frame = QFrame()
        frame.setObjectName("workspaceChoice")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(text)
        label.setWordWrap(True)
        self.use_layers_button = QPushButton(self.tr("Use the layers' workspace"))
        self.use_layers_button.setToolTip(str(state.conflict))
        self.use_layers_button.clicked.connect(lambda: self._use_workspace(state.conflict, state))
        self.use_remembered_button = QPushButton(self.tr("Use the remembered workspace"))
        self.use_remembered_button.setToolTip(str(state.remembered))
        self.use_remembered_button.clicked.connect(lambda: self._use_workspace(state.remembered, state))
        layout = QVBoxLayout(frame)
        layout.addWidget(label)
        layout.addWidget(self.use_layers_button)
        layout.addWidget(self.use_remembered_button)
        self.ui.workspaceLayout.insertWidget(1, frame)
        self.workspace_choice = frame

    def _drop_workspace_choice(self) -> None:
        if self.workspace_choice is not None:
            self.workspace_choice.setParent(None)
            self.workspace_choice.deleteLater()
            self.workspace_choice = None
