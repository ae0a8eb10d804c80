"""The 'not covered' decision, calibrated on tests/data/calibration.jsonl (``make calibrate``).

A sentence's score is its embedding similarity to the question plus ``lexical_weight`` times
the IDF-weighted share of the question's words it contains; a question is covered when its
best candidate sentence scores at least ``threshold``. The word part catches questions about
things the papers never mention (a named sport, a supplement) that still sound close to them,
and rare terms the small embedding model knows poorly ("allodynia").
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from painchat.errors import ConfigError

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")


@dataclass(frozen=True)
class Calibration:
    threshold: float
    lexical_weight: float
    balanced_accuracy: float = 0.0
    examples: int = 0

    def covers(self, best_sentence_score: float) -> bool:
        return best_sentence_score >= self.threshold

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    try:
        return Calibration(**json.loads(path.read_text()))
    except (OSError, TypeError, ValueError) as err:
        raise ConfigError(f"no valid calibration in {path}: run `make calibrate`") from err
