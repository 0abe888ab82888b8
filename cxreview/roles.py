"""Message roles that every stage shares, apart from the record types: the review app needs
the names at start, not the record dataclasses (defining those costs milliseconds)."""

from __future__ import annotations

# An internal note kept on import (``import --keep-notes``): a turn shown as a note, never
# analysed, quoted to agents or counted as a reply.
NOTE = "note"
