"""Passage ranking by BM25 on a sparse matrix (``bm25s``): one vectorised sum per question, no loop over passages."""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np

K1 = 1.5  # term-frequency saturation, the usual Okapi value
B = 0.75  # length normalisation, the usual Okapi value


class LexicalIndex:
    """BM25 scores of word-token documents; rows are the documents' positions as given."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        self.size = len(documents)
        self._bm25 = bm25s.BM25(k1=K1, b=B)
        if self.size:
            self._bm25.index([list(words) for words in documents], show_progress=False)

    def scores(self, words: Sequence[str]) -> np.ndarray:
        """Each document's BM25 score for the query words (0 where it shares none)."""
        known = [w for w in words if w in self._bm25.vocab_dict] if self.size else []
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return self._bm25.get_scores(known)

    def ranking(self, words: Sequence[str], k: int) -> list[int]:
        """Rows of the ``k`` best documents that share at least one word with the query, best first."""
        scores = self.scores(words)
        if not self.size or not scores.any():
            return []
        top = np.argpartition(-scores, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.lexsort((top, -scores[top]))]  # best first; ties in document order
        return [int(row) for row in top if scores[row] > 0]
