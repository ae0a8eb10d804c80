"""Reads a patient's question in the papers' words: noise dropped, typos fixed, lay terms mapped.

The same normaliser as the guard (``painchat.guard.normalize``) removes emoji, formatting and
punctuation; typos are corrected against the words of the loaded papers, never into a real
English word someone typed on purpose; ``lexicon.toml`` maps lay phrases to the papers' terms.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from painchat.embedding import model_dir
from painchat.guard.normalize import Vocabulary, normalize
from painchat.guard.scope import without_medicines_phrase
from painchat.settings import Settings, default
from painchat.text import STOPWORDS, content_tokens

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")
WITHOUT_MEDICINES_READS = "exercise therapy"
# "…" in a lexicon phrase stands for up to four words ("exercise … worse" reads "can exercise make my nerve pain worse").
GAP = " … "
GAP_WORDS = r"(?: \w+){0,4} "
# "what is fibromyalgia exactly", "whats the difference between x and y": a question asking what a term means,
# whose subject is the term (a few words, the asking and trailing fillers left out).
_DEFINITION = re.compile(
    r"^(?:(?:so|and|ok|okay|but|hi|um|sorry) )*(?:what is|whats|what s|what are|what does|what do you mean by"
    r"|what is meant by|(?:what is|whats|what s) the difference between|difference between|define|meaning of)"
    # A term, not "the best exercise for sciatica" nor "the point of walking".
    r" (?:a |an |the )?(?P<subject>(?:(?!(?:for|with|to|on|of|in|after|before|if|when|best|good|right|point) )\w+ ){0,3}?"
    r"(?!(?:for|with|to|on|of|in|after|before|if|when)$)\w+)"
    r"(?: (?:mean|means|exactly|actually|even|please|pls|plz|again"
    r"|in (?:plain|normal|simple|everyday|lay|laymans|layman s) (?:english|terms|words|language)))*$"
)

# A follow-up that turns to a new subject: "ok what about one of those inversion tables then".
_WHAT_ABOUT = re.compile(r"\b(?:what|how) about\b")


@dataclass(frozen=True)
class Lexicon:
    """Lay phrase → the papers' words, for phrases meaning the same and for special cases."""

    same: Mapping[str, str]
    kind_of: Mapping[str, str]
    generic: frozenset[str]

    @property
    def words(self) -> set[str]:
        phrases = [*self.same, *self.same.values(), *self.kind_of, *self.kind_of.values()]
        return {word for phrase in phrases for word in phrase.split() if word != GAP.strip()}


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        same={_phrase(k): normalize(v) for k, v in data["same"].items()},
        kind_of={_phrase(k): normalize(v) for k, v in data["kind_of"].items()},
        generic=frozenset(data["generic"]["words"].split()),
    )


def _phrase(key: str) -> str:
    """A lexicon phrase normalised, its gaps kept."""
    return GAP.join(normalize(part) for part in key.split(GAP.strip()))


@dataclass(frozen=True)
class Reading:
    """A question as retrieval reads it."""

    text: str  # normalised, typos fixed, the papers' terms for its lay phrases appended
    words: tuple[str, ...]  # content words of ``text`` for word matching, generic words left out
    missing: tuple[str, ...]  # words of the question that the loaded papers never use
    # How much of the question's meaning lies in words the papers never use: 1 − cosine between
    # the reading and the reading without them. Set when embedded.
    absent_meaning: float = 0.0

    def without(self, *words: str) -> str:
        return " ".join(w for w in self.text.split() if w not in words)


def embed_reading(
    reading: Reading, encode: Callable[[list[str]], np.ndarray], min_salience: float = default("min_salience")
) -> tuple[np.ndarray, Reading]:
    """The reading's embedding, and the reading with its absent meaning and only its salient missing words.

    One batch embeds the text, the text without each word the papers never use, and (when there
    are several) the text without all of them.
    """
    missing = reading.missing
    several = [reading.without(*missing)] if len(missing) > 1 else []
    vectors = encode([reading.text, *(reading.without(word) for word in missing), *several])
    salient = tuple(w for w, v in zip(missing, vectors[1:]) if 1.0 - float(v @ vectors[0]) >= min_salience)
    absent_meaning = 1.0 - float(vectors[-1] @ vectors[0]) if missing else 0.0
    return vectors[0], replace(reading, missing=salient, absent_meaning=max(absent_meaning, 0.0))


