"""What every dock page shares: its widgets from a .ui file, one Processing run at a time, one message title.

A page class derives from `DockPage` and from the form class `load_form("<name>")` returns for
`resources/ui/<name>.ui` (see gui/forms.py), so the .ui's object names are the page's attributes. The .ui
holds `progress` (a QProgressBar) and `cancel_button`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Optional

from qgis.core import Qgis, QgsMapLayerProxyModel, QgsProcessingAlgRunnerTask, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtWidgets import QWidget

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.table_reader import TableError, TableReader
from fifteen_min_plugin.core.workspace.workspace import Workspace
from fifteen_min_plugin.gui.forms import install_flows
from fifteen_min_plugin.gui.messages import show_error, show_message
from fifteen_min_plugin.gui.processing_runner import ProcessingRunner

# layer-combo filters (the enum moved to Qgis.LayerFilter in QGIS 3.34)
if hasattr(Qgis, "LayerFilter"):
    POINT_OR_POLYGON_LAYERS = Qgis.LayerFilter.PointLayer | Qgis.LayerFilter.PolygonLayer
    LINE_LAYERS = Qgis.LayerFilter.LineLayer
else:  # QGIS < 3.34
    POINT_OR_POLYGON_LAYERS = QgsMapLayerProxyModel.Filter.PointLayer | QgsMapLayerProxyModel.Filter.PolygonLayer
    LINE_LAYERS = QgsMapLayerProxyModel.Filter.LineLayer


class DockPage(QWidget):
    """A dock page: its collaborators, its form, a ProcessingRunner and the run/cancel/message plumbing.

    A subclass also derives from its form class, builds the rest of itself in `_setup()` (called at the end of
    construction, so every page takes the same collaborators), names its message title in `title()` and its
    run buttons in `run_buttons()`; they are disabled while a computation runs.
    """

    def __init__(
        self,
        canvas: QgsMapCanvas,
        message_bar: QgsMessageBar,
        workspace: Callable[[], Optional[Workspace]],
        project: Optional[QgsProject] = None,
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.message_bar = message_bar
        self.workspace = workspace
        self.project = project or QgsProject.instance()
        self.setupUi(self)
        install_flows(self)
        self.progress.setRange(0, 100)
        self.runner = ProcessingRunner(self.project, self.progress, self._set_running, self._warn, self)
        self.cancel_button.clicked.connect(self.cancel)
        self._set_running(False)
        self._setup()

    def _setup(self) -> None:
        """The page's own part of construction: what its form cannot say, and its signals."""

    def title(self) -> str:
        """The title of the page's messages (a subclass returns its own, translated in its own context)."""
        raise NotImplementedError

    def run_buttons(self) -> Sequence[QWidget]:
        """The widgets that start work: disabled while a computation runs."""
        return ()

    @property
    def task(self) -> Optional[QgsProcessingAlgRunnerTask]:
        """The background task running now, if any."""
        return self.runner.task

    def cancel(self) -> None:
        """Stop the running computation; nothing is written."""
        self.runner.cancel()

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.cancel_button.setVisible(running)
        for button in self.run_buttons():
            button.setEnabled(not running)

    def workspace_needed(self) -> str:
        """What to tell a user who runs the page's tools with no workspace open."""
        raise NotImplementedError

    def _workspace_layer(self, name: str, quiet: bool = False) -> Optional[QgsVectorLayer]:
        """The project's layer on a workspace table (added if missing); None and a warning without a workspace."""
        workspace = self.workspace()
        if workspace is None:
            if not quiet:
                self._warn(self.workspace_needed())
            return None
        try:
            layers = dict(zip(workspace.layer_names(), workspace.add_to_project(self.project)))
        except FifteenMinError as error:
            if not quiet:
                self._error(error)
            return None
        return layers.get(name)

    def _table_columns(self, path: str, encoding: str) -> Optional[list[str]]:
        """The column names of the table (CSV or Excel) at `path`; None without a path or if it cannot be read."""
        if not path:
            return None
        try:
            with TableReader(path, encoding) as reader:
                return list(reader.columns)
        except TableError as error:
            self._error(error)
            return None

    def _warn(self, text: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Warning, details: str = "") -> None:
        show_message(self.message_bar, self.title(), text, level, details)

    def _error(self, error: FifteenMinError) -> None:
        show_error(self.message_bar, self.title(), error)
