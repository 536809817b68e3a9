"""Choose a PostGIS workspace to create or open: a saved PostgreSQL connection and a schema.

The connections are QGIS's own (the connections API); their credentials stay in the Auth Manager.
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QDialog, QWidget

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.workspace.postgis import PostgisLocation, saved_connections, workspace_schemas
from fifteen_min_plugin.gui.forms import load_form

CREATE = "create"
OPEN = "open"


class PostgisWorkspaceDialog(QDialog, load_form("postgis_dialog")):
    """Pick a saved connection and a schema; `choice()` then says whether to create or open which location."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self._action = ""
        self.connectionCombo.addItems(saved_connections())
        self.connectionCombo.currentTextChanged.connect(self._list_schemas)
        self.createButton.clicked.connect(lambda: self._finish(CREATE))
        self.openButton.clicked.connect(lambda: self._finish(OPEN))
        self.cancelButton.clicked.connect(self.reject)
        self._list_schemas()

    def connection_name(self) -> str:
        """The chosen saved connection ("" when QGIS has none)."""
        return self.connectionCombo.currentText()

    def _list_schemas(self, *_args: object) -> None:
        """Offer the connection's existing workspaces; say why when the server cannot be asked."""
        typed = self.schemaCombo.currentText()
        self.schemaCombo.clear()
        name = self.connection_name()
        if not name:
            self.stateLabel.setText(
                self.tr("QGIS has no saved PostgreSQL connection yet: add one in the Data Source Manager (PostgreSQL).")
            )
            self._enable(False)
            return
        self._enable(True)
        try:
            schemas = workspace_schemas(name)
        except FifteenMinError as error:
            self.stateLabel.setText(error.message)
            schemas = []
        else:
            self.stateLabel.setText(
                self.tr("Workspaces on this connection: {count}.").format(count=len(schemas))
                if schemas
                else self.tr("No workspace on this connection yet: type a schema name and create one.")
            )
        self.schemaCombo.addItems(schemas)
        self.schemaCombo.setEditText(typed or (schemas[0] if schemas else ""))

    def _enable(self, enabled: bool) -> None:
        self.createButton.setEnabled(enabled)
        self.openButton.setEnabled(enabled)

    def _finish(self, action: str) -> None:
        location = self.location()
        try:
            location.check()
        except FifteenMinError as error:
            self.stateLabel.setText(error.message)
            return
        self._action = action
        self.accept()

    def location(self) -> PostgisLocation:
        """The chosen connection and schema."""
        return PostgisLocation(schema=self.schemaCombo.currentText().strip(), connection=self.connection_name())

    def choice(self) -> tuple[str, PostgisLocation]:
        """("create" or "open", the location) after the dialog was accepted."""
        return self._action, self.location()
