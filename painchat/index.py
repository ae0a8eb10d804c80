"""What answering reads from one store build: its passages and word statistics (the build's read
side, ``painchat.read_side``) and the store's vector search.

``Index(...)`` is a plain constructor over those parts (tests build one from passages in memory);
``Index.load`` opens the live build of the configured store.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from chromadb import Collection

from painchat import read_side
from painchat.embedding import Embedder
from painchat.errors import StoreMissingError
from painchat.models import SourceMeta
from painchat.read_side import ReadSide
from painchat.sentence_search import SentenceSearch
from painchat.settings import Settings, default
from painchat.store import Build, current_build, guarded, pages, store_location, stored_metadata
from painchat.store_format import Passage, check_readable, passage_of_row, sentence_id, sources_of
from painchat.text import content_tokens, spelled_out

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredSentence:
    """A sentence of a chosen passage, as scoring needs it."""

    vector: np.ndarray
    words: frozenset[str]


class VectorSearch(Protocol):
    """The store's vector indexes of a build: passages and sentences."""

    @property
    def sentence_total(self) -> int: ...
    def nearest_passages(self, query: Sequence[float], k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) of the ``k`` passages nearest the query, best first."""
        ...
    def nearest_sentences(self, query: np.ndarray, count: int) -> list[tuple[str, float]]:
        """(sentence id, cosine similarity) of the ``count`` sentences nearest the query, best first."""
        ...
    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these sentences (unknown ids left out)."""
        ...
    def ping(self) -> None:
        """Raises unless the store still answers."""
        ...


class Index:
    """A build's passages with BM25 and word statistics in memory-mapped arrays; passage and sentence
    vectors stay in the store and are searched there."""

    def __init__(
        self,
        read: ReadSide,
        vectors: VectorSearch,
        sources: dict[str, SourceMeta],
        version: str = "",
        first_look: int = default("sentence_first_look"),
    ) -> None:
        self.version = version  # the build's name: a new one means a re-ingest went live
        self.vectors = vectors
        self.sources = sources
        self.source_names = _source_names(sources.values())
        self.passages = read.passages  # id -> Passage, in reading order; texts read when asked for
        self.lexical = read.lexical
        self.idf, self.sentence_count = read.idf, read.sentence_count
        # "NP" in a sentence means the "neuropathic pain" the paper defined it as: such sentences are
        # matched with it written out, and searched with the vector of that text (made at ingest) in
        # memory beside the store's index. Cheap while few sentences use a defined abbreviation.
        self.defined = read.defined
        self.corpus_words = read.corpus_words
        self.sentence_search = SentenceSearch(
            nearest=vectors.nearest_sentences,
            fetch=vectors.sentence_vectors,
            locator=read.passages.locator(),
            order=read.passages.rows,
            total_sentences=vectors.sentence_total,
            overrides=read.spelled_out,
            first_look=first_look,
        )

    @classmethod
    def load(cls, settings: Settings, embedder: Embedder) -> Index:
        """The live build of the configured store; its read side is computed (and saved) if missing."""
        build = current_build(settings)
        return guarded(settings, lambda: cls._load(settings, build, embedder))

    @classmethod
    def _load(cls, settings: Settings, build: Build, embedder: Embedder) -> Index:
        metadata = stored_metadata(build.client, build.chunks)
        passages = _rows(build.client, build.chunks)
        if not metadata or not passages or not _rows(build.client, build.sentences):
            raise StoreMissingError(f"the store at {store_location(settings)} is incomplete: run `python -m ingest`")
        check_readable(metadata)
        read = read_side.load(build.read_side)
        if read is None or len(read.passages) != passages:  # none yet, or not this build's
            read = _computed_read_side(build, embedder)
        return cls(read, ChromaVectors(settings, build), sources_of(metadata), build.name, settings.sentence_first_look)

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
        ids = self.passages.ids
        return [ids[row] for row in self.lexical.ranking(query_words, k)]

    def dense_ranking(self, query_vector: list[float], k: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity), best first."""
        hits = self.vectors.nearest_passages(query_vector, min(k, len(self.passages)))
        return [(pid, similarity) for pid, similarity in hits if pid in self.passages]

    def sentence_ranking(self, query_vector: list[float], k: int) -> list[str]:
        """Passage ids by their best sentence's similarity to the question, best first."""
        return self.sentence_search.passage_ranking(query_vector, k)

    def sentences_of(self, passages: Iterable[Passage]) -> dict[str, StoredSentence]:
        """The sentences of these passages by sentence id, with their vectors from the store."""
        texts = {sentence_id(p.source_id, *span): p.sentence_text(span) for p in passages for span in p.sentence_spans}
        vectors = self.sentence_search.vectors(list(texts))
        return {
            sid: StoredSentence(vectors[sid], frozenset(content_tokens(spelled_out(text, self.defined))))
            for sid, text in texts.items()
            if sid in vectors
        }


