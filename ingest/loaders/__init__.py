"""Loaders turn one paper file into a ``Document``; ``load_corpus`` reads a whole folder."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from ingest.loaders.common import SKIPPED_FILES
from ingest.loaders.jats import load_jats
from ingest.loaders.markdown import load_markdown
from ingest.loaders.pdf import load_pdf
from painchat.errors import CorpusError
from painchat.models import Document

log = logging.getLogger(__name__)

Loader = Callable[[Path, dict | None], Document]
LOADERS: dict[str, Loader] = {".md": load_markdown, ".xml": load_jats, ".pdf": load_pdf}


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Paper files in the folder, in a stable order."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir} (set PAINCHAT_CORPUS_DIR)")
    return sorted(
        p for p in corpus_dir.iterdir() if p.suffix.lower() in LOADERS and p.name.upper() not in SKIPPED_FILES
    )


def _load(path: Path, manifest_entry: dict | None) -> Document:
    """One file; text that is not UTF-8 or metadata of the wrong type names the file."""
    try:
        return LOADERS[path.suffix.lower()](path, manifest_entry)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except ValidationError as err:
        problem = err.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        raise CorpusError(f"{path}: bad citation metadata, {field}: {problem['msg']}") from err


def _check_size(path: Path, max_file_mb: float) -> None:
    """A paper is well under a few MB; a huge file is a mistake that would take hours to embed."""
    size_mb = path.stat().st_size / 1_000_000
    if size_mb > max_file_mb:
        raise CorpusError(
            f"{path}: {size_mb:.1f} MB is larger than PAINCHAT_MAX_CORPUS_FILE_MB ({max_file_mb:g} MB); "
            "is it really one paper? Raise the limit to ingest it anyway"
        )


def load_corpus(corpus_dir: Path, manifest: dict[str, dict], max_file_mb: float = float("inf")) -> list[Document]:
    """Every paper in the folder; a file that fails to parse or is too large stops the build with its name."""
    documents: dict[str, Document] = {}
    for path in corpus_files(corpus_dir):
        _check_size(path, max_file_mb)
        document = _load(path, manifest.get(path.stem))
        if not document.sections:
            log.warning("%s: no text found, skipped", path.name)
            continue
        if document.meta.id in documents:
            raise CorpusError(f"two files for source {document.meta.id!r}: {documents[document.meta.id].origin}, {path}")
        documents[document.meta.id] = document
    if not documents:
        raise CorpusError(
            f"no papers in {corpus_dir}: run `python -m ingest fetch`, add JATS/PDF/Markdown files, "
            "or set PAINCHAT_CORPUS_DIR"
        )
    return list(documents.values())
