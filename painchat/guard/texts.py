"""Everything the guard says to the user (Markdown). No doses, no diagnoses.

Urgent-care steps always come first: someone in danger may read one line only.
The clinic's own numbers (``Contacts``, from settings) lead every emergency and
crisis message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_EMERGENCY_NUMBER = "911 in the US and Canada, 112 in Europe, 999 in the UK"
DEFAULT_CRISIS_LINE = (
    "call or text 988 (Suicide & Crisis Lifeline, US) or call Samaritans on 116 123 (UK and Ireland, "
    "free, day and night)"
)


@dataclass(frozen=True)
class Contacts:
    """Where to get help, as the deployment's settings name it."""

    emergency_number: str = DEFAULT_EMERGENCY_NUMBER
    crisis_line: str = DEFAULT_CRISIS_LINE


URGENT_CARE_STEPS = (
    "**This could be a medical emergency. Get help now.**\n\n"
    "- **Stop exercising** and sit or lie down.\n"
    "- **Call your local emergency number now**, or go to the nearest emergency department.\n"
    "- **Don't drive yourself.** Wait for the ambulance or ask someone to take you."
)

# Why the symptom matters, by emergency category; shown after the urgent-care steps.
EMERGENCY_REASONS = {
    "cardiac": (
        "Chest pain, pressure or tightness, especially during or after exertion or spreading to your "
        "arm, jaw or back, can be a sign of a heart problem. Don't wait to see if it passes."
    ),
    "breathing": (
        "Struggling to breathe, or being much more short of breath than usual during or after "
        "exertion or at rest, needs urgent medical help."
    ),
    "allergic": (
        "A swelling face, lips, tongue or throat, or hives with wheezing, breathlessness or feeling faint, soon "
        "after a sting, a food or a new medicine, can be a severe allergic reaction (anaphylaxis). If there is an "
        "adrenaline auto-injector (such as an EpiPen), use it now, and don't take any more of the medicine."
    ),
    "stroke": (
        "Sudden weakness or numbness on one side of the body, a drooping face or slurred speech can "
        "be signs of a stroke. Note the time the symptoms started: every minute counts, even if they "
        "go away."
    ),
    "headache": (
        "A sudden, severe headache, the worst you have ever had or one that peaks within seconds, "
        "needs to be checked in an emergency department straight away."
    ),
    "fainting": (
        "Fainting, passing out, blacking out or a seizure, especially during or after exercise, needs "
        "urgent medical assessment even if you feel better now. If you feel faint, lie down with your "
        "legs raised while you wait."
    ),
    "hypoglycaemia": (
        "Shaking, sweating, confusion or feeling faint with low blood sugar during or after exercise "
        "needs treating now: if you can swallow safely, take fast-acting sugar (glucose tablets, juice "
        "or a sugary drink) and stop exercising. If you are confused, drowsy or not improving within "
        "15 minutes, get emergency help; nobody should give food or drink to someone who can't swallow."
    ),
    "cauda_equina": (
        "Losing control of your bladder or bowel, or numbness around your genitals, bottom or inner "
        "thighs (the 'saddle' area), together with back pain, can mean the nerves at the base of the "
        "spine are being squeezed (cauda equina syndrome). It needs emergency treatment within hours."
    ),
    "diabetic_foot": (
        "A hot, red or swollen foot or leg, or a wound with pus, spreading redness or fever, can be a "
        "serious infection or an acute Charcot foot, especially with diabetes or neuropathy, and may "
        "not hurt much when the nerves are damaged. Keep your weight off it and get it seen today."
    ),
    "overdose": (
        "**Too much of a medicine can harm even when you feel fine now: don't wait for symptoms.** "
        "Call your emergency number or a poison centre now, whether the medicine was yours or someone "
        "else's and whether it was on purpose or by mistake. Keep the packets to show them, don't make "
        "anyone sick, and don't take any more. If someone is very drowsy, breathing slowly or can't be "
        "woken, call the emergency number now and lay them on their side."
    ),
}
# Categories whose reply always carries the crisis line (an overdose may be deliberate).
CRISIS_CATEGORIES = ("suicide", "overdose")

EMERGENCY_CLOSING = "I won't answer from the research papers now. Please get help first."

# Added to an answer whose message reads somewhat like a crisis the guard did not alarm on: the guard misses
# crises told without their words, and a line of support costs an ordinary question little.
CRISIS_NOTE = (
    "_If you are having thoughts of ending your life or of harming yourself, you don't have to face them alone: "
    "{crisis_line}. If you might act on them, call {emergency_number} now._"
)


