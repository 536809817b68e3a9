"""One Processing run at a time for a dock page: a background task with progress, Cancel and a clear outcome."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtWidgets import QProgressBar

from fifteen_min_plugin.core.errors import FifteenMinError

_NO_THREADING = (
    Qgis.ProcessingAlgorithmFlag.NoThreading
    if hasattr(Qgis, "ProcessingAlgorithmFlag")
    else QgsProcessingAlgorithm.Flag.FlagNoThreading  # QGIS < 3.36
)

#: what a page does with a successful run: read the results, write them, say so (a FifteenMinError is shown)
Done = Callable[[QgsProcessingContext, dict[str, Any]], None]


class RunFeedback(QgsProcessingFeedback):
    """Feedback that also keeps the warnings of the run (rows skipped and the like), in order."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, warning: str) -> None:  # noqa: D102, N802
        self.warnings.append(warning)
        super().pushWarning(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: D102, N802, N803
        self.warnings.append(error)
        super().reportError(error, fatalError)


class ProcessingRunner(QObject):
    """Runs a page's algorithms one at a time and tells the page how each run ended.

    The page shows messages through `say` (text, level, details), enables or disables its buttons through
    `running`, and receives the context and results of a successful run in the `done` it passes to `run`;
    there `warnings` holds what the run warned about (summary sentence first), for the page's message. A
    cancelled or failed run is reported here, with the run's log as details, and `done` is not called.
    """

    def __init__(
        self,
        project: QgsProject,
        progress: QProgressBar,
        running: Callable[[bool], None],
        say: Callable[[str, Qgis.MessageLevel, str], None],
        parent: Optional[QObject] = None,
    ) -> None:
        super().__init__(parent)
        self.project, self.progress, self.running, self.say = project, progress, running, say
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self._state: Optional[tuple[QgsProcessingContext, RunFeedback]] = None
        #: the warnings of the run that ended last
        self.warnings: tuple[str, ...] = ()

    @property
    def busy(self) -> bool:
        """Whether a run has started and not yet ended."""
        return self._state is not None

    def idle(self) -> bool:
        """True when no run is going on; otherwise say so and return False."""
        if self.busy:
            self.say(
                self.tr("A computation is already running; wait for it or cancel it."), Qgis.MessageLevel.Warning, ""
            )
            return False
        return True

    def cancel(self) -> None:
        """Stop the running task; the run then ends as cancelled."""
        if self.task is not None:
            self.task.cancel()

    def run(self, algorithm_id: str, parameters: dict[str, Any], title: str, done: Done) -> None:
        """Start `algorithm_id` in the background (on the main thread if it cannot run in a thread)."""
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            self.say(
                self.tr(
                    "The tool “{title}” ({id}) is not available in this installation; update the plugin or check "
                    "that its Processing provider is enabled. Nothing was computed."
                ).format(title=title, id=algorithm_id),
                Qgis.MessageLevel.Warning,
                "",
            )
            return
        context = QgsProcessingContext()
        context.setProject(self.project)
        feedback = RunFeedback()
        feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self._state = (context, feedback)
        self.running(True)
        if algorithm.flags() & _NO_THREADING:  # e.g. layouts: must run on the main thread, so it blocks
            results, ok = algorithm.run(parameters, context, feedback)
            self._finished(ok, results, title, done)
            return
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        task.executed.connect(lambda ok, results: self._finished(ok, results, title, done))
        self.task = task
        QgsApplication.taskManager().addTask(task)

    def _finished(self, ok: bool, results: dict[str, Any], title: str, done: Done) -> None:
        context, feedback = self._state
        self.task = None
        self._state = None
        self.warnings = tuple(feedback.warnings)
        self.running(False)
        if feedback.isCanceled():
            self.say(
                self.tr("{title}: cancelled; nothing was written.").format(title=title), Qgis.MessageLevel.Info, ""
            )
            return
        if not ok:
            log = [line for line in feedback.textLog().splitlines() if line.strip()]
            nothing = self.tr("{title} could not be computed; nothing was written.").format(title=title)
            # the reason first: a long message is cut to two lines on the bar
            self.say(f"{log[-1]} {nothing}" if log else nothing, Qgis.MessageLevel.Critical, "\n".join(log[:-1]))
            return
        try:
            done(context, results)
        except FifteenMinError as error:
            self.say(error.message, error.level, error.details)
