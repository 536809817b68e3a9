"""The Circles page of the dock: draw circles by hand, or compute radius levels and walking isochrones."""

from __future__ import annotations

import math
from typing import Any, Optional

from qgis.core import (
    Qgis,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QAction,
    QMessageBox,
    QWidget,
)

from fifteen_min_plugin.__about__ import PROVIDER_ID, RESOURCES_DIR
from fifteen_min_plugin.core.circles.communities import community_choices
from fifteen_min_plugin.core.circles.styles import style_levels
from fifteen_min_plugin.core.circles.writer import (
    METHOD_DRAWN_CIRCLE,
    METHOD_DRAWN_POLYGON,
    METHOD_RADIUS,
    add_drawn_circle,
    circle_polygon,
    ellipsoid_measure,
    existing_circles,
    next_run,
    replace_circles,
    result_keys,
)
from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.settings import Settings
from fifteen_min_plugin.gui.circle_form import CircleForm
from fifteen_min_plugin.gui.circle_tool import CircleMapTool
from fifteen_min_plugin.gui.dock_page import LINE_LAYERS, POINT_OR_POLYGON_LAYERS, DockPage
from fifteen_min_plugin.gui.forms import load_form
from fifteen_min_plugin.gui.messages import show_message, show_outcome
from fifteen_min_plugin.gui.polygon_tool import PolygonMapTool

RADIUS_ALGORITHM = f"{PROVIDER_ID}:buffercircles"
NETWORK_ALGORITHM = f"{PROVIDER_ID}:networkcircles"
ID_FIELD = "community_id"


def _icon(name: str) -> QIcon:
    return QIcon(str(RESOURCES_DIR / "icons" / name))


def _list_text(values: tuple[int, ...]) -> str:
    return ",".join(str(value) for value in values)


