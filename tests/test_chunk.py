from itertools import pairwise

from ingest.chunk import chunk_document
from painchat.embedding import TokenCounter, max_tokens
from painchat.models import Document, Section, SourceMeta


def make_document(sections: dict[str, list[str]]) -> Document:
    return Document(
        meta=SourceMeta(id="demo", title="Demo"),
        sections=tuple(Section(path=(title,), paragraphs=tuple(paras)) for title, paras in sections.items()),
    )


def test_chunks_respect_sections_sentences_and_token_limit():
    counter = TokenCounter()
    sentence = "Regular aerobic exercise reduced pain scores in people with diabetic neuropathy. "
    document = make_document({"Intro": [sentence * 30], "Methods": ["We searched PubMed. We met twice."]})
    chunks = chunk_document(document, counter, max_tokens(), overlap=1)
    text = document.text
    assert {c.section for c in chunks} == {"Intro", "Methods"}
    methods_start = text.index("We searched")
    for chunk in chunks:
        assert text[chunk.char_start : chunk.char_end] == chunk.text
        assert counter(chunk.text) <= max_tokens()
        assert chunk.text.endswith(".") and chunk.text[0].isupper()
        assert chunk.char_end <= methods_start or chunk.char_start >= methods_start
    intro = [c for c in chunks if c.section == "Intro"]
    assert len(intro) > 1
    # One sentence of overlap: each chunk starts with the previous chunk's last sentence.
    for before, after in pairwise(intro):
        assert after.sentence_spans[0] == before.sentence_spans[-1]


def test_chunk_ids_and_hashes_are_stable():
    document = make_document({"Intro": ["Walking helps. Cycling helps."]})
    first = chunk_document(document, TokenCounter(), max_tokens())
    again = chunk_document(document, TokenCounter(), max_tokens())
    assert [(c.id, c.content_hash) for c in first] == [(c.id, c.content_hash) for c in again]
    assert first[0].id == "demo:0000"
