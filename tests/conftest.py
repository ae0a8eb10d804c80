"""Shared fixtures: a store built from ../shared/corpus with the real model and real Chroma."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from painchat.settings import PROJECT_ROOT, Settings

SHARED_CORPUS = Path(os.environ.get("PAINCHAT_TEST_CORPUS", PROJECT_ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.fail(f"the offline corpus is missing: {SHARED_CORPUS} (set PAINCHAT_TEST_CORPUS)")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def settings(tmp_path_factory, corpus_dir) -> Settings:
    state = tmp_path_factory.mktemp("state")
    return Settings(corpus_dir=corpus_dir, store_dir=state / "store", data_dir=state / "data")


@pytest.fixture(scope="session")
def embedder():
    from painchat.embedding import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def alarm(embedder):
    """The guard's semantic layer, on the real embedding model."""
    from painchat.guard.semantic import SemanticAlarm

    return SemanticAlarm(embedder)


@pytest.fixture(scope="session")
def built_store(settings, embedder):
    from ingest.build import build_store

    return build_store(settings, embedder)


@pytest.fixture(scope="session")
def assistant(settings, embedder, built_store):
    from painchat.assistant import Assistant

    return Assistant(settings, embedder)


@pytest.fixture(scope="session")
def source_texts(corpus_dir) -> dict[str, str]:
    """Raw file text per source id, to check that quotes are verbatim."""
    return {p.stem: p.read_text(encoding="utf-8") for p in corpus_dir.glob("*.md") if p.stem != "SOURCES"}
