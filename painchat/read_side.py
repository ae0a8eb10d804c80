"""A build's read side: what answering needs from the passages, computed once at ingest and saved
beside the build as arrays that are memory-mapped when loaded.

Loading a large store used to read every passage back from Chroma and tokenise it all in every
process. Here the passage table (ids, sources, sections, character ranges, sentence spans, and the
texts as one UTF-8 file), the BM25 matrix, the word statistics of the sentences and the vectors of
sentences re-embedded with their abbreviations written out are saved as ``.npy`` files and one
JSON file; a process maps them and reads a passage's text only when an answer uses it.

The saved files carry a fingerprint of the code that computes them: a read side made by other
code (or missing: a store built before this existed, a server build on another host) is computed
again from the store's rows by the reader.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from painchat import lexical, text
from painchat.lexical import LexicalIndex
from painchat.sentence_search import PassageLocator
from painchat.store_format import Passage, reading_order, sentence_id
from painchat.text import abbreviations, content_tokens, spelled_out, tokens

log = logging.getLogger(__name__)
SUMMARY_FILE = "read-side.json"
# Where an abbreviation may be defined: "(NP)" after its long form (painchat.text.abbreviations).
_MAYBE_DEFINED = re.compile(r"\([A-Z]{2,8}s?\)")

# texts -> their vectors (an Embeddings' embed_documents)
Embed = Callable[[list[str]], Sequence[Sequence[float]]]


def fingerprint() -> str:
    """Changes whenever the code that computes a read side does (tokens, stems, BM25, this file)."""
    digest = hashlib.sha256()
    for module in (text, lexical):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


class PassageTable(Mapping[str, Passage]):
    """Every passage of a build by id, in reading order; a ``Passage`` is made when it is asked for."""

    ARRAYS = ("source_of", "section_of", "char_starts", "char_ends", "span_offsets", "spans", "text_offsets", "texts")

    def __init__(
        self,
        ids: list[str],
        sources: list[str],
        sections: list[str],
        arrays: Mapping[str, np.ndarray],
    ) -> None:
        self.ids, self.sources, self.sections = ids, sources, sections
        self.rows = {pid: row for row, pid in enumerate(ids)}  # id -> position in reading order
        self.source_of, self.section_of = arrays["source_of"], arrays["section_of"]
        self.char_starts, self.char_ends = arrays["char_starts"], arrays["char_ends"]
        self.span_offsets, self.spans = arrays["span_offsets"], arrays["spans"]
        self.text_offsets, self.texts = arrays["text_offsets"], arrays["texts"]
        # Texts of a saved table are read from its file, not through the mapping: the page cache maps
        # whole large folios (2 MiB) into a process that touches one byte of them, so a few hundred
        # answers would leave every text resident in every process.
        texts = self.texts
        self._text_file: tuple[BinaryIO, int] | None = None
        if isinstance(texts, np.memmap) and texts.filename:
            self._text_file = (open(texts.filename, "rb"), texts.offset)  # noqa: SIM115 - open as long as the table

    @classmethod
    def of(cls, passages: Sequence[Passage]) -> PassageTable:
        """The table of these passages (already in reading order)."""
        source_of = _numbered(p.source_id for p in passages)
        section_of = _numbered(p.section for p in passages)
        encoded = [p.text.encode() for p in passages]
        spans = [span for p in passages for span in p.sentence_spans]
        arrays: dict[str, np.ndarray] = {
            "source_of": np.asarray([source_of[p.source_id] for p in passages], dtype=np.int32),
            "section_of": np.asarray([section_of[p.section] for p in passages], dtype=np.int32),
            "char_starts": np.asarray([p.char_start for p in passages], dtype=np.int64),
            "char_ends": np.asarray([p.char_start + len(p.text) for p in passages], dtype=np.int64),
            "span_offsets": _offsets(len(p.sentence_spans) for p in passages),
            "spans": np.asarray(spans, dtype=np.int64).reshape(len(spans), 2),
            "text_offsets": _offsets(len(b) for b in encoded),
            "texts": np.frombuffer(b"".join(encoded), dtype=np.uint8),
        }
        return cls([p.id for p in passages], list(source_of), list(section_of), arrays)

    def __getitem__(self, pid: str) -> Passage:
        row = self.rows[pid]
        # Whole slices to Python numbers at once: indexing a memmap element by element runs numpy's
        # Python-level subclass code for each one, about a tenth of a millisecond per passage.
        first, last = self.span_offsets[row : row + 2].tolist()
        start, end = self.text_offsets[row : row + 2].tolist()
        return Passage(
            id=pid,
            source_id=self.sources[self.source_of[row]],
            section=self.sections[self.section_of[row]],
            text=self._text(start, end),
            char_start=int(self.char_starts[row]),
            sentence_spans=tuple((s, e) for s, e in self.spans[first:last].tolist()),
        )

    def _text(self, start: int, end: int) -> str:
        if self._text_file is None:
            return self.texts[start:end].tobytes().decode()
        file, header = self._text_file
        return os.pread(file.fileno(), end - start, header + start).decode()

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, pid: object) -> bool:
        return pid in self.rows

    def locator(self) -> PassageLocator:
        sources = [self.sources[s] for s in self.source_of.tolist()]
        return PassageLocator(self.ids, sources, self.char_starts, self.char_ends)


@dataclass(frozen=True)
class ReadSide:
    """The passages and the word statistics answering reads, for one build."""

    passages: PassageTable
    lexical: LexicalIndex  # BM25 over each passage's section and text, rows in reading order
    idf: dict[str, float]  # over the distinct sentences, abbreviations written out (word match)
    sentence_count: int
    defined: dict[str, str]  # abbreviations the papers define, lower case -> long form
    corpus_words: frozenset[str]  # every lower-case word token of the passages' texts
    spelled_out: dict[str, np.ndarray]  # sentence id -> vector of its text with abbreviations written out


def compute(passages: Iterable[Passage], embed: Embed) -> ReadSide:
    """The read side of these passages; ``embed`` embeds the sentences whose abbreviations are written out."""
    ordered = reading_order(passages)
    defined = _defined_abbreviations(ordered)
    words, idf, sentence_count, rewritten = _passage_words(ordered, defined)
    lexical_index = LexicalIndex.of(words)
    del words  # the matrix holds them now
    corpus_words = frozenset(word for p in ordered for word in tokens(p.text))
    texts = list(rewritten.values())
    vectors = np.asarray(embed(texts), dtype=np.float32) if texts else np.zeros((0, 0), dtype=np.float32)
    return ReadSide(
        PassageTable.of(ordered), lexical_index, idf, sentence_count, defined, corpus_words,
        dict(zip(rewritten, vectors)),
    )  # fmt: skip


def save(read_side: ReadSide, folder: Path) -> None:
    """Writes the read side to ``folder`` in one step (replacing one that is there): complete, or not at all."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        partial.chmod(0o755)  # readable like the build beside it (mkdtemp makes it private)
        table, bm25 = read_side.passages, read_side.lexical
        for name in PassageTable.ARRAYS:
            np.save(partial / f"{name}.npy", getattr(table, name))
        for name in LexicalIndex.ARRAYS:
            np.save(partial / f"bm25_{name}.npy", getattr(bm25, name))
        spelled = list(read_side.spelled_out)
        np.save(partial / "spelled_out.npy", np.asarray([read_side.spelled_out[s] for s in spelled], dtype=np.float32))
        summary = {
            "fingerprint": fingerprint(),
            "ids": table.ids,
            "sources": table.sources,
            "sections": table.sections,
            "vocabulary": list(bm25.vocabulary),
            "idf": read_side.idf,
            "sentence_count": read_side.sentence_count,
            "defined": read_side.defined,
            "corpus_words": sorted(read_side.corpus_words),
            "spelled_out": spelled,
        }
        (partial / SUMMARY_FILE).write_text(json.dumps(summary), encoding="utf-8")
        if folder.exists():  # made by other code: moved aside (a process that maps its files keeps them)
            stale = Path(tempfile.mkdtemp(prefix=f".{folder.name}-stale-", dir=folder.parent))
            os.replace(folder, stale / folder.name)
            shutil.rmtree(stale, ignore_errors=True)
        os.rename(partial, folder)  # fails if another process saved it meanwhile: theirs is the same
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        if not (folder / SUMMARY_FILE).is_file():
            raise


