"""Usage counting driven by a real kiosk window, and the staff Usage screen that shows it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.layout import layout_problems
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage

from kiosk.theme import COLORS, Metrics
from kiosk.ui.screens.staff_usage import UsageScreen
from kiosk.ui.usage_preview import PREVIEW_FILE, SampleUsage, render_usage_preview
from kiosk.ui.usage_recorder import UsageRecorder
from kiosk.ui.widgets.bar_chart import BarChart
from kiosk.usage import Metric, UsageCounts, UsageStore

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
TODAY = date.today()


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def recorder_for(controller, store: UsageStore, clock: FakeClock) -> UsageRecorder:  # type: ignore[no-untyped-def]
    """What the controller will do: one recorder listening to the window."""
    window = controller.window
    recorder = UsageRecorder(store, 365, window, clock=clock)
    window.page_changed.connect(recorder.on_page_changed)
    window.woken.connect(recorder.on_woken)
    window.session_reset.connect(recorder.on_session_reset)
    window.idle_warning_dismissed.connect(recorder.on_warning_answered)
    window.idle_warning.finished.connect(recorder.on_warning_expired)
    return recorder


def saved(store: UsageStore) -> dict[tuple[str, str], tuple[int, float]]:
    return {(row.metric, row.subject): (row.count, row.seconds) for row in store.rows(1, TODAY)}


def test_a_scripted_session_is_counted_as_it_happened(make_kiosk, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    window = controller.window
    clock = FakeClock()
    store = UsageStore.in_folder(tmp_path)
    recorder = recorder_for(controller, store, clock)
    first, second, third = (section.slug for section in window.sections[:3])

    window.wake()
    window.open_section(0)
    clock.advance(30)
    window.show_next()  # a glance at the second section on the way to the third
    clock.advance(1.5)
    window.show_next()
    clock.advance(45)
    window.show_contact()
    clock.advance(10)
    window.leave_contact()  # back to the third section
    clock.advance(5)
    window.show_idle_warning(20)
    qtbot.mouseClick(window.idle_warning.button, Qt.MouseButton.LeftButton)
    assert not store.path.exists(), "counting must not write while the patient is reading"
    assert recorder.timer.isActive()

    window.show_idle_warning(20)
    window.idle_warning.expire()  # resets the session, which saves its counts
    assert recorder.flush()

    assert saved(store) == {
        (Metric.SESSIONS, ""): (1, 0.0),
        (Metric.SECTION_VIEWS, first): (1, 30.0),
        (Metric.SECTION_VIEWS, third): (2, 50.0),
        (Metric.CONTACT_OPENS, ""): (1, 0.0),
        (Metric.WARNINGS_ANSWERED, ""): (1, 0.0),
        (Metric.WARNINGS_EXPIRED, ""): (1, 0.0),
    }
    assert (Metric.SECTION_VIEWS, second) not in saved(store)


def test_counts_are_saved_when_the_flush_timer_fires(make_kiosk, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    store = UsageStore.in_folder(tmp_path)
    recorder = recorder_for(controller, store, FakeClock())
    assert recorder.timer.interval() == 5 * 60 * 1000
    assert not recorder.timer.isActive(), "a still kiosk has nothing to save"
    recorder.timer.setInterval(10)  # the five minutes, shortened
    with qtbot.waitSignal(recorder.timer.timeout, timeout=2000):
        controller.window.wake()
    assert saved(store) == {(Metric.SESSIONS, ""): (1, 0.0)}
    assert len(recorder.counts) == 0


def test_the_recorder_prunes_old_days_at_start(make_kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = UsageStore.in_folder(tmp_path)
    old = UsageCounts(lambda: TODAY - timedelta(days=400))
    old.session_started()
    store.flush(old)
    recorder = recorder_for(make_kiosk(), store, FakeClock())
    recorder.start()
    assert store.rows(3650, TODAY) == []


def accent_pixels(chart: BarChart) -> int:
    image = chart.grab().toImage()
    accent = QColor(COLORS.accent).rgb()
    return sum(
        image.pixel(x, y) == accent
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
    )


@pytest.fixture
def filled_store(tmp_path: Path) -> UsageStore:
    store = UsageStore.in_folder(tmp_path)
    for age, slug in ((0, "introduction"), (3, "mechanism"), (20, "holistic")):
        day = TODAY - timedelta(days=age)
        counts = UsageCounts()
        counts.session_started(day)
        counts.section_viewed(slug, 90, day)
        store.flush(counts)
    return store


def usage_screen(make_kiosk, qtbot, size: tuple[int, int]) -> UsageScreen:  # type: ignore[no-untyped-def]
    controller = make_kiosk(size=size)  # sets the application's stylesheet for this size
    titles = {section.slug: section.title for section in controller.window.sections}
    screen = UsageScreen(Metrics.for_screen(*size), titles)
    qtbot.addWidget(screen)
    screen.setFixedSize(QSize(*size))
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def test_the_period_buttons_change_what_the_charts_show(make_kiosk, qtbot, filled_store) -> None:  # type: ignore[no-untyped-def]
    screen = usage_screen(make_kiosk, qtbot, (1920, 1080))
    screen.show_usage(filled_store, 7)
    week = screen.sessions_chart.bars
    assert len(week) == 7
    assert [bar.value for bar in week][-4:] == [1, 0, 0, 1]
    assert not screen.sessions_chart.uses_columns()
    views = {bar.label: bar.value for bar in screen.sections_chart.bars}
    assert views["Introduction"] == 1
    assert sum(views.values()) == 2
    assert screen.summary_label.text().startswith("Last 7 days: 2 sessions")
    assert screen.period_buttons[7].isChecked()
    assert accent_pixels(screen.sessions_chart) > 0
    week_pixels = accent_pixels(screen.sections_chart)

    qtbot.mouseClick(screen.period_buttons[30], Qt.MouseButton.LeftButton)
    assert screen.days == 30
    assert screen.period_buttons[30].isChecked()
    assert not screen.period_buttons[7].isChecked()
    assert len(screen.sessions_chart.bars) == 30
    assert screen.sessions_chart.uses_columns()
    assert sum(bar.value for bar in screen.sections_chart.bars) == 3
    assert screen.summary_label.text().startswith("Last 30 days: 3 sessions")
    assert accent_pixels(screen.sections_chart) > week_pixels
    assert "Introduction: 1 · 2 min" in screen.sections_chart.accessibleDescription()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("days", [7, 30])
def test_the_usage_screen_fits_every_screen(make_kiosk, qtbot, size, days: int) -> None:  # type: ignore[no-untyped-def]
    screen = usage_screen(make_kiosk, qtbot, size)
    screen.show_usage(SampleUsage(list(screen.section_titles)), days)
    assert layout_problems(screen, Metrics.for_screen(*size).touch_target) == []
    for chart in (screen.sessions_chart, screen.sections_chart):
        assert chart.height() >= chart.minimumSizeHint().height()


def test_sample_data_is_marked_as_sample(make_kiosk, qtbot) -> None:  # type: ignore[no-untyped-def]
    screen = usage_screen(make_kiosk, qtbot, (1920, 1080))
    screen.show_usage(SampleUsage(list(screen.section_titles)), 30)
    assert screen.sample_label.isVisible()
    assert screen.sessions_chart.sample
    assert screen.sections_chart.accessibleDescription().startswith("Sample data.")


def test_the_preview_writes_staff_usage_png(make_kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller = make_kiosk()
    titles = {section.slug: section.title for section in controller.window.sections}
    path = render_usage_preview(Metrics.for_screen(1920, 1080), QSize(1920, 1080), tmp_path, titles)
    assert path == tmp_path / PREVIEW_FILE
    assert QImage(str(path)).size() == QSize(1920, 1080)
