"""Every answer-changing number is a setting: documented, grouped, and what the answering components use."""

from __future__ import annotations

import json

import pytest

from painchat.calibration import calibrated, load_calibration
from painchat.errors import ConfigError
from painchat.models import Turn
from painchat.settings import PROJECT_ROOT, Settings, default

SETTINGS_FILE = PROJECT_ROOT / "painchat" / "settings.py"
GROUPS = ("Ingest", "Retrieval", "Answering", "Calibration", "Safety")


def test_every_setting_says_what_it_does():
    assert [name for name, field in Settings.model_fields.items() if not (field.description or "").strip()] == []


def test_the_settings_are_grouped_under_headings():
    text = SETTINGS_FILE.read_text(encoding="utf-8")
    for group in GROUPS:
        assert f"# --- {group} " in text, group
    # Each number under its own concern: a retrieval number in the retrieval group, and so on.
    assert text.index("# --- Retrieval") < text.index("rrf_k:") < text.index("# --- Answering")
    assert text.index("# --- Answering") < text.index("answer_min_score:") < text.index("# --- Calibration")
    assert text.index("# --- Calibration") < text.index("direct_threshold:") < text.index("# --- Safety")


def test_the_fitted_values_stay_in_the_calibration_file_unless_a_setting_overrides_them(tmp_path):
    fitted = load_calibration(default("calibration_file"))
    assert calibrated(Settings()) == fitted
    overridden = calibrated(Settings(direct_threshold=1.5, lexical_weight=0.5))
    assert (overridden.direct_threshold, overridden.lexical_weight) == (1.5, 0.5)
    assert overridden.threshold == fitted.threshold

    other = tmp_path / "calibration.json"
    other.write_text(json.dumps({"threshold": 0.2, "lexical_weight": 0.7}), encoding="utf-8")
    assert calibrated(Settings(calibration_file=other)).lexical_weight == 0.7
    with pytest.raises(ConfigError, match="no valid calibration"):
        calibrated(Settings(calibration_file=tmp_path / "missing.json"))


@pytest.fixture(scope="module")
def tuned(settings, embedder, built_store):
    """An assistant on the session's store with every answer-changing number moved off its default."""
    from painchat.assistant import Assistant

    changed = {
        "retrieve_k": 6, "rrf_k": 30, "same_source_decay": 0.5, "passages_for_answer": 3, "sentence_first_look": 2,
        "answer_min_score": 0.2, "duplicate_similarity": 0.8, "about_paper_penalty": 0.2, "suggestions_shown": 1,
        "min_key_term_letters": 4, "min_shared_prefix": 6, "max_suffix_letters": 2, "min_salience": 0.05,
        "follow_up_max_words": 4, "follow_up_bare_words": 2, "emergency_near_tie": 0.01, "direct_threshold": 2.9,
    }
    return Assistant(settings.model_copy(update=changed), embedder), changed


def test_the_assistant_hands_each_number_to_the_component_that_uses_it(tuned):
    assistant, changed = tuned
    used = {
        "retrieve_k": assistant.retriever.k,
        "rrf_k": assistant.retriever.rrf_k,
        "same_source_decay": assistant.retriever.same_source_decay,
        "passages_for_answer": assistant.retriever.passages_for_answer,
        "sentence_first_look": assistant.index.sentence_search._first_look,
        "answer_min_score": assistant.builder.min_score,
        "duplicate_similarity": assistant.builder.duplicate,
        "about_paper_penalty": assistant.builder.about_paper_penalty,
        "min_key_term_letters": assistant.reader.min_key_term,
        "min_shared_prefix": assistant.reader.min_shared_prefix,
        "max_suffix_letters": assistant.reader.max_suffix_letters,
        "emergency_near_tie": assistant.alarm.near_tie,
        "direct_threshold": assistant.calibration.direct_threshold,
    }
    assert used == {name: changed[name] for name in used}


def test_a_changed_number_changes_the_answer(tuned, assistant):
    tuned_assistant, _ = tuned
    question = "Can exercise help nerve pain?"
    assert assistant.answer(question).kind == "answer"
    # No sentence scores 2.9: with that direct cut, evidence is only ever "related".
    assert tuned_assistant.answer(question).kind == "related"
    assert len(assistant.answer("write me a poem").suggestions) == default("suggestions_shown")
    assert tuned_assistant.example_questions == ()  # none is answered directly any more: none is offered
    # Five content words after "and": a follow-up by default (at most 5), not with follow_up_max_words = 4.
    history = [Turn(role="user", content="What is allodynia?"), Turn(role="assistant", content="…")]
    follow_up = "and does daily swimming help burning feet?"
    assert assistant.resolved_query(follow_up, history) == f"What is allodynia? {follow_up}"
    assert tuned_assistant.resolved_query(follow_up, history) == follow_up