def load(folder: Path) -> ReadSide | None:
    """The saved read side, memory-mapped; None when there is none made by the running code."""
    try:
        summary = json.loads((folder / SUMMARY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if summary.get("fingerprint") != fingerprint():
        return None
    try:
        table = {name: _mapped(folder / f"{name}.npy") for name in PassageTable.ARRAYS}
        bm25 = {name: _mapped(folder / f"bm25_{name}.npy") for name in LexicalIndex.ARRAYS}
        spelled = np.load(folder / "spelled_out.npy")
    except (OSError, ValueError) as err:
        log.warning("the read side at %s cannot be loaded (%s); computing it again", folder, err)
        return None
    ids = summary["ids"]
    vocabulary = {word: term for term, word in enumerate(summary["vocabulary"])}
    return ReadSide(
        passages=PassageTable(ids, summary["sources"], summary["sections"], table),
        lexical=LexicalIndex(vocabulary, len(ids), bm25["starts"], bm25["rows"], bm25["weights"]),
        idf=summary["idf"],
        sentence_count=summary["sentence_count"],
        defined=summary["defined"],
        corpus_words=frozenset(summary["corpus_words"]),
        spelled_out=dict(zip(summary["spelled_out"], spelled)),
    )


def _mapped(path: Path) -> np.ndarray:
    """The array in ``path``, mapped rather than read (an empty one cannot be mapped, nor needs to be)."""
    array = np.load(path, mmap_mode="r")
    return array if array.size else np.load(path)


def _numbered(values: Iterable[str]) -> dict[str, int]:
    """Each distinct value -> its number, in order of first appearance."""
    numbers: dict[str, int] = {}
    for value in values:
        numbers.setdefault(value, len(numbers))
    return numbers


def _offsets(lengths: Iterable[int]) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.fromiter(lengths, dtype=np.int64))]).astype(np.int64)


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
                sentence = passage.sentence_text(span)
                sentence_words = content_tokens(sentence)
                readable = spelled_out(sentence, defined)
                if readable != sentence:
                    rewritten[sentence_id(passage.source_id, *span)] = readable
                frequency.update(set(sentence_words if readable == sentence else content_tokens(readable)))
                sentences += 1
            current[key] = sentence_words
            words += sentence_words
        documents.append(words)
        previous = current
    idf = {word: math.log((sentences + 1) / (count + 0.5)) for word, count in frequency.items()}
    return documents, idf, sentences, rewritten
