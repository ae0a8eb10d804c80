"""Markdown papers with YAML front matter (the format of the offline corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ingest.loaders.common import build_meta, clean_text, coverage_from_note
from painchat.errors import CorpusError
from painchat.models import Coverage, Document, Section

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_LABEL = re.compile(r"^\*\*([^*]{1,60}?):?\*\*:?\s+")
# Keyword lists are not prose: they would only be quoted as fragments.
NON_PROSE_SECTIONS = {"keywords", "references", "acknowledgments", "acknowledgements"}


def load_markdown(path: Path, manifest_entry: dict | None) -> Document:
    # utf-8-sig drops a byte-order mark; Windows line ends would hide the front matter's fences.
    raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    match = _FRONT_MATTER.match(raw)
    if not match and re.match(r"---[ \t]*\n", raw):
        raise CorpusError(f"{path}: the front matter starting on line 1 is never closed by a `---` line")
    try:
        front = yaml.safe_load(match.group(1)) if match else {}
    except yaml.YAMLError as err:
        raise CorpusError(f"{path}: bad front matter ({err})") from err
    if not isinstance(front, dict):
        raise CorpusError(f"{path}: the front matter must be `key: value` lines")
    body = _COMMENT.sub("\n", raw[match.end() :] if match else raw)
    note = str(front.get("coverage", ""))
    meta = build_meta(
        str(front.get("id") or path.stem),
        front,
        manifest_entry,
        coverage_from_note(note, Coverage.FULL_TEXT),
        note,
    )
    return Document(meta=meta, sections=tuple(_sections(body)), origin=str(path))


def _sections(body: str) -> list[Section]:
    path: list[str] = []
    sections: list[Section] = []
    for block in re.split(r"\n\s*\n", body):
        lines = [line for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        heading = _HEADING.match(lines[0])
        if heading:
            level = len(heading.group(1))
            path = path[: max(level - 2, 0)] + [clean_text(heading.group(2))] if level > 1 else []
            lines = lines[1:]
            if not lines:
                continue
        if path and path[0].lower() in NON_PROSE_SECTIONS:
            continue
        _add_paragraph(sections, path or ["Text"], clean_text(" ".join(lines)))
    return sections


def _add_paragraph(sections: list[Section], path: list[str], paragraph: str) -> None:
    label = _LABEL.match(paragraph)
    if label:
        path, paragraph = path + [label.group(1).strip()], paragraph[label.end() :]
    if sections and list(sections[-1].path) == path:
        last = sections.pop()
        sections.append(Section(path=last.path, paragraphs=last.paragraphs + (paragraph,)))
    else:
        sections.append(Section(path=tuple(path), paragraphs=(paragraph,)))
