"""The real app in headless Chromium: as a page of its own, and in a cross-origin 760-px iframe."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from devtools.browser import DISCLAIMER_PHRASE, answered, ask, click_example, open_first_source, wait_until_ready
from painchat.ui.texts import DISCLAIMER_SHORT
from tests.ui_helpers import app_env, browser, embedding_page, page, streamlit_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

QUESTION = "Can exercise help with neuropathic pain?"
HOSTILE = "<script>alert(1)</script> **bold** [x](javascript:alert(1))"


def report(capsys, text: str) -> None:
    """Timings are printed, not asserted: this machine's speed is not the app's contract."""
    with capsys.disabled():
        print(f"\n[browser timing] {text}")


def test_answers_cite_show_sources_and_examples_ask(page, streamlit_server, assistant, capsys):  # noqa: F811
    started = time.perf_counter()
    page.goto(streamlit_server.url)
    wait_until_ready(page)
    ready = time.perf_counter() - started

    first = ask(page, QUESTION)
    answer = answered(page).last
    expect(answer.get_by_text("[1]").first).to_be_visible()
    expect(answer.get_by_text(DISCLAIMER_PHRASE)).to_be_visible()
    expect(answer.get_by_role("heading", name="Sources")).to_be_visible()
    open_first_source(page, assistant.answer(QUESTION).citations[0].quote)

    later = ask(page, assistant.example_questions[-1])
    example = assistant.example_questions[1]
    click_example(page, example)
    expect(page.get_by_test_id("stChatMessage").filter(has_text=example).first).to_be_visible()
    expect(answered(page).last.get_by_text("[1]").first).to_be_visible()
    report(capsys, f"page ready {ready:.2f} s; first answer {first:.2f} s; later answer {later:.2f} s")


def test_embedded_cross_origin_keeps_the_disclaimer_in_view_and_answers(page, embedding_page, capsys):  # noqa: F811
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto(embedding_page.url)
    frame = page.frame_locator("iframe")
    wait_until_ready(frame)
    pinned = frame.get_by_test_id("stBottom").get_by_text(DISCLAIMER_SHORT)
    expect(pinned).to_be_visible()  # before any answer, with the sidebar collapsed

    seconds = ask(frame, QUESTION)
    expect(answered(frame).last.get_by_text("[1]").first).to_be_visible()
    expect(pinned).to_be_in_viewport()  # still in view after the answer has scrolled the chat

    ask(frame, HOSTILE)
    expect(frame.get_by_test_id("stChatMessage").get_by_text(HOSTILE)).to_be_visible()  # shown as typed
    expect(frame.locator("script", has_text="alert(1)")).to_have_count(0)
    expect(frame.locator('a[href^="javascript:"]')).to_have_count(0)
    assert alerts == []
    report(capsys, f"answer inside the iframe {seconds:.2f} s")
