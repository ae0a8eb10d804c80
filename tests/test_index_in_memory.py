"""The retrieval core on an Index built from passages in memory (no model, no Chroma): fusion,
sentence scoring, word match, the locator, the saved read side, and calibration fitting."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from evaluation.calibrate import Features, fit
from painchat import read_side
from painchat.index import Index
from painchat.models import SourceMeta
from painchat.retrieve import Retriever
from painchat.store_format import Passage, sentence_id
from painchat.text import content_tokens

DIM = 64
WEIGHT = 0.3
# Two papers; passages overlap by one sentence, as the chunker makes them.
SENTENCES = {
    "zhang2021": [
        "Neuropathic pain (NP) is pain caused by a lesion of the somatosensory nervous system.",
        "Aerobic exercise reduced NP in several randomized trials.",
        "Walking three times a week was the most common programme.",
        "Strength training improved function in older adults.",
    ],
    "cooper2016": [
        "Exercise changes sensory nerves in animal models.",
        "Allodynia and hyperalgesia fell after treadmill running in rats.",
        "Glial cells in the spinal cord respond to activity.",
    ],
}
SOURCES = {
    "zhang2021": SourceMeta(id="zhang2021", title="Exercise for neuropathic pain", authors=("Zhang, Y.",), year=2021),
    "cooper2016": SourceMeta(id="cooper2016", title="Exercise and sensory nerves", authors=("Cooper, M.",), year=2016),
}


def unit(vector: Sequence[float]) -> np.ndarray:
    array = np.asarray(vector, dtype=np.float32)
    return array / np.linalg.norm(array)


class UnitFake(DeterministicFakeEmbedding):
    """The same text always gets the same unit vector; different texts, unrelated ones."""

    def embed_query(self, text: str) -> list[float]:
        return unit(super().embed_query(text)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(text) for text in texts]


FAKE = UnitFake(size=DIM)


def paper_passages(source_id: str, sentences: list[str], per_passage: int = 2) -> list[Passage]:
    text = " ".join(sentences)
    spans, cursor = [], 0
    for sentence in sentences:
        spans.append((cursor, cursor + len(sentence)))
        cursor += len(sentence) + 1
    made = []
    for n, first in enumerate(range(0, len(spans) - 1, per_passage - 1)):
        window = tuple(spans[first : first + per_passage])
        start, end = window[0][0], window[-1][1]
        made.append(Passage(f"{source_id}:{n:04d}", source_id, "Abstract", text[start:end], start, window))
    return made


PASSAGES = [p for source, sentences in SENTENCES.items() for p in paper_passages(source, sentences)]


class InMemoryVectors:
    """The VectorSearch of an Index, exact, over matrices: what Chroma's indexes answer approximately."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passage_ids = [p.id for p in passages]
        self.passages = np.stack([unit(FAKE.embed_query(p.text)) for p in passages])
        sentences = {sentence_id(p.source_id, *span): p.sentence_text(span) for p in passages for span in p.sentence_spans}
        self.sentence_ids = list(sentences)
        self.sentences = np.stack([unit(FAKE.embed_query(text)) for text in sentences.values()])
        self.sentence_total = len(self.sentence_ids)

    def nearest_passages(self, query: Sequence[float], k: int) -> list[tuple[str, float]]:
        return _nearest(self.passage_ids, self.passages, np.asarray(query, dtype=np.float32), k)

    def nearest_sentences(self, query: np.ndarray, count: int) -> list[tuple[str, float]]:
        return _nearest(self.sentence_ids, self.sentences, query, count)

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        rows = {sid: n for n, sid in enumerate(self.sentence_ids)}
        return {sid: self.sentences[rows[sid]] for sid in ids if sid in rows}

    def ping(self) -> None:
        pass


def _nearest(ids: list[str], matrix: np.ndarray, query: np.ndarray, k: int) -> list[tuple[str, float]]:
    scores = matrix @ query
    return [(ids[row], float(scores[row])) for row in np.argsort(-scores, kind="stable")[:k]]


def make_index(passages: list[Passage] = PASSAGES) -> Index:
    return Index(read_side.compute(passages, FAKE.embed_documents), InMemoryVectors(passages), SOURCES, "test")


@pytest.fixture(scope="module")
def index() -> Index:
    return make_index()


def test_passages_are_held_in_reading_order_and_come_back_whole(index):
    assert list(index.passages) == [p.id for p in sorted(PASSAGES, key=lambda p: (p.source_id, p.char_start))]
    assert all(index.passages[p.id] == p for p in PASSAGES)
    assert "nowhere:0000" not in index.passages and len(index.passages) == len(PASSAGES)


def test_an_overlapping_sentence_is_located_in_both_passages(index):
    first, second = index.passages["zhang2021:0000"], index.passages["zhang2021:0001"]
    shared = first.sentence_spans[-1]
    assert shared == second.sentence_spans[0]
    locator = index.passages.locator()
    assert locator.containing("zhang2021", *shared) == [first.id, second.id]
    assert locator.containing("zhang2021", *first.sentence_spans[0]) == [first.id]
    assert locator.containing("elsewhere", *shared) == []


def test_a_stored_sentence_asked_word_for_word_comes_first(index):
    question = SENTENCES["cooper2016"][1]
    retrieval = Retriever(index, WEIGHT).retrieve(question, FAKE.embed_query(question))
    best = retrieval.sentences[0]
    assert best.text == question and best.similarity == pytest.approx(1.0, abs=1e-5)
    assert best.passage.id in index.bm25_ranking(content_tokens(question), 3)
    assert retrieval.passages[0].source_id == "cooper2016"


