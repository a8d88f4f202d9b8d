"""`make bench`: the kiosk's start-up, memory, CPU, frame and tap figures on a real X screen.

    python bench/run.py [--runs 5] [--out bench/results.json] [--seconds 5] [--taps 200]

Starts its own Xvfb at 1920×1080 (killed at the end) and, in the same run, a bare PySide6
full-screen reader of the same text as the floor: every figure is also shown as a ratio to the
floor's, so a slow or noisy machine does not hide a regression (nor invent one). Writes
results.json (every raw value, the machine) and results.md (the table), and prints the table.
Figures are reported, never asserted: the test suite holds no wall-clock limits.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchutil import BENCH, REPO, TAP_KINDS, machine, machine_line, write_config, xvfb
from report import Row, animation_rows, make_row, markdown_table, note_row, rows_as_dicts, tap_rows
from speech import run_section as speech_section
from speech import speech_rows
from startup import StartRun, child_environment, floor_command, kiosk_command, measure_start

README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def start_runs(
    runs: int, env: dict[str, str], config: Path
) -> tuple[list[StartRun], list[StartRun], list[str]]:
    python = Path(sys.executable)
    kiosk, floor = kiosk_command(python, config), floor_command(python)
    log("start-up: one warm-up of each (not counted; it also caches byte code), then in turn")
    measure_start(kiosk, env)
    measure_start(floor, env)
    kiosk_runs, floor_runs = [], []
    for index in range(runs):
        kiosk_runs.append(measure_start(kiosk, env))
        floor_runs.append(measure_start(floor, env))
        log(
            f"  run {index + 1}: kiosk {kiosk_runs[-1].first_paint_s:.3f} s, "
            f"{kiosk_runs[-1].pss_mib:.1f} MiB; floor {floor_runs[-1].first_paint_s:.3f} s, "
            f"{floor_runs[-1].pss_mib:.1f} MiB"
        )
    # What the kiosk said on stderr besides its own INFO lines (Qt warnings would show here).
    unexpected = sorted(
        {
            line
            for run in kiosk_runs
            for line in run.stderr
            if " INFO " not in line and line.strip() and "propagateSizeHints" not in line
        }
    )
    return kiosk_runs, floor_runs, unexpected


def in_process_runs(
    runs: int,
    env: dict[str, str],
    config: Path,
    seconds: float,
    taps: int,
    work: Path,
    *,
    attract_only: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    kiosk_results, floor_results = [], []
    for index in range(runs):
        out = work / f"inproc-{index}.json"
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "inproc.py"),
                "--config",
                str(config),
                "--out",
                str(out),
                "--seconds",
                str(seconds),
                "--taps",
                str(taps),
                *(["--attract-only"] if attract_only else []),
            ],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        kiosk_results.append(json.loads(out.read_text(encoding="utf-8")))
        floor_out = work / f"floor-{index}.json"
        subprocess.run(
            [
                sys.executable,
                str(BENCH / "bare_reader.py"),
                "--measure",
                str(floor_out),
                "--seconds",
                str(seconds),
                "--taps",
                str(taps),
            ],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        floor_results.append(json.loads(floor_out.read_text(encoding="utf-8")))
        log(f"  in-process run {index + 1} done in {time.monotonic() - started:.0f} s")
    return kiosk_results, floor_results


def build_rows(
    kiosk_starts: list[StartRun],
    floor_starts: list[StartRun],
    kiosk: list[dict[str, Any]],
    floor: list[dict[str, Any]],
) -> list[Row]:
    rows = [
        make_row(
            "process start → first screen painted (outside clock: Popen → stderr line)",
            "s",
            [run.first_paint_s for run in kiosk_starts],
            budget="≤ 0.5 s",
            check=lambda value: value <= 0.5,
            floor_values=[run.first_paint_s for run in floor_starts],
        ),
        make_row(
            "first screen painted, the kiosk's own log line (from the kernel's process start)",
            "s",
            [run.own_first_paint_s for run in kiosk_starts],
            budget="≤ 0.5 s",
            check=lambda value: value <= 0.5,
            floor_values=[run.own_first_paint_s for run in floor_starts],
        ),
        make_row(
            "PSS 3 s after the first paint (smaps_rollup)",
            "MiB",
            [run.pss_mib for run in kiosk_starts],
            budget="≤ 100 MB",
            check=lambda value: value * 1.048576 <= 100,
            floor_values=[run.pss_mib for run in floor_starts],
        ),
        make_row(
            "CPU on the first (attract) screen, from /proc, 1–3 s after the paint",
            "%",
            [run.first_screen_cpu_percent for run in kiosk_starts],
            budget="≤ 3 % (moving)",
            check=lambda value: value <= 3.0,
            floor_values=[run.first_screen_cpu_percent for run in floor_starts],
        ),
    ]
    floor_rest = [run["rest_cpu_percent"] for run in floor]
    for key, name in (("rest_home", "home"), ("rest_reader", "reader (no illustration)")):
        rows.append(
            make_row(
                f"CPU at rest on {name}",
                "%",
                [run[key]["cpu_percent"] for run in kiosk],
                budget="0 %",
                check=lambda value: value < 0.1,
                floor_values=floor_rest,
                note=f"{statistics.median(run[key]['paints_per_s'] for run in kiosk):.1f} paints/s",
            )
        )
    rows += attract_rows(kiosk, floor)
    sections = kiosk[0]["illustration_sections"]
    if not sections:
        rows.append(
            note_row("CPU while each illustration animates (in a section)", "none configured")
        )
    for name in sections:
        rows += animation_rows(
            f"illustration {name}", [run["illustration_sections"][name] for run in kiosk], floor
        )
    # Measured only while no section shows the illustrations.
    standalone = [
        run["illustrations_standalone"] for run in kiosk if run["illustrations_standalone"]
    ]
    if standalone and "error" in standalone[0]:
        rows.append(note_row("illustrations (standalone widget)", standalone[0]["error"]))
    elif standalone:
        for key in standalone[0]:
            rows += animation_rows(
                f"illustration '{key}' (standalone 860×720 widget)",
                [results[key] for results in standalone if key in results],
                floor,
            )
    rows += tap_rows(kiosk, floor, TAP_KINDS)
    return rows


def attract_rows(kiosk: list[dict[str, Any]], floor: list[dict[str, Any]]) -> list[Row]:
    """The attract screen, where the kiosk spends most of its life: a whole breath and its
    stillness, beside the floor at rest; and its breath alone, beside the floor scrolling."""
    attract = [run["attract"] for run in kiosk]
    repaints = statistics.median(run["repaints"] for run in attract)
    return [
        make_row(
            "CPU resting on the attract screen (a whole 16 s breath and stillness)",
            "%",
            [run["cycle_cpu_percent"] for run in attract],
            budget="≤ 0.5 % of one core",
            check=lambda value: value <= 0.5,
            floor_values=[run["rest_cpu_percent"] for run in floor],
            note=f"{repaints:.0f} repaints of its halo a cycle",
        ),
        make_row(
            "CPU while the attract screen breathes (its 6 s breath)",
            "%",
            [run["breathing_cpu_percent"] for run in attract],
            budget="≤ 3 % of one core",
            check=lambda value: value <= 3.0,
            floor_values=[run["scroll_cpu_percent"] for run in floor],
        ),
    ]


def floor_table(floor_starts: list[StartRun], floor: list[dict[str, Any]]) -> str:
    rows = [
        make_row(
            "start → first paint (outside clock)", "s", [r.first_paint_s for r in floor_starts]
        ),
        make_row("PSS", "MiB", [r.pss_mib for r in floor_starts]),
        make_row("CPU at rest", "%", [r["rest_cpu_percent"] for r in floor]),
        make_row("CPU scrolling 2 px every 16 ms", "%", [r["scroll_cpu_percent"] for r in floor]),
        make_row(
            "frame interval p50 scrolling", "ms", [r["scroll_frames"]["p50_ms"] for r in floor]
        ),
        make_row(
            "frame interval p95 scrolling", "ms", [r["scroll_frames"]["p95_ms"] for r in floor]
        ),
        make_row(
            "text swap (setMarkdown) p50",
            "ms",
            [statistics.median(r["swap_handler_ms"]) for r in floor],
        ),
        make_row(
            "text swap until painted p50", "ms", [statistics.median(r["swap_ms"]) for r in floor]
        ),
    ]
    return markdown_table(rows)


def update_readme(readme: Path, block: str) -> bool:
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return False
    readme.write_text(
        text[: start + len(README_START)] + "\n" + block + "\n" + text[end:], encoding="utf-8"
    )
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", type=Path, default=BENCH / "results.json")
    parser.add_argument(
        "--seconds",
        type=float,
        default=3.0,
        help="each CPU window and each frame window (3 s keeps a 5-run bench near 7 minutes)",
    )
    parser.add_argument("--taps", type=int, default=200, help="taps of each kind in a run")
    parser.add_argument(
        "--readme", type=Path, help=f"also put the table between {README_START} and {README_END}"
    )
    parser.add_argument(
        "--attract-only",
        action="store_true",
        help="only the attract screen beside the floor (for a loaded machine); writes nothing",
    )
    arguments = parser.parse_args()
    if arguments.runs < 1:
        parser.error("--runs must be at least 1")
    if arguments.attract_only:
        return attract_only(arguments.runs, arguments.seconds)
    started = time.monotonic()
    description = machine()
    description["load_average_at_start"] = os.getloadavg()[0]
    if os.getloadavg()[0] > 0.5:
        log(
            f"note: load average {os.getloadavg()[0]:.2f}: other work on this machine skews figures"
        )
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as temporary:
        work = Path(temporary)
        config = write_config(work / "config")
        with xvfb() as display:
            log(f"Xvfb {display} at 1920x1080")
            env = child_environment(display, work / "pycache")
            kiosk_starts, floor_starts, unexpected = start_runs(arguments.runs, env, config)
            log("in-process runs (kiosk, then the floor)")
            kiosk, floor = in_process_runs(
                arguments.runs, env, config, arguments.seconds, arguments.taps, work
            )
            log("speech: key press -> first audio; taps while speaking (bench/speech.py)")
            speech = speech_section(env, config, work, presses=40, taps=arguments.taps // 2)
    description["load_average_at_end"] = os.getloadavg()[0]
    rows = build_rows(kiosk_starts, floor_starts, kiosk, floor) + speech_rows(speech)
    elapsed = time.monotonic() - started
    table = markdown_table(rows)
    floor_md = floor_table(floor_starts, floor)
    heading = (
        f"Measured by `make bench` ({arguments.runs} runs; median and min–max) on: "
        f"{machine_line(description)}; 1-minute load average {description['load_average_at_start']:.2f} "
        f"at the start, {description['load_average_at_end']:.2f} at the end. Floor: a bare PySide6 full-screen QTextEdit with the same "
        "text (bench/bare_reader.py), in the same run; animation rows are compared with the floor "
        "scrolling 2 px every 16 ms, tap rows with the floor swapping in another section's text."
    )
    markdown = f"{heading}\n\n{table}\n\nThe floor itself:\n\n{floor_md}\n"
    if unexpected:
        markdown += "\nUnexpected stderr lines from the kiosk:\n\n" + "\n".join(
            f"    {line}" for line in unexpected
        )
    markdown += f"\n\nWhole run: {elapsed:.0f} s.\n"
    out: Path = arguments.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "machine": description,
                "runs": arguments.runs,
                "seconds_per_window": arguments.seconds,
                "taps_per_kind": arguments.taps,
                "elapsed_s": round(elapsed, 1),
                "rows": rows_as_dicts(rows),
                "raw": {
                    "kiosk_starts": [
                        {k: v for k, v in vars(run).items() if k != "stderr"}
                        for run in kiosk_starts
                    ],
                    "floor_starts": [
                        {k: v for k, v in vars(run).items() if k != "stderr"}
                        for run in floor_starts
                    ],
                    "kiosk_unexpected_stderr": unexpected,
                    "kiosk_in_process": kiosk,
                    "floor_in_process": floor,
                    "speech": speech,
                },
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    out.with_suffix(".md").write_text(markdown, encoding="utf-8")
    if arguments.readme is not None and not update_readme(arguments.readme, markdown):
        log(f"{arguments.readme} has no {README_START} … {README_END} block; left alone")
    print(markdown)
    over = [row.metric for row in rows if row.within == "no"]
    log(f"wrote {out} and {out.with_suffix('.md')}; {len(over)} figure(s) over budget")
    return 0


def attract_only(runs: int, seconds: float) -> int:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as temporary:
        work = Path(temporary)
        config = write_config(work / "config")
        with xvfb() as display:
            env = child_environment(display, work / "pycache")
            kiosk, floor = in_process_runs(runs, env, config, seconds, 10, work, attract_only=True)
    print(markdown_table(attract_rows(kiosk, floor)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
