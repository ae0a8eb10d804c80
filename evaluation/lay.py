"""Scores the lay question sets (tests/data/lay_*.jsonl) by label: direct, related, none.

A lay row: ``question``, ``history``, ``label`` (direct | related | none), ``sources``, ``gold``
(verbatim phrases of the answering sentence), ``missing`` (what the papers don't say), ``split``.
The same scoring reads live answers and frozen ones (a first run saved as JSON Lines), so the
first run and the latest are compared by one piece of code.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation import metrics
from evaluation.datasets import DATA_DIR, read_jsonl
from evaluation.tables import markdown_table
from painchat.assistant import Assistant
from painchat.messages import DISCLAIMER, SHIPPED_DISCLAIMERS
from painchat.models import Answer, Citation
from painchat.settings import PROJECT_ROOT

ON_TOPIC = ("direct", "related")  # labels whose topic the loaded text speaks to
ANSWERED = ("answer", "related")  # kinds that quote the papers
FIRST_RUNS = PROJECT_ROOT / "docs" / "firstrun"
TARGETS = {"on_topic_answered": 0.90, "none_not_covered": 0.90, "gold_cited": 0.85, "faithfulness": 1.0, "disclaimer": 1.0}


@dataclass(frozen=True)
class LayResult:
    id: str
    question: str
    label: str
    kind: str
    gold_cited: bool
    missing_terms: tuple[str, ...]
    claims: int
    faithful_claims: int
    has_disclaimer: bool

    @property
    def on_topic(self) -> bool:
        return self.label in ON_TOPIC


def score_answer(row: dict, answer: Answer) -> LayResult:
    quotes = [c.quote for c in answer.citations]
    claims = metrics.claim_lines(answer.answer)
    return LayResult(
        id=row["id"],
        question=row["question"],
        label=row["label"],
        kind=answer.kind,
        gold_cited=any(metrics.gold_found(quotes, row["gold"])),
        missing_terms=tuple(answer.missing_terms),
        claims=len(claims),
        faithful_claims=metrics.faithful_claims(claims, {c.n: c.quote for c in answer.citations}),
        has_disclaimer=answer.disclaimer in SHIPPED_DISCLAIMERS,
    )


def run(assistant, rows: Iterable[dict]) -> list[LayResult]:
    return [score_answer(row, assistant.answer(row["question"], row.get("history") or [])) for row in rows]


def frozen(rows: Sequence[dict], answers: Sequence[dict]) -> list[LayResult]:
    """Results of saved answers (one JSON Answer per row, matched by ``id`` when present, else by order)."""
    by_id = {a["id"]: a for a in answers if "id" in a}
    paired = [by_id[row["id"]] for row in rows] if by_id else list(answers)
    return [score_answer(row, _saved_answer(a)) for row, a in zip(rows, paired)]


def first_run_file(set_name: str) -> Path:
    """Where the frozen first run of ``tests/data/<set_name>.jsonl`` is kept."""
    return FIRST_RUNS / f"{set_name}.baseline.jsonl"


def kept_answer(row: dict, answer: Answer) -> dict:
    """An answer as a first run keeps it: without the passages' context (no corpus text beyond the quotes)."""
    kept = answer.model_dump(mode="json", exclude={"citations": {"__all__": {"context", "context_span"}}})
    return {"id": row["id"], **kept}


