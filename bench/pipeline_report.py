"""The pipeline scale section of docs/BENCHMARKS.md, and its plot."""

from __future__ import annotations

from pathlib import Path

from bench.pipeline_scale import NOISE, POOL_SIZE, QUESTIONS, ROUNDS, SENTENCES_PER_PASSAGE
from bench.plot import finish, plt
from evaluation.provenance import RunInfo
from evaluation.tables import markdown_table

TARGETS = {"ratio_p50": 2.0, "rss_mib": 300, "load_s": 10}
HEADERS = [
    "mode",
    "passages",
    "answer p50 ms",
    "p95 ms",
    "floor p50 ms",
    "p50 / floor",
    "of which retrieval p50 ms",
    "load s",
    "index reload s",
    "MiB beyond the model",
    "load avg (1 min)",
]


def pipeline_rows(rows: list[dict]) -> list[list[str]]:
    return [
        [
            r["mode"],
            f"{r['passages']:,}",
            f"{r['p50_ms']:.1f}",
            f"{r['p95_ms']:.1f}",
            f"{r['floor_p50_ms']:.1f}",
            f"{r['p50_ms'] / r['floor_p50_ms']:.1f}×",
            f"{r['retrieve_p50_ms']:.1f}" if "retrieve_p50_ms" in r else "–",
            f"{r['load_s']:.1f}",
            f"{r['index_reload_s']:.1f}" if "index_reload_s" in r else "–",
            f"{r['rss_mib']:.0f}",
            f"{r['load_avg_1m']:.1f}" if "load_avg_1m" in r else "–",
        ]
        for r in sorted(rows, key=lambda r: (r["mode"], r["passages"]))
    ]


def verdicts(rows: list[dict]) -> str:
    """Each mode's largest store against the targets, and how much of its memory the store adds."""
    lines = []
    for mode in sorted({r["mode"] for r in rows}):
        ours = sorted((r for r in rows if r["mode"] == mode), key=lambda r: r["passages"])
        small, large = ours[0], ours[-1]
        checks = [
            ("p50 / floor", large["p50_ms"] / large["floor_p50_ms"], TARGETS["ratio_p50"], "×"),
            ("memory beyond the model", large["rss_mib"], TARGETS["rss_mib"], " MiB"),
            ("load", large["load_s"], TARGETS["load_s"], " s"),
        ]
        met = "; ".join(
            f"{name} {value:.1f}{unit} ({'met' if value <= target else 'NOT met'}, ≤ {target:g})"
            for name, value, target, unit in checks
        )
        lines.append(
            f"- {mode}, {large['passages']:,} passages: {met}. Of its memory, {small['rss_mib']:.0f} MiB are there at "
            f"{small['passages']:,} passages already (mostly the guard's language models and the Chroma client); the store adds "
            f"{large['rss_mib'] - small['rss_mib']:.0f} MiB."
        )
    return "\n".join(lines)


def memory_split(rows: list[dict]) -> str:
    """At the largest size: how much of the embedded process's memory is Chroma's own (the same store
    served by a server costs the reader that much less), and how much is in private pages vs mapped files."""
    largest = max(r["passages"] for r in rows)
    by_mode = {r["mode"]: r for r in rows if r["passages"] == largest}
    if {"embedded", "server"} - set(by_mode) or "rss_anon_mib" not in by_mode["embedded"]:
        return ""
    embedded, server = by_mode["embedded"], by_mode["server"]
    smallest = min(r["passages"] for r in rows)
    server_small = next(r for r in rows if r["mode"] == "server" and r["passages"] == smallest)
    return (
        f"- With a server, the reader's private (anonymous) memory at {largest:,} passages is "
        f"{server['rss_anon_mib'] - server_small['rss_anon_mib']:+.0f} MiB from {smallest:,}; the rest of its growth is the "
        f"read side's mapped pages ({server['rss_file_mib'] - server_small['rss_file_mib']:+.0f} MiB), which the page "
        f"cache shares between processes.\n"
        f"- Memory at {largest:,} passages: the embedded process holds {embedded['rss_mib'] - server['rss_mib']:.0f} MiB "
        f"more than the same reader against a server: Chroma's own in-process indexes (the HNSW graphs and vectors of "
        f"{largest:,} passages and {embedded['sentences']:,} sentences, loaded when a collection is opened). Resident in "
        f"mapped files (the read side's arrays, shared by every process that maps them, and SQLite's pages): "
        f"{embedded['rss_file_mib']:.0f} MiB embedded, {server['rss_file_mib']:.0f} MiB with a server, of "
        f"{embedded['rss_total_mib']:.0f} and {server['rss_total_mib']:.0f} MiB in all (model included). Embedded Chroma "
        f"cannot meet the memory target at this size; a Chroma server is the deployment for large stores."
    )


