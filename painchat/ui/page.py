"""Page-level behaviour and styles: the live region, reply scrolling, the inert collapsed sidebar,
the tab-local conversation kept for restarts, the connection notice (``page.js``), and the CSS
(``page.css``) for focus rings, compact narrow layouts and the pinned disclaimer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from painchat.ui import texts

HERE = Path(__file__).resolve().parent
COMPONENT_NAME = "painchat_page"
KEY = "page-behaviour"
MAX_RESTORED_QUESTIONS = 50  # what a browser sends back is untrusted: bounded before it is read

# Not isolated: page.js works on the app's own document (live region, sidebar, reply scrolling).
_component = st.components.v2.component(
    COMPONENT_NAME, js=(HERE / "page.js").read_text(encoding="utf-8"), isolate_styles=False
)


def styles() -> None:
    """The app's stylesheet; Streamlit puts a style-only ``st.html`` outside the layout."""
    st.html(HERE / "page.css")


def reply_class(exchange_id: int) -> str:
    """CSS class of a reply's container (``st.container(key=...)`` adds the ``st-key-`` prefix)."""
    return f"st-key-{reply_key(exchange_id)}"


def reply_key(exchange_id: int) -> str:
    return f"reply-{exchange_id}"


def behaviour(
    questions: Sequence[str], offer_restore: bool, announcement: tuple[int, str] | None, max_chars: int
) -> list[str]:
    """Mounts ``page.js`` with this run's conversation; ``announcement`` is (exchange id, text).

    Returns the questions the tab kept, when page.js asks for them to be restored (on a new
    session's first run, or after reconnecting to a restarted server); otherwise ``[]``.
    """
    latest = announcement[0] if announcement else None
    result = _component(
        key=KEY,
        data={
            "questions": list(questions),
            "offer_restore": offer_restore,
            "announcement": {"id": latest, "text": announcement[1]} if announcement else None,
            "reply_class": reply_class(latest) if latest is not None else None,
            "texts": {"offline": texts.CONNECTION_LOST},
        },
        on_restore_change=_read_in_the_run,
    )
    return restorable(result.get("restore"), max_chars)


def _read_in_the_run() -> None:
    """Registers the "restore" event; its value is read from the component's result instead, because
    a new session (after a server restart) has no callbacks registered when it arrives."""


def restorable(sent: object, max_chars: int) -> list[str]:
    """What a browser sends back is untrusted: at most 50 non-empty strings, each within the limit."""
    if not isinstance(sent, list):
        return []
    return [q for q in sent[:MAX_RESTORED_QUESTIONS] if isinstance(q, str) and 0 < len(q) <= max_chars]
