"""Names of the illustrations the kiosk can draw; content front matter refers to them.

Kept free of Qt so that `kiosk check` can validate content without a display.
"""

ILLUSTRATION_KEYS: frozenset[str] = frozenset({"synapse", "pain-pathway", "pain-mood-cycle"})
