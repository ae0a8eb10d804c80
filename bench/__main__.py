"""``python -m bench`` (``make bench``): runs every measurement and writes docs/BENCHMARKS.md.

Uses PAINCHAT_CORPUS_DIR for the papers; everything it builds lives in a temp folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.api_load import SECONDS, SESSIONS, api_load
from bench.ask_latency import ask_latency
from bench.coldstart import cold_start
from bench.guard_cost import guard_cost
from bench.ingest_rate import ingest_throughput
from bench.memory import streamlit_memory
from bench.pipeline_report import plot_pipeline_scale
from bench.pipeline_scale import pipeline_scale
from bench.plot import plot_scale
from bench.report import render_markdown, write_json
from bench.scale import scale
from bench.sessions import session_load
from bench.workspace import Workspace, prepare
from evaluation.datasets import DATA_DIR, read_jsonl
from evaluation.provenance import RunInfo, corpus_note
from painchat.assistant import Assistant
from painchat.embedding import Embedder
from painchat.settings import PROJECT_ROOT, settings_or_exit


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--docs", type=Path, default=PROJECT_ROOT / "docs", help="folder for the report, JSON and plot")
    parser.add_argument(
        "--only-api-load", action="store_true", help="re-measure only the HTTP API load (and the answer p50 beside it)"
    )
    parser.add_argument(
        "--only-sessions", action="store_true", help="re-measure only the chat server under many sessions"
    )
    parser.add_argument(
        "--only-ask-latency", action="store_true", help="re-measure only the warm answer latency against its floor"
    )
    parser.add_argument(
        "--only-pipeline-scale", action="store_true", help="re-measure only the full answer path at 1k/10k/100k passages"
    )
    parser.add_argument(
        "--only-guard-cost", action="store_true", help="re-measure only what the safety guard adds to an answer"
    )
    parser.add_argument(
        "--as-before", metavar="CODE", help="with --only-pipeline-scale: keep the rows as the 'before' table of CODE"
    )
    args = parser.parse_args(argv)
    settings_or_exit()  # a bad setting: one line now, not a traceback after minutes of measuring
    run = RunInfo.now("bench", sys.argv[1:] if argv is None else argv)
    embedder = Embedder()
    embedder.load()  # every in-process step is measured with the model already loaded
    if args.only_api_load:
        return _only_api_load(run, embedder, args.docs)
    if args.only_sessions:
        return _only_sessions(embedder, args.docs)
    if args.only_ask_latency:
        return _only_ask_latency(run, embedder, args.docs)
    if args.only_pipeline_scale:
        return _only_pipeline_scale(run, embedder, args.docs, args.as_before)
    if args.only_guard_cost:
        return _only_guard_cost(run, embedder, args.docs)
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="painchat-bench-") as folder:
        progress("building the bench store")
        workspace = prepare(Path(folder), embedder)
        store = f"{workspace.build.chunks.added} passages, {workspace.build.sentences.added} sentences"
        corpus = corpus_note(Assistant(workspace.settings, embedder).coverage)
        progress("cold start: fresh CLI processes vs the bare model load")
        results["cold_start"] = cold_start(workspace.env)
        progress(f"  ratio {results['cold_start']['ratio']:.2f}x")
        progress("ingest throughput: build_store vs raw encode")
        results["ingest"] = ingest_throughput(workspace.settings, embedder)
        progress(f"  ratio {results['ingest']['ratio']:.2f}x")
        progress("ask latency: Assistant.answer vs embedding + raw Chroma query")
        questions = read_jsonl(DATA_DIR / "qa.jsonl")
        results["ask_latency"] = ask_latency(workspace.settings, embedder, questions)
        progress(f"  p50 ratio {results['ask_latency']['ratio_p50']:.2f}x")
        progress("guard: rules, language and the semantic layer per question, and a 2,000-character message")
        results["guard"] = guard_cost(embedder)
        progress(f"  p50 {results['guard']['total_ms']['p50']:.2f} ms")
        progress(f"HTTP API: {SESSIONS} sessions for {SECONDS} s against one uvicorn worker")
        results["api_load"] = api_load(workspace.env, questions, results["ask_latency"]["ask_ms"]["p50"], run)
        progress(f"  p50 ratio {results['api_load']['ratio_p50']:.2f}x, {results['api_load']['ratio_p50_same_load']:.2f}x same load")
        progress("memory: Streamlit server")
        results["streamlit"] = streamlit_memory(workspace.env)
        progress(f"  {results['streamlit']['status']}")
        progress("many sessions: 25 and 50 protocol-level visitors on one chat server")
        results["sessions"] = session_load(workspace.env)
        progress(f"  {results['sessions']['status']}")
    progress("scale: SYNTHETIC vectors, embedded and server Chroma, 1k/10k/100k")
    results["scale"] = scale(progress)
    progress("pipeline scale: Assistant.answer on SYNTHETIC text, 1k/10k/100k passages")
    results["pipeline_scale"] = pipeline_scale(embedder, progress)
    results["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2)  # with the start's, says if others shared the CPU
    args.docs.mkdir(parents=True, exist_ok=True)
    plot_scale(results["scale"], run.machine_line, args.docs / "bench-scale.png")
    plot_pipeline_scale(results["pipeline_scale"], run.machine_line, args.docs / "bench-pipeline-scale.png")
    markdown = render_markdown(run, corpus, store, results)
    (args.docs / "BENCHMARKS.md").write_text(markdown, encoding="utf-8")
    write_json(args.docs / "bench-results.json", run, corpus, results)
    print("\n" + markdown)
    progress(f"wrote {args.docs / 'BENCHMARKS.md'}, bench-results.json, bench-scale.png")
    return 0


def _only_api_load(run: RunInfo, embedder: Embedder, docs: Path) -> int:
    """Measures the load test (with the in-process p50 beside it) and merges it into the last full report."""
    questions = read_jsonl(DATA_DIR / "qa.jsonl")

    def measure(workspace: Workspace) -> dict:
        progress("ask latency (for the in-process p50)")
        answer_p50 = ask_latency(workspace.settings, embedder, questions)["ask_ms"]["p50"]
        progress(f"HTTP API: {SESSIONS} sessions for {SECONDS} s against one uvicorn worker")
        return api_load(workspace.env, questions, answer_p50, run)

    result = _remeasured(embedder, docs, "api_load", measure)
    progress(f"p50 ratio {result['ratio_p50']:.2f}x; merged into {docs / 'BENCHMARKS.md'}")
    return 0


def _only_ask_latency(run: RunInfo, embedder: Embedder, docs: Path) -> int:
    """Measures the warm answer latency against its floor and merges it (with this run's command and machine)
    into the last full report."""

    def measure(workspace: Workspace) -> dict:
        progress("ask latency: Assistant.answer vs one embedding + one Chroma query")
        return _stamped(ask_latency(workspace.settings, embedder, read_jsonl(DATA_DIR / "qa.jsonl")), run)

    result = _remeasured(embedder, docs, "ask_latency", measure)
    progress(f"p50 {result['ask_ms']['p50']:.1f} ms; merged into {docs / 'BENCHMARKS.md'}")
    return 0


def _only_sessions(embedder: Embedder, docs: Path) -> int:
    """Measures the chat server under many sessions and merges it into the last full report."""

    def measure(workspace: Workspace) -> dict:
        progress("many sessions: 25 and 50 protocol-level visitors on one chat server")
        return session_load(workspace.env)

    result = _remeasured(embedder, docs, "sessions", measure)
    progress(f"{result['status']}; merged into {docs / 'BENCHMARKS.md'}")
    return 0


def _only_guard_cost(run: RunInfo, embedder: Embedder, docs: Path) -> int:
    """Measures the guard's cost (it needs no store) and merges it, with this run's command and machine."""
    progress("guard: rules, language and the semantic layer per question, and a 2,000-character message")
    result = _merged_part(docs, "guard", _stamped(guard_cost(embedder), run))
    progress(f"p50 {result['total_ms']['p50']:.2f} ms; merged into {docs / 'BENCHMARKS.md'}")
    return 0


def _stamped(result: dict, run: RunInfo) -> dict:
    """A part measured on its own carries its own command and machine into the report."""
    return {**result, "run": {"command": run.command, "date": run.date, "machine": run.machine}}


def _remeasured(embedder: Embedder, docs: Path, part: str, measure: Callable[[Workspace], dict]) -> dict:
    """One part of the last full report measured again on a fresh bench store, merged in, and returned."""
    with tempfile.TemporaryDirectory(prefix="painchat-bench-") as folder:
        progress("building the bench store")
        return _merged_part(docs, part, measure(prepare(Path(folder), embedder)))


def _merged_part(docs: Path, part: str, result: dict) -> dict:
    """``result`` put in place of one part of the last full report, which is re-rendered; returns ``result``."""
    previous = json.loads((docs / "bench-results.json").read_text(encoding="utf-8"))
    previous[part] = result
    _merge(previous, docs)
    return result


def _merge(previous: dict, docs: Path) -> None:
    """Re-renders the last full report with the parts just measured."""
    full_run = RunInfo(previous["command"], previous["date"], previous["machine"])
    results = {key: value for key, value in previous.items() if key not in ("command", "date", "machine", "corpus")}
    (docs / "BENCHMARKS.md").write_text(
        render_markdown(full_run, previous["corpus"], _store_line(previous), results), encoding="utf-8"
    )
    write_json(docs / "bench-results.json", full_run, previous["corpus"], results)


def _only_pipeline_scale(run: RunInfo, embedder: Embedder, docs: Path, as_before: str | None) -> int:
    """Measures the pipeline scale rows and merges them into the last full report."""
    previous = json.loads((docs / "bench-results.json").read_text(encoding="utf-8"))
    progress("pipeline scale: Assistant.answer on SYNTHETIC text, 1k/10k/100k passages")
    rows = pipeline_scale(embedder, progress)
    if as_before:
        previous["pipeline_scale_before"] = {"code": as_before, "command": run.command, "date": run.date, "rows": rows}
    previous["pipeline_scale"] = rows
    previous["pipeline_scale_command"] = f"{run.command} ({run.date})"
    previous["pipeline_scale_machine"] = run.machine
    plot_pipeline_scale(rows, run.machine_line, docs / "bench-pipeline-scale.png")
    _merge(previous, docs)
    progress(f"merged into {docs / 'BENCHMARKS.md'}")
    return 0


def _store_line(results: dict) -> str:
    ingest = results["ingest"]
    return f"{ingest['chunks']} passages, {ingest['sentences']} sentences"


if __name__ == "__main__":
    sys.exit(main())
