"""Small bar charts drawn with QPainter: one circle's categories and demand, the whole city's grades and gaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from qgis.PyQt.QtCore import QEvent, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from fifteen_min_plugin.core.analysis.renderers import GRADE_COLOURS
from fifteen_min_plugin.core.analysis.summaries import CategoryBar, CitySummary
from fifteen_min_plugin.core.needs.demand import DemandBar
from fifteen_min_plugin.core.settings import SATISFACTION_TARGET

BASIC_COLOUR = QColor("#0072b2")
QUALITY_COLOUR = QColor("#009e73")
MISSING_COLOUR = QColor("#d55e00")
#: smallest bar row in pixels (rows grow with the font, e.g. for Chinese labels)
MIN_ROW_HEIGHT = 16
GAP = 4
ZERO_TEXT = QColor("#555555")
TEXT = QColor("#000000")
#: how many of the most often missing basic categories the city chart shows
TOP_MISSING = 8


@dataclass(frozen=True)
class Bar:
    """One drawn bar: its label, value, colour and the text written after it."""

    label: str
    value: float
    colour: QColor
    text: str
    text_colour: QColor


def _row_height(metrics: QFontMetrics) -> int:
    return max(metrics.height() + 2, MIN_ROW_HEIGHT)


def _draw_bars(painter: QPainter, top: float, width: float, title: str, bars: Sequence[Bar]) -> float:
    """Draw a titled block of horizontal bars from `top`; return the y below it."""
    metrics = QFontMetrics(painter.font())
    row_height = _row_height(metrics)
    painter.setPen(QPen(Qt.GlobalColor.black))
    painter.drawText(QRectF(GAP, top, width - 2 * GAP, row_height), Qt.AlignmentFlag.AlignLeft, title)
    top += row_height + GAP
    label_width = max((metrics.horizontalAdvance(bar.label) for bar in bars), default=0) + 2 * GAP
    text_width = max((metrics.horizontalAdvance(bar.text) for bar in bars), default=0) + 2 * GAP
    span = max(width - label_width - text_width - GAP, 10.0)
    largest = max((bar.value for bar in bars), default=0.0) or 1.0
    for bar in bars:
        painter.setPen(QPen(bar.text_colour))
        painter.drawText(
            QRectF(GAP, top, label_width - GAP, row_height),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            bar.label,
        )
        length = span * bar.value / largest
        if length > 0:
            painter.fillRect(QRectF(label_width, top + 3, length, row_height - 6), bar.colour)
        painter.drawText(
            QRectF(label_width + length + GAP, top, text_width, row_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            bar.text,
        )
        top += row_height
    return top + GAP


class _Chart(QWidget):
    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(True)

    def _blocks(self) -> list[tuple[str, list[Bar]]]:
        raise NotImplementedError

    def _empty_text(self) -> str:
        raise NotImplementedError

    def sizeHint(self) -> QSize:  # noqa: N802
        """Tall enough for every bar."""
        blocks = self._blocks()
        rows = sum(len(bars) + 1 for _title, bars in blocks) or 1
        return QSize(240, rows * _row_height(self.fontMetrics()) + (len(blocks) + 1) * 2 * GAP)

    def event(self, event: QEvent) -> bool:
        """Resize when the font settles (polish) or changes: the rows follow the font height."""
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._changed()
        return super().event(event)

    def _changed(self) -> None:
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Draw the blocks, or a hint when there is nothing to show."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        blocks = self._blocks()
        if not blocks:
            painter.setPen(QPen(Qt.GlobalColor.darkGray))
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._empty_text())
        top = float(GAP)
        for title, bars in blocks:
            top = _draw_bars(painter, top, float(self.width()), title, bars)
        painter.end()


class CircleChart(_Chart):
    """Facilities per category in one circle, basic and quality categories apart; missing ones marked."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: list[CategoryBar] = []
        self._changed()

    def set_circle(self, title: str, bars: Sequence[CategoryBar]) -> None:
        """Show the bars of one circle (empty: clear the chart)."""
        self._title = title
        self._bars = list(bars)
        self._changed()

    def bars(self) -> list[CategoryBar]:
        """The data drawn: one bar per category."""
        return list(self._bars)

    def _empty_text(self) -> str:
        return self.tr("Select a circle in the table.")

    def _blocks(self) -> list[tuple[str, list[Bar]]]:
        blocks = []
        for cls, title, colour in (
            ("basic", self.tr("{circle}: basic services (基本保障类)"), BASIC_COLOUR),
            ("quality", self.tr("{circle}: quality services (品质提升类)"), QUALITY_COLOUR),
        ):
            bars = [
                Bar(
                    bar.name_zh,
                    float(bar.count),
                    colour if bar.present else MISSING_COLOUR,
                    str(bar.count) if bar.present else self.tr("missing"),
                    TEXT if bar.present else MISSING_COLOUR,
                )
                for bar in self._bars
                if bar.category_class == cls
            ]
            if bars:
                present = sum(bar.value > 0 for bar in bars)
                heading = title.format(circle=self._title) + f" {present}/{len(bars)}"
                blocks.append((heading, bars))
        return blocks


