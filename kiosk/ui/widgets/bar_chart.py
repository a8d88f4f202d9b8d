"""A bar chart drawn by the kiosk itself, with text large enough to read standing at the desk.

Horizontal bars (label, bar, value) while every row fits at a readable height; when there are
too many rows (30 days) it draws columns instead, labelling as many as fit without overlap.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.theme import COLORS, Metrics

SAMPLE_BANNER = "SAMPLE DATA — not real counts"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    value_text: str
    # What a column gets when the full label would not fit under it; "" = the label.
    short_label: str = ""


class BarChart(QWidget):
    def __init__(
        self, metrics: Metrics, name: str, parent: QWidget | None = None, *, empty_text: str
    ) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.empty_text = empty_text
        self.bars: tuple[Bar, ...] = ()
        self.sample = False
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._set_description()

    def set_bars(self, bars: Sequence[Bar], *, sample: bool = False) -> None:
        self.bars = tuple(bars)
        self.sample = sample
        self._set_description()
        self.update()

    def uses_columns(self) -> bool:
        return len(self.bars) * self._min_row_height() > self._plot_rect().height()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.metrics.px(360), self.metrics.px(280))

    def sizeHint(self) -> QSize:
        return QSize(self.metrics.px(800), self.metrics.px(600))

    # -------------------------------------------------------------------------------------------

    def _set_description(self) -> None:
        text = "; ".join(f"{bar.label}: {bar.value_text}" for bar in self.bars) or self.empty_text
        self.setAccessibleDescription(f"Sample data. {text}" if self.sample else text)

    def _font(self, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(self.metrics.small_px)
        font.setBold(bold)
        return font

    def _pad(self) -> int:
        return self.metrics.px(20)

    def _min_row_height(self) -> float:
        lines = 2.2 if self._labels_above(self._plot_rect()) else 1.3
        return QFontMetricsF(self._font()).height() * lines

    def _banner_height(self) -> float:
        return QFontMetricsF(self._font(bold=True)).height() + self._pad() if self.sample else 0.0

    def _plot_rect(self) -> QRectF:
        pad = self._pad()
        rect = QRectF(self.rect()).adjusted(pad, pad, -pad, -pad)
        banner = self._banner_height()
        return rect.adjusted(0, banner + pad / 2, 0, 0) if banner else rect

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = max(2, self.metrics.px(3))
        radius = self.metrics.px(16)
        frame = QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2)
        painter.setPen(QPen(QColor(COLORS.outline), border))
        painter.setBrush(QColor(COLORS.surface))
        painter.drawRoundedRect(frame, radius, radius)
        if self.sample:
            self._paint_banner(painter)
        plot = self._plot_rect()
        if not self.bars:
            painter.setFont(self._font())
            painter.setPen(QColor(COLORS.text_muted))
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        elif self.uses_columns():
            self._paint_columns(painter, plot)
        else:
            self._paint_rows(painter, plot)
        painter.end()

    def _paint_banner(self, painter: QPainter) -> None:
        pad = self._pad()
        rect = QRectF(pad, pad, self.width() - 2 * pad, self._banner_height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COLORS.notice))
        painter.drawRoundedRect(rect, self.metrics.px(8), self.metrics.px(8))
        font = self._font(bold=True)
        painter.setFont(font)
        painter.setPen(QColor(COLORS.text))
        text = QFontMetricsF(font).elidedText(
            SAMPLE_BANNER, Qt.TextElideMode.ElideRight, rect.width() - pad
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_rows(self, painter: QPainter, plot: QRectF) -> None:
        font, bold = self._font(), self._font(bold=True)
        metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
        gap = self._pad()
        line = metrics.height()
        stacked = self._labels_above(plot)
        row_height = min(plot.height() / len(self.bars), self.metrics.px(128 if stacked else 96))
        value_width = max(bold_metrics.horizontalAdvance(bar.value_text) for bar in self.bars)
        if stacked:
            label_width = plot.width()
            bar_left = plot.left()
            # The bar hugs its own label; the row's spare height separates it from the next.
            bar_height = min((row_height - line) * 0.7, self.metrics.px(40))
            bar_zone = bar_height + self.metrics.px(12)
        else:
            label_width = math.ceil(max(metrics.horizontalAdvance(b.label) for b in self.bars)) + 2
            bar_left = plot.left() + label_width + gap
            bar_zone = row_height
            bar_height = min(row_height * 0.6, self.metrics.px(48))
        bar_space = max(0.0, plot.right() - bar_left - value_width - gap)
        largest = max(bar.value for bar in self.bars) or 1.0
        for index, bar in enumerate(self.bars):
            top = plot.top() + index * row_height
            painter.setFont(font)
            painter.setPen(QColor(COLORS.text))
            if stacked:
                label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
                label_rect = QRectF(plot.left(), top, label_width, line)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft, label)
            else:
                label_rect = QRectF(plot.left(), top, label_width, row_height)
                painter.drawText(
                    label_rect,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    bar.label,
                )
            zone_top = top + line if stacked else top
            middle = zone_top + bar_zone / 2
            length = bar_space * bar.value / largest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(COLORS.accent))
            painter.drawRect(QRectF(bar_left, middle - bar_height / 2, length, bar_height))
            painter.setFont(bold)
            painter.setPen(QColor(COLORS.text))
            value_rect = QRectF(bar_left + length + gap / 2, zone_top, value_width + gap, bar_zone)
            painter.drawText(
                value_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.value_text,
            )

    def _labels_above(self, plot: QRectF) -> bool:
        """Long labels (section titles) go on their own line above the bar, not squeezed beside it."""
        metrics = QFontMetricsF(self._font())
        widest = max((metrics.horizontalAdvance(bar.label) for bar in self.bars), default=0.0)
        return widest > plot.width() * 0.35

    def _paint_columns(self, painter: QPainter, plot: QRectF) -> None:
        font, bold = self._font(), self._font(bold=True)
        metrics, bold_metrics = QFontMetricsF(font), QFontMetricsF(bold)
        gap = self._pad() / 2
        largest = max(bar.value for bar in self.bars)
        top_text = next(bar.value_text for bar in self.bars if bar.value == largest)
        gutter = bold_metrics.horizontalAdvance(top_text) + gap
        line_height = metrics.height()
        area = QRectF(
            plot.left() + gutter,
            plot.top() + bold_metrics.height(),
            plot.width() - gutter,
            plot.height() - bold_metrics.height() - line_height - gap,
        )
        pitch = area.width() / len(self.bars)
        labels = [bar.short_label or bar.label for bar in self.bars]
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        label_every = max(1, math.ceil((widest + gap) / pitch))
        values_fit = (
            max(bold_metrics.horizontalAdvance(bar.value_text) for bar in self.bars) <= pitch
        )

        # The scale: a line at the largest value, labelled in the gutter, and the baseline.
        painter.setPen(QPen(QColor(COLORS.outline), max(1, self.metrics.px(2))))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.setFont(bold)
        painter.setPen(QColor(COLORS.text))
        scale_rect = QRectF(plot.left(), area.top() - line_height / 2, gutter - gap, line_height)
        painter.drawText(scale_rect, Qt.AlignmentFlag.AlignRight, top_text)
        painter.setPen(QPen(QColor(COLORS.outline), 1, Qt.PenStyle.DashLine))
        painter.drawLine(area.topLeft(), area.topRight())

        for index, bar in enumerate(self.bars):
            left = area.left() + index * pitch
            height = area.height() * bar.value / largest if largest else 0.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(COLORS.accent))
            painter.drawRect(
                QRectF(left + pitch * 0.15, area.bottom() - height, pitch * 0.7, height)
            )
            # An empty day says nothing a missing column does not; its 0 is only clutter.
            if values_fit and bar.value:
                painter.setFont(bold)
                painter.setPen(QColor(COLORS.text))
                value_rect = QRectF(left, area.bottom() - height - line_height, pitch, line_height)
                painter.drawText(value_rect, Qt.AlignmentFlag.AlignCenter, bar.value_text)

        # From the newest column back, so that today always has its label; a label that cannot
        # sit under its own column without touching the one to its right is left out.
        painter.setFont(font)
        painter.setPen(QColor(COLORS.text))
        free_right = plot.right()
        for index in range(len(self.bars) - 1, -1, -1):
            if (len(self.bars) - 1 - index) % label_every:
                continue
            width = metrics.horizontalAdvance(labels[index])
            centre = area.left() + (index + 0.5) * pitch
            x = max(plot.left(), min(centre - width / 2, free_right - width))
            if not x <= centre <= x + width or x + width > free_right:
                continue
            painter.drawText(
                QRectF(x, area.bottom() + gap, width, line_height),
                Qt.AlignmentFlag.AlignCenter,
                labels[index],
            )
            free_right = x - gap
