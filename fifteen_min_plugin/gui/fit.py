"""Widgets and layouts that fit a narrow dock: rows of buttons that wrap, combo boxes and tables that shrink.

The dock opens about 440 px wide; a page must never be wider than that, in Chinese or in English. Buttons sit
in a `FlowLayout` (they move to the next line instead of widening the page), combo boxes do not size to their
longest item, and tables stretch to the width they get, wrap their text and show it whole in a tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional

from qgis.PyQt.QtCore import QPoint, QRect, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QWidget,
)

#: characters a combo box shows before it elides (its popup still shows the whole text)
COMBO_CHARACTERS = 12


class FlowLayout(QLayout):
    """Lays its widgets out left to right and wraps to the next line when the width runs out."""

    def __init__(self, parent: Optional[QWidget] = None, widgets: Iterable[QWidget] = ()) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            self.addWidget(widget)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        """Add an item at the end (called by addWidget)."""
        self._items.append(item)

    def count(self) -> int:
        """Number of items."""
        return len(self._items)

    def itemAt(self, index: int) -> Optional[QLayoutItem]:  # noqa: N802 - Qt API
        """The item at `index`, None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> Optional[QLayoutItem]:  # noqa: N802 - Qt API
        """Remove and return the item at `index`."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        """A flow grows in neither direction by itself."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        """The height depends on the width: that is what wrapping means."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        """The height the items need when laid out in `width`."""
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        """Place the items inside `rect`."""
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """All items on one line."""
        width = sum(item.sizeHint().width() for item in self._visible()) + self._spacing() * max(
            len(self._visible()) - 1, 0
        )
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest single item: anything wider wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        spacing = self.spacing()
        if spacing >= 0:
            return spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent)

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        spacing = self._spacing()
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def shrinkable_combo(combo: QComboBox, characters: int = COMBO_CHARACTERS) -> QComboBox:
    """Let `combo` be narrower than its longest item (the popup and the tooltip show the whole text)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, combo.sizePolicy().verticalPolicy())
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


def fitting_table(table: QAbstractItemView, stretch: Iterable[int] = (), row_numbers: bool = False) -> None:
    """A table as wide as the page: the `stretch` columns share the room, the others fit their contents.

    Text wraps instead of being cut with "…"; without `row_numbers` the vertical header is hidden.
    """
    header = table.horizontalHeader()
    header.setMinimumSectionSize(24)
    stretching = set(stretch)
    model = table.model()
    for column in range(model.columnCount() if model is not None else 0):
        mode = QHeaderView.ResizeMode.Stretch if column in stretching else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(row_numbers)
    table.setMinimumWidth(0)
    table.setSizePolicy(QSizePolicy.Policy.Ignored, table.sizePolicy().verticalPolicy())


def show_whole_text(table: QTableWidget) -> None:
    """After filling `table`: every cell's full text in its tooltip, rows as tall as their wrapped text."""
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None and item.text():
                item.setToolTip(item.text())
    table.resizeRowsToContents()
