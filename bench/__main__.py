"""``python -m bench`` (``make bench``): runs every measurement and writes docs/BENCHMARKS.md.

Uses PAINCHAT_CORPUS_DIR for the papers; everything it builds lives in a temp folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.ask_latency import ask_latency
from bench.coldstart import cold_start
from bench.ingest_rate import ingest_throughput
from bench.memory import streamlit_memory
from bench.plot import plot_scale
from bench.report import render_markdown, write_json
from bench.scale import scale
from bench.sessions import session_load
from bench.workspace import prepare
from painchat.assistant import Assistant
from painchat.embedding import Embedder
from painchat.eval.datasets import DATA_DIR, read_jsonl
from painchat.eval.provenance import RunInfo, corpus_note
from painchat.settings import PROJECT_ROOT


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--docs", type=Path, default=PROJECT_ROOT / "docs", help="folder for the report, JSON and plot")
    args = parser.parse_args(argv)
    run = RunInfo.now("bench", sys.argv[1:] if argv is None else argv)
    embedder = Embedder()
    embedder.load()  # every in-process step is measured with the model already loaded
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
        results["ask_latency"] = ask_latency(workspace.settings, embedder, read_jsonl(DATA_DIR / "qa.jsonl"))
        progress(f"  p50 ratio {results['ask_latency']['ratio_p50']:.2f}x")
        progress("memory: Streamlit server")
        results["streamlit"] = streamlit_memory(workspace.env)
        progress(f"  {results['streamlit']['status']}")
        progress("many sessions: 25 and 50 protocol-level visitors on one chat server")
        results["sessions"] = session_load(workspace.env)
        progress(f"  {results['sessions']['status']}")
    progress("scale: SYNTHETIC vectors, embedded and server Chroma, 1k/10k/100k")
    results["scale"] = scale(progress)
    results["load_avg_1m_at_end"] = round(os.getloadavg()[0], 2)  # with the start's, says if others shared the CPU
    args.docs.mkdir(parents=True, exist_ok=True)
    plot_scale(results["scale"], run.machine_line, args.docs / "bench-scale.png")
    markdown = render_markdown(run, corpus, store, results)
    (args.docs / "BENCHMARKS.md").write_text(markdown, encoding="utf-8")
    write_json(args.docs / "bench-results.json", run, corpus, results)
    print("\n" + markdown)
    progress(f"wrote {args.docs / 'BENCHMARKS.md'}, bench-results.json, bench-scale.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
