"""Fixtures and helpers for the API tests: the app in-process over the session's assistant, SSE parsing."""

from __future__ import annotations

import json

import pytest

from painchat.settings import Settings

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
    from painchat.api.launch import ApiServer

    env = {**app_env, "PAINCHAT_ALLOWED_ORIGINS": CLINIC, "PAINCHAT_RATE_LIMIT_PER_MINUTE": "0"}
    with ApiServer(env) as server:
        yield server
