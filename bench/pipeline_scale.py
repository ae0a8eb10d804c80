"""The full answer path vs store size, on SYNTHETIC text made from the papers' own vocabulary.

Stores of 1k, 10k and 100k passages (5 sentences each) are written straight into Chroma in the
layout ingest writes. For each, a fresh process loads an ``Assistant`` (embedded Chroma, then a
``chroma run`` server on the same folder) and times ``Assistant.answer`` on the QA set's questions
beside the floor: one query embedding plus one raw Chroma query for the same question.

Vectors are not a fresh embedding of every sentence (that would take hours here): a pool of distinct
synthetic sentences is embedded once with the real model, each stored sentence reuses a pool
sentence's text and vector with a small deterministic perturbation, and a passage's vector is the
normalised mean of its sentences'. Pool vectors and stores are cached (``PAINCHAT_BENCH_CACHE``,
default ``~/.cache/painchat-bench``) keyed by everything that shapes them, so a re-run after a code
change measures the same data.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path

import numpy as np

from bench.scale import chroma_server
from ingest.chunk import CHUNKER_VERSION
from ingest.loaders import load_corpus
from ingest.manifest import load_manifest
from painchat.embedding import MODEL_NAME, Embedder
from painchat.index import ChromaVectors, Index
from painchat.models import Chunk, Document
from painchat.settings import Settings, load_settings
from painchat.store import (
    BUILDS_DIR,
    COSINE,
    POINTER_FILE,
    READ_SIDE_DIR,
    SERVER_READ_SIDES,
    open_client,
)
from painchat.store_format import Row, identity, passage_collection_metadata, passage_row, sentence_row

SIZES = (1_000, 10_000, 100_000)
SENTENCES_PER_PASSAGE = 5
POOL_SIZE = 3_000  # distinct synthetic sentences embedded with the real model
NOISE = 0.005  # per-dimension perturbation of a reused pool vector (cosine to it ≈ 0.995)
SEED = 20_261_130
QUESTIONS = 30
ROUNDS = 4  # 120 answers per row: the 2 cores are shared, so medians need samples
WARM_UP = 3
WRITE_BATCH = 5_000
SECTIONS = ("Introduction", "Methods", "Results", "Discussion", "Conclusion")
FORMAT = "v1"  # bump when the stored layout changes, so cached stores are rebuilt
CHILD_TIMEOUT_S = 3_600
CHILD = (sys.executable, "-m", "bench.pipeline_scale")
COLLECTION = "bench"
BUILD = "v1"  # the one build of a synthetic store
LEGACY_COLLECTION = "painchat"  # the collections' name prefix in stores cached before versioned builds

Progress = Callable[[str], None]
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


def cache_dir() -> Path:
    return Path(os.environ.get("PAINCHAT_BENCH_CACHE") or Path.home() / ".cache" / "painchat-bench")


def word_chain(documents: Sequence[Document]) -> dict[str, list[str]]:
    """Which word follows which in the papers (a bigram chain over their words)."""
    chain: dict[str, list[str]] = {}
    for document in documents:
        words = _WORD.findall(document.text)
        for first, second in pairwise(words):
            chain.setdefault(first, []).append(second)
    return chain


def sentence_pool(chain: dict[str, list[str]], count: int, seed: int) -> list[str]:
    """``count`` distinct sentences walked along the chain: the papers' words, nonsense order."""
    rng = np.random.default_rng(seed)
    starts = sorted(w for w in chain if w[0].isupper())
    pool: dict[str, None] = {}
    while len(pool) < count:
        word = starts[rng.integers(len(starts))]
        words = [word]
        for _ in range(int(rng.integers(10, 25))):
            followers = chain.get(word) or starts
            word = followers[rng.integers(len(followers))]
            words.append(word)
        pool[" ".join(words).capitalize() + "."] = None
    return list(pool)


def pool_vectors(pool: list[str], embedder: Embedder, key: str) -> np.ndarray:
    path = cache_dir() / f"pool-{key}.npy"
    if path.is_file():
        return np.load(path)
    vectors = embedder.encode(pool).astype(np.float32)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def synthetic_rows(size: int, pool: list[str], vectors: np.ndarray, source_ids: list[str], seed: int):
    """Batches of (passages, sentences), each a dict of ids, documents, metadatas and embeddings."""
    rng = np.random.default_rng(seed + size)
    offsets = dict.fromkeys(source_ids, 0)
    batch = WRITE_BATCH // SENTENCES_PER_PASSAGE
    for first in range(0, size, batch):
        count = min(batch, size - first)
        picks = rng.integers(len(pool), size=(count, SENTENCES_PER_PASSAGE))
        noisy = vectors[picks] + rng.standard_normal((*picks.shape, vectors.shape[1]), dtype=np.float32) * NOISE
        noisy /= np.linalg.norm(noisy, axis=2, keepdims=True)
        means = noisy.mean(axis=1)
        means /= np.linalg.norm(means, axis=1, keepdims=True)
        passages = {"ids": [], "documents": [], "metadatas": [], "embeddings": means}
        sentences = {"ids": [], "documents": [], "metadatas": [], "embeddings": noisy.reshape(-1, vectors.shape[1])}
        for row, n in enumerate(range(first, first + count)):
            source = source_ids[n % len(source_ids)]
            start = offsets[source]
            texts = [pool[i] for i in picks[row]]
            spans, cursor = [], start
            for text in texts:
                spans.append((cursor, cursor + len(text)))
                cursor += len(text) + 1
            passage_text = " ".join(texts)
            offsets[source] = start + len(passage_text) + 2
            chunk = Chunk(
                id=f"{source}-syn{n:06d}",
                source_id=source,
                section=SECTIONS[n % len(SECTIONS)],
                order=n,
                text=passage_text,
                char_start=start,
                char_end=start + len(passage_text),
                content_hash=hashlib.sha256(passage_text.encode()).hexdigest()[:16],
                sentence_spans=tuple(spans),
            )
            _append(passages, passage_row(chunk))
            for text, span in zip(texts, spans):
                _append(sentences, sentence_row(source, span, text))
        yield passages, sentences


