"""The Chroma store: embedded (``PersistentClient``) or a server (``HttpClient``), in versioned builds.

A build is one complete version of the store: a passage collection ("chunks", what retrieval
ranks) and a sentence collection (what answers quote). Builds are written beside the live one and
switched in by a pointer only when complete, so a reader never sees a half-built store:

- embedded: ``store_dir/builds/<build>/`` is a Chroma folder of its own; ``store_dir/CURRENT``
  names the live one and is replaced atomically (``os.replace``);
- server: collections ``<collection>-<build>-chunks|sentences``; the metadata of the collection
  ``<collection>-current`` names the live build (one row update on the server).
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import shutil
import tempfile
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import chromadb
import httpx
from chromadb.api.collection_configuration import CreateCollectionConfiguration
from chromadb.api.types import Include
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError

from painchat.errors import StoreError, StoreMissingError
from painchat.settings import Settings

for noisy in ("chromadb.telemetry", "chromadb.telemetry.product.posthog"):
    logging.getLogger(noisy).setLevel(logging.CRITICAL)

log = logging.getLogger(__name__)
COSINE: CreateCollectionConfiguration = {"hnsw": {"space": "cosine"}}
POINTER_FILE = "CURRENT"
BUILDS_DIR = "builds"
SQLITE_FILE = "chroma.sqlite3"
READ_SIDE_DIR = "read-side"  # inside an embedded build's folder
SERVER_READ_SIDES = "server-read-sides"  # in store_dir: the read sides of a server's builds, one folder each
PAGE_ROWS = 2_000  # rows per `get` when reading a whole collection
PROGRAMMING_ERRORS = (TypeError, AttributeError, NameError)


@dataclass(frozen=True)
class Build:
    """One version of the store: the client that holds it, its two collection names, and the local
    folder of its read side (``painchat.read_side``; for a server's build, in store_dir)."""

    name: str
    client: chromadb.ClientAPI
    chunks: str
    sentences: str
    read_side: Path


def open_client(settings: Settings, path: Path | None = None) -> chromadb.ClientAPI:
    """A client for the configured server, or an embedded one at ``path`` (default: store_dir)."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        return _http_client(settings.chroma_url, settings.chroma_timeout_s, chroma_settings)
    folder = path or settings.store_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(folder), settings=chroma_settings)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # sqlite, OS and rust-panic errors all mean "this folder can't be opened"
        raise StoreError(f"cannot open the store at {folder}: {_reason(err)}") from err


def _http_client(chroma_url: str, timeout: float, chroma_settings: ChromaSettings) -> chromadb.ClientAPI:
    url = urlparse(chroma_url)
    host, port = url.hostname or "localhost", url.port or (443 if url.scheme == "https" else 8000)
    # chromadb builds its httpx session with no timeout and talks to the server while constructing
    # the client, so the server is first asked for a heartbeat with our own timeout.
    try:
        with urllib.request.urlopen(f"{url.scheme}://{host}:{port}/api/v2/heartbeat", timeout=timeout):
            pass
        client = chromadb.HttpClient(host=host, port=port, ssl=url.scheme == "https", settings=chroma_settings)
        # no public setting; ClientAPI does not declare the private _server
        client._server._session.timeout = httpx.Timeout(timeout)  # type: ignore[attr-defined]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # urllib, httpx and chromadb (bare ValueError) errors for an absent server
        if isinstance(err, TimeoutError) or isinstance(getattr(err, "reason", None), TimeoutError):
            raise StoreError(f"the Chroma server at {chroma_url} did not answer within {timeout:g} s") from err
        raise StoreError(f"cannot reach the Chroma server at {chroma_url}: {_reason(err)}") from err
    return client


def store_location(settings: Settings) -> str:
    """Where the store is, for messages: the server's URL or the folder."""
    return settings.chroma_url or str(settings.store_dir)


def current_version(settings: Settings) -> str | None:
    """Name of the live build, or None when nothing has been built."""
    return _pointer(settings)[0]


def _pointer(settings: Settings) -> tuple[str | None, str | None]:
    """(live build, the build that was live before it): a process may still be reading the latter."""
    if settings.chroma_url:
        client = open_client(settings)
        metadata = guarded(settings, lambda: stored_metadata(client, _pointer_name(settings))) or {}
        return metadata.get("build") or None, metadata.get("previous") or None
    try:
        names = (settings.store_dir / POINTER_FILE).read_text(encoding="utf-8").split()
    except FileNotFoundError:
        return None, None
    except OSError as err:
        raise StoreError(f"cannot read {settings.store_dir / POINTER_FILE}: {err.strerror}") from err
    live, previous = (names + [None, None])[:2]
    return live, previous


def current_build(settings: Settings) -> Build:
    """The live build, opened for reading; a read-only folder is served from a private copy."""
    name = current_version(settings)
    if name is None:
        raise StoreMissingError(f"no store at {store_location(settings)}: run `python -m ingest` first")
    if settings.chroma_url:
        return _server_build(open_client(settings), settings, name)
    folder = settings.store_dir / BUILDS_DIR / name
    if not (folder / SQLITE_FILE).is_file():
        raise StoreMissingError(f"the store at {settings.store_dir} names build {name}, which is missing: run `python -m ingest`")
    if not _writable(folder):
        folder = _private_copy(folder)
    return _embedded_build(open_client(settings, folder), settings, name, folder)


def new_build(settings: Settings) -> Build:
    """An empty build beside the live one (call only while holding the writer lock)."""
    name = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    if settings.chroma_url:
        return _server_build(open_client(settings), settings, name)
    folder = settings.store_dir / BUILDS_DIR / name
    return _embedded_build(open_client(settings, folder), settings, name, folder)


def publish(settings: Settings, build: Build) -> None:
    """Make ``build`` the live one in a single atomic step; the pointer remembers the one it replaces."""
    previous = current_version(settings) or ""
    if settings.chroma_url:
        pointer = guarded(settings, lambda: build.client.get_or_create_collection(_pointer_name(settings)))
        guarded(settings, lambda: pointer.modify(metadata={"build": build.name, "previous": previous}))
        return
    partial = settings.store_dir / f".{POINTER_FILE}.part"
    with partial.open("w", encoding="utf-8") as file:
        file.write(f"{build.name}\n{previous}\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(partial, settings.store_dir / POINTER_FILE)


def discard_builds(settings: Settings) -> None:
    """Delete every build but the live one and the one before it: older ones, and those a killed
    ingest left half-written (a server's collections, and the local folders of builds)."""
    keep = {name for name in _pointer(settings) if name}
    if not keep:
        return
    if settings.chroma_url:
        client = open_client(settings)
        ours = re.compile(rf"{re.escape(settings.collection)}-(\d{{8}}T\d{{12}}Z)-(chunks|sentences)")
        for collection in guarded(settings, client.list_collections):
            match = ours.fullmatch(collection.name)
            if match and match.group(1) not in keep:
                guarded(settings, partial(client.delete_collection, collection.name))
        for folder in (settings.store_dir / SERVER_READ_SIDES).glob(f"{settings.collection}-*"):
            if folder.name.removeprefix(f"{settings.collection}-") not in keep:
                shutil.rmtree(folder, ignore_errors=True)
        return
    for folder in (settings.store_dir / BUILDS_DIR).glob("*"):
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def stored_metadata(client: chromadb.ClientAPI, name: str) -> dict | None:
    """The metadata a collection was built with, or None if it does not exist."""
    try:
        return dict(client.get_collection(name).metadata or {})
    except NotFoundError:
        return None


def pages(collection: chromadb.Collection, include: Include, size: int | None = None) -> Iterator[dict[str, list]]:
    """A collection's rows (ids and ``include``), a page at a time: one ``get`` of a large
    collection asks SQLite for more variables than it allows, and holds every row at once."""
    size = size or PAGE_ROWS
    offset = 0
    while True:
        page = collection.get(include=include, limit=size, offset=offset)
        if not page["ids"]:
            return
        got: dict[str, Any] = dict(page)  # GetResult's keys, as plain names
        missing = [key for key in include if got.get(key) is None]
        if missing:
            raise StoreError(f"{collection.name} returned no {', '.join(missing)}")
        yield {key: got[key] for key in ("ids", *include)}
        offset += len(page["ids"])


def guarded(settings: Settings, call):
    """Runs a store call; the errors of a dead, slow or damaged store become one-line StoreErrors."""
    try:
        return call()
    except StoreError:
        raise
    except httpx.TimeoutException as err:
        raise StoreError(
            f"the Chroma server at {settings.chroma_url} did not answer within {settings.chroma_timeout_s:g} s"
        ) from err
    except httpx.HTTPError as err:
        raise StoreError(f"cannot reach the Chroma server at {settings.chroma_url}: {_reason(err)}") from err
    except NotFoundError as err:
        raise StoreMissingError(f"the store at {store_location(settings)} lost a collection: run `python -m ingest`") from err
    except PROGRAMMING_ERRORS:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:  # sqlite, segment and rust-panic errors (a BaseException) of a damaged store
        raise StoreError(f"the store at {store_location(settings)} cannot be read: {_reason(err)}") from err


def _reason(err: BaseException) -> str:
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return text.splitlines()[0][:200]


def _pointer_name(settings: Settings) -> str:
    return f"{settings.collection}-current"


def _server_build(client: chromadb.ClientAPI, settings: Settings, name: str) -> Build:
    prefix = f"{settings.collection}-{name}"
    read_side = settings.store_dir / SERVER_READ_SIDES / prefix
    return Build(name, client, f"{prefix}-chunks", f"{prefix}-sentences", read_side)


def _embedded_build(client: chromadb.ClientAPI, settings: Settings, name: str, folder: Path) -> Build:
    chunks, sentences = f"{settings.collection}-chunks", f"{settings.collection}-sentences"
    return Build(name, client, chunks, sentences, folder / READ_SIDE_DIR)


def _writable(folder: Path) -> bool:
    """Chroma writes to its folder even to read, so a read-only one needs a copy."""
    try:
        os.close(os.open(folder / SQLITE_FILE, os.O_RDWR))
        tempfile.TemporaryFile(dir=folder).close()
    except OSError:
        return False
    return True


def _private_copy(folder: Path) -> Path:
    copy = Path(tempfile.mkdtemp(prefix="painchat-readonly-store-"))
    atexit.register(shutil.rmtree, copy, ignore_errors=True)
    try:
        shutil.copytree(folder, copy, dirs_exist_ok=True)
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o700 if path.is_dir() else 0o600)
    except OSError as err:
        raise StoreError(f"the store at {folder} is read-only and cannot be copied: {err.strerror}") from err
    log.warning("the store at %s is read-only; serving a private copy from %s", folder, copy)
    return copy
