"""Hybrid retrieval: dense, best-sentence and BM25 rankings fused by reciprocal rank, spread across papers."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from painchat.index import Index, Passage
from painchat.settings import default
from painchat.store_format import sentence_id
from painchat.text import content_tokens

# The passage query waits on the store (a round trip to a server) while this thread runs the sentence
# query and BM25: shared by every retriever, sized for a few concurrent answers.
_PASSAGE_QUERIES = ThreadPoolExecutor(max_workers=8, thread_name_prefix="painchat-passage-query")


@dataclass(frozen=True)
class ScoredSentence:
    """A candidate sentence for the answer, with its similarity to the question."""

    passage: Passage
    span: tuple[int, int]
    similarity: float  # cosine between sentence and question embeddings
    word_match: float  # IDF-weighted share of the question's words found in the sentence
    score: float  # similarity + lexical weight × word match: what selection and coverage use
    vector: np.ndarray

    @property
    def text(self) -> str:
        return self.passage.sentence_text(self.span)


@dataclass(frozen=True)
class Retrieval:
    """Ranked passages and their sentences scored against the question."""

    passages: tuple[Passage, ...]
    sentences: tuple[ScoredSentence, ...]

    @property
    def relevance(self) -> float:
        """Best sentence score: the signal calibrated for 'not covered'."""
        return max((s.score for s in self.sentences), default=0.0)


class Retriever:
    """Ranks passages for a question and scores the sentences inside the best ones.

    Three rankings are fused: the passage's own embedding (dense), its best-matching sentence
    (answers are sentences, and a short passage's vector can hide one strong sentence), and BM25.
    """

    def __init__(
        self,
        index: Index,
        lexical_weight: float,
        k: int = default("retrieve_k"),
        passages_for_answer: int = default("passages_for_answer"),
        rrf_k: int = default("rrf_k"),
        same_source_decay: float = default("same_source_decay"),
    ) -> None:
        """The numbers are settings of the same names (``painchat.settings``), ``k`` is ``retrieve_k``."""
        self.index = index
        self.lexical_weight = lexical_weight
        self.k = k
        self.passages_for_answer = passages_for_answer
        self.rrf_k = rrf_k
        self.same_source_decay = same_source_decay

    def retrieve(self, query: str, query_vector: list[float], words: Sequence[str] | None = None) -> Retrieval:
        """``words``: the query's content words to match (default: all of ``query``'s)."""
        words = list(content_tokens(query) if words is None else words)
        dense = _PASSAGE_QUERIES.submit(self.index.dense_ranking, query_vector, self.k)
        by_sentence = self.index.sentence_ranking(query_vector, self.k)
        lexical = self.index.bm25_ranking(words, self.k)
        fused = reciprocal_rank_fusion([[pid for pid, _ in dense.result()], by_sentence, lexical], self.rrf_k)
        passages = spread_across_sources([self.index.passages[pid] for pid in fused], self.k, self.same_source_decay)
        named = self.index.named_sources(words)
        if named:  # a question about one paper is answered from that paper only
            passages.sort(key=lambda p: p.source_id not in named)
        # A paper's name says which paper, not what about it: it is not a word to find in a sentence.
        topic_words = [w for w in words if w not in self.index.source_names]
        chosen = [p for p in passages if not named or p.source_id in named][: self.passages_for_answer]
        return Retrieval(tuple(passages), self._score_sentences(chosen, query_vector, topic_words))

    def _score_sentences(
        self, passages: list[Passage], query_vector: list[float], query_words: list[str]
    ) -> tuple[ScoredSentence, ...]:
        query = np.asarray(query_vector, dtype=np.float32)
        stored = self.index.sentences_of(passages)
        seen: dict[tuple[str, tuple[int, int]], ScoredSentence] = {}
        for passage in passages:
            for span in passage.sentence_spans:
                key = (passage.source_id, span)
                sentence = stored.get(sentence_id(passage.source_id, *span))
                if sentence is None or key in seen:  # overlap repeats a sentence in the next chunk
                    continue
                similarity = float(sentence.vector @ query)
                match = self.index.word_match(query_words, sentence.words)
                score = similarity + self.lexical_weight * match
                seen[key] = ScoredSentence(passage, span, similarity, match, score, sentence.vector)
        return tuple(sorted(seen.values(), key=lambda s: -s.score))


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = default("rrf_k")) -> list[str]:
    """Ids ordered by the sum of 1/(k + rank) over the rankings that contain them (``k`` damps the very top ranks)."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])


def spread_across_sources(
    passages: list[Passage], k: int, decay: float = default("same_source_decay")
) -> list[Passage]:
    """Re-rank so one paper cannot fill the list: each further passage of a chosen paper counts ``decay`` times less."""
    weights = {p.id: 1.0 / rank for rank, p in enumerate(passages, start=1)}
    chosen: list[Passage] = []
    per_source: dict[str, int] = {}
    remaining = list(passages)
    while remaining and len(chosen) < k:
        best = max(remaining, key=lambda p: weights[p.id] * decay ** per_source.get(p.source_id, 0))
        chosen.append(best)
        remaining.remove(best)
        per_source[best.source_id] = per_source.get(best.source_id, 0) + 1
    return chosen