def pipeline_section(results: dict, run: RunInfo) -> str:
    table = markdown_table(HEADERS, pipeline_rows(results["pipeline_scale"]))
    before = results.get("pipeline_scale_before")
    earlier = (
        f"""
Before ({before['code']}; `{before['command']}`, {before['date']}; same data, same bench):

{markdown_table(HEADERS, pipeline_rows(before['rows']))}
"""
        if before
        else ""
    )
    return f"""## Pipeline scale: the full answer path on SYNTHETIC text

`Assistant.answer` (guard, follow-up, embedding, retrieval, composition) in a fresh process per row, on stores of \
1k, 10k and 100k passages of {SENTENCES_PER_PASSAGE} sentences each, embedded Chroma and a `chroma run` server on \
the same folder. Floor: one query embedding + one raw Chroma query of the passage collection for the same question. \
An answer also embeds its lay reading beside the question (one batch of two texts) and runs the guard (language \
detection among others), so it costs more than the floor at any size; "retrieval" is the answer's own timing of \
the three rankings, fusion and sentence scoring: the part the store's size acts on. \
Targets at 100k: p50 ≤ {TARGETS['ratio_p50']:g}× the floor, ≤ {TARGETS['rss_mib']} MiB per process beyond the model \
(RSS after loading and answering minus RSS with the model loaded), index load ≤ {TARGETS['load_s']} s. \
"load s" is the whole `Assistant` start: the index, the lay reader and the suggestions it checks by answering them \
(the same at any size), and, with a server, the fresh `chroma run` of each row loading its own indexes on first \
access; "index reload s" is `Index.load` again in the same process: what a reload after a re-ingest, or another \
worker beside a running server, costs.

**Synthetic text, not the papers:** sentences are walks along a bigram chain of the papers' own words (so lexical \
and dense retrieval both find something); {POOL_SIZE:,} distinct ones are embedded once with the real model, and \
every stored sentence reuses one of them with a deterministic perturbation (N(0, {NOISE:g}) per dimension, then \
normalised); a passage's vector is the normalised mean of its sentences'. {QUESTIONS} questions of \
`tests/data/qa.jsonl`, {ROUNDS} rounds, after a warm-up; the assistant's per-question embedding cache is cleared \
before each answer, so every answer embeds its question as a new one would. **Other agents shared the 2 cores \
during the run**, so absolute times are inflated and the p50 / floor ratio moves from run to run; retrieval's own \
time, measured inside each answer, is the steadier number; each row gives the 1-minute load average at its end. \
Each process memory-maps the build's read side (`painchat/read_side.py`, saved at ingest: passage table and texts, \
BM25 matrix, word statistics) instead of reading every passage back from Chroma, and reads the texts of the passages \
an answer uses. In embedded mode the store (SQLite pages, the HNSW indexes of both collections) lives in the \
measured process and counts in its memory; with a server it lives in the server process.

{table}

{verdicts(results["pipeline_scale"])}
{memory_split(results["pipeline_scale"])}
{earlier}
![answer latency vs size](bench-pipeline-scale.png)

_Command: `{results.get("pipeline_scale_command", run.command)}`; measured: wall time per call, perf_counter; RSS from psutil in the measured process._
"""


def plot_pipeline_scale(rows: list[dict], machine_line: str, path: Path) -> None:
    figure, axes = plt.subplots(figsize=(8, 5), dpi=120)
    for mode, colour in (("embedded", "tab:blue"), ("server", "tab:orange")):
        ours = sorted((r for r in rows if r["mode"] == mode), key=lambda r: r["passages"])
        sizes = [r["passages"] for r in ours]
        axes.plot(sizes, [r["p50_ms"] for r in ours], "o-", color=colour, label=f"{mode}: answer p50")
        axes.plot(sizes, [r["floor_p50_ms"] for r in ours], "s:", color=colour, label=f"{mode}: floor p50")
        if all("retrieve_p50_ms" in r for r in ours):
            retrieval = [r["retrieve_p50_ms"] for r in ours]
            axes.plot(sizes, retrieval, "^--", color=colour, alpha=0.6, label=f"{mode}: retrieval p50 (inside the answer)")
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("passages in the store (SYNTHETIC text, 5 sentences each)")
    axes.set_ylabel("ms")
    axes.set_title("Assistant.answer vs the floor (query embedding + one Chroma query)")
    finish(figure, axes, machine_line, path)
