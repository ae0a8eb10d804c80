"""Request and response bodies of the HTTP API; the answer itself is ``painchat.models.Answer``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from painchat.feedback import Rating
from painchat.messages import DISCLAIMER
from painchat.models import Answer, SourceCoverage, Turn


class AskRequest(BaseModel):
    """One question and the conversation so far (for follow-ups such as "and how often?")."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The question, as the person typed it.", examples=["Does exercise help nerve pain?"])
    history: list[Turn] = Field(
        default_factory=list, description="Earlier turns, oldest first; the answer text goes in assistant turns."
    )


class FeedbackRequest(BaseModel):
    """A thumbs up or down for one answer, sent back as it was received."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The question that was answered.")
    answer: Answer = Field(description="The answer being rated, as /v1/ask or the stream's answer event gave it.")
    rating: Rating


class FeedbackStored(BaseModel):
    stored: Literal[True] = True


class SourcesResponse(BaseModel):
    """The papers answers come from, how much of each is loaded, and the disclaimer every answer carries."""

    sources: tuple[SourceCoverage, ...]
    disclaimer: str = DISCLAIMER


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Ready(BaseModel):
    status: Literal["ready"] = "ready"
    passages: int = Field(description="Passages loaded from the store.")


class ErrorDetail(BaseModel):
    field: str = Field(description="Where in the body the problem is, e.g. `history.0.role`.")
    problem: str


class ErrorBody(BaseModel):
    """Every error the API sends: a stable code, a sentence for people, and the disclaimer."""

    error: str = Field(description="Stable code, e.g. `body_too_large`, `rate_limited`, `invalid_request`.")
    message: str
    details: tuple[ErrorDetail, ...] = ()
    disclaimer: str = DISCLAIMER
