"""Paper text inside the answer's Markdown: characters Markdown (or Streamlit) would act on are escaped."""

from __future__ import annotations

import re

# Emphasis, code, links and images, HTML, headings, tables, strike-through, Streamlit's $math$.
_ACTIVE = "\\\\`*_\\[\\]{}<>#|~$"
_ESCAPE = re.compile(f"([{_ACTIVE}])")
_ESCAPED = re.compile(f"\\\\([{_ACTIVE}])")


def escape(text: str) -> str:
    """Text that Markdown shows as written."""
    return _ESCAPE.sub(r"\\\1", text)


def unescape(text: str) -> str:
    """The text ``escape`` was given."""
    return _ESCAPED.sub(r"\1", text)
