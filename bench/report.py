"""Renders the bench results as docs/BENCHMARKS.md and docs/bench-results.json."""

from __future__ import annotations

import json
from pathlib import Path

from bench.api_load import REQUEST_TIMEOUT_S as REQUEST_TIMEOUT
from bench.pipeline_report import pipeline_section
from evaluation.provenance import RunInfo
from evaluation.tables import markdown_table

TARGETS = {"cold_start": 1.3, "ingest": 0.8, "ask_p50": 2.0, "api_p50": 1.5, "guard_p50_ms": 5.0, "guard_long_ms": 20.0}


def verdict(value: float, target: float, at_most: bool) -> str:
    met = value <= target if at_most else value >= target
    return f"target {'≤' if at_most else '≥'} {target:g}×: **{'met' if met else 'missed'}**"


def footer(run: RunInfo, measured: str) -> str:
    return f"_Command: `{run.command}`; measured: {measured}. Machine: {run.machine_line}._"


def cold_start_section(result: dict, run: RunInfo) -> str:
    rows = [
        [f"painchat CLI: `python -m painchat ask --json \"{result['question']}\"`", *_runs(result["cli"])],
        ["bare: import sentence_transformers, load the model, encode the query", *_runs(result["bare"])],
    ]
    table = markdown_table(["fresh process", "median s", "runs (s)", "median peak RSS (MiB)"], rows)
    return f"""## Cold start to first answer

{table}

Ratio painchat / bare: **{result['ratio']:.2f}×** ({verdict(result['ratio'], TARGETS['cold_start'], at_most=True)}). \
The CLI answered with kind `{result['answer_kind']}`. One untimed CLI run first warms the page cache for both; \
then {len(result['cli']['seconds'])} interleaved runs each.

{footer(run, "wall time from spawn to exit; peak RSS = the child's own VmHWM, polled every 10 ms")}
"""


def ingest_section(result: dict, run: RunInfo) -> str:
    build, raw = "`build_store` into an empty temp store", "raw `Embedder.encode` on the same texts"
    rows = [
        [build, result["texts"], _s(result["build_seconds"]), _rate(result["build_per_s"])],
        [raw, result["texts"], _s(result["raw_seconds"]), _rate(result["raw_per_s"])],
    ]
    table = markdown_table(["path", "texts embedded", "runs (s)", "texts / s (median)"], rows)
    return f"""## Ingest throughput

{table}

Ratio build / raw: **{result['ratio']:.2f}×** ({verdict(result['ratio'], TARGETS['ingest'], at_most=False)}). \
Texts = {result['chunks']} passages + {result['sentences']} sentences. Everything a build does besides embedding \
(reading and chunking the papers, token counting, Chroma writes) costs {result['overhead_s']:.2f} s per build here; \
on a corpus this small that fixed cost weighs more than it would on full texts. The model is loaded before both \
are timed. This is the embedding throughput measurement; the scale test below inserts precomputed vectors and \
does not embed anything.

{footer(run, "median of the runs shown, alternating; each build into a new empty store")}
"""


def latency_section(result: dict, run: RunInfo) -> str:
    ask, floor = result["ask_ms"], result["floor_ms"]
    floor_what = f"floor: one query embedding + one raw Chroma `query` (n_results={result['n_results']})"
    rows = [
        ["`Assistant.answer` (warm, in-process)", _ms(ask["p50"]), _ms(ask["p95"])],
        [floor_what, _ms(floor["p50"]), _ms(floor["p95"])],
        ["ratio", f"{result['ratio_p50']:.2f}×", f"{result['ratio_p95']:.2f}×"],
    ]
    table = markdown_table(["path", "p50 ms", "p95 ms"], rows)
    return f"""## `ask` latency

{table}

p50 ratio: {verdict(result['ratio_p50'], TARGETS['ask_p50'], at_most=True)}. {result['questions']} questions spread \
evenly through `tests/data/qa.jsonl` (answerable, not covered and follow-ups), {result['rounds']} rounds, after a \
warm-up; each answer is followed by its floor, which embeds the same resolved query and queries the same store.

{footer(measured_by(result, run), "wall time per call, perf_counter")}
"""


