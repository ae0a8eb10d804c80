"""Streamlit rendering of answers, sources, notices and the sidebar.

Paper text and user text render inert: the core escapes paper text inside the answer's Markdown
(``painchat.markdown``), this module escapes everything else it shows (``painchat.ui.markdown``),
questions are shown with ``st.text``, and ``unsafe_allow_html`` is never used.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import streamlit as st

from painchat.corpus_words import CorpusWords
from painchat.messages import RELATED_NOTE
from painchat.models import Answer, Citation, Coverage, SourceCoverage, SourceMeta, by_source
from painchat.ui import texts
from painchat.ui.markdown import doi_link, escape_markdown, highlighted_quote

# Served by this server: a ":material/…" page icon would make every visitor's browser fetch it from Google.
PAGE_ICON = str(Path(__file__).resolve().parent / "static" / "icon.png")
# "{count_label}", "{papers}": how many papers are loaded ("3 papers", "three research papers"; painchat.corpus_words).
PAGE_TITLE = "Exercise & nerve pain — evidence from {count_label}"
HEADING = "Exercise & nerve pain"  # the H1; shorter than the tab title so a narrow embed keeps room for the chat
INTRO = (
    "Evidence from {papers}. Ask about exercise for neuropathic (nerve) pain: every answer "
    "quotes sentences from the papers and numbers its sources, so you can check each one."
)
CHAT_PLACEHOLDER = "Ask about exercise and nerve pain…"
# A book, not a robot: the answers are quotes from papers, not text a model wrote.
AVATARS = {"user": ":material/person:", "assistant": ":material/menu_book:"}

COVERAGE_WORDS = {
    Coverage.FULL_TEXT: "Full text",
    Coverage.ABSTRACT: "Abstract only",
    Coverage.ABSTRACT_PARTIAL: "Partial abstract",
}
# What is missing, per coverage, for the notice in the main column.
MISSING_WORDS = {
    Coverage.ABSTRACT: "Only abstracts are loaded for",
    Coverage.ABSTRACT_PARTIAL: "Only partial abstracts are loaded for",
}

# Each non-answer kind gets a colour, an icon AND a text title, so nothing relies on colour alone.
NOTICES: dict[str, tuple[Callable, str, str]] = {
    "emergency": (st.error, ":material/warning:", "Get urgent help now"),
    "out_of_scope": (st.warning, ":material/block:", "Outside what this assistant can answer"),
    "not_covered": (st.info, ":material/search_off:", "Not covered by the loaded papers"),
    "invalid": (st.warning, ":material/error:", "This question could not be read"),
}

HOW_IT_WORKS = """\
- Answers are **sentences quoted word for word** from {papers} about exercise and
  neuropathic pain. Each quote has a number, like [1], that leads to its source.
- **No generative AI writes the answers**, so nothing is made up. If the papers do not cover a
  question, it says so.
- It is **not medical advice**: it does not diagnose, and it gives no advice on medication.
- If a message sounds like an emergency, it tells you to **get urgent care** instead of answering.
- A thumbs rating is stored on this server with the time, the answer type and the sources used;
  your question only if the server's operator has switched question logging on. No IP address,
  name or account is stored.
- Your questions stay in this browser tab (its session storage) so the conversation survives a
  server restart; closing the tab or "New chat" removes them.
