"""Renders the evaluation as Markdown (docs/EVAL.md) and raw JSON (docs/eval-results.json)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from painchat.calibration import Calibration
from painchat.eval import baseline, metrics
from painchat.eval.provenance import RunInfo
from painchat.eval.qa import QuestionResult
from painchat.eval.summary import HIT_DEPTHS, STAGES, failure_reasons
from painchat.eval.generative import generative_table
from painchat.eval.tables import cell, markdown_table


def retrieval_table(summary: dict, run: RunInfo) -> str:
    ours, theirs = summary["retrieval"]["painchat"], summary["retrieval"]["baseline"] or {}
    rows = []
    for level in ("passage", "paper"):
        for name in [f"hit@{k}" for k in HIT_DEPTHS] + ["mrr"]:
            mine, other = ours[level][name], theirs.get(level, {}).get(name)
            rows.append([f"{level} {name}", mine, other, metrics.ratio(mine, other)])
    mine, other = ours["reader_chars_mean"], theirs.get("reader_chars_mean")
    rows.append(["characters handed to the reader (mean)", _whole(mine), _whole(other), metrics.ratio(mine, other)])
    rows.append(["passages returned per question", ours["returned"], theirs.get("returned"), None])
    mine, other = ours["store"], theirs.get("store", {})
    rows.append(["chunks in the store", mine.get("chunks"), other.get("chunks"), None])
    mean_chars = [_whole(mine.get("mean_chunk_chars")), _whole(other.get("mean_chunk_chars"))]
    rows.append(["mean chunk length (chars)", *mean_chars, None])
    table = markdown_table(["metric", "painchat", "baseline", "painchat / baseline"], rows)
    caption = f"_{summary['answerable']} answerable questions. Machine: {run.machine_line}._"
    return f"{table}\n\n{caption}{_whole_store_note(summary)}"


def _whole_store_note(summary: dict) -> str:
    """On a tiny corpus an approach may return every passage it has; then only the order says anything."""
    notes = [
        f"{name} returns all {scores['returned']} of its passages for every question: its list is the whole store "
        f"in some order, so only the top ranks (hit@1, hit@3, MRR) say how well it retrieves on this corpus."
        for name, scores in summary["retrieval"].items()
        if scores and scores["store"].get("chunks") and scores["returned"] >= scores["store"]["chunks"]
    ]
    return "".join(f"\n\n**Note:** {note}" for note in notes)


def answer_table(summary: dict, run: RunInfo) -> str:
    rows = [
        ["answer-kind accuracy (all questions)", summary["kind_accuracy"]],
        ["citation precision", summary["citation_precision"]],
        ["citation recall", summary["citation_recall"]],
        [f"faithfulness ({summary['claims']} claim lines)", summary["faithfulness"]],
        ["disclaimer rate", summary["disclaimer_rate"]],
        ["not_covered precision", summary["not_covered_precision"]],
        ["not_covered recall", summary["not_covered_recall"]],
    ]
    caption = f"_{summary['questions']} questions. Machine: {run.machine_line}._"
    return f"{markdown_table(['metric', 'painchat'], rows)}\n\n{caption}"


def confusion_table(summary: dict, run: RunInfo) -> str:
    confusion = summary["kind_confusion"]
    given = sorted({kind for row in confusion.values() for kind in row})
    rows = [[f"expected {expected}", *(row.get(k, 0) for k in given)] for expected, row in sorted(confusion.items())]
    return f"{markdown_table(['', *(f'given {k}' for k in given)], rows)}\n\n_Machine: {run.machine_line}._"


def latency_table(summary: dict, run: RunInfo) -> str:
    timings = summary["latency_ms"]
    rows = [[stage, _ms(timings[stage]["p50"]), _ms(timings[stage]["p95"]), timings[stage]["n"]] for stage in STAGES]
    table = markdown_table(["stage (ms)", "p50", "p95", "answers"], rows)
    return f"{table}\n\n_Warm, in-process, one question after another. Machine: {run.machine_line}._"


def calibration_table(calibration: Calibration, summary: dict, run: RunInfo) -> str:
    rows = [
        ["threshold", f"{calibration.threshold:.4f}"],
        ["lexical weight", f"{calibration.lexical_weight:.2f}"],
        [f"balanced accuracy on the calibration set ({calibration.examples} questions)", calibration.balanced_accuracy],
        ["not_covered precision on the QA set (held out)", summary["not_covered_precision"]],
        ["not_covered recall on the QA set (held out)", summary["not_covered_recall"]],
    ]
    return f"{markdown_table(['calibration', 'value'], rows)}\n\n_Machine: {run.machine_line}._"


def failures_table(results: Sequence[QuestionResult], run: RunInfo) -> str:
    rows = []
    for r in results:
        reasons = failure_reasons(r)
        if reasons:
            phrases = " / ".join(f"“{g}”" for g in r.gold)
            expected = r.expected_kind + (f" from {', '.join(r.sources)}: {phrases}" if r.gold else "")
            cited = sorted({c.source_id for c in r.citations})
            given = r.kind + (f", cites {', '.join(cited)}" if cited else "")
            rows.append([r.id, _escape(r.query), _escape(expected), given, "; ".join(reasons)])
    if not rows:
        return "None."
    table = markdown_table(["id", "question (as resolved)", "expected", "given", "why it failed"], rows)
    return f"{table}\n\n_{len(rows)} of {len(results)} questions. Machine: {run.machine_line}._"


def render_markdown(
    run: RunInfo, corpus: str, summary: dict, results: Sequence[QuestionResult], calibration: Calibration
) -> str:
    follow_ups = sum(r.history_turns > 0 for r in results)
    return f"""# Evaluation

