"""What each key does for a patient who cannot (or would rather not) touch the screen.

Qt-free: key names are Qt's own (`Qt.Key.Key_<name>`), checked against the list below so that a
typo in the `[keypad]` config table is reported like every other bad value.

Defaults serve a plain keyboard and the two keypad families clinics buy:
- a plain keyboard: arrows and Tab move, Enter and Space choose, Escape and Backspace go back,
  F1 is Help, Page Up/Down scroll, + and - change the volume;
- EZ Access (Trace Center, University of Wisconsin) keypads: Up, Down, Enter (the green diamond),
  Back and Help. Up/Down walk through everything on a screen, the reader's paragraphs included;
- the Storm AudioNav and EZ-Key (a USB keyboard and a USB sound card in one): a four-way pad,
  a centre Select key, Help, Back, and volume keys sent as the multimedia volume keys
  (XF86AudioRaiseVolume / XF86AudioLowerVolume; Qt's VolumeUp / VolumeDown).
Storm's keypads send ordinary keyboard codes from a programmable code table (Storm's technical
manuals, "Code Tables"; the configuration utility sets them); which code each key sends differs
by table, so the arrows, Return, Escape/Backspace and F1/Help named here are what IT programs
or maps in `[keypad]` (README, "Keypad and headphones").
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum


class Action(Enum):
    NEXT = "next"  # the next control
    PREVIOUS = "previous"  # the control before
    DOWN = "down"  # in the reader's text: the next paragraph; elsewhere the next control
    UP = "up"  # in the reader's text: the paragraph before; elsewhere the control before
    ACTIVATE = "activate"
    BACK = "back"
    HELP = "help"
    PAGE_DOWN = "page_down"
    PAGE_UP = "page_up"
    VOLUME_UP = "volume_up"
    VOLUME_DOWN = "volume_down"


DEFAULT_KEYS: dict[Action, str] = {
    Action.NEXT: "Tab Right",
    Action.PREVIOUS: "Backtab Left",
    Action.DOWN: "Down",
    Action.UP: "Up",
    Action.ACTIVATE: "Return Enter Space Select",
    Action.BACK: "Escape Backspace Back",
    Action.HELP: "F1 Help Question",
    Action.PAGE_DOWN: "PageDown",
    Action.PAGE_UP: "PageUp",
    Action.VOLUME_UP: "VolumeUp Plus",
    Action.VOLUME_DOWN: "VolumeDown Minus",
}

# Qt key names (Qt.Key.Key_<name>) a keypad may be set to. Modifier combinations are never
# keypad keys: Ctrl, Alt and Super stay with the lockdown, which blocks every one of them.
KEY_NAMES: frozenset[str] = frozenset(
    {
        "Tab", "Backtab", "Left", "Right", "Up", "Down", "Return", "Enter", "Space", "Select",
        "Escape", "Backspace", "Back", "Forward", "Help", "Question", "PageUp", "PageDown",
        "Home", "End", "Insert", "Delete", "VolumeUp", "VolumeDown", "VolumeMute", "Plus",
        "Minus", "Asterisk", "Slash", "Period", "Comma", "NumberSign", "Equal", "MediaPlay",
        "MediaPause", "MediaTogglePlayPause", "MediaStop", "MediaNext", "MediaPrevious", "Menu",
        "Clear", "Play", "Pause",
        *(f"F{number}" for number in range(1, 25)),
        *(str(digit) for digit in range(10)),
        *(chr(letter) for letter in range(ord("A"), ord("Z") + 1)),
    }
)  # fmt: skip


def key_names_problem(value: str) -> str | None:
    """Why a `[keypad]` value is wrong (an unknown key name), or None."""
    unknown = [name for name in value.split() if name not in KEY_NAMES]
    if unknown:
        return (
            f"names keys that do not exist: {', '.join(unknown)} "
            "(use Qt key names such as Tab, Return, Escape, F1, PageDown, VolumeUp)"
        )
    return None


def keymap(bindings: Mapping[Action, str]) -> dict[str, Action]:
    """Key name -> action. A key bound to two actions keeps the first in Action's order, so a
    clash can never leave a key doing two things."""
    mapping: dict[str, Action] = {}
    for action in Action:
        for name in bindings.get(action, "").split():
            mapping.setdefault(name, action)
    return mapping
