"""The retrieval core on a real Chroma store built with a deterministic fake embedding (no model)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from painchat import read_side
from painchat.embedding import dimension
from painchat.lexical import LexicalIndex
from painchat.retrieve import Retriever, reciprocal_rank_fusion, spread_across_sources
from painchat.settings import Settings
from painchat.store import current_build, pages
from painchat.store_format import sentence_id
from painchat.text import content_tokens, spelled_out

LEXICAL_WEIGHT = 0.3


class UnitFakeEmbedding(DeterministicFakeEmbedding):
    """The same text always gets the same unit vector; different texts, unrelated ones."""

    def embed_query(self, text: str) -> list[float]:
        vector = np.asarray(super().embed_query(text))
        return (vector / np.linalg.norm(vector)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(text) for text in texts]

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.embed_documents(texts), dtype=np.float32)


@pytest.fixture(scope="module")
def fake_settings(tmp_path_factory, corpus_dir):
    from ingest.build import build_store

    state = tmp_path_factory.mktemp("fake-store")
    settings = Settings(corpus_dir=corpus_dir, store_dir=state / "store", data_dir=state / "data")
    build_store(settings, UnitFakeEmbedding(size=dimension()))
    return settings


@pytest.fixture(scope="module")
def index(fake_settings):
    from painchat.index import Index

    return Index.load(fake_settings, UnitFakeEmbedding(size=dimension()))


@dataclass(frozen=True)
class P:
    id: str
    source_id: str


def test_fusion_favours_what_several_rankings_agree_on():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "b"], ["b"]])
    assert fused == ["b", "c", "a"]
    assert reciprocal_rank_fusion([]) == []


def test_one_paper_cannot_fill_the_list():
    ranked = [P("a1", "a"), P("a2", "a"), P("a3", "a"), P("b1", "b")]
    spread = [p.id for p in spread_across_sources(ranked, 3)]
    assert spread[0] == "a1" and "b1" in spread and len(spread) == 3
    assert [p.id for p in spread_across_sources(ranked, 10)][-1] in {"a3", "b1"}


def test_a_stored_sentence_asked_word_for_word_is_found_first(index):
    passage = next(p for p in index.passages.values() if len(p.sentence_spans) > 2)
    span = passage.sentence_spans[1]
    question = passage.sentence_text(span)
    fake = UnitFakeEmbedding(size=dimension())
    retrieval = Retriever(index, LEXICAL_WEIGHT).retrieve(question, fake.embed_query(question))
    best = retrieval.sentences[0]
    assert (best.passage.source_id, best.span) == (passage.source_id, span)
    assert best.similarity == pytest.approx(1.0, abs=1e-5)
    assert index.sentence_ranking(fake.embed_query(question), 1)[0] in {
        p.id for p in index.passages.values() if p.source_id == passage.source_id and span in p.sentence_spans
    }


def test_sentences_are_scored_once_each_from_the_chosen_passages(index):
    fake = UnitFakeEmbedding(size=dimension())
    question = "does exercise help neuropathic pain?"
    retriever = Retriever(index, LEXICAL_WEIGHT, passages_for_answer=3)
    retrieval = retriever.retrieve(question, fake.embed_query(question))
    keys = [(s.passage.source_id, s.span) for s in retrieval.sentences]
    assert len(keys) == len(set(keys))
    chosen = {(p.source_id, span) for p in retrieval.passages[:3] for span in p.sentence_spans}
    assert set(keys) == chosen
    scores = [s.score for s in retrieval.sentences]
    assert scores == sorted(scores, reverse=True)
    for s in retrieval.sentences:
        assert s.score == pytest.approx(s.similarity + LEXICAL_WEIGHT * s.word_match)
        assert s.similarity == pytest.approx(float(s.vector @ np.asarray(fake.embed_query(question))), abs=1e-5)
        assert 0.0 <= s.word_match <= 1.0
    assert retrieval.relevance == scores[0]


def test_word_match_weighs_words_the_papers_never_use_the_most(index):
    words = content_tokens("exercise pain zzyzx")
    both = index.word_match(words, frozenset(content_tokens("exercise pain")))
    assert 0.0 < both < 0.5  # the unseen word outweighs two common ones
    assert index.word_match([], frozenset({"pain"})) == 0.0


def test_bm25_ranking_is_the_sparse_index_over_section_and_text(index):
    words = content_tokens("allodynia hyperalgesia glial cells")
    documents = [content_tokens(f"{p.section} {p.text}") for p in index.passages.values()]
    expected = [list(index.passages)[row] for row in LexicalIndex.of(documents).ranking(words, 5)]
    assert index.bm25_ranking(words, 5) == expected
    assert expected, "the offline abstracts mention these words"


def test_a_whole_collection_is_read_page_by_page_each_row_once(index, fake_settings):
    build = current_build(fake_settings)
    collection = build.client.get_collection(build.chunks)
    ids = [i for page in pages(collection, ["metadatas"], size=3) for i in page["ids"]]
    assert sorted(ids) == sorted(index.passages) and len(ids) == len(set(ids))


def test_sentences_using_a_defined_abbreviation_are_read_and_embedded_written_out(index):
    assert index.defined.get("np") == "neuropathic pain"  # "neuropathic pain (NP)" in the abstracts
    fake = UnitFakeEmbedding(size=dimension())
    rewritten = [
        (p, span)
        for p in index.passages.values()
        for span in p.sentence_spans
        if "NP" in p.sentence_text(span).split() and "neuropathic pain" not in p.sentence_text(span).lower()
    ]
    assert rewritten, "the abstracts use NP on its own"
    passage, span = rewritten[0]
    stored = index.sentences_of([passage])[sentence_id(passage.source_id, *span)]
    readable = spelled_out(passage.sentence_text(span), index.defined)
    assert "neuropathic pain (NP)" in readable
    assert set(content_tokens("neuropathic")) <= stored.words
    assert np.allclose(stored.vector, fake.embed_query(readable), atol=1e-6)


def test_a_build_without_its_read_side_gets_it_computed_from_the_store_and_saved(index, fake_settings):
    from painchat.index import Index

    build = current_build(fake_settings)
    shutil.rmtree(build.read_side)  # a build made before read sides existed
    again = Index.load(fake_settings, UnitFakeEmbedding(size=dimension()))
    assert read_side.load(build.read_side) is not None
    assert dict(again.passages) == dict(index.passages)
    assert (again.idf, again.defined, again.corpus_words) == (index.idf, index.defined, index.corpus_words)
    words = content_tokens("allodynia hyperalgesia glial cells")
    assert again.bm25_ranking(words, 5) == index.bm25_ranking(words, 5)

    fake = UnitFakeEmbedding(size=dimension())
    read_side.save(read_side.compute(list(again.passages.values())[:2], fake.embed_documents), build.read_side)
    assert len(Index.load(fake_settings, fake).passages) == len(index.passages)  # another build's: replaced
    assert len(read_side.load(build.read_side).passages) == len(index.passages)
