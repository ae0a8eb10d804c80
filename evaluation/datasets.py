"""Reads the labelled JSON Lines sets under tests/data."""

from __future__ import annotations

import json
from pathlib import Path

from painchat.settings import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / "tests" / "data"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
