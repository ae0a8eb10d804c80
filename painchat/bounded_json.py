"""JSON from files and lines people hand the CLI, read within bounds of size and nesting depth.

``json.loads`` recurses once per level, so a 2 KB line of brackets ends in a RecursionError; the
depth is measured first, on the brackets outside strings, without parsing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import BinaryIO

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(rb"[^\[\]{}]")
READ_CHUNK = 1 << 20


class UnreadableJson(ValueError):
    """Not UTF-8 JSON, or beyond the size or depth bounds."""


def loads(data: bytes, max_bytes: int, max_depth: int) -> object:
    if len(data) > max_bytes:
        raise UnreadableJson(f"larger than {max_bytes} bytes")
    if nesting_depth(data) > max_depth:
        raise UnreadableJson(f"nested deeper than {max_depth} levels")
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UnreadableJson(str(err)) from err


def nesting_depth(data: bytes) -> int:
    depth = deepest = 0
    for bracket in _NOT_BRACKET.sub(b"", _STRING.sub(b"", data)):
        depth += 1 if bracket in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def bounded_lines(file: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of a file; None for a line longer than ``max_bytes``, which is skipped unread."""
    while line := file.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while (rest := file.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
            pass
        yield None
