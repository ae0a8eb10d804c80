"""Resolves a question that leans on the conversation ("and how often?") into a standalone query."""

from __future__ import annotations

import re
from collections.abc import Sequence

from painchat.lay import load_lexicon
from painchat.models import Turn
from painchat.settings import default
from painchat.text import STOPWORDS, content_tokens, tokens

_LEANING_START = re.compile(
    r"^\W*((ok(ay)?|right|thanks|thank you|cool|great|sure|yeah|yes|hmm+)\b\W*)*"  # "ok but...", "thanks. and..."
    r"(and|but|also|so|or|then|what about|how about|what of|same for|is that|is it|does it|do they|are they)\b",
    re.IGNORECASE,
)
# "How often?" or "why?" with no topic of its own asks about the topic already on the table.
_BARE_QUESTION = re.compile(r"^\s*(why|how (often|long|much|many|soon|far|hard|fast))\b", re.IGNORECASE)
_POINTING_WORD = re.compile(r"\b(it|its|that|this|they|them|their|those|these|there|such|one)\b", re.IGNORECASE)


def is_follow_up(
    question: str,
    max_words: int = default("follow_up_max_words"),
    bare_words: int = default("follow_up_bare_words"),
) -> bool:
    """Short, and starts like a continuation, points back at something already said or names no topic.

    Shortness alone is not enough: "What is allodynia?" after another topic stands on its own.
    ``max_words``: content words; a question this short rarely stands alone. ``bare_words``: "how many
    times a week?" (a how-question this short) has no topic of its own.
    """
    words = [w for w in content_tokens(question) if len(w) > 1]  # not the "s" of "she's"
    if len(words) > max_words:
        return False
    bare = len(words) <= bare_words and _BARE_QUESTION.match(question)
    return bool(_LEANING_START.match(question) or _POINTING_WORD.search(question) or bare or not _topic_words(question))


def _topic_words(question: str) -> list[str]:
    """Words that could name a topic: "ok but how many times a week" has none ("times", "week" are generic)."""
    generic = load_lexicon().generic
    return [w for w in tokens(question) if w not in STOPWORDS and w not in generic and w.isalpha()]


def resolve(
    question: str,
    history: Sequence[Turn],
    max_words: int = default("follow_up_max_words"),
    bare_words: int = default("follow_up_bare_words"),
) -> str:
    """The question, prefixed with the topic-setting user question when it leans on one (see ``is_follow_up``)."""
    if not is_follow_up(question, max_words, bare_words):
        return question
    earlier = [t.content for t in history if t.role == "user"]
    # Walk back past earlier follow-ups to the question that set the topic.
    context: list[str] = []
    for previous in reversed(earlier):
        context.insert(0, previous)
        if not is_follow_up(previous, max_words, bare_words):
            break
    return " ".join(context + [question]) if context else question
