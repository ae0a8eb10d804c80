"""Drives the real app in headless Chromium: shared by the browser tests and ``scripts/screenshots.py``.

Starts ``streamlit run app.py`` on a free loopback port, serves a cross-origin page that embeds it
in an iframe, and asks questions through the chat input the way a person does.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from devtools.loopback import LoopbackServer, free_port
from painchat.messages import DISCLAIMER
from painchat.ui.render import CHAT_PLACEHOLDER

CHROMIUM = "/usr/bin/chromium"  # Debian's package; never a downloaded browser build
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# A phrase only the disclaimer says: an answer is complete once its disclaimer is drawn under it.
DISCLAIMER_PHRASE = DISCLAIMER.split(". ")[0]
CHAT_MESSAGE = '[data-testid="stChatMessage"]'
EMBED_WIDTH = 760
ANSWER_TIMEOUT_MS = 120_000  # a server that has just started may still be loading the model



class StreamlitServer(LoopbackServer):
    """The chat as ``make run`` serves it (``python -m painchat.ui.serve``), on loopback."""

    name = "streamlit"
    health_path = "/_stcore/health"

    def command(self) -> Sequence[str]:
        return [
            sys.executable, "-m", "painchat.ui.serve",
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none",
            # What a visitor from another host sees: no developer "Deploy" menu.
            "--client.toolbarMode", "viewer",
        ]  # fmt: skip


class EmbeddingPage:
    """A stand-in clinic page on another loopback port (so another origin) that iframes the app."""

    def __init__(self, app_url: str, width: int = EMBED_WIDTH) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="painchat-embed-"))
        (self.folder / "index.html").write_text(embedding_html(app_url, width), encoding="utf-8")
        handler = partial(_QuietHandler, directory=str(self.folder))
        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/index.html"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> EmbeddingPage:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass  # keep test output to what matters


def embedding_html(app_url: str, width: int) -> str:
    """The snippet docs/EMBEDDING.md gives clinics, inside a minimal page."""
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Example clinic: exercise and nerve pain</title></head>
<body style="font-family: sans-serif; margin: 16px; background: #f4f6f8">
  <h1 style="font-size: 20px">Example Clinic — patient information</h1>
  <iframe src="{app_url}/?embed=true" width="{width}" height="820"
          style="border: 1px solid #ccd; border-radius: 8px; background: white"
          title="Exercise and nerve pain: answers from research papers"></iframe>
</body>
</html>
"""


@contextmanager
def chromium() -> Iterator:
    """Headless Debian Chromium, closed on exit; open pages with ``new_page``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, width: int = 1280, height: int = 900):
    return browser.new_page(viewport={"width": width, "height": height})


def wait_until_ready(root, timeout_ms: int = ANSWER_TIMEOUT_MS) -> None:
    """Waits for the chat input: the app has loaded the assistant and can take questions.

    ``root`` is a Playwright Page or a FrameLocator (the app inside an iframe).
    """
    root.get_by_placeholder(CHAT_PLACEHOLDER).wait_for(state="visible", timeout=timeout_ms)
    # The sidebar is drawn once the assistant is loaded (it may be collapsed, so: attached).
    sidebar = root.get_by_test_id("stSidebarUserContent")
    sidebar.get_by_text("The papers", exact=True).wait_for(state="attached", timeout=timeout_ms)


def answered(root):
    """Locator of the assistant messages that are fully drawn (their disclaimer is shown)."""
    return root.locator(CHAT_MESSAGE).filter(has_text=DISCLAIMER_PHRASE)


def ask(root, question: str, timeout_ms: int = ANSWER_TIMEOUT_MS) -> float:
    """Types a question, presses Enter and waits for its answer; returns the seconds that took."""
    from playwright.sync_api import expect

    before = answered(root).count()
    box = root.get_by_placeholder(CHAT_PLACEHOLDER)
    box.fill(question)
    started = time.perf_counter()
    box.press("Enter")
    expect(answered(root)).to_have_count(before + 1, timeout=timeout_ms)
    return time.perf_counter() - started


def click_example(root, question: str, timeout_ms: int = ANSWER_TIMEOUT_MS) -> None:
    """Clicks the first visible button that asks ``question`` and waits for its answer."""
    from playwright.sync_api import expect

    before = answered(root).count()
    # The same question is a button in the sidebar and, in an empty chat, in the main column.
    root.get_by_role("button", name=question).filter(visible=True).first.click()
    expect(answered(root)).to_have_count(before + 1, timeout=timeout_ms)


def open_first_source(root, quote: str, timeout_ms: int = 10_000):
    """Expands the first source of the last answer, waits until ``quote`` shows in it, returns the expander."""
    expander = answered(root).last.locator('[data-testid="stExpander"]').first
    expander.locator("summary").click()
    expander.get_by_text(quote).wait_for(state="visible", timeout=timeout_ms)
    return expander
