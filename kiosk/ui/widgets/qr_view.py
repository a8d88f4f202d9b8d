"""A QR code for phone cameras a metre away: whole-pixel modules, black on white, no smoothing."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

# ISO/IEC 18004 asks for four light modules around the symbol; cameras lose codes without it.
QUIET_ZONE_MODULES = 4
# Black on white whatever the theme: some phone cameras do not read inverted or tinted codes.
DARK = 0
LIGHT = 255


class QrView(QWidget):
    """Paints `content` as the lowest QR version that holds it at error level M.

    The widget asks for a fixed square in which the symbol, without its quiet zone, is at least
    `min_symbol_px` wide; whatever size it gets, it paints the largest whole-pixel module size
    that fits, centred, on a white square filling the widget (a wider quiet zone does no harm).
    """

    def __init__(self, content: str, min_symbol_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Imported here, not at the top: segno pulls in urllib, http and email (~30 ms) and the
        # contact screen is built after the first paint.
        import segno

        # boost_error=False keeps level M even where the version has room for Q: a denser code
        # is not wanted, the lowest version at M gives the largest modules.
        code = segno.make(content, error="m", micro=False, boost_error=False, encoding="utf-8")
        # micro=False: always a numbered QR version, never an M1-M4 string.
        self.version = int(code.version)
        rows = list(code.matrix_iter(scale=1, border=QUIET_ZONE_MODULES))
        self.modules = len(rows)
        pixels = bytes(DARK if dark else LIGHT for row in rows for dark in row)
        # One image pixel a module, enlarged without interpolation when painted: every module
        # is then an exact square of whole pixels, in one draw call.
        self._image = QImage(
            pixels, self.modules, self.modules, self.modules, QImage.Format.Format_Grayscale8
        ).copy()
        self._pixmap: QPixmap | None = None
        symbol_modules = self.modules - 2 * QUIET_ZONE_MODULES
        module_px = -(-min_symbol_px // symbol_modules)
        side = module_px * self.modules
        self.setFixedSize(side, side)

    @property
    def module_px(self) -> int:
        return min(self.width(), self.height()) // self.modules

    @property
    def painted_side(self) -> int:
        """The painted square's side, quiet zone included."""
        return self.module_px * self.modules

    @property
    def symbol_side(self) -> int:
        """The dark-and-light symbol's side, without the quiet zone."""
        return self.module_px * (self.modules - 2 * QUIET_ZONE_MODULES)

    @property
    def painted_rect(self) -> QRect:
        side = self.painted_side
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.painted_rect
        if rect.isEmpty():
            return
        if self._pixmap is None or self._pixmap.width() != rect.width():
            enlarged = self._image.scaled(
                rect.size(),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
            self._pixmap = QPixmap.fromImage(enlarged)
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawPixmap(rect.topLeft(), self._pixmap)
