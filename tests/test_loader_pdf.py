"""PDF → Document: headings become section paths, broken words are joined, references dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders.pdf import COVERAGE_NOTE, load_pdf
from painchat.errors import CorpusError
from painchat.models import Coverage

# (x, y, font size, text) per line; y runs up from the bottom of a 612 x 792 page.
PAGE_1 = [
    (72, 760, 8, "Journal of Walking 2021"),
    (72, 720, 16, "Walking and Nerve Pain"),
    (72, 700, 10, "Jane Doe, Yong-Hui Li"),
    (72, 670, 12, "Abstract"),
    (72, 650, 10, "Walking helps some people who live with nerve pain. It is safe and"),
    (72, 638, 10, "cheap for most adults."),
    (72, 610, 12, "1. Introduction"),
    (72, 590, 10, "Regular exercise reduces pain in many con-"),
    (72, 578, 10, "ditions, as several trials show."),
    (72, 550, 10, "A second paragraph starts after a gap. It continues"),
    (72, 538, 10, "on the next line."),
    (72, 510, 10, "Figure 1. Pain scores over twelve weeks."),
    (300, 40, 9, "1"),
]
PAGE_2 = [
    (72, 760, 8, "Journal of Walking 2021"),
    (72, 720, 12, "2. Methods"),
    (72, 700, 10, "We asked forty adults to walk daily."),
    (72, 670, 12, "References"),
    (72, 650, 10, "Smith J. Walking for pain. J Pain. 2010;1:1-2."),
    (300, 40, 9, "2"),
]


def build_pdf(pages: list[list[tuple[int, int, int, str]]], title: str, author: str) -> bytes:
    """A minimal valid PDF: one Helvetica text object per line, byte offsets in the xref table."""
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in once the page objects are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({title}) /Author ({author}) >>".encode("latin-1"),
    ]
    kids = []
    for lines in pages:
        stream = "\n".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET" for x, y, size, text in lines).encode()
        bodies.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        bodies.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (len(bodies))
        )
        kids.append(len(bodies))
    bodies[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(bodies) + 1, xref_at)
    return bytes(out)


@pytest.fixture
def paper(tmp_path: Path) -> Path:
    path = tmp_path / "walk2021.pdf"
    path.write_bytes(build_pdf([PAGE_1, PAGE_2], title="Walking and Nerve Pain", author="Doe, J.; Li, Y.-H."))
    return path


def test_headings_paragraphs_and_hyphenation(paper: Path) -> None:
    document = load_pdf(paper, None)

    assert [(s.path, s.paragraphs) for s in document.sections] == [
        (
            ("Abstract",),
            ("Walking helps some people who live with nerve pain. It is safe and cheap for most adults.",),
        ),
        (
            ("Introduction",),
            (
                "Regular exercise reduces pain in many conditions, as several trials show.",
                "A second paragraph starts after a gap. It continues on the next line.",
            ),
        ),
        (("Methods",), ("We asked forty adults to walk daily.",)),
    ]
    assert "Smith J." not in document.text
    assert "Journal of Walking" not in document.text


def test_metadata_from_the_pdf_or_the_manifest(paper: Path) -> None:
    meta = load_pdf(paper, None).meta
    assert (meta.id, meta.title, meta.authors) == ("walk2021", "Walking and Nerve Pain", ("Doe, J.", "Li, Y.-H."))
    assert (meta.coverage, meta.coverage_note) == (Coverage.FULL_TEXT, COVERAGE_NOTE)

    meta = load_pdf(paper, {"id": "doe2021", "title": "Canonical title", "year": 2021}).meta
    assert (meta.id, meta.title, meta.year) == ("doe2021", "Canonical title", 2021)


def test_a_file_that_is_not_a_pdf_raises_corpus_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"this is not a PDF")

    with pytest.raises(CorpusError, match="broken.pdf"):
        load_pdf(path, None)
