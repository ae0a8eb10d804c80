"""Builds or updates the store: only new or changed passages and sentences are embedded."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np

from ingest.chunk import CHUNKER_VERSION, chunk_document
from ingest.loaders import load_corpus
from ingest.lock import writer_lock
from ingest.manifest import load_manifest
from painchat import read_side
from painchat.embedding import Embedder, TokenCounter, max_tokens
from painchat.errors import StoreError, StoreMissingError
from painchat.models import Chunk, Document
from painchat.settings import Settings
from painchat.store import (
    COSINE,
    Build,
    current_build,
    discard_builds,
    guarded,
    new_build,
    pages,
    publish,
    stored_metadata,
)
from painchat.store_format import (
    HASH,
    IDENTITY,
    Row,
    identity,
    identity_of,
    passage_collection_metadata,
    passage_of_chunk,
    passage_row,
    sentence_row,
)

log = logging.getLogger(__name__)
ADD_BATCH = 1000  # under Chroma's max batch size


@dataclass(frozen=True)
class SyncResult:
    added: int
    updated: int
    removed: int
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass(frozen=True)
class BuildReport:
    documents: int
    chunks: SyncResult
    sentences: SyncResult
    rebuilt: bool
    seconds: float

    def summary(self) -> str:
        c, s = self.chunks, self.sentences
        return (
            f"ingest: {self.documents} documents, {c.added + c.updated + c.unchanged} chunks "
            f"({c.added} added, {c.updated} updated, {c.removed} removed, {c.unchanged} unchanged), "
            f"{s.added + s.updated + s.unchanged} sentences ({s.added + s.updated} embedded, {s.removed} removed)"
            f"{', rebuilt' if self.rebuilt else ''}, {self.seconds:.1f} s"
        )


def build_store(
    settings: Settings, embedder: Embedder | None = None, progress: bool = False, wait_s: float = 0.0, on_wait=None
) -> BuildReport:
    """Bring the store in line with the corpus folder; idempotent.

    One writer at a time (``wait_s``: how long to wait for another); the new version is written
    beside the live one and switched in only when complete, so a killed build changes nothing.
    """
    started = time.perf_counter()
    documents = load_corpus(settings.corpus_dir, load_manifest(settings.sources_file), settings.max_corpus_file_mb)
    counter, limit = TokenCounter(), max_tokens()
    chunks = [
        chunk
        for document in documents
        for chunk in chunk_document(document, counter, limit, settings.chunk_overlap_sentences)
    ]
    embedder = embedder or Embedder(show_progress=progress)
    made_with = identity(CHUNKER_VERSION)
    metadata = passage_collection_metadata(made_with, documents)
    wanted = ([passage_row(c) for c in chunks], _sentence_rows(documents, chunks))
    with writer_lock(settings, wait_s, on_wait):
        previous = _previous_rows(settings)
        rebuilt = previous is not None and previous.identity != made_with
        old = previous.rows if previous and not rebuilt else ({}, {})
        results = tuple(_compare(rows, stored) for rows, stored in zip(wanted, old))
        if previous is None or rebuilt or previous.metadata != metadata or any(r.changed for r in results):
            build = new_build(settings)
            guarded(settings, lambda: _write(build, (build.chunks, build.sentences), wanted, old, embedder, (metadata, made_with)))
            _save_read_side(build, chunks, embedder)
            publish(settings, build)
            log.info("store build %s is live", build.name)
        else:
            _ensure_read_side(current_build(settings), chunks, embedder)
        discard_builds(settings)
    for document in documents:
        log.info("%s: %s (%s)", document.meta.id, document.meta.coverage.value, document.origin)
    chunk_result, sentence_result = results
    return BuildReport(len(documents), chunk_result, sentence_result, rebuilt, time.perf_counter() - started)


@dataclass(frozen=True)
class _Previous:
    """What the live build holds: its identity, metadata, and per collection id → (hash, text, vector)."""

    identity: dict
    metadata: dict
    rows: tuple[dict[str, tuple], dict[str, tuple]]


def _previous_rows(settings: Settings) -> _Previous | None:
    """The live build's rows, reused so that only new or changed texts are embedded.

    A damaged embedded store is rebuilt from scratch; an unreachable server stops the build.
    """
    try:
        live = current_build(settings)
        return guarded(settings, lambda: _read_rows(live))
    except StoreMissingError:
        return None
    except StoreError as err:
        if settings.chroma_url:
            raise
        log.warning("the live store cannot be read (%s); building a new one from scratch", err)
        return None


def _read_rows(live: Build) -> _Previous | None:
    metadata = stored_metadata(live.client, live.chunks)
    if metadata is None:
        return None
    rows = []
    for name in (live.chunks, live.sentences):
        rows.append(
            {
                i: ((m or {}).get("hash"), text, vector)
                for page in pages(live.client.get_collection(name), ["embeddings", "documents", "metadatas"])
                for i, text, m, vector in zip(page["ids"], page["documents"], page["metadatas"], page["embeddings"])
            }
        )
    return _Previous(identity_of(metadata, IDENTITY), metadata, (rows[0], rows[1]))


def _compare(records: list[Row], old: dict[str, tuple]) -> SyncResult:
    wanted = {r.id for r in records}
    fresh = [r for r in records if r.id not in old]
    updated = [r for r in records if r.id in old and old[r.id][0] != r.metadata[HASH]]
    removed = [i for i in old if i not in wanted]
    return SyncResult(
        added=len(fresh), updated=len(updated), removed=len(removed), unchanged=len(records) - len(fresh) - len(updated)
    )


def _write(build: Build, names, wanted, old, embedder: Embedder, metadatas) -> None:
    for name, records, rows, metadata in zip(names, wanted, old, metadatas):
        collection = build.client.create_collection(name, metadata=metadata, configuration=COSINE, embedding_function=None)
        for batch in range(0, len(records), ADD_BATCH):
            part = records[batch : batch + ADD_BATCH]
            collection.add(
                ids=[r.id for r in part],
                embeddings=_vectors(part, rows, embedder),
                documents=[r.text for r in part],
                metadatas=[r.metadata for r in part],
            )


def _vectors(records: list[Row], old: dict[str, tuple], embedder: Embedder) -> np.ndarray:
    """The stored vector of each unchanged text; the others embedded now."""
    reuse = {r.id: old[r.id][2] for r in records if r.id in old and old[r.id][0] == r.metadata[HASH]}
    fresh = [r for r in records if r.id not in reuse]
    embedded = dict(zip((r.id for r in fresh), embedder.embed_documents([r.text for r in fresh]) if fresh else []))
    return np.asarray([reuse[r.id] if r.id in reuse else embedded[r.id] for r in records], dtype=np.float32)


def _ensure_read_side(live: Build, chunks: list[Chunk], embedder: Embedder) -> None:
    """An unchanged live build made before read sides (or before their code changed) gets one now,
    so that readers need not compute it."""
    if read_side.load(live.read_side) is None:
        _save_read_side(live, chunks, embedder)


def _save_read_side(build: Build, chunks: list[Chunk], embedder: Embedder) -> None:
    """What readers load instead of every passage (``painchat.read_side``), saved beside the build.

    A server's build keeps it in a local folder; if that cannot be written, readers compute it.
    """
    computed = read_side.compute([passage_of_chunk(c) for c in chunks], embedder.embed_documents)
    try:
        read_side.save(computed, build.read_side)
    except OSError as err:
        log.warning("the read side cannot be saved at %s (%s); readers will compute it", build.read_side, err)


def _sentence_rows(documents: list[Document], chunks: list[Chunk]) -> list[Row]:
    """Each distinct sentence once, even when chunk overlap repeats it."""
    texts = {d.meta.id: d.text for d in documents}
    rows = (sentence_row(c.source_id, span, texts[c.source_id][span[0] : span[1]]) for c in chunks for span in c.sentence_spans)
    return list({row.id: row for row in rows}.values())
