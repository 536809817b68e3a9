"""The `fifteenmin` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from fifteen_min_plugin.__about__ import PROVIDER_ID, RESOURCES_DIR, __version__
from fifteen_min_plugin.processing.registry import algorithm_classes


class FifteenMinProvider(QgsProcessingProvider):
    """Registers every algorithm of the plugin under the id `fifteenmin`."""

    def id(self) -> str:  # noqa: D102
        return PROVIDER_ID

    def name(self) -> str:  # noqa: D102
        return QCoreApplication.translate("FifteenMinProvider", "15-Minute Living Circle")

    def longName(self) -> str:  # noqa: D102, N802
        return f"{self.name()} {__version__}"

    def icon(self) -> QIcon:  # noqa: D102
        return QIcon(str(RESOURCES_DIR / "icons" / "plugin.svg"))

    def loadAlgorithms(self) -> None:  # noqa: D102, N802
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
