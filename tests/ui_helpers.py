"""Fixtures for the app tests: the env that points the app at the session's test store, and the
real server + browser for the browser tests. Test modules import the fixtures they use."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from devtools.browser import EmbeddingPage, StreamlitServer, chromium, new_page


@pytest.fixture(scope="session")
def app_env(settings, built_store) -> dict[str, str]:
    """``PAINCHAT_*`` variables that make the app use the store the session built."""
    return {
        "PAINCHAT_CORPUS_DIR": str(settings.corpus_dir),
        "PAINCHAT_STORE_DIR": str(settings.store_dir),
        "PAINCHAT_DATA_DIR": str(settings.data_dir),
    }


@pytest.fixture(scope="module")
def streamlit_server(app_env):
    server = StreamlitServer(app_env)
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="module")
def embedding_page(streamlit_server):
    """A page on another loopback port (another origin) that embeds the app in a 760-px iframe."""
    host = EmbeddingPage(streamlit_server.url).start()
    try:
        yield host
    finally:
        host.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, request, streamlit_server):
    """A fresh page; when the test fails, a screenshot and the server log path are printed."""
    failed_before = request.session.testsfailed
    tab = new_page(browser)
    yield tab
    # The test's own report is counted before its fixtures are torn down.
    if request.session.testsfailed > failed_before:
        folder = Path(tempfile.mkdtemp(prefix="painchat-browser-failure-"))
        tab.screenshot(path=folder / f"{request.node.name}.png")
        print(f"\nscreenshot: {folder}  server log: {streamlit_server.log_path}")
    tab.close()
