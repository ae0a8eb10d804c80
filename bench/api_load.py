"""The HTTP API under load: concurrent chat sessions against `python -m painchat serve` on loopback.

Each session asks a question from the QA set (follow-ups with their history), reads the whole reply and
"reads" it for a random think time before the next; half the sessions use /v1/ask, half the SSE stream.
A second, shorter phase drops the think time to find the most one worker can do. Bounded: every request
has a timeout, every phase a deadline.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from bench.processes import peak_rss_mib
from devtools.api_server import ApiServer
from evaluation.metrics import percentile
from evaluation.provenance import RunInfo

SESSIONS = 50
SECONDS = 60
THINK_S = (1.0, 3.0)
SATURATION_SECONDS = 20
REQUEST_TIMEOUT_S = 30
SEED = 20240601


@dataclass
class Sample:
    endpoint: str
    ms: float
    ok: bool
    problem: str = ""
    first_piece_ms: float | None = None
    answer_ms: float | None = None  # the answering function's own time inside the server (timings_ms.total)


def api_load(env: dict[str, str], rows: Sequence[dict], answer_p50_ms: float, run: RunInfo) -> dict:
    """Both phases against one fresh server; latency is client-side wall time per full reply."""
    load_start = round(os.getloadavg()[0], 2)
    with ApiServer({**env, "PAINCHAT_RATE_LIMIT_PER_MINUTE": "0"}) as server:
        # All sessions come from 127.0.0.1, so the per-client rate limit is off for the bench.
        asyncio.run(_warm_up(server.url, rows))
        chat = asyncio.run(_phase(server.url, rows, SESSIONS, SECONDS, THINK_S))
        saturated = asyncio.run(_phase(server.url, rows, SESSIONS, SATURATION_SECONDS, (0.0, 0.0)))
        peak = peak_rss_mib(server.pid)  # one worker: uvicorn serves in this process
    summary = _summary(chat, SECONDS)
    return {
        "command": run.command,
        "date": run.date,
        "sessions": SESSIONS,
        "seconds": SECONDS,
        "think_s": list(THINK_S),
        "workers": 1,
        "chat": summary,
        "saturated": {**_summary(saturated, SATURATION_SECONDS), "seconds": SATURATION_SECONDS},
        "answer_p50_ms": answer_p50_ms,
        "ratio_p50": summary["p50_ms"] / answer_p50_ms,
        "ratio_p50_same_load": summary["p50_ms"] / summary["server_answer_p50_ms"],
        "peak_rss_mib": peak,
        "load_avg_start": load_start,
        "load_avg_end": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }


async def _warm_up(url: str, rows: Sequence[dict]) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT_S) as http:
        for row in rows[:3]:
            await http.post("/v1/ask", json={"question": row["question"], "history": row["history"]})


async def _phase(url: str, rows: Sequence[dict], sessions: int, seconds: float, think: tuple[float, float]) -> list:
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=sessions, max_keepalive_connections=sessions)
    async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT_S, limits=limits) as http:
        tasks = [_session(http, rows, i, deadline, think) for i in range(sessions)]
        per_session = await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 2 * REQUEST_TIMEOUT_S)
    return [sample for samples in per_session for sample in samples]


async def _session(http: httpx.AsyncClient, rows, index: int, deadline: float, think) -> list[Sample]:
    rng = random.Random(SEED + index)
    stream = index % 2 == 1
    samples = []
    await asyncio.sleep(rng.uniform(0, max(think[1], 0.5)))  # sessions arrive spread out, not in lock-step
    while time.monotonic() < deadline:
        row = rng.choice(rows)
        body = {"question": row["question"], "history": row["history"]}
        samples.append(await (_streamed(http, body) if stream else _asked(http, body)))
        await asyncio.sleep(rng.uniform(*think))
    return samples


async def _asked(http: httpx.AsyncClient, body: dict) -> Sample:
    started = time.perf_counter()
    try:
        response = await http.post("/v1/ask", json=body)
        elapsed = _ms(started)
        answer = response.json()
        ok = response.status_code == 200 and bool(answer.get("disclaimer"))
        return Sample("ask", elapsed, ok, "" if ok else f"HTTP {response.status_code}", answer_ms=_answer_ms(answer))
    except httpx.HTTPError as err:
        return Sample("ask", _ms(started), False, type(err).__name__)


async def _streamed(http: httpx.AsyncClient, body: dict) -> Sample:
    started, first, events, answer = time.perf_counter(), None, [], {}
    try:
        async with http.stream("POST", "/v1/ask/stream", json=body) as response:
            if response.status_code != 200:
                return Sample("stream", _ms(started), False, f"HTTP {response.status_code}")
            async for line in response.aiter_lines():
                if line.startswith("event: "):
                    events.append(line[7:])
                    if first is None and events[-1] == "piece":
                        first = _ms(started)
                elif line.startswith("data: ") and events[-1:] == ["answer"]:
                    answer = json.loads(line[6:])
    except httpx.HTTPError as err:
        return Sample("stream", _ms(started), False, type(err).__name__)
    ok = events[-2:] == ["answer", "done"]
    return Sample("stream", _ms(started), ok, "" if ok else f"events {events[-2:]}", first, _answer_ms(answer))


def _answer_ms(answer: dict) -> float | None:
    return (answer.get("timings_ms") or {}).get("total") if isinstance(answer, dict) else None


def _summary(samples: list[Sample], seconds: float) -> dict:
    latencies = [s.ms for s in samples if s.ok]
    by_endpoint = {name: [s.ms for s in samples if s.ok and s.endpoint == name] for name in ("ask", "stream")}
    return {
        "requests": len(samples),
        "errors": sum(not s.ok for s in samples),
        "error_kinds": dict(Counter(s.problem for s in samples if not s.ok)),
        "throughput_rps": len(latencies) / seconds,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "ask_p50_ms": percentile(by_endpoint["ask"], 50),
        "stream_p50_ms": percentile(by_endpoint["stream"], 50),
        "stream_first_piece_p50_ms": percentile([s.first_piece_ms for s in samples if s.first_piece_ms], 50),
        "server_answer_p50_ms": percentile([s.answer_ms for s in samples if s.ok and s.answer_ms is not None], 50),
    }


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000
