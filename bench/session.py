"""A headless QGIS with Processing and the plugin's provider, for the benchmarks."""

from __future__ import annotations

import sys
from pathlib import Path

#: the QgsApplication and the provider: dropping the last Python reference would destroy them mid-run
_KEEP_ALIVE: list = []


def processing_session():
    """Start (or reuse) QGIS, initialise Processing, register `fifteenmin`; return the `processing` module."""
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
        _KEEP_ALIVE.append(app)
    plugins = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing
    from qgis import processing

    Processing.initialize()
    from fifteen_min_plugin.processing.provider import FifteenMinProvider

    if QgsApplication.processingRegistry().providerById("fifteenmin") is None:
        provider = FifteenMinProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _KEEP_ALIVE.append(provider)
    return processing
