"""The safety guard: decides, before any retrieval, whether a question may be answered.

``screen`` returns None when the question may be answered from the papers, or a
``Verdict`` (emergency, out of scope, invalid) whose message is shown instead.
Emergencies are checked first, on any non-empty text, because safety comes
before validation and scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from painchat.guard.emergency import detect_emergency
from painchat.guard.injection import strip_instructions
from painchat.guard.scope import out_of_scope_reason
from painchat.guard.texts import INVALID, OUT_OF_SCOPE, emergency_message
from painchat.guard.validation import find_problem
from painchat.models import Kind

__all__ = ["Verdict", "screen", "strip_instructions"]


@dataclass(frozen=True)
class Verdict:
    """Why a question is not answered from the papers, and what to tell the user instead."""

    kind: Kind  # "emergency" | "out_of_scope" | "invalid"
    message: str  # Markdown shown to the user (no dose, no diagnosis)
    reason: str  # machine-readable, e.g. "emergency:cardiac", "scope:medication", "invalid:too_long"


def screen(question: str, max_chars: int) -> Verdict | None:
    """None means: go on and answer from the papers."""
    if question:
        categories = detect_emergency(question)
        if categories:
            return Verdict("emergency", emergency_message(categories), "emergency:" + "+".join(categories))
    problem = find_problem(question, max_chars)
    if problem:
        message = INVALID[problem].format(length=len(question), max_chars=max_chars)
        return Verdict("invalid", message, f"invalid:{problem}")
    topic = out_of_scope_reason(question)
    if topic:
        return Verdict("out_of_scope", OUT_OF_SCOPE[topic], f"scope:{topic}")
    return None
