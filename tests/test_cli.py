"""The CLI contract, run as real subprocesses against a store they build themselves."""

import json
import os
import subprocess
import sys

import pytest

from painchat.settings import PROJECT_ROOT

RESULT_KEYS = {"kind", "answer", "citations", "disclaimer", "coverage", "timings_ms", "missing_terms", "suggestions"}
CITATION_KEYS = {"n", "source_id", "label", "title", "journal", "year", "doi_url", "section", "quote", "chunk_id", "char_span"}


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory, corpus_dir):
    state = tmp_path_factory.mktemp("cli")
    return {**os.environ, "PAINCHAT_CORPUS_DIR": str(corpus_dir), "PAINCHAT_STORE_DIR": str(state / "store")}


def ask(env, *args: str | bytes) -> subprocess.CompletedProcess:
    command = [sys.executable.encode(), b"-m", b"painchat", b"ask", *(a if isinstance(a, bytes) else a.encode() for a in args)]
    return subprocess.run(command, env=env, cwd=PROJECT_ROOT, capture_output=True, timeout=300, check=False)


def test_json_answer_from_an_empty_store(cli_env):
    run = ask(cli_env, "--json", "What is allodynia and hyperalgesia in nerve pain?")
    assert run.returncode == 0, run.stderr
    assert b"ingest: 3 documents" in run.stderr  # the missing store was built first
    result = json.loads(run.stdout)
    assert set(result) == RESULT_KEYS
    assert result["kind"] == "answer"
    assert CITATION_KEYS <= set(result["citations"][0])
    assert result["citations"][0]["source_id"] == "dobson2014"


def test_text_output_shows_sources_and_disclaimer(cli_env):
    run = ask(cli_env, "How were the expert recommendations graded?")
    assert run.returncode == 0
    out = run.stdout.decode()
    assert "[1]" in out and "Sources:" in out and "https://doi.org/" in out
    assert "not medical advice" in out


def test_batch_with_history_and_bad_lines(cli_env, tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"question": "What did the Delphi consensus panel include?"}),
        json.dumps({"question": "and how were the studies graded?", "history": [
            {"role": "user", "content": "What did the Delphi consensus panel include?"},
            {"role": "assistant", "content": "21 experts."}]}),
        "this is not json",
        json.dumps({"question": "hi", "history": [{"role": "robot", "content": "x"}]}),
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = ask(cli_env, "--batch", str(batch))
    assert run.returncode == 0, run.stderr
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["kind"] for r in results] == ["answer", "answer", "invalid", "invalid"]
    assert all(set(r) == RESULT_KEYS and r["disclaimer"] for r in results)


def test_invalid_input_is_an_answer_not_a_crash(cli_env, tmp_path):
    history = tmp_path / "history.json"
    history.write_bytes(b"\xff\xfe not utf-8")
    for args in ([b"--json", b"caf\xe9 exercise?"], [b"--json", b"--history", str(history).encode(), b"hello"]):
        run = ask(cli_env, *args)
        assert run.returncode == 0, run.stderr
        assert json.loads(run.stdout)["kind"] == "invalid"
        assert b"Traceback" not in run.stderr


def test_operational_error_is_one_line(cli_env, tmp_path):
    env = {**cli_env, "PAINCHAT_CORPUS_DIR": str(tmp_path / "missing"), "PAINCHAT_STORE_DIR": str(tmp_path / "s")}
    run = ask(env, "--json", "What is allodynia?")
    assert run.returncode == 1
    assert run.stderr.decode().strip().count("\n") == 0
    assert "corpus folder not found" in run.stderr.decode()


def test_a_bad_setting_is_one_line(cli_env):
    run = ask({**cli_env, "PAINCHAT_RETRIEVE_K": "zero"}, "--json", "What is allodynia?")
    assert run.returncode == 1
    assert run.stderr.decode().strip() == run.stderr.decode().strip().splitlines()[0]
    assert "PAINCHAT_RETRIEVE_K" in run.stderr.decode()
