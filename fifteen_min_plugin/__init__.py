"""QGIS entry point of the 15-Minute Living Circle plugin."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Return the plugin instance QGIS asks for."""
    from fifteen_min_plugin.plugin import FifteenMinPlugin

    return FifteenMinPlugin(iface)
