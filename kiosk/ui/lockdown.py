"""Keeps patients inside the kiosk: the keys, menus and drops that could leave it do nothing.

What only the operating system can stop (switching virtual terminals, compositor shortcuts) is
handled by the kiosk session in packaging/ (see the README).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDropEvent, QHelpEvent, QInputEvent, QKeyEvent, QKeySequence

from kiosk.ui.app_filter import ApplicationFilter

log = logging.getLogger(__name__)

Modifier = Qt.KeyboardModifier
BLOCKED_KEYS: frozenset[tuple[Qt.Key, Qt.KeyboardModifier]] = frozenset(
    {
        (Qt.Key.Key_F4, Modifier.AltModifier),
        (Qt.Key.Key_Q, Modifier.ControlModifier),
        (Qt.Key.Key_W, Modifier.ControlModifier),
        (Qt.Key.Key_Escape, Modifier.NoModifier),
        (Qt.Key.Key_F11, Modifier.NoModifier),
        (Qt.Key.Key_Tab, Modifier.AltModifier),
        (Qt.Key.Key_Backtab, Modifier.AltModifier | Modifier.ShiftModifier),
    }
)
# Every other key is swallowed too: there is no text to type anywhere, so a key can only escape.
BLOCKED_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.ContextMenu,
        QEvent.Type.DragEnter,
        QEvent.Type.DragMove,
        QEvent.Type.Drop,
        QEvent.Type.WhatsThis,
        QEvent.Type.QueryWhatsThis,
    }
)
BLOCKED_CLASSES = (QInputEvent, QDropEvent, QHelpEvent)
RELEVANT_MODIFIERS = Modifier.AltModifier | Modifier.ControlModifier | Modifier.ShiftModifier


class Lockdown(ApplicationFilter):
    """Swallows escape keys and gestures from `start()` to `stop()`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the cheap class test comes first.
        if not isinstance(event, BLOCKED_CLASSES) or event.type() not in BLOCKED_EVENTS:
            return False
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not event.isAutoRepeat()
        ):
            combination = (Qt.Key(event.key()), event.modifiers() & RELEVANT_MODIFIERS)
            if combination in BLOCKED_KEYS:
                log.info("blocked %s", QKeySequence(event.keyCombination()).toString())
        return True
