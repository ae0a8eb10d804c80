"""The Chroma store: embedded (``PersistentClient``) or a server (``HttpClient``), one code path.

Two collections: passages ("chunks", what retrieval ranks) and their sentences (what answers
quote; their embeddings are computed at ingest so answering costs one query embedding).
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from painchat.errors import StoreError
from painchat.settings import Settings

for noisy in ("chromadb.telemetry", "chromadb.telemetry.product.posthog"):
    logging.getLogger(noisy).setLevel(logging.CRITICAL)

COSINE = {"hnsw": {"space": "cosine"}}


def open_client(settings: Settings) -> chromadb.ClientAPI:
    """A client for the configured store; telemetry is always off."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_url:
        settings.store_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.store_dir), settings=chroma_settings)
    url = urlparse(settings.chroma_url)
    try:
        client = chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
        client.heartbeat()
    except Exception as err:  # chromadb raises bare ValueError/httpx errors for an absent server
        raise StoreError(f"cannot reach the Chroma server at {settings.chroma_url}: {err}") from err
    return client


def collection_names(settings: Settings) -> tuple[str, str]:
    """Names of the passage and the sentence collection."""
    return f"{settings.collection}-chunks", f"{settings.collection}-sentences"


def open_collection(
    client: chromadb.ClientAPI, name: str, embeddings: Embeddings, metadata: dict | None = None
) -> Chroma:
    """A LangChain view of one collection; created with cosine space if missing."""
    return Chroma(
        client=client,
        collection_name=name,
        embedding_function=embeddings,
        collection_metadata=metadata,
        collection_configuration=COSINE,
    )


def stored_metadata(client: chromadb.ClientAPI, name: str) -> dict | None:
    """The metadata a collection was built with, or None if it does not exist."""
    try:
        return dict(client.get_collection(name).metadata or {})
    except NotFoundError:
        return None


def sentence_id(source_id: str, start: int, end: int) -> str:
    """Stable id of the sentence at a span of a source's text."""
    return f"{source_id}@{start}-{end}"


def parse_sentence_id(sid: str) -> tuple[str, int, int]:
    """(source id, start, end) of a ``sentence_id``."""
    source_id, _, span = sid.rpartition("@")
    start, _, end = span.partition("-")
    return source_id, int(start), int(end)
