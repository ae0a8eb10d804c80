"""Turns untrusted text (questions, paper text) into Markdown that renders as literal, inert text."""

from __future__ import annotations

import re
import string
from urllib.parse import urlsplit

# Every ASCII punctuation character becomes a numeric character reference (":" -> "&#58;"): Markdown
# shows it as that literal character, never as syntax, and no raw-string rewriting in Streamlit
# ($math$, :color[...], :icons:) can see it. Checked in Chromium: only bare http(s)/www URLs still
# become links (ordinary ones, opening in a new tab); "javascript:" never does.
_PUNCTUATION = re.compile(f"[{re.escape(string.punctuation)}]")
_SAFE_DOI = re.compile(r"^https://doi\.org/10\.\d{4,9}/[^\s()<>\[\]]+$")


def escape_markdown(text: str) -> str:
    """Literal text: every Markdown/HTML special character escaped, line breaks kept."""
    escaped = _PUNCTUATION.sub(lambda match: f"&#{ord(match.group())};", text)
    return re.sub(r"\r?\n", "  \n", escaped)


def highlighted_quote(context: str, span: tuple[int, int]) -> str:
    """The passage as escaped Markdown, the quoted span marked like a highlighter pen (and bold)."""
    start, end = span
    before, quote, after = context[:start], context[start:end], context[end:]
    return f"{escape_markdown(before)}{_highlight(quote)}{escape_markdown(after)}"


def _highlight(text: str) -> str:
    # Bold as well as colour, so the quote stands out without relying on colour alone.
    return f":yellow-background[**{escape_markdown(text)}**]"


def doi_link(url: str | None) -> str:
    """A Markdown link whose text says where it goes ("doi.org/10…"), or "" for a URL that is not a DOI."""
    if not url or not _SAFE_DOI.match(url):
        return ""
    parts = urlsplit(url)
    return f"[{escape_markdown(parts.netloc + parts.path)}]({url})"
