"""A phone's autocorrect swaps in a real word that is wrong only beside another ("chess pain", "past out"): the rules
read the word meant there, and the real word everywhere else."""

from __future__ import annotations

import pytest

from painchat.guard.emergency import detect_emergency


@pytest.mark.parametrize(("message", "category"), [
    ("my dad has chess pains and is grey and clammy", "cardiac"),
    ("my chess feels tight and heavy and my left arm aches", "cardiac"),
    ("she past out at the gym and is still not making sense", "fainting"),
    ("he over dosed on his tramadol", "overdose"),
])
def test_an_autocorrected_red_flag_is_read_as_meant(message, category):
    assert category in detect_emergency(message)


@pytest.mark.parametrize("message", [
    "i play chess to take my mind off the pain, is that exercise lol",
    "since my nerve pain settled i can finally play chess pain free",
    "ive had zaps in the past out of the blue, are they normal with neuropathy",
    "we went over dose options with the gp, is walking enough",
])
def test_the_real_word_stays_itself(message):
    assert detect_emergency(message) == ()
