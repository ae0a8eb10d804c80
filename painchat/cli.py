"""``python -m painchat ask``: the command-line front end. Its JSON output is a stable contract."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import BinaryIO

from painchat import bounded_json, messages
from painchat.errors import PainchatError, StoreMissingError
from painchat.messages import RELATED_NOTE
from painchat.models import Answer, by_source
from painchat.settings import Settings, load_settings


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    if args.command == "serve":
        return _serve(args)
    try:
        assistant = _assistant(load_settings())
        if args.batch:
            return _batch(assistant, args.batch)
        if args.question is None:
            print("error: give a QUESTION or --batch FILE", file=sys.stderr)
            return 2
        history = _read_history(args.history, assistant.settings) if args.history else []
        result = assistant.invalid(messages.INVALID_HISTORY) if history is None else assistant.answer(args.question, history)
        print(result.model_dump_json() if args.json else render_text(result))
    except PainchatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m painchat", description="Answers from the loaded papers.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer one question, or a batch")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--history", type=Path, help='JSON list of {"role": "user"|"assistant", "content": "..."}')
    ask.add_argument("--batch", type=Path, help='JSON Lines of {"question": ..., "history": [...]}; JSON out')
    serve = commands.add_parser("serve", help="run the HTTP API and the widget (uvicorn)")
    serve.add_argument("--host", help="address to listen on (default: PAINCHAT_API_HOST)")
    serve.add_argument("--port", type=int, help="port to listen on (default: PAINCHAT_API_PORT)")
    serve.add_argument("--workers", type=int, help="worker processes (default: PAINCHAT_API_WORKERS)")
    return parser


def _serve(args: argparse.Namespace) -> int:
    from painchat.api.server import serve

    try:
        serve(load_settings(), args.host, args.port, args.workers)
    except PainchatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


def _assistant(settings: Settings):
    """The assistant; the store is built first if it is missing."""
    from painchat.assistant import Assistant
    from painchat.embedding import Embedder

    embedder = Embedder()
    try:
        return Assistant(settings, embedder)
    except StoreMissingError:
        from ingest.build import build_store

        # Another ingest may be building it right now: wait for it rather than fail.
        report = build_store(settings, embedder, wait_s=settings.store_lock_wait_s, on_wait=_tell)
        print(report.summary(), file=sys.stderr)
        return Assistant(settings, embedder)


def _tell(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _read_history(path: Path, settings: Settings) -> object:
    """The parsed file, or None when it is not UTF-8 JSON within bounds (answered as kind 'invalid')."""
    with _open(path) as file:
        data = file.read(settings.max_json_bytes + 1)
    try:
        return bounded_json.loads(data, settings.max_json_bytes, settings.max_json_depth)
    except bounded_json.UnreadableJson:
        return None


def _open(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as err:
        raise PainchatError(f"cannot read {path}: {err.strerror}") from err


def _batch(assistant, path: Path) -> int:
    """One answer per line, as each is made; a line too long to read is answered 'invalid'."""
    with _open(path) as file:
        for line in bounded_json.bounded_lines(file, assistant.settings.max_json_bytes):
            if line is None or line.strip():
                print(_batch_answer(assistant, line).model_dump_json(), flush=True)
    return 0


def _batch_answer(assistant, line: bytes | None) -> Answer:
    if line is None:
        return assistant.invalid(messages.INVALID_QUESTION)
    try:
        item = bounded_json.loads(line, assistant.settings.max_json_bytes, assistant.settings.max_json_depth)
    except bounded_json.UnreadableJson:
        return assistant.invalid(messages.INVALID_QUESTION)
    if not isinstance(item, dict):
        return assistant.invalid(messages.INVALID_QUESTION)
    return assistant.answer(item.get("question"), item.get("history") or [])


def render_text(answer: Answer) -> str:
    """A readable answer for a terminal: text, numbered sources, coverage, disclaimer."""
    parts = [answer.answer]
    if answer.kind == "related":
        parts.insert(0, f"[{RELATED_NOTE}]")
    if answer.citations:
        parts.append("Sources:")
        for group in by_source(answer.citations):
            first = group[0]
            numbers = ", ".join(str(c.n) for c in group)
            quotes = "".join(f"\n    [{c.n}] {c.section}: “{c.quote}”" for c in group)
            parts.append(f"[{numbers}] {first.label}. {first.title}. {first.journal}. {first.doi_url or ''}{quotes}")
    if answer.suggestions:
        parts.append(messages.SUGGESTIONS_INTRO + "".join(f"\n- {q}" for q in answer.suggestions))
    partial = [c.label for c in answer.coverage if c.coverage.value != "full_text"]
    if partial:
        parts.append(f"Loaded text: abstract only for {', '.join(partial)}.")
    parts.append(f"⚠ {answer.disclaimer}")
    return "\n\n".join(parts)
