"""Every sentence the kiosk itself shows (not the article): one catalog, one entry per language.

A dataclass rather than a dict so that a language missing a string is a type error and a
`kiosk check` error, not a blank button in front of a patient.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Plural:
    """A sentence with a count in it, in the forms its language needs. English and Spanish both
    use the singular for exactly one ("1 second", "1 segundo") and the plural otherwise."""

    one: str  # {count}
    other: str  # {count}

    def format(self, count: int) -> str:
        return (self.one if count == 1 else self.other).format(count=count)


@dataclass(frozen=True)
class UiText:
    home: str
    previous: str
    next: str
    text_size: str
    text_size_short: str  # on the bar where `text_size` does not fit (kiosk/ui/widgets/nav_bar.py)
    contact: str
    home_intro: str
    progress: str  # {current} and {total}
    more_below: str
    disclaimer: str
    updating: str
    contact_title: str
    back: str
    scan_contact: str
    scan_website: str
    ask_front_desk: str
    touch_to_start: str
    still_reading: str
    still_reading_countdown: Plural
    keep_reading: str
    cleaning_title: str
    cleaning_countdown: Plural
    language: str  # the language's own name, on the button that switches to it
    display_options: str
    display_options_short: str  # on the bar where `display_options` does not fit
    high_contrast: str
    reduced_motion: str
    larger_text: str
    on: str
    off: str
    done: str
    # Spoken and shown for the keys and the Listen button (kiosk/ui/keyboard.py, read_aloud.py).
    listen: str
    pause_listening: str
    role_button: str
    role_toggle: str
    role_text: str
    role_dialog: str
    role_alert: str
    keys_help: str
    text_keys_hint: str
    volume: str  # {level} of {steps}
    end_of_text: str


ENGLISH = UiText(
    home="Home",
    previous="← Previous",
    next="Next →",
    text_size="Text size",
    text_size_short="Text size",
    contact="Contact",
    home_intro="Touch a topic to read it.",
    progress="{current} of {total}",
    more_below="More below — slide the text up ↑",
    disclaimer="Educational information, not medical advice — talk with your care team.",
    updating="This screen is being updated — please ask at the front desk.",
    contact_title="Contact us",
    back="← Back",
    scan_contact="Scan with your phone's camera to save our contact details",
    scan_website="Scan to open our website",
    ask_front_desk="Please ask at the front desk",
    touch_to_start="Touch to start",
    still_reading="Still reading?",
    still_reading_countdown=Plural(
        one="The screen will go back to the start in {count} second.",
        other="The screen will go back to the start in {count} seconds.",
    ),
    keep_reading="Yes, keep reading",
    cleaning_title="Cleaning the screen",
    cleaning_countdown=Plural(
        one="Touches are paused. Back in {count} second.",
        other="Touches are paused. Back in {count} seconds.",
    ),
    language="English",
    display_options="Display",
    display_options_short="Display",
    high_contrast="High contrast",
    reduced_motion="Less motion",
    larger_text="Extra large text",
    on="On",
    off="Off",
    done="Done",
    listen="▶ Listen",
    pause_listening="❚❚ Pause",
    role_button="button",
    role_toggle="switch",
    role_text="text",
    role_dialog="dialog",
    role_alert="alert",
    keys_help=(
        "Keys: Tab or the right arrow moves to the next item, the left arrow to the one before."
        " Enter chooses. Escape or Backspace goes back. On the text, the down arrow reads the"
        " next paragraph and the up arrow the one before. Plus and minus, or the volume keys,"
        " change the volume. F1 or Help repeats this."
    ),
    text_keys_hint="Press the down arrow to hear it paragraph by paragraph.",
    volume="Volume {level} of {steps}",
    end_of_text="End of the text.",
)

SPANISH = UiText(
    home="Inicio",
    previous="← Anterior",
    next="Siguiente →",
    text_size="Tamaño del texto",
    text_size_short="Tamaño",
    contact="Contacto",
    home_intro="Toque un tema para leerlo.",
    progress="{current} de {total}",
    more_below="Hay más abajo — deslice el texto hacia arriba ↑",
    disclaimer="Información educativa, no consejo médico — hable con su equipo de atención médica.",
    updating="Estamos actualizando esta pantalla — por favor, pregunte en la recepción.",
    contact_title="Contáctenos",
    back="← Volver",
    scan_contact="Escanee con la cámara de su teléfono para guardar nuestros datos de contacto",
    scan_website="Escanee para abrir nuestro sitio web",
    ask_front_desk="Por favor, pregunte en la recepción",
    touch_to_start="Toque para comenzar",
    still_reading="¿Sigue leyendo?",
    still_reading_countdown=Plural(
        one="La pantalla volverá al inicio en {count} segundo.",
        other="La pantalla volverá al inicio en {count} segundos.",
    ),
    keep_reading="Sí, seguir leyendo",
    cleaning_title="Limpieza de la pantalla",
    cleaning_countdown=Plural(
        one="Los toques están en pausa. Se reanudan en {count} segundo.",
        other="Los toques están en pausa. Se reanudan en {count} segundos.",
    ),
    language="Español",
    display_options="Opciones de pantalla",
    display_options_short="Pantalla",
    high_contrast="Alto contraste",
    reduced_motion="Menos movimiento",
    larger_text="Letra extra grande",
    on="Sí",
    off="No",
    done="Listo",
    listen="▶ Escuchar",
    pause_listening="❚❚ Pausa",
    role_button="botón",
    role_toggle="interruptor",
    role_text="texto",
    role_dialog="diálogo",
    role_alert="alerta",
    keys_help=(
        "Teclas: Tab o la flecha derecha pasa al siguiente elemento, la flecha izquierda al"
        " anterior. Enter elige. Escape o Retroceso vuelve atrás. En el texto, la flecha hacia"
        " abajo lee el párrafo siguiente y la flecha hacia arriba el anterior. Más y menos, o"
        " las teclas de volumen, cambian el volumen. F1 o Ayuda repite esto."
    ),
    text_keys_hint="Pulse la flecha hacia abajo para escucharlo párrafo por párrafo.",
    volume="Volumen {level} de {steps}",
    end_of_text="Fin del texto.",
)

CATALOG: dict[str, UiText] = {"en": ENGLISH, "es": SPANISH}
# Words that read the same in a translation; anything else identical to English is untranslated.
SAME_IN_EVERY_LANGUAGE = frozenset({"progress"})


def ui_text(language: str) -> UiText:
    return CATALOG.get(language, ENGLISH)


def untranslated_fields(language: str) -> list[str]:
    """Names of interface strings that are empty or still English in `language`."""
    text = CATALOG.get(language)
    if text is None or text is ENGLISH:
        return []
    return [
        field.name
        for field in fields(UiText)
        if field.name not in SAME_IN_EVERY_LANGUAGE
        and (
            not _words(getattr(text, field.name)).strip()
            or getattr(text, field.name) == getattr(ENGLISH, field.name)
        )
    ]


def _words(value: str | Plural) -> str:
    return value.one + value.other if isinstance(value, Plural) else value
