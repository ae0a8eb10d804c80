"""PDF papers, read best-effort with pypdf: lines in content order, paragraphs by vertical gaps."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import PyPdfError

from ingest.loaders.common import build_meta, clean_text, source_id_for
from painchat.errors import CorpusError
from painchat.models import Coverage, Document, Section

COVERAGE_NOTE = "full text from PDF (best-effort layout)"
# A gap this many times the usual line spacing ends a paragraph.
PARAGRAPH_GAP = 1.4
# Line spacing lies within these multiples of the font size (double spacing is 2.4).
MIN_LINE_SPACING, MAX_LINE_SPACING = 0.5, 2.5
KNOWN_HEADINGS = {
    "abstract", "background", "introduction", "methods", "materials and methods", "patients and methods",
    "results", "results and discussion", "discussion", "limitations", "conclusion", "conclusions", "summary",
}  # fmt: skip
# Sections that are not prose about the topic; their text is left out.
NON_PROSE_HEADINGS = {
    "acknowledgments", "acknowledgements", "funding", "conflict of interest", "conflicts of interest",
    "author contributions", "abbreviations",
}  # fmt: skip
# Everything from the reference list on is citations, appendices and publisher boilerplate.
STOP_HEADINGS = {"references", "bibliography", "literature cited"}
MAX_HEADING_WORDS = 8
# Text before the first heading (title, authors, affiliations) is kept only if it reads like prose.
MIN_FRONT_MATTER_WORDS = 25

# "2.1 Participants", "3. What is known?": a full stop may only sit inside a word, as in "ASN.1".
_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+([A-Z](?:[^.!;]|\.(?=\S)){1,80})$")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_LINE_BREAK_HYPHEN = re.compile(r"[^\W\d_][-\u00ad\u2010]$")
_CAPTION = re.compile(r"^(Fig\.|Figure|Table)\s*\d+")
_SENTENCE_END = re.compile(r"[.!?:]$")


@dataclass(frozen=True)
class _Line:
    text: str
    y: float
    size: float
    after_gap: bool = False


class _LineCollector:
    """Receives pypdf's text fragments and groups them into positioned lines."""

    def __init__(self) -> None:
        self.lines: list[_Line] = []
        self._parts: list[str] = []
        self._y = self._size = 0.0

    def visit(self, text: str, cm: list[float], tm: list[float], _font: object, font_size: float) -> None:
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.end_line()
            if piece.strip() and not self._parts:
                self._y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                self._size = font_size * math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            if piece.strip() or self._parts:
                self._parts.append(piece)

    def end_line(self) -> None:
        text = clean_text("".join(self._parts))
        if text:
            self.lines.append(_Line(text, self._y, self._size))
        self._parts = []


def load_pdf(path: Path, manifest_entry: dict | None) -> Document:
    pages, found = _read(path)
    sections = _sections(_without_page_furniture(pages))
    meta = build_meta(source_id_for(path, manifest_entry), found, manifest_entry, Coverage.FULL_TEXT, COVERAGE_NOTE)
    return Document(meta=meta, sections=tuple(sections), origin=str(path))


def _read(path: Path) -> tuple[list[list[_Line]], dict]:
    """The lines of every page, and the title and authors the PDF's document info gives."""
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorpusError(f"{path}: encrypted PDF; save an unencrypted copy to ingest it")
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata
    except (PyPdfError, OSError, ValueError) as err:
        raise CorpusError(f"{path}: not readable as PDF ({err})") from err
    if info is None:
        return pages, {}
    authors = re.split(r";|\band\b", info.author or "")
    return pages, {"title": info.title, "authors": [a.strip() for a in authors if a.strip()]}


def _page_lines(page: PageObject) -> list[_Line]:
    collector = _LineCollector()
    page.extract_text(visitor_text=collector.visit)
    collector.end_line()
    lines = collector.lines
    spacing = _usual_line_spacing(lines)
    if spacing is None:
        return lines
    return [lines[0]] + [
        replace(below, after_gap=above.y - below.y > PARAGRAPH_GAP * spacing) for above, below in pairwise(lines)
    ]


