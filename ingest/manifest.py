"""Reads ``corpus/sources.toml``: the canonical citation metadata of the papers."""

from __future__ import annotations

import tomllib
from pathlib import Path

from painchat.corpus_words import CorpusWords
from painchat.errors import ConfigError
from painchat.models import SourceMeta

MANIFEST_FIELDS = {"id", "title", "authors", "journal", "year", "volume", "article", "doi", "pmcid", "pmid"}


def load_manifest(path: Path) -> dict[str, dict]:
    """Map source id → metadata fields; an absent manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("source", [])
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err})") from err
    manifest = {}
    for entry in entries:
        unknown = set(entry) - MANIFEST_FIELDS
        if "id" not in entry or "title" not in entry or unknown:
            raise ConfigError(f"{path}: each [[source]] needs id and title; unknown fields {sorted(unknown)}")
        manifest[entry["id"]] = entry
    return manifest


def manifest_words(path: Path) -> CorpusWords:
    """How many papers the manifest lists and their first authors: for texts drawn before the store has loaded."""
    return CorpusWords.of(SourceMeta(**entry) for entry in load_manifest(path).values())
