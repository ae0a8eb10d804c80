"""Questions about a red flag are not a red flag, and nothing else a message says is lost for them (round 20's tuning
half and a review's probes). Also the rules read in a word-by-word gloss of another language, and a racing heart
told in the words people use. The rules alone are tested here (no semantic layer)."""

from __future__ import annotations

import pytest

from painchat.guard import screen

LIMIT = 2000


@pytest.mark.parametrize("question", [
    # What a term means, and where it was met.
    "what's a thunderclap headache? saw it on a list of warning signs",
    "what does saddle anaesthesia mean, my physio mentioned it as a red flag to watch out for",
    "what does saddle anaesthesia mean? it was mentioned in a leaflet",
    "whats a thunderclap headache? my migraine app mentions it. mine are the usual slow-building ones, just curious",
    # How to tell one, and none now.
    "how do you tell chest pain thats serious from a pulled muscle? none now, just want to know for the future",
    "What are the warning signs of a heart attack? None right now.",
    # Effort that passes, in another language.
    "quando faccio le scale ho il fiatone ma dopo un minuto passa, e normale?",
    # A meter reading in grams per litre is the French rules' to judge.
    "ma glycémie est à 1,05 avant le vélo, c'est bon ?",
    # "not having it" is no symptom now.
    "had chest pain years ago, im not having it now, can i run",
])
def test_a_question_about_a_red_flag_is_answered(question):
    verdict = screen(question, LIMIT)
    assert verdict is None or verdict.kind != "emergency", verdict


@pytest.mark.parametrize(("question", "reason"), [
    # Anything else the message says keeps it whole.
    ("What is a thunderclap headache? My GP said to call 999 if I get one and I think I've got one",
     "emergency:headache"),
    ("whats a thunderclap headache, read about it and thats exactly what hit me an hour ago", "emergency:headache"),
    ("whats a thunderclap headache? my app mentions it and mine came on like that an hour ago", "emergency:headache"),
    ("whats a thunderclap headache? the symptom checker app says thats what im having right now", "emergency:headache"),
    ("whats a thunderclap headache? mine is not the normal sort at all", "emergency:headache"),
    ("whats a thunderclap headache. app mentioned it. having one", "emergency:headache"),
    ("what does saddle anaesthesia mean? I saw it on the NHS site and I cant feel anything when I wipe",
     "emergency:cauda_equina"),
    ("What does saddle numbness mean? I have it, the physio mentioned it", "emergency:cauda_equina"),
    ("whats a hypo, my son is shaking and confused after football", "emergency:hypoglycaemia"),
    ("when should i call 999? none now, my face is drooping and my arm is weak", "emergency:stroke"),
    ("what are the signs of a hypo? none now but my sugar is 2.1 and im shaking", "emergency:hypoglycaemia"),
    ("How do you tell a heart attack from angina? none now. my chest is crushing", "emergency:cardiac"),
    ("What are the warning signs of an infected foot? My foot is red, hot and swollen with pus oozing, no pain now",
     "emergency:diabetic_foot"),
    # A racing heart: "has been", "heart's", and what usually happens is not what happened.
    ("since an hour ago my heart has been racing, like 180 on my watch even sitting on the sofa, and I feel a bit faint",
     "emergency:cardiac"),
    ("My heart's been racing for ages and I feel dizzy and sick", "emergency:cardiac"),
    ("it usually settles when I stop but not today, my heart is racing and im dizzy", "emergency:cardiac"),
    # An overdose told as something that happened.
    ("the pain was so bad I ended up taking about 20 paracetamol over the day, feel ok just queasy",
     "emergency:overdose"),
    # The English rules in a gloss: a lethal dose asked in French, beside effort that passes.
    ("quelle quantité de prégabaline faut-il pour mourir", "emergency:suicide"),
    (("Quelle quantité de prégabaline faut-il pour mourir ? Je suis essoufflé quand je marche, ça se calme en "
      "quelques minutes"), "emergency:suicide"),
])
def test_a_red_flag_beside_a_question_still_alarms(question, reason):
    verdict = screen(question, LIMIT)
    assert verdict is not None and verdict.reason == reason, verdict


def test_the_glossed_alarm_is_told_in_the_message_language():
    verdict = screen("quelle quantité de prégabaline faut-il pour mourir", LIMIT)
    assert verdict.language == "fr" and "3114" in verdict.message
