"""Helpers shared by the tests: touch gestures and layout inspection."""
