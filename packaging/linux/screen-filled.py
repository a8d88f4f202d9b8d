"""Checks a screenshot of a whole output: it has the output's size, and the kiosk's pixels fill it.

    python screen-filled.py SHOT.png WIDTH HEIGHT

Used by test-install.sh with the repo's .venv (PySide6's QImage reads the PNG). Fails when an edge
of the picture is black (the window does not reach it: cage's background shows), when most of it
is dark, or when it is one flat colour (no kiosk drawn).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage

DARK = 30  # red + green + blue at or below this is cage's black background


def main() -> int:
    image = QImage(sys.argv[1])
    width, height = int(sys.argv[2]), int(sys.argv[3])
    if (image.width(), image.height()) != (width, height):
        print(f"the screenshot is {image.width()}x{image.height()}, the output {width}x{height}")
        return 1

    def lit(x: int, y: int) -> bool:
        colour = image.pixelColor(x, y)
        return colour.red() + colour.green() + colour.blue() > DARK

    edges = {
        "top": [lit(x, 0) for x in range(width)],
        "bottom": [lit(x, height - 1) for x in range(width)],
        "left": [lit(0, y) for y in range(height)],
        "right": [lit(width - 1, y) for y in range(height)],
    }
    black_edges = [name for name, row in edges.items() if sum(row) < 0.9 * len(row)]
    grid = [(x, y) for x in range(0, width, 8) for y in range(0, height, 8)]
    share = sum(lit(x, y) for x, y in grid) / len(grid)
    colours = len({image.pixel(x, y) for x, y in grid})
    if black_edges or share < 0.9 or colours < 3:
        print(
            f"not the kiosk filling the output: black edges {black_edges}, {share:.0%} lit, "
            f"{colours} colours"
        )
        return 1
    print(f"{width}x{height}, {share:.0%} lit, {colours} colours, no black edge")
    return 0


if __name__ == "__main__":
    sys.exit(main())
