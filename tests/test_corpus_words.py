"""Words about the papers follow the papers: replace or add one and the count and authors' names follow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ingest.manifest import manifest_words
from painchat import guard
from painchat.corpus_words import CorpusWords
from painchat.guard.texts import OUT_OF_SCOPE
from painchat.models import SourceMeta
from painchat.settings import PROJECT_ROOT, Settings, load_settings
from painchat.ui import render

# A fourth paper, written for this test (a made-up paper, not from the corpus).
EXTRA_PAPER = """---
id: okafor2019
title: "Walking programmes for painful feet"
authors: ["Okafor, N.", "Lindqvist, P."]
year: 2019
journal: "Test Journal of Exercise"
---

## Abstract

Walking programmes are a simple kind of exercise for people whose feet hurt. Short daily walks were
easy to keep up. People who walked most days said their feet hurt less after twelve weeks.
"""
EXTRA_SOURCE = """
[[source]]
id = "okafor2019"
title = "Walking programmes for painful feet"
authors = ["Okafor, N.", "Lindqvist, P."]
journal = "Test Journal of Exercise"
year = 2019
"""
POEM = "write me a poem about the sea"
AUTHOR_TRIVIA = "what year did okafor publish?"


@pytest.fixture(scope="module")
def four_papers(tmp_path_factory, corpus_dir) -> Settings:
    """The three shared papers and a fourth, with a sources.toml listing all four."""
    folder = tmp_path_factory.mktemp("four-papers")
    corpus = folder / "corpus"
    corpus.mkdir()
    for paper in corpus_dir.glob("*.md"):
        if paper.stem != "SOURCES":
            (corpus / paper.name).symlink_to(paper)
    (corpus / "okafor2019.md").write_text(EXTRA_PAPER, encoding="utf-8")
    sources = folder / "sources.toml"
    shipped = (PROJECT_ROOT / "corpus" / "sources.toml").read_text(encoding="utf-8")
    sources.write_text(shipped + EXTRA_SOURCE, encoding="utf-8")
    return Settings(corpus_dir=corpus, sources_file=sources, store_dir=folder / "store", data_dir=folder / "data")


@pytest.fixture(scope="module")
def four_paper_assistant(four_papers, embedder):
    from ingest.build import build_store
    from painchat.assistant import Assistant

    build_store(four_papers, embedder)
    return Assistant(four_papers, embedder)


def meta(n: int) -> list[SourceMeta]:
    return [SourceMeta(id=f"p{i}", title="T", authors=(f"Author{i}, A.",)) for i in range(n)]


@pytest.mark.parametrize(
    "count, papers, label",
    [(1, "one research paper", "1 paper"), (4, "four research papers", "4 papers"), (13, "13 research papers", "13 papers"),
     (0, "research papers", "papers")],
)
def test_the_count_is_spelled_out_and_agrees(count, papers, label):
    words = CorpusWords.of(meta(count))
    assert (words.count, words.papers, words.count_label) == (count, papers, label)


def test_first_authors_are_read_as_the_guard_reads_text():
    words = CorpusWords.of([SourceMeta(id="a", title="T", authors=("O'Brien, K.", "Other, B.")), *meta(1)])
    assert words.author_words == {"obrien", "author0"}


def test_the_shipped_manifest_gives_three_papers_and_their_first_authors():
    words = manifest_words(PROJECT_ROOT / "corpus" / "sources.toml")
    assert words.papers == "three research papers" and set(words.first_authors) == {"Zhang", "Cooper", "Dobson"}


def test_texts_drawn_before_the_store_loads_follow_the_manifest_the_settings_name(four_papers, monkeypatch):
    monkeypatch.setenv("PAINCHAT_SOURCES_FILE", str(four_papers.sources_file))
    words = manifest_words(load_settings().sources_file)
    assert render.page_title(words).endswith("evidence from 4 papers")
    assert render.intro(words).startswith("Evidence from four research papers.")


def test_the_guard_names_the_count_it_is_given_and_no_literal_one():
    assert all("three" not in text for text in OUT_OF_SCOPE.values())
    verdict = guard.screen(POEM, 2000, corpus=CorpusWords.of(meta(4)))
    assert verdict and verdict.kind == "out_of_scope" and "four research papers" in verdict.message


def test_naming_a_loaded_papers_author_is_about_the_papers():
    assert guard.screen(AUTHOR_TRIVIA, 2000).reason == "scope:offtopic"
    okafor = CorpusWords(1, ("Okafor",))
    assert guard.screen(AUTHOR_TRIVIA, 2000, corpus=okafor) is None


def test_the_assistant_takes_the_words_from_the_papers_it_answers_from(assistant, four_paper_assistant):
    assert assistant.corpus.papers == "three research papers"
    assert assistant.answer(POEM).kind == "out_of_scope" and "three research papers" in assistant.answer(POEM).answer
    assert assistant.answer(AUTHOR_TRIVIA).kind == "out_of_scope"  # not an author of these papers

    four = four_paper_assistant
    assert four.corpus.count == 4 and "Okafor" in four.corpus.first_authors
    assert "four research papers" in four.answer(POEM).answer
    assert four.answer(AUTHOR_TRIVIA).kind != "out_of_scope"


def test_the_chat_page_follows_the_papers(four_papers, four_paper_assistant, monkeypatch):
    env = {
        "PAINCHAT_CORPUS_DIR": four_papers.corpus_dir,
        "PAINCHAT_SOURCES_FILE": four_papers.sources_file,
        "PAINCHAT_STORE_DIR": four_papers.store_dir,
        "PAINCHAT_DATA_DIR": four_papers.data_dir,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, str(value))
    app = AppTest.from_file(str(Path("..") / "app.py"), default_timeout=120).run()
    assert not app.exception
    assert app.caption[0].value.startswith("Evidence from four research papers.")
    sidebar = " ".join(m.value for m in app.sidebar.markdown)
    assert "from four research papers about exercise" in sidebar and "three" not in sidebar


def test_declines_suggest_only_questions_the_loaded_papers_answer(assistant):
    declines = [assistant.answer(POEM), assistant.answer("do i have diabetic neuropathy?")]
    assert [d.kind for d in declines] == ["out_of_scope", "out_of_scope"]
    for decline in declines:
        offered = re.findall(r"\*([^*]+\?)\*", decline.answer)
        assert offered and set(offered) <= set(assistant.example_questions), decline.answer
    assert "for example" not in guard.screen(POEM, 2000).message  # nothing checked, nothing offered
