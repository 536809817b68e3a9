"""A table dialog mapping each value of a layer's type field to a facility category."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from fifteen_min_plugin.core.facilities.categories import Category
from fifteen_min_plugin.gui.forms import load_form


class CategoryMappingDialog(QDialog, load_form("category_mapping_dialog")):
    """One row per distinct value with its count and a category combo prefilled by the classifier's guess."""

    VALUE, COUNT, CATEGORY = range(3)

    def __init__(
        self,
        field: str,
        values: Sequence[tuple[str, int]],
        guesses: Mapping[str, Optional[str]],
        categories: Sequence[Category],
        parent: Optional[QWidget] = None,
    ) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setWindowTitle(self.tr("Map values of “{field}” to categories").format(field=field))
        self.field = field
        self.hint.setText(
            self.tr(
                "Each feature whose “{field}” holds a value gets the category chosen for it. The choices start "
                "from the classification rules' guess; “(unclassified)” leaves the features for the review."
            ).format(field=field)
        )
        self.table.horizontalHeader().setSectionResizeMode(self.CATEGORY, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        self._fill(values, guesses, categories)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _fill(
        self, values: Sequence[tuple[str, int]], guesses: Mapping[str, Optional[str]], categories: Sequence[Category]
    ) -> None:
        """One row per value: the value, its count, a category combo starting at the guess."""
        self.table.setRowCount(len(values))
        for row, (value, count) in enumerate(values):
            self.table.setItem(row, self.VALUE, QTableWidgetItem(value or self.tr("(empty)")))
            count_item = QTableWidgetItem(str(count))
            count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, self.COUNT, count_item)
            combo = QComboBox()
            combo.addItem(self.tr("(unclassified)"), None)
            for category in categories:
                combo.addItem(f"{category.name_zh} · {category.name_en}", category.code)
            guess = guesses.get(value)
            combo.setCurrentIndex(max(combo.findData(guess), 0) if guess else 0)
            self.table.setCellWidget(row, self.CATEGORY, combo)
            self.combos[value] = combo
        self.table.resizeColumnsToContents()

    def set_category(self, value: str, code: Optional[str]) -> None:
        """Choose the category of one value (None: unclassified)."""
        combo = self.combos[value]
        combo.setCurrentIndex(max(combo.findData(code), 0) if code else 0)

    def mapping(self) -> dict[str, Optional[str]]:
        """The chosen category code (None: unclassified) of every value."""
        return {value: combo.currentData() for value, combo in self.combos.items()}