def measured_by(result: dict, run: RunInfo) -> RunInfo:
    """The run that measured a part: its own when it was re-measured alone, else the full report's."""
    return RunInfo(**result["run"]) if "run" in result else run


def guard_section(result: dict, run: RunInfo) -> str:
    rows = [
        ["rules, language detection, validation, scope (`screen`)", *_stats(result["rules_ms"])],
        [f"semantic layer: logistic regression + nearest of {result['categories']} categories", *_stats(result["semantic_ms"])],
        ["guard total per question", *_stats(result["total_ms"])],
        [f"`screen` on a {result['long_message_chars']:,}-character story (with and without a red flag)",
         *_stats(result["long_message_ms"])],
    ]
    if "other_language_ms" in result:  # reports measured before the gloss of other languages have no such row
        label = (f"`screen` on a message in another language, its gloss embedded ({result['other_language_messages']}"
                 " messages of round 6's tuning half; no answer follows)")
        rows.append([label, *_stats(result["other_language_ms"])])
    table = markdown_table(["guard step", "p50 ms", "p95 ms", "max ms"], rows)
    p50, long_max = result["total_ms"]["p50"], result["long_message_ms"]["max"]
    return f"""## Safety guard cost

{table}

Guard p50 {p50:.2f} ms (target ≤ {TARGETS['guard_p50_ms']:g} ms: **{'met' if p50 <= TARGETS['guard_p50_ms'] else 'missed'}**); 2,000-character message at most {long_max:.2f} ms (target ≤ {TARGETS['guard_long_ms']:g} ms: **{'met' if long_max <= TARGETS['guard_long_ms'] else 'missed'}**). {result['questions']} questions (`qa.jsonl` and `safety_tune.jsonl`), {result['rounds']} rounds, warm. The question's embedding is not counted: retrieval needs it anyway and reuses the guard's.

{footer(measured_by(result, run), "wall time per call, perf_counter")}
"""


def memory_section(cold: dict, streamlit: dict, run: RunInfo) -> str:
    cli, bare = cold["cli"]["median_peak_rss_mib"], cold["bare"]["median_peak_rss_mib"]
    rows = [
        ["painchat CLI (`python -m painchat ask --json …`), whole run", "—", _mib(cli)],
        ["bare model load + one encode, whole run", "—", _mib(bare)],
    ]
    if streamlit["status"] != "measured":
        rows.append(["Streamlit server (`streamlit run app.py`)", streamlit["status"], "—"])
    else:
        idle, session = streamlit["after_page_request"], streamlit["after_browser_session"]
        what = "Streamlit server, after `/_stcore/health` and one GET of the page"
        rows.append([what, _mib(idle["rss_mib"]), _mib(idle["peak_rss_mib"])])
        if session["status"] == "measured":
            what = "Streamlit server, after a headless Chromium session ran app.py"
            rows.append([what, _mib(session["rss_mib"]), _mib(session["peak_rss_mib"])])
        else:
            rows.append(["Streamlit server, browser session", session["status"], "—"])
    table = markdown_table(["process", "RSS now (MiB)", "peak RSS (MiB)"], rows)
    if streamlit["status"] == "measured":
        note = (
            "A plain GET only serves Streamlit's static page; app.py (and so the model) runs when a browser opens "
            "the session's websocket, which is why the browser row is the one to read for the app's footprint."
        )
    elif streamlit["status"] == "app.py not present":
        note = "app.py is not in the repo yet; the next `python -m bench` fills the Streamlit rows in."
    else:
        note = "The Streamlit server could not be measured; its log is in docs/bench-results.json."
    return f"""## Peak memory

{table}

{note} Server launched as `{streamlit.get('command', 'streamlit run app.py')}`.

{footer(run, "CLI: the child's VmHWM polled every 10 ms; server: psutil RSS of the process tree and /proc VmHWM")}
"""


