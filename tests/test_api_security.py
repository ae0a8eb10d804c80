"""Who may call the API: the CORS allowlist, the optional API key, security headers, no cookies."""

from __future__ import annotations

from pydantic import SecretStr

from painchat.messages import DISCLAIMER
from tests.api_helpers import CLINIC, client_for  # noqa: F401 - fixture

ASK = {"question": "What is allodynia?"}
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


def test_an_allowlisted_origin_gets_cors_headers_and_an_answer(client_for):  # noqa: F811
    client = client_for()
    preflight = client.options("/v1/ask/stream", headers={"Origin": CLINIC, **PREFLIGHT})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == CLINIC
    assert "access-control-allow-credentials" not in preflight.headers
    response = client.post("/v1/ask", json=ASK, headers={"Origin": CLINIC})
    assert response.status_code == 200 and response.headers["access-control-allow-origin"] == CLINIC


def test_another_origin_is_refused_before_any_work(client_for):  # noqa: F811
    client = client_for()
    other = "http://evil.test"
    preflight = client.options("/v1/ask", headers={"Origin": other, **PREFLIGHT})
    assert preflight.status_code == 400 and "access-control-allow-origin" not in preflight.headers
    # A "simple" cross-site POST skips the preflight; the API still refuses it.
    response = client.post("/v1/ask", content=b'{"question": "q"}', headers={"Origin": other, "Content-Type": "text/plain"})
    assert response.status_code == 403 and response.json()["error"] == "origin_not_allowed"
    assert response.json()["disclaimer"] == DISCLAIMER and "access-control-allow-origin" not in response.headers


def test_no_origin_is_allowed_by_default(client_for):  # noqa: F811
    client = client_for(allowed_origins=())
    assert client.post("/v1/ask", json=ASK, headers={"Origin": CLINIC}).status_code == 403
    assert client.post("/v1/ask", json=ASK).status_code == 200  # no Origin: not a browser on another site
    assert client.post("/v1/ask", json=ASK, headers={"Origin": "http://testserver"}).status_code == 200  # same origin


def test_the_api_key_when_set_is_required_on_every_v1_route(client_for):  # noqa: F811
    client = client_for(api_key=SecretStr("s3cret-key"))
    missing = client.post("/v1/ask", json=ASK)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert client.get("/v1/sources", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/v1/ask", json=ASK, headers={"Authorization": "Bearer s3cret-key"}).status_code == 200
    assert client.get("/healthz").status_code == 200 and client.get("/widget.js").status_code == 200


def test_every_response_has_security_headers_and_no_cookie(client_for):  # noqa: F811
    client = client_for()
    for response in [
        client.post("/v1/ask", json=ASK),
        client.post("/v1/ask/stream", json=ASK),
        client.post("/v1/ask", content=b"{"),
        client.get("/v1/sources"),
        client.get("/readyz"),
        client.get("/missing"),
    ]:
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["cache-control"] == "no-store"
        assert "set-cookie" not in headers and "server" not in headers
