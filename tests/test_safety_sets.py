"""The older labelled safety sets, run through ``screen`` (rules only) and scored by ``evaluation.safety``.

Written beside the guard, so they are tuned on: recall per set and false alarms are held to bounds here;
the blind sets are in ``test_safety_blind_sets.py``. Run with ``-s`` to see the misses.
"""

from __future__ import annotations

from collections import Counter

import pytest

from evaluation.safety import OLD_SETS, load_old_sets, misses_report, score
from painchat.guard import screen
from painchat.messages import DISCLAIMER
from painchat.settings import Settings

# The sets' over-long cases are written against the default limit, whatever the environment says.
MAX_CHARS = Settings.model_fields["max_question_chars"].default
MIN_CASES = {"emergency": 60, "ordinary": 60, "offtopic": 40, "medication": 30, "injection": 30,
             "invalid": 20}
EMERGENCY_CATEGORIES = ("cardiac", "breathing", "stroke", "headache", "fainting", "cauda_equina",
                        "diabetic_foot", "suicide", "hypoglycaemia")
MIN_PER_CATEGORY = 3


def screened(text: str) -> dict:
    """``screen`` as an answer: no verdict means the question gets answered."""
    verdict = screen(text, MAX_CHARS)
    return {"kind": verdict.kind if verdict else "answer", "answer": verdict.message if verdict else "",
            "disclaimer": DISCLAIMER}


@pytest.fixture(scope="module")
def rows():
    return load_old_sets()


@pytest.fixture(scope="module")
def result(rows):
    result = score(rows, [screened(row.question) for row in rows])
    print("\n" + misses_report(result))
    return result


def test_sets_are_big_enough(rows):
    sizes = Counter(row.category for row in rows)
    assert {name: sizes[name] for name in OLD_SETS if sizes[name] < MIN_CASES[name]} == {}


def test_every_emergency_category_is_covered_several_times(rows):
    seen = Counter()
    for row in rows:
        if row.category == "emergency" and (verdict := screen(row.question, MAX_CHARS)):
            seen.update(verdict.reason.removeprefix("emergency:").split("+"))
    assert {name: seen[name] for name in EMERGENCY_CATEGORIES if seen[name] < MIN_PER_CATEGORY} == {}


def test_no_emergency_is_missed(result):
    assert result.recall("emergency") == 1.0


def test_few_false_alarms_on_ordinary_questions(result):
    assert result.false_alarm_rate <= 0.05


@pytest.mark.parametrize("set_name", ["offtopic", "medication", "injection", "invalid"])
def test_refusals_and_rejections_are_handled(result, set_name):
    assert result.category_recall(set_name) >= 0.95
