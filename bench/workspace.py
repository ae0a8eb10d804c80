"""The bench's own state: a store built once in a temp folder, and the environment its children see."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ingest.build import BuildReport, build_store
from painchat.embedding import OFFLINE_ENV, Embedder
from painchat.settings import Settings, load_settings


@dataclass(frozen=True)
class Workspace:
    settings: Settings  # embedded store under the temp folder, whatever PAINCHAT_CHROMA_URL says
    env: dict[str, str]  # for child processes: the same settings, offline model hub
    build: BuildReport


def prepare(folder: Path, embedder: Embedder) -> Workspace:
    """Build the store every step measures against; it also warms up the model and Chroma."""
    settings = load_settings().model_copy(
        update={"store_dir": folder / "store", "data_dir": folder / "data", "chroma_url": None, "log_questions": False}
    )
    env = {key: value for key, value in os.environ.items() if key != "PAINCHAT_CHROMA_URL"}
    env.update(OFFLINE_ENV)
    env.update(
        PAINCHAT_CORPUS_DIR=str(settings.corpus_dir),
        PAINCHAT_SOURCES_FILE=str(settings.sources_file),
        PAINCHAT_STORE_DIR=str(settings.store_dir),
        PAINCHAT_DATA_DIR=str(settings.data_dir),
        PAINCHAT_LOG_QUESTIONS="false",
    )
    return Workspace(settings, env, build_store(settings, embedder))
