"""Screenshots of the real app for the docs: ``python scripts/screenshots.py`` (``make screenshots``).

Writes docs/screenshot-desktop.png (1280×900, one answer with its first source open),
docs/screenshot-phone.png (390×844, the start page with its example questions, then one answer in
docs/screenshot-phone-answer.png) and docs/screenshot-iframe.png (the app in a 760-px iframe on another
origin, one answer). Uses the
store that ``PAINCHAT_*`` points at, as ``make run`` does; build it first with ``make store``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # so it runs from any folder

from devtools.browser import (
    EMBED_WIDTH,
    EmbeddingPage,
    StreamlitServer,
    answered,
    ask,
    chromium,
    new_page,
    open_first_source,
    wait_until_ready,
)
from painchat.settings import PROJECT_ROOT
from painchat.ui.render import CHAT_PLACEHOLDER

QUESTION = "How does neuropathic pain develop?"  # a short answer: question, answer and an open source fit
DOCS = PROJECT_ROOT / "docs"


def desktop(browser, app_url: str, path: Path) -> None:
    page = new_page(browser, 1280, 900)
    page.goto(app_url)
    wait_until_ready(page)
    ask(page, QUESTION)
    first_quote = answered(page).last.locator("li").first.inner_text().rsplit(" [", 1)[0]
    source = open_first_source(page, first_quote)
    # Just enough scrolling to show the highlighted quote: the answer's end and the sources stay in view.
    source.locator("strong").first.scroll_into_view_if_needed()
    page.screenshot(path=path)


def phone(browser, app_url: str, start_path: Path, answer_path: Path) -> None:
    page = new_page(browser, 390, 844)
    page.goto(app_url)
    wait_until_ready(page)
    page.screenshot(path=start_path)
    ask(page, QUESTION)
    page.get_by_placeholder(CHAT_PLACEHOLDER).blur()
    page.wait_for_timeout(1500)  # the run finishes ("Stop" goes) and the reply is scrolled into view
    page.screenshot(path=answer_path)


def embedded(browser, app_url: str, path: Path) -> None:
    host = EmbeddingPage(app_url).start()
    try:
        page = new_page(browser, EMBED_WIDTH + 60, 900)
        page.goto(host.url)
        frame = page.frame_locator("iframe")
        wait_until_ready(frame)
        ask(frame, QUESTION)
        frame.get_by_placeholder(CHAT_PLACEHOLDER).blur()  # as after the reader looks away: no focus ring
        page.screenshot(path=path)
    finally:
        host.stop()


def main() -> int:
    server = StreamlitServer(env={}).start()
    try:
        with chromium() as browser:
            desktop(browser, server.url, DOCS / "screenshot-desktop.png")
            phone(browser, server.url, DOCS / "screenshot-phone.png", DOCS / "screenshot-phone-answer.png")
            embedded(browser, server.url, DOCS / "screenshot-iframe.png")
    finally:
        server.stop()
    print(f"wrote the desktop, phone and iframe screenshots to {DOCS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
