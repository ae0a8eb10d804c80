"""A full-text paper (JATS, as Europe PMC serves it) beside the offline abstracts, end to end.

The offline corpus holds only abstracts; this checks the path a networked deployment takes:
body sections are chunked and quoted with their section, and coverage says "full text".
"""

from __future__ import annotations

import shutil

import pytest

from ingest.build import build_store
from painchat.assistant import Assistant
from painchat.models import Coverage
from painchat.settings import Settings

PARAGRAPHS = {
    "Introduction": [
        "Painful diabetic neuropathy affects many adults with long-standing diabetes.",
        "Treadmill walking is a common form of aerobic exercise in rehabilitation clinics.",
    ],
    "Results": [
        "Eight weeks of treadmill training reduced mechanical allodynia in diabetic mice.",
        "Trained mice also kept a higher density of epidermal nerve fibres than sedentary mice.",
    ],
    "Discussion": ["Aerobic training may therefore protect small sensory fibres in diabetes."],
}


def jats_article() -> str:
    sections = "".join(
        f"<sec><title>{title}</title>{''.join(f'<p>{p}</p>' for p in paragraphs)}</sec>"
        for title, paragraphs in PARAGRAPHS.items()
    )
    return f"""<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><journal-meta><journal-title-group>
<journal-title>Journal of Test Papers</journal-title></journal-title-group></journal-meta><article-meta>
<article-id pub-id-type="doi">10.1000/test.2099</article-id>
<title-group><article-title>Treadmill training and diabetic nerve pain in mice</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Tester</surname><given-names>Ann</given-names></name></contrib>
</contrib-group><pub-date><year>2099</year></pub-date>
<abstract><p>We tested treadmill training in diabetic mice.</p></abstract></article-meta></front>
<body>{sections}</body></article>"""


@pytest.fixture(scope="module")
def full_text_assistant(tmp_path_factory, corpus_dir, embedder):
    folder = tmp_path_factory.mktemp("mixed") / "corpus"
    shutil.copytree(corpus_dir, folder)
    (folder / "tester2099.xml").write_text(jats_article(), encoding="utf-8")
    settings = Settings(corpus_dir=folder, store_dir=folder.parent / "store")
    report = build_store(settings, embedder)
    assert report.documents == 4
    return Assistant(settings, embedder)


def test_body_sentences_are_quoted_with_their_section(full_text_assistant):
    answer = full_text_assistant.answer("Did treadmill training reduce allodynia in diabetic mice?")
    assert answer.kind == "answer"
    first = answer.citations[0]
    assert (first.source_id, first.section, first.label) == ("tester2099", "Results", "Tester, 2099")
    assert first.quote == PARAGRAPHS["Results"][0]
    assert first.doi_url == "https://doi.org/10.1000/test.2099"


def test_coverage_tells_full_text_from_abstracts(full_text_assistant):
    coverage = {c.source_id: c.coverage for c in full_text_assistant.coverage}
    assert coverage["tester2099"] is Coverage.FULL_TEXT
    assert coverage["dobson2014"] is Coverage.ABSTRACT_PARTIAL
