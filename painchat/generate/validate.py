"""Checks one generated sentence against the sources it cites; a sentence that fails is never shown.

Order matters only for the reason recorded: safety first, then citations, then the qualifiers that
must carry over from the source (numbers, hedges, animal-study scope, negation), then support.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from painchat import guard
from painchat.embedding import Embedder
from painchat.text import content_tokens, tokens

CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
# "The sources do not say how often." needs no citation: it claims nothing from them.
NOT_COVERED = re.compile(
    r"^(?:but |however,? )?(?:the |these )?(?:sources|papers|studies|articles) (?:do not|don't|does not|doesn't)"
    r" (?:say|cover|mention|address|describe|discuss|tell|report|answer|give|state)\b",
    re.IGNORECASE,
)
HEDGES = frozenset(
    "may might could possibly possible potentially potential perhaps likely unlikely suggest suggests "
    "suggested suggesting appear appears seem seems unclear uncertain emerging preliminary".split()
)
ANIMAL_STUDY = frozenset("rat rats mice mouse rodent rodents animal animals preclinical vitro".split())
NEGATIONS = frozenset("not no never none neither nor without cannot lack lacks lacking fail fails failed".split())
OVERSTATEMENTS = frozenset(
    "proven prove proves cure cures cured guarantee guaranteed definitely certainly always".split()
)
# "one" is left out: "one way", "no one" are not counts.
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split(),
        start=2,
    )
}
# Guard verdicts that make a generated sentence unsafe to show; "offtopic" is about questions, not claims.
UNSAFE_VERDICTS = {
    "emergency": "unsafe: emergency wording",
    "scope:medication": "unsafe: medication advice",
    "scope:diagnosis": "unsafe: diagnosis",
    "scope:injection": "unsafe: instruction",
}
PERSONAL_DIRECTIVE = re.compile(
    r"\byou (?:should|must|need to|have to|ought to)\b|\b(?:stop|start|quit) (?:taking|using)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Grounding:
    """The numbered sources of one answer, embedded and tokenised once."""

    texts: Mapping[int, str]
    vectors: Mapping[int, np.ndarray]


def cited_numbers(sentence: str) -> list[int]:
    """Every [n] (and [n, m]) in the sentence, in order."""
    return [int(n) for group in CITATION.findall(sentence) for n in group.split(",")]


def without_citations(sentence: str) -> str:
    """The sentence's words, citation markers removed."""
    return re.sub(r"\s+([.!?,;:])", r"\1", CITATION.sub("", sentence)).strip()


def says_not_covered(sentence: str) -> bool:
    return bool(NOT_COVERED.match(without_citations(sentence)))


class SentenceValidator:
    """Thresholds in ``__init__``; ``check`` returns None for a sentence that may be shown, else why not."""

    def __init__(self, embedder: Embedder, min_similarity: float, min_overlap: float) -> None:
        self.embedder = embedder
        self.min_similarity = min_similarity
        self.min_overlap = min_overlap

    def ground(self, sources: Mapping[int, str]) -> Grounding:
        numbers = sorted(sources)
        vectors = self.embedder.encode([sources[n] for n in numbers]) if numbers else np.empty((0, 0), np.float32)
        return Grounding(texts=dict(sources), vectors=dict(zip(numbers, vectors)))

    def check(self, sentence: str, grounding: Grounding) -> str | None:
        claim = without_citations(sentence)
        unsafe = unsafe_reason(claim)
        if unsafe:
            return unsafe
        cited = cited_numbers(sentence)
        if not cited:
            return None if says_not_covered(sentence) else "no citation"
        unknown = sorted({n for n in cited if n not in grounding.texts})
        if unknown:
            return "cites a source that was not given: " + ", ".join(f"[{n}]" for n in unknown)
        changed = carry_over_problem(claim, " ".join(grounding.texts[n] for n in dict.fromkeys(cited)))
        if changed:
            return changed
        similarity, overlap = self.support(claim, cited, grounding)
        if similarity < self.min_similarity or overlap < self.min_overlap:
            return f"not supported by its source (similarity {similarity:.2f}, word overlap {overlap:.2f})"
        return None

    def support(self, claim: str, cited: list[int], grounding: Grounding) -> tuple[float, float]:
        """Best cosine similarity to a cited source, and the share of the claim's content words they hold."""
        vector = self.embedder.encode([claim])[0]
        similarity = max(float(vector @ grounding.vectors[n]) for n in cited)
        return similarity, word_overlap(claim, " ".join(grounding.texts[n] for n in cited))

    def scores(self, sentence: str, grounding: Grounding) -> tuple[float, float] | None:
        """Similarity and overlap of a sentence that cites only given sources (for calibration)."""
        cited = cited_numbers(sentence)
        if not cited or any(n not in grounding.texts for n in cited):
            return None
        return self.support(without_citations(sentence), cited, grounding)


def unsafe_reason(claim: str) -> str | None:
    verdict = guard.screen(claim, max_chars=10_000)
    for prefix, reason in UNSAFE_VERDICTS.items():
        if verdict and verdict.reason.startswith(prefix):
            return reason
    if PERSONAL_DIRECTIVE.search(claim):
        return "unsafe: personal advice"
    if guard.strip_instructions(claim).strip() != claim.strip():
        return "unsafe: instruction"
    return None


def word_overlap(claim: str, source: str) -> float:
    words = content_tokens(claim)
    if not words:
        return 0.0
    known = set(content_tokens(source))
    return sum(w in known for w in words) / len(words)


def carry_over_problem(claim: str, source: str) -> str | None:
    """Numbers, hedges, animal-study scope and negation must say what the source says."""
    said, given = _words(claim), _words(source)
    new_numbers = sorted({w for w in said if w.isdigit()} - {w for w in given if w.isdigit()})
    if new_numbers:
        return f"number not in its source: {', '.join(new_numbers)}"
    if given & HEDGES and not said & HEDGES:
        return f"hedge dropped (source says {_quoted(given & HEDGES)})"
    if given & ANIMAL_STUDY and not said & ANIMAL_STUDY:
        return f"animal-study scope dropped (source says {_quoted(given & ANIMAL_STUDY)})"
    if bool(given & NEGATIONS) != bool(said & NEGATIONS):
        return "negation dropped" if given & NEGATIONS else "negation added"
    if said & OVERSTATEMENTS - given:
        return f"overstated ({_quoted(said & OVERSTATEMENTS - given)})"
    return None


def _words(text: str) -> set[str]:
    words = tokens(text.replace("n't", " not"))
    return {NUMBER_WORDS.get(w, w) for w in words}


def _quoted(words: set[str]) -> str:
    return ", ".join(f"“{w}”" for w in sorted(words))
