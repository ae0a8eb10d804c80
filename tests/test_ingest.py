"""Ingest of the offline corpus into temp dirs with the real model and real Chroma."""

import shutil

import pytest

import ingest.build
from ingest.build import build_store
from painchat import read_side
from painchat.settings import Settings
from painchat.store import current_build
from painchat.store_format import passage_of_row, reading_order


def test_builds_every_paper_with_coverage(built_store, settings):
    assert built_store.documents == 3
    assert built_store.chunks.added >= 3 and built_store.sentences.added >= built_store.chunks.added
    live = current_build(settings)
    chunks = live.client.get_collection(live.chunks)
    assert chunks.count() == built_store.chunks.added + built_store.chunks.unchanged
    assert chunks.metadata["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert chunks.metadata["dimension"] == 384
    assert "abstract_partial" in chunks.metadata["sources"]
    assert "ingest: 3 documents" in built_store.summary()


def test_the_read_side_is_saved_with_the_build_and_holds_the_stored_passages(built_store, settings):
    live = current_build(settings)
    saved = read_side.load(live.read_side)
    assert saved is not None, "ingest saves it beside the build"
    rows = live.client.get_collection(live.chunks).get(include=["documents", "metadatas"])
    stored = [passage_of_row(*row) for row in zip(rows["ids"], rows["documents"], rows["metadatas"])]
    assert list(saved.passages.items()) == [(p.id, p) for p in reading_order(stored)]
    assert saved.sentence_count == live.client.get_collection(live.sentences).count()


@pytest.fixture()
def own_corpus(tmp_path, corpus_dir, embedder):
    """A writable copy of the corpus and an empty store of its own."""
    folder = tmp_path / "corpus"
    shutil.copytree(corpus_dir, folder)
    settings = Settings(corpus_dir=folder, store_dir=tmp_path / "store")
    build_store(settings, embedder)
    return settings


def test_second_run_embeds_nothing(own_corpus, embedder):
    report = build_store(own_corpus, embedder)
    assert (report.chunks.added, report.chunks.updated, report.chunks.removed) == (0, 0, 0)
    assert report.sentences.added + report.sentences.updated == 0


def test_an_unchanged_build_without_a_read_side_gets_one(own_corpus, embedder):
    live = current_build(own_corpus)
    shutil.rmtree(live.read_side)  # made before read sides existed
    report = build_store(own_corpus, embedder)
    assert not report.chunks.changed and current_build(own_corpus).name == live.name
    assert read_side.load(live.read_side) is not None


def test_changed_and_removed_documents_are_updated(own_corpus, embedder):
    dobson = own_corpus.corpus_dir / "dobson2014.md"
    dobson.write_text(dobson.read_text().replace("widespread", "common"), encoding="utf-8")
    changed = build_store(own_corpus, embedder)
    assert changed.chunks.updated >= 1 and changed.chunks.removed == 0
    assert changed.sentences.added + changed.sentences.updated >= 1
    (own_corpus.corpus_dir / "cooper2016.md").unlink()
    removed = build_store(own_corpus, embedder)
    assert removed.documents == 2 and removed.chunks.removed >= 1
    live = current_build(own_corpus)
    stored = live.client.get_collection(live.chunks).get()
    assert not any(i.startswith("cooper2016:") for i in stored["ids"])


def test_chunker_change_rebuilds(own_corpus, embedder, monkeypatch):
    monkeypatch.setattr(ingest.build, "CHUNKER_VERSION", "next-version")
    report = build_store(own_corpus, embedder)
    assert report.rebuilt and report.chunks.unchanged == 0


def test_an_empty_corpus_folder_is_an_error(tmp_path):
    from painchat.errors import CorpusError

    (tmp_path / "corpus").mkdir()
    settings = Settings(corpus_dir=tmp_path / "corpus", store_dir=tmp_path / "store")
    with pytest.raises(CorpusError, match="no papers in"):
        build_store(settings)
