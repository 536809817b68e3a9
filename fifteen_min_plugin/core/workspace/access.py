"""Whether the user may change a workspace: a read-only database role or a read-only file gets a sentence.

On PostGIS the rights are asked of the server (``has_table_privilege`` for the current role); a GeoPackage is
read-only when QGIS cannot open its file for writing. Pages hide their edit buttons and show the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Optional

from qgis.core import (
    QgsDataSourceUri,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorDataProvider,
    QgsVectorLayer,
)

from fifteen_min_plugin.core.language import Messages

_EDITING = (QgsVectorDataProvider.Capability.AddFeatures, QgsVectorDataProvider.Capability.ChangeAttributeValues)


class AccessMessages(Messages):
    """Translation context of this module's sentences."""


def _pg_rights(layer: QgsVectorLayer) -> tuple[str, bool]:
    """(current role, whether it may insert into and update the layer's table), asked of the server."""
    uri = QgsDataSourceUri(layer.source())
    table = f'"{uri.schema()}"."{uri.table()}"'.replace("'", "''")
    connection = QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(layer.source(), {})
    rows = connection.executeSql(
        f"SELECT current_user, has_table_privilege(current_user, '{table}', 'INSERT') "
        f"AND has_table_privilege(current_user, '{table}', 'UPDATE')"
    )
    role, allowed = rows[0]
    return str(role), bool(allowed)


def read_only_reason(layers: Sequence[QgsVectorLayer]) -> Optional[str]:
    """A sentence saying why the user cannot change `layers` (workspace layers), or None when they can."""
    for layer in layers:
        if layer is None or not layer.isValid():
            continue
        if layer.providerType() == "postgres":
            try:
                role, allowed = _pg_rights(layer)
            except QgsProviderConnectionException:
                continue
            if not allowed:
                return AccessMessages.tr(
                    "You can see this workspace but not change it: your database role “{role}” has no right to edit "
                    "“{layer}”. Ask the workspace's administrator for the editor role."
                ).format(role=role, layer=layer.name())
        elif not all(layer.dataProvider().capabilities() & capability for capability in _EDITING):
            return AccessMessages.tr(
                "You can see this workspace but not change it: its file is read-only for you. Ask for write access, "
                "or save a copy of the file and work on that."
            )
    return None
