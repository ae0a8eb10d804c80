"""Bounds on every input: nested and oversized JSON, huge history turns, huge or malformed paper files."""

from __future__ import annotations

import json
import time

import pytest

from ingest.loaders import load_corpus
from painchat import bounded_json
from painchat.errors import CorpusError
from painchat.messages import HISTORY_TOO_LONG
from tests.faults.conftest import run, state_env

NESTED = b"[" * 1000 + b"]" * 1000  # 2 KB: json.loads alone ends in a RecursionError


def test_nested_and_oversized_batch_lines_are_invalid_and_the_batch_goes_on(settings, built_store, tmp_path):
    batch = tmp_path / "batch.jsonl"
    good = json.dumps({"question": "What is allodynia?"}).encode()
    oversized = json.dumps({"question": "x" * 3000}).encode()
    nested = b'{"question": "hi", "history": ' + NESTED + b"}"
    batch.write_bytes(b"\n".join([good, nested, oversized, good]) + b"\n")
    history = tmp_path / "history.json"
    history.write_bytes(NESTED)
    env = state_env(settings.corpus_dir, settings.store_dir, PAINCHAT_MAX_JSON_BYTES="2000")

    completed = run("painchat", "ask", "--batch", str(batch), env=env)
    assert completed.returncode == 0, completed.stderr
    kinds = [json.loads(line)["kind"] for line in completed.stdout.splitlines()]
    assert kinds == ["answer", "invalid", "invalid", "answer"]

    completed = run("painchat", "ask", "--json", "--history", str(history), "and how often?", env=env)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["kind"] == "invalid"


def test_depth_is_measured_outside_strings():
    assert bounded_json.nesting_depth(b'{"a": "[[[[[[[[[[", "b": [[1]]}') == 3
    with pytest.raises(bounded_json.UnreadableJson, match="deeper than 8"):
        bounded_json.loads(NESTED, 10_000, 8)


def test_an_oversized_history_turn_is_refused_before_follow_up_resolution(assistant):
    huge = "how often should I walk " * 2_000_000  # 48 MB, the size of the 62 MB probe
    history = [{"role": "user", "content": huge}, {"role": "assistant", "content": "…"}]
    started = time.perf_counter()
    result = assistant.answer("and how often?", history)
    assert result.kind == "invalid" and result.answer == HISTORY_TOO_LONG
    assert time.perf_counter() - started < 60  # bounded; it took 396 s and 9.1 GB before


def test_an_oversized_paper_file_names_the_file_and_the_limit(tmp_path):
    paper = tmp_path / "big.md"
    paper.write_text("---\nid: big\ntitle: Big\n---\n" + "Exercise helps. " * 200_000, encoding="utf-8")
    with pytest.raises(CorpusError, match=r"big\.md: 3\.2 MB is larger than PAINCHAT_MAX_CORPUS_FILE_MB \(1 MB\)"):
        load_corpus(tmp_path, {}, max_file_mb=1)


def test_byte_order_mark_and_windows_line_ends_keep_the_front_matter(tmp_path):
    text = "---\r\nid: bom\r\ntitle: With a BOM\r\nyear: 2020\r\n---\r\n# Results\r\n\r\nExercise helped.\r\n"
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    [document] = load_corpus(tmp_path, {})
    assert (document.meta.title, document.meta.year) == ("With a BOM", 2020)
    assert "title" not in document.text


def test_unclosed_front_matter_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "open.md").write_text("---\nid: open\ntitle: Never closed\n\n# Results\n\nExercise helped.\n")
    with pytest.raises(CorpusError, match=r"open\.md: the front matter .* never closed"):
        load_corpus(tmp_path, {})


def test_mistyped_front_matter_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "typed.md").write_text("---\nid: typed\ntitle: T\nauthors: 123\n---\nExercise helped.\n")
    with pytest.raises(CorpusError, match=r"typed\.md"):
        load_corpus(tmp_path, {})
