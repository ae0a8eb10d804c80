"""``create_app``: the FastAPI application. The model and the store load once per worker, at start-up."""

from __future__ import annotations

import json
import logging
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from painchat.api import responses
from painchat.api.middleware import Gate, SecurityHeaders
from painchat.api.schemas import (
    AskRequest,
    ErrorBody,
    FeedbackRequest,
    FeedbackStored,
    Health,
    Ready,
    SourcesResponse,
)
from painchat.api.sse import answer_events
from painchat.errors import PainchatError
from painchat.feedback import FeedbackStore
from painchat.messages import DISCLAIMER
from painchat.models import Answer
from painchat.settings import Settings, load_settings

log = logging.getLogger(__name__)
WIDGET = Path(__file__).with_name("static") / "widget.js"
API_VERSION = "1"
# OpenAPI response documentation, in the shape FastAPI declares for `responses`.
ResponsesDoc = dict[int | str, dict[str, Any]]
ERRORS: ResponsesDoc = {status: {"model": ErrorBody} for status in (400, 401, 403, 413, 422, 429, 503)}
HTTP_ERRORS = {  # FastAPI's own: 400 is a body it could not decode
    400: ("malformed_json", responses.MALFORMED_JSON),
    404: ("not_found", responses.NOT_FOUND),
    405: ("method_not_allowed", responses.METHOD_NOT_ALLOWED),
}
STREAM_DOC: ResponsesDoc = {
    200: {
        "description": "`text/event-stream`: `piece` events (`{\"text\": …}`, joining to the answer text), "
        "then one `answer` event (the whole Answer: kind, citations, disclaimer, coverage), then `done`. "
        "A failure sends an `error` event (an ErrorBody, with the disclaimer) and then `done`.",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    }
}


def create_app(settings: Settings | None = None, assistant=None) -> FastAPI:
    """The API; with no ``assistant`` given, each worker builds its own at start-up (never per request)."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.assistant is None:
            from painchat.assistant import Assistant

            app.state.assistant = await run_in_threadpool(Assistant, settings)
        yield

    app = FastAPI(
        title="painchat API",
        version=API_VERSION,
        description="Answers about exercise for neuropathic and chronic pain from the research papers it serves "
        "(listed at /v1/sources), with exact citations and the medical disclaimer on every response. " + DISCLAIMER,
        docs_url=None,  # the interactive docs load scripts from a CDN: no third-party requests
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.assistant = assistant
    app.state.feedback = FeedbackStore(settings)
    _routes(app, settings)
    _error_handlers(app)
    app.add_middleware(Gate, settings=settings)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
    return app


def _routes(app: FastAPI, settings: Settings) -> None:
    @app.post("/v1/ask", response_model=Answer, responses=ERRORS, summary="Answer a question")
    async def ask(body: AskRequest, request: Request) -> Answer | JSONResponse:
        """The same structured result as `python -m painchat ask --json`."""
        if refusal := _out_of_bounds(body, settings):
            return refusal
        try:
            return await run_in_threadpool(request.app.state.assistant.answer, body.question, body.history)
        except Exception as err:  # noqa: BLE001 - answered here, so the connection stays usable
            return _failure(err)

    @app.post("/v1/ask/stream", responses={**STREAM_DOC, **ERRORS}, summary="Answer a question as server-sent events")
    async def ask_stream(body: AskRequest, request: Request) -> Response:
        if refusal := _out_of_bounds(body, settings):
            return refusal
        events = answer_events(request.app.state.assistant, body.question, body.history)
        return StreamingResponse(events, media_type="text/event-stream", headers={"X-Accel-Buffering": "no"})

    @app.post("/v1/feedback", response_model=FeedbackStored, responses=ERRORS, summary="Rate an answer")
    async def feedback(body: FeedbackRequest, request: Request) -> FeedbackStored | JSONResponse:
        """Stored locally with the time, question, kind, rating and cited passage ids: no IP, no user id."""
        if len(body.question) > settings.max_question_chars:
            return _too_long("question_too_long", responses.QUESTION_TOO_LONG, settings.max_question_chars)
        await run_in_threadpool(request.app.state.feedback.record, body.question, body.answer, body.rating)
        return FeedbackStored()

    @app.get("/v1/sources", response_model=SourcesResponse, summary="The papers and how much of each is loaded")
    async def sources(request: Request) -> SourcesResponse:
        return SourcesResponse(sources=request.app.state.assistant.coverage)

    @app.get("/healthz", response_model=Health, summary="The process is up")
    async def healthz() -> Health:
        return Health()

    @app.get("/readyz", response_model=Ready, responses={503: {"model": ErrorBody}}, summary="Model and store loaded")
    async def readyz(request: Request) -> Ready | JSONResponse:
        assistant = request.app.state.assistant
        try:
            # The store still answers (a Chroma server can go away after start-up).
            await run_in_threadpool(assistant.index.vectors.ping)
        except Exception as err:  # noqa: BLE001 - any failure means "not ready"
            log.warning("not ready: %s", err)
            return responses.error_response(503, "unavailable", responses.UNAVAILABLE, headers={"Retry-After": "10"})
        return Ready(passages=len(assistant.index.passages))

    @app.get("/widget.js", include_in_schema=False)
    async def widget() -> Response:
        return Response(
            widget_script(),
            media_type="text/javascript; charset=utf-8",
            headers={"Cross-Origin-Resource-Policy": "cross-origin", "Cache-Control": "public, max-age=300"},
        )


@cache
def widget_script() -> str:
    """The widget with the disclaimer filled in, so it shows before the first answer without a request."""
    return WIDGET.read_text(encoding="utf-8").replace('"__PAINCHAT_DISCLAIMER__"', json.dumps(DISCLAIMER))


def _too_long(code: str, template: str, limit: int) -> JSONResponse:
    return responses.error_response(422, code, template.format(limit=limit))


def _out_of_bounds(body: AskRequest, settings: Settings) -> JSONResponse | None:
    """A refusal when the question or history is longer than the limits, before any answering work."""
    if len(body.question) > settings.max_question_chars:
        return _too_long("question_too_long", responses.QUESTION_TOO_LONG, settings.max_question_chars)
    if len(body.history) > settings.max_history_items:
        return _too_long("history_too_long", responses.HISTORY_TOO_LONG, settings.max_history_items)
    return None


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        errors = list(err.errors())
        if any(e["type"] == "json_invalid" for e in errors):
            return responses.error_response(400, "malformed_json", responses.MALFORMED_JSON)
        details = responses.validation_details(errors)
        return responses.error_response(422, "invalid_request", responses.INVALID_REQUEST, details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        code, message = HTTP_ERRORS.get(err.status_code, ("http_error", str(err.detail)))
        return responses.error_response(err.status_code, code, message, headers=err.headers)

    @app.exception_handler(Exception)
    async def failure(request: Request, err: Exception):
        return _failure(err)


def _failure(err: Exception) -> JSONResponse:
    """503 for an operational error (the store or model is unavailable), else 500; the details go to the log."""
    log.error("answering failed: %s", err, exc_info=not isinstance(err, PainchatError))
    body = responses.failure_body(err)
    status, retry = (503, {"Retry-After": "10"}) if body.error == "unavailable" else (500, None)
    return responses.error_response(status, body.error, body.message, headers=retry)
