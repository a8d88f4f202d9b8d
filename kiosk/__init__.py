"""Clinic lobby kiosk: the clinic's article as calm, touch-navigable screens."""

__version__ = "0.2.0"
