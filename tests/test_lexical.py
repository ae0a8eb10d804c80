"""BM25 on a sparse matrix: which passages share the question's words, and in what order."""

import numpy as np

from painchat.lexical import K1, B, LexicalIndex
from painchat.text import content_tokens

DOCUMENTS = [
    "Aerobic exercise reduced neuropathic pain in diabetic patients.",
    "Resistance training improved strength; pain was not measured.",
    "Allodynia is pain from stimuli that would not normally provoke pain.",
    "The review graded recommendations with the GRADE system.",
    "Exercise and exercise again: walking, swimming and cycling exercise.",
]


def index() -> LexicalIndex:
    return LexicalIndex.of([content_tokens(d) for d in DOCUMENTS])


def test_a_rare_word_decides_the_top_passage():
    assert index().ranking(content_tokens("what is allodynia?"), 3) == [2]


def test_only_passages_sharing_a_word_are_ranked():
    ranking = index().ranking(content_tokens("does exercise help?"), 5)
    assert set(ranking) == {0, 4}
    assert ranking[0] == 4  # three mentions in a short passage beat one


def test_k_bounds_the_ranking_and_keeps_the_best():
    full = index().ranking(content_tokens("exercise pain"), 5)
    assert index().ranking(content_tokens("exercise pain"), 2) == full[:2]


def test_words_no_passage_uses_rank_nothing():
    assert index().ranking(content_tokens("quantum chromodynamics"), 5) == []
    assert not index().scores(["zzz"]).any()


def test_ties_keep_document_order():
    twins = LexicalIndex.of([["walk"], ["swim"], ["walk"], ["run"], ["cycle"]])
    assert twins.ranking(["walk"], 2) == [0, 2]


def test_an_empty_index_ranks_nothing():
    assert LexicalIndex.of([]).ranking(["pain"], 3) == []


def test_scores_are_okapi_bm25():
    docs = [content_tokens(d) for d in DOCUMENTS]
    n, average = len(docs), sum(map(len, docs)) / len(docs)

    def idf(word):
        having = sum(word in d for d in docs)
        return np.log((n - having + 0.5) / (having + 0.5))

    query = content_tokens("exercise allodynia grade")
    expected = [
        sum(
            idf(w) * d.count(w) * (K1 + 1) / (d.count(w) + K1 * (1 - B + B * len(d) / average))
            for w in query
            if idf(w) >= 0
        )
        for d in docs
    ]
    assert all(idf(w) >= 0 for w in query)
    assert np.allclose(index().scores(query), expected)

