"""A scripted OpenAI-compatible server on loopback: /v1/chat/completions, plain JSON or SSE stream.

Each request takes the next step of the script: a reply, an HTTP error, a stream that breaks, or
silence (the server holds the request until it is closed, so client timeouts are real).
"""

from __future__ import annotations

import json
import re
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

HOLD_AT_MOST_S = 30.0  # a silent step never keeps a thread longer than this


@dataclass(frozen=True)
class Step:
    reply: str = ""
    status: int = 200
    silent: bool = False
    break_after_chunks: int | None = None
    echo_source: int | None = None  # reply with source [n] of the prompt, restated verbatim and cited


def _echo(body: dict, n: int) -> str:
    prompt = body["messages"][-1]["content"]
    quote = next(line for line in prompt.splitlines() if line.startswith(f"[{n}] "))
    return f"{quote.removeprefix(f'[{n}] ')} [{n}]"


class OpenAIServer:
    """Start with ``with OpenAIServer() as server``; ``server.base_url`` is the /v1 URL."""

    def __init__(self) -> None:
        self.script: deque[Step] = deque()
        self.requests: list[dict] = []
        self.closing = threading.Event()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._http.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self._http.server_port}/v1"

    def __enter__(self) -> Self:
        threading.Thread(target=self._http.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.closing.set()
        self._http.shutdown()
        self._http.server_close()

    def then(self, *steps: Step) -> OpenAIServer:
        self.script.extend(steps)
        return self


def _handler(server: OpenAIServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep pytest output clean
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            server.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
            step = server.script.popleft() if server.script else Step(status=500)
            if step.echo_source is not None:
                step = Step(reply=_echo(body, step.echo_source))
            if self.path != "/v1/chat/completions":
                return self._json(404, {"error": {"message": "not found"}})
            if step.silent:
                server.closing.wait(HOLD_AT_MOST_S)
                return None
            if step.status != 200:
                return self._json(step.status, {"error": {"message": "scripted failure", "type": "server_error"}})
            if body.get("stream"):
                return self._stream(step)
            return self._json(200, _completion(step.reply), cut=step.break_after_chunks is not None)

        def _json(self, status: int, payload: dict, cut: bool = False) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2] if cut else data)  # cut: the connection drops mid-body
            self.close_connection = cut

        def _stream(self, step: Step) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")  # so a dropped connection is visibly incomplete
            self.send_header("Connection", "close")
            self.end_headers()
            pieces = re.findall(r"\S+\s*", step.reply)
            for count, piece in enumerate(pieces):
                if count == step.break_after_chunks:
                    self.close_connection = True  # the connection drops mid-answer, before the last chunk
                    return
                self._event(f"data: {json.dumps(_chunk({'content': piece}))}\n\n")
            self._event(f"data: {json.dumps(_chunk({}, finish='stop'))}\n\n")
            self._event("data: [DONE]\n\n")
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            self.close_connection = True

        def _event(self, text: str) -> None:
            data = text.encode()
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return Handler


def _completion(text: str) -> dict:
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "test-model",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _chunk(delta: dict, finish: str | None = None) -> dict:
    return {
        "id": "chatcmpl-test", "object": "chat.completion.chunk", "created": 0, "model": "test-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }
