"""Which language a message is written in: English unless another is clearly meant.

lingua (its models ship in the wheel; nothing is downloaded) compares a few
languages only, which keeps it fast and its memory bounded. Short or misspelt
English ("i wanna die", "cant breath") often scores as something else, so a
message counts as foreign only when it is long enough, the detector is
confident, and it holds few common English words. Refusing an English question
as foreign would be worse than answering a foreign one in English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from painchat.guard.drugs import DRUG_ALTERNATIVES
from painchat.guard.normalize import normalize

# ISO 639-1 codes of the languages the guard answers in, besides English.
FOREIGN = ("es", "fr", "de", "it", "pt")
MIN_WORDS = 3
MIN_CONFIDENCE = 0.4
# ...and English must look unlikely, not merely second.
MAX_ENGLISH_CONFIDENCE = 0.15
# Above this share of common English words a message is English, whatever the detector says.
MAX_ENGLISH_SHARE = 0.25
# Frequent English words that are not also frequent words of the foreign languages ("a", "no", "me", "die", "was", "also" are).
ENGLISH_WORDS = frozenset(
    "i im ive id my myself you your his she her it its we our they their them the this that these those "
    "is are were be been being am have has had does did dont doesnt didnt cant cannot wont can could "
    "should would just and or but if of to for with from at by about into before when what which who why "
    "how where there here some any more most very really too not only than then get got feel feeling felt "
    "walk walking exercise help hurts hurt legs feet foot chest back today now again since ago while".split()
)
# Frequent words of each language that English text does not use. Two of them in a message with no common
# English word make it foreign when the detector leans that way without being sure ("le yoga ca aide pour le SDRC?").
FUNCTION_WORDS = {
    "es": frozenset("el los las para con que es una del por pero muy mi tengo estoy".split()),
    "fr": frozenset("le les pour avec est une du je que ca pas mon ma mes et des".split()),
    "de": frozenset("ich und der das mit nicht ist mein meine fur bei auch".split()),
    "it": frozenset("il per con che della sono una non molto mio mia ho gli".split()),
    "pt": frozenset("os para com que uma nao meu minha muito tenho estou".split()),
}
MIN_FUNCTION_WORDS = 2
# A message this long without one common English word is foreign when the detector puts its language this many
# times ahead of English ("mio marito ha la sciatica da mesi, quali stretching puo fare?": 0.71 against 0.21).
MIN_WORDS_WITHOUT_ENGLISH = 5
MIN_LEAD_OVER_ENGLISH = 2.0
WORD = re.compile(r"[a-z]+")
# A medicine's name belongs to no language: counted, it made "is naproxen a steroid" too little English.
MEDICINE_NAME = re.compile(r"\b(?:" + DRUG_ALTERNATIVES + r")\b")


def detect_language(text: str) -> str:
    """"en", or the ISO code of one of ``FOREIGN`` when the text is clearly written in it."""
    words = WORD.findall(MEDICINE_NAME.sub(" ", normalize(text)))
    if len(words) < MIN_WORDS:
        return "en"
    english = _english_share(words)
    if english > MAX_ENGLISH_SHARE:
        return "en"
    scores = {
        value.language.iso_code_639_1.name.lower(): value.value
        for value in _detector().compute_language_confidence_values(text)
    }
    code = max(scores, key=scores.__getitem__)
    if code not in FOREIGN:
        return "en"
    confident = scores[code] >= MIN_CONFIDENCE and scores.get("en", 0) <= MAX_ENGLISH_CONFIDENCE
    return code if confident or (english == 0 and _leans_foreign(code, words, scores)) else "en"


def looks_english(text: str) -> bool:
    """True when the text holds enough common English words to be read as English, however short."""
    words = WORD.findall(normalize(text))
    return bool(words) and _english_share(words) > MAX_ENGLISH_SHARE


def _leans_foreign(code: str, words: list[str], scores: dict[str, float]) -> bool:
    """A message with no common English word, in the detector's leading language by its own words or by length and lead."""
    long_and_ahead = len(words) >= MIN_WORDS_WITHOUT_ENGLISH and scores[code] >= MIN_LEAD_OVER_ENGLISH * scores.get("en", 0)
    return long_and_ahead or _written_in(code, words)


def _written_in(code: str, words: list[str]) -> bool:
    """Enough of the language's own frequent words."""
    return sum(word in FUNCTION_WORDS[code] for word in words) >= MIN_FUNCTION_WORDS


def _english_share(words: list[str]) -> float:
    return sum(word in ENGLISH_WORDS for word in words) / len(words)


@lru_cache(maxsize=1)
def _detector():
    """Built once per process (a few hundred ms; its models load on first use)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    codes = ("en", *FOREIGN)
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()
