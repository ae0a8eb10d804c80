"""The safety guard: decides, before any retrieval, whether a question may be answered.

``screen`` returns None when the question may be answered from the papers, or a
``Verdict`` (emergency, out of scope, invalid) whose message is shown instead.
The order is the precedence: any emergency signal wins over everything else,
so red flags (English rules, then the other languages' rules, then the English
rules on a word-by-word English gloss) are checked on
any non-empty text first, before validation; then a message in another language
gets a reply in that language (unless the semantic layer, reading a word-by-word
English gloss of it, finds an emergency the rules missed); then the semantic
layer may still raise the alarm on what the rules missed, before medication,
diagnosis and off-topic handling.
"""

from __future__ import annotations

from dataclasses import dataclass

from painchat.corpus_words import CorpusWords
from painchat.guard.emergency import detect_emergency
from painchat.guard.foreign import RULES, detect_foreign_emergency, eased_by_rest
from painchat.guard.gloss import gloss, has_gloss
from painchat.guard.injection import strip_instructions
from painchat.guard.language import detect_language, looks_english
from painchat.guard.scope import about_an_unloaded_medicine, medicine_in_passing, out_of_scope_reason
from painchat.guard.semantic import SemanticAlarm
from painchat.guard.texts import (
    CRISIS_CATEGORIES,
    INVALID,
    MEDICINE_NOTE,
    OUT_OF_SCOPE,
    Contacts,
    crisis_note,
    emergency_message,
    for_example,
)
from painchat.guard.translations import foreign_emergency_message, only_english_message
from painchat.guard.validation import find_problem
from painchat.models import Kind

__all__ = ["MEDICINE_NOTE", "Contacts", "SemanticAlarm", "Verdict", "about_an_unloaded_medicine", "crisis_note",
           "medicine_in_passing", "screen", "strip_instructions"]


# Categories that the effort of a workout can look like.
EXERTION = frozenset({"breathing", "cardiac", "palpitations", "fainting"})


@dataclass(frozen=True)
class Verdict:
    """Why a question is not answered from the papers, and what to tell the user instead."""

    kind: Kind  # "emergency" | "out_of_scope" | "invalid"
    message: str  # Markdown shown to the user (no dose, no diagnosis)
    reason: str  # machine-readable, e.g. "emergency:cardiac", "scope:medication", "invalid:too_long"
    layer: str = "rules"  # which layer decided: "rules" or "semantic"
    language: str = "en"  # language of the message shown (ISO 639-1)


def screen(
    question: str,
    max_chars: int,
    contacts: Contacts = Contacts(),
    semantic: SemanticAlarm | None = None,
    corpus: CorpusWords = CorpusWords(),
) -> Verdict | None:
    """None means: go on and answer from the papers (``corpus``: their count and authors, for the texts and scope)."""
    language = detect_language(question) if question else "en"
    if question and (verdict := _red_flags(question, language, contacts)):
        return verdict
    problem = find_problem(question, max_chars)
    if problem:
        message = INVALID[problem].format(length=len(question), max_chars=max_chars)
        return Verdict("invalid", message, f"invalid:{problem}")
    if language != "en":
        if semantic and (categories := _glossed_emergency(question, language, semantic)):
            message = foreign_emergency_message(language, categories, contacts)
            return Verdict("emergency", message, "emergency:" + "+".join(categories), layer="semantic",
                           language=language)
        message = only_english_message(language, contacts)
        return Verdict("out_of_scope", message, "scope:language", language=language)
    if semantic and (categories := _eased_exertion_left_out(semantic.categories(strip_instructions(question) or question),
                                                             question, "en")):
        message = emergency_message(categories, contacts)
        return Verdict("emergency", message, "emergency:" + "+".join(categories), layer="semantic")
    topic = out_of_scope_reason(question, corpus.author_words)
    if topic:
        message = OUT_OF_SCOPE[topic].format(papers=corpus.papers, for_example=for_example(corpus.examples))
        return Verdict("out_of_scope", message, f"scope:{topic}")
    return None


def _glossed_emergency(question: str, language: str, semantic: SemanticAlarm) -> tuple[str, ...]:
    """The emergency categories the semantic layer reads in an English gloss of a message in another language.

    Breathlessness or a pounding heart that the message says passes on rest is the effort of exercise here too.
    """
    if not has_gloss(language):
        return ()
    return _eased_exertion_left_out(semantic.categories(gloss(question, language), by_neighbours=False), question, language)


def _glossed_red_flags(question: str, language: str) -> tuple[str, ...]:
    """The English rules' crisis red flags (suicide, overdose) in a word-by-word English gloss: a language's own rules
    cannot list every way of asking ("quelle quantité de prégabaline faut-il pour mourir" glosses "which quantite of
    pregabalin need he for die"). Bodily ones are left to the language's own rules and the semantic layer: a gloss of
    effort that passes ("ho il fiatone ma passa subito") or of a meter reading in g/L ("glycémie à 1,05") read as an
    emergency on the tuning halves, and no crisis did."""
    if not has_gloss(language):
        return ()
    return tuple(c for c in detect_emergency(gloss(question, language)) if c in CRISIS_CATEGORIES)


def _eased_exertion_left_out(categories: tuple[str, ...], question: str, language: str) -> tuple[str, ...]:
    """No categories when the effort of exercise is among them and the message says it passed on rest or in minutes.

    Among them, not only nearest: a word-by-word gloss ("throbs my heart") can sit about as near other categories'
    examples, and the ones about as near came along with it.
    """
    return () if EXERTION.intersection(categories) and eased_by_rest(question, language) else categories


def _red_flags(question: str, language: str, contacts: Contacts) -> Verdict | None:
    """An emergency found by the rules, in English or in another language, told in the message's language.

    A red flag of the English rules in a message in another language ("convulsioni" reads as "convulsions"), or in
    its word-by-word English gloss, is told in that language, with the categories the other language's rules found if
    they found any.
    """
    english, reads_english = detect_emergency(question), looks_english(question)
    if english and (language == "en" or reads_english):
        return Verdict("emergency", emergency_message(english, contacts), "emergency:" + "+".join(english))
    if reads_english:
        return None
    found_in, categories = detect_foreign_emergency(question, language) or (language, english or _glossed_red_flags(
        question, language))
    if not categories:
        return None
    # The rule lists share words ("me corto" is Spanish and Portuguese): the detected language, when it is one
    # of theirs, is the reader's.
    told_in = language if language in RULES else found_in
    message = foreign_emergency_message(told_in, categories, contacts)
    return Verdict("emergency", message, "emergency:" + "+".join(categories), language=told_in)
