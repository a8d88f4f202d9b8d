"""A plain, non-editable install finds its bundled resources and content outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed_kiosk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with `pip install .`; the third-party dependencies come from the test venv."""
    root = tmp_path_factory.mktemp("install")
    wheels = root / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    target = root / "venv"
    venv.create(target, with_pip=True)
    python = target / "bin" / "python"
    wheel = next(wheels.glob("clinic_kiosk-*.whl"))
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def run_installed(venv_dir: Path, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("KIOSK_CONFIG", None)
    return subprocess.run(
        [venv_dir / "bin" / "kiosk", *arguments],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_installed_kiosk_checks_its_bundled_content(installed_kiosk: Path, tmp_path: Path) -> None:
    result = run_installed(installed_kiosk, "check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: 5 sections in 'en' (also in 'es') from ")
    assert "kiosk/_bundled/content" in result.stdout
    assert str(REPO) not in result.stdout


def test_installed_kiosk_renders_previews(installed_kiosk: Path, tmp_path: Path) -> None:
    result = run_installed(
        installed_kiosk, "preview", "--out", str(tmp_path / "shots"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "shots" / "home.png").stat().st_size > 10_000
    assert result.stderr == ""
