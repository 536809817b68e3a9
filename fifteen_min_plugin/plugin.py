"""Wiring between QGIS and the plugin: actions, menu, dock, options page, provider, translator."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QToolBar

from fifteen_min_plugin.__about__ import RESOURCES_DIR
from fifteen_min_plugin.core.dependencies import MissingDependency, missing_dependencies, missing_message
from fifteen_min_plugin.core.language import catalogue_path
from fifteen_min_plugin.processing.provider import FifteenMinProvider


class FifteenMinPlugin:
    """The object QGIS creates from classFactory; initGui and unload mirror each other."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: FifteenMinProvider | None = None
        self.translator: QTranslator | None = None
        self.toolbar: QToolBar | None = None
        self.actions: list[QAction] = []
        self.dock = None
        self.options_factory = None
        self.missing: list[MissingDependency] = []
        self._install_translator()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in this class's context."""
        return QCoreApplication.translate("FifteenMinPlugin", text)

    @property
    def menu_name(self) -> str:
        """The entry under the Plugins menu."""
        return self.tr("15-Minute Living Circle")

    def _install_translator(self) -> None:
        path = catalogue_path()
        if path is None:
            return
        translator = QTranslator()
        if translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator

    def initProcessing(self) -> None:  # noqa: N802 - QGIS API
        """Register the `fifteenmin` provider (also called by qgis_process)."""
        if self.provider is None:
            self.provider = FifteenMinProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 - QGIS API
        """Create toolbar, menu, dock and options page; report missing packages."""
        from fifteen_min_plugin.gui.dock import FifteenMinDock
        from fifteen_min_plugin.gui.options_page import FifteenMinOptionsFactory

        self.initProcessing()
        self.missing = missing_dependencies()

        self.toolbar = self.iface.addToolBar(self.tr("15-Minute Living Circle"))
        self.toolbar.setObjectName("FifteenMinToolbar")

        self.dock = FifteenMinDock(
            canvas=self.iface.mapCanvas(),
            message_bar=self.iface.messageBar(),
            missing=self.missing,
            parent=self.iface.mainWindow(),
        )
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()

        toggle = self.dock.toggleViewAction()
        toggle.setIcon(QIcon(str(RESOURCES_DIR / "icons" / "plugin.svg")))
        toggle.setText(self.tr("Living circle panel"))
        toggle.setToolTip(self.tr("Show or hide the 15-minute living circle panel"))
        self._add_action(toggle, owned=False)
        for page, names in (("circles", ("circle_action", "polygon_action")), ("assets", ("flag_action",))):
            if self.dock.page(page) is not None:
                for name in names:
                    self._add_action(getattr(self.dock.page(page), name), owned=False)

        self.options_factory = FifteenMinOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        if self.missing:
            self.iface.messageBar().pushMessage(
                self.tr("15-Minute Living Circle"), missing_message(self.missing), level=Qgis.MessageLevel.Critical
            )

    def _add_action(self, action: QAction, owned: bool = True) -> None:
        self.toolbar.addAction(action)
        self.iface.addPluginToMenu(self.menu_name, action)
        self.actions.append(action)
        if owned:
            action.setParent(self.iface.mainWindow())

    def unload(self) -> None:
        """Remove everything initGui and initProcessing added."""
        for action in self.actions:
            self.iface.removePluginMenu(self.menu_name, action)
            self.iface.removeToolBarIcon(action)
        self.actions = []
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.dock is not None:
            self.dock.teardown()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.setParent(None)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
