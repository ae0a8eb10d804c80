"""In Chromium: the Chroma server dies mid-conversation, or the store is damaged before the page loads.
The patient sees a calm sentence and the disclaimer; never a traceback, a path or an exception name."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from devtools.browser import DISCLAIMER_PHRASE, StreamlitServer, answered, ask, new_page, wait_until_ready
from devtools.loopback import free_port
from ingest.build import build_store
from painchat.errors import StoreError
from painchat.messages import CANNOT_START, STORE_UNAVAILABLE
from painchat.settings import Settings
from painchat.store import BUILDS_DIR, current_version
from tests.faults.conftest import copied_store  # noqa: F401 - fixture
from tests.ui_helpers import browser  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.server]
CHROMA = Path(sys.executable).with_name("chroma")
TECHNICAL = ("Traceback", "httpx", "ConnectError", "Exception", "File \"", "/tmp/", "chroma.sqlite3", "127.0.0.1")


def _start_chroma(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return server, f"http://127.0.0.1:{port}"


def _assert_nothing_technical(page) -> None:
    text = page.locator("body").inner_text()
    for word in TECHNICAL:
        assert word not in text, f"{word!r} shown to the patient"


def test_chroma_server_killed_mid_conversation(browser, corpus_dir, embedder, tmp_path):  # noqa: F811
    chroma, url = _start_chroma(tmp_path / "chroma")
    streamlit = None
    try:
        settings = Settings(corpus_dir=corpus_dir, chroma_url=url, chroma_timeout_s=60)
        _retry_until_up(lambda: build_store(settings, embedder))
        env = {"PAINCHAT_CORPUS_DIR": str(corpus_dir), "PAINCHAT_CHROMA_URL": url, "PAINCHAT_DATA_DIR": str(tmp_path)}
        streamlit = StreamlitServer(env).start()
        page = new_page(browser)
        page.goto(streamlit.url)
        wait_until_ready(page)
        ask(page, "Can exercise help with neuropathic pain?")
        expect(answered(page).last.get_by_text("[1]").first).to_be_visible()

        chroma.kill()
        chroma.wait(timeout=30)
        ask(page, "What is allodynia?")
        failed = answered(page).last
        expect(failed.get_by_text(STORE_UNAVAILABLE)).to_be_visible()
        expect(failed.get_by_text(DISCLAIMER_PHRASE)).to_be_visible()
        _assert_nothing_technical(page)
    finally:
        if streamlit:
            streamlit.stop()
        if chroma.poll() is None:
            chroma.kill()


def test_a_damaged_store_on_page_load(browser, copied_store, corpus_dir, tmp_path):  # noqa: F811
    settings = Settings(corpus_dir=corpus_dir, store_dir=copied_store)
    database = copied_store / BUILDS_DIR / current_version(settings) / "chroma.sqlite3"
    with database.open("r+b") as file:
        file.write(os.urandom(4096))
    env = {"PAINCHAT_CORPUS_DIR": str(corpus_dir), "PAINCHAT_STORE_DIR": str(copied_store), "PAINCHAT_DATA_DIR": str(tmp_path)}
    streamlit = StreamlitServer(env).start()
    try:
        page = new_page(browser)
        page.goto(streamlit.url)
        expect(page.get_by_text(CANNOT_START)).to_be_visible(timeout=120_000)
        expect(page.get_by_text(DISCLAIMER_PHRASE).filter(visible=True)).to_be_visible()  # beside the pinned one, folded
        _assert_nothing_technical(page)
    finally:
        streamlit.stop()


def _retry_until_up(call, attempts: int = 120):
    """The server takes a moment to listen after it starts."""
    for _ in range(attempts - 1):
        try:
            return call()
        except StoreError:
            time.sleep(0.5)
    return call()
