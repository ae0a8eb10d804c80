"""Many chat sessions on one Streamlit server, driven through Streamlit's own websocket protocol.

Each simulated visitor is one websocket speaking the frontend's protobuf messages (no browser), so
the measurement is the server's own cost: it loads the page (one script run), then asks questions
one after another through the chat box, as the frontend sends them. An answer counts once the run
that draws it has finished and its disclaimer was drawn. ``python -m bench.sessions`` runs it alone.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import ChatInputValue
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.typing import Subprotocol

from bench.processes import tree_rss_mib
from devtools.browser import StreamlitServer

SESSION_COUNTS = (25, 50)
QUESTIONS_PER_SESSION = 3
QUESTIONS = (
    "Can exercise help with neuropathic pain?",
    "what is allodynia",
    "my feet burn at night from diabetes, would walking help?",
    "How were the expert recommendations graded?",
    "and how often should I do it?",
)
ANSWER_DRAWN = "**Not medical advice.**"  # the disclaimer caption that ends every reply
RUN_TIMEOUT_S = 300
# Streamlit's desktop frontend gives the websocket handshake 15 s before it retries (60 s on Android).
HANDSHAKE_TIMEOUT_S = 15


class Visitor:
    """One browser tab's worth of protocol: page load, then questions through the chat box."""

    def __init__(self, url: str, number: int) -> None:
        self.stream = url.replace("http://", "ws://") + "/_stcore/stream"
        self.number = number
        self.chat_input_id: str | None = None
        self.page_s: float | None = None
        self.answers_s: list[float] = []
        self.errors: list[str] = []

    async def visit(self) -> None:
        try:
            started = time.perf_counter()  # the page time includes the websocket handshake
            async with websockets.connect(
                self.stream, subprotocols=[Subprotocol("streamlit")], max_size=None, open_timeout=HANDSHAKE_TIMEOUT_S
            ) as ws:
                await self._run(ws, [])
                self.page_s = time.perf_counter() - started
                if self.chat_input_id is None:
                    raise RuntimeError("no chat box on the page")
                for i in range(QUESTIONS_PER_SESSION):
                    question = QUESTIONS[(self.number + i) % len(QUESTIONS)]
                    state = WidgetState(id=self.chat_input_id, chat_input_value=ChatInputValue(data=question))
                    started = time.perf_counter()
                    drawn = await self._run(ws, [state])
                    if not drawn:
                        raise RuntimeError(f"no answer drawn for {question!r}")
                    self.answers_s.append(time.perf_counter() - started)
        except Exception as err:  # noqa: BLE001 - counted and reported: the bench measures, it does not stop
            self.errors.append(f"{type(err).__name__}: {err}"[:200])

    async def _run(self, ws, widgets: list[WidgetState]) -> bool:
        """Requests one script run; True when a disclaimer caption was drawn during it."""
        message = BackMsg()
        message.rerun_script.widget_states.widgets.extend(widgets)
        await ws.send(message.SerializeToString())
        drawn = False
        async with asyncio.timeout(RUN_TIMEOUT_S):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(await ws.recv())
                kind = forward.WhichOneof("type")
                if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    element = forward.delta.new_element
                    if element.WhichOneof("type") == "chat_input":
                        self.chat_input_id = element.chat_input.id
                    elif element.WhichOneof("type") == "markdown" and ANSWER_DRAWN in element.markdown.body:
                        drawn = True
                elif kind == "script_finished":
                    return drawn


async def _crowd(url: str, sessions: int, pid: int) -> dict:
    visitors = [Visitor(url, n) for n in range(sessions)]
    peak = [tree_rss_mib(pid)]

    async def watch_memory() -> None:
        while True:
            peak[0] = max(peak[0], tree_rss_mib(pid))
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch_memory())
    started = time.perf_counter()
    await asyncio.gather(*(v.visit() for v in visitors))
    wall = time.perf_counter() - started
    watcher.cancel()
    answers = sorted(s for v in visitors for s in v.answers_s)
    pages = sorted(v.page_s for v in visitors if v.page_s is not None)
    return {
        "sessions": sessions,
        "questions_per_session": QUESTIONS_PER_SESSION,
        "answers": len(answers),
        "answer_p50_s": _quantile(answers, 0.5),
        "answer_p95_s": _quantile(answers, 0.95),
        "page_p50_s": _quantile(pages, 0.5),
        "page_p95_s": _quantile(pages, 0.95),
        "errors": sum(len(v.errors) for v in visitors),
        "error_examples": sorted({e for v in visitors for e in v.errors})[:3],
        "wall_s": round(wall, 1),
        "server_rss_mib_after": round(tree_rss_mib(pid), 1),
        "server_peak_rss_mib": round(peak[0], 1),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 3)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1], 3)


def first_paint(url: str) -> dict:
    """Seconds from navigation until the pinned disclaimer and the chat box show, and until the
    assistant is ready, in headless Chromium; measured once right after the server answers its health
    check (the model still loading) and once more with the server warm."""
    from devtools.browser import CHAT_PLACEHOLDER, chromium, new_page, wait_until_ready
    from painchat.ui.texts import DISCLAIMER_SHORT

    rows = {}
    with chromium() as browser:
        for moment in ("just_started", "warm"):
            page = new_page(browser, 390, 844)
            started = time.perf_counter()
            page.goto(url)
            page.get_by_text(DISCLAIMER_SHORT).wait_for(state="visible", timeout=120_000)
            page.get_by_placeholder(CHAT_PLACEHOLDER).wait_for(state="visible", timeout=120_000)
            painted = time.perf_counter() - started
            wait_until_ready(page)
            ready = time.perf_counter() - started
            rows[moment] = {"disclaimer_and_input_s": round(painted, 2), "ready_s": round(ready, 2)}
            page.close()
    return rows


def session_load(env: dict[str, str], counts: tuple[int, ...] = SESSION_COUNTS) -> dict:
    """Starts one server (``python -m painchat.ui.serve``), measures the first paint, warms it with one
    visitor, then runs each crowd."""
    server = StreamlitServer(env).start()
    try:
        paint = first_paint(server.url)
        warm = Visitor(server.url, 0)
        asyncio.run(warm.visit())
        warm_rss = round(tree_rss_mib(server.pid), 1)
        rows = [asyncio.run(_crowd(server.url, n, server.pid)) for n in counts]
        return {
            "status": "measured",
            "command": "python -m painchat.ui.serve (as make run), one process",
            "first_paint": paint,
            "warm_up_errors": warm.errors,
            "server_rss_mib_after_warm_up": warm_rss,
            "rows": rows,
        }
    finally:
        server.stop()


if __name__ == "__main__":
    import json

    result = session_load(dict(os.environ), tuple(int(n) for n in sys.argv[1:]) or SESSION_COUNTS)
    print(json.dumps(result, indent=2))
