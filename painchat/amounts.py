"""Questions that ask for an amount (how often, how long, how hard, how much) or a count, and sentences that give one.

"How often should I exercise?" is answered only by a sentence that says how often. Sentences about
exercise in general are related evidence: the answer says plainly that the papers don't give the amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Numbers in words; "one" is left out: it is rarely a count ("one of the most common causes").
_NUMBER_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|"
    r"sixty|ninety|hundreds?|thousands?|millions?|dozens?"
)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|one|{_NUMBER_WORDS}|a few|several)"
# "How many experts…?" is answered by a sentence that gives a number ("21 experts"), which the small model
# ranks no higher than any other sentence on the topic.
_ASKS_FOR_A_COUNT = re.compile(r"\bhow many\b|\bnumber of\b", re.IGNORECASE)
_STATES_A_NUMBER = re.compile(rf"\b(?:\d+|{_NUMBER_WORDS})\b", re.IGNORECASE)
_TIME_UNIT = r"(?:times?|sessions?|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"

# What the question asks for, as its own words name it; the first that matches is the amount asked.
_ASKED = (
    ("how often", re.compile(
        r"\bhow (?:often|frequently)\b|\bhow many (?:times|days|sessions)\b"
        r"|\b(?:times|days|sessions) (?:a|per|each) (?:week|day|month)\b", re.IGNORECASE)),
    ("how long", re.compile(
        r"\b(?:for )?how (?:long|soon)\b|\bhow many (?:minutes|hours|weeks|months)\b", re.IGNORECASE)),
    ("how hard", re.compile(r"\bhow (?:hard|intense|intensely|vigorous|strenuous)\b|\bwhat intensity\b",
                            re.IGNORECASE)),
    ("how much", re.compile(r"\bhow much\b", re.IGNORECASE)),
)
_STATED = {
    "how often": re.compile(
        rf"\b{_NUMBER}\s+(?:\w+\s+)?{_TIME_UNIT}\b|\b(?:daily|weekly|every day)\b|\b(?:once|twice) (?:a|per|each|every)\b",
        re.IGNORECASE),
    "how long": re.compile(rf"\b{_NUMBER}\s+(?:\w+\s+)?{_TIME_UNIT}\b", re.IGNORECASE),
    "how hard": re.compile(
        r"\b(?:low|light|moderate|vigorous|high)[- ](?:to[- ](?:moderate|vigorous|high)[- ])?intensity\b"
        r"|\bheart rate\b|\bVO2|\b\d+\s?%", re.IGNORECASE),
    "how much": re.compile(rf"\b{_NUMBER}\b|\d", re.IGNORECASE),
}


@dataclass(frozen=True)
class AmountAsked:
    """What a question asks for: ``name`` ("how often", "how long", "how hard", "how much") and ``words``, the
    question's words that ask it ("minutes" in "how many minutes a day"), which name no topic of their own."""

    name: str
    words: frozenset[str]


def amount_asked(question: str) -> AmountAsked | None:
    """The amount the question asks for, or None."""
    for name, pattern in _ASKED:
        if match := pattern.search(question):
            return AmountAsked(name, frozenset(match.group(0).lower().split()))
    return None


def states_amount(sentence: str, asked: str) -> bool:
    """The sentence gives an amount of the kind asked ("three times a week", "30 minutes", "moderate intensity")."""
    return bool(_STATED[asked].search(sentence))


def asks_for_a_count(question: str) -> bool:
    """"How many experts…?" asks for a count; "how many times a week…?" asks how often, which a count does not answer."""
    asked = amount_asked(question)
    return bool(_ASKS_FOR_A_COUNT.search(question)) and (asked is None or asked.name == "how much")


def states_a_number(sentence: str) -> bool:
    return bool(_STATES_A_NUMBER.search(sentence))
