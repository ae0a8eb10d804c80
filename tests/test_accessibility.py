"""WCAG 2.2 AA checks and patient-facing behaviour in headless Chromium: desktop, a 390-px phone,
and the app inside 360-px and 760-px cross-origin iframes (sidebar collapsed)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.browser import (
    CHAT_PLACEHOLDER,
    EmbeddingPage,
    answered,
    ask,
    new_page,
    open_first_source,
    wait_until_ready,
)
from painchat.ui import texts
from tests.axe import axe_violations
from tests.ui_helpers import app_env, browser, streamlit_server  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

QUESTION = "Can exercise help with neuropathic pain?"
EMERGENCY = "I have crushing chest pain spreading to my left arm right now"
# Skip link, sidebar toggle, main column, three examples, disclaimer, chat box; it was 20, nine of
# them inside the invisible sidebar.
MAX_TABS_TO_CHAT_BOX = 9
# name: (window width, window height, iframe width or None for the app as the page itself)
VIEWS = {
    "desktop": (1280, 900, None),
    "phone": (390, 844, None),
    "iframe-360": (420, 760, 360),
    "iframe-760": (820, 900, 760),
}


@pytest.fixture
def view(request, browser, streamlit_server):  # noqa: F811
    """(page, root) for one view: root is the page, or the app's frame inside a clinic page."""
    width, height, frame_width = VIEWS[request.param]
    tab = new_page(browser, width, height)
    host = None
    try:
        if frame_width is None:
            tab.goto(streamlit_server.url)
            root = tab
        else:
            host = EmbeddingPage(streamlit_server.url, frame_width).start()
            tab.goto(host.url)
            root = tab.frame_locator("iframe")
        wait_until_ready(root)
        yield tab, root
    finally:
        tab.close()
        if host:
            host.stop()


def app_frame(tab):
    """The frame that runs the app: the page itself, or the iframe inside the clinic page."""
    return tab.frames[1] if len(tab.frames) > 1 else tab.main_frame


@pytest.mark.parametrize("view", list(VIEWS), indirect=True)
def test_no_serious_axe_violations_after_an_answer(view):
    tab, root = view
    ask(root, QUESTION)

    assert axe_violations(app_frame(tab)) == []


@pytest.mark.parametrize("view", ["iframe-760"], indirect=True)
def test_tab_from_the_clinic_page_reaches_the_chat_box_through_visible_focus_only(view):
    tab, _ = view
    frame = app_frame(tab)
    stops = []
    for _ in range(MAX_TABS_TO_CHAT_BOX):
        tab.keyboard.press("Tab")
        stop = frame.evaluate(
            """() => {
                const el = document.activeElement, box = el.getBoundingClientRect(), style = getComputedStyle(el);
                return {tag: el.tagName, placeholder: el.placeholder || null, text: (el.innerText || '').slice(0, 40),
                        onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth,
                        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
            }"""
        )
        stops.append(stop)
        if stop["placeholder"] == CHAT_PLACEHOLDER:
            break
    assert stops[-1]["placeholder"] == CHAT_PLACEHOLDER, stops
    assert all(s["onScreen"] for s in stops), stops  # nothing in the collapsed sidebar takes focus
    assert all(s["outline"] for s in stops if s["tag"] != "BODY"), stops  # a visible focus ring


@pytest.mark.parametrize("view", ["phone"], indirect=True)
def test_examples_show_without_scrolling_and_the_pinned_disclaimer_is_one_line(view):
    _tab, root = view
    for button in root.get_by_test_id("stMain").get_by_role("button").all():
        expect(button).to_be_in_viewport(ratio=1)
    summary = root.get_by_test_id("stBottom").get_by_text(texts.DISCLAIMER_SHORT)
    expect(summary).to_be_visible()
    assert summary.bounding_box()["height"] < 30  # one line of text
    summary.click()
    expect(root.get_by_test_id("stBottom").get_by_text("is not medical advice")).to_be_visible()


@pytest.mark.parametrize("view", ["phone"], indirect=True)
def test_a_reply_is_announced_and_an_emergency_title_is_in_view(view):
    tab, root = view
    region = tab.locator("#painchat-live")
    ask(root, QUESTION)
    expect(region).to_have_attribute("aria-live", "polite")
    sources = count_sources(root)
    assert sources > 1
    expect(region).to_have_text(f"{texts.ANNOUNCE_PREFIX} Here is what the papers say: {sources} sources.")

    ask(root, EMERGENCY)
    expect(region).to_have_text(f"{texts.ANNOUNCE_PREFIX} Get urgent help now")
    title = answered(root).last.get_by_text("Get urgent help now")
    expect(title).to_be_in_viewport(ratio=1)
    pinned_top = root.get_by_test_id("stBottom").bounding_box()["y"]
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= pinned_top  # not under the pinned block


def count_sources(root) -> int:
    return answered(root).last.get_by_test_id("stExpander").count()


@pytest.mark.parametrize("view", ["desktop"], indirect=True)
def test_an_over_long_question_stays_in_the_box_with_a_message(view):
    _tab, root = view
    long_question = "my feet burn at night and " * 80  # 2,080 characters
    box = root.get_by_placeholder(CHAT_PLACEHOLDER)
    box.fill(long_question)
    box.press("Enter")

    expect(root.get_by_text("the limit is 2,000")).to_be_visible()
    expect(box).to_have_value(long_question)
    assert answered(root).count() == 0


def test_no_request_leaves_the_apps_origin(browser, streamlit_server):  # noqa: F811
    tab = new_page(browser)
    requests = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto(streamlit_server.url)
        wait_until_ready(tab)
        ask(tab, QUESTION)
        open_first_source(tab, answered(tab).last.locator("li").first.inner_text().rsplit(" [", 1)[0])
    finally:
        tab.close()
    # blob: is page.js handed to the browser by Streamlit itself; nothing goes to a third party.
    elsewhere = [url for url in requests if not url.startswith((streamlit_server.url, "blob:", "data:"))]
    assert requests and elsewhere == []
