"""Turns the raw runs into rows: median, spread, DESIGN.md's budget, ratio to the floor, verdict."""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from benchutil import percentile, summary

# CPU below this share of one core counts as 0 %: the status file is written every 10 s.
ZERO_CPU_PERCENT = 0.1
# A floor this close to zero makes a ratio meaningless.
TINY_FLOOR = {"%": 0.05, "ms": 0.01, "s": 0.001, "MiB": 0.1, "frames": 0.5}


@dataclass
class Row:
    metric: str
    unit: str
    values: list[float]
    median: float
    low: float
    high: float
    budget: str
    within: str  # "yes", "no" or "—" (no budget in DESIGN.md)
    floor: float | None
    ratio: float | None
    note: str = ""


def make_row(
    metric: str,
    unit: str,
    values: Sequence[float],
    *,
    budget: str = "—",
    check: Callable[[float], bool] | None = None,
    floor_values: Sequence[float] | None = None,
    note: str = "",
) -> Row:
    stats = summary(values)
    floor = statistics.median(floor_values) if floor_values else None
    ratio = None
    if floor is not None and abs(floor) >= TINY_FLOOR.get(unit, 0.0) and floor != 0:
        ratio = stats["median"] / floor
    within = "—" if check is None else ("yes" if check(stats["median"]) else "no")
    return Row(
        metric,
        unit,
        [float(value) for value in values],
        stats["median"],
        stats["min"],
        stats["max"],
        budget,
        within,
        floor,
        ratio,
        note,
    )


def note_row(metric: str, note: str) -> Row:
    nan = float("nan")
    return Row(metric, "", [], nan, nan, nan, "—", "—", None, None, note)


def _number(value: float, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "s":
        return f"{value:.3f}"
    if unit in ("%", "ms"):
        return f"{value:.2f}"
    if unit == "frames":
        return f"{value:.0f}"
    return f"{value:.1f}"


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        "| metric | median | spread (min–max) | budget (DESIGN.md) | ratio to floor | within budget |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        if not row.values:
            lines.append(f"| {row.metric} | {row.note} | | | | |")
            continue
        unit = f" {row.unit}" if row.unit else ""
        spread = f"{_number(row.low, row.unit)}–{_number(row.high, row.unit)}{unit}"
        if row.ratio is not None:
            ratio = f"{row.ratio:.2f}× ({_number(row.floor or 0.0, row.unit)}{unit})"
        elif row.floor is not None:
            ratio = f"floor ≈ 0 ({_number(row.floor, row.unit)}{unit})"
        else:
            ratio = "—"
        metric = row.metric + (f" ({row.note})" if row.note else "")
        lines.append(
            f"| {metric} | {_number(row.median, row.unit)}{unit} | {spread} | {row.budget} "
            f"| {ratio} | {row.within} |"
        )
    return "\n".join(lines)


def tap_rows(
    runs: Sequence[dict[str, Any]], floor_runs: Sequence[dict[str, Any]], kinds: Sequence[str]
) -> list[Row]:
    """For each kind of tap: its handler time against DESIGN.md's budget (p50 and p95), and the
    time until the changed screen is painted (p95), each beside the floor's text swap."""

    def floor_at(key: str, share: float) -> list[float]:
        return [percentile(run[key], share) for run in floor_runs]

    rows = []
    for kind in kinds:
        handled = [run["tap_handler_ms"][kind] for run in runs]
        painted = [run["taps_ms"][kind] for run in runs]
        count = len(handled[0]) if handled else 0
        for share in (0.5, 0.95):
            rows.append(
                make_row(
                    f"tap '{kind}' handler p{round(share * 100)} ({count} taps a run)",
                    "ms",
                    [percentile(times, share) for times in handled],
                    budget="≤ 16 ms",
                    check=lambda value: value <= 16.0,
                    floor_values=floor_at("swap_handler_ms", share),
                )
            )
        rows.append(
            make_row(
                f"tap '{kind}' until painted p95",
                "ms",
                [percentile(times, 0.95) for times in painted],
                floor_values=floor_at("swap_ms", 0.95),
            )
        )
    return rows


def animation_rows(
    name: str,
    results: Sequence[dict[str, Any]],
    floor_runs: Sequence[dict[str, Any]],
    *,
    note: str = "",
) -> list[Row]:
    floor_cpu = [run["scroll_cpu_percent"] for run in floor_runs]
    floor_frames = [run["scroll_frames"] for run in floor_runs]
    widget = next((result["widget"] for result in results if result.get("widget")), "none found")
    rows = [
        make_row(
            f"CPU while {name} animates",
            "%",
            [result["cpu_percent"] for result in results],
            budget="≤ 3 % of one core",
            check=lambda value: value <= 3.0,
            floor_values=floor_cpu,
            note=note,
        )
    ]
    for key, label in (("p50_ms", "p50"), ("p95_ms", "p95")):
        rows.append(
            make_row(
                f"frame interval {label}, {name} [{widget}]",
                "ms",
                [result["frames"][key] for result in results],
                floor_values=[frames[key] for frames in floor_frames],
            )
        )
    rows.append(
        make_row(
            f"dropped frames (> 1.5× median interval), {name}, of "
            f"{round(statistics.median(r['frames']['frames'] for r in results))} a run",
            "frames",
            [result["frames"]["dropped"] for result in results],
            floor_values=[frames["dropped"] for frames in floor_frames],
        )
    )
    return rows


def rows_as_dicts(rows: Sequence[Row]) -> list[dict[str, Any]]:
    return [asdict(row) for row in rows]
