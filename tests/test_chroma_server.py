"""Server mode: the same ingest and answer path against a real `chroma run` on loopback."""

import socket
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest

from devtools.loopback import free_port
from ingest.build import build_store
from painchat.assistant import Assistant
from painchat.errors import StoreError
from painchat.settings import Settings
from painchat.store import SERVER_READ_SIDES

pytestmark = pytest.mark.server
CHROMA = Path(sys.executable).with_name("chroma")



@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=30)


def test_ingest_and_answer_through_the_server(chroma_url, corpus_dir, embedder, tmp_path):
    settings = Settings(corpus_dir=corpus_dir, chroma_url=chroma_url, store_dir=tmp_path / "local")
    first = build_store(settings, embedder)
    again = build_store(settings, embedder)
    assert first.chunks.added > 0 and again.chunks.added == 0
    answer = Assistant(settings, embedder).answer("What is allodynia and hyperalgesia in nerve pain?")
    assert answer.kind == "answer"
    assert answer.citations[0].source_id == "dobson2014"
    # Locally only the read sides of the server's builds (painchat.read_side): no embedded store.
    assert [p.name for p in (tmp_path / "local").iterdir()] == [SERVER_READ_SIDES]


def test_unreachable_server_is_a_store_error(corpus_dir):
    settings = Settings(corpus_dir=corpus_dir, chroma_url=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(StoreError, match="cannot reach the Chroma server"):
        build_store(settings)


def test_server_builds_are_versioned_switched_by_a_pointer_and_pruned(chroma_url, corpus_dir, embedder, tmp_path):
    import shutil

    from painchat.store import current_version, open_client

    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    settings = Settings(corpus_dir=corpus, chroma_url=chroma_url, collection="versioned")
    versions = []
    words = ("widespread", "common", "frequent", "usual")
    for before, after in pairwise(words):
        build_store(settings, embedder)
        versions.append(current_version(settings))
        dobson = corpus / "dobson2014.md"
        dobson.write_text(dobson.read_text().replace(before, after, 1), encoding="utf-8")
    names = sorted(c.name for c in open_client(settings).list_collections() if c.name.startswith("versioned-"))
    kept = sorted(f"versioned-{v}-{kind}" for v in versions[1:] for kind in ("chunks", "sentences"))
    assert len(set(versions)) == 3
    assert names == sorted([*kept, "versioned-current"])  # the live build, the one before, the pointer
