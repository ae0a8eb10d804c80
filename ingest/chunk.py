"""Structure-aware chunking: whole sentences, one section at a time, sized in model tokens."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from painchat.models import PARAGRAPH_SEPARATOR, Chunk, Document
from painchat.text import sentence_spans

# Bump when chunk boundaries change: the store is rebuilt when this differs.
CHUNKER_VERSION = "sentences-v1"

Span = tuple[int, int]


def chunk_document(
    document: Document, count_tokens: Callable[[str], int], max_tokens: int, overlap: int = 1
) -> list[Chunk]:
    """Chunks of ``document`` in reading order; spans point into ``document.text``."""
    text = document.text
    chunks: list[Chunk] = []
    for section_title, spans in _section_sentences(document):
        for window in _pack(text, spans, count_tokens, max_tokens, overlap):
            chunks.append(_make_chunk(document.meta.id, section_title, len(chunks), text, window))
    return chunks


def _section_sentences(document: Document) -> Iterator[tuple[str, list[Span]]]:
    offset = 0
    for section in document.sections:
        spans: list[Span] = []
        for paragraph in section.paragraphs:
            spans.extend(sentence_spans(paragraph, offset))
            offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        yield section.title, spans


def _pack(
    text: str, spans: list[Span], count_tokens: Callable[[str], int], max_tokens: int, overlap: int
) -> Iterator[list[Span]]:
    """Greedy windows of whole sentences under ``max_tokens``, sharing ``overlap`` sentences."""
    window: list[Span] = []
    for span in spans:
        candidate = window + [span]
        if window and count_tokens(text[candidate[0][0] : span[1]]) > max_tokens:
            yield window
            carried = window[-overlap:] if overlap else []
            candidate = carried + [span]
            # A carried sentence that no longer fits is dropped rather than cut.
            while len(candidate) > 1 and count_tokens(text[candidate[0][0] : span[1]]) > max_tokens:
                candidate = candidate[1:]
        window = candidate
    if window:
        yield window


def _make_chunk(source_id: str, section: str, order: int, text: str, window: list[Span]) -> Chunk:
    start, end = window[0][0], window[-1][1]
    body = text[start:end]
    # Spans are in the hash so a changed sentence splitter re-syncs the chunk and its sentences.
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\0{section}\0{window}\0{body}".encode()).hexdigest()
    return Chunk(
        id=f"{source_id}:{order:04d}",
        source_id=source_id,
        section=section,
        order=order,
        text=body,
        char_start=start,
        char_end=end,
        content_hash=digest[:16],
        sentence_spans=tuple(window),
    )
