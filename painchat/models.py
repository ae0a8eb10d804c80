"""Typed data that flows from corpus to answer. Nothing here does I/O."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_serializer, model_validator

from painchat.messages import DISCLAIMER

# "related": the papers don't answer the question itself but say something about its topic.
Kind = Literal["answer", "related", "not_covered", "out_of_scope", "emergency", "invalid"]


class Coverage(str, Enum):
    """How much of a paper is loaded."""

    FULL_TEXT = "full_text"
    ABSTRACT = "abstract"
    ABSTRACT_PARTIAL = "abstract_partial"


class SourceMeta(BaseModel):
    """Citation metadata of one paper and how much of it is loaded."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    journal: str = ""
    volume: str | None = None
    article: str | None = None
    doi: str | None = None
    pmcid: str | None = None
    pmid: str | None = None
    license: str | None = None
    coverage: Coverage = Coverage.FULL_TEXT
    coverage_note: str = ""

    @property
    def surnames(self) -> list[str]:
        """Authors' family names, in order ("Dobson, J. L." → "Dobson")."""
        return [a.split(",")[0].strip() for a in self.authors]

    @property
    def label(self) -> str:
        """Short in-text label, e.g. "Dobson et al., 2014"."""
        surnames = self.surnames
        if not surnames:
            who = self.title
        elif len(surnames) == 1:
            who = surnames[0]
        elif len(surnames) == 2:
            who = f"{surnames[0]} & {surnames[1]}"
        else:
            who = f"{surnames[0]} et al."
        return f"{who}, {self.year}" if self.year else who

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None


class Section(BaseModel):
    """A titled part of a paper: its heading path and its paragraphs, in order."""

    model_config = ConfigDict(frozen=True)

    path: tuple[str, ...]
    paragraphs: tuple[str, ...]

    @property
    def title(self) -> str:
        return " › ".join(self.path)


class Document(BaseModel):
    """One loaded paper. ``text`` is what character spans point into."""

    model_config = ConfigDict(frozen=True)

    meta: SourceMeta
    sections: tuple[Section, ...]
    origin: str = Field("", description="File the paper was read from.")

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(p for s in self.sections for p in s.paragraphs)


PARAGRAPH_SEPARATOR = "\n\n"


class Chunk(BaseModel):
    """A retrievable passage: never crosses a section, never cuts a sentence."""

    model_config = ConfigDict(frozen=True)

    id: str
    source_id: str
    section: str
    order: int
    text: str
    char_start: int
    char_end: int
    content_hash: str
    sentence_spans: tuple[tuple[int, int], ...] = Field(
        description="Sentence boundaries, as offsets into the document text."
    )


class Turn(BaseModel):
    """One message of the conversation history."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Literal["user", "assistant"]
    content: str


class Citation(BaseModel):
    """A numbered reference to the exact sentence(s) an answer quotes."""

    model_config = ConfigDict(frozen=True)

    n: int
    source_id: str
    label: str
    authors: tuple[str, ...]
    title: str
    journal: str
    year: int | None
    doi_url: str | None
    section: str
    quote: str
    chunk_id: str
    char_span: tuple[int, int]
    context: str = Field(description="The whole chunk the quote sits in, for display.")
    context_span: tuple[int, int] = Field(description="Where the quote sits in the context.")


class SourceCoverage(BaseModel):
    """What is loaded of one paper, shown by every front end."""

    model_config = ConfigDict(frozen=True)

    source_id: str
    label: str
    title: str
    doi_url: str | None
    coverage: Coverage
    note: str


class DroppedSentence(BaseModel):
    """A generated sentence that failed validation and was never shown, and why."""

    model_config = ConfigDict(frozen=True)

    text: str
    reason: str


class Answer(BaseModel):
    """The one structured result every front end renders."""

    model_config = ConfigDict(frozen=True)

    kind: Kind
    answer: str
    citations: tuple[Citation, ...] = ()
    disclaimer: str = DISCLAIMER
    coverage: tuple[SourceCoverage, ...] = ()
    timings_ms: dict[str, float] = Field(default_factory=dict)
    missing_terms: tuple[str, ...] = Field(
        (), description="Key terms of the question that the loaded text never mentions (kind 'related')."
    )
    suggestions: tuple[str, ...] = Field(
        (), description="Questions the loaded papers answer, offered as clickable follow-ups."
    )
    generator: Literal["extractive", "llm"] = Field(
        "extractive", description="Who wrote the answer text: verbatim quotes, or a language model checked per sentence."
    )
    dropped: tuple[DroppedSentence, ...] = Field((), description="Generated sentences that failed validation.")

    @model_serializer(mode="wrap")
    def _generation_fields_when_used(self, handler):
        # Absent means extractive with nothing dropped: JSON without a language model stays as it was.
        data = handler(self)
        if self.generator == "extractive" and not self.dropped:
            data.pop("generator", None)
            data.pop("dropped", None)
        return data

    @model_validator(mode="after")
    def _disclaimer_is_mandatory(self) -> Answer:
        # The single choke point: no response of any kind leaves without it.
        if self.disclaimer != DISCLAIMER:
            raise ValueError("every answer must carry the standard disclaimer")
        return self


def by_source(citations: tuple[Citation, ...]) -> list[tuple[Citation, ...]]:
    """Citations grouped by paper, in order of first appearance: one reference line per paper."""
    groups: dict[str, list[Citation]] = {}
    for citation in citations:
        groups.setdefault(citation.source_id, []).append(citation)
    return [tuple(group) for group in groups.values()]
