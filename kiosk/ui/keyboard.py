"""Every patient function by keys, spoken: a keyboard, an EZ Access keypad or a Storm AudioNav.

One application-wide filter takes the keys `[keypad]` names (without Ctrl, Alt or Super: those
stay with the lockdown, which blocks them all). It moves a focus ring through the controls of
what is on screen in the order they appear (top to bottom, left to right), presses them, goes
back, scrolls and reads the reader's text, and says each step aloud in the session's language.
Any key wakes the attract screen and does nothing else, like the waking touch. The staff screens
and the PIN pad stay touch-only. A touch hides the ring; speech starts only from a key (or the
Listen button), and an overlay that appears by itself is spoken only to a patient using keys.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QInputEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from kiosk.keypad import Action, keymap
from kiosk.navigation import Location, Page
from kiosk.speech import VOLUME_STEPS
from kiosk.theme import COLORS, HIGH_CONTRAST, Metrics
from kiosk.ui.app_filter import ApplicationFilter
from kiosk.ui.illustrations import Illustration
from kiosk.ui.narrator import Narrator
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.session import IdleWatch
from kiosk.ui.spoken import describe, screen_words, speakable
from kiosk.ui.widgets.article_text import ArticleText
from kiosk.ui.widgets.focus_ring import FocusRing
from kiosk.ui.window import KioskWindow
from kiosk.ui_text import UiText

KEYPAD_PAGES = frozenset({Page.ATTRACT, Page.HOME, Page.READER, Page.CONTACT, Page.UPDATING})
NOT_KEYPAD = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
MOVES = {Action.NEXT: 1, Action.PREVIOUS: -1, Action.DOWN: 1, Action.UP: -1}


def qt_keys(bindings: Mapping[Action, str]) -> dict[int, Action]:
    """`[keypad]` names -> Qt key codes (every name in kiosk.keypad.KEY_NAMES is a Qt key)."""
    return {Qt.Key[f"Key_{name}"].value: action for name, action in keymap(bindings).items()}


def visual_order(widget: QWidget, window: QWidget) -> tuple[int, int]:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return (top_left.y(), top_left.x())


class KeyboardNavigator(ApplicationFilter):
    """Takes the patient's keys from `start()` to `stop()`."""

    def __init__(
        self,
        window: KioskWindow,
        metrics: Metrics,
        narrator: Narrator,
        idle: IdleWatch,
        bindings: Mapping[Action, str],
        *,
        touch_only: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.narrator = narrator
        self.read_aloud = ReadAloud(narrator, self)
        self.ring = FocusRing(window, metrics)
        self._idle = idle
        self._keys = qt_keys(bindings)
        self._touch_only = touch_only
        self._held: set[int] = set()  # keys whose release must go nowhere either
        self._opened_from: QWidget | None = None  # the control that opened the Display panel
        self.using_keys = False
        window.session_reset.connect(self.forget)
        window.page_changed.connect(self._on_page_changed)

    # What the kiosk knows about the patient's keys --------------------------------------------

    @property
    def text(self) -> UiText:
        return self.window.screens.text

    @property
    def language(self) -> str:
        return self.window.choices.language

    @property
    def focused(self) -> QWidget | None:
        return self.ring.target

    def forget(self) -> None:
        """The idle reset: silence, no ring, no reading position, no focus."""
        self.read_aloud.forget()
        self.narrator.forget()
        self.using_keys = False
        self.ring.follow(None)
        self._opened_from = None

    def set_bindings(self, bindings: Mapping[Action, str]) -> None:
        self._keys = qt_keys(bindings)

    # Events -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here (sixty paints a second while a picture
        # moves): the cheap class test comes first, as in the idle watch and the lockdown.
        if not isinstance(event, QInputEvent):
            return False
        kind = event.type()
        if kind in TOUCHES:
            if self.using_keys:
                self.using_keys = False
                self.ring.hide()
            return False
        if not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.KeyRelease:
            if event.key() in self._held and not event.isAutoRepeat():
                self._held.discard(event.key())
                return True
            return event.key() in self._held
        if kind != QEvent.Type.KeyPress or event.modifiers() & NOT_KEYPAD:
            return False
        if self.window.page not in KEYPAD_PAGES or self._touch_only():
            return False
        if not self._handle(event.key()):
            return False
        self._held.add(event.key())
        return True

    def _handle(self, key: int) -> bool:
        """Acts on a key; False for a key the keypad does not use (it goes on to the lockdown)."""
        window = self.window
        if window.page is Page.ATTRACT:
            # Any key wakes, and like the waking touch it presses nothing.
            self._idle.note_activity()
            self.using_keys = True
            window.wake()
            self._arrive()
            return True
        action = self._keys.get(key)
        if window.cleaning.is_counting:
            # Touches (and keys) are paused; a key only hears why.
            cleaning = window.cleaning
            self._say(f"{cleaning.title_label.text()}. {cleaning.countdown_label.text()}")
            return True
        if window.idle_warning.is_counting:
            self._idle.note_activity()  # answers "Still reading?" (the controller counts it)
            self.using_keys = True
            self._say(speakable(self.text.keep_reading))
            return True
        if action is None:
            return False
        self._idle.note_activity()
        self.using_keys = True
        self._act(action)
        return True

    # Actions ------------------------------------------------------------------------------------

    def _act(self, action: Action) -> None:
        if action in MOVES:
            delta = MOVES[action]
            if action in (Action.UP, Action.DOWN) and self._read_step(delta):
                return
            self._move(delta)
        elif action is Action.ACTIVATE:
            self._activate()
        elif action is Action.BACK:
            self._back()
        elif action is Action.HELP:
            self._say(self.text.keys_help)
        elif action in (Action.PAGE_DOWN, Action.PAGE_UP):
            self._scroll(1 if action is Action.PAGE_DOWN else -1)
        elif action in (Action.VOLUME_UP, Action.VOLUME_DOWN):
            level = self.narrator.change_volume(1 if action is Action.VOLUME_UP else -1)
            self._say(self.text.volume.format(level=level, steps=VOLUME_STEPS))

    def _read_step(self, delta: int) -> bool:
        text = self.focused
        if not isinstance(text, ArticleText):
            return False
        if self.read_aloud.step(text, self.language, delta):
            return True
        # Past the last paragraph the keys move on (an EZ Access keypad has only Up and Down).
        self.read_aloud.forget()
        self._move(delta, before=self.text.end_of_text if delta > 0 else "")
        return True

    def _move(self, delta: int, *, before: str = "") -> None:
        chain = self.chain()
        if not chain:
            self._say(screen_words(self.window))
            return
        current = self.focused
        if current in chain:
            index = chain.index(current) + delta
            # Past either end the ring wraps round, as a screen reader's list does.
            index %= len(chain)
        else:
            index = 0 if delta > 0 else len(chain) - 1
        self.focus(chain[index])
        self._say(" ".join(filter(None, (before, describe(chain[index], self.text)))))

    def _activate(self) -> None:
        target = self.focused
        if isinstance(target, ArticleText):
            reader = self.window.reader
            if target is reader.article:
                self.read_aloud.toggle_listening(reader)
            else:
                self.read_aloud.step(target, self.language, 1)
            return
        if not isinstance(target, QAbstractButton) or not target.isEnabled():
            self._move(1)
            return
        page, location = self.window.page, self.window.location
        language = self.language
        display_open = self._display_open()
        utterances = self.narrator.utterances
        target.click()
        if self.narrator.utterances != utterances:
            return  # the control speaks for itself (Listen reads the text)
        if self.window.location != location:
            # Next or Previous between sections keeps the ring where it was, for the next press.
            self._arrive(keep=target if self.window.page is page else None)
            return
        if self.language != language:
            # Same page in the other language: the ring stays on the language button.
            self._arrive(keep=target)
            return
        if self._display_open() and not display_open:
            self._opened_from = target
            self._arrive(
                f"{self.text.display_options}, {self.text.role_dialog}.",
            )
            return
        if display_open and not self._display_open():
            self._return_from_display()
            return
        if not self._still_usable(target):
            self._arrive()
            return
        self.focus(target)
        words = describe(target, self.text)
        picture = self._picture_of(target)
        if picture is not None:
            words += f". {picture.accessibleDescription()}"
        self._say(words)

    def _back(self) -> None:
        window = self.window
        if self._display_open():
            window.screens.display_layer.hide()
            self._return_from_display()
        elif window.page is Page.READER:
            window.show_home()
            self._arrive()
        elif window.page is Page.CONTACT:
            window.leave_contact()
            self._arrive()
        else:
            self._say(screen_words(self.window))

    def _scroll(self, pages: int) -> None:
        self.read_aloud.forget()
        self.narrator.stop()
        text = self._text_on_screen()
        if text is not None:
            text.scroll_pages(pages)

    # Focus ---------------------------------------------------------------------------------------

    def chain(self) -> list[QWidget]:
        """The controls the keys can reach now, in the order they appear on screen."""
        window = self.window
        if self._display_open():
            roots: list[QWidget] = [window.screens.display]
        else:
            roots = [window.stack.currentWidget() or window]
            if window.nav.isVisible():
                roots.append(window.nav)
        reachable = [
            widget
            for root in roots
            for widget in root.findChildren(QWidget)
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ]
        return sorted(reachable, key=lambda widget: visual_order(widget, window))

    def focus(self, widget: QWidget) -> None:
        # A control inside a scrolling panel (the reader's picture at large text) is scrolled
        # into view first, so the ring is placed where the control now is.
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
            parent = parent.parentWidget()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        self.ring.set_colors(HIGH_CONTRAST if self.window.choices.high_contrast else COLORS)
        self.ring.follow(widget)

    def _arrive(self, opening: str | None = None, keep: QWidget | None = None) -> None:
        """A new screen (or panel) by key: the ring on its first control (or on `keep`, when it
        is still there), the screen's name and the control said."""
        chain = self.chain()
        first = keep if keep in chain else self._first_of(chain)
        words = [opening or screen_words(self.window)]
        if first is not None:
            self.focus(first)
            words.append(describe(first, self.text))
        else:
            self.ring.follow(None)
        self._say(" ".join(words))

    def _first_of(self, chain: list[QWidget]) -> QWidget | None:
        # On the reader the text comes first: it is what the patient came for.
        for widget in chain:
            if isinstance(widget, ArticleText) and widget is self.window.reader.article:
                return widget
        return chain[0] if chain else None

    def _return_from_display(self) -> None:
        opener, self._opened_from = self._opened_from, None
        if opener is not None and self._still_usable(opener):
            self.focus(opener)
            self._say(describe(opener, self.text))
        else:
            self._arrive()

    def _still_usable(self, widget: QWidget) -> bool:
        return widget in self.chain()

    def _display_open(self) -> bool:
        return self.window.screens.display_layer.isVisible()

    def _text_on_screen(self) -> ArticleText | None:
        page = self.window.page
        if page is Page.READER:
            return self.window.reader.article
        if page is Page.CONTACT:
            return self.window.contact.details_text
        return None

    @staticmethod
    def _picture_of(widget: QWidget) -> Illustration | None:
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, Illustration):
            parent = parent.parentWidget()
        return parent

    def _on_page_changed(self, _location: Location) -> None:
        # Another section, a reset or a touch elsewhere: a reading in progress ends with its page.
        self.read_aloud.forget()
        if self.focused is not None and not self.focused.isVisible():
            self.ring.follow(None)

    def announce_idle_warning(self) -> None:
        """'Still reading?' appeared by itself: said only to a patient who is using the keys."""
        if not self.using_keys:
            return
        warning = self.window.idle_warning
        words = [warning.title_label.text(), warning.countdown_label.text()]
        if warning.button is not None:
            words.append(f"{speakable(warning.button.text())}, {self.text.role_button}.")
        self._say(" ".join(words))

    def _say(self, words: str) -> None:
        self.narrator.say(words, self.language)
