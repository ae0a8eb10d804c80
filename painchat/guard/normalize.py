"""Canonical form of a question for pattern matching, and typo correction of key words."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

# Removed rather than spaced, so "can't" and "cant" read the same.
APOSTROPHES = "'’‘`´ʼ"
# Invisible format characters (zero-width space, soft hyphen, BOM, bidi marks): a
# word split by one must still match ("che\u200bst" is "chest").
INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
COMBINING_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Symbols that carry meaning once punctuation is gone ("2+2", "back & legs").
SYMBOL_WORDS = {"&": " and ", "+": " plus ", "=": " equals ", "×": " times ", "÷": " divided by "}
# Letters that no accent-stripping splits: "cœur" reads "coeur".
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}
NON_WORD = re.compile(r"[^a-z0-9]+")
# "soooo", "painnnn": three or more of a letter is emphasis, never spelling.
STRETCHED_LETTER = re.compile(r"([a-z])\1{2,}")

# Difflib settings: short words have too many real neighbours to guess safely,
# so they are only corrected through the explicit misspelling tables.
MIN_FUZZY_LENGTH = 5
FUZZY_CUTOFF = 0.85
MAX_LENGTH_DIFFERENCE = 2


def normalize(text: str) -> str:
    """Lower-case ASCII words separated by single spaces; accents and punctuation removed."""
    text = INVISIBLE.sub("", text)
    text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text))
    text = text.translate(_SYMBOL_TABLE).casefold()
    text = NON_WORD.sub(" ", text)
    return STRETCHED_LETTER.sub(r"\1", text).strip()


_SYMBOL_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES, ""), **SYMBOL_WORDS, **LIGATURES})


class Vocabulary:
    """Corrects misspelt key words of one topic, word by word, in normalised text.

    ``misspellings`` fixes known slips exactly (a slip may stand for a phrase:
    "wanna" → "want to"); other words of at least ``MIN_FUZZY_LENGTH`` letters
    are matched to the closest key word by difflib. ``protected`` lists real
    words that look like key words ("injection" vs "infection", "meditation" vs
    "medication") and must stay as typed. A word no key word is close to may still be one with "y" and "i"
    swapped ("amitryptiline"). ``slips`` fixes a phone's autocorrect, which swaps in a real word that is wrong only
    beside another ("chess pain", "past out"), phrase by phrase before the words.
    """

    def __init__(
        self, key_words: Iterable[str], misspellings: Mapping[str, str], protected: Iterable[str],
        slips: Mapping[str, str] | None = None,
    ) -> None:
        self.key_words = frozenset(key_words)
        self.misspellings = dict(misspellings)
        self.slips = dict(slips or {})
        self._slip = re.compile(r"\b(?:" + "|".join(map(re.escape, self.slips)) + r")\b") if self.slips else None
        self.protected = frozenset(protected)
        self._by_first_letter: dict[str, list[str]] = defaultdict(list)
        for word in sorted(self.key_words):
            self._by_first_letter[word[0]].append(word)
        # "y" and "i" are swapped in medicine names more than any other letters ("amitryptiline", "lirica").
        self._by_i_for_y = {word.replace("y", "i"): word for word in sorted(self.key_words, reverse=True)}
        # Per instance, so each vocabulary keeps its own bounded cache.
        self.correct_word = lru_cache(maxsize=8192)(self._correct_word)

    def correct(self, normalized: str) -> str:
        """``normalized`` with each slip and each word replaced by its correction."""
        if self._slip:
            normalized = self._slip.sub(lambda slip: self.slips[slip.group(0)], normalized)
        return " ".join(self.correct_word(word) for word in normalized.split())

    def _correct_word(self, word: str) -> str:
        if word in self.misspellings:
            return self.misspellings[word]
        known = word in self.key_words or word in self.protected
        if known or len(word) < MIN_FUZZY_LENGTH or not word.isalpha():
            return word
        # Typos rarely change the first letter; keeping it makes the search cheap and safe.
        candidates = [
            key
            for key in self._by_first_letter.get(word[0], ())
            if abs(len(key) - len(word)) <= MAX_LENGTH_DIFFERENCE
        ]
        closest = difflib.get_close_matches(word, candidates, n=1, cutoff=FUZZY_CUTOFF)
        return closest[0] if closest else self._by_i_for_y.get(word.replace("y", "i"), word)
