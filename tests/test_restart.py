"""The server stops and starts again mid-conversation: the patient is told in plain words, and the
conversation comes back (asked again from the questions kept in the browser tab), even when the page's
first request to restore it is lost on the way to the new server."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from devtools.browser import ANSWER_TIMEOUT_MS, StreamlitServer, answered, ask, new_page, wait_until_ready
from painchat.ui import texts
from tests.ui_helpers import app_env, browser  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

FIRST = "Can exercise help with neuropathic pain?"
SECOND = "What is allodynia?"
KEPT = "sessionStorage.getItem('painchat-conversation')"


@pytest.fixture
def server(app_env):  # noqa: F811 - the imported fixture
    own = StreamlitServer(app_env)  # this test stops it, so no other test shares it
    try:
        yield own.start()
    finally:
        own.stop()


class LosesFirstRestoreRequest:
    """Carries the page's WebSocket messages to the server, except the first restore request once ``armed``."""

    def __init__(self) -> None:
        self.armed = False
        self.lost = 0

    def __call__(self, socket) -> None:
        server = socket.connect_to_server()  # the server's messages reach the page untouched

        def from_page(message) -> None:
            if self.armed and not self.lost and isinstance(message, bytes) and b"restore" in message:
                self.lost += 1
                return
            server.send(message)

        socket.on_message(from_page)


def start_conversation(tab, server) -> None:
    tab.goto(server.url)
    wait_until_ready(tab)
    ask(tab, FIRST)
    ask(tab, SECOND)
    tab.wait_for_function(f"JSON.parse({KEPT} || '[]').length === 2")


def test_a_restart_mid_conversation_is_explained_and_the_conversation_restored(browser, server):  # noqa: F811
    tab = new_page(browser)
    try:
        start_conversation(tab, server)

        server.stop()
        notice = tab.get_by_role("alert").filter(has_text=texts.CONNECTION_LOST)
        expect(notice).to_be_visible(timeout=30_000)
        expect(tab.get_by_text("Are you connected to the internet?")).to_be_hidden()

        server.start()
        expect(tab.get_by_text(texts.RESTORED)).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        expect(notice).to_be_hidden()
        expect(answered(tab)).to_have_count(2)
        for question in (FIRST, SECOND):
            expect(tab.get_by_test_id("stChatMessage").filter(has_text=question).first).to_be_visible()

        ask(tab, "and how does it develop?")  # the conversation goes on after the restart
        tab.wait_for_function(f"JSON.parse({KEPT} || '[]').length === 3")  # kept once the run has finished
    finally:
        tab.close()


def test_a_lost_restore_request_is_sent_again(browser, server):  # noqa: F811
    tab = new_page(browser)
    network = LosesFirstRestoreRequest()
    tab.route_web_socket("**/_stcore/stream", network)
    try:
        start_conversation(tab, server)
        server.stop()
        network.armed = True
        expect(tab.get_by_role("alert").filter(has_text=texts.CONNECTION_LOST)).to_be_visible(timeout=30_000)

        server.start()
        expect(tab.get_by_text(texts.RESTORED)).to_be_visible(timeout=ANSWER_TIMEOUT_MS)
        assert network.lost == 1
        expect(answered(tab)).to_have_count(2)
    finally:
        tab.close()
