"""What a browser tab sends back to restore a conversation is untrusted: it is bounded before use."""

from __future__ import annotations

from painchat.ui.page import MAX_RESTORED_QUESTIONS, restorable


def test_only_non_empty_strings_within_the_limit_are_kept_in_order():
    sent = ["first?", "", 7, None, "x" * 2001, {"q": 1}, "second?"]

    assert restorable(sent, max_chars=2000) == ["first?", "second?"]


def test_anything_but_a_list_restores_nothing_and_long_lists_are_cut():
    assert restorable("a question", 2000) == restorable({"restore": ["q"]}, 2000) == restorable(None, 2000) == []
    assert len(restorable([f"q{i}" for i in range(500)], 2000)) == MAX_RESTORED_QUESTIONS
