"""Pure ASGI layers in front of the routes: security headers on every response, and the gate of /v1.

The gate runs before a request body is read further than its limit and before any answering work:
origin allowlist → API key → rate limit → body size.
"""

from __future__ import annotations

import hmac
import math

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from painchat.api import responses
from painchat.api.ratelimit import RateLimiter
from painchat.settings import Settings

GATED_PREFIX = "/v1/"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}
DEFAULTS = {"Cross-Origin-Resource-Policy": "same-origin", "Cache-Control": "no-store"}


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response, and ``DEFAULTS`` where a route set nothing else."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                for name, value in DEFAULTS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Gate:
    """Origin allowlist, optional API key, per-client rate limit and body-size limit for /v1 routes."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.origins = frozenset(settings.allowed_origins)
        self.api_key = settings.api_key.get_secret_value().encode() if settings.api_key else None
        self.max_body = settings.max_body_bytes
        self.limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GATED_PREFIX) or scope["method"] == "OPTIONS":
            return await self.app(scope, receive, send)  # CORS preflights are the CORS layer's
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            return await refusal(scope, receive, send)
        if scope["method"] != "POST":
            return await self.app(scope, receive, send)
        await self._with_bounded_body(scope, receive, send, headers)

    def _refusal(self, scope: Scope, headers: Headers):
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins and origin != _own_origin(scope, headers):
            return responses.error_response(403, "origin_not_allowed", responses.ORIGIN_DENIED)
        if self.api_key is not None and not self._has_key(headers, self.api_key):
            return responses.error_response(
                401, "unauthorized", responses.UNAUTHORIZED, headers={"WWW-Authenticate": "Bearer"}
            )
        if self.limiter.enabled:
            client = scope["client"][0] if scope.get("client") else "unknown"
            wait = self.limiter.wait_seconds(client)
            if wait > 0:
                seconds = math.ceil(wait)
                message = responses.RATE_LIMITED.format(seconds=seconds)
                return responses.error_response(429, "rate_limited", message, headers={"Retry-After": str(seconds)})
        return None

    @staticmethod
    def _has_key(headers: Headers, api_key: bytes) -> bool:
        scheme, _, token = headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), api_key)

    async def _with_bounded_body(self, scope: Scope, receive: Receive, send: Send, headers: Headers) -> None:
        """Reads the body up to the limit (bodies here are small), then hands it on; refuses past the limit."""
        too_large = responses.error_response(
            413, "body_too_large", responses.BODY_TOO_LARGE.format(limit=self.max_body)
        )
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                return await responses.error_response(400, "bad_request", responses.BAD_LENGTH)(scope, receive, send)
            if int(declared) > self.max_body:
                return await too_large(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return await too_large(scope, receive, send)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: the disconnect a streaming response listens for

        await self.app(scope, replay, send)


def _own_origin(scope: Scope, headers: Headers) -> str:
    """The API's own origin as the browser sees it (same-origin requests carry an Origin header too)."""
    return f"{scope.get('scheme', 'http')}://{headers.get('host', '')}"
