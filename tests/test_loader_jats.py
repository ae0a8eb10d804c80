"""JATS XML → Document: sections, clean paragraphs, metadata, coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders.jats import load_jats
from painchat.errors import CorpusError
from painchat.models import Coverage

FRONT = """
<front>
  <journal-meta><journal-title-group><journal-title>Journal of Walking</journal-title></journal-title-group></journal-meta>
  <article-meta>
    <article-id pub-id-type="pmid">12345</article-id>
    <article-id pub-id-type="pmcid">PMC999</article-id>
    <article-id pub-id-type="doi">10.1000/walk.1</article-id>
    <title-group><article-title>Walking and <italic>nerve</italic> pain</article-title></title-group>
    <contrib-group>
      <contrib contrib-type="author"><name><surname>Doe</surname><given-names>Jane Ann</given-names></name></contrib>
      <contrib contrib-type="author"><name><surname>Li</surname><given-names>Yong-Hui</given-names></name></contrib>
      <contrib contrib-type="editor"><name><surname>Ed</surname><given-names>Itor</given-names></name></contrib>
    </contrib-group>
    <pub-date pub-type="epub"><day>3</day><month>5</month><year>2021</year></pub-date>
    <volume>8</volume>
    <elocation-id>756940</elocation-id>
    <permissions>
      <license xlink:href="https://creativecommons.org/licenses/by/4.0/"><license-p>CC BY</license-p></license>
    </permissions>
    {abstract}
  </article-meta>
</front>
"""

STRUCTURED_ABSTRACT = """
<abstract>
  <sec><title>Background</title><p>Pain after nerve injury is common.</p></sec>
  <sec><title>Methods</title><p>We pooled <bold>twelve</bold> trials.</p></sec>
</abstract>
<abstract abstract-type="graphical"><p>A picture.</p></abstract>
"""

BODY = """
<body>
  <sec><title>Introduction</title>
    <p>Exercise reduces pain in animals <xref ref-type="bibr" rid="B1">1</xref>,<xref ref-type="bibr" rid="B2">2</xref>.
       It also helps people (<xref ref-type="bibr" rid="B3">3</xref>&#8211;<xref ref-type="bibr" rid="B5">5</xref>), as
       <xref ref-type="bibr" rid="B6">Smith et al. (2010)</xref> showed [<xref ref-type="bibr" rid="B7">7</xref>].</p>
    <sec><title>Aims</title>
      <p>We ask whether <italic>walking</italic> helps.<sup><xref ref-type="bibr" rid="B8">8</xref></sup></p>
      <table-wrap id="T1"><label>Table 1</label><caption><p>Trial list.</p></caption>
        <table><tr><td>Trial A</td><td>42</td></tr></table></table-wrap>
    </sec>
  </sec>
  <sec><title>Results</title>
    <p>Pain fell by a third in the walking group
       (<xref ref-type="fig" rid="F1">Figure 1</xref>; <xref ref-type="bibr" rid="B9">9</xref>).</p>
    <fig id="F1"><label>Figure 1</label><caption><p>Pain over time.</p></caption><graphic xlink:href="f1.jpg"/></fig>
    <p>Nobody was harmed.</p>
  </sec>
</body>
<back>
  <ref-list><title>References</title><ref id="B1"><mixed-citation>Smith J. Walking. 2010.</mixed-citation></ref></ref-list>
</back>
"""


def _write(tmp_path: Path, front: str, body: str = "", name: str = "walk2021.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article">'
        f"{front}{body}</article>",
        encoding="utf-8",
    )
    return path


def test_full_text_sections_are_clean_prose(tmp_path: Path) -> None:
    document = load_jats(_write(tmp_path, FRONT.format(abstract=STRUCTURED_ABSTRACT), BODY), None)

    assert [s.path for s in document.sections] == [
        ("Abstract", "Background"),
        ("Abstract", "Methods"),
        ("Introduction",),
        ("Introduction", "Aims"),
        ("Results",),
    ]
    paragraphs = {s.path: s.paragraphs for s in document.sections}
    assert paragraphs[("Abstract", "Methods")] == ("We pooled twelve trials.",)
    assert paragraphs[("Introduction",)] == (
        "Exercise reduces pain in animals. It also helps people, as Smith et al. (2010) showed.",
    )
    assert paragraphs[("Introduction", "Aims")] == ("We ask whether walking helps.",)
    assert paragraphs[("Results",)] == ("Pain fell by a third in the walking group (Figure 1).", "Nobody was harmed.")
    left_out = ("Trial A", "Trial list", "Pain over time", "A picture", "Smith J.")
    assert not any(text in document.text for text in left_out)


def test_metadata_and_coverage(tmp_path: Path) -> None:
    meta = load_jats(_write(tmp_path, FRONT.format(abstract=STRUCTURED_ABSTRACT), BODY), None).meta

    assert meta.id == "walk2021"
    assert meta.title == "Walking and nerve pain"
    assert meta.authors == ("Doe, J. A.", "Li, Y.-H.")
    assert (meta.journal, meta.year, meta.volume, meta.article) == ("Journal of Walking", 2021, "8", "756940")
    assert (meta.doi, meta.pmcid, meta.pmid) == ("10.1000/walk.1", "PMC999", "12345")
    assert meta.license == "https://creativecommons.org/licenses/by/4.0/"
    assert meta.coverage is Coverage.FULL_TEXT
    assert meta.coverage_note == "full text from JATS XML (5 sections)"


def test_manifest_wins_and_gives_the_id(tmp_path: Path) -> None:
    path = _write(tmp_path, FRONT.format(abstract=STRUCTURED_ABSTRACT), BODY, name="PMC999.xml")
    meta = load_jats(path, {"id": "doe2021", "title": "Canonical title", "year": 2022}).meta

    assert (meta.id, meta.title, meta.year, meta.journal) == ("doe2021", "Canonical title", 2022, "Journal of Walking")


def test_abstract_only_file(tmp_path: Path) -> None:
    abstract = "<abstract><p>Walking <xref ref-type='bibr' rid='B1'>[1]</xref> is cheap.</p></abstract>"
    document = load_jats(_write(tmp_path, FRONT.format(abstract=abstract)), None)

    assert [(s.path, s.paragraphs) for s in document.sections] == [(("Abstract",), ("Walking is cheap.",))]
    assert document.meta.coverage is Coverage.ABSTRACT


def test_malformed_xml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<article><front></article>", encoding="utf-8")

    with pytest.raises(CorpusError, match="broken.xml"):
        load_jats(path, None)
