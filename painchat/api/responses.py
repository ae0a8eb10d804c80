"""Error responses: one JSON shape (``ErrorBody``) with the disclaimer, never a traceback or an internal detail."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse

from painchat.api.schemas import ErrorBody, ErrorDetail
from painchat.errors import PainchatError

BODY_TOO_LARGE = "The request body is larger than {limit} bytes."
BAD_LENGTH = "The Content-Length header is not a number."
MALFORMED_JSON = "The request body is not valid JSON (UTF-8)."
INVALID_REQUEST = "The request body is not valid: see details."
QUESTION_TOO_LONG = "The question is longer than {limit} characters."
HISTORY_TOO_LONG = "The history has more than {limit} turns."
RATE_LIMITED = "Too many requests from this client; try again in {seconds} s."
ORIGIN_DENIED = "This website is not allowed to use the assistant (origin not in the server's allowlist)."
UNAUTHORIZED = "A valid API key is required: send `Authorization: Bearer <key>`."
NOT_FOUND = "There is nothing at this address."
METHOD_NOT_ALLOWED = "This address does not accept that method."
UNAVAILABLE = "The assistant cannot answer right now; please try again later."
INTERNAL = "Something went wrong while answering; please try again later."
STARTING = "The assistant is still loading."


def error_response(
    status: int, code: str, message: str, details=(), headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(error=code, message=message, details=tuple(details))
    return JSONResponse(body.model_dump(mode="json"), status_code=status, headers=headers)


def failure_body(err: Exception) -> ErrorBody:
    """What a client learns about a failure while answering: the kind of failure, not its internals."""
    if isinstance(err, PainchatError):
        return ErrorBody(error="unavailable", message=UNAVAILABLE)
    return ErrorBody(error="internal", message=INTERNAL)


def validation_details(errors: list[dict]) -> list[ErrorDetail]:
    """Pydantic's errors without the rejected input (it is the client's own data, and can be large)."""
    return [
        ErrorDetail(field=".".join(str(part) for part in e["loc"] if part != "body") or "body", problem=e["msg"])
        for e in errors
    ]
