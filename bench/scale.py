"""Query latency vs store size on a SYNTHETIC corpus: random unit vectors, no model, no real text.

The same vectors go into embedded Chroma (PersistentClient) and a ``chroma run`` server, grown
1k -> 10k -> 100k; at each size ~100 random queries are timed. Embedding cost is not in here: the
vectors are precomputed (embedding throughput is the ingest step's measurement).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import chromadb
import numpy as np

from bench.processes import stop, wait_until
from devtools.loopback import free_port
from evaluation.metrics import percentile
from painchat.embedding import dimension
from painchat.settings import Settings
from painchat.store import COSINE, open_client

SIZES = (1_000, 10_000, 100_000)
QUERIES = 100
WARM_UP = 5
N_RESULTS = 8
SEED = 20_240_601
MAX_BATCH = 5_000  # also kept under the client's own limit
CHROMA = Path(sys.executable).with_name("chroma")

Progress = Callable[[str], None]


def unit_vectors(rng: np.random.Generator, count: int, dim: int) -> np.ndarray:
    vectors = rng.standard_normal((count, dim), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def synthetic_text(i: int) -> str:
    return f"SYNTHETIC passage {i}: placeholder text for a random vector, not from any paper."


def grow_and_query(
    client: chromadb.ClientAPI, vectors: np.ndarray, queries: np.ndarray, mode: str, progress: Progress
) -> list[dict]:
    """Insert up to each size in turn, then time the queries there."""
    collection = client.create_collection("bench-synthetic", configuration=COSINE, embedding_function=None)
    batch = min(MAX_BATCH, client.get_max_batch_size())
    rows, stored = [], 0
    for size in SIZES:
        started = time.perf_counter()
        for start in range(stored, size, batch):
            end = min(start + batch, size)
            collection.add(
                ids=[f"syn-{i}" for i in range(start, end)],
                embeddings=vectors[start:end],
                documents=[synthetic_text(i) for i in range(start, end)],
            )
        insert_s, added, stored = time.perf_counter() - started, size - stored, size
        for query in queries[:WARM_UP]:
            collection.query(query_embeddings=[query], n_results=N_RESULTS)
        latencies = []
        for query in queries:
            started = time.perf_counter()
            collection.query(query_embeddings=[query], n_results=N_RESULTS)
            latencies.append((time.perf_counter() - started) * 1000)
        row = {
            "mode": mode,
            "size": size,
            "stored": collection.count(),
            "added": added,
            "insert_s": round(insert_s, 2),
            "insert_per_s": added / insert_s,
            "p50_ms": percentile(latencies, 50),
            "p95_ms": percentile(latencies, 95),
        }
        progress(f"  scale {mode}: {size:,} chunks, query p50 {row['p50_ms']:.1f} ms, p95 {row['p95_ms']:.1f} ms")
        rows.append(row)
    return rows


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """A ``chroma run`` on a free loopback port; always terminated."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    with (path.parent / "chroma-server.log").open("wb") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            if not wait_until(lambda: bool(open_client(Settings(chroma_url=url))), 60, server):
                raise RuntimeError(f"chroma server did not answer its heartbeat at {url}")
            yield url
        finally:
            stop(server)


def scale(progress: Progress) -> dict:
    rng = np.random.default_rng(SEED)
    dim = dimension()
    vectors, queries = unit_vectors(rng, SIZES[-1], dim), unit_vectors(rng, QUERIES, dim)
    rows = []
    with tempfile.TemporaryDirectory(prefix="painchat-bench-scale-") as folder:
        embedded = open_client(Settings(store_dir=Path(folder) / "embedded", chroma_url=None))
        rows += grow_and_query(embedded, vectors, queries, "embedded", progress)
        server_dir = Path(folder) / "server"
        server_dir.mkdir()
        with chroma_server(server_dir / "data") as url:
            rows += grow_and_query(open_client(Settings(chroma_url=url)), vectors, queries, "server", progress)
    return {"synthetic": True, "seed": SEED, "dimension": dim, "queries": QUERIES, "n_results": N_RESULTS, "rows": rows}
