"""Builds or updates the store: only new or changed passages and sentences are embedded."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass

import chromadb

from ingest.chunk import CHUNKER_VERSION, chunk_document
from ingest.loaders import load_corpus
from ingest.manifest import load_manifest
from painchat.embedding import MODEL_NAME, Embedder, TokenCounter, dimension, max_tokens
from painchat.models import Chunk, Document
from painchat.settings import Settings
from painchat.store import collection_names, open_client, open_collection, sentence_id, stored_metadata

log = logging.getLogger(__name__)
ADD_BATCH = 1000  # under Chroma's max batch size


@dataclass(frozen=True)
class Record:
    """One row to store: its text, its metadata, and the hash that says whether it changed."""

    id: str
    text: str
    metadata: dict


@dataclass(frozen=True)
class SyncResult:
    added: int
    updated: int
    removed: int
    unchanged: int


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


def build_store(settings: Settings, embedder: Embedder | None = None, progress: bool = False) -> BuildReport:
    """Bring the store in line with the corpus folder; idempotent."""
    started = time.perf_counter()
    documents = load_corpus(settings.corpus_dir, load_manifest(settings.sources_file))
    counter, limit = TokenCounter(), max_tokens()
    chunks = [
        chunk
        for document in documents
        for chunk in chunk_document(document, counter, limit, settings.chunk_overlap_sentences)
    ]
    client = open_client(settings)
    chunk_name, sentence_name = collection_names(settings)
    identity = {"model": MODEL_NAME, "dimension": dimension(), "chunker": CHUNKER_VERSION}
    rebuilt = _drop_if_built_differently(client, (chunk_name, sentence_name), identity)
    embedder = embedder or Embedder(show_progress=progress)
    metadata = {**identity, "sources": json.dumps([d.meta.model_dump(mode="json") for d in documents])}
    chunk_result = _sync(client, chunk_name, [_chunk_record(c) for c in chunks], embedder, metadata)
    sentence_result = _sync(client, sentence_name, _sentence_records(documents, chunks), embedder, identity)
    for document in documents:
        log.info("%s: %s (%s)", document.meta.id, document.meta.coverage.value, document.origin)
    return BuildReport(len(documents), chunk_result, sentence_result, rebuilt, time.perf_counter() - started)


def _drop_if_built_differently(client: chromadb.ClientAPI, names: tuple[str, ...], identity: dict) -> bool:
    """A different model, dimension or chunker makes every stored vector stale."""
    stale = False
    for name in names:
        found = stored_metadata(client, name)
        if found is not None and any(found.get(k) != v for k, v in identity.items()):
            log.info("%s was built with %s; rebuilding", name, {k: found.get(k) for k in identity})
            client.delete_collection(name)
            stale = True
    return stale


def _chunk_record(chunk: Chunk) -> Record:
    metadata = {
        "source_id": chunk.source_id,
        "section": chunk.section,
        "order": chunk.order,
        "char_start": chunk.char_start,
        "char_end": chunk.char_end,
        "hash": chunk.content_hash,
        "sentences": json.dumps(chunk.sentence_spans),
    }
    return Record(chunk.id, chunk.text, metadata)


def _sentence_records(documents: list[Document], chunks: list[Chunk]) -> list[Record]:
    """Each distinct sentence once, even when chunk overlap repeats it."""
    texts = {d.meta.id: d.text for d in documents}
    records: dict[str, Record] = {}
    for chunk in chunks:
        for start, end in chunk.sentence_spans:
            sentence = texts[chunk.source_id][start:end]
            digest = hashlib.sha256(sentence.encode()).hexdigest()[:12]
            key = sentence_id(chunk.source_id, start, end)
            records[key] = Record(key, sentence, {"source_id": chunk.source_id, "hash": digest})
    return list(records.values())


def _sync(
    client: chromadb.ClientAPI, name: str, records: list[Record], embedder: Embedder, metadata: dict
) -> SyncResult:
    store = open_collection(client, name, embedder, metadata)
    client.get_collection(name).modify(metadata=metadata)  # keeps the source list current
    stored = store.get(include=["metadatas"])
    stored_hash = {i: (m or {}).get("hash") for i, m in zip(stored["ids"], stored["metadatas"])}
    wanted = {r.id for r in records}
    removed = [i for i in stored_hash if i not in wanted]
    changed = [r.id for r in records if r.id in stored_hash and stored_hash[r.id] != r.metadata["hash"]]
    fresh = [r for r in records if stored_hash.get(r.id) != r.metadata["hash"]]
    if removed or changed:
        store.delete(ids=removed + changed)
    for batch in range(0, len(fresh), ADD_BATCH):
        part = fresh[batch : batch + ADD_BATCH]
        store.add_texts([r.text for r in part], [r.metadata for r in part], ids=[r.id for r in part])
    return SyncResult(
        added=len(fresh) - len(changed), updated=len(changed), removed=len(removed), unchanged=len(records) - len(fresh)
    )
