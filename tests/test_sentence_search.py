"""Best-sentence passage ranking through a vector index, against the exact answer over all sentences."""

from dataclasses import dataclass

import numpy as np
import pytest
from langchain_core.embeddings import DeterministicFakeEmbedding

from painchat.sentence_search import PassageLocator, SentenceSearch, passage_sentence_ids
from painchat.store_format import parse_sentence_id, sentence_id

DIM = 32


@dataclass(frozen=True)
class FakePassage:
    id: str
    source_id: str
    char_start: int
    text: str
    sentence_spans: tuple[tuple[int, int], ...]


def passages(sources: int = 3, per_source: int = 12, sentences: int = 4, overlap: int = 1) -> list[FakePassage]:
    """Chunks of ``sentences`` 10-character sentences; consecutive chunks share ``overlap`` sentences."""
    made = []
    for s in range(sources):
        first = 0
        for n in range(per_source):
            spans = tuple((11 * (first + i), 11 * (first + i) + 10) for i in range(sentences))
            start = spans[0][0]
            made.append(FakePassage(f"src{s}-{n}", f"src{s}", start, "x" * (spans[-1][1] - start), spans))
            first += sentences - overlap
    return made


def unit(vector) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def sentence_vectors(chunks) -> dict[str, np.ndarray]:
    fake = DeterministicFakeEmbedding(size=DIM)
    ids = sorted({sid for p in chunks for sid in passage_sentence_ids(p)})
    return {sid: unit(fake.embed_query(sid)) for sid in ids}


def search(chunks, vectors, overrides=None) -> SentenceSearch:
    ids = list(vectors)
    matrix = np.stack([vectors[i] for i in ids])

    def nearest(query, count):
        scores = matrix @ query
        top = np.argsort(-scores)[:count]
        return [(ids[i], float(scores[i])) for i in top]

    def fetch(wanted):
        return {i: vectors[i] for i in wanted if i in vectors}

    order = {p.id: n for n, p in enumerate(chunks)}
    return SentenceSearch(nearest, fetch, PassageLocator.of(chunks), order, len(ids), overrides)


def exact_ranking(chunks, vectors, query, k):
    best = {p.id: max(float(vectors[s] @ query) for s in passage_sentence_ids(p)) for p in chunks}
    return sorted(best, key=lambda pid: -best[pid])[:k]


def test_sentence_ids_round_trip():
    assert parse_sentence_id(sentence_id("zhang2021", 120, 245)) == ("zhang2021", 120, 245)
    assert parse_sentence_id(sentence_id("a@b", 0, 9)) == ("a@b", 0, 9)


def test_a_sentence_is_found_in_every_passage_that_holds_it():
    chunks = passages(overlap=1)
    locator = PassageLocator.of(chunks)
    shared = chunks[0].sentence_spans[-1]  # the overlap: last sentence of chunk 0, first of chunk 1
    assert locator.containing("src0", *shared) == ["src0-0", "src0-1"]
    assert locator.containing("src0", *chunks[0].sentence_spans[0]) == ["src0-0"]
    assert locator.containing("nowhere", 0, 10) == []


@pytest.mark.parametrize("k", [1, 4, 8, 20])
def test_ranking_matches_the_exact_best_sentence_ranking(k):
    chunks = passages()
    vectors = sentence_vectors(chunks)
    fake = DeterministicFakeEmbedding(size=DIM)
    for question in ("does exercise help nerve pain?", "what is allodynia?", "how often should I walk?"):
        query = unit(fake.embed_query(question))
        assert search(chunks, vectors).passage_ranking(query, k) == exact_ranking(chunks, vectors, query, k)


def test_asks_for_more_sentences_until_enough_passages_are_certain():
    chunks = passages(sources=1, per_source=10, sentences=10, overlap=0)
    vectors = sentence_vectors(chunks)
    # Every sentence of the first passage is nearest the question: the first look finds one passage.
    query = unit(np.ones(DIM))
    for sid in passage_sentence_ids(chunks[0]):
        vectors[sid] = unit(np.ones(DIM) + 0.01 * vectors[sid])
    for k in (2, 3):  # the first look (4 per wanted passage) sees only the first passage's sentences
        assert search(chunks, vectors).passage_ranking(query, k) == exact_ranking(chunks, vectors, query, k)


def test_an_overridden_vector_replaces_the_stored_one():
    chunks = passages()
    vectors = sentence_vectors(chunks)
    target = passage_sentence_ids(chunks[7])[1]
    query = unit(DeterministicFakeEmbedding(size=DIM).embed_query("question"))
    found = search(chunks, vectors, overrides={target: query})
    assert found.passage_ranking(query, 1) == [chunks[7].id]
    fetched = found.vectors([target, passage_sentence_ids(chunks[0])[0], "src9@0-1"])
    assert np.allclose(fetched[target], query)
    assert "src9@0-1" not in fetched and len(fetched) == 2
