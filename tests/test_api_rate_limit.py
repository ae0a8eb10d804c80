"""Per-client token buckets: a burst, then the rate; 429 with Retry-After, before any work."""

from __future__ import annotations

import pytest

from painchat.api.ratelimit import RateLimiter
from painchat.messages import DISCLAIMER
from tests.api_helpers import client_for  # noqa: F401 - fixture


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_one_request_per_interval():
    clock = Clock()
    limiter = RateLimiter(per_minute=6, burst=2, clock=clock)
    assert [limiter.wait_seconds("a") for _ in range(2)] == [0, 0]
    assert limiter.wait_seconds("a") == 10  # six a minute: one token every 10 s
    assert limiter.wait_seconds("b") == 0  # clients have their own buckets
    clock.now += 4
    assert limiter.wait_seconds("a") == pytest.approx(6)  # a refused request takes no token
    clock.now += 6.5
    assert limiter.wait_seconds("a") == 0


def test_forgotten_clients_are_bounded():
    limiter = RateLimiter(per_minute=60, burst=1, max_clients=3, clock=Clock())
    for client in "abcde":
        limiter.wait_seconds(client)
    assert len(limiter._buckets) == 3


def test_too_many_requests_get_429_with_retry_after(client_for):  # noqa: F811
    client = client_for(rate_limit_per_minute=2, rate_limit_burst=2)
    statuses = [client.post("/v1/ask", json={"question": "What is allodynia?"}).status_code for _ in range(2)]
    refused = client.post("/v1/ask/stream", json={"question": "What is allodynia?"})
    assert statuses == [200, 200]
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) == 30
    assert refused.json()["error"] == "rate_limited" and refused.json()["disclaimer"] == DISCLAIMER
    assert client.get("/healthz").status_code == 200  # probes are not limited
