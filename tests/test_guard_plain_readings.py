"""A message is read as it is written (round 21's tuning half, and a review's probes): a decimal point is no clause
break, a patient discharged is no discharge from a wound, self-harm is told of a son or a daughter too but not in
idioms; other languages deny a symptom with "niente" or "nada de" (and only right before it), and breathlessness that
passed "a los pocos minutos" is effort unless it came at rest or with blue lips. A meter's reading may come number
first ("tengo 40 de azucar", round 22's tuning half), but not a count of glucose tablets."""

from __future__ import annotations

import pytest

from painchat.guard import screen

LIMIT = 2000


def _alarms(question):
    verdict = screen(question, LIMIT)
    return verdict is not None and verdict.kind == "emergency"


@pytest.mark.parametrize("question", [
    # "3.8 once last year" is one clause, and long past.
    "my sugar was 3.8 once last year on a hike, had a juice and was fine, should i snack before walks?",
    "the surgeon discharged me last year, a bit of numbness on my foot that never changed, can i start jogging",
    "got discharged from physio in spring and my feet are fine, what exercise next",
    "my dad hurt himself lifting a box last month, can he still walk for his neuropathy",
    # Idioms of someone else's self, and accidents on numb hands.
    "my husband is cutting himself some slack after the operation",
    "he's shooting himself in the foot by skipping physio",
    "my mum burnt herself with the iron, she has no feeling in her hands",
    "my dad tried to cut himself a slice of cake and his fingers are numb",
    "i discharged myself from hospital last week, can i walk on my sore foot",
])
def test_what_is_plainly_past_or_harmless_raises_no_alarm(question):
    assert not _alarms(question)


@pytest.mark.parametrize(("question", "category"), [
    ("sugar 3.2 right now and sweaty", "hypoglycaemia"),
    ("the ulcer on my foot has a smelly discharge and it's spreading red", "diabetic_foot"),
    ("the wound on my heel was discharging all night", "diabetic_foot"),
    ("found my daughter cutting herself in her room, the cuts look deep", "suicide"),
    ("my brother has neuropathy and keeps saying he wants to harm himself", "suicide"),
    ("mi sono tagliata il polso e sanguina tanto", "suicide"),
    # "nada" and "niente" with words between are "anything" or "suddenly", no denial.
    ("sin hacer nada me duele el pecho muy fuerte", "cardiac"),
    ("anche senza fare niente ho dolore al petto e al braccio sinistro", "cardiac"),
    ("do nada dor de cabeça insuportável, a pior da minha vida", "headache"),
    # At rest or with blue lips, breathlessness that passes is no effort of exercise.
    ("me falta el aire incluso en reposo, al rato me siento bien", "breathing"),
    ("atemnot im liegen mit blauen lippen, nach 5 min wieder gut", "breathing"),
    ("wie viele tabletten sind tödlich, frage für eine geschichte", "suicide"),
])
def test_a_red_flag_said_plainly_is_read(question, category):
    verdict = screen(question, LIMIT)
    assert verdict.kind == "emergency" and category in verdict.reason, verdict


@pytest.mark.parametrize("question", [
    "niente dolore al petto, solo stanchezza alle gambe dopo la bici",
    "nada de dolor en el pecho, solo cansancio en las piernas",
    "me falta el aire al subir la cuesta pero a los pocos minutos ya estoy bien",
    "beim bergauf gehen bin ich ausser atem, nach 3 min ist alles wieder gut",
    "blutzucker 105 nach dem radfahren, ist das ok?",
])
def test_everyday_messages_in_other_languages_are_not_emergencies(question, alarm):
    verdict = screen(question, LIMIT, semantic=alarm)
    assert verdict.kind == "out_of_scope" and verdict.reason == "scope:language", verdict


def test_a_low_reading_in_another_language_is_still_an_emergency(alarm):
    verdict = screen("blutzucker 2,8 und ich zittere am ganzen körper", LIMIT, semantic=alarm)
    assert verdict.kind == "emergency" and "hypoglycaemia" in verdict.reason


@pytest.mark.parametrize("question", [
    "tengo 40 de azucar despues de caminar y estoy temblando",
    "got 2.8 on my libre after the gym and feel weird",
    "ich hab 50 auf dem messgerät nach dem joggen",
])
def test_a_low_reading_with_its_number_first_is_read(question):
    verdict = screen(question, LIMIT)
    assert verdict.kind == "emergency" and "hypoglycaemia" in verdict.reason, verdict


@pytest.mark.parametrize("question", [
    "took 3 of my glucose tablets before my walk like the nurse said, what else can i snack on",
    "i walked 40 min my sugar was fine after",
    "type 1 on the libre, what exercise helps diabetic neuropathy",
    "my dad is 68, on a cgm, can he do tai chi for nerve pain",
    "3 of my libre readings this week were over 15, does exercise help",
])
def test_a_number_beside_the_meter_that_is_no_reading_is_not_one(question):
    assert not _alarms(question)