class CirclesPage(DockPage, load_form("circles_page")):
    """Draw tools and computations; every result goes to the current workspace's `circles` layer."""

    def _setup(self) -> None:
        """The draw tools, the computations' defaults and their signals."""
        self.form: Optional[CircleForm] = None
        settings = Settings.load()
        self.circle_tool = CircleMapTool(self.canvas)
        self.polygon_tool = PolygonMapTool(self.canvas)
        self._make_tool_actions()
        self.origins_combo.setFilters(POINT_OR_POLYGON_LAYERS)
        self.roads_combo.setFilters(LINE_LAYERS)
        self.minutes_edit.setText(_list_text(settings.circle_minutes))
        self.minutes_edit.setToolTip(
            self.tr("GB 50180-2018: 5-, 10- and 15-minute circles; walking at {speed} km/h.").format(
                speed=settings.walking_speed_kmh
            )
        )
        self.radii_edit.setText(_list_text(settings.radii_m))
        self.radius_spin.valueChanged.connect(self.circle_tool.set_radius)
        self.circle_tool.circle_drawn.connect(self._circle_drawn)
        self.polygon_tool.polygon_drawn.connect(self._polygon_drawn)
        self.polygon_tool.message.connect(self._tool_message)
        self.radius_run_button.clicked.connect(self.run_radius_circles)
        self.network_run_button.clicked.connect(self.run_isochrones)

    def title(self) -> str:
        """The title of the page's messages."""
        return self.tr("Living circles")

    def run_buttons(self) -> tuple[QWidget, ...]:
        """The buttons that start a computation."""
        return (self.radius_run_button, self.network_run_button)

    def workspace_needed(self) -> str:
        """Why the page needs a workspace."""
        return self.tr("Create or open a workspace first: circles are saved in it.")

    def _make_tool_actions(self) -> None:
        """The draw tools' checkable actions, shown by the two tool buttons; QGIS checks them while active."""
        self.circle_action = QAction(_icon("circle_tool.svg"), self.tr("Circle by centre and radius"), self)
        self.circle_action.setToolTip(
            self.tr(
                "Click the centre (it snaps to a community point), move, click again — or type the radius in "
                "metres and press Enter. Esc cancels."
            )
        )
        self.polygon_action = QAction(_icon("polygon_tool.svg"), self.tr("Polygon boundary"), self)
        self.polygon_action.setToolTip(self.tr("Click the vertices, right-click to finish. Esc cancels."))
        for button, action, tool in (
            (self.circle_button, self.circle_action, self.circle_tool),
            (self.polygon_button, self.polygon_action, self.polygon_tool),
        ):
            action.setCheckable(True)
            tool.setAction(action)  # QGIS checks the action while the tool is active, and unchecks it after
            action.triggered.connect(lambda checked, tool=tool: self._toggle_tool(tool, checked))
            button.setDefaultAction(action)

    # --- drawing -------------------------------------------------------------------------------------------

    def _toggle_tool(self, tool: Any, checked: bool) -> None:
        if checked:
            refusal = tool.refusal()
            if refusal:
                tool.action().setChecked(False)
                self._warn(refusal)
                return
            if tool is self.circle_tool:
                self.circle_tool.set_snap_layer(self._workspace_layer("communities", quiet=True))
                self.circle_tool.set_radius(self.radius_spin.value())
            self.canvas.setMapTool(tool)
        elif self.canvas.mapTool() is tool:
            self.canvas.unsetMapTool(tool)

    def _tool_message(self, text: str) -> None:
        show_message(self.message_bar, self.title(), text, Qgis.MessageLevel.Info, duration=5)

    def _circle_drawn(self, centre: QgsPointXY, radius_m: float, community_id: str) -> None:
        crs = self.canvas.mapSettings().destinationCrs()
        try:
            geometry = circle_polygon(centre, radius_m, crs, self.project.transformContext())
        except FifteenMinError as error:
            self._error(error)
            return
        self._ask(geometry, METHOD_DRAWN_CIRCLE, radius_m, radius_m, community_id)

    def _polygon_drawn(self, geometry: QgsGeometry) -> None:
        try:
            measure = ellipsoid_measure(self.canvas.mapSettings().destinationCrs(), self.project.transformContext())
        except FifteenMinError as error:
            self._error(error)
            return
        equivalent_radius = math.sqrt(max(measure.measureArea(geometry), 0.0) / math.pi)
        self._ask(geometry, METHOD_DRAWN_POLYGON, None, equivalent_radius, "")

    def _ask(
        self,
        geometry: QgsGeometry,
        method: str,
        radius_m: Optional[float],
        level_radius_m: float,
        community_id: str,
    ) -> None:
        """Open the form for a drawn shape; it is written when the form is accepted."""
        circles = self._workspace_layer("circles")
        if circles is None:
            return
        crs = self.canvas.mapSettings().destinationCrs()
        communities = community_choices(self._workspace_layer("communities", quiet=True))
        if self.form is not None:
            self.form.close()
        form = CircleForm(communities, community_id, level_radius_m, parent=self)
        form.accepted.connect(lambda: self._write_drawn(form, circles, geometry, crs, method, radius_m))
        form.finished.connect(lambda _result: self._form_closed(form))
        self.form = form
        form.open()

    def _write_drawn(self, form: CircleForm, circles: QgsVectorLayer, geometry, crs, method, radius_m) -> None:
        try:
            add_drawn_circle(
                circles,
                geometry,
                crs,
                form.attributes(),
                self.project.transformContext(),
                method=method,
                radius_m=radius_m,
            )
        except FifteenMinError as error:
            self._error(error)
            return
        show_message(
            self.message_bar,
            self.title(),
            self.tr("Circle added to “{layer}”. Save the layer edits to keep it (Ctrl+Z undoes it).").format(
                layer=circles.name()
            ),
            level=Qgis.MessageLevel.Success,
            duration=5,
        )

    def _form_closed(self, form: CircleForm) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()

    # --- computing -----------------------------------------------------------------------------------------

    def run_radius_circles(self) -> None:
        """Compute GB 50180 radius levels for the chosen origins in the background."""
        origins = self.origins_combo.currentLayer()
        if not self._ready(origins):
            return
        self._run(
            RADIUS_ALGORITHM,
            {
                "ORIGINS": origins,
                "ORIGIN_ID_FIELD": self._id_field(origins),
                "RADII_M": self.radii_edit.text(),
                "MINUTES": self.minutes_edit.text(),
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            METHOD_RADIUS,
            self.tr("Radius circles"),
        )

    def run_isochrones(self) -> None:
        """Compute walking isochrones on the chosen roads for the chosen origins in the background."""
        origins = self.origins_combo.currentLayer()
        if not self._ready(origins):
            return
        roads = self.roads_combo.currentLayer()
        if roads is None:
            self._warn(self.tr("Choose the road layer to walk on first."))
            return
        settings = Settings.load()
        self._run(
            NETWORK_ALGORITHM,
            {
                "ROADS": roads,
                "ORIGINS": origins,
                "ORIGIN_ID_FIELD": self._id_field(origins),
                "MINUTES": self.minutes_edit.text(),
                "SPEED_KMH": settings.walking_speed_kmh,
                "SNAP_TOLERANCE_M": settings.snap_tolerance_m,
                "TOPOLOGY_TOLERANCE_M": self.topology_spin.value(),
                "WALK_OFF_M": settings.walk_off_m,
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            "",
            self.tr("Walking isochrones"),
        )

    def _ready(self, origins: Optional[QgsVectorLayer]) -> bool:
        if not self.runner.idle():
            return False
        if self._workspace_layer("circles") is None:
            return False
        if origins is None:
            self._warn(self.tr("Choose the layer of communities (origins) first."))
            return False
        return True

    @staticmethod
    def _id_field(origins: QgsVectorLayer) -> str:
        return ID_FIELD if origins.fields().lookupField(ID_FIELD) >= 0 else ""

    def _run(self, algorithm_id: str, parameters: dict[str, Any], method: str, title: str) -> None:
        self.runner.run(
            algorithm_id, parameters, title, lambda context, results: self._write(context, results, method, title)
        )

    def _write(self, context: QgsProcessingContext, results: dict[str, Any], method: str, title: str) -> None:
        result = context.getMapLayer(results.get("OUTPUT", ""))
        circles = self._workspace_layer("circles")
        if circles is None:
            return
        if result is None:
            self._warn(self.tr("{title} gave no result; nothing was written.").format(title=title))
            return
        try:
            choice = self._circles_to_replace(circles, result, method or METHOD_RADIUS, title)
            if choice is None:
                return
            replaced, suffix = choice
            written = replace_circles(
                circles, result, self.project.transformContext(), method or METHOD_RADIUS, replaced, suffix
            )
        except FifteenMinError as error:
            self._error(error)
            return
        style_levels(circles)
        show_outcome(
            self.message_bar,
            self.title(),
            self.tr("{count} circles written to “{layer}” ({title}).").format(
                title=title, count=len(written), layer=circles.name()
            ),
            self.runner.warnings,
            duration=5,
        )

    def _circles_to_replace(
        self, circles: QgsVectorLayer, result: QgsVectorLayer, method: str, title: str
    ) -> Optional[tuple[list[int], str]]:
        """The saved circles a re-run replaces and the suffix naming a kept set; None when the planner cancels."""
        keys = result_keys(result, method)
        existing = existing_circles(circles, *keys)
        if not existing:
            return [], ""
        box = QMessageBox(self)
        box.setObjectName("rerunQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(
            self.tr(
                "The workspace already holds {count} circles of this method for these communities. Replace them "
                "with the new result, or keep both (the new circles are then named “… (run 2)” so coverage and the "
                "report tell them apart)?"
            ).format(count=len(existing))
        )
        replace = box.addButton(self.tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replace")
        keep = box.addButton(self.tr("Keep both"), QMessageBox.ButtonRole.ActionRole)
        keep.setObjectName("keepBoth")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(replace)
        box.exec()
        if box.clickedButton() is replace:
            return existing, ""
        if box.clickedButton() is keep:
            return [], self.tr(" (run {number})").format(number=next_run(circles, *keys))
        self._warn(self.tr("{title}: cancelled; the circles layer is unchanged.").format(title=title))
        return None

    # --- shared --------------------------------------------------------------------------------------------

    def teardown(self) -> None:
        """Cancel work, release the canvas and close the form before the dock goes away."""
        self.cancel()
        for tool in (self.circle_tool, self.polygon_tool):
            if self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.teardown()
        if self.form is not None:
            self.form.close()
            self.form = None
