"""500 random actions through the real kiosk (bench/soak.py; `make soak` runs 10,000)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SOAK = Path(__file__).resolve().parent.parent / "bench" / "soak.py"


def _soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_bench_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_500_random_actions_leave_the_kiosk_consistent_and_quiet(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    soak = _soak()
    result = soak.run_soak(500, seed=20251124, work=tmp_path)
    assert not result.failures(), result.summary()