def _usual_line_spacing(lines: list[_Line]) -> float | None:
    """Measured per page, because it differs between papers and between single and double spacing."""
    drops = [(above.y - below.y, below.size) for above, below in pairwise(lines) if above.y > below.y]
    # Super- and subscripts shift by less than half a line; column jumps by far more than double spacing.
    plausible = sorted(drop for drop, size in drops if MIN_LINE_SPACING * size <= drop <= MAX_LINE_SPACING * size)
    # The lower quartile: gaps around headings and between paragraphs only ever add to the spacing.
    return plausible[len(plausible) // 4] if plausible else None


def _without_page_furniture(pages: list[list[_Line]]) -> list[_Line]:
    """All lines, minus page numbers and running heads or feet (lines repeated on many pages)."""
    pages_per_line = Counter(key for page in pages for key in {_furniture_key(line) for line in page})
    repeated = {key for key, n in pages_per_line.items() if n >= 2 and n >= len(pages) / 3}
    return [
        line
        for page in pages
        for line in page
        if not _PAGE_NUMBER.match(line.text) and _furniture_key(line) not in repeated
    ]


def _furniture_key(line: _Line) -> str:
    # Running feet differ only in their page number.
    return re.sub(r"\d+", "#", line.text.lower())


def _sections(lines: list[_Line]) -> list[Section]:
    front_matter: list[str] = []
    sections: list[Section] = []
    path: tuple[str, ...] = ()
    paragraph: list[str] = []
    previous: _Line | None = None
    for line in lines:
        heading = _heading(line, previous)
        if heading or line.after_gap:
            _add_paragraph(sections, front_matter, path, paragraph)
        previous = line
        if heading is None:
            paragraph.append(line.text)
            continue
        level, title = heading
        if title.lower() in STOP_HEADINGS:
            break
        path = path[: level - 1] + (title,)
    _add_paragraph(sections, front_matter, path, paragraph)
    kept_front = [p for p in front_matter if len(p.split()) >= MIN_FRONT_MATTER_WORDS and _SENTENCE_END.search(p)]
    return ([Section(path=("Text",), paragraphs=tuple(kept_front))] if kept_front else []) + sections


def _heading(line: _Line, previous: _Line | None) -> tuple[int, str] | None:
    """(level, title) of a heading line such as "2.1 Participants" or "Discussion", else None."""
    text = line.text.rstrip(":")
    if len(text.split()) > MAX_HEADING_WORDS:
        return None
    if text.lower() in KNOWN_HEADINGS | NON_PROSE_HEADINGS | STOP_HEADINGS:
        return 1, _title_case(text)
    numbered = _NUMBERED_HEADING.match(text)
    # A wrapped sentence can put a number at the start of a line; a heading follows a finished sentence.
    starts_block = previous is None or line.after_gap or bool(_SENTENCE_END.search(previous.text))
    if numbered and starts_block:
        return numbered.group(1).count(".") + 1, _title_case(numbered.group(2).strip())
    return None


def _title_case(title: str) -> str:
    return title.capitalize() if title.isupper() else title


def _add_paragraph(sections: list[Section], front_matter: list[str], path: tuple[str, ...], lines: list[str]) -> None:
    """Join the collected lines into one paragraph and file it under ``path``; empties ``lines``."""
    text = _join_lines(lines)
    lines.clear()
    if not text or _CAPTION.match(text) or (path and path[0].lower() in NON_PROSE_HEADINGS):
        return
    if not path:
        front_matter.append(text)
    elif sections and sections[-1].path == path:
        sections[-1] = Section(path=path, paragraphs=sections[-1].paragraphs + (text,))
    else:
        sections.append(Section(path=path, paragraphs=(text,)))


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if _LINE_BREAK_HYPHEN.search(text) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return clean_text(text.replace("\u00ad", ""))
