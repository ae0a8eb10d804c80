"""What answering reads from the store, loaded once per process: sources, passages, sentences."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from painchat.embedding import MODEL_NAME, Embedder
from painchat.errors import StoreError, StoreMissingError
from painchat.models import SourceMeta
from painchat.settings import Settings
from painchat.store import Build, current_build, guarded, open_collection, sentence_id, store_location, stored_metadata
from painchat.text import abbreviations, content_tokens, spelled_out


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


class Index:
    """Passages with a BM25 index, sentence vectors in memory, and the dense store for queries."""

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
        self.passages = self._load_passages()
        self._ids = list(self.passages)
        self.bm25 = BM25Okapi([content_tokens(f"{p.section} {p.text}") for p in self.passages.values()] or [[""]])
        sentences = open_collection(build.client, build.sentences, embedder)
        stored = sentences.get(include=["embeddings", "documents"])
        self.sentence_ids = {sid: row for row, sid in enumerate(stored["ids"])}
        self.sentence_vectors = np.asarray(stored["embeddings"], dtype=np.float32).reshape(len(stored["ids"]), -1)
        # "NP" in a sentence means the "neuropathic pain" the paper defined it as: such sentences are
        # matched and embedded with it written out (few sentences, once per process).
        defined = abbreviations(" ".join(p.text for p in self.passages.values()))
        readable = [spelled_out(text, defined) for text in stored["documents"]]
        rewritten = [row for row, text in enumerate(readable) if text != stored["documents"][row]]
        if rewritten:
            self.sentence_vectors[rewritten] = embedder.encode([readable[row] for row in rewritten])
        self.sentence_words = [frozenset(content_tokens(text)) for text in readable]
        self.idf = _inverse_document_frequency(self.sentence_words)
        self.sentence_rows = {
            p.id: [self.sentence_ids.get(sentence_id(p.source_id, *span)) for span in p.sentence_spans]
            for p in self.passages.values()
        }

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

    def word_match(self, query_words: list[str], row: int) -> float:
        """IDF-weighted share of the query's content words that the sentence contains.

        Words the papers never use weigh the most, so a question about something they don't
        mention scores low even when its embedding sounds close.
        """
        unseen = math.log(len(self.sentence_words) + 1) + 1
        weights = {w: self.idf.get(w, unseen) for w in query_words}
        total = sum(weights.values())
        return sum(v for w, v in weights.items() if w in self.sentence_words[row]) / total if total else 0.0

    def named_sources(self, query_words: list[str]) -> set[str]:
        """Papers the question names by first author or year ("what did Zhang find?")."""
        return {source for word in query_words for source in self.source_names.get(word, ())}

    def bm25_ranking(self, query_words: list[str], k: int) -> list[str]:
        """Passage ids sharing at least one content word with the query, best first."""
        scores = self.bm25.get_scores(query_words)
        order = np.argsort(-scores)[:k]
        return [self._ids[i] for i in order if scores[i] > 0]

    def dense_ranking(self, query_vector: list[float], k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        search = self.dense.similarity_search_by_vector_with_relevance_scores
        hits = guarded(self._settings, lambda: search(query_vector, k=min(k, len(self._ids))))
        return [(doc.id, 1.0 - distance) for doc, distance in hits if doc.id in self.passages]


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


def _inverse_document_frequency(documents: list[frozenset[str]]) -> dict[str, float]:
    frequency = Counter(word for document in documents for word in document)
    return {word: math.log((len(documents) + 1) / (count + 0.5)) for word, count in frequency.items()}
