"""Sentence boundaries and word tokens, shared by chunking, BM25 and answer composition."""

from __future__ import annotations

import re
from functools import lru_cache

# A full stop after these does not end a sentence.
_ABBREVIATIONS = {
    "e.g", "i.e", "al", "fig", "figs", "vs", "cf", "approx", "dr", "prof", "no", "ref",
    "refs", "eq", "etc", "mr", "mrs", "ms", "st", "vol", "ca", "resp", "incl", "min", "max",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_TOKEN = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers him his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your yours tell say says
    paper papers study studies please know et al""".split()
)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, shifted by ``offset``; white space trimmed."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + 1
        if _is_abbreviation(text[start:end]):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    return [_trim(text, s, e, offset) for s, e in spans if text[s:e].strip()]


def _is_abbreviation(sentence: str) -> bool:
    word = _WORD_BEFORE.search(sentence[:-1])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    # Single letters are initials ("Y.-H. Zhang"); the list covers the usual Latin and unit forms.
    return len(token) == 1 or token in _ABBREVIATIONS


def _trim(text: str, start: int, end: int, offset: int) -> tuple[int, int]:
    segment = text[start:end]
    start += len(segment) - len(segment.lstrip())
    end -= len(segment) - len(segment.rstrip())
    return start + offset, end + offset


def tokens(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _TOKEN.findall(text.lower())


def content_tokens(text: str) -> list[str]:
    """Word tokens without stop words, lightly stemmed so 'exercises' meets 'exercise'."""
    return [stem for stem in map(_content_form, tokens(text)) if stem]


@lru_cache(maxsize=1 << 18)  # a corpus has far fewer distinct words; loading a large one tokenises millions
def _content_form(token: str) -> str:
    """The token's stem, or '' for a stop word."""
    return "" if token in STOPWORDS else _stem(token)


def _stem(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


# "neuropathic pain (NP)", "randomized controlled trials (RCTs)": a long form, then its initials.
_DEFINED_ABBREVIATION = re.compile(r"((?:[A-Za-z][\w-]* ){1,8})\(([A-Z]{2,8})s?\)")


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines, lower case → their long form, read off the initials before them."""
    found = {}
    for match in _DEFINED_ABBREVIATION.finditer(text):
        short = match.group(2)
        words = match.group(1).split()[-len(short) :]
        if len(words) == len(short) and all(w[0].lower() == c.lower() for w, c in zip(words, short)):
            found[short.lower()] = " ".join(words).lower()
    return found


def spelled_out(text: str, defined: dict[str, str]) -> str:
    """``text`` with each defined abbreviation it uses written out ("NP" → "neuropathic pain (NP)")."""

    def long_form(match: re.Match) -> str:
        meaning = defined[match.group(1).lower()]
        return match.group(0) if meaning in text.lower() else f"{meaning} ({match.group(0)})"

    if not defined:
        return text
    pattern = r"\b(" + "|".join(re.escape(short.upper()) for short in defined) + r")s?\b"
    return re.sub(pattern, long_form, text)