def _append(rows: dict, row: Row) -> None:
    rows["ids"].append(row.id)
    rows["documents"].append(row.text)
    rows["metadatas"].append(row.metadata)


def write_store(folder: Path, size: int, pool, vectors, documents: Sequence[Document]) -> None:
    """The two collections of one build as ``ingest`` writes them, at ``folder`` (an embedded Chroma folder)."""
    made_with = identity(CHUNKER_VERSION)
    metadata = passage_collection_metadata(made_with, documents)
    client = _client(folder)
    chunk_name, sentence_name = _collections(BUILD)
    chunks = client.create_collection(chunk_name, metadata=metadata, configuration=COSINE, embedding_function=None)
    sentences = client.create_collection(sentence_name, metadata=made_with, configuration=COSINE, embedding_function=None)
    for passage_rows, sentence_rows in synthetic_rows(size, pool, vectors, [d.meta.id for d in documents], SEED):
        chunks.add(**passage_rows)
        sentences.add(**sentence_rows)


def cached_store(size: int, pool, vectors, documents, key: str, embedder: Embedder, progress: Progress) -> Path:
    folder = cache_dir() / f"store-{key}-{size}"
    if not (folder / "COMPLETE").is_file():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        write_store(folder / "data", size, pool, vectors, documents)
        (folder / "COMPLETE").write_text(f"{time.perf_counter() - started:.1f} s\n")
        progress(f"  wrote {size:,} passages in {time.perf_counter() - started:.0f} s")
    _publish(folder)
    started = time.perf_counter()
    _with_read_side(folder, embedder)
    progress(f"  read side of {size:,} passages ready in {time.perf_counter() - started:.0f} s")
    return folder


def _with_read_side(folder: Path, embedder: Embedder) -> None:
    """The build's read side, as ingest saves it (computed from the rows the first time, or after the
    code that computes it changed), where both readers look for it: the embedded build's folder
    (``data``) and the local folder of the server's build, a link to the same files."""
    settings = Settings(store_dir=folder / "live", collection=f"{COLLECTION}-{BUILD}", chroma_url=None)
    Index.load(settings, embedder)
    server = folder / "live" / SERVER_READ_SIDES / f"{COLLECTION}-{BUILD}"
    server.parent.mkdir(parents=True, exist_ok=True)
    if not server.is_symlink():
        server.symlink_to(Path("..", "..", "data", READ_SIDE_DIR))


def _publish(folder: Path) -> None:
    """Makes the data folder the live build for both readers (painchat.store's layout), in place:
    embedded, ``live/CURRENT`` names build ``BUILD``, whose folder links to ``data``; on a server, the
    pointer collection names it. Stores cached under the names of unversioned builds are renamed."""
    client = _client(folder / "data")
    for legacy, name in zip(_collections(None), _collections(BUILD)):
        if legacy in {c.name for c in client.list_collections()}:
            client.get_collection(legacy).modify(name=name)
    client.get_or_create_collection(f"{COLLECTION}-current").modify(metadata={"build": BUILD, "previous": ""})
    build = folder / "live" / BUILDS_DIR / BUILD
    build.parent.mkdir(parents=True, exist_ok=True)
    if not build.is_symlink():
        build.symlink_to(Path("..", "..", "data"))
    (folder / "live" / POINTER_FILE).write_text(f"{BUILD}\n\n", encoding="utf-8")


def _client(data: Path):
    return open_client(load_settings().model_copy(update={"store_dir": data, "chroma_url": None}))


def _collections(build: str | None) -> tuple[str, str]:
    prefix = f"{COLLECTION}-{build}" if build else LEGACY_COLLECTION
    return f"{prefix}-chunks", f"{prefix}-sentences"


