"""Extractive, grounded answers: every claim is a verbatim source sentence with its citation."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

from painchat.amounts import states_a_number
from painchat.index import Passage
from painchat.markdown import escape
from painchat.messages import PARTIAL_COVERAGE_NOTE, RELATED_MISSING, RELATED_NOT_DIRECT
from painchat.models import Citation, Coverage, SourceMeta
from painchat.retrieve import ScoredSentence
from painchat.settings import default

log = logging.getLogger(__name__)

# A sentence about the paper itself ("The objective of this review is…", "We included…") tells a
# patient what the authors did, not what they found: it yields to findings unless the question
# asks about the study.
_ABOUT_THE_PAPER = re.compile(
    r"\b(?:this|the present|our|the) (?:review|study|paper|article|analysis|consensus)\b"
    r"|\bthe (?:objective|aim|purpose|goal)s? of\b|\b(?:aimed|aims) to\b|\bwe\b",
    re.IGNORECASE,
)
_METHOD_SECTIONS = re.compile(r"\b(?:methods?|design|materials|search strategy)\b", re.IGNORECASE)
_ASKS_ABOUT_THE_STUDY = re.compile(
    r"\b(?:stud(?:y|ies)|reviews?|papers?|articles?|research(?:ers)?|authors?|trials?|rcts?|included|method|"
    r"methods|design|search(?:ed)?|grad(?:e|ed|ing)|quality|experts?|panel|consensus|delphi|objective|aim|"
    r"purpose|evidence|recommendations?|guidelines?|who wrote)\b",
    re.IGNORECASE,
)


def describes_the_paper(sentence: str, section: str) -> bool:
    """The sentence says what the paper set out to do or how, rather than what it found."""
    return bool(_ABOUT_THE_PAPER.search(sentence) or _METHOD_SECTIONS.search(section))


def asks_about_the_study(question: str) -> bool:
    return bool(_ASKS_ABOUT_THE_STUDY.search(question))


class AnswerBuilder:
    """Picks the sentences that best answer a question and renders them with numbered citations."""

    def __init__(
        self,
        max_sentences: int = default("max_answer_sentences"),
        min_score: float = default("answer_min_score"),
        margin: float = default("answer_margin"),
        duplicate: float = default("duplicate_similarity"),
        about_paper_penalty: float = default("about_paper_penalty"),
        count_bonus: float = default("count_bonus"),
    ):
        self.max_sentences = max_sentences
        self.min_score = min_score  # below this a sentence does not answer the question
        self.margin = margin  # keep sentences within this of the best one
        self.duplicate = duplicate  # cosine above which two sentences say the same thing
        self.about_paper_penalty = about_paper_penalty
        self.count_bonus = count_bonus

    def select(
        self, candidates: Sequence[ScoredSentence], about_study: bool = True, wants_count: bool = False
    ) -> list[ScoredSentence]:
        """Best sentences, near-duplicates dropped, grouped by paper; findings before sentences about a paper.

        Unless ``about_study``, a sentence describing the paper itself ranks ``about_paper_penalty``
        lower and is quoted after the findings: it may say what the paper covers, not what it found.
        When the question ``wants_count``, a sentence stating a number ranks ``count_bonus`` higher.
        """
        demoted = {id(s) for s in candidates if not about_study and describes_the_paper(s.text, s.passage.section)}
        counted = {id(s) for s in candidates if wants_count and states_a_number(s.text)}

        def rank(sentence: ScoredSentence) -> float:
            penalty = self.about_paper_penalty if id(sentence) in demoted else 0.0
            return sentence.score - penalty + (self.count_bonus if id(sentence) in counted else 0.0)

        ranked = sorted(candidates, key=rank, reverse=True)
        if not ranked:
            return []
        floor = max(self.min_score, rank(ranked[0]) - self.margin)
        chosen: list[ScoredSentence] = []
        for sentence in ranked:
            if len(chosen) == self.max_sentences or rank(sentence) < floor:
                break
            if all(float(sentence.vector @ c.vector) < self.duplicate for c in chosen):
                chosen.append(sentence)
        return reading_order(chosen, last=demoted)

    def render(
        self, chosen: Sequence[ScoredSentence], sources: Mapping[str, SourceMeta], intro: str
    ) -> tuple[str, tuple[Citation, ...]]:
        """Markdown answer after ``intro`` and its citations, numbered by first appearance."""
        lines, current = [intro], None
        citations: list[Citation] = []
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


def reading_order(sentences: Sequence[ScoredSentence], last: AbstractSet[int] = frozenset()) -> list[ScoredSentence]:
    """Papers in order of their best sentence; within a paper, the paper's own order, except that
    the sentences whose ``id`` is in ``last`` come after the others of their paper."""
    first_seen: dict[str, int] = {}
    for rank, s in enumerate(sentences):
        first_seen.setdefault(s.passage.source_id, rank)
    return sorted(sentences, key=lambda s: (first_seen[s.passage.source_id], id(s) in last, s.span[0]))


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


def related_note(missing: tuple[str, ...]) -> str:
    """What a related answer says first: the question's terms the papers never mention, or that no sentence answers it."""
    if not missing:
        return RELATED_NOT_DIRECT
    quoted = [f"“{escape(t)}”" for t in missing]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return RELATED_MISSING.format(terms=listed)
