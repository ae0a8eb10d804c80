"""What answering reads from the store, loaded once per process: sources, passages, sentences."""

from __future__ import annotations

import json
import math
import re
import sys
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
from painchat.store import (
    Build,
    current_build,
    guarded,
    open_collection,
    pages,
    sentence_id,
    store_location,
    stored_metadata,
)
from painchat.text import abbreviations, content_tokens, spelled_out

# Where an abbreviation may be defined: "(NP)" after its long form (painchat.text.abbreviations).
_MAYBE_DEFINED = re.compile(r"\([A-Z]{2,8}s?\)")


@dataclass(frozen=True, slots=True)  # slots: a large store holds many of these in every process
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
        self._settings = settings
        build = current_build(settings)
        self.version = build.name  # the pointer's value: a new one means a re-ingest went live
        guarded(settings, lambda: self._load(build, embedder))

    def _load(self, build: Build, embedder: Embedder) -> None:
        metadata = stored_metadata(build.client, build.chunks)
        where = store_location(self._settings)
        if not metadata or not _has_rows(build.client, build.chunks) or not _has_rows(build.client, build.sentences):
            raise StoreMissingError(f"the store at {where} is incomplete: run `python -m ingest`")
        if metadata.get("model") != MODEL_NAME:
            raise StoreError(f"the store was built with {metadata.get('model')}, not {MODEL_NAME}: run `python -m ingest`")
        self.sources = {m["id"]: SourceMeta(**m) for m in json.loads(metadata.get("sources", "[]"))}
        self.source_names = _source_names(self.sources.values())
        self.dense = open_collection(build.client, build.chunks, embedder)
        self.passages = _load_passages(build.client.get_collection(build.chunks))
        self._ids = list(self.passages)
        # "NP" in a sentence means the "neuropathic pain" the paper defined it as: such sentences are
        # matched and embedded with it written out, re-embedded at each load and searched in memory
        # beside the store's index. Cheap while few sentences use a defined abbreviation; a corpus where
        # many do would want their written-out vectors stored at ingest instead.
        self.defined = _defined_abbreviations(self.passages.values())
        words, self.idf, self.sentence_count, rewritten = _passage_words(self.passages.values(), self.defined)
        self.lexical = LexicalIndex(words)
        del words  # the matrix holds them now; free them before the sentence search is built
        sentences = build.client.get_collection(build.sentences)
        self.sentence_search = SentenceSearch(
            nearest=lambda query, count: guarded(self._settings, lambda: _nearest(sentences, query, count)),
            fetch=lambda ids: guarded(self._settings, lambda: _fetch(sentences, ids)),
            locator=PassageLocator(self.passages.values()),
            order={pid: n for n, pid in enumerate(self._ids)},
            total_sentences=sentences.count(),
            overrides=dict(zip(rewritten, embedder.encode(list(rewritten.values())))) if rewritten else None,
            first_look=self._settings.sentence_first_look,
        )

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
        search = self.dense.similarity_search_by_vector_with_relevance_scores
        hits = guarded(self._settings, lambda: search(query_vector, k=min(k, len(self._ids))))
        return [(doc.id, 1.0 - distance) for doc, distance in hits if doc.id in self.passages]

    def sentence_ranking(self, query_vector: list[float], k: int) -> list[str]:
        """Passage ids by their best sentence's similarity to the question, best first."""
        return self.sentence_search.passage_ranking(query_vector, k)

    def sentences_of(self, passages: Iterable[Passage]) -> dict[str, StoredSentence]:
        """The stored sentences of these passages by sentence id, fetched from the store."""
        ids = list(dict.fromkeys(sentence_id(p.source_id, *span) for p in passages for span in p.sentence_spans))
        rows = self.sentence_search.sentences(ids)
        return {
            sid: StoredSentence(rows.vectors[sid], frozenset(content_tokens(spelled_out(rows.texts[sid], self.defined))))
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


def _load_passages(collection) -> dict[str, Passage]:
    """Every stored passage, in reading order (source, then position)."""
    passages = [
        Passage(
            id=chunk_id,
            source_id=sys.intern(meta["source_id"]),  # a few distinct values, each kept once
            section=sys.intern(meta["section"]),
            text=text,
            char_start=meta["char_start"],
            sentence_spans=tuple(tuple(s) for s in json.loads(meta["sentences"])),
        )
        for page in pages(collection, ["documents", "metadatas"])
        for chunk_id, text, meta in zip(page["ids"], page["documents"], page["metadatas"])
    ]
    passages.sort(key=lambda p: (p.source_id, p.char_start))
    return {p.id: p for p in passages}


def _defined_abbreviations(passages: Iterable[Passage]) -> dict[str, str]:
    """The abbreviations the passages define, read only where one may be: a passage with "(AB)" in it."""
    defined: dict[str, str] = {}
    for passage in passages:
        if _MAYBE_DEFINED.search(passage.text):
            defined.update(abbreviations(passage.text))
    return defined


def _passage_words(
    passages: Iterable[Passage], defined: dict[str, str]
) -> tuple[list[list[str]], dict[str, float], int, dict[str, str]]:
    """Each passage's content words (for BM25); the inverse document frequency of words over the
    distinct sentences with their abbreviations written out (for word match); how many sentences;
    and the sentences an abbreviation was written out in, by id, in one pass over the text.

    A passage's words are its section's, then its sentences' in order: the same words as tokenising
    the whole passage, since only white space lies between sentences. Chunk overlap repeats a
    sentence in the next passage; it is counted once.
    """
    documents: list[list[str]] = []
    frequency: Counter[str] = Counter()
    sentences, rewritten = 0, {}
    previous: dict[tuple[str, tuple[int, int]], list[str]] = {}
    for passage in passages:
        current = {}
        words = content_tokens(passage.section)
        for span in passage.sentence_spans:
            key = (passage.source_id, span)
            sentence_words = previous.get(key)
            if sentence_words is None:
                text = passage.sentence_text(span)
                sentence_words = content_tokens(text)
                readable = spelled_out(text, defined)
                if readable != text:
                    rewritten[sentence_id(passage.source_id, *span)] = readable
                frequency.update(set(sentence_words if readable == text else content_tokens(readable)))
                sentences += 1
            current[key] = sentence_words
            words += sentence_words
        documents.append(words)
        previous = current
    idf = {word: math.log((sentences + 1) / (count + 0.5)) for word, count in frequency.items()}
    return documents, idf, sentences, rewritten


def _nearest(collection, query: np.ndarray, count: int) -> list[tuple[str, float]]:
    """(sentence id, cosine similarity) of the stored sentences nearest the query, best first."""
    found = collection.query(query_embeddings=[query], n_results=count, include=["distances"])
    return [(sid, 1.0 - distance) for sid, distance in zip(found["ids"][0], found["distances"][0])]


def _fetch(collection, ids: Sequence[str]) -> SentenceRows:
    found = collection.get(ids=list(ids), include=["embeddings", "documents"])
    vectors = np.asarray(found["embeddings"], dtype=np.float32).reshape(len(found["ids"]), -1)
    return SentenceRows(dict(zip(found["ids"], vectors)), dict(zip(found["ids"], found["documents"])))