def crisis_note(contacts: Contacts = Contacts()) -> str:
    return CRISIS_NOTE.format(crisis_line=contacts.crisis_line, emergency_number=contacts.emergency_number)


CRISIS_SUPPORT = (
    "**You are not alone, and help is available right now.**\n\n"
    "- **If you might act on these thoughts, or have hurt yourself or taken an overdose, call your "
    "local emergency number now** or go to the nearest emergency department.\n"
    "- **Talk to someone now:** contact the crisis line above, or a crisis line where you live.\n"
    "- If you can, tell someone you trust how you feel, and don't stay alone.\n\n"
    "Living with constant pain is exhausting, and feelings like these can ease with support. "
    "A doctor can help with both the pain and how you are feeling."
)

# "{papers}": how many papers are loaded, in words ("three research papers": ``painchat.corpus_words``).
PAPERS_OFFER = "I can tell you what is in the {papers} about exercise for nerve and chronic pain."

ASK_EXERCISE_PART = (
    "If you like, ask the exercise part of your question on its own (for example: *Does walking "
    "help nerve pain?*) and I'll tell you what the papers say about it."
)

# Out-of-scope messages by topic; "mixed" variants are for questions that also ask about exercise.
# "{for_example}": questions the loaded papers answer directly (``for_example``), or nothing.
OUT_OF_SCOPE = {
    "offtopic": (
        "I can only help with questions about exercise for neuropathic (nerve) and chronic pain, "
        "answered from {papers}.{for_example}"
    ),
    "medication": (
        "I can't give advice about medicines: starting, stopping, changing, combining or how much "
        "to take. Please ask the doctor or pharmacist who prescribes them, and don't change your "
        f"medicines on your own.\n\n{PAPERS_OFFER}"
    ),
    "medication_mixed": (
        "Part of your question is about medicines, and I can't advise on starting, stopping, "
        "changing, combining or how much to take: please ask the doctor or pharmacist who "
        f"prescribes them before you change anything.\n\n{ASK_EXERCISE_PART}"
    ),
    "diagnosis": (
        "I can't tell what is causing your symptoms or whether you have a condition: that needs a "
        "healthcare professional who can examine you, such as your doctor or physiotherapist.\n\n"
        "I can tell you what the papers say in general.{for_example}"
    ),
    "diagnosis_mixed": (
        "I can't tell what is causing your symptoms or whether you have a condition: that needs a "
        "healthcare professional who can examine you, such as your doctor or physiotherapist.\n\n"
        f"{ASK_EXERCISE_PART}"
    ),
    "injection": (
        "I can't change how I work or share my instructions or settings. I answer questions about "
        "exercise for neuropathic and chronic pain from {papers}. What would you like "
        "to know?"
    ),
}

# Added to an exercise answer whose question names a medicine without asking what to do with it.
MEDICINE_NOTE = (
    "Your question mentions a medicine: whether to take, change or combine medicines is for your doctor "
    "or pharmacist to discuss with you."
)

INVALID = {
    "empty": "Please type a question about exercise and nerve or chronic pain.",
    "too_long": (
        "Your message is too long for me to read ({length} characters; the limit is {max_chars}). "
        "Please shorten it to your main question."
    ),
    "control_chars": (
        "Your message contains hidden control characters I can't read. Please type or paste it "
        "again as plain text."
    ),
    "surrogate": (
        "Your message contains broken characters I can't read. Please type or paste it again as "
        "plain text."
    ),
}


def for_example(questions: Sequence[str]) -> str:
    """ " You could ask, for example: *A* or *B*" with the first two questions; "" without any."""
    shown = [f"*{question}*" for question in questions[:2]]
    return f" You could ask, for example: {' or '.join(shown)}" if shown else ""


def contact_lines(contacts: Contacts) -> str:
    """The numbers to call, first in every emergency message.

    The crisis line is always there: the category is a reading of the message, and an overdose told as
    "he's slurring" reads as a stroke; one more line costs a physical emergency nothing.
    """
    return f"**Emergency number: {contacts.emergency_number}.**\n**Crisis line: {contacts.crisis_line}.**"


def emergency_message(categories: tuple[str, ...], contacts: Contacts = Contacts()) -> str:
    """Numbers, urgent-care steps and the reason for each physical category, then crisis support."""
    physical = [EMERGENCY_REASONS[name] for name in categories if name in EMERGENCY_REASONS]
    crisis = any(name in CRISIS_CATEGORIES for name in categories)
    parts = [contact_lines(contacts)]
    if physical:
        parts += [URGENT_CARE_STEPS, *physical]
    if crisis:
        parts.append(CRISIS_SUPPORT)
    if physical:
        parts.append(EMERGENCY_CLOSING)
    return "\n\n".join(parts)