"""


def disclaimer(text: str) -> None:
    """The standard disclaimer, with an icon, as a small notice."""
    st.caption(f":material/medical_information: **Not medical advice.** {escape_markdown(text)}")


def pinned_disclaimer(text: str) -> None:
    """One line above the chat box that opens to the full disclaimer (small screens keep room)."""
    with (
        st.container(key="pinned-disclaimer"),
        st.expander(texts.DISCLAIMER_SHORT, icon=":material/medical_information:"),
    ):
        st.markdown(escape_markdown(text))


def coverage_notice(coverage: Sequence[SourceCoverage]) -> None:
    """Says which papers are only partly loaded; nothing when all are full text."""
    lines = []
    for level, words in MISSING_WORDS.items():
        labels = [escape_markdown(c.label) for c in coverage if c.coverage == level]
        if labels:
            lines.append(f"{words}: {'; '.join(labels)}.")
    if lines:
        lines.append("Answers can only quote what is loaded; the full papers may say more.")
        st.info("  \n".join(lines), icon=":material/description:")


def answer(result: Answer, anchor: str | None = None) -> None:
    """One assistant message: the notice or Markdown answer, its sources, then the disclaimer.

    ``anchor`` makes the "Sources" heading's id unique on the page (None: no id).
    """
    notice = NOTICES.get(result.kind)
    if notice:
        show, icon, title = notice
        show(result.answer, icon=icon, title=title)
    else:
        if result.kind == "related":  # quotes on the topic, not an answer to the question itself
            st.caption(f":material/info: **{escape_markdown(RELATED_NOTE)}**")
        st.markdown(result.answer)
    if result.citations:
        sources(result.citations, anchor)
    disclaimer(result.disclaimer)


def announcement(result: Answer) -> str:
    """What a screen reader hears when the reply arrives: its title, or its first words."""
    notice = NOTICES.get(result.kind)
    title = notice[2] if notice else result.answer.split("\n", 1)[0]
    n = len(result.citations)
    count = f" {n} source{'s' if n > 1 else ''}." if n else ""
    return f"{texts.ANNOUNCE_PREFIX} {title}{count}"


def sources(citations: tuple[Citation, ...], anchor: str | None = None) -> None:
    # Level 2 under the page's H1 (styled small in page.css); an explicit anchor, or the same
    # id "sources" would repeat in every answer.
    st.header("Sources", anchor=anchor or False)
    for group in by_source(citations):  # one reference line per paper, then each of its quotes
        st.markdown(reference(group))
        for citation in group:
            label = escape_markdown(f"[{citation.n}]")
            with st.expander(f"Show quote {label} in its passage", icon=":material/format_quote:"):
                st.caption(f"{escape_markdown(citation.label)} · {escape_markdown(citation.section)}")
                st.markdown(highlighted_quote(citation.context, citation.context_span))


def reference(group: Sequence[Citation]) -> str:
    """``[n, m] Authors (year). Title. Journal. doi.org/…`` as escaped Markdown, for one paper's quotes."""
    citation = group[0]
    numbers = ", ".join(str(c.n) for c in group)
    parts = [
        escape_markdown(f"[{numbers}] {authors_short(citation.authors) or citation.label}"),
        f"({citation.year or 'n.d.'}).",
        f"{escape_markdown(citation.title)}.",
        f"*{escape_markdown(citation.journal)}*." if citation.journal else "",
        doi_link(citation.doi_url),
    ]
    return " ".join(p for p in parts if p)


def authors_short(authors: Sequence[str], shown: int = 3) -> str:
    """The first authors, then "et al." (a paper here has 22)."""
    if len(authors) <= shown:
        return ", ".join(authors)
    return ", ".join(authors[:shown]) + ", et al."


def papers(coverage: Sequence[SourceCoverage], metas: Mapping[str, SourceMeta]) -> None:
    """Sidebar list of the loaded papers, with how much of each is loaded."""
    st.header("The papers", anchor=False)
    for paper in coverage:
        meta = metas.get(paper.source_id)
        journal = f" *{escape_markdown(meta.journal)}*." if meta and meta.journal else ""
        st.markdown(
            f"**{escape_markdown(paper.label)}**  \n{escape_markdown(paper.title)}.{journal}  \n"
            f"Loaded: {COVERAGE_WORDS[paper.coverage]}  \n{doi_link(paper.doi_url)}"
        )


def example_buttons(questions: Sequence[str], on_pick: Callable[[str], None], key_prefix: str) -> None:
    """One button per example question; clicking one asks it."""
    for i, question in enumerate(questions):
        st.button(
            question,
            key=f"{key_prefix}-{i}",
            on_click=on_pick,
            args=(question,),
            icon=":material/chat_bubble:",
            width="stretch",
        )


def how_it_works(corpus: CorpusWords) -> None:
    st.header("How this works", anchor=False)
    st.markdown(HOW_IT_WORKS.format(papers=corpus.papers))


def page_title(corpus: CorpusWords) -> str:
    return PAGE_TITLE.format(count_label=corpus.count_label)


def intro(corpus: CorpusWords) -> str:
    return INTRO.format(papers=corpus.papers)