def measure(folder: Path, chroma_url: str | None) -> dict:
    """One fresh process: load the assistant, answer the questions, time the floor beside them."""
    # An embedded reader finds the build through live/CURRENT and names its collections
    # "<collection>-chunks"; a server reader finds it through "<collection>-current" and names them
    # "<collection>-<build>-chunks": both read the same two collections.
    if chroma_url:
        command = [*CHILD, "--store-dir", str(folder / "live"), "--collection", COLLECTION, "--chroma-url", chroma_url]
    else:
        command = [*CHILD, "--store-dir", str(folder / "live"), "--collection", f"{COLLECTION}-{BUILD}"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"pipeline child failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def pipeline_scale(embedder: Embedder, progress: Progress, sizes: Sequence[int] = SIZES) -> list[dict]:
    settings = load_settings()
    documents = load_corpus(settings.corpus_dir, load_manifest(settings.sources_file), settings.max_corpus_file_mb)
    pool = sentence_pool(word_chain(documents), POOL_SIZE, SEED)
    key = hashlib.sha256(
        json.dumps([pool, MODEL_NAME, CHUNKER_VERSION, FORMAT, NOISE, SENTENCES_PER_PASSAGE, SEED]).encode()
    ).hexdigest()[:12]
    progress(f"  pool of {len(pool)} synthetic sentences (cache {cache_dir()}, key {key})")
    vectors = pool_vectors(pool, embedder, key)
    rows = []
    for size in sizes:
        folder = cached_store(size, pool, vectors, documents, key, embedder, progress)
        for mode in ("embedded", "server"):
            if mode == "embedded":
                result = measure(folder, None)
            else:
                with chroma_server(folder / "data") as url:
                    result = measure(folder, url)
            row = {"mode": mode, "passages": size, "sentences": size * SENTENCES_PER_PASSAGE, **result}
            progress(
                f"  {mode} {size:,}: answer p50 {row['p50_ms']:.1f} ms (floor {row['floor_p50_ms']:.1f}), "
                f"p95 {row['p95_ms']:.1f}, load {row['load_s']:.1f} s, +{row['rss_mib']:.0f} MiB"
            )
            rows.append(row)
    return rows


# ---- the measured child process -------------------------------------------------------------


def _child(store_dir: Path, collection: str, chroma_url: str | None) -> dict:
    import psutil

    from bench.ask_latency import spread
    from evaluation.datasets import DATA_DIR, read_jsonl
    from evaluation.metrics import percentile
    from evaluation.qa import resolved_query
    from painchat.assistant import Assistant

    process = psutil.Process()
    settings = load_settings().model_copy(
        update={"store_dir": store_dir, "chroma_url": chroma_url, "collection": collection, "log_questions": False}
    )
    embedder = Embedder()
    embedder.load()
    embedder.embed_query("warm up the model")
    model_rss = process.memory_info().rss
    started = time.perf_counter()
    assistant = Assistant(settings, embedder)
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    Index.load(settings, embedder)  # again: what a reload after a re-ingest, or another worker, costs
    reload_s = time.perf_counter() - started
    _ = assistant.example_questions  # once per process, on the first "not covered"
    sample = spread(read_jsonl(DATA_DIR / "qa.jsonl"), QUESTIONS)
    for row in sample[:WARM_UP]:
        assistant.answer(row["question"], row["history"])
    vectors = assistant.index.vectors
    assert isinstance(vectors, ChromaVectors)
    passages = vectors.passages
    answer_ms, floor_ms, retrieve_ms = [], [], []
    for row in [row for _ in range(ROUNDS) for row in sample]:
        started = time.perf_counter()
        answer = assistant.answer(row["question"], row["history"])
        answer_ms.append((time.perf_counter() - started) * 1000)
        if "retrieve" in answer.timings_ms:  # the part the store's size acts on
            retrieve_ms.append(answer.timings_ms["retrieve"])
        started = time.perf_counter()
        passages.query(query_embeddings=embedder.encode([resolved_query(row)]), n_results=settings.retrieve_k)
        floor_ms.append((time.perf_counter() - started) * 1000)
    rss = process.memory_info().rss
    return {
        **_resident_split(),
        "p50_ms": percentile(answer_ms, 50),
        "p95_ms": percentile(answer_ms, 95),
        "floor_p50_ms": percentile(floor_ms, 50),
        "floor_p95_ms": percentile(floor_ms, 95),
        "retrieve_p50_ms": percentile(retrieve_ms, 50),
        "rss_mib": (rss - model_rss) / 2**20,
        "rss_total_mib": rss / 2**20,
        "load_s": load_s,
        "index_reload_s": reload_s,
        "answers": len(answer_ms),
        "load_avg_1m": os.getloadavg()[0],
    }


def _resident_split() -> dict[str, float]:
    """Resident memory in private pages (the Python heap, Chroma's HNSW indexes) and in mapped files
    (the read side's arrays, shared by every process that maps them, and SQLite's pages), MiB."""
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    kib = {line.split(":")[0]: int(line.split()[1]) for line in status.splitlines() if line.startswith("Rss")}
    return {"rss_anon_mib": kib.get("RssAnon", 0) / 1024, "rss_file_mib": kib.get("RssFile", 0) / 1024}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="one measured process of the pipeline scale bench")
    parser.add_argument("--store-dir", type=Path, required=True)
    parser.add_argument("--collection", required=True)
    parser.add_argument("--chroma-url")
    args = parser.parse_args()
    print(json.dumps(_child(args.store_dir, args.collection, args.chroma_url)))
