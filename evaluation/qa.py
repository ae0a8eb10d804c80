"""Runs labelled questions through ``Assistant.answer`` and scores each one against its gold labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from evaluation import metrics
from painchat.assistant import Assistant
from painchat.followup import resolve
from painchat.messages import DISCLAIMER
from painchat.models import Answer, Turn


@dataclass(frozen=True)
class Retrieved:
    """One approach's ranked passages for a question, scored at passage and paper level."""

    ids: tuple[str, ...]
    passage_rank: int | None  # first passage whose text holds a gold phrase
    paper_rank: int | None  # first passage from a gold paper
    reader_chars: int  # text this approach hands the reader for the question


@dataclass(frozen=True)
class CitedQuote:
    n: int
    source_id: str
    chunk_id: str
    quote: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    question: str
    history_turns: int
    query: str  # the resolved query retrieval saw
    expected_kind: str
    kind: str
    sources: tuple[str, ...]
    gold: tuple[str, ...]
    painchat: Retrieved
    citations: tuple[CitedQuote, ...]
    supported_citations: int
    gold_found: tuple[bool, ...]
    claims: int
    faithful_claims: int
    has_disclaimer: bool
    timings_ms: dict[str, float] = field(default_factory=dict)
    baseline: Retrieved | None = None

    @property
    def answerable(self) -> bool:
        return self.expected_kind == "answer"


def ranked(
    passages: Sequence[tuple[str, str, str]], gold: Sequence[str], sources: Sequence[str], reader_chars: int
) -> Retrieved:
    """Score (id, source id, text) passages, best first."""
    return Retrieved(
        ids=tuple(pid for pid, _, _ in passages),
        passage_rank=metrics.first_relevant_rank([metrics.contains_any(text, gold) for _, _, text in passages]),
        paper_rank=metrics.first_relevant_rank([source in sources for _, source, _ in passages]),
        reader_chars=reader_chars,
    )


def resolved_query(row: dict) -> str:
    """The standalone query the assistant retrieves with, follow-ups joined to their topic."""
    return resolve(row["question"], [Turn(**turn) for turn in row["history"]])


def score_question(assistant: Assistant, row: dict) -> QuestionResult:
    answer = assistant.answer(row["question"], row["history"])
    query = resolved_query(row)
    # Retrieval is re-run on the same query because the answer only keeps what it cites.
    retrieval = assistant.retriever.retrieve(query, assistant.embedder.embed_query(query))
    gold, sources = row["gold"], row["sources"]
    quotes = [c.quote for c in answer.citations]
    passages = [(p.id, p.source_id, p.text) for p in retrieval.passages]
    cited = [(c.quote, c.source_id) for c in answer.citations]
    claims = metrics.claim_lines(answer.answer)
    return QuestionResult(
        id=row["id"],
        question=row["question"],
        history_turns=len(row["history"]),
        query=query,
        expected_kind=row["kind"],
        kind=answer.kind,
        sources=tuple(sources),
        gold=tuple(gold),
        painchat=ranked(passages, gold, sources, reader_chars=sum(map(len, quotes))),
        citations=tuple(CitedQuote(c.n, c.source_id, c.chunk_id, c.quote) for c in answer.citations),
        supported_citations=metrics.supported_citations(cited, gold, sources),
        gold_found=tuple(metrics.gold_found(quotes, gold)),
        claims=len(claims),
        faithful_claims=metrics.faithful_claims(claims, _quotes_by_number(answer)),
        has_disclaimer=answer.disclaimer == DISCLAIMER,
        timings_ms=dict(answer.timings_ms),
    )


def evaluate(assistant: Assistant, rows: Sequence[dict], progress: bool = False) -> list[QuestionResult]:
    results = []
    for done, row in enumerate(rows, start=1):
        results.append(score_question(assistant, row))
        if progress and (done % 10 == 0 or done == len(rows)):
            print(f"  painchat: {done}/{len(rows)} questions", flush=True)
    return results


def _quotes_by_number(answer: Answer) -> dict[int, str]:
    return {c.n: c.quote for c in answer.citations}
