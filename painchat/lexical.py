"""Passage ranking by Okapi BM25 on a sparse term-by-passage matrix: a few vectorised sums per question,
no Python loop over the passages.

The scores are rank_bm25's ``BM25Okapi`` (the ranking this replaced), so answers do not move:
idf = log((N - n + 0.5) / (n + 0.5)), and a word in more than half of the passages, whose idf would
be negative, weighs EPSILON × the mean idf instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

K1 = 1.5  # term-frequency saturation, the usual Okapi value
B = 0.75  # length normalisation, the usual Okapi value
EPSILON = 0.25  # share of the mean idf a very common word keeps


class LexicalIndex:
    """BM25 scores of word-token documents; rows are the documents' positions as given."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.size = len(documents)
        vocabulary: dict[str, int] = {}
        term_ids = np.fromiter(
            (vocabulary.setdefault(w, len(vocabulary)) for words in documents for w in words), dtype=np.int64
        )
        lengths = np.fromiter((len(words) for words in documents), dtype=np.int64, count=self.size)
        rows = np.repeat(np.arange(self.size, dtype=np.int64), lengths)
        # One entry per (word, document) with its count, ordered by word: the columns of a sparse matrix.
        pairs, counts = np.unique(term_ids * max(self.size, 1) + rows, return_counts=True)
        terms, rows = np.divmod(pairs, max(self.size, 1))
        self._rows = rows.astype(np.int32)  # one per (word, document): half the memory of int64
        self._starts = np.searchsorted(terms, np.arange(len(vocabulary) + 1))
        self.vocabulary = vocabulary
        frequency = np.diff(self._starts).astype(np.float64)
        idf = np.log((self.size - frequency + 0.5) / (frequency + 0.5))
        idf[idf < 0] = EPSILON * idf.mean() if len(idf) else 0.0
        average = lengths.mean() if self.size else 1.0
        norm = K1 * (1 - B + B * lengths[rows] / average)
        self._weights = idf[terms] * counts * (K1 + 1) / (counts + norm)

    def scores(self, words: Sequence[str]) -> np.ndarray:
        """Each document's BM25 score for the query words (0 where it shares none; a repeated word counts again)."""
        scores = np.zeros(self.size)
        for word in words:
            term = self.vocabulary.get(word)
            if term is not None:
                span = slice(self._starts[term], self._starts[term + 1])
                scores[self._rows[span]] += self._weights[span]
        return scores

    def ranking(self, words: Sequence[str], k: int) -> list[int]:
        """Rows of the ``k`` best documents that share at least one word with the query, best first."""
        scores = self.scores(words)
        if not self.size or not scores.any():
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties in document order
        return [int(row) for row in top if scores[row] > 0]
