"""What colours a rendered picture shows: counted per colour, laid on the ground it sits on."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QColor, QImage, QPainter

from kiosk.theme import contrast_ratio, relative_luminance

# A colour this light (relative luminance) is a light fill, not a dark one: the everyday
# pictures' cream and pale fills are 0.84-0.92, the high-contrast ones under 0.03.
LIGHT = 0.5


def colour_counts(image: QImage, ground: str) -> Counter[str]:
    """How many pixels of `image`, laid on `ground` (where it is transparent), show each
    colour ("#RRGGBB")."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor(ground))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    assert flat.bytesPerLine() == flat.width() * 4  # one 32-bit pixel after another
    pixels = Counter(memoryview(flat.constBits()).cast("I"))
    return Counter({f"#{value & 0xFFFFFF:06X}": count for value, count in pixels.items()})


def light_share(counts: Counter[str]) -> float:
    """The share of the pixels counted that are light."""
    light = sum(count for colour, count in counts.items() if relative_luminance(colour) > LIGHT)
    return light / sum(counts.values())


def words_contrast(counts: Counter[str]) -> tuple[str, str]:
    """Where words are painted: their ground (the commonest colour) and their ink (the
    commonest of the colours at least 3:1 from the ground: the glyphs' solid middles, not
    their antialiased edges)."""
    ground = counts.most_common(1)[0][0]
    inks = [
        (count, colour) for colour, count in counts.items() if contrast_ratio(colour, ground) >= 3.0
    ]
    assert inks, f"nothing drawn on {ground}"
    return ground, max(inks)[1]
