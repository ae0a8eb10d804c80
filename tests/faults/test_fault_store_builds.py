"""One writer at a time, atomic builds, fresh answers after a re-ingest — with real processes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time

from ingest.build import build_store
from painchat.assistant import Assistant
from painchat.settings import Settings
from painchat.store import BUILDS_DIR, POINTER_FILE, current_build, current_version
from tests.faults.conftest import one_line_error, run, start, state_env, write_synthetic_corpus

BUSY = "another ingest is writing the store"


def test_two_ingests_at_once_leave_one_working_store(tmp_path):
    sentences = write_synthetic_corpus(tmp_path / "corpus", papers=4, sentences_per_paper=500)
    env = state_env(tmp_path / "corpus", tmp_path / "store")
    first, second = start("ingest", "--quiet", env=env), start("ingest", "--quiet", env=env)
    results = [subprocess.CompletedProcess(p.args, p.wait(timeout=900), *p.communicate()) for p in (first, second)]

    assert sorted(r.returncode for r in results) == [0, 1], results  # one builds, the other is told why not
    assert BUSY in one_line_error(next(r for r in results if r.returncode == 1))
    assert f"{sentences} sentences" in next(r.stdout for r in results if r.returncode == 0)

    asked = run("painchat", "ask", "--json", "Does walking change burning?", env=env)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["kind"] in {"answer", "related", "not_covered"}
    again = run("ingest", "--quiet", env=env)  # the store is not damaged: a later ingest works too
    assert again.returncode == 0, again.stderr


def test_ask_waits_for_a_running_ingest_instead_of_building_beside_it(tmp_path):
    write_synthetic_corpus(tmp_path / "corpus", papers=2, sentences_per_paper=300)
    env = state_env(tmp_path / "corpus", tmp_path / "store")
    ingest = start("ingest", "--quiet", env=env)
    _wait_for(lambda: (tmp_path / "store" / BUILDS_DIR).is_dir(), ingest)
    asked = run("painchat", "ask", "--json", "Does yoga change tingling?", env=env)
    assert ingest.wait(timeout=900) == 0, ingest.communicate()
    assert asked.returncode == 0, asked.stderr
    assert "Traceback" not in asked.stderr
    assert len(list((tmp_path / "store" / BUILDS_DIR).iterdir())) == 1  # one build: ask reused the ingest's


def test_a_build_killed_midway_leaves_the_old_store_serving(tmp_path, corpus_dir, embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    settings = Settings(corpus_dir=corpus, store_dir=tmp_path / "store", data_dir=tmp_path / "data")
    build_store(settings, embedder)
    live = current_version(settings)
    question = "What is allodynia and hyperalgesia in nerve pain?"
    before = Assistant(settings, embedder).answer(question)

    write_synthetic_corpus(corpus, papers=2, sentences_per_paper=1000)  # enough to be killed while embedding
    ingest = start("ingest", "--quiet", env=state_env(corpus, settings.store_dir))
    builds = settings.store_dir / BUILDS_DIR
    _wait_for(lambda: len(list(builds.iterdir())) == 2, ingest)
    time.sleep(2)  # well into writing the new build
    os.kill(ingest.pid, signal.SIGKILL)
    ingest.wait(timeout=30)

    assert current_version(settings) == live  # the pointer was never switched
    after = Assistant(settings, embedder).answer(question)
    assert (after.kind, after.answer) == (before.kind, before.answer)
    assert {c.source_id for c in after.coverage} == {c.source_id for c in before.coverage}

    for synthetic in corpus.glob("synthetic*.md"):
        synthetic.unlink()
    report = build_store(settings, embedder)  # the next ingest clears the wreck
    assert not report.chunks.changed and current_version(settings) == live
    assert [p.name for p in builds.iterdir()] == [live]


def test_a_running_assistant_serves_the_new_build_after_a_reingest(tmp_path, corpus_dir, embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir, corpus)
    settings = Settings(
        corpus_dir=corpus, store_dir=tmp_path / "store", data_dir=tmp_path / "data", store_check_interval_s=0
    )
    build_store(settings, embedder)
    assistant = Assistant(settings, embedder)
    question = "What is allodynia and hyperalgesia in nerve pain?"
    quoted = {c.quote for c in assistant.answer(question).citations}
    assert quoted

    dobson = corpus / "dobson2014.md"
    text = dobson.read_text(encoding="utf-8")
    for quote in quoted:
        text = text.replace(quote, "")
    dobson.write_text(text, encoding="utf-8")
    build_store(settings, embedder)

    fresh = assistant.answer(question)  # the same process, no restart
    assert assistant.index.version == current_version(settings)
    assert not quoted & {c.quote for c in fresh.citations}


def test_the_pointer_is_replaced_whole(tmp_path, corpus_dir, embedder):
    settings = Settings(corpus_dir=corpus_dir, store_dir=tmp_path / "store")
    build_store(settings, embedder)
    pointer = settings.store_dir / POINTER_FILE
    assert pointer.read_text().strip() == current_build(settings).name
    assert not list(settings.store_dir.glob(".*.part"))  # written beside, then renamed over


def _wait_for(condition, process, timeout_s: float = 600) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)
