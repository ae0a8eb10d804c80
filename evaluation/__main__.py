"""``python -m evaluation``: scores the QA set and the LangChain baseline; writes docs/EVAL.md.

Needs a built store (``python -m ingest``) for the same PAINCHAT_* settings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evaluation import lay
from evaluation.baseline import baseline_store, stored_texts, with_baseline
from evaluation.datasets import DATA_DIR, LAY_ROUNDS, lay_round_name, read_jsonl
from evaluation.generative import evaluate_generative, generative_table
from evaluation.provenance import RunInfo, corpus_note
from evaluation.qa import evaluate
from evaluation.report import answer_table, latency_table, render_markdown, retrieval_table, write_json
from evaluation.safety import evaluate as evaluate_safety
from evaluation.safety import write_raw as write_safety_raw
from evaluation.summary import failure_reasons, store_facts, summarize
from painchat.assistant import Assistant
from painchat.embedding import Embedder
from painchat.settings import PROJECT_ROOT, settings_or_exit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    parser.add_argument(
        "--docs", type=Path, default=PROJECT_ROOT / "docs", help="folder for EVAL.md and eval-results.json"
    )
    args = parser.parse_args(argv)
    settings, embedder = settings_or_exit(), Embedder()
    rows = read_jsonl(DATA_DIR / "qa.jsonl")
    print(f"eval: {len(rows)} questions from {DATA_DIR / 'qa.jsonl'}", flush=True)
    assistant = Assistant(settings, embedder)
    results = evaluate(assistant, rows, progress=True)
    with baseline_store(settings, embedder) as store:
        print("  baseline: scoring the same resolved queries", flush=True)
        results = with_baseline(store, results)
        stores = {
            "painchat": store_facts([p.text for p in assistant.index.passages.values()]),
            "baseline": store_facts(stored_texts(store)),
        }
    summary = summarize(results, stores)
    lay_runs = lay_evaluation(assistant)
    if assistant.generator.enabled:
        model = f"{settings.llm}:{settings.llm_model}"
        print(f"  generative: {model} on the answerable questions", flush=True)
        generative = evaluate_generative(assistant, rows)
        summary["generative"] = {"model": model, **generative}
        print("\n" + generative_table(generative, summary, model))
    run = RunInfo.now("evaluation", sys.argv[1:] if argv is None else argv)
    corpus, calibration = corpus_note(assistant.coverage), assistant.calibration
    tables = [retrieval_table(summary, run), answer_table(summary, run), latency_table(summary, run)]
    print("\n" + "\n\n".join([*tables, lay.comparison_table(lay_runs)]))
    print("  safety: the blind sets through the same assistant", flush=True)
    safety, safety_raw = evaluate_safety(assistant, run)
    args.docs.mkdir(parents=True, exist_ok=True)
    markdown = render_markdown(run, corpus, summary, results, calibration, lay_runs) + "\n" + safety
    (args.docs / "EVAL.md").write_text(markdown, encoding="utf-8")
    write_safety_raw(args.docs / "safety-results.json", safety_raw)
    write_json(args.docs / "eval-results.json", run, corpus, summary, results, calibration, dict(lay_runs))
    failed = sum(bool(failure_reasons(r)) for r in results)
    print(f"\n{failed} of {len(results)} questions failed; wrote EVAL.md and eval-results.json in {args.docs}")
    return 0


def lay_evaluation(assistant: Assistant) -> list[tuple[str, dict]]:
    """The lay sets by label: each sealed half's first run (frozen answers) beside today's, then the tuning halves.

    The first round's first run holds its sealed half only (answers of the code before issue #9); the
    second and third rounds' hold both halves (answers of the code when each round was written).
    """
    sealed, tune = read_jsonl(DATA_DIR / "lay_sealed.jsonl"), read_jsonl(DATA_DIR / "lay_tune.jsonl")
    round2 = read_jsonl(DATA_DIR / "lay_round2.jsonl")
    sealed2, tune2 = lay.split(round2, "sealed"), lay.split(round2, "tune")
    print(f"  lay: {len(tune)} + {len(tune2)} tuning and {len(sealed)} + {len(sealed2)} sealed questions", flush=True)
    first, first2 = read_jsonl(lay.first_run_file("lay_sealed")), read_jsonl(lay.first_run_file("lay_round2"))
    return [
        ("sealed, first run", lay.summarize(lay.frozen(sealed, first))),
        ("sealed, now", lay.summarize(lay.run(assistant, sealed))),
        ("tuning half, now", lay.summarize(lay.run(assistant, tune))),
        ("round 2 sealed, first run", lay.summarize(lay.frozen(sealed2, first2))),
        ("round 2 sealed, now", lay.summarize(lay.run(assistant, sealed2))),
        ("round 2 tuning, first run", lay.summarize(lay.frozen(tune2, first2))),
        ("round 2 tuning, now", lay.summarize(lay.run(assistant, tune2))),
        # Round 2's columns are above (its first run holds both halves, as the later rounds' do, but it came first).
        *(column for n in LAY_ROUNDS if n > 2 for column in _round_columns(assistant, f"round {n}", lay_round_name(n))),
    ]


def _round_columns(assistant: Assistant, title: str, set_name: str) -> list[tuple[str, dict]]:
    """A later round: each half's first run (frozen) and now, sealed half first."""
    rows, first = read_jsonl(DATA_DIR / f"{set_name}.jsonl"), read_jsonl(lay.first_run_file(set_name))
    return [
        (f"{title} {name}, {when}", lay.summarize(run(lay.split(rows, split))))
        for split, name in (("sealed", "sealed"), ("tune", "tuning"))
        for when, run in (("first run", lambda half: lay.frozen(half, first)), ("now", lambda half: lay.run(assistant, half)))
    ]


if __name__ == "__main__":
    sys.exit(main())
