"""A hung or dead Chroma server, a corrupted database file, a read-only store: one line, never a hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from ingest.build import build_store
from ingest.fetch import fetch_all
from painchat.errors import FetchError, StoreError
from painchat.index import Index
from painchat.settings import PROJECT_ROOT, Settings
from painchat.store import BUILDS_DIR, current_version
from tests.faults.conftest import one_line_error, run, start, state_env

QUESTION = "What is allodynia and hyperalgesia in nerve pain?"
# Root ignores file modes through these capabilities; without them it meets the modes like anyone else.
WITHOUT_ROOT_OVERRIDES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all"]


def test_a_server_that_never_answers_times_out_in_one_line(silent_server, corpus_dir, tmp_path):
    env = state_env(corpus_dir, tmp_path / "store", PAINCHAT_CHROMA_URL=silent_server.url, PAINCHAT_CHROMA_TIMEOUT_S="2")
    for module, args in (("painchat", ["ask", "--json", QUESTION]), ("ingest", ["--quiet"])):
        started = time.monotonic()
        completed = run(module, *args, env=env, timeout=300)
        line = one_line_error(completed)
        assert f"the Chroma server at {silent_server.url} did not answer within 2 s" in line
        assert time.monotonic() - started < 240  # model loading dominates; the wait itself is 2 s


def test_europe_pmc_that_never_answers_times_out(silent_server, tmp_path):
    settings = Settings(
        corpus_dir=tmp_path / "corpus", europepmc_url=silent_server.url, fetch_timeout_s=1, fetch_retries=0
    )
    with pytest.raises(FetchError, match="did not answer within 1 s"):
        fetch_all(settings, {"p": {"id": "p", "title": "P", "pmcid": "PMC1"}})


def test_a_corrupted_database_file_is_one_line_and_the_next_ingest_rebuilds(copied_store, corpus_dir, embedder):
    settings = Settings(corpus_dir=corpus_dir, store_dir=copied_store, data_dir=copied_store.parent / "data")
    database = copied_store / BUILDS_DIR / current_version(settings) / "chroma.sqlite3"
    with database.open("r+b") as file:
        file.seek(0)
        file.write(os.urandom(4096))
    env = state_env(corpus_dir, copied_store)

    line = one_line_error(run("painchat", "ask", "--json", QUESTION, env=env))
    assert str(copied_store) in line and "not a database" in line
    with pytest.raises(StoreError):
        Index.load(settings, embedder)

    report = build_store(settings, embedder)  # unreadable: built again from the papers
    assert report.chunks.added > 0
    answered = run("painchat", "ask", "--json", QUESTION, env=env)
    assert answered.returncode == 0 and json.loads(answered.stdout)["kind"] == "answer"


def test_a_read_only_store_is_served_and_refuses_writes_in_one_line(copied_store, corpus_dir):
    for path in [copied_store, *copied_store.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    data = copied_store.parent / "data"
    data.mkdir(mode=0o555)
    env = state_env(corpus_dir, copied_store, data)
    try:
        answered = run("painchat", "ask", "--json", QUESTION, env=env, prefix=WITHOUT_ROOT_OVERRIDES)
        assert answered.returncode == 0, answered.stderr
        assert json.loads(answered.stdout)["kind"] == "answer"
        assert "Traceback" not in answered.stderr

        line = one_line_error(run("ingest", "--quiet", env=env, prefix=WITHOUT_ROOT_OVERRIDES))
        assert "cannot write the store's lock file" in line

        logging_on = env | {"PAINCHAT_LOG_QUESTIONS": "1"}
        line = one_line_error(run("painchat", "ask", QUESTION, env=logging_on, prefix=WITHOUT_ROOT_OVERRIDES))
        assert f"cannot write to {data}" in line
    finally:
        for path in [copied_store, *copied_store.rglob("*"), data]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_feedback_into_an_unwritable_folder_is_one_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o555)
    script = (
        "from painchat.feedback import FeedbackStore; from painchat.models import Answer; "
        "from painchat.settings import load_settings; from painchat.errors import DataDirError\n"
        "try:\n    FeedbackStore(load_settings()).record('q', Answer(kind='answer', answer='a'), 'up')\n"
        "except DataDirError as err:\n    print(err)"
    )
    env = state_env(tmp_path, tmp_path / "store", data)
    printed = subprocess.run(
        [*WITHOUT_ROOT_OVERRIDES, sys.executable, "-c", script],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert printed.stdout.startswith(f"cannot write to {data}"), printed


@pytest.mark.server
def test_a_chroma_server_dying_during_a_batch_ends_it_in_one_line(corpus_dir, embedder, tmp_path):
    from tests.faults.test_fault_browser import _retry_until_up, _start_chroma

    chroma, url = _start_chroma(tmp_path / "chroma")
    try:
        _retry_until_up(lambda: build_store(Settings(corpus_dir=corpus_dir, chroma_url=url), embedder))
        batch = tmp_path / "batch.jsonl"
        batch.write_text("\n".join(json.dumps({"question": QUESTION}) for _ in range(2000)))
        env = state_env(corpus_dir, tmp_path / "unused", PAINCHAT_CHROMA_URL=url, PAINCHAT_CHROMA_TIMEOUT_S="5")
        process = start("painchat", "ask", "--batch", str(batch), env=env)
        first = process.stdout.readline()  # answering has begun
        assert json.loads(first)["kind"] == "answer"
        chroma.kill()
        out, err = process.communicate(timeout=300)
        line = one_line_error(subprocess.CompletedProcess(process.args, process.returncode, out, err))
        assert f"cannot reach the Chroma server at {url}" in line or "did not answer" in line
        assert all(json.loads(row)["kind"] == "answer" for row in out.splitlines())  # what was printed stands
    finally:
        if chroma.poll() is None:
            chroma.kill()