def test_every_sentence_of_the_chosen_passages_is_scored_once(index):
    question = "does walking help nerve pain?"
    vector = np.asarray(FAKE.embed_query(question), dtype=np.float32)
    retrieval = Retriever(index, WEIGHT, passages_for_answer=3).retrieve(question, vector.tolist())
    keys = [(s.passage.source_id, s.span) for s in retrieval.sentences]
    assert len(keys) == len(set(keys))  # the overlap sentence is not scored twice
    assert set(keys) == {(p.source_id, span) for p in retrieval.passages[:3] for span in p.sentence_spans}
    for s in retrieval.sentences:
        assert s.score == pytest.approx(s.similarity + WEIGHT * s.word_match)
        assert s.similarity == pytest.approx(float(s.vector @ vector), abs=1e-5)
    assert [s.score for s in retrieval.sentences] == sorted((s.score for s in retrieval.sentences), reverse=True)


def test_a_question_naming_a_paper_is_answered_from_it_alone(index):
    question = "what did cooper find about exercise?"
    retrieval = Retriever(index, WEIGHT).retrieve(question, FAKE.embed_query(question))
    assert {s.passage.source_id for s in retrieval.sentences} == {"cooper2016"}


def test_word_match_weighs_words_the_papers_never_use_the_most(index):
    words = content_tokens("exercise pain zzyzx")
    share = index.word_match(words, frozenset(content_tokens("exercise pain")))
    assert 0.0 < share < 0.5
    assert index.word_match(words, frozenset(words)) == pytest.approx(1.0)
    assert index.word_match([], frozenset({"pain"})) == 0.0


def test_a_defined_abbreviation_is_matched_and_searched_written_out(index):
    assert index.defined == {"np": "neuropathic pain"}
    passage = index.passages["zhang2021:0000"]
    span = passage.sentence_spans[1]  # "Aerobic exercise reduced NP ..."
    stored = index.sentences_of([passage])[sentence_id(passage.source_id, *span)]
    readable = "Aerobic exercise reduced neuropathic pain (NP) in several randomized trials."
    assert np.allclose(stored.vector, FAKE.embed_query(readable), atol=1e-6)
    assert {"neuropathic", "pain"} <= stored.words
    assert index.sentence_ranking(FAKE.embed_query(readable), 1) == [passage.id]


def test_the_saved_read_side_loads_mapped_and_ranks_the_same(index, tmp_path):
    computed = read_side.compute(PASSAGES, FAKE.embed_documents)
    read_side.save(computed, tmp_path / "read")
    loaded = read_side.load(tmp_path / "read")
    assert loaded is not None
    assert isinstance(loaded.passages.texts, np.memmap) and isinstance(loaded.lexical.weights, np.memmap)
    again = Index(loaded, InMemoryVectors(PASSAGES), SOURCES)
    assert dict(again.passages) == dict(index.passages)
    assert (again.idf, again.sentence_count, again.corpus_words) == (index.idf, index.sentence_count, index.corpus_words)
    for question in ("allodynia in rats", "walking programme", "strength training older adults"):
        words = content_tokens(question)
        assert again.bm25_ranking(words, 4) == index.bm25_ranking(words, 4)
        vector = FAKE.embed_query(question)
        assert scored(Retriever(again, WEIGHT), question, vector) == scored(Retriever(index, WEIGHT), question, vector)


def scored(retriever: Retriever, question: str, vector: list[float]) -> list[tuple[str, tuple[int, int], float]]:
    return [(s.passage.id, s.span, s.score) for s in retriever.retrieve(question, vector).sentences]


def test_a_read_side_made_by_other_code_or_damaged_is_not_loaded(tmp_path):
    folder = tmp_path / "read"
    read_side.save(read_side.compute(PASSAGES[:2], FAKE.embed_documents), folder)
    summary = folder / read_side.SUMMARY_FILE
    summary.write_text(summary.read_text().replace(read_side.fingerprint(), "older-code"))
    assert read_side.load(folder) is None
    assert read_side.load(tmp_path / "missing") is None


def test_passages_without_abbreviations_save_and_load(tmp_path):
    plain = paper_passages("cooper2016", SENTENCES["cooper2016"])
    read_side.save(read_side.compute(plain, FAKE.embed_documents), tmp_path / "read")
    loaded = read_side.load(tmp_path / "read")
    assert loaded is not None and loaded.spelled_out == {} and loaded.defined == {}
    assert dict(Index(loaded, InMemoryVectors(plain), SOURCES).passages) == {p.id: p for p in plain}


def test_calibration_fitted_on_scored_questions_separates_covered_from_not(index):
    retriever = Retriever(index, WEIGHT)
    covered = [s for sentences in SENTENCES.values() for s in sentences]
    unrelated = ["how do I renew my passport", "best pizza near the station", "what time is the football on"]
    candidates = []
    for question in covered + unrelated:
        sentences = retriever.retrieve(question, FAKE.embed_query(question)).sentences
        candidates.append(Features([(s.similarity, s.word_match) for s in sentences], False, 0.0))
    labels = ["direct"] * len(covered) + ["none"] * len(unrelated)
    calibration = fit(candidates, labels, fitted_on="in-memory")
    assert calibration.balanced_accuracy == 1.0 and calibration.examples == len(labels)
    best = [max(sim + calibration.lexical_weight * match for sim, match in f.sentences) for f in candidates]
    assert [calibration.shape(score) for score in best] == ["answer"] * len(covered) + ["not_covered"] * len(unrelated)
