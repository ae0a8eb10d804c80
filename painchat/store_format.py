"""The store's format, in one place: ids, metadata keys, a build's identity, and the conversions
between stored rows and what answering reads (``Passage``, sentences, sources).

``ingest`` writes every row through these functions and ``painchat.index`` reads every row
through them, so a key is spelled once and both sides agree on what makes a build usable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from painchat.embedding import MODEL_NAME, dimension
from painchat.errors import StoreError
from painchat.models import Chunk, Document, SourceMeta

# Collection metadata: what a build was made with. A reader needs the same model (and so the same
# dimension); ingest also rebuilds when the chunker changed.
MODEL, DIMENSION, CHUNKER, SOURCES = "model", "dimension", "chunker", "sources"
IDENTITY = (MODEL, DIMENSION, CHUNKER)
READER_IDENTITY = (MODEL, DIMENSION)
# Row metadata.
SOURCE_ID, SECTION, ORDER, CHAR_START, CHAR_END, HASH, SENTENCES = (
    "source_id", "section", "order", "char_start", "char_end", "hash", "sentences",
)  # fmt: skip


@dataclass(frozen=True, slots=True)  # slots: answering builds a few of these per question
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
class Row:
    """One row to store: id, text, metadata (with the hash that says whether it changed)."""

    id: str
    text: str
    metadata: dict[str, Any]


def sentence_id(source_id: str, start: int, end: int) -> str:
    """Stable id of the sentence at a span of a source's text."""
    return f"{source_id}@{start}-{end}"


def parse_sentence_id(sid: str) -> tuple[str, int, int]:
    """(source id, start, end) of a ``sentence_id``."""
    source_id, _, span = sid.rpartition("@")
    start, _, end = span.partition("-")
    return source_id, int(start), int(end)


def identity(chunker: str) -> dict[str, Any]:
    """What a build made now is made with (the running model, its dimension, the chunker)."""
    return {MODEL: MODEL_NAME, DIMENSION: dimension(), CHUNKER: chunker}


def identity_of(metadata: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The identity a stored build was made with (``keys`` of its collection metadata)."""
    return {key: metadata.get(key) for key in keys}


def check_readable(metadata: Mapping[str, Any]) -> None:
    """Raises StoreError unless a build made with this metadata can be read with the running model."""
    stored = identity_of(metadata, READER_IDENTITY)
    running = {MODEL: MODEL_NAME, DIMENSION: dimension()}
    if stored != running:
        raise StoreError(
            f"the store was built with {stored[MODEL]} ({stored[DIMENSION]}-d), not {MODEL_NAME}"
            f" ({running[DIMENSION]}-d): run `python -m ingest`"
        )


def passage_collection_metadata(made_with: Mapping[str, Any], documents: Iterable[Document]) -> dict[str, Any]:
    """The passage collection's metadata: the build's identity and every paper's citation metadata."""
    return {**made_with, SOURCES: json.dumps([d.meta.model_dump(mode="json") for d in documents])}


def sources_of(metadata: Mapping[str, Any]) -> dict[str, SourceMeta]:
    """The papers of a build, by id, from its passage collection's metadata."""
    return {m["id"]: SourceMeta(**m) for m in json.loads(metadata.get(SOURCES, "[]"))}


def passage_row(chunk: Chunk) -> Row:
    return Row(
        chunk.id,
        chunk.text,
        {
            SOURCE_ID: chunk.source_id,
            SECTION: chunk.section,
            ORDER: chunk.order,
            CHAR_START: chunk.char_start,
            CHAR_END: chunk.char_end,
            HASH: chunk.content_hash,
            SENTENCES: json.dumps(chunk.sentence_spans),
        },
    )


def sentence_row(source_id: str, span: tuple[int, int], text: str) -> Row:
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    return Row(sentence_id(source_id, *span), text, {SOURCE_ID: source_id, HASH: digest})


def passage_of_row(row_id: str, text: str, metadata: Mapping[str, Any]) -> Passage:
    """The Passage a stored passage row holds."""
    return Passage(
        id=row_id,
        source_id=metadata[SOURCE_ID],
        section=metadata[SECTION],
        text=text,
        char_start=metadata[CHAR_START],
        sentence_spans=tuple((start, end) for start, end in json.loads(metadata[SENTENCES])),
    )


def passage_of_chunk(chunk: Chunk) -> Passage:
    row = passage_row(chunk)
    return passage_of_row(row.id, row.text, row.metadata)


def reading_order(passages: Iterable[Passage]) -> list[Passage]:
    """Passages by source, then position: the order every ranking breaks ties in."""
    return sorted(passages, key=lambda p: (p.source_id, p.char_start))
