"""Renders the staff Usage screen to staff-usage.png with made-up counts, marked as sample."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kiosk.illustration_specs import ILLUSTRATION_KEYS
from kiosk.paths import resources_dir
from kiosk.theme import Metrics
from kiosk.ui.screens.staff_usage import UsageScreen
from kiosk.ui.style import stylesheet
from kiosk.usage import Metric, UsageRow, UsageSummary, summarize

PREVIEW_FILE = "staff-usage.png"


class SampleUsage:
    """Plausible counts for a preview: the same every time for the same day and sections."""

    def __init__(self, slugs: list[str], *, seed: int = 8) -> None:
        self._slugs = slugs
        self._seed = seed

    def rows(self, days: int, today: date) -> list[UsageRow]:
        rows = []
        for offset in range(days):
            day = today - timedelta(days=offset)
            chance = random.Random(f"{self._seed}-{day.isoformat()}")
            # Quieter at the weekend, as a clinic is.
            sessions = chance.randint(1, 4) if day.weekday() >= 5 else chance.randint(6, 18)
            stamp = day.isoformat()
            rows.append(UsageRow(stamp, Metric.SESSIONS, "", sessions, 0.0))
            for position, slug in enumerate(self._slugs):
                # Fewer readers reach each later section.
                views = max(0, round(sessions * chance.uniform(0.4, 0.9) / (1 + position * 0.4)))
                seconds = views * chance.uniform(40, 150)
                rows.append(UsageRow(stamp, Metric.SECTION_VIEWS, slug, views, seconds))
            for key in sorted(ILLUSTRATION_KEYS):
                uses = chance.randint(0, sessions // 2)
                rows.append(UsageRow(stamp, Metric.ILLUSTRATION_USES, key, uses, 0.0))
            for metric, share in (
                (Metric.CONTACT_OPENS, 0.4),
                (Metric.WARNINGS_ANSWERED, 0.2),
                (Metric.WARNINGS_EXPIRED, 0.5),
            ):
                rows.append(UsageRow(stamp, metric, "", round(sessions * share), 0.0))
        return rows

    def summary(self, days: int, today: date) -> UsageSummary:
        return summarize(self.rows(days, today), days, today, sample=True)


def render_usage_preview(
    metrics: Metrics,
    size: QSize,
    out: Path,
    section_titles: Mapping[str, str],
    *,
    days: int = 30,
) -> Path:
    """Writes out/staff-usage.png; needs a QApplication (kiosk.ui.app.application())."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / PREVIEW_FILE
    screen = UsageScreen(metrics, section_titles)
    # Its own stylesheet too, so the picture is right even where no kiosk window set one.
    screen.setStyleSheet(stylesheet(resources_dir() / "theme.qss", metrics))
    screen.setFixedSize(size)
    screen.show_usage(SampleUsage(list(section_titles)), days)
    screen.show()
    try:
        QApplication.processEvents()
        if not screen.grab().save(str(path)):
            raise OSError(f"could not write {path}")
    finally:
        screen.close()
        screen.deleteLater()
    return path