def freeze(assistant: Assistant, set_name: str) -> Path:
    """Answers every row of the set with today's code and keeps the answers as its first run (never overwritten)."""
    path = first_run_file(set_name)
    if path.exists():
        raise FileExistsError(f"{path} is a frozen first run: not overwritten")
    rows = read_jsonl(DATA_DIR / f"{set_name}.jsonl")
    lines = [json.dumps(kept_answer(row, assistant.answer(row["question"], row.get("history") or [])), ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _saved_answer(saved: dict) -> Answer:
    """A saved answer as scoring reads it; its citations may lack the passage context (not kept in the repo)."""
    fields = {k: v for k, v in saved.items() if k in Answer.model_fields and k != "citations"}
    citations = tuple(Citation.model_construct(**c) for c in saved.get("citations", ()))
    # Validated with today's disclaimer, kept with the one it shipped with.
    checked = Answer(**{**fields, "disclaimer": DISCLAIMER}).model_dump(exclude={"citations", "disclaimer"})
    return Answer.model_construct(**checked, disclaimer=saved.get("disclaimer", ""), citations=citations)


def summarize(results: Sequence[LayResult]) -> dict:
    on_topic = [r for r in results if r.on_topic]
    none = [r for r in results if not r.on_topic]
    return {
        "questions": len(results),
        "by_label": {label: sum(r.label == label for r in results) for label in (*ON_TOPIC, "none")},
        "on_topic_answered": metrics.share(r.kind in ANSWERED for r in on_topic) if on_topic else None,
        "none_not_covered": metrics.share(r.kind == "not_covered" for r in none) if none else None,
        "gold_cited": metrics.share(r.gold_cited for r in on_topic) if on_topic else None,
        "shape_agrees": metrics.share(
            (r.label, r.kind) in {("direct", "answer"), ("related", "related")} for r in on_topic
        ) if on_topic else None,
        "faithfulness": metrics.ratio(sum(r.faithful_claims for r in results), sum(r.claims for r in results)),
        "disclaimer": metrics.share(r.has_disclaimer for r in results),
        "kinds": metrics.confusion((r.label, r.kind) for r in results),
    }


def failures(results: Sequence[LayResult]) -> list[LayResult]:
    """Rows that miss a per-question target (for the tuning half only: the sealed half is never studied)."""
    return [
        r
        for r in results
        if (r.on_topic and (r.kind not in ANSWERED or not r.gold_cited)) or (not r.on_topic and r.kind != "not_covered")
    ]


METRICS = (
    ("on_topic_answered", "direct + related answered with quotes (kind answer or related)"),
    ("none_not_covered", "none answered not_covered"),
    ("gold_cited", "gold sentence cited (direct + related)"),
    ("shape_agrees", "shape agrees (direct → answer, related → related)"),
    ("faithfulness", "faithfulness"),
    ("disclaimer", "disclaimer"),
)


def comparison_table(columns: Sequence[tuple[str, dict]]) -> str:
    """Metrics by label, one column per run; targets beside them."""
    rows = [
        [name, *(summary.get(key) for _, summary in columns), _target(key)] for key, name in METRICS
    ]
    rows.append(["questions (direct / related / none)", *(_counts(summary) for _, summary in columns), ""])
    return markdown_table(["metric", *(title for title, _ in columns), "target"], rows)


def kinds_table(summary: dict) -> str:
    kinds = summary["kinds"]
    given = sorted({kind for row in kinds.values() for kind in row})
    rows = [[f"label {label}", *(kinds.get(label, {}).get(k, 0) for k in given)] for label in (*ON_TOPIC, "none")]
    return markdown_table(["", *(f"given {k}" for k in given)], rows)


def _target(key: str) -> str:
    return f"≥ {TARGETS[key]:.2f}" if key in TARGETS else ""


def _counts(summary: dict) -> str:
    counts = summary["by_label"]
    return f"{summary['questions']} ({counts['direct']} / {counts['related']} / {counts['none']})"


def split(rows: Sequence[dict], name: str) -> list[dict]:
    return [row for row in rows if row.get("split") == name]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.lay", description="Freeze a lay set's first run (today's answers) before changing behaviour."
    )
    parser.add_argument("set_name", help="a set under tests/data, without .jsonl (e.g. lay_round2)")
    args = parser.parse_args(argv)
    print(f"froze {freeze(Assistant(), args.set_name)}")


if __name__ == "__main__":
    main()
