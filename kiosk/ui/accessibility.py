"""What a screen reader is told beyond Qt's defaults: roles Qt cannot guess from a widget's class
(a panel that is a dialog, a card that is an alert, a label that is the attract screen's button)
and the language of every text (so Spanish is read with a Spanish voice, not as "C").
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

ROLE_PROPERTY = "kioskAccessibleRole"
Role = QAccessible.Role
_installed = False


def set_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Tells screen readers what `widget` is (Qt guesses from the class otherwise)."""
    widget.setProperty(ROLE_PROPERTY, role.value)


def _interface(_class_name: str, watched: QObject) -> QAccessibleInterface | None:
    if not isinstance(watched, QWidget):
        return None
    role = watched.property(ROLE_PROPERTY)
    if role is None:
        return None
    return QAccessibleWidget(watched, Role(role), "")


def install_roles() -> None:
    """Once per process: Qt asks this factory before its own for every widget's interface."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True


def set_session_language(language: str) -> None:
    """What screen readers hear for texts without a language of their own (the roles set here:
    Qt gives those the application's default locale, the system's "C" otherwise)."""
    QLocale.setDefault(QLocale(language))


def set_language(widget: QWidget, language: str) -> None:
    """Every text inside `widget` is in `language` ("en", "es"): screen readers get its locale."""
    widget.setLocale(QLocale(language))
