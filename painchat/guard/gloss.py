"""Rough English for a message in another language, word by word, so that the semantic layer can judge it.

The embedding model reads English only. A word-for-word gloss ("me duele el pecho y no puedo respirar" →
"me hurts the chest and not can breathe") carries enough meaning for the emergency examples it resembles;
the other languages' rules stay the first signal. The dictionaries (``gloss/<language>.tsv``,
``word<TAB>english``, keys normalised as the rules read them) were written from general knowledge of each
language, not from any evaluation set. Clauses the message's own language marks as long past are left out
and denied symptoms removed first, as for the rules. An unknown word stays as written: matching it to a
listed word by its stem was tried and caught fewer emergencies on the tuning halves.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from painchat.guard.foreign import present_clauses
from painchat.guard.normalize import normalize

GLOSS_DIR = Path(__file__).parent / "gloss"
# Figures of speech said plainly before the gloss, as the English layer reads "this pain is killing me": a pain that
# "is killing" the writer, or dying "of wanting" to run again, is no threat to life. Matched on normalised clauses.
FIGURES_OF_SPEECH: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    language: tuple((re.compile(pattern), meant) for pattern, meant in figures) for language, figures in {
        "es": ((r"\bme (?:esta|estan|va a) matando\b|\bme matan?\b", "hurts badly"),
               (r"\b(?:me )?(?:muero|muriendo|morir) de ganas\b", "eager")),
        "fr": ((r"\b(?:me tuen?t?|(?:va|vont) me tuer)\b", "hurts badly"),
               (r"\b(?:meurs|meurt|mourir|meure) d envie\b", "eager")),
        "de": ((r"\b(?:bringt|bringen) mich (?:noch )?um\b", "hurts badly"),
               (r"\b(?:sterbe|sterben) vor (?:lust|sehnsucht|ungeduld)\b", "eager")),
        "it": ((r"\bmi (?:sta|stanno) (?:uccidendo|ammazzando)\b|\bmi (?:uccide|ammazza)\b", "hurts badly"),
               (r"\b(?:muoio|morendo|morire) dalla voglia\b", "eager")),
        "pt": ((r"\b(?:esta|ta|estao) me matando\b|\bme matam?\b", "hurts badly"),
               (r"\b(?:morrendo|morro|morrer) de vontade\b", "eager")),
    }.items()
}
# Romance and German word order puts "ago" first ("hace 5 años", "vor 5 Jahren"): English says "5 years ago".
AGO_FIRST = re.compile(r"\bago ((?:\w+ )?(?:years?|months?|weeks?|days?|hours?|minutes?))\b")


def has_gloss(language: str) -> bool:
    return bool(dictionary(language))


@lru_cache(maxsize=16)
def gloss(text: str, language: str) -> str:
    """The message's present clauses in rough English, one sentence each (kept: the rules, then the semantic layer
    read the same gloss)."""
    table = dictionary(language)
    sentences = (" ".join(word for word in (table.get(token, token) for token in clause.split()) if word)
                 for clause in (_said_plainly(clause, language) for clause in present_clauses(text, language)))
    return ". ".join(AGO_FIRST.sub(r"\1 ago", sentence) for sentence in sentences if sentence)


def _said_plainly(clause: str, language: str) -> str:
    for pattern, meant in FIGURES_OF_SPEECH.get(language, ()):
        clause = pattern.sub(meant, clause)
    return clause


@cache
def dictionary(language: str) -> dict[str, str]:
    """word → English for ``language``; empty if there is no gloss for it."""
    path = GLOSS_DIR / f"{language}.tsv"
    if not path.is_file():
        return {}
    pairs = (line.split("\t", 1) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    # Keys read as the rules read words: "fitnessstudio" loses its third s like any stretched letter.
    return {normalize(word): english.strip() for word, english in pairs}
