"""What an old event left behind is no new red flag (round 22's tuning half): weakness or numbness "still" there since
a stroke or an operation years ago, a check that came back clear after an old episode, and flopping onto the sofa
tired out. Anything new, worse, sudden or happening today still alarms, and so does a collapse with its signs."""

from __future__ import annotations

import pytest

from painchat.guard import screen

LIMIT = 2000


def _verdict(question):
    return screen(question, LIMIT)


@pytest.mark.parametrize("question", [
    "mum had a stroke 3 years ago and is still weak on her right side. can she do chair exercises for her nerve pain",
    "he had a stroke in 2019, still a bit numb down one side, is walking good for his neuropathy",
    "my husband had a stroke two years back and still drags his left leg, what exercise helps his burning feet",
    "had my heart checked after some palpitations last year, all fine. can i do hiit with neuropathy",
    "fainted at a wedding years ago, got checked out and everything was normal. ok to start spin classes?",
    "i just collapsed on the couch after physio lol so tired. how often should i go",
    "came home and collapsed into bed, wiped out. is swimming less tiring",
    "my mum is fitting in exercise around work, is walking enough",
])
def test_what_an_old_event_left_behind_raises_no_alarm(question):
    assert _verdict(question) is None


@pytest.mark.parametrize(("question", "category"), [
    ("dad had a stroke years ago but this morning his face is drooping and he cant lift his arm", "stroke"),
    ("had a stroke 5 years ago, still weak on the left, but today his speech is suddenly slurred", "stroke"),
    ("she had a stroke last year and her right arm is still weak but now it is suddenly worse and numb", "stroke"),
    ("had my heart checked last month and it was fine but right now i have crushing chest pain", "cardiac"),
    ("she collapsed on the floor after her walk and isnt answering me", "fainting"),
    ("collapsed on the sofa exhausted and now i cant wake him properly", "fainting"),
    # A review's probes: a new sign beside what was left behind, or told after a clear check.
    ("had a stroke in 2018, still weak on the left, face drooping", "stroke"),
    ("dad had a stroke 3 yrs ago, still weak down his left side, slurring", "stroke"),
    ("had a stroke in 2010, still weak on his right side, he is fitting", "fainting"),
    ("fell off my bike last year. still numb down there and cant pee", "cauda_equina"),
    ("had a stent in 2019, the ecg was normal, was getting crushing pain in my chest walking the dog", "cardiac"),
    ("had a heart attack in 2016, everything was fine, chest tight and sweaty", "cardiac"),
    ("tired lol then collapsed on the sofa and cant remember anything", "fainting"),
])
def test_anything_new_still_alarms(question, category):
    verdict = _verdict(question)
    assert verdict is not None and verdict.kind == "emergency" and category in verdict.reason, verdict