def sessions_section(result: dict, run: RunInfo) -> str:
    """The chat server under many concurrent visitors (bench/sessions.py)."""
    if result.get("status") != "measured":
        return f"## Many chat sessions\n\nNot measured: {result.get('status')}.\n"
    rows = [
        [
            str(r["sessions"]), str(r["answers"]), _opt(r["answer_p50_s"]), _opt(r["answer_p95_s"]),
            _opt(r["page_p50_s"]), _opt(r["page_p95_s"]), str(r["errors"]), _mib(r["server_peak_rss_mib"]),
            f"{r['load_avg_1m']:g}",
        ]
        for r in result["rows"]
    ]  # fmt: skip
    headers = [
        "sessions", "answers", "answer p50 (s)", "answer p95 (s)", "page p50 (s)", "page p95 (s)",
        "errors", "server peak RSS (MiB)", "load avg 1 min",
    ]  # fmt: skip
    paint = result["first_paint"]
    paint_rows = [
        [moment.replace("_", " "), f"{p['disclaimer_and_input_s']:.2f}", f"{p['ready_s']:.2f}"]
        for moment, p in paint.items()
    ]
    per_session = result["rows"][0]["questions_per_session"]
    idle = _mib(result["server_rss_mib_after_warm_up"])
    return f"""## Many chat sessions

`python -m bench.sessions` starts the chat server as `make run` does (`python -m painchat.ui.serve`,
one process), then simulates visitors with Streamlit's own websocket protocol (no browser per
visitor): each opens the page (one script run) and asks {per_session} questions one after another
through the chat box; all sessions of a row run at once. An answer is timed from sending the
question until the run that draws it has finished (its disclaimer drawn); a visitor whose websocket
handshake takes over 15 s (when Streamlit's desktop frontend gives up and retries) or whose run
draws no answer counts as an error. The server idled at
{idle} MiB after one warm-up visit. The load clients run on the same 2 cores as the server, and so
did other jobs (load average in the last column): these wall times are upper bounds.

{markdown_table(headers, rows)}

First paint in headless Chromium at 390 × 844 (seconds from navigation; goal: disclaimer and chat box
within 1 s): right after the server started (the model still loading in the background: the page shows
a progress message) and with the server warm.

{markdown_table(["moment", "disclaimer + chat box (s)", "ready to answer (s)"], paint_rows)}

{footer(run, "perf_counter per answer and per page run; server RSS of the process tree, polled every 0.5 s")}
"""


def _opt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def api_load_section(result: dict) -> str:
    chat, saturated = result["chat"], result["saturated"]
    think = "–".join(f"{t:g}" for t in result["think_s"])
    rows = [
        [f"chat: {result['sessions']} sessions, {think} s think time, {result['seconds']} s", *_load_row(chat)],
        [f"saturated: {result['sessions']} sessions, no think time, {saturated['seconds']} s", *_load_row(saturated)],
    ]
    headers = ["phase", "requests", "errors", "replies / s", "p50 ms", "p95 ms", "p99 ms", "ask p50", "stream p50"]
    table = markdown_table(headers, rows)
    verdict_text = verdict(result["ratio_p50"], TARGETS["api_p50"], at_most=True)
    return f"""## HTTP API under load

{table}

API p50 in the chat phase / in-process `Assistant.answer` p50 ({_ms(result['answer_p50_ms'])} ms, measured just \
before in the same run): **{result['ratio_p50']:.2f}×** ({verdict_text}). Because other work on the machine changes \
from minute to minute, the steadier measure of serving overhead is against the answering function's own time inside \
the server during the same requests (`timings_ms.total`, p50 {_ms_or_dash(chat['server_answer_p50_ms'])} ms): \
**{result['ratio_p50_same_load']:.2f}×** ({verdict(result['ratio_p50_same_load'], TARGETS['api_p50'], at_most=True)}); \
the difference is HTTP, JSON, the threadpool hand-off and queueing. Peak RSS of the server: {_mib(result['peak_rss_mib'])} MiB \
(one uvicorn worker: model, store and the API in one process). Stream: first text piece after \
{_ms_or_dash(chat['stream_first_piece_p50_ms'])} ms (p50). Errors by kind: {chat['error_kinds'] or 'none'} (chat), \
{saturated['error_kinds'] or 'none'} (saturated). **The CPU was shared with other agents' work during this run** \
(load average {result['load_avg_start']:g} at start, {result['load_avg_end']:g} at the end, on {result['cpus']} cores), \
so every latency here is inflated by an unknown amount.

Each session asks a question of `tests/data/qa.jsonl` (follow-ups with their history), reads the whole reply, then \
waits a random think time; half use `POST /v1/ask`, half `POST /v1/ask/stream` (all events read). The saturated \
phase drops the think time: its replies / s is what one worker can serve here. All sessions come from 127.0.0.1, \
so the per-client rate limit is off for the bench. Client: `bench/api_load.py` (httpx, asyncio), {REQUEST_TIMEOUT} s \
timeout per request, each phase bounded by a deadline.

_Command: `{result['command']}` on {result['date']}; measured: client-side wall time from sending a request to the \
end of its reply; peak RSS = the server's VmHWM._
"""


