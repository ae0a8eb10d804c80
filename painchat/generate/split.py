"""Cuts a model's growing output into whole sentences, each with the citations that close it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from painchat.text import sentence_spans

# "helps. [1]" → "helps [1]." so the citation stays with its sentence.
_CITATION_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+", re.MULTILINE)


def tidy(text: str) -> str:
    """One line of prose: list markers removed, citations moved before the full stop."""
    lines = _BULLET.sub("", text.replace("**", "")).split("\n")
    # A finished line (one a newline follows) is a finished sentence, punctuated or not.
    ended = [line.strip() + ("" if line.strip().endswith((".", "!", "?", ":")) else ".") for line in lines[:-1]]
    text = " ".join(line for line in [*ended, lines[-1].strip()] if line.strip(" ."))
    return _CITATION_AFTER_STOP.sub(lambda m: m.group(2).rstrip() + m.group(1), text)


def sentences(pieces: Iterable[str]) -> Iterator[str]:
    """Whole sentences as soon as the text after them shows they ended; the rest when the pieces end."""
    buffer, done = "", 0
    for piece in pieces:
        buffer += piece
        complete = _complete_spans(tidy(buffer))
        for start, end in complete[done:]:
            yield tidy(buffer)[start:end]
        done = len(complete)
    spans = sentence_spans(tidy(buffer))
    for start, end in spans[done:]:
        yield tidy(buffer)[start:end]


def _complete_spans(text: str) -> list[tuple[int, int]]:
    spans = sentence_spans(text)
    # The last span may still grow; one opening with "[" may be a citation of the span before it.
    held = 2 if len(spans) > 1 and text[spans[-1][0]] == "[" else 1
    return spans[: max(len(spans) - held, 0)]
