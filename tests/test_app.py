"""The Streamlit app, run in-process with AppTest against the session's test store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from painchat.assistant import Assistant
from painchat.errors import StoreError
from painchat.messages import DISCLAIMER, STORE_UNAVAILABLE
from painchat.ui import texts
from painchat.ui.markdown import doi_link, escape_markdown, highlighted_quote
from painchat.ui.render import NOTICES
from tests.ui_helpers import app_env  # noqa: F401 - fixture

QUESTION = "Can exercise help with neuropathic pain?"
NOT_COVERED = "What shoes should I wear for plantar fasciitis?"
EMERGENCY = "I have crushing chest pain spreading to my left arm right now"
HOSTILE = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"


@pytest.fixture
def app(app_env, monkeypatch) -> AppTest:  # noqa: F811 - the imported fixture
    for name, value in app_env.items():
        monkeypatch.setenv(name, value)
    return AppTest.from_file("../app.py", default_timeout=60).run()


def ask(app: AppTest, question: str) -> AppTest:
    app.chat_input[0].set_value(question).run()
    assert not app.exception, app.exception
    return app


def exchanges(app: AppTest) -> list:
    return app.session_state["exchanges"]


def rendered_markdown(block) -> str:
    return "\n".join(m.value for m in block.markdown) + "\n".join(c.value for c in block.caption)


def test_start_page_shows_disclaimer_and_coverage_outside_the_sidebar(app):
    assert not app.exception
    # Pinned under the chat (st.bottom), so it is not in ``app.main``; it must not depend on the sidebar.
    [pinned] = [e for e in app.expander if e.label == texts.DISCLAIMER_SHORT]
    assert pinned not in app.sidebar.expander
    assert pinned.markdown[0].value == escape_markdown(DISCLAIMER)
    assert "Only partial abstracts are loaded for" in app.main.info[0].value
    assert [b.label for b in app.main.button if b.key.startswith("start-example")]


def test_sidebar_lists_the_papers_with_coverage_in_words(app):
    sidebar = rendered_markdown(app.sidebar)
    assert sidebar.count("Loaded: Partial abstract") == 3
    doi = "doi.org/10.3389/fmed.2021.756940"
    assert f"[{escape_markdown(doi)}](https://{doi})" in sidebar  # the link text says where it goes
    assert "not medical advice" in sidebar


def test_a_question_gets_a_cited_answer_with_sources_and_disclaimer(app):
    ask(app, QUESTION)

    [exchange] = exchanges(app)
    assert exchange.answer.kind == "answer"
    [user, assistant] = app.chat_message
    assert user.text[0].value == QUESTION
    shown = rendered_markdown(assistant)
    assert "[1]" in shown
    [heading] = assistant.header
    assert (heading.value, heading.proto.anchor) == ("Sources", f"sources-{exchange.id}")  # a unique id per answer
    assert escape_markdown("[1") in shown  # the numbered reference line ("[1] …" or "[1, 2] …")
    assert escape_markdown(DISCLAIMER) in shown
    assert len(assistant.expander) == len(exchange.answer.citations)
    first = exchange.answer.citations[0]
    assert f"[**{escape_markdown(first.quote)}**]" in shown  # highlighted inside its passage


def test_a_follow_up_passes_the_conversation_as_history(app, monkeypatch):
    calls = []
    answer = Assistant.answer

    def spy(self, question, history=()):
        calls.append(list(history))
        return answer(self, question, history)

    monkeypatch.setattr(Assistant, "answer", spy)
    ask(app, QUESTION)
    ask(app, "How does it help?")

    first = exchanges(app)[0]
    assert calls == [
        [],
        [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": first.answer.answer}],
    ]
    assert len(app.chat_message) == 4


def test_an_over_long_question_is_not_asked_and_the_limit_is_explained(app):
    app.chat_input[0].set_value("x" * 2001).run()

    assert exchanges(app) == []
    [note] = [w for w in app.warning if "the limit is 2,000" in w.value]
    assert "2,001 characters" in note.value
    assert app.chat_input[0].proto.value == "x" * 2001  # put back into the box


def test_new_chat_clears_the_conversation(app):
    ask(app, QUESTION)
    app.button(key="new-chat").click().run()

    assert exchanges(app) == []
    assert len(app.chat_message) == 0


def test_html_and_markdown_in_a_question_render_as_literal_text(app):
    ask(app, HOSTILE)

    assert app.chat_message[0].text[0].value == HOSTILE  # st.text: neither Markdown nor HTML
    every_markdown = [m.value for m in app.markdown] + [c.value for c in app.caption]
    assert not any("<script>" in text or "](javascript:" in text for text in every_markdown)


def test_a_question_the_papers_do_not_cover_says_so(app):
    ask(app, NOT_COVERED)

    assert exchanges(app)[0].answer.kind == "not_covered"
    [notice] = app.chat_message[1].info
    assert notice.proto.title == NOTICES["not_covered"][2]
    assert "do not address this question" in notice.value


def test_an_emergency_is_shown_first_as_an_error_with_a_heading(app):
    ask(app, EMERGENCY)

    assert exchanges(app)[0].answer.kind == "emergency"
    message = app.chat_message[1]
    [alert] = message.error
    assert alert.proto.title == "Get urgent help now"
    assert message.children[0].type == "error"  # at the top of the message
    assert escape_markdown(DISCLAIMER) in rendered_markdown(message)


def test_a_failing_store_shows_an_error_and_keeps_no_exchange(app, monkeypatch):
    def unreachable(self, question, history=()):
        raise StoreError("the vector store cannot be reached")

    monkeypatch.setattr(Assistant, "answer", unreachable)
    ask(app, QUESTION)

    assert exchanges(app) == []
    message = app.chat_message[1]
    assert message.error[0].value == STORE_UNAVAILABLE  # calm, without the technical details
    assert escape_markdown(DISCLAIMER) in rendered_markdown(message)


def test_an_example_question_button_asks_it(app):
    button = app.sidebar.button[0]
    button.click().run()

    assert [e.question for e in exchanges(app)] == [button.label]
    assert exchanges(app)[0].answer.kind == "answer"


def rate(app: AppTest, data_dir: str) -> dict:
    ask(app, QUESTION)
    app.feedback(key="feedback-0").set_value(1).run()
    lines = (Path(data_dir) / "feedback.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[-1])


def test_a_thumbs_rating_stores_no_question_while_question_logging_is_off(app, app_env):  # noqa: F811
    entry = rate(app, app_env["PAINCHAT_DATA_DIR"])

    assert set(entry) == {"time", "kind", "rating", "citations"}
    assert (entry["kind"], entry["rating"]) == ("answer", "up")
    assert entry["citations"] == [c.chunk_id for c in exchanges(app)[0].answer.citations]
    assert texts.FEEDBACK_STORED_WITHOUT_QUESTION in rendered_markdown(app.chat_message[1])


def test_a_thumbs_rating_keeps_the_question_only_with_question_logging_on(app_env, monkeypatch, tmp_path):  # noqa: F811
    for name, value in {**app_env, "PAINCHAT_DATA_DIR": str(tmp_path), "PAINCHAT_LOG_QUESTIONS": "1"}.items():
        monkeypatch.setenv(name, value)
    app = AppTest.from_file("../app.py", default_timeout=60).run()

    entry = rate(app, str(tmp_path))

    assert entry["question"] == QUESTION
    assert set(entry) == {"time", "question", "kind", "rating", "citations"}
    assert texts.FEEDBACK_STORED_WITH_QUESTION in rendered_markdown(app.chat_message[1])


def test_source_text_is_escaped_and_only_doi_urls_become_links():
    context = "Before. The *key* <b>point</b>. After $5."
    markdown = highlighted_quote(context, (8, 8 + len("The *key* <b>point</b>.")))

    assert markdown.startswith(escape_markdown("Before. ") + ":yellow-background[**")
    assert "*key*" not in markdown and "<b>" not in markdown and "$" not in markdown
    assert doi_link("javascript:alert(1)") == doi_link("https://evil.example/10.1/x") == ""
    assert doi_link("https://doi.org/10.3389/fmed.2021.756940").endswith("(https://doi.org/10.3389/fmed.2021.756940)")
