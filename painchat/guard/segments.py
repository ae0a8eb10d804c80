"""Pieces of a long message, so a red flag in the middle of a story is judged on its own.

One embedding of a 600-character story averages the red flag with everything around
it ("walk the dog… crushing pain in my chest… physio says keep going"), and the model
reads only its first 256 word pieces. The semantic layer therefore also judges short
windows of consecutive clauses; a window is less context than the whole, so it
alarms only with a margin above the whole message's threshold.
"""

from __future__ import annotations

import re

# Messages up to this length are judged whole only: their embedding is already about one thing.
LONG_MESSAGE_CHARS = 160
# A window holds whole clauses up to about this many characters (a sentence or two).
WINDOW_CHARS = 120
CLAUSE_END = re.compile(r"(?<=[.!?;:\n])\s+|,\s+|\s+(?=\b(?:but|and then|so then|anyway|btw|also)\b)",
                        re.IGNORECASE)


def windows(message: str) -> tuple[str, ...]:
    """Overlapping windows of consecutive clauses; () for a message short enough to judge whole."""
    if len(message) <= LONG_MESSAGE_CHARS:
        return ()
    clauses = [piece for clause in CLAUSE_END.split(message) if clause and clause.strip()
               for piece in _pieces(clause.strip())]
    found: list[str] = []
    for start in range(len(clauses)):
        end = _window_end(clauses, start)
        window = " ".join(clauses[start:end])
        if not found or window not in found[-1]:
            found.append(window)
        if end == len(clauses):
            break
    return tuple(found)


def _window_end(clauses: list[str], start: int) -> int:
    """End (exclusive) of the window from ``start``: the clauses that fit in WINDOW_CHARS, at least one."""
    length, end = len(clauses[start]), start + 1
    while end < len(clauses) and length + 1 + len(clauses[end]) <= WINDOW_CHARS:
        length += 1 + len(clauses[end])
        end += 1
    return end


def _pieces(clause: str) -> list[str]:
    """A clause longer than a window (a run-on with no punctuation) as word runs overlapping by half."""
    if len(clause) <= WINDOW_CHARS:
        return [clause]
    words = clause.split()
    step = max(1, len(words) * WINDOW_CHARS // (2 * len(clause)))
    return [" ".join(words[i:i + 2 * step]) for i in range(0, max(1, len(words) - step), step)]
