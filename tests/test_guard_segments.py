"""Long messages: judged in windows of clauses, without their clauses about the past (issue #8, round 3)."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from painchat.guard.emergency import detect_emergency, without_the_past
from painchat.guard.segments import LONG_MESSAGE_CHARS, WINDOW_CHARS, windows
from painchat.guard.semantic import Fit, SemanticAlarm, load_fit

FILLER = ("so i have had burning feet from the diabetes for about six years and my physio has me doing balance "
          "work and a short walk most mornings, the hydrotherapy pool on tuesdays helps too and my daughter "
          "drives me there. ")
BURIED = "this morning my wife suddenly couldnt lift her left arm and her words came out all wrong"
STORY = FILLER + BURIED + ". " + FILLER + "anyway what exercises would you suggest for the burning?"


def test_a_short_message_is_judged_whole_only():
    assert windows("does walking help burning feet?") == ()
    assert windows("x" * LONG_MESSAGE_CHARS) == ()


def test_windows_cover_the_story_in_overlapping_pieces_and_keep_the_red_flag_together():
    pieces = windows(STORY)
    assert len(pieces) > 3
    assert all(len(piece) <= 2 * WINDOW_CHARS for piece in pieces)
    assert any("couldnt lift her left arm" in piece and "all wrong" in piece for piece in pieces)
    assert pieces[-1].endswith("for the burning?")


def test_a_run_on_without_punctuation_is_cut_into_overlapping_word_runs():
    run_on = " ".join(f"word{i}" for i in range(80))
    pieces = windows(run_on)
    assert len(pieces) > 2
    assert all(set(a.split()) & set(b.split()) for a, b in pairwise(pieces))
    assert "word79" in pieces[-1]


@pytest.mark.parametrize("text, gone", [
    ("had a heart attack six years ago, fully recovered, can i do intervals", "heart attack"),
    ("the tightness in my chest was just a pulled muscle, my gp checked. can i lift weights now", "tightness"),
])
def test_clauses_about_the_past_or_a_cleared_symptom_are_left_out(text, gone):
    assert gone not in without_the_past(text)
    assert detect_emergency(text) == ()


def test_the_past_counts_again_when_it_is_happening_again():
    text = "had a heart attack six years ago, and the same crushing chest pain is back right now"
    assert without_the_past(text) == text
    assert "cardiac" in detect_emergency(text)


def test_a_window_raises_the_alarm_the_whole_story_does_not(embedder):
    alarm = SemanticAlarm(embedder)
    assert alarm.judge(np.asarray(alarm.embed(STORY))) == ()
    assert alarm.categories(STORY)


def test_a_window_alarms_only_among_emergency_neighbours(embedder):
    fit = load_fit()
    window = np.asarray(embedder.encode([BURIED])[0])
    assert fit.window_alarms(window)
    all_ordinary = Fit(fit.threshold, fit.knn_threshold, fit.weights, fit.centroids, fit.window_margin, fit.neighbours,
                       np.zeros_like(fit.neighbour_is_emergency))
    assert not all_ordinary.window_alarms(window)
