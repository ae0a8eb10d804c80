import pytest

from ingest.loaders.markdown import load_markdown
from painchat.models import Coverage

FILE = """---
id: demo2020
title: "A demo paper"
authors: ["Doe, J.", "Roe, R."]
year: 2020
journal: "Journal of Demos"
doi: "10.1/demo"
coverage: "abstract-partial (first 2 sentences)"
---

<!-- provenance notes are not paper text -->

# A demo paper

## Abstract

**Background:** Walking helps. Cycling helps too.

**Methods:** We searched
two databases.

<!-- GAP: cut here -->

## Keywords

walking; cycling
"""


def test_reads_front_matter_labels_and_skips_comments_and_keywords(tmp_path):
    path = tmp_path / "demo2020.md"
    path.write_text(FILE, encoding="utf-8")
    document = load_markdown(path, None)
    assert document.meta.label == "Doe & Roe, 2020"
    assert document.meta.coverage is Coverage.ABSTRACT_PARTIAL
    assert [(s.path, s.paragraphs) for s in document.sections] == [
        (("Abstract", "Background"), ("Walking helps. Cycling helps too.",)),
        (("Abstract", "Methods"), ("We searched two databases.",)),
    ]
    assert "provenance" not in document.text and "walking; cycling" not in document.text


def test_manifest_metadata_wins(tmp_path):
    path = tmp_path / "demo2020.md"
    path.write_text(FILE, encoding="utf-8")
    document = load_markdown(path, {"id": "demo2020", "title": "Canonical title", "year": 2021})
    assert (document.meta.title, document.meta.year, document.meta.doi) == ("Canonical title", 2021, "10.1/demo")


def test_offline_corpus_paragraphs_are_verbatim(corpus_dir):
    for path in corpus_dir.glob("*.md"):
        if path.stem == "SOURCES":
            continue
        document = load_markdown(path, None)
        raw = path.read_text(encoding="utf-8")
        assert document.sections, path
        assert all(p in raw for s in document.sections for p in s.paragraphs)


def test_malformed_files_name_the_file(tmp_path, monkeypatch):
    from ingest.loaders import load_corpus
    from painchat.errors import CorpusError

    cases = {
        "latin1.md": "---\ntitle: Caf\xe9\n---\n\nText.".encode("latin-1"),
        "list.md": b"---\n- just a list\n---\n\nText.",
        "year.md": b'---\ntitle: "T"\nyear: twenty\n---\n\nText.',
    }
    for name, data in cases.items():
        folder = tmp_path / name.removesuffix(".md")
        folder.mkdir()
        (folder / name).write_bytes(data)
        with pytest.raises(CorpusError, match=name):
            load_corpus(folder, {})


def test_a_single_author_string_is_one_author(tmp_path):
    path = tmp_path / "solo.md"
    path.write_text('---\ntitle: "T"\nauthors: "Dobson, J. L."\nyear: 2014\n---\n\nText.', encoding="utf-8")
    assert load_markdown(path, None).meta.label == "Dobson, 2014"
