"""Fixtures and helpers for the API tests: the app in-process over the session's assistant, SSE parsing."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self

import pytest

from painchat.settings import PROJECT_ROOT, Settings

CLINIC = "http://clinic.test"


def api_settings(settings: Settings, **changes) -> Settings:
    """The session's settings with an allowlisted clinic and no rate limit, unless a test says otherwise."""
    return settings.model_copy(update={"allowed_origins": (CLINIC,), "rate_limit_per_minute": 0, **changes})


@pytest.fixture
def client_for(settings, assistant):
    """``client_for(**setting_changes)``: a TestClient of a fresh app sharing the session's loaded assistant."""
    from fastapi.testclient import TestClient

    from painchat.api.app import create_app

    clients = []

    def make(**changes):
        client = TestClient(create_app(api_settings(settings, **changes), assistant))
        clients.append(client.__enter__())
        return clients[-1]

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def parse_events(text: str) -> list[tuple[str, dict]]:
    """``(event name, JSON data)`` per server-sent event, in order."""
    events = []
    for block in filter(None, text.split("\n\n")):
        fields = dict(line.split(": ", 1) for line in block.splitlines())
        events.append((fields["event"], json.loads(fields["data"])))
    return events


@pytest.fixture(scope="module")
def api_server(app_env):
    """``python -m painchat serve`` on a free loopback port over the session's store, the clinic allowlisted."""
    from devtools.api_server import ApiServer

    env = {**app_env, "PAINCHAT_ALLOWED_ORIGINS": CLINIC, "PAINCHAT_RATE_LIMIT_PER_MINUTE": "0"}
    with ApiServer(env) as server:
        yield server


class ClinicSite:
    """Serves examples/clinic-site from its own loopback port (another origin), pointed at the test's API."""

    EXAMPLE = PROJECT_ROOT / "examples" / "clinic-site"
    EXAMPLE_API = "http://127.0.0.1:8600"  # the address the committed page uses (`make serve`)

    def __init__(self, port: int, api_url: str) -> None:
        pages = {f"/{p.name}": p.read_text(encoding="utf-8") for p in self.EXAMPLE.glob("*.html")}
        pages = {path: text.replace(self.EXAMPLE_API, api_url) for path, text in pages.items()}
        self.url = f"http://127.0.0.1:{port}/index.html"
        self.server = ThreadingHTTPServer(("127.0.0.1", port), partial(_PageHandler, pages))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class _PageHandler(BaseHTTPRequestHandler):
    def __init__(self, pages: dict[str, str], *args) -> None:
        self.pages = pages
        super().__init__(*args)

    def do_GET(self) -> None:
        page = self.pages.get(self.path)
        body = (page or "not found").encode()
        self.send_response(200 if page else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass
