"""The plain LangChain recipe painchat is compared with: fixed-size character chunks, top-4 similarity.

Same papers (``load_corpus``), same embedding model, a separate throw-away Chroma collection.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from langchain_chroma import Chroma
from langchain_core.documents import Document as LangChainDocument
from langchain_text_splitters import RecursiveCharacterTextSplitter

from evaluation.qa import QuestionResult, ranked
from ingest.loaders import load_corpus
from ingest.manifest import load_manifest
from painchat.embedding import Embedder
from painchat.settings import Settings
from painchat.store import open_client

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
K = 4


def baseline_chunks(settings: Settings) -> list[LangChainDocument]:
    """Each paper's whole text, cut by the recursive character splitter."""
    documents = load_corpus(settings.corpus_dir, load_manifest(settings.sources_file))
    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    return splitter.split_documents(
        [LangChainDocument(page_content=d.text, metadata={"source_id": d.meta.id}) for d in documents]
    )


@contextmanager
def baseline_store(settings: Settings, embedder: Embedder) -> Iterator[Chroma]:
    """The baseline's collection in a temp folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="painchat-baseline-") as folder:
        client = open_client(settings.model_copy(update={"store_dir": Path(folder), "chroma_url": None}))
        # Chroma's default (L2) space, as the recipe has it; on normalised vectors it ranks like cosine.
        store = Chroma(client=client, collection_name="baseline", embedding_function=embedder)
        store.add_documents(baseline_chunks(settings))
        yield store


def stored_texts(store: Chroma) -> list[str]:
    return store.get(include=["documents"])["documents"]


def with_baseline(store: Chroma, results: Sequence[QuestionResult]) -> list[QuestionResult]:
    """Each result with the baseline's top-4 for the same resolved query."""
    scored = []
    for result in results:
        hits = store.similarity_search(result.query, k=K)
        passages = [(d.id or "", d.metadata["source_id"], d.page_content) for d in hits]
        chars = sum(len(d.page_content) for d in hits)
        scored.append(replace(result, baseline=ranked(passages, result.gold, result.sources, chars)))
    return scored
