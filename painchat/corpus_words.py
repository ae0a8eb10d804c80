"""Words about the loaded papers (how many, who wrote them, what to ask), derived where a text needs them.

The papers can be replaced (README, "Adding or replacing papers"), so no text names their count or
authors literally: the assistant takes these words from the store's sources (what it answers from),
and a front end drawing its page before the store has loaded takes them from corpus/sources.toml.
Example questions are the candidates (``painchat.suggestions``) the loaded papers answer directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from painchat.guard.normalize import normalize
from painchat.models import SourceMeta

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number_word(count: int) -> str:
    """3 → "three"; past twelve, the digits."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


@dataclass(frozen=True)
class CorpusWords:
    """How many papers there are, their first authors and questions they answer; empty when unknown
    (texts then stay generic)."""

    count: int = 0
    first_authors: tuple[str, ...] = ()  # family names as written, in the papers' order
    examples: tuple[str, ...] = ()  # questions the loaded papers answer directly (checked against the store)

    @classmethod
    def of(cls, sources: Iterable[SourceMeta]) -> CorpusWords:
        sources = list(sources)
        return cls(len(sources), tuple(s.surnames[0] for s in sources if s.surnames))

    @property
    def papers(self) -> str:
        """ "three research papers", "one research paper", or "research papers" when the count is unknown."""
        if not self.count:
            return "research papers"
        return f"{number_word(self.count)} research paper{'' if self.count == 1 else 's'}"

    @property
    def count_label(self) -> str:
        """ "3 papers" for short titles; "papers" when the count is unknown."""
        return f"{self.count} paper{'' if self.count == 1 else 's'}" if self.count else "papers"

    @property
    def author_words(self) -> frozenset[str]:
        """The first authors' names as the guard reads text (normalised words): "who is Dobson?" is about a paper."""
        return frozenset(word for name in self.first_authors for word in normalize(name).split())