Generated by `{run.command}` on {run.date}; do not edit by hand.

- **Machine:** {run.machine_line}
- **Corpus:** {corpus}
- **Questions:** `tests/data/qa.jsonl`, {summary['questions']} questions ({summary['answerable']} answerable, \
{summary['questions'] - summary['answerable']} not covered; {follow_ups} are follow-ups with history). \
Raw per-question results: `docs/eval-results.json`.

## Retrieval: painchat vs the plain LangChain recipe

{retrieval_table(summary, run)}

- **painchat**: `Assistant.retriever.retrieve` on the query the assistant resolves (follow-ups joined to their topic), \
i.e. sentence-aligned token-sized chunks, dense + BM25 fused by reciprocal rank, spread across papers.
- **baseline**: the same papers (`load_corpus`), each paper's text cut by `RecursiveCharacterTextSplitter(chunk_size=\
{baseline.CHUNK_SIZE}, chunk_overlap={baseline.CHUNK_OVERLAP})`, the same embedding model in a separate Chroma \
collection, `similarity_search(query, k={baseline.K})` on the same resolved query. It returns {baseline.K} passages, \
so its hit@5 is undefined (—).
- **passage level**: a retrieved passage's text holds one of the question's gold phrases verbatim. \
**paper level**: a retrieved passage comes from one of the question's gold papers. MRR counts a miss as 0.
- **characters handed to the reader**: baseline = the {baseline.K} chunks; painchat = its cited quotes.

## Answers

{answer_table(summary, run)}

- **citation precision**: share of citations (answerable questions) whose quote holds a gold phrase or comes from a \
gold paper.
- **citation recall**: share of gold phrases (answerable questions) that some cited quote holds; a question wrongly \
answered "not covered" scores 0 here.
- **faithfulness**: share of claim lines whose sentence (trailing " [n]" removed) is verbatim inside the quote of \
citation n.

Answer kind, expected vs given:

{confusion_table(summary, run)}

{_generative_section(summary)}## Latency per stage

{latency_table(summary, run)}

`compose` runs only for questions answered from the papers; `total` covers every kind.

## Calibration of "not covered"

{calibration_table(calibration, summary, run)}

Read from `painchat/calibration.json` (`make calibrate` fits it on `tests/data/calibration.jsonl`, which shares no \
question with the QA set), so the QA-set figures are held-out.

## Failed questions

{failures_table(results, run)}
"""


def _generative_section(summary: dict) -> str:
    generative = summary.get("generative")
    if not generative:
        return """## Generative mode

Not run in this report (`PAINCHAT_LLM=none`): answers are the extractive quotes above. Set `PAINCHAT_LLM` and \
`PAINCHAT_LLM_MODEL` to add the generated answers as a column. The validator's calibration and the last run with a \
real small model (`make llm-test`) are in [LLM-EVAL.md](LLM-EVAL.md).

"""
    table = generative_table(generative, summary, generative["model"])
    return f"""## Generative mode ({generative['model']})

{table}

Generated answers to the answerable questions (PAINCHAT_LLM set). Only sentences that passed the validator are \
shown; "fallback" counts answers where too little passed or the model failed, so the extractive answer was shown. \
The strict check re-runs the validator with far higher support thresholds on what was shown.

"""


def write_json(
    path: Path, run: RunInfo, corpus: str, summary: dict, results: Sequence[QuestionResult], calibration: Calibration
) -> None:
    payload = {
        "command": run.command,
        "date": run.date,
        "machine": run.machine,
        "corpus": corpus,
        "calibration": asdict(calibration),
        "summary": summary,
        "questions": [{**asdict(r), "failures": failure_reasons(r)} for r in results],
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _ms(value: float | None) -> str:
    return cell(value, digits=1)


def _whole(value: float | None) -> int | None:
    return None if value is None else round(value)


def _escape(text: str) -> str:
    """Keep a table cell on one line."""
    return text.replace("|", "\\|").replace("\n", " ")
