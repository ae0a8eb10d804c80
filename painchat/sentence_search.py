"""Sentence-level search through the sentence collection's own vector index.

A passage ranks by its best sentence. Instead of a matrix of every sentence vector in every
process, the store's index returns the sentences nearest the question and each one is mapped to
the passages that hold it; the vectors of the few sentences an answer is made from are fetched when
they are needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from typing import Protocol

import numpy as np

from painchat.settings import default
from painchat.store_format import parse_sentence_id, sentence_id


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
    """Which passages hold a sentence, from the passages' character ranges (overlap: up to a few).

    Rows are given in reading order (by source, then start), so each source's passages are one
    contiguous run of the arrays and a sentence is found by bisection.
    """

    def __init__(self, ids: Sequence[str], sources: Sequence[str], starts: np.ndarray, ends: np.ndarray) -> None:
        self._ids = ids
        self._starts, self._ends = starts, ends
        self._runs: dict[str, tuple[int, int, int]] = {}  # source -> (first row, end row, widest passage)
        first = 0
        for source, rows in groupby(sources):
            end = first + sum(1 for _ in rows)
            self._runs[source] = (first, end, int((ends[first:end] - starts[first:end]).max()))
            first = end

    @classmethod
    def of(cls, passages: Iterable[_Located]) -> PassageLocator:
        ordered = sorted(passages, key=lambda p: (p.source_id, p.char_start))
        starts = np.asarray([p.char_start for p in ordered], dtype=np.int64)
        ends = starts + np.asarray([len(p.text) for p in ordered], dtype=np.int64)
        return cls([p.id for p in ordered], [p.source_id for p in ordered], starts, ends)

    def containing(self, source_id: str, start: int, end: int) -> list[str]:
        """Ids of the passages whose text covers [start, end), in reading order."""
        run = self._runs.get(source_id)
        if run is None:
            return []
        first, last, widest = run
        starts = self._starts[first:last]
        upper = first + int(np.searchsorted(starts, start, side="right"))
        lower = first + int(np.searchsorted(starts, start - widest, side="left"))
        return [
            self._ids[row] for row in range(lower, upper) if self._starts[row] <= start and end <= self._ends[row]
        ]


# (query vector, how many) -> [(sentence id, cosine similarity)], best first
NearestSentences = Callable[[np.ndarray, int], list[tuple[str, float]]]
# sentence ids -> their stored vectors (unknown ids left out)
FetchSentences = Callable[[Sequence[str]], dict[str, np.ndarray]]


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

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Vectors of these sentences (unknown ids are left out)."""
        vectors = self._fetch(ids)
        vectors.update({i: self._overrides[i] for i in vectors if i in self._overrides})
        return vectors

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
