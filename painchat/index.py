"""What answering reads from the store, loaded once per process: sources, passages, sentences."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from painchat.embedding import MODEL_NAME, Embedder
from painchat.errors import StoreError, StoreMissingError
from painchat.lexical import LexicalIndex
from painchat.models import SourceMeta
from painchat.sentence_search import PassageLocator, SentenceRows, SentenceSearch
from painchat.settings import Settings
from painchat.store import collection_names, open_client, open_collection, sentence_id, stored_metadata
from painchat.text import content_tokens


@dataclass(frozen=True)
class Passage:
    """A stored chunk, as retrieval and composition see it."""

    id: str
    source_id: str
    section: str
    text: str
    char_start: int
    sentence_spans: tuple[tuple[int, int], ...]

    def sentence_text(self, span: tuple[int, int]) -> str:
        return self.text[span[0] - self.char_start : span[1] - self.char_start]


@dataclass(frozen=True)
class StoredSentence:
    """A sentence of a chosen passage, as scoring needs it."""

    vector: np.ndarray
    words: frozenset[str]


class Index:
    """Passages with a sparse BM25 index; passage and sentence vectors stay in the store and are searched there."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        client = open_client(settings)
        chunk_name, sentence_name = collection_names(settings)
        metadata = stored_metadata(client, chunk_name)
        where = settings.chroma_url or settings.store_dir
        if not metadata:
            raise StoreMissingError(f"no store at {where}: run `python -m ingest` first")
        if not _has_rows(client, chunk_name) or not _has_rows(client, sentence_name):
            raise StoreMissingError(f"the store at {where} is incomplete (an interrupted build?): run `python -m ingest`")
        if metadata.get("model") != MODEL_NAME:
            raise StoreError(f"the store was built with {metadata.get('model')}, not {MODEL_NAME}: run `python -m ingest`")
        self.sources = {m["id"]: SourceMeta(**m) for m in json.loads(metadata.get("sources", "[]"))}
        self.source_names = _source_names(self.sources.values())
        self.dense = open_collection(client, chunk_name, embedder)
        self.passages = self._load_passages()
        self._ids = list(self.passages)
        words, self.idf, self.sentence_count = _passage_words(self.passages.values())
        self.lexical = LexicalIndex(words)
        sentences = client.get_collection(sentence_name)
        self.sentence_search = SentenceSearch(
            nearest=lambda query, count: _nearest(sentences, query, count),
            fetch=lambda ids: _fetch(sentences, ids),
            locator=PassageLocator(self.passages.values()),
            order={pid: n for n, pid in enumerate(self._ids)},
            total_sentences=sentences.count(),
        )

    def _load_passages(self) -> dict[str, Passage]:
        stored = self.dense.get(include=["documents", "metadatas"])
        passages = [
            Passage(
                id=chunk_id,
                source_id=meta["source_id"],
                section=meta["section"],
                text=text,
                char_start=meta["char_start"],
                sentence_spans=tuple(tuple(s) for s in json.loads(meta["sentences"])),
            )
            for chunk_id, text, meta in zip(stored["ids"], stored["documents"], stored["metadatas"])
        ]
        passages.sort(key=lambda p: (p.source_id, p.char_start))
        return {p.id: p for p in passages}

    def word_match(self, query_words: list[str], sentence_words: frozenset[str]) -> float:
        """IDF-weighted share of the query's content words that the sentence contains.

        Words the papers never use weigh the most, so a question about something they don't
        mention scores low even when its embedding sounds close.
        """
        unseen = math.log(self.sentence_count + 1) + 1
        weights = {w: self.idf.get(w, unseen) for w in query_words}
        total = sum(weights.values())
        return sum(v for w, v in weights.items() if w in sentence_words) / total if total else 0.0

    def named_sources(self, query_words: list[str]) -> set[str]:
        """Papers the question names by first author or year ("what did Zhang find?")."""
        return {source for word in query_words for source in self.source_names.get(word, ())}

    def bm25_ranking(self, query_words: list[str], k: int) -> list[str]:
        """Passage ids sharing at least one content word with the query, best first."""
        return [self._ids[row] for row in self.lexical.ranking(query_words, k)]

    def dense_ranking(self, query_vector: list[float], k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        hits = self.dense.similarity_search_by_vector_with_relevance_scores(query_vector, k=min(k, len(self._ids)))
        return [(doc.id, 1.0 - distance) for doc, distance in hits if doc.id in self.passages]

    def sentence_ranking(self, query_vector: list[float], k: int) -> list[str]:
        """Passage ids by their best sentence's similarity to the question, best first."""
        return self.sentence_search.passage_ranking(query_vector, k)

    def sentences_of(self, passages: Iterable[Passage]) -> dict[str, StoredSentence]:
        """The stored sentences of these passages by sentence id, fetched from the store."""
        ids = list(dict.fromkeys(sentence_id(p.source_id, *span) for p in passages for span in p.sentence_spans))
        rows = self.sentence_search.sentences(ids)
        return {
            sid: StoredSentence(rows.vectors[sid], frozenset(content_tokens(rows.texts[sid])))
            for sid in ids
            if sid in rows.vectors
        }


def _source_names(sources) -> dict[str, set[str]]:
    """First-author surname and year → the papers they name."""
    names: dict[str, set[str]] = {}
    for meta in sources:
        words = content_tokens(meta.surnames[0]) if meta.surnames else []
        for word in words + ([str(meta.year)] if meta.year else []):
            names.setdefault(word, set()).add(meta.id)
    return names


def _has_rows(client, name: str) -> bool:
    """The collection exists and holds something (checked without creating it)."""
    return stored_metadata(client, name) is not None and client.get_collection(name).count() > 0


def _passage_words(passages: Iterable[Passage]) -> tuple[list[list[str]], dict[str, float], int]:
    """Each passage's content words (for BM25), and the inverse document frequency of words over
    the distinct sentences (for word match), in one pass over the text.

    A passage's words are its section's, then its sentences' in order: the same words as tokenising
    the whole passage, since only white space lies between sentences. Chunk overlap repeats a
    sentence in the next passage; it is counted once.
    """
    documents, frequency, sentences = [], Counter(), 0
    previous: dict[tuple[str, tuple[int, int]], list[str]] = {}
    for passage in passages:
        current = {}
        words = content_tokens(passage.section)
        for span in passage.sentence_spans:
            key = (passage.source_id, span)
            sentence_words = previous.get(key)
            if sentence_words is None:
                sentence_words = content_tokens(passage.sentence_text(span))
                frequency.update(set(sentence_words))
                sentences += 1
            current[key] = sentence_words
            words += sentence_words
        documents.append(words)
        previous = current
    idf = {word: math.log((sentences + 1) / (count + 0.5)) for word, count in frequency.items()}
    return documents, idf, sentences


def _nearest(collection, query: np.ndarray, count: int) -> list[tuple[str, float]]:
    """(sentence id, cosine similarity) of the stored sentences nearest the query, best first."""
    found = collection.query(query_embeddings=[query], n_results=count, include=["distances"])
    return [(sid, 1.0 - distance) for sid, distance in zip(found["ids"][0], found["distances"][0])]


def _fetch(collection, ids: Sequence[str]) -> SentenceRows:
    found = collection.get(ids=list(ids), include=["embeddings", "documents"])
    vectors = np.asarray(found["embeddings"], dtype=np.float32).reshape(len(found["ids"]), -1)
    return SentenceRows(dict(zip(found["ids"], vectors)), dict(zip(found["ids"], found["documents"])))
