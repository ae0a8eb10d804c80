"""A question is answered even when another click cuts its run short: Streamlit stops a run for
every new interaction, and the question must not vanish with it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.browser import ANSWER_TIMEOUT_MS, CHAT_MESSAGE, answered, ask, wait_until_ready
from painchat.ui.render import CHAT_PLACEHOLDER
from painchat.ui.texts import FEEDBACK_STORED_WITHOUT_QUESTION
from tests.ui_helpers import app_env, browser, page, streamlit_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

FIRST = "Can exercise help with neuropathic pain?"
SECOND = "What is allodynia?"


def test_a_rating_clicked_while_a_question_is_answered_keeps_both(page, streamlit_server):  # noqa: F811
    page.goto(streamlit_server.url)
    wait_until_ready(page)
    ask(page, FIRST)

    box = page.get_by_placeholder(CHAT_PLACEHOLDER)
    box.fill(SECOND)
    box.press("Enter")
    # The question is drawn as its run starts; answering it takes longer than the click below.
    expect(page.locator(CHAT_MESSAGE).filter(has_text=SECOND)).to_be_visible()
    page.get_by_test_id("stFeedback").first.locator("button").first.click()

    expect(answered(page)).to_have_count(2, timeout=ANSWER_TIMEOUT_MS)
    expect(page.locator(CHAT_MESSAGE).filter(has_text=SECOND)).to_have_count(1)  # asked once, not twice
    expect(answered(page).first.get_by_text(FEEDBACK_STORED_WITHOUT_QUESTION)).to_be_visible()
