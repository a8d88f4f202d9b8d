"""The staff Usage screen: how many sessions a day and which sections patients read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.theme import Metrics
from kiosk.ui.widgets.bar_chart import Bar, BarChart
from kiosk.ui.widgets.labels import text_label
from kiosk.ui.widgets.touch_button import TouchButton
from kiosk.usage import UsageSource, UsageSummary

PERIODS = (7, 30)
# Staff text is English only; strftime would follow the locale Qt sets at start.
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def short_day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def reading_time(seconds: float) -> str:
    if seconds <= 0:
        return "0 min"
    if seconds < 60:
        return "<1 min"
    return f"{round(seconds / 60)} min"


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


class UsageScreen(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        metrics: Metrics,
        section_titles: Mapping[str, str],
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.setObjectName("Screen")
        self.section_titles = dict(section_titles)
        self._today = today
        self._source: UsageSource | None = None
        self.days = PERIODS[0]
        self.summary: UsageSummary | None = None

        self.title_label = text_label("Usage", "PageTitle", wrap=False)
        self.period_buttons: dict[int, TouchButton] = {}
        self._periods = QButtonGroup(self)
        self._periods.setExclusive(True)
        # The buttons have a row of their own: beside the title they outgrow an 800 px screen.
        header = QHBoxLayout()
        header.setSpacing(metrics.spacing)
        for days in PERIODS:
            button = TouchButton(f"Last {days} days", description=f"Show the last {days} days")
            button.setObjectName("UsagePeriod")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, days=days: self._show_period(days))
            self._periods.addButton(button)
            self.period_buttons[days] = button
            header.addWidget(button)
        self.back_button = TouchButton("Back", description="Back to the staff menu")
        self.back_button.clicked.connect(self.back_requested)
        # Back beside the title, not the periods: three buttons in a row need 825 px at 20 mm
        # on a 10" panel, and an upright one has 800.
        title_row = QHBoxLayout()
        title_row.setSpacing(metrics.spacing)
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.back_button)

        self.sample_label = text_label(
            "Sample data — these are not real counts", "Disclaimer", wrap=False
        )
        self.sample_label.hide()
        self.summary_label = text_label("", "Intro")
        self.sessions_title = text_label("Sessions per day", "StaffTitle")
        self.sessions_chart = BarChart(
            metrics, "Sessions per day", empty_text="No sessions in this period"
        )
        self.sections_title = text_label("Views per section, with reading time", "StaffTitle")
        self.sections_chart = BarChart(
            metrics, "Views per section", empty_text="No section read in this period"
        )
        self._charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._charts.setSpacing(metrics.margin)
        for title, chart in (
            (self.sessions_title, self.sessions_chart),
            (self.sections_title, self.sections_chart),
        ):
            column = QVBoxLayout()
            column.setSpacing(metrics.px(12))
            column.addWidget(title)
            column.addWidget(chart, 1)
            self._charts.addLayout(column, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.margin)
        layout.setSpacing(metrics.spacing)
        layout.addLayout(title_row)
        layout.addLayout(header)
        layout.addWidget(self.sample_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary_label)
        layout.addLayout(self._charts, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        portrait = event.size().width() < event.size().height()
        self._charts.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        super().resizeEvent(event)

    def set_section_titles(self, section_titles: Mapping[str, str]) -> None:
        self.section_titles = dict(section_titles)
        if self.summary is not None:
            self._show(self.summary)

    def show_usage(self, source: UsageSource, days: int) -> None:
        """Reads the counts of the last `days` days (7 or 30) from `source` and draws them."""
        self._source = source
        self._show_period(days)

    def _show_period(self, days: int) -> None:
        self.days = days
        self.period_buttons[days].setChecked(True)
        if self._source is not None:
            self._show(self._source.summary(days, self._today()))

    def _show(self, summary: UsageSummary) -> None:
        self.summary = summary
        self.sample_label.setVisible(summary.sample)
        self.sessions_chart.set_bars(
            [
                Bar(day_label(day), count, str(count), short_day_label(day))
                for day, count in summary.sessions_per_day
            ],
            sample=summary.sample,
        )
        self.sections_chart.set_bars(self._section_bars(summary), sample=summary.sample)
        days = len(summary.sessions_per_day)
        sessions = summary.total_sessions
        self.summary_label.setText(
            f"Last {days} days: {sessions} sessions ({sessions / days:.1f} a day). "
            f"Contact screen opened {_times(summary.contact_opens)}. "
            f"Pictures used {_times(sum(summary.illustration_uses.values()))}. "
            f"“Still reading?” answered {summary.warnings_answered}, "
            f"timed out {summary.warnings_expired}."
        )

    def _section_bars(self, summary: UsageSummary) -> list[Bar]:
        """Current sections in reading order, then any retired section that still has views."""
        slugs = list(self.section_titles)
        slugs += sorted(
            (slug for slug in summary.section_views if slug not in self.section_titles),
            key=lambda slug: -summary.section_views[slug].count,
        )
        bars = []
        for slug in slugs:
            views = summary.section_views.get(slug)
            count, seconds = (views.count, views.seconds) if views else (0, 0.0)
            text = f"{count} · {reading_time(seconds)}"
            bars.append(Bar(self.section_titles.get(slug, slug), count, text))
        return bars
