"""A Processing feedback for tests that keeps what an algorithm or a core function told it, to read it back."""

from __future__ import annotations

from qgis.core import QgsProcessingFeedback


class RecordingFeedback(QgsProcessingFeedback):
    """A real feedback that also keeps every text: all in `lines` in order, and by kind in `infos`, `warnings`
    and `errors` (debug texts are only in `lines`). The texts still reach QGIS's own feedback log."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.infos: list[str] = []
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def pushInfo(self, info: str) -> None:
        self.lines.append(info)
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:
        self.lines.append(warning)
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushDebugInfo(self, info: str) -> None:
        self.lines.append(info)
        super().pushDebugInfo(info)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803
        self.lines.append(error)
        self.errors.append(error)
        super().reportError(error, fatalError)
