"""Ingest throughput: ``build_store`` into an empty store vs raw ``Embedder.encode`` on the same texts."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from ingest.build import build_store
from painchat.embedding import Embedder
from painchat.settings import Settings
from painchat.store import current_build, pages

REPEATS = 5


def stored_texts(settings: Settings) -> list[list[str]]:
    """What a build embedded: the passage texts, then the sentence texts."""
    live = current_build(settings)
    return [
        [text for page in pages(live.client.get_collection(name), ["documents"]) for text in page["documents"]]
        for name in (live.chunks, live.sentences)
    ]


def fresh_build(settings: Settings, embedder: Embedder) -> tuple[float, int, list[list[str]]]:
    """(seconds, texts embedded, the texts) of one build into an empty temp store."""
    with tempfile.TemporaryDirectory(prefix="painchat-bench-ingest-") as folder:
        empty = settings.model_copy(update={"store_dir": Path(folder)})
        report = build_store(empty, embedder)
        return report.seconds, report.chunks.added + report.sentences.added, stored_texts(empty)


def raw_encode_seconds(embedder: Embedder, texts: list[list[str]]) -> float:
    """Encode each collection's texts in one call, as a build embeds each collection."""
    started = time.perf_counter()
    for group in texts:
        embedder.encode(group)
    return time.perf_counter() - started


def ingest_throughput(settings: Settings, embedder: Embedder, repeats: int = REPEATS) -> dict:
    """Texts embedded per second, median of ``repeats``; the model is already loaded for both.

    Build and raw encode alternate, so a burst of other load on the machine hits both alike.
    """
    builds, raw = [], []
    for _ in range(repeats):
        seconds, count, texts = fresh_build(settings, embedder)
        builds.append(seconds)
        raw.append(raw_encode_seconds(embedder, texts))
    build_s, raw_s = statistics.median(builds), statistics.median(raw)
    return {
        "texts": count,
        "chunks": len(texts[0]),
        "sentences": len(texts[1]),
        "build_seconds": [round(s, 3) for s in builds],
        "raw_seconds": [round(s, 3) for s in raw],
        "build_per_s": count / build_s,
        "raw_per_s": count / raw_s,
        "ratio": raw_s / build_s,
        "overhead_s": build_s - raw_s,
    }