class ChromaVectors:
    """A build's two collections in Chroma (embedded or a server), as the Index searches them."""

    def __init__(self, settings: Settings, build: Build) -> None:
        self._settings = settings
        self.passages = build.client.get_collection(build.chunks)
        self._sentences = build.client.get_collection(build.sentences)
        self.sentence_total = self._sentences.count()

    def nearest_passages(self, query: Sequence[float], k: int) -> list[tuple[str, float]]:
        return self._nearest(self.passages, np.asarray(query, dtype=np.float32), k)

    def nearest_sentences(self, query: np.ndarray, count: int) -> list[tuple[str, float]]:
        return self._nearest(self._sentences, query, count)

    def sentence_vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        found = guarded(self._settings, lambda: self._sentences.get(ids=list(ids), include=["embeddings"]))
        vectors = np.asarray(found["embeddings"], dtype=np.float32).reshape(len(found["ids"]), -1)
        return dict(zip(found["ids"], vectors))

    def ping(self) -> None:
        guarded(self._settings, lambda: self.passages.get(limit=1, include=[]))

    def _nearest(self, collection: Collection, query: np.ndarray, count: int) -> list[tuple[str, float]]:
        # Ids and distances only: the texts of the few passages an answer uses come from the read side.
        found = guarded(
            self._settings, lambda: collection.query(query_embeddings=[query], n_results=count, include=["distances"])
        )
        return [(rid, 1.0 - distance) for rid, distance in zip(found["ids"][0], (found["distances"] or [[]])[0])]


def _computed_read_side(build: Build, embedder: Embedder) -> ReadSide:
    """The read side computed from the build's passage rows (a store built before read sides, a server
    build made on another host, or made by other code), saved for the next process when possible."""
    log.info("computing the read side of build %s from the store", build.name)
    rows = pages(build.client.get_collection(build.chunks), ["documents", "metadatas"])
    passages = [passage_of_row(*row) for page in rows for row in zip(page["ids"], page["documents"], page["metadatas"])]
    computed = read_side.compute(passages, embedder.embed_documents)
    del passages
    try:
        read_side.save(computed, build.read_side)
    except OSError as err:
        log.warning("the read side cannot be saved at %s (%s); each process computes it", build.read_side, err)
        return computed
    return read_side.load(build.read_side) or computed


def _source_names(sources) -> dict[str, set[str]]:
    """First-author surname and year → the papers they name."""
    names: dict[str, set[str]] = {}
    for meta in sources:
        words = content_tokens(meta.surnames[0]) if meta.surnames else []
        for word in words + ([str(meta.year)] if meta.year else []):
            names.setdefault(word, set()).add(meta.id)
    return names


def _rows(client, name: str) -> int:
    """How many rows the collection holds (0 if it does not exist: checked without creating it)."""
    return client.get_collection(name).count() if stored_metadata(client, name) is not None else 0
