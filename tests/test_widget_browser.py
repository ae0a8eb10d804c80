"""The widget on the example clinic page in headless Chromium: page on one loopback port, API on another."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from devtools.api_server import ApiServer
from devtools.browser import DISCLAIMER_PHRASE, chromium, new_page
from devtools.loopback import free_port
from painchat.messages import DISCLAIMER
from tests.api_helpers import ClinicSite
from tests.axe import axe_violations
from tests.ui_helpers import app_env  # noqa: F401 - fixture

pytestmark = pytest.mark.browser
QUESTION = "Can exercise help with neuropathic pain?"
HOSTILE_CSS = """
  div, section, p, button, form, textarea { display: none !important; }
  * { font-size: 3px !important; color: transparent !important; line-height: 0 !important;
      letter-spacing: 9px !important; text-transform: uppercase !important; opacity: .1 !important; }
"""
INJECTION = '<img src=x onerror="window.pwned = 1">'
ANSWER_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def site(app_env):  # noqa: F811
    port = free_port()
    env = {**app_env, "PAINCHAT_ALLOWED_ORIGINS": f"http://127.0.0.1:{port}", "PAINCHAT_RATE_LIMIT_PER_MINUTE": "0"}
    with ApiServer(env) as api, ClinicSite(port, api.url) as clinic:
        yield clinic


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, site):
    tab = new_page(browser)
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.goto(site.url)
    yield tab
    tab.close()


def ask(page, question: str):
    """Opens the chat if needed, sends ``question`` with Enter; returns the newest reply once it is complete."""
    bubble = page.get_by_role("button", name="Ask about exercise and pain")
    if bubble.get_attribute("aria-expanded") == "false":
        bubble.click()
    replies = page.locator("#painchat-widget .msg.bot")
    before = replies.count()
    box = page.get_by_role("textbox", name="Your question")
    box.fill(question)
    box.press("Enter")
    reply = replies.nth(before)
    expect(reply.locator(".small")).to_contain_text(DISCLAIMER_PHRASE, timeout=ANSWER_TIMEOUT_MS)
    return reply


def test_ask_see_the_streamed_answer_its_sources_and_the_disclaimer(page, assistant):
    expected = assistant.answer(QUESTION)
    with page.expect_response(lambda r: r.url.endswith("/v1/ask/stream")) as streamed:
        reply = ask(page, QUESTION)
    assert streamed.value.headers["content-type"].startswith("text/event-stream")
    panel = page.locator("#painchat-widget .panel")
    expect(panel.locator(".disclaimer")).to_contain_text(DISCLAIMER_PHRASE)
    expect(reply).to_contain_text(expected.citations[0].quote)
    expect(reply.get_by_role("button", name="[1]").first).to_be_visible()
    expect(reply.get_by_role("link", name=expected.citations[0].doi_url).first).to_have_attribute("target", "_blank")

    reply.get_by_role("button", name="[1]").first.click()  # opens the source's quoted passage
    expect(reply.locator("details").first).to_have_attribute("open", "")
    expect(reply.locator("details mark").first).to_have_text(expected.citations[0].quote)

    origins = {urlsplit(url).hostname for url in page.requests if urlsplit(url).scheme in ("http", "https")}
    assert origins == {"127.0.0.1"}, f"requests left the loopback origins: {sorted(origins)}"


def test_emergency_is_an_alert(page):
    reply = ask(page, "I get chest pain and can't breathe when I exercise")
    expect(reply).to_have_attribute("role", "alert")
    expect(reply).to_contain_text("emergency")


def test_hostile_page_css_does_not_break_the_widget(page):
    page.add_style_tag(content=HOSTILE_CSS)
    reply = ask(page, QUESTION)
    expect(reply.get_by_role("button", name="[1]").first).to_be_visible()
    disclaimer = page.locator("#painchat-widget .disclaimer")
    expect(disclaimer).to_be_visible()
    style = disclaimer.evaluate("e => [getComputedStyle(e).fontSize, getComputedStyle(e).color, getComputedStyle(e).opacity]")
    assert style[0] == "13px" and style[1] != "rgba(0, 0, 0, 0)" and style[2] == "1"


def test_markup_typed_as_a_question_stays_text(page):
    ask(page, INJECTION)
    expect(page.locator("#painchat-widget .msg.user").last).to_contain_text(INJECTION)
    assert page.locator("#painchat-widget img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert not any(url.endswith("/x") for url in page.requests)


def test_keyboard_only_and_360_px(browser, site):
    tab = new_page(browser, width=360, height=640)
    tab.goto(site.url)
    bubble = tab.get_by_role("button", name="Ask about exercise and pain")
    bubble.focus()
    tab.keyboard.press("Enter")
    box = tab.get_by_role("textbox", name="Your question")
    expect(box).to_be_focused()
    panel = tab.locator("#painchat-widget .panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360 and panel["y"] >= 0
    tab.keyboard.type(QUESTION)
    tab.keyboard.press("Enter")
    expect(tab.locator("#painchat-widget .msg.bot .small")).to_contain_text(DISCLAIMER_PHRASE, timeout=ANSWER_TIMEOUT_MS)
    expect(tab.get_by_role("log", name="Conversation")).to_have_attribute("aria-live", "polite")
    tab.keyboard.press("Escape")
    expect(bubble).to_be_focused()
    expect(bubble).to_have_attribute("aria-expanded", "false")
    tab.close()


def test_no_serious_accessibility_violation_in_the_widget(page):
    ask(page, QUESTION)
    ask(page, "What is the capital of France?")
    page.locator("#painchat-widget details").first.locator("summary").click()
    violations = axe_violations(page, "#painchat-widget")
    assert violations == [], violations


def test_related_unknown_kinds_and_errors_render_with_the_disclaimer(page, assistant):
    """Replies the running server can't produce yet (or only when failing), served to the widget as that server would."""
    real = json.loads(assistant.answer(QUESTION).model_dump_json())
    related = {**real, "kind": "related", "missing_terms": ["swimming"]}
    future = {**real, "kind": "a_future_kind", "answer": "**not markup** <b>x</b>", "citations": []}
    refused = {"error": "rate_limited", "message": "Too many requests from this client.", "disclaimer": DISCLAIMER}
    replies = iter([
        {"status": 200, "content_type": "text/event-stream", "body": _events(related)},
        {"status": 200, "content_type": "text/event-stream", "body": _events(future)},
        {"status": 429, "content_type": "application/json", "body": json.dumps(refused)},
    ])  # fmt: skip
    page.route("**/v1/ask/stream", lambda route: route.fulfill(**next(replies)))

    reply = ask(page, "does swimming help nerve pain?")
    expect(reply.locator(".note").first).to_contain_text("Not directly covered")
    expect(reply.locator(".note").nth(1)).to_contain_text("swimming")
    expect(reply.get_by_role("button", name="[1]").first).to_be_visible()

    reply = ask(page, "a question")
    expect(reply.locator(".plain")).to_have_text(future["answer"])  # shown as typed, not as Markdown or HTML
    assert page.locator("#painchat-widget .msg.bot b").count() == 0

    failed = page.locator("#painchat-widget .msg.bot").nth(2)
    page.get_by_role("textbox", name="Your question").fill("again")
    page.get_by_role("textbox", name="Your question").press("Enter")
    expect(failed).to_contain_text(refused["message"])
    expect(failed.locator(".small")).to_contain_text(DISCLAIMER_PHRASE)


def _events(answer: dict) -> str:
    pieces = [f"event: piece\ndata: {json.dumps({'text': line})}\n\n" for line in answer["answer"].splitlines(True)]
    return "".join(pieces) + f"event: answer\ndata: {json.dumps(answer)}\n\nevent: done\ndata: {{}}\n\n"