class LayReader:
    """Turns questions into ``Reading``s against one corpus vocabulary (built once, at load)."""

    def __init__(
        self,
        corpus_words: Iterable[str],
        dictionary_words: Iterable[str],
        titles: Mapping[str, str] | None = None,
        lexicon: Lexicon | None = None,
        min_key_term: int = default("min_key_term_letters"),
        min_shared_prefix: int = default("min_shared_prefix"),
        max_suffix_letters: int = default("max_suffix_letters"),
    ):
        """``titles``: a word naming a paper (first author, year) → the paper's title.

        A word shorter than ``min_key_term`` letters is never named as missing. A word the papers use
        in another form ("diabetic" / "diabetes", "treating" / "treated") is not missing: it shares a
        prefix of ``min_shared_prefix`` letters with one of their words, and at most
        ``max_suffix_letters`` letters differ.
        """
        self.min_key_term = min_key_term
        self.min_shared_prefix = min_shared_prefix
        self.max_suffix_letters = max_suffix_letters
        self.lexicon = lexicon or load_lexicon()
        self.titles = {name: normalize(title) for name, title in (titles or {}).items()}
        title_words = {w for title in self.titles.values() for w in title.split()}
        self.corpus_words = frozenset(w for w in {*corpus_words, *self.titles, *title_words} if w.isalpha())
        self._stems = frozenset(content_tokens(" ".join(self.corpus_words)))
        self._prefixes = {w[:n] for w in self.corpus_words for n in range(min_shared_prefix, len(w) + 1)}
        self._generic_stems = frozenset(content_tokens(" ".join(self.lexicon.generic)))
        # Typos are corrected towards the papers' words and the lexicon's; a real word is kept as typed.
        self.spelling = Vocabulary(self.corpus_words | self.lexicon.words, {}, dictionary_words)
        self._phrases = [
            (re.compile(rf"\b{re.escape(phrase).replace(re.escape(GAP), GAP_WORDS)}\b"), target, same)
            for table, same in ((self.lexicon.same, True), (self.lexicon.kind_of, False))
            for phrase, target in table.items()
        ]

    def read(self, question: str) -> Reading:
        corrected = self.spelling.correct(normalize(question))
        expansions, meant = [], set()
        for pattern, target, same in self._phrases:
            match = pattern.search(corrected)
            if match:
                expansions.append(target)
                if same:
                    meant.update(match.group(0).split())
        # Help other than medicines ("anything besides pills?") is what the papers study: exercise as therapy.
        if alternative := without_medicines_phrase(corrected):
            expansions.append(WITHOUT_MEDICINES_READS)
            meant.update(alternative.split())
        # "the dobson paper" means that paper: its title says what it is about.
        named = [self.titles[w] for w in dict.fromkeys(corrected.split()) if w in self.titles]
        text = " ".join([corrected, *expansions, *named])
        words = tuple(w for w in content_tokens(text) if w not in self._generic_stems)
        missing = tuple(dict.fromkeys(w for w in corrected.split() if w not in meant and self._is_unknown_key_term(w)))
        return Reading(text=text, words=words, missing=missing)

    def moves_to_what_is_missing(self, question: str) -> bool:
        """The question asks "what about" something whose every key term the papers never use, and the lexicon reads
        none of its phrases: "and what about acupuncture alongside?" moves to a topic they do not cover."""
        corrected = self.spelling.correct(normalize(question))
        if not _WHAT_ABOUT.search(corrected) or self.read(question).text != corrected:
            return False
        terms = [word for word in corrected.split() if self._is_key_term(word)]
        return bool(terms) and not any(self.knows(word) for word in terms)

    def _is_unknown_key_term(self, word: str) -> bool:
        return self._is_key_term(word) and not self.knows(word)

    def _is_key_term(self, word: str) -> bool:
        if len(word) < self.min_key_term or not word.isalpha() or word in STOPWORDS:
            return False
        # By stem: "dads" (from "dad's") and "husbands" are asking words as much as "dad" and "husband".
        return not self._generic_stems.issuperset(content_tokens(word))

    def knows(self, word: str) -> bool:
        """The papers use this word, or another form of it."""
        if word in self.corpus_words or self._stems.intersection(content_tokens(word)):
            return True
        shortest = max(self.min_shared_prefix, len(word) - self.max_suffix_letters)
        return any(word[:n] in self._prefixes for n in range(shortest, len(word) + 1))


def defines_a_missing_term(question: str, missing: Iterable[str]) -> bool:
    """The question asks what a term means, and the term holds a word the loaded papers never use: they
    cannot say what it is ("what is fibromyalgia exactly?")."""
    match = _DEFINITION.match(normalize(question).strip())
    return match is not None and not set(match["subject"].split()).isdisjoint(missing)


def dictionary_words(tokenizer_file: Path) -> frozenset[str]:
    """Whole English words of the embedding model's vocabulary: typed on purpose, never 'corrected'."""
    vocab = json.loads(tokenizer_file.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(word for word in vocab if word.isalpha() and word.islower())


def lay_reader(index, settings: Settings) -> LayReader:
    """A reader for the papers of ``index`` (a ``painchat.index.Index``), with the missing-term settings."""
    corpus_words = index.corpus_words  # every word token of the passages, from the build's read side
    titles = {
        name: index.sources[next(iter(ids))].title for name, ids in index.source_names.items() if len(ids) == 1
    }
    return LayReader(
        corpus_words,
        dictionary_words(model_dir() / "tokenizer.json"),
        titles,
        min_key_term=settings.min_key_term_letters,
        min_shared_prefix=settings.min_shared_prefix,
        max_suffix_letters=settings.max_suffix_letters,
    )
