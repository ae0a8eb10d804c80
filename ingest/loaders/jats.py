"""JATS XML papers, as served by Europe PMC ``fullTextXML`` and the PMC open-access set."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from ingest.loaders.common import build_meta, clean_text, source_id_for
from painchat.errors import CorpusError
from painchat.models import Coverage, Document, Section

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Figures, tables, formulas and footnotes are not prose: quoting them would give fragments.
NON_PROSE_ELEMENTS = {
    "fig", "table-wrap", "disp-formula", "tex-math", "fn", "graphic", "inline-graphic",
    "media", "supplementary-material",
}  # fmt: skip
# Sections that only hold download links or the figures and tables gathered at the end.
NON_PROSE_SEC_TYPES = {"supplementary-material", "display-objects"}
PUB_DATE_PREFERENCE = ("ppub", "epub", "pub", "collection")
# A dropped citation leaves this mark behind so the brackets and commas around it can be tidied.
_CITE = "\ufffc"
_CITATION_TIDYING = (
    (re.compile(rf"{_CITE}(?:[\s,;–—-]*{_CITE})*"), _CITE),  # "1, 2" and "3–5" are one citation
    (re.compile(rf"[(\[]\s*{_CITE}\s*[)\]]"), _CITE),  # "[1]" and "(1)"
    (re.compile(rf"(?<=[(\[])\s*{_CITE}[\s,;]*"), ""),  # "(1; Smith, 2010)"
    (re.compile(rf"[\s,;]*{_CITE}\s*(?=[.,;:!?)\]]|$)"), ""),  # "pain 1." and "(Figure 1; 2)"
    (re.compile(_CITE), " "),
)
_HAS_WORD = re.compile(r"[^\W\d_]{2}")


def load_jats(path: Path, manifest_entry: dict | None) -> Document:
    article = _parse(path)
    article_meta = article.find("front/article-meta")
    if article_meta is None:
        raise CorpusError(f"{path}: JATS XML without front/article-meta")
    abstract = _abstract_sections(article_meta)
    body_element = article.find("body")
    body = _sections(body_element, ()) if body_element is not None else []
    if body:
        coverage, note = Coverage.FULL_TEXT, f"full text from JATS XML ({len(abstract) + len(body)} sections)"
    else:
        coverage, note = Coverage.ABSTRACT, "abstract from JATS XML (the file has no body text)"
    found = _metadata(article, article_meta)
    meta = build_meta(source_id_for(path, manifest_entry), found, manifest_entry, coverage, note)
    return Document(meta=meta, sections=tuple(abstract + body), origin=str(path))


def _parse(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as err:
        raise CorpusError(f"{path}: not readable as XML ({err})") from err
    for element in root.iter():
        # Some servers put JATS in a default namespace; the element names are what matter.
        element.tag = element.tag.rpartition("}")[2]
    article = root if root.tag == "article" else root.find(".//article")
    if article is None:
        raise CorpusError(f"{path}: XML without a JATS <article> element")
    return article


def _metadata(article: ET.Element, meta: ET.Element) -> dict:
    ids = {i.get("pub-id-type"): _text(i) for i in meta.iterfind("article-id")}
    pmcid = ids.get("pmcid") or ids.get("pmc")
    return {
        "title": _text(meta.find("title-group/article-title")),
        "authors": [a for a in map(_author, meta.iterfind("contrib-group/contrib[@contrib-type='author']")) if a],
        "journal": _text(article.find("front/journal-meta//journal-title")),
        "year": _year(meta),
        "volume": _text(meta.find("volume")),
        "article": _text(meta.find("elocation-id")) or _text(meta.find("fpage")),
        "doi": ids.get("doi"),
        "pmcid": f"PMC{pmcid.removeprefix('PMC')}" if pmcid else None,
        "pmid": ids.get("pmid"),
        "license": _license(meta),
    }


def _author(contrib: ET.Element) -> str:
    """Authors as "Surname, G. I.", the form the manifest uses; a group author as named."""
    name = contrib.find(".//name")
    if name is None:
        return _text(contrib.find("collab"))
    surname, given = _text(name.find("surname")), _text(name.find("given-names"))
    return f"{surname}, {_initials(given)}" if given else surname


def _initials(given_names: str) -> str:
    """ "Yong-Hui" → "Y.-H.", "Michael A." → "M. A."."""
    return " ".join("-".join(f"{part[0]}." for part in name.split("-") if part) for name in given_names.split())


def _year(article_meta: ET.Element) -> int | None:
    years: dict[str, int] = {}
    for date in article_meta.iterfind("pub-date"):
        year = _text(date.find("year"))
        kind = date.get("pub-type") or date.get("date-type") or ""
        if year.isdigit():
            years.setdefault(kind, int(year))
    for kind in PUB_DATE_PREFERENCE:
        if kind in years:
            return years[kind]
    return next(iter(years.values()), None)


def _license(article_meta: ET.Element) -> str | None:
    license_ = article_meta.find("permissions/license")
    if license_ is None:
        return None
    return _text(license_.find("license_ref")) or license_.get(XLINK_HREF) or license_.get("license-type")


def _abstract_sections(article_meta: ET.Element) -> list[Section]:
    abstracts = article_meta.findall("abstract")
    # Graphical abstracts, teasers and lay summaries come with an abstract-type; the main one has none.
    main = next((a for a in abstracts if a.get("abstract-type") is None), abstracts[0] if abstracts else None)
    return _sections(main, ("Abstract",)) if main is not None else []


def _sections(container: ET.Element, path: tuple[str, ...]) -> list[Section]:
    """Sections in document order: a ``sec`` between paragraphs splits them, nested titles make the path."""
    sections: list[Section] = []
    paragraphs: list[str] = []
    for child in container:
        if child.tag == "sec" and child.get("sec-type") in NON_PROSE_SEC_TYPES:
            continue
        if child.tag == "sec":
            _flush(sections, path, paragraphs)
            title = _text(child.find("title")) or _text(child.find("label"))
            sections += _sections(child, path + (title,) if title else path)
        else:
            paragraphs += _paragraphs(child)
    _flush(sections, path, paragraphs)
    return sections


def _paragraphs(element: ET.Element) -> list[str]:
    if element.tag == "p":
        return [p] if (p := _text(element)) else []
    if element.tag == "list":
        return [p for item in element.iterfind("list-item") if (p := _text(item))]
    return []


def _flush(sections: list[Section], path: tuple[str, ...], paragraphs: list[str]) -> None:
    if paragraphs:
        sections.append(Section(path=path or ("Text",), paragraphs=tuple(paragraphs)))
        paragraphs.clear()


def _text(element: ET.Element | None) -> str:
    """The prose of an element: inline formatting kept, citation markers and non-prose dropped."""
    if element is None:
        return ""
    text = "".join(_inline(element))
    for pattern, replacement in _CITATION_TIDYING:
        text = pattern.sub(replacement, text)
    return clean_text(text)


def _inline(element: ET.Element) -> list[str]:
    parts = [element.text or ""]
    for child in element:
        if _is_citation_marker(child):
            parts.append(_CITE)
        elif child.tag == "break":
            parts.append(" ")
        elif child.tag not in NON_PROSE_ELEMENTS:
            parts += _inline(child)
        parts.append(child.tail or "")
    return parts


def _is_citation_marker(element: ET.Element) -> bool:
    """A numbered citation ("12", "3–5") is noise; an author-year one ("Smith et al., 2010") is prose."""
    if element.tag != "xref" or element.get("ref-type") != "bibr":
        return False
    return not _HAS_WORD.search("".join(element.itertext()))
