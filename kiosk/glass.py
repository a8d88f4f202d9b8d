"""How many pixels make a millimetre on the kiosk's panel, and how we know: the config's
`[display] diagonal_in`, else the size the panel reports (EDID, through Qt), else an assumption.

Qt-free: the UI passes in what the screen says. DESIGN.md's sizes are on the glass (targets
≥ 20 mm, body text cap height ≥ 4.8 mm), so a 10" 1280×800 tablet needs larger pixels than a
24" 1080p monitor: ~119 px for 20 mm against ~72.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4
# The panel the design's pixel sizes were drawn for: 24" 16:9, whose 1080 px short side is
# 298.9 mm. Without a trustworthy size, a screen is assumed to have its proportions.
REFERENCE_SHORT_SIDE_MM = 298.9
# Panels outside these are misreports: EDIDs giving the aspect ratio as centimetres (16×9),
# 0×0 from virtual outputs, projectors' "size" of 1600×900 mm.
PLAUSIBLE_DIAGONAL_IN = (7.0, 110.0)
# A reported size whose proportions differ this much from the pixels' is not this panel's.
ASPECT_TOLERANCE = 0.15


@dataclass(frozen=True)
class Density:
    px_per_mm: float
    source: str  # for the one log line saying where the size came from


def screen_density(
    width_px: int, height_px: int, reported_mm: tuple[float, float], diagonal_in: int = 0
) -> Density:
    """The panel's pixels per millimetre for a screen of width_px × height_px."""
    diagonal_px = math.hypot(width_px, height_px)
    if diagonal_in:
        return Density(
            diagonal_px / (diagonal_in * MM_PER_INCH),
            f'[display] diagonal_in = {diagonal_in} (a {diagonal_in}" panel)',
        )
    width_mm, height_mm = reported_mm
    problem = _implausible(width_px, height_px, width_mm, height_mm)
    if problem is None:
        reported_in = math.hypot(width_mm, height_mm) / MM_PER_INCH
        return Density(
            diagonal_px / math.hypot(width_mm, height_mm),
            f"the panel's report ({width_mm:.0f}×{height_mm:.0f} mm, a {reported_in:.1f}\" panel)",
        )
    short_px = min(width_px, height_px)
    assumed_in = diagonal_px / (short_px / REFERENCE_SHORT_SIDE_MM) / MM_PER_INCH
    return Density(
        short_px / REFERENCE_SHORT_SIDE_MM,
        f"an assumption (the panel reports {width_mm:.0f}×{height_mm:.0f} mm: {problem}): a "
        f'{assumed_in:.1f}" panel, the proportions of a 24" 1080p one; set [display] '
        "diagonal_in to the panel's size",
    )


def _implausible(width_px: int, height_px: int, width_mm: float, height_mm: float) -> str | None:
    if width_mm <= 0 or height_mm <= 0:
        return "no size"
    diagonal = math.hypot(width_mm, height_mm) / MM_PER_INCH
    low, high = PLAUSIBLE_DIAGONAL_IN
    if not low <= diagonal <= high:
        return f'{diagonal:.1f}" is no kiosk panel'
    pixels = max(width_px, height_px) / min(width_px, height_px)
    glass = max(width_mm, height_mm) / min(width_mm, height_mm)
    if abs(glass / pixels - 1) > ASPECT_TOLERANCE:
        return "its proportions are not the picture's"
    return None
