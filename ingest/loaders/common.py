"""Helpers every loader shares: metadata merging and whitespace clean-up."""

from __future__ import annotations

import re
from pathlib import Path

from painchat.models import Coverage, SourceMeta

SKIPPED_FILES = {"README.MD", "SOURCES.MD"}
_SPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """One paragraph on one line: runs of white space become a single space."""
    return _SPACE.sub(" ", text).strip()


def source_id_for(path: Path, manifest_entry: dict | None) -> str:
    """The manifest's id when the file has an entry, else the file name without its extension."""
    return str(manifest_entry["id"]) if manifest_entry else path.stem


def coverage_from_note(note: str, default: Coverage) -> Coverage:
    """Read a free-text coverage note such as 'abstract-partial (first 9 sentences)'."""
    lowered = note.lower()
    if "partial" in lowered:
        return Coverage.ABSTRACT_PARTIAL
    if lowered.startswith("abstract"):
        return Coverage.ABSTRACT
    if lowered.startswith("full"):
        return Coverage.FULL_TEXT
    return default


def build_meta(
    source_id: str,
    found: dict,
    manifest_entry: dict | None,
    coverage: Coverage,
    coverage_note: str = "",
) -> SourceMeta:
    """Citation metadata: the manifest wins over what the file says about itself."""
    fields = {k: v for k, v in found.items() if v not in (None, "", [], ())}
    fields.update(manifest_entry or {})
    fields["id"] = source_id
    for key in ("volume", "article", "pmid"):
        if fields.get(key) is not None:
            fields[key] = str(fields[key])
    authors = fields.get("authors") or ()
    # "authors: Dobson, J. L." is one author, not a sequence of letters.
    # Anything else but a list (authors: 123) is left for validation to report with the file's name.
    fields["authors"] = (authors,) if isinstance(authors, str) else tuple(authors) if isinstance(authors, list) else authors
    fields.setdefault("title", source_id)
    fields.update(coverage=coverage, coverage_note=coverage_note)
    return SourceMeta(**{k: v for k, v in fields.items() if k in SourceMeta.model_fields})
