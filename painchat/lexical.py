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
    """BM25 scores of word-token documents; rows are the documents' positions as given.

    Held as arrays (``ARRAYS``) that can be saved and memory-mapped: per word, the documents that
    hold it (``rows``) and its BM25 weight in each (``weights``), words' entries from ``starts``.
    """

    ARRAYS = ("starts", "rows", "weights")

    def __init__(self, vocabulary: dict[str, int], size: int, starts: np.ndarray, rows: np.ndarray, weights: np.ndarray) -> None:
        self.vocabulary = vocabulary
        self.size = size
        self.starts, self.rows, self.weights = starts, rows, weights

    @classmethod
    def of(cls, documents: Sequence[Sequence[str]]) -> LexicalIndex:
        """The index of these documents (each a list of word tokens)."""
        size = len(documents)
        vocabulary: dict[str, int] = {}
        term_ids = np.fromiter(
            (vocabulary.setdefault(w, len(vocabulary)) for words in documents for w in words), dtype=np.int64
        )
        lengths = np.fromiter((len(words) for words in documents), dtype=np.int64, count=size)
        rows = np.repeat(np.arange(size, dtype=np.int64), lengths)
        # One entry per (word, document) with its count, ordered by word: the columns of a sparse matrix.
        pairs, counts = np.unique(term_ids * max(size, 1) + rows, return_counts=True)
        terms, rows = np.divmod(pairs, max(size, 1))
        starts = np.searchsorted(terms, np.arange(len(vocabulary) + 1))
        frequency = np.diff(starts).astype(np.float64)
        idf = np.log((size - frequency + 0.5) / (frequency + 0.5))
        idf[idf < 0] = EPSILON * idf.mean() if len(idf) else 0.0
        average = lengths.mean() if size else 1.0
        norm = K1 * (1 - B + B * lengths[rows] / average)
        weights = idf[terms] * counts * (K1 + 1) / (counts + norm)
        return cls(vocabulary, size, starts, rows.astype(np.int32), weights)  # int32: half the memory of int64

    def scores(self, words: Sequence[str]) -> np.ndarray:
        """Each document's BM25 score for the query words (0 where it shares none; a repeated word counts again)."""
        scores = np.zeros(self.size)
        for word in words:
            term = self.vocabulary.get(word)
            if term is not None:
                span = slice(self.starts[term], self.starts[term + 1])
                scores[self.rows[span]] += self.weights[span]
        return scores

    def ranking(self, words: Sequence[str], k: int) -> list[int]:
        """Rows of the ``k`` best documents that share at least one word with the query, best first."""
        scores = self.scores(words)
        if not self.size or not scores.any():
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties in document order
        return [int(row) for row in top if scores[row] > 0]
