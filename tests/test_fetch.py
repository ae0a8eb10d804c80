"""``fetch_all`` against a real HTTP server on the loopback interface."""

from __future__ import annotations

import json
import socket
import threading
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ingest.fetch import fetch_all
from ingest.loaders.jats import load_jats
from painchat.errors import FetchError, OfflineError
from painchat.settings import Settings

# Each route answers with its responses in turn, then keeps repeating the last one.
Routes = dict[str, list[tuple[int, bytes]]]
StartServer = Callable[[Routes], tuple[str, Counter]]
BACKOFF_S = 0.01


def article(title: str) -> bytes:
    return (
        "<article><front><article-meta><title-group>"
        f"<article-title>{title}</article-title></title-group></article-meta></front>"
        f"<body><sec><title>Results</title><p>{title} lowered pain scores.</p></sec></body></article>"
    ).encode()


def search_answer(pmcid: str | None) -> bytes:
    return json.dumps({"resultList": {"result": [{"doi": "10.1000/x", "pmcid": pmcid}] if pmcid else []}}).encode()


def _handler(routes: Routes, hits: Counter) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urllib.parse.urlsplit(self.path)
            # A search is routed by its query ('DOI:"…"'), a download by its path below /rest.
            key = urllib.parse.parse_qs(url.query).get("query", [url.path.removeprefix("/rest")])[0]
            hits[key] += 1
            answers = routes.get(key, [(404, b"not found")])
            status, body = answers[min(hits[key], len(answers)) - 1]
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def europepmc() -> Iterator[StartServer]:
    """Starts a loopback server for the given routes; returns its base URL and a per-route hit counter."""
    servers: list[ThreadingHTTPServer] = []

    def start(routes: Routes) -> tuple[str, Counter]:
        hits: Counter = Counter()
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, hits))
        # A short poll interval keeps shutdown, and so each test, fast.
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/rest", hits

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def settings_for(url: str, tmp_path: Path, retries: int = 2) -> Settings:
    return Settings(europepmc_url=url, corpus_dir=tmp_path / "corpus", fetch_retries=retries, fetch_timeout_s=5)


def test_papers_by_pmcid_and_by_doi_land_in_the_corpus(europepmc: StartServer, tmp_path: Path) -> None:
    url, _ = europepmc(
        {
            "/PMC1/fullTextXML": [(200, article("Walking"))],
            'DOI:"10.1000/swim"': [(200, search_answer("PMC2"))],
            "/PMC2/fullTextXML": [(200, article("Swimming"))],
        }
    )
    manifest = {
        "walk": {"id": "walk", "title": "Walking", "pmcid": "PMC1"},
        "swim": {"id": "swim", "title": "Swimming", "doi": "10.1000/swim"},
    }

    paths = fetch_all(settings_for(url, tmp_path), manifest, backoff_s=BACKOFF_S)

    corpus = tmp_path / "corpus"
    assert paths == [corpus / "walk.xml", corpus / "swim.xml"]
    assert sorted(p.name for p in corpus.iterdir()) == ["swim.xml", "walk.xml"]
    swim = load_jats(paths[1], manifest["swim"])
    assert swim.meta.id == "swim"
    assert swim.sections[0].paragraphs == ("Swimming lowered pain scores.",)


def test_a_server_error_is_retried(europepmc: StartServer, tmp_path: Path) -> None:
    url, hits = europepmc({"/PMC1/fullTextXML": [(503, b"busy"), (200, article("Walking"))]})

    paths = fetch_all(settings_for(url, tmp_path), {"walk": {"id": "walk", "pmcid": "PMC1"}}, backoff_s=BACKOFF_S)

    assert hits["/PMC1/fullTextXML"] == 2
    assert load_jats(paths[0], None).meta.title == "Walking"


def test_not_found_is_a_fetch_error_naming_the_paper_and_not_retried(europepmc: StartServer, tmp_path: Path) -> None:
    url, hits = europepmc({})

    with pytest.raises(FetchError, match=r"^walk: .*HTTP 404") as raised:
        fetch_all(settings_for(url, tmp_path), {"walk": {"id": "walk", "pmcid": "PMC1"}}, backoff_s=BACKOFF_S)

    assert not isinstance(raised.value, OfflineError)
    assert hits["/PMC1/fullTextXML"] == 1


@pytest.mark.parametrize(
    ("routes", "message"),
    [
        ({'DOI:"10.1000/walk"': [(200, search_answer(None))]}, "no PMCID"),
        ({'DOI:"10.1000/walk"': [(200, b"<html>maintenance</html>")]}, "not its JSON"),
        (
            {'DOI:"10.1000/walk"': [(200, search_answer("PMC1"))], "/PMC1/fullTextXML": [(200, b"<html/>")]},
            "not a JATS <article>",
        ),
    ],
)
def test_unusable_answers_are_fetch_errors(
    europepmc: StartServer, tmp_path: Path, routes: Routes, message: str
) -> None:
    url, _ = europepmc(routes)

    with pytest.raises(FetchError, match=message):
        fetch_all(settings_for(url, tmp_path), {"walk": {"id": "walk", "doi": "10.1000/walk"}}, backoff_s=BACKOFF_S)

    assert list((tmp_path / "corpus").iterdir()) == []


def test_an_unreachable_server_is_a_one_line_offline_error(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings = settings_for(f"http://127.0.0.1:{closed_port}/rest", tmp_path, retries=1)

    with pytest.raises(OfflineError) as raised:
        fetch_all(settings, {"walk": {"id": "walk", "pmcid": "PMC1"}}, backoff_s=BACKOFF_S)

    message = str(raised.value)
    assert "\n" not in message
    assert f"127.0.0.1:{closed_port}" in message
    assert str(tmp_path / "corpus") in message
