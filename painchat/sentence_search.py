"""Sentence-level search through the sentence collection's own vector index.

A passage ranks by its best sentence. Instead of a matrix of every sentence vector in every
process, the store's index returns the sentences nearest the question and each one is mapped to
the passages that hold it; the vectors of the few sentences an answer is made from are fetched when
they are needed.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from painchat.settings import default
from painchat.store import parse_sentence_id, sentence_id


class _Located(Protocol):
    """Anything with ``id``, ``source_id``, ``char_start``, ``text`` and ``sentence_spans`` (a Passage)."""

    @property
    def id(self) -> str: ...
    @property
    def source_id(self) -> str: ...
    @property
    def char_start(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def sentence_spans(self) -> tuple[tuple[int, int], ...]: ...


class PassageLocator:
    """Which passages hold a sentence, from the passages' character ranges (overlap: up to a few)."""

    def __init__(self, passages: Iterable[_Located]) -> None:
        by_source: dict[str, list[tuple[int, int, str]]] = {}
        for p in passages:
            by_source.setdefault(p.source_id, []).append((p.char_start, p.char_start + len(p.text), p.id))
        self._starts: dict[str, list[int]] = {}
        self._ranges: dict[str, list[tuple[int, int, str]]] = {}
        self._widest: dict[str, int] = {}
        for source, ranges in by_source.items():
            ranges.sort()
            self._ranges[source] = ranges
            self._starts[source] = [start for start, _, _ in ranges]
            self._widest[source] = max(end - start for start, end, _ in ranges)

    def containing(self, source_id: str, start: int, end: int) -> list[str]:
        """Ids of the passages whose text covers [start, end), in reading order."""
        starts = self._starts.get(source_id)
        if not starts:
            return []
        ranges = self._ranges[source_id]
        last = bisect.bisect_right(starts, start)
        first = bisect.bisect_left(starts, start - self._widest[source_id])
        return [pid for s, e, pid in ranges[first:last] if s <= start and end <= e]


@dataclass(frozen=True)
class SentenceRows:
    """Stored sentences by id: vector and text."""

    vectors: Mapping[str, np.ndarray]
    texts: Mapping[str, str]


# (query vector, how many) -> [(sentence id, cosine similarity)], best first
NearestSentences = Callable[[np.ndarray, int], list[tuple[str, float]]]
# sentence ids -> their stored vectors and texts
FetchSentences = Callable[[Sequence[str]], SentenceRows]


class SentenceSearch:
    """Ranks passages by their best sentence and hands out the sentences of chosen passages."""

    def __init__(
        self,
        nearest: NearestSentences,
        fetch: FetchSentences,
        locator: PassageLocator,
        order: Mapping[str, int],
        total_sentences: int,
        overrides: Mapping[str, np.ndarray] | None = None,
        first_look: int = default("sentence_first_look"),
    ) -> None:
        self._nearest = nearest
        self._first_look = first_look  # sentences asked for per wanted passage; doubled until enough passages
        self._fetch = fetch
        self._locator = locator
        self._order = order  # passage id -> position in the index's reading order (breaks ties)
        self._total = total_sentences
        # Sentences whose vector is not the stored one (re-embedded when loading), searched exactly.
        self._overrides = dict(overrides or {})
        self._override_ids = list(self._overrides)
        self._override_matrix = (
            np.stack([self._overrides[s] for s in self._override_ids]) if self._overrides else None
        )

    def passage_ranking(self, query_vector: Sequence[float], k: int) -> list[str]:
        """The ``k`` passages whose best sentence is nearest the question, best first."""
        query = np.asarray(query_vector, dtype=np.float32)
        wanted = min(k, len(self._order))
        asked = min(self._total, max(self._first_look * k, 1))
        while True:
            returned = self._nearest(query, asked)
            found = [(sid, sim) for sid, sim in returned if sid not in self._overrides]
            # Passages whose best sentence lies past the last one returned may be missing: only
            # those at or above it are certain, unless every sentence was returned.
            exhausted = asked >= self._total or len(returned) < asked
            floor = -2.0 if exhausted else returned[-1][1]
            best = self._best_by_passage(found + self._override_hits(query))
            certain = {pid: score for pid, score in best.items() if score >= floor}
            if len(certain) >= wanted or exhausted:
                break
            asked = min(self._total, asked * 2)
        return sorted(certain, key=lambda pid: (-certain[pid], self._order[pid]))[:k]

    def sentences(self, ids: Sequence[str]) -> SentenceRows:
        """Vectors and texts of these sentences (unknown ids are left out)."""
        stored = self._fetch(ids)
        vectors = dict(stored.vectors)
        vectors.update({i: self._overrides[i] for i in vectors if i in self._overrides})
        return SentenceRows(vectors, stored.texts)

    def _override_hits(self, query: np.ndarray) -> list[tuple[str, float]]:
        if self._override_matrix is None:
            return []
        return list(zip(self._override_ids, (self._override_matrix @ query).tolist()))

    def _best_by_passage(self, hits: Iterable[tuple[str, float]]) -> dict[str, float]:
        best: dict[str, float] = {}
        for sid, similarity in hits:
            for pid in self._locator.containing(*parse_sentence_id(sid)):
                if similarity > best.get(pid, -2.0):
                    best[pid] = similarity
        return best


def passage_sentence_ids(passage: _Located) -> list[str]:
    """Ids of a passage's sentences, in order."""
    return [sentence_id(passage.source_id, *span) for span in passage.sentence_spans]
