"""PyInstaller's entry script: the frozen `clinic-kiosk` program is `kiosk.cli:main`."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
