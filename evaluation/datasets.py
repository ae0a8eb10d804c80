"""Reads the labelled JSON Lines sets under tests/data."""

from __future__ import annotations

import json
from pathlib import Path

from painchat.settings import PROJECT_ROOT

DATA_DIR = PROJECT_ROOT / "tests" / "data"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


# The later lay rounds (lay_round2.jsonl, …), each written blind by one more author and split in two: the one list
# the evaluation, the bank, the topic model and the tests read.
LAY_ROUNDS = tuple(range(2, 17))


def lay_round_name(number: int) -> str:
    return f"lay_round{number}"


def lay_round_path(number: int) -> Path:
    return DATA_DIR / f"{lay_round_name(number)}.jsonl"