def scale_section(result: dict, run: RunInfo) -> str:
    headers = ["mode", "chunks", "insert s (this step)", "inserted / s", "query p50 ms", "query p95 ms"]
    table = markdown_table(headers, [_scale_row(r) for r in result["rows"]])
    return f"""## Scale: SYNTHETIC corpus

**Synthetic data, not the papers:** {result['dimension']}-d random unit vectors (numpy seed {result['seed']}) with \
one-line placeholder texts, inserted with precomputed embeddings (no model involved) into embedded Chroma \
(`PersistentClient` in a temp folder) and into a `chroma run --host 127.0.0.1` server, growing one collection \
1k → 10k → 100k; at each size {result['queries']} random query vectors, `n_results={result['n_results']}`, after a \
short warm-up. Random vectors have no cluster structure, which is a hard case for HNSW. Embedding throughput is \
measured separately (see Ingest throughput): neither the insert nor the query times here include the model.

{table}

![query latency vs size](bench-scale.png)

{footer(run, "client-side wall time per query, perf_counter")}
"""


def render_markdown(run: RunInfo, corpus: str, store: str, results: dict) -> str:
    return f"""# Benchmarks

Generated by `{run.command}` (`make bench`) on {run.date}; do not edit by hand. Raw numbers: \
`docs/bench-results.json`.

- **Machine:** {run.machine_line}; {results['load_avg_1m_at_end']:g} at the end.
- **Corpus:** {corpus}; the bench builds its own store in a temp folder ({store}).
- The bench measures and reports; it asserts no timing. Targets are the project's goals.

{cold_start_section(results['cold_start'], run)}
{ingest_section(results['ingest'], run)}
{latency_section(results['ask_latency'], run)}
{guard_section(results['guard'], run) if 'guard' in results else ''}
{memory_section(results['cold_start'], results['streamlit'], run)}
{sessions_section(results['sessions'], run) if 'sessions' in results else ''}
{api_load_section(results['api_load']) if 'api_load' in results else ''}
{scale_section(results['scale'], run)}
{pipeline_section(results, run) if 'pipeline_scale' in results else ''}"""


def write_json(path: Path, run: RunInfo, corpus: str, results: dict) -> None:
    payload = {"command": run.command, "date": run.date, "machine": run.machine, "corpus": corpus, **results}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


def _runs(side: dict) -> list[str]:
    return [f"{side['median_s']:.2f}", _s(side["seconds"]), f"{side['median_peak_rss_mib']:.0f}"]


def _s(values: list[float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _scale_row(row: dict) -> list[str]:
    timings = [f"{row['insert_s']:.1f}", _rate(row["insert_per_s"]), _ms(row["p50_ms"]), _ms(row["p95_ms"])]
    return [row["mode"], f"{row['size']:,}", *timings]


def _stats(summary: dict) -> list[str]:
    return [f"{summary['p50']:.2f}", f"{summary['p95']:.2f}", f"{summary['max']:.2f}"]


def _load_row(phase: dict) -> list[str]:
    latencies = [_ms_or_dash(phase[key]) for key in ("p50_ms", "p95_ms", "p99_ms", "ask_p50_ms", "stream_p50_ms")]
    return [str(phase["requests"]), str(phase["errors"]), f"{phase['throughput_rps']:.1f}", *latencies]


def _ms_or_dash(value: float | None) -> str:
    return "—" if value is None else _ms(value)


def _ms(value: float) -> str:
    return f"{value:.2f}"


def _rate(per_second: float) -> str:
    return f"{per_second:.1f}" if per_second < 100 else f"{per_second:.0f}"


def _mib(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"
