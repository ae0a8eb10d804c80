"""Which amount a question asks for, and whether a sentence gives one (pure text rules, no model)."""

import pytest

from painchat.amounts import amount_asked, asks_for_a_count, states_amount


@pytest.mark.parametrize(("question", "asked"), [
    ("how often should i walk", "how often"),
    ("ok but how many times a week", "how often"),
    ("is 3 days a week enough", "how often"),
    ("how long till it starts helping", "how long"),
    ("how soon would i notice a difference", "how long"),
    ("how hard should i push it", "how hard"),
    ("how much walking is enough", "how much"),
    ("does exercise help nerve pain", None),
    ("i walked for a long time yesterday, is that bad", None),
])
def test_the_amount_a_question_asks_for(question, asked):
    found = amount_asked(question)
    assert (found.name if found else None) == asked


@pytest.mark.parametrize(("question", "count"), [
    ("how many experts were on the panel", True),
    ("how many studies did they look at", True),
    ("how many times a week should i exercise", False),
    ("how many minutes a day should i walk", False),
])
def test_how_often_and_how_long_are_no_count(question, count):
    assert asks_for_a_count(question) is count


def test_the_words_asking_for_the_amount_are_kept():
    found = amount_asked("how many minutes a day should i walk")
    assert found is not None and found.name == "how long" and "minutes" in found.words


@pytest.mark.parametrize(("sentence", "asked", "gives"), [
    ("Aerobic exercise three times a week reduced pain.", "how often", True),
    ("Patients trained daily for eight weeks.", "how often", True),
    ("Sessions lasted 30 minutes.", "how long", True),
    ("Moderate-intensity aerobic exercise is recommended.", "how hard", True),
    ("Eight systematic reviews and 21 RCTs were included.", "how much", True),
    ("Exercise may be helpful in NP management.", "how often", False),
    ("More than 100 different types of peripheral neuropathy are known.", "how often", False),
    ("Routine exercise may help prevent some causes.", "how long", False),
    ("Once the nerve is damaged, pain may persist.", "how often", False),
    ("Walk once a day.", "how often", True),
])
def test_a_sentence_gives_the_amount_only_when_it_states_it(sentence, asked, gives):
    assert states_amount(sentence, asked) is gives
