"""Shared fixtures. Qt runs offscreen so the suite needs no display (pass --onscreen to watch)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show windows on the real display")


def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The user's or the machine's kiosk config must never leak into a test, and no test may
    # write status, logs or usage counts into the real home folder.
    os.environ.pop("KIOSK_CONFIG", None)
    scratch = tempfile.mkdtemp(prefix="kiosk-tests-")
    for variable in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(Path(scratch) / variable.lower())


REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEED = Path(__file__).resolve().parent / "data" / "article-seed.txt"


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled content that a test may break."""
    import shutil

    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(autouse=True)
def _no_excepthook_leak() -> Iterator[None]:
    hook = sys.excepthook
    yield
    sys.excepthook = hook


@pytest.fixture
def make_kiosk(qtbot):  # type: ignore[no-untyped-def]
    """Builds a shown kiosk (window and controller) of a given screen size from a content folder."""
    from PySide6.QtCore import QSize

    from kiosk.loading import Loaded, load_everything
    from kiosk.ui.app import application, build_kiosk

    application()
    made = []

    def make(  # type: ignore[no-untyped-def]
        size: tuple[int, int] = (1920, 1080),
        content: Path = CONTENT,
        config: Path | None = None,
        kiosk_mode: bool = False,
        clock: Callable[[], float] | None = None,
    ):
        def reload() -> Loaded:
            return load_everything(content, config)

        controller = build_kiosk(
            reload(), QSize(*size), kiosk_mode=kiosk_mode, reload=reload, clock=clock
        )
        window = controller.window
        window.setFixedSize(QSize(*size))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.stop()
        controller.window.allow_close()
        controller.window.close()
        controller.window.deleteLater()


@pytest.fixture(autouse=True)
def _delete_closed_widgets() -> Iterator[None]:
    """Deletes what a test scheduled for deletion (qtbot closes and deleteLater()s the widgets it
    was given; make_kiosk its windows). Outside an event loop Qt never does that by itself: the
    suite kept every window alive (146 live widgets growing to 1,446), and each style-sheet change
    re-polished them all, which doubled the suite's CPU time."""
    yield
    if "PySide6.QtCore" not in sys.modules:
        return  # a test without Qt has nothing to delete
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_window(make_kiosk):  # type: ignore[no-untyped-def]
    """A shown kiosk window already woken from its attract screen onto the home screen."""

    def make(*args, **kwargs):  # type: ignore[no-untyped-def]
        window = make_kiosk(*args, **kwargs).window
        window.wake()
        return window

    return make


@pytest.fixture
def kiosk_process(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Starts real kiosk processes (tests/helpers/kiosk_process.py); none outlives its test."""
    from helpers.kiosk_process import KioskProcess, start_kiosk

    started = []

    def start(*arguments: str, **options: Any) -> KioskProcess:
        process = start_kiosk(tmp_path, *arguments, **options)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()


@pytest.fixture(autouse=True)
def _silent_kiosk(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test plays sound: the kiosk's narrator says its words to nobody unless a test gives it
    an engine (the speech tests give one that writes WAV files)."""
    from kiosk.ui import controller

    monkeypatch.setattr(controller, "default_engine", lambda _settings: None)


@pytest.fixture(autouse=True)
def _default_locale() -> Iterator[None]:
    """The kiosk sets Qt's default locale to the session's language (for screen readers);
    a test that ends in Spanish must not leave it to the next."""
    from PySide6.QtCore import QLocale

    saved = QLocale()
    yield
    QLocale.setDefault(saved)


@pytest.fixture
def espeak_ng() -> None:
    """The speech tests render through the real espeak-ng; without it they fail, naming it."""
    from kiosk.speech import engine_problem

    problem = engine_problem()
    if problem is not None:
        pytest.fail(problem)
