"""Input that cannot be a question: empty, too long, or not clean text."""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL; tab, newline and carriage return are ordinary text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair with no partner: not a character, and it breaks encoding to UTF-8.
LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def find_problem(text: str, max_chars: int) -> str | None:
    """Why ``text`` is not a valid question ("empty", "too_long", ...), or None if it is."""
    if LONE_SURROGATE.search(text):
        return "surrogate"
    if CONTROL_CHARS.search(text):
        return "control_chars"
    if not any(char.isalnum() for char in text):
        # Whitespace, punctuation or emoji alone: nothing to search for.
        return "empty"
    if len(text) > max_chars:
        return "too_long"
    return None
