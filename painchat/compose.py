"""Extractive, grounded answers: every claim is a verbatim source sentence with its citation."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from painchat.index import Passage
from painchat.markdown import escape
from painchat.messages import ANSWER_INTRO, PARTIAL_COVERAGE_NOTE
from painchat.models import Citation, Coverage, SourceMeta
from painchat.retrieve import ScoredSentence

log = logging.getLogger(__name__)


class AnswerBuilder:
    """Picks the sentences that best answer a question and renders them with numbered citations."""

    def __init__(self, max_sentences: int = 5, min_score: float = 0.3, margin: float = 0.1, duplicate: float = 0.9):
        self.max_sentences = max_sentences
        self.min_score = min_score  # below this a sentence does not answer the question
        self.margin = margin  # keep sentences within this of the best one
        self.duplicate = duplicate  # cosine above which two sentences say the same thing

    def select(self, candidates: Sequence[ScoredSentence]) -> list[ScoredSentence]:
        """Best sentences, near-duplicates dropped, in reading order grouped by paper."""
        if not candidates:
            return []
        floor = max(self.min_score, candidates[0].score - self.margin)
        chosen: list[ScoredSentence] = []
        for sentence in candidates:
            if len(chosen) == self.max_sentences or sentence.score < floor:
                break
            if all(float(sentence.vector @ c.vector) < self.duplicate for c in chosen):
                chosen.append(sentence)
        return reading_order(chosen)

    def render(
        self, chosen: Sequence[ScoredSentence], sources: Mapping[str, SourceMeta]
    ) -> tuple[str, tuple[Citation, ...]]:
        """Markdown answer and its citations, numbered by first appearance."""
        lines, citations, current = [ANSWER_INTRO], [], None
        for sentence in chosen:
            meta = sources.get(sentence.passage.source_id)
            if meta is None:
                log.warning("no metadata for source %s; sentence left out", sentence.passage.source_id)
                continue
            if meta.id != current:
                lines.append(f"\n**{escape(meta.label)}** — *{escape(meta.title)}*")
                current = meta.id
            citations.append(make_citation(len(citations) + 1, sentence, meta))
            lines.append(f"- {escape(sentence.text)} [{len(citations)}]")
        if any(sources[c.source_id].coverage != Coverage.FULL_TEXT for c in citations):
            lines.append(f"\n_{PARTIAL_COVERAGE_NOTE}_")
        return "\n".join(lines), tuple(citations)


def reading_order(sentences: Sequence[ScoredSentence]) -> list[ScoredSentence]:
    """Papers in order of their best sentence; within a paper, the paper's own order."""
    first_seen: dict[str, int] = {}
    for rank, s in enumerate(sentences):
        first_seen.setdefault(s.passage.source_id, rank)
    return sorted(sentences, key=lambda s: (first_seen[s.passage.source_id], s.span[0]))


def make_citation(n: int, sentence: ScoredSentence, meta: SourceMeta) -> Citation:
    passage: Passage = sentence.passage
    return Citation(
        n=n,
        source_id=meta.id,
        label=meta.label,
        authors=meta.authors,
        title=meta.title,
        journal=meta.journal,
        year=meta.year,
        doi_url=meta.doi_url,
        section=passage.section,
        quote=sentence.text,
        chunk_id=passage.id,
        char_span=sentence.span,
        context=passage.text,
        context_span=(sentence.span[0] - passage.char_start, sentence.span[1] - passage.char_start),
    )
