"""The kiosk's colours and sizes, kept free of Qt so that contrast and size rules are testable.

Sizes are given for a screen whose short side is 1080 px (a 24" 1080p panel) and scaled to the
actual screen; DESIGN.md's numbers (≥ 28 px body text, ≥ 80 px touch targets) hold at that size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from kiosk.glass import REFERENCE_SHORT_SIDE_MM

# The one typeface (resources/fonts/, loaded by kiosk/ui/app.py), in widgets, style sheets and
# the words painted inside the pictures.
FONT_FAMILY = "Atkinson Hyperlegible"
REFERENCE_SHORT_SIDE = 1080
# DESIGN.md, on the glass: touch targets, the gaps between them, body text's capital height
# (Section 508 402.4: 3/16 in), and the bundled font's capital height per em (QFontMetricsF).
MIN_TARGET_MM = 20.0
MIN_GAP_MM = 2.0
MIN_CAP_HEIGHT_MM = 4.8
CAP_HEIGHT_PER_EM = 0.668
# Where the glass lifts body text above the layout's scale (a 10" 1280×800 tablet: 43 px body
# text where the layout's scale gives 22), titles keep at most this lead over the body: their
# full lead (a page title is 1.93× the body) made the reader's title three lines of 83 px and the
# attract title 109 px, more than an 800 px screen can give beside a 20 mm bar; 1.25× the body
# is still a clear title, and every word stays above 4.8 mm.
SMALL_GLASS_TITLE_LEAD = 1.25
# Below ~0.7 a 1280×800 panel would get targets under WCAG's 44 px; above 2 is a wall display.
MIN_SCALE = 0.7
MAX_SCALE = 2.0

# The bar's Text size button cycles the first three; the Display panel adds the fourth for low
# vision ("Extra large text").
BODY_PX_STEPS = (30, 37, 46, 56)
BAR_TEXT_STEPS = 3
EXTRA_LARGE_STEP = 3
TEXT_SIZE_STEPS = len(BODY_PX_STEPS)


@dataclass(frozen=True)
class Colors:
    background: str = "#F6F3EC"
    surface: str = "#FFFFFF"
    text: str = "#1B1B1B"
    text_muted: str = "#34434B"
    accent: str = "#1D4E5F"
    accent_pressed: str = "#12323D"
    on_accent: str = "#FFFFFF"
    outline: str = "#5E7480"
    disabled: str = "#E4E2DA"
    # 7.4:1 on `disabled`: an unavailable bar button's label is still words a patient reads
    # (was #545B60, 5.3:1); the grey fill, not faint words, says it is unavailable.
    on_disabled: str = "#40464A"
    notice: str = "#E6EEF1"
    # The paragraph being read aloud, and the ring around the control the keys have reached.
    reading: str = "#FFE58A"
    # Two bands that contrast with each other, so the ring shows on any colour beneath it.
    focus: str = "#B00060"
    focus_inner: str = "#FFFFFF"
    # Illustrations (kiosk/ui/illustrations), drawn on a card of `surface`: each moving thing also
    # has its own shape and label, never colour alone. What each colour means is the same in
    # both themes: red pain, teal calming, violet the medicine, blue serotonin, orange
    # norepinephrine; the cells and the body are tints that their `outline` edges.
    serotonin: str = "#0A5FA0"
    norepinephrine: str = "#B54A00"
    pain_signal: str = "#B3261E"
    calming_signal: str = "#00756A"
    # 7.5:1 on the sending cell, where "SNRI blocks the transporter" is written in it (was
    # #6B3FA0, 6.5:1); 8.4:1 on the picture's white.
    medicine: str = "#603894"
    sending_cell: str = "#FBEFE3"
    receiving_cell: str = "#E6F0F3"
    body_fill: str = "#F1E8DD"
    eased: str = "#EEF6F4"


COLORS = Colors()
# The high-contrast theme, pictures and home thumbnails included: white and yellow on black, the
# pictures' signals light on dark fills (picture_pairs: words 7:1, marks 4.5:1, edges 3:1).
HIGH_CONTRAST = Colors(
    background="#000000",
    surface="#141414",
    text="#FFFFFF",
    text_muted="#EDEDED",
    accent="#FFE14D",
    accent_pressed="#FFF3A6",
    on_accent="#000000",
    outline="#FFFFFF",
    disabled="#2E2E2E",
    on_disabled="#C8C8C8",
    notice="#1F1F1F",
    reading="#4A3F00",
    focus="#00E5FF",
    focus_inner="#000000",
    serotonin="#7CC4FF",
    norepinephrine="#FFA657",
    pain_signal="#FF8A80",
    calming_signal="#5EEAD4",
    medicine="#D7B8FF",
    # Dark tints of the everyday fills (warm sending cell and body, cool receiving cell, green
    # eased step): white words on them 13.8-14.6:1, every signal 6.4:1 or more.
    sending_cell="#3A2410",
    receiving_cell="#0E2C38",
    body_fill="#33261A",
    eased="#0B3329",
)

# The faint tracks in the pain pathway that signals travel along: as opaque as the thinnest
# stroke needs to reach 3:1 on what lies beneath (0.45 was 2.1:1 on the body).
TRACK_ALPHA = 0.7

# DESIGN.md: 7:1 for words a patient reads (WCAG 1.4.6), 4.5:1 for everything else.
WORDS_MINIMUM = 7.0
OTHER_MINIMUM = 4.5
EDGE_MINIMUM = 3.0  # a control's edge, a picture's line (WCAG 1.4.11)


class Pair(NamedTuple):
    """A foreground drawn on a background, and the contrast it must reach."""

    name: str
    foreground: str
    background: str
    minimum: float
    words: bool  # it carries words: WORDS_MINIMUM unless WORDS_BELOW_7 says why not


# Pairs that carry words yet stay under 7:1, each with the reason. None today: the unavailable
# bar label and the SNRI label on the sending cell were darkened to pass (issue 15).
WORDS_BELOW_7: dict[str, str] = {}


def _words(name: str, foreground: str, background: str) -> Pair:
    minimum = OTHER_MINIMUM if name in WORDS_BELOW_7 else WORDS_MINIMUM
    return Pair(name, foreground, background, minimum, words=True)


def interface_pairs(colors: Colors, *, outline: float) -> tuple[Pair, ...]:
    """Every foreground/background pair the interface draws in a theme, with its minimum ratio."""
    return (
        _words("body text", colors.text, colors.background),
        _words("body text on a tile", colors.text, colors.surface),
        _words("secondary text", colors.text_muted, colors.background),
        _words("tile summary", colors.text_muted, colors.surface),
        _words("button label", colors.on_accent, colors.accent),
        _words("pressed button label", colors.on_accent, colors.accent_pressed),
        _words("unavailable button label", colors.on_disabled, colors.disabled),
        _words("notice text", colors.text, colors.notice),
        Pair("tile outline", colors.outline, colors.background, outline, words=False),
        # Round a picture (kiosk/ui/illustrations): its card's edge, the chosen state button.
        Pair("picture card edge", colors.outline, colors.background, outline, words=False),
        Pair("chosen state button edge", colors.accent, colors.background, outline, words=False),
        _words("paragraph read aloud", colors.text, colors.reading),
        Pair("focus ring on the background", colors.focus, colors.background, outline, words=False),
        Pair("focus ring on the bar", colors.focus, colors.surface, outline, words=False),
        Pair("focus ring's two bands", colors.focus, colors.focus_inner, outline, words=False),
    )


def _shape(name: str, foreground: str, background: str, minimum: float = OTHER_MINIMUM) -> Pair:
    return Pair(name, foreground, background, minimum, words=False)


def blend(foreground: str, background: str, alpha: float) -> str:
    """`foreground` painted at `alpha` opacity over `background`, as "#RRGGBB"."""
    mixed = (
        round(int(foreground[i : i + 2], 16) * alpha + int(background[i : i + 2], 16) * (1 - alpha))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def _edge(name: str, foreground: str, background: str) -> Pair:
    """A line or an edge that shows a shape (WCAG 1.4.11: 3:1)."""
    return Pair(name, foreground, background, EDGE_MINIMUM, words=False)


def picture_pairs(colors: Colors) -> tuple[Pair, ...]:
    """What the pictures (kiosk/ui/illustrations) and the home thumbnails draw on what, in a
    theme: words 7:1, the moving things (a marker's fill is its meaning) 4.5:1, lines and edges
    3:1. A fill beside another fill needs no contrast of its own: an edge is drawn between."""
    c = colors
    card = c.surface
    signals = (
        ("serotonin", c.serotonin),
        ("norepinephrine", c.norepinephrine),
        ("pain signal", c.pain_signal),
        ("calming signal", c.calming_signal),
        ("medicine", c.medicine),
    )
    return (
        # Words: the legend, the cells' names, the callouts and the steps on the card; the
        # synapse's words inside its cells; the medicine's name; the eased steps' names.
        _words("picture label on the card", c.text, card),
        _words("label in the sending cell", c.text, c.sending_cell),
        _words("label in the receiving cell", c.text, c.receiving_cell),
        _words("label on an eased step", c.text, c.eased),
        _words("SNRI label on the card", c.medicine, card),
        _words("SNRI label in the sending cell", c.medicine, c.sending_cell),
        # The moving things and the legend's marks, on the card and in the cells or the body
        # they pass through; each has a ring of the card's colour.
        *(_shape(f"{name} on the card", ink, card) for name, ink in signals),
        _shape("serotonin in the sending cell", c.serotonin, c.sending_cell),
        _shape("norepinephrine in the sending cell", c.norepinephrine, c.sending_cell),
        _shape("serotonin at a receptor", c.serotonin, c.receiving_cell),
        _shape("norepinephrine at a receptor", c.norepinephrine, c.receiving_cell),
        _shape("medicine in the transporter", c.medicine, c.sending_cell),
        _shape("pain signal in the body", c.pain_signal, c.body_fill),
        _shape("calming signal in the body", c.calming_signal, c.body_fill),
        _shape("pain bar's fill", c.pain_signal, card),
        _shape("cycle's moving dots", c.text_muted, card),
        # Round each mark and along the capsule's middle, so that marks passing each other
        # stay apart.
        *(_edge(f"ring round a {name} mark", card, ink) for name, ink in signals),
        # Edges and lines.
        _edge("outline on the card", c.outline, card),
        _edge("sending cell's edge", c.outline, c.sending_cell),
        _edge("receiving cell's edge", c.outline, c.receiving_cell),
        _edge("body's and brain's edges", c.outline, c.body_fill),
        _edge("brain's edge inside it", c.outline, c.receiving_cell),
        _edge("transporter in the sending cell's wall", c.accent, c.sending_cell),
        _edge("transporter's arrow in the gap", c.accent, card),
        _edge("signal arrow in the receiving cell", c.accent, c.receiving_cell),
        _edge("pulses along the signal arrow", card, c.accent),
        _edge("resting receptor", c.text_muted, c.receiving_cell),
        _edge("receptor in use", c.text, c.receiving_cell),
        _edge("receptor's mouth in the gap", c.text_muted, card),
        _edge(
            "pain track on the body", blend(c.pain_signal, c.body_fill, TRACK_ALPHA), c.body_fill
        ),
        _edge("pain track on the spinal cord", blend(c.pain_signal, card, TRACK_ALPHA), card),
        _edge("calming track on the spinal cord", blend(c.calming_signal, card, TRACK_ALPHA), card),
        _edge("pain-starts mark on the body", c.pain_signal, c.body_fill),
        _edge("calming glow's edge", c.calming_signal, c.body_fill),
        _edge("where pain signals come in", c.text, card),
        _edge("medicine bracket", c.medicine, card),
        _edge("eased step's edge", c.calming_signal, c.eased),
        _edge("helper's lines and icon", c.calming_signal, card),
        _edge("lotus petal's edge", c.calming_signal, c.eased),
        _edge("thumbnail's bars for words", c.outline, card),
    )


# Calm theme: words 7:1, shapes 4.5:1, outlines 3:1 (WCAG 1.4.6, 1.4.11).
# High contrast: 7:1 for all text and controls; its pictures keep picture_pairs's rule
# (tests/test_theme.py checks them in both themes).
HIGH_CONTRAST_PAIRS = interface_pairs(HIGH_CONTRAST, outline=7.0)
CONTRAST_PAIRS: tuple[Pair, ...] = (
    *interface_pairs(COLORS, outline=EDGE_MINIMUM),
    *picture_pairs(COLORS),
)


def relative_luminance(hex_color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen: laid out in proportion to the 1080 px reference (`scale`),
    and never under DESIGN.md's sizes on the glass (`px_per_mm`, kiosk/glass.py): touch
    targets ≥ 20 mm with ≥ 2 mm gaps, body text with capitals ≥ 4.8 mm tall."""

    scale: float
    px_per_mm: float = REFERENCE_SHORT_SIDE / REFERENCE_SHORT_SIDE_MM

    @classmethod
    def for_screen(cls, width: int, height: int, px_per_mm: float | None = None) -> Metrics:
        """`px_per_mm` from the panel (kiosk.glass.screen_density); without it, the screen is
        taken to have a 24" 1080p panel's proportions."""
        short_side = min(width, height)
        scale = max(MIN_SCALE, min(MAX_SCALE, short_side / REFERENCE_SHORT_SIDE))
        return cls(scale, px_per_mm or short_side / REFERENCE_SHORT_SIDE_MM)

    def px(self, reference_px: float) -> int:
        return round(reference_px * self.scale)

    def mm(self, millimetres: float) -> int:
        return math.ceil(millimetres * self.px_per_mm)

    @property
    def least_body_px(self) -> int:
        """The smallest body text whose capitals are DESIGN.md's 4.8 mm on this glass."""
        return self.mm(MIN_CAP_HEIGHT_MM / CAP_HEIGHT_PER_EM)

    def text_px(self, reference_px: float, step: int = 0, *, damped: bool = False) -> int:
        """A text size at a text-size step: the layout's scale, or more where the glass needs
        larger pixels for words of DESIGN.md's size (a 10" tablet; titles then keep only
        SMALL_GLASS_TITLE_LEAD over the body). Everything a patient reads grows with the body
        text; titles and button labels (`damped`) half as much, so that they still fit."""
        lead = min(reference_px / BODY_PX_STEPS[0], SMALL_GLASS_TITLE_LEAD)
        at_first_step = max(reference_px * self.scale, self.least_body_px * lead)
        growth = BODY_PX_STEPS[step] / BODY_PX_STEPS[0]
        if damped:
            growth = 1 + (growth - 1) / 2
        return round(at_first_step * growth)

    @property
    def touch_target(self) -> int:
        return max(self.px(96), self.mm(MIN_TARGET_MM))

    def badge(self, step: int = 0) -> int:
        """The round number on a home tile: room for its digit at the tile title's size."""
        return max(self.px(72), round(self.tile_title_px_at(step) * 2))

    @property
    def spacing(self) -> int:
        return max(self.px(24), self.mm(MIN_GAP_MM))

    @property
    def margin(self) -> int:
        return self.px(40)

    def body_px(self, step: int) -> int:
        return self.text_px(BODY_PX_STEPS[0], step)

    @property
    def page_title_px(self) -> int:
        return self.text_px(58)

    @property
    def section_title_px(self) -> int:
        return self.text_px(46)

    @property
    def tile_title_px(self) -> int:
        return self.text_px(36)

    def tile_title_px_at(self, step: int) -> int:
        return self.text_px(36, step, damped=True)

    @property
    def label_px(self) -> int:
        return self.text_px(30)

    @property
    def small_px(self) -> int:
        return self.text_px(28)
