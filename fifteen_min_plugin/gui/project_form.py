"""The form of one new project: name, circle, community, category, site, floor area, money, dates, lead unit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Optional

from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QWidget

from fifteen_min_plugin.core.errors import FifteenMinError
from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.core.language import is_chinese
from fifteen_min_plugin.core.projects.entry import check_new_project
from fifteen_min_plugin.core.workspace.schema import PROJECT_SITE_KINDS
from fifteen_min_plugin.gui.fit import shrinkable_combo
from fifteen_min_plugin.gui.forms import load_form

#: funding sources as bureaus write them (stored in Chinese), with their English gloss
FUNDING_SOURCES = (
    ("财政资金", "public funds"),
    ("社会资本", "private capital"),
    ("财政与社会资本", "public and private"),
    ("专项债", "special bonds"),
    ("其他", "other"),
)


class ProjectForm(QDialog, load_form("project_form")):
    """Every field of a new project; OK stays disabled while a value is invalid (the reason is shown).

    `submit` receives the values when OK is pressed; a FifteenMinError it raises is shown in the form, which
    then stays open, so nothing the planner typed is lost.
    """

    def __init__(
        self,
        categories: Sequence[Category],
        circles: Sequence[tuple[str, str]],
        communities: Sequence[tuple[str, str]],
        submit: Callable[[dict[str, Any]], None],
        values: Optional[Mapping[str, Any]] = None,
        hint: str = "",
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.submit = submit
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        self._fill_choices(categories, circles, communities)
        self._fill(dict(values or {}))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (
            self.name_edit.textChanged,
            self.category_combo.currentIndexChanged,
            self.area_edit.textChanged,
            self.investment_edit.textChanged,
            self.start_edit.textChanged,
            self.deadline_edit.textChanged,
        ):
            signal.connect(lambda *_args: self.validate())
        self.validate()

    def _fill_choices(
        self,
        categories: Sequence[Category],
        circles: Sequence[tuple[str, str]],
        communities: Sequence[tuple[str, str]],
    ) -> None:
        """The choices of the category, circle, community, site and funding boxes, each with an empty first item."""
        chinese = is_chinese()
        self.category_combo.addItem("", "")
        for category in categories:
            self.category_combo.addItem(category.name_zh if chinese else category.name_en, category.code)
        for combo, items in ((self.circle_combo, circles), (self.community_combo, communities)):
            combo.addItem("", "")
            for key, label in items:
                combo.addItem(label, key)
        labels = {"asset": self.tr("Idle asset"), "drawn": self.tr("Drawn on the map"), "facility": self.tr("Facility")}
        self.site_combo.addItem("", "")
        for kind in PROJECT_SITE_KINDS:
            self.site_combo.addItem(labels[kind], kind)
        self.funding_combo.addItem("", "")
        for term, gloss in FUNDING_SOURCES:
            self.funding_combo.addItem(term if chinese else f"{term} ({gloss})", term)
        for combo in (
            self.category_combo,
            self.circle_combo,
            self.community_combo,
            self.site_combo,
            self.funding_combo,
        ):
            shrinkable_combo(combo)

    def _fill(self, values: dict[str, Any]) -> None:
        for combo, name in (
            (self.category_combo, "category"),
            (self.site_combo, "site_kind"),
            (self.circle_combo, "circle_id"),
            (self.community_combo, "community_id"),
            (self.funding_combo, "funding"),
        ):
            value = values.get(name)
            if value:
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
                elif combo.isEditable():
                    combo.setEditText(str(value))
        for edit, name in (
            (self.name_edit, "name"),
            (self.asset_edit, "asset_id"),
            (self.area_edit, "floor_area_m2"),
            (self.investment_edit, "investment_wan"),
            (self.implementer_edit, "implementer"),
            (self.start_edit, "start"),
            (self.deadline_edit, "deadline"),
            (self.lead_edit, "lead_unit"),
        ):
            value = values.get(name)
            edit.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
        self.note_edit.setPlainText(str(values.get("note") or ""))

    @staticmethod
    def _choice(combo: Any) -> str:
        """The key of the chosen item, or the text typed into an editable combo."""
        index = combo.findText(combo.currentText())
        if index >= 0:
            return str(combo.itemData(index) or "")
        return combo.currentText().strip()

    def values(self) -> dict[str, Any]:
        """The project values the form holds (text as typed; the register validates and normalises)."""
        return {
            "name": self.name_edit.text().strip(),
            "category": self.category_combo.currentData() or "",
            "circle_id": self._choice(self.circle_combo),
            "community_id": self._choice(self.community_combo),
            "site_kind": self.site_combo.currentData() or "",
            "asset_id": self.asset_edit.text().strip(),
            "floor_area_m2": self.area_edit.text().strip(),
            "investment_wan": self.investment_edit.text().strip(),
            "implementer": self.implementer_edit.text().strip(),
            "funding": self._choice(self.funding_combo),
            "start": self.start_edit.text().strip(),
            "deadline": self.deadline_edit.text().strip(),
            "lead_unit": self.lead_edit.text().strip(),
            "note": self.note_edit.toPlainText().strip(),
        }

    def validate(self) -> str:
        """Check the form now: show the first problem and enable OK only when there is none; returns the problem."""
        try:
            check_new_project(self.values())
            problem = ""
        except FifteenMinError as error:
            problem = error.message
        self.show_problem(problem)
        return problem

    def show_problem(self, problem: str) -> None:
        """Show `problem` under the fields ("" clears it); OK is enabled only without one."""
        self.message_label.setText(problem)
        self.message_label.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:
        """Hand the values to `submit` and close; stay open with the reason when they are refused."""
        if self.validate():
            return
        try:
            self.submit(self.values())
        except FifteenMinError as error:
            self.show_problem(error.message)
            return
        super().accept()