class CityChart(_Chart):
    """All circles: how many have each grade, and the basic categories missing in most circles."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._summary: Optional[CitySummary] = None
        self._changed()

    def set_summary(self, summary: Optional[CitySummary]) -> None:
        """Show a city summary (None: clear the chart)."""
        self._summary = summary
        self._changed()

    def summary(self) -> Optional[CitySummary]:
        """The data drawn."""
        return self._summary

    def _empty_text(self) -> str:
        return self.tr("Run the coverage to see the city summary.")

    def _blocks(self) -> list[tuple[str, list[Bar]]]:
        summary = self._summary
        if summary is None or not summary.circles:
            return []
        grades = [
            Bar(
                grade,
                float(count),
                QColor(GRADE_COLOURS[grade]),
                str(count),
                TEXT if count else ZERO_TEXT,
            )
            for grade, count in summary.grade_counts
        ]
        blocks = [(self.tr("Circles per grade ({count} circles)").format(count=summary.circles), grades)]
        missing = [
            Bar(category.name_zh, float(count), MISSING_COLOUR, f"{count}/{summary.circles}", TEXT)
            for category, count in summary.missing_basic[:TOP_MISSING]
        ]
        if missing:
            blocks.append((self.tr("Basic categories missing most often"), missing))
        if summary.surveyed:
            below = summary.surveyed - summary.satisfied
            counts = (
                (self.tr("At or above the target"), summary.satisfied, QUALITY_COLOUR),
                (self.tr("Below the target"), below, MISSING_COLOUR),
            )
            bars = [
                Bar(label, float(count), colour, f"{count}/{summary.surveyed}", TEXT if count else ZERO_TEXT)
                for label, count, colour in counts
            ]
            title = self.tr("Circles surveyed, satisfaction against {target:.0%}").format(target=SATISFACTION_TARGET)
            blocks.append((title, bars))
        return blocks


class DemandChart(_Chart):
    """One circle: what residents asked for most against the facilities it has, and its satisfaction."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._bars: list[DemandBar] = []
        self._satisfaction: Optional[float] = None
        self._changed()

    def set_circle(self, title: str, bars: Sequence[DemandBar], satisfaction: Optional[float] = None) -> None:
        """Show one circle's demand bars and satisfaction share 0–1 (no bars and None: clear the chart)."""
        self._title = title
        self._bars = list(bars)
        self._satisfaction = satisfaction
        self._changed()

    def bars(self) -> list[DemandBar]:
        """The data drawn: one bar per category asked for."""
        return list(self._bars)

    def _empty_text(self) -> str:
        return self.tr("No residents' needs or survey for this circle.")

    def _blocks(self) -> list[tuple[str, list[Bar]]]:
        blocks = []
        if self._bars:
            bars = [
                Bar(
                    bar.name_zh,
                    bar.asked,
                    MISSING_COLOUR if not bar.count else BASIC_COLOUR,
                    (
                        self.tr("{asked} asked · {count} here") if bar.count else self.tr("{asked} asked · none here")
                    ).format(asked=f"{bar.asked:g}", count=bar.count),
                    TEXT if bar.count else MISSING_COLOUR,
                )
                for bar in self._bars
            ]
            blocks.append((self.tr("{circle}: demand vs facilities").format(circle=self._title), bars))
        if self._satisfaction is not None:
            share = self._satisfaction
            met = share >= SATISFACTION_TARGET - 1e-9
            text = (self.tr("{share:.0%}, target met") if met else self.tr("{share:.0%}, below the target")).format(
                share=share
            )
            bar = Bar(self.tr("Satisfied"), share, QUALITY_COLOUR if met else MISSING_COLOUR, text, TEXT)
            title = self.tr("Satisfaction (target {target:.0%})").format(target=SATISFACTION_TARGET)
            blocks.append((title, [bar]))
        return blocks
