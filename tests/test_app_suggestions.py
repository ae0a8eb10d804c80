"""In the chat, a refusal's suggested questions are buttons that ask them; related evidence is marked."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from painchat.messages import RELATED_NOTE
from painchat.ui.markdown import escape_markdown
from tests.ui_helpers import app_env  # noqa: F401 - fixture


@pytest.fixture
def app(app_env, monkeypatch) -> AppTest:  # noqa: F811 - the imported fixture
    for name, value in app_env.items():
        monkeypatch.setenv(name, value)
    return AppTest.from_file("../app.py", default_timeout=60).run()


def test_a_suggestion_in_a_not_covered_reply_is_a_button_that_asks_it(app):
    app.chat_input[0].set_value("does acupuncture help nerve pain").run()
    [exchange] = app.session_state["exchanges"]
    assert exchange.answer.kind == "not_covered" and exchange.answer.suggestions
    [button] = [b for b in app.main.button if b.key == f"suggested-{exchange.id}-0"]
    assert button.label == exchange.answer.suggestions[0]
    button.click().run()
    asked = app.session_state["exchanges"][-1]
    assert asked.question == exchange.answer.suggestions[0] and asked.answer.kind == "answer"


def test_related_evidence_carries_a_not_directly_covered_note(app):
    app.chat_input[0].set_value("is walking good for neuropathy").run()
    [exchange] = app.session_state["exchanges"]
    assert exchange.answer.kind == "related"
    assert any(escape_markdown(RELATED_NOTE) in c.value for c in app.main.caption)
