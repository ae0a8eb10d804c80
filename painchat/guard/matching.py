"""Building blocks for the guard's patterns, applied to normalised text.

Normalised text is lower-case words separated by single spaces (see
``normalize.py``), so patterns can rely on plain spaces between words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol


class Matcher(Protocol):
    """Anything with ``search(text)``: a compiled regex or a ``Near``."""

    def search(self, text: str) -> object: ...


def words(*alternatives: str) -> str:
    """A non-capturing group of whole-word regex alternatives."""
    return r"\b(?:" + "|".join(alternatives) + r")\b"


def not_after(*phrases: str) -> str:
    """Lookbehinds refusing a match right after any phrase (e.g. "a bit")."""
    # One lookbehind per phrase because Python's re needs fixed-width lookbehinds; the leading \b
    # keeps the engine from trying every lookbehind at every character.
    return r"\b" + "".join(f"(?<!\\b{re.escape(phrase)} )" for phrase in phrases)


@dataclass(frozen=True)
class Near:
    """Matches when every part occurs and all fit in a span of ``within`` characters.

    Symptom plus context ("swollen" + "hot" + "foot") in any order and with any
    words between is what people write; a single regex for every order would be
    unreadable.
    """

    parts: tuple[re.Pattern[str], ...]
    within: int

    def search(self, text: str) -> bool:
        # Most texts lack some part: a first match of each, which stops early, rules them out before any part's
        # every occurrence is listed (a long story names its feet and its diabetes many times).
        if not all(part.search(text) for part in self.parts):
            return False
        hits = sorted((match.start(), index) for index, part in enumerate(self.parts) for match in part.finditer(text))
        return _smallest_span_covering_all(hits, len(self.parts)) <= self.within


def near(within: int, *parts: str) -> Near:
    """``Near`` of regex sources, compiled once."""
    return Near(tuple(re.compile(part) for part in parts), within)


def _smallest_span_covering_all(hits: list[tuple[int, int]], kinds: int) -> float:
    """Shortest distance between the starts of hits covering every kind (sliding window)."""
    best = float("inf")
    counts = [0] * kinds
    covered = 0
    left = 0
    for position, kind in hits:
        covered += counts[kind] == 0
        counts[kind] += 1
        while covered == kinds:
            left_position, left_kind = hits[left]
            best = min(best, position - left_position)
            counts[left_kind] -= 1
            covered -= counts[left_kind] == 0
            left += 1
    return best


@dataclass(frozen=True)
class AtLeast:
    """Matches when at least ``count`` of the patterns occur anywhere in the text.

    For warning signs that are ordinary one by one ("sorted the paperwork", "cancelled the birthday meal")
    and alarming together.
    """

    count: int
    parts: tuple[re.Pattern[str], ...]

    def search(self, text: str) -> bool:
        return sum(1 for part in self.parts if part.search(text)) >= self.count


def at_least(count: int, *parts: str) -> AtLeast:
    """``AtLeast`` of regex sources, compiled once."""
    return AtLeast(count, tuple(re.compile(part) for part in parts))


def any_search(matchers: tuple[Matcher, ...], text: str) -> bool:
    """True when any matcher finds something in ``text``."""
    return any(matcher.search(text) for matcher in matchers)


@dataclass(frozen=True)
class Unless:
    """Matches ``when`` unless ``context`` occurs anywhere in the text.

    For requests that are off-topic on their own but fine in one known setting
    ("who wrote ...?" is trivia, unless it asks about the papers).
    """

    when: Matcher
    context: Matcher

    def search(self, text: str) -> bool:
        return bool(self.when.search(text)) and not self.context.search(text)
