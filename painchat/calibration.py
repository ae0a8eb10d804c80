"""The 'not covered' decision, calibrated on tests/data/calibration.jsonl (``make calibrate``).

Coverage score = best sentence similarity + lexical_weight × share of the question's content
words that occur in the loaded papers. The lexical part catches questions about things the
papers never mention (a named sport, a supplement) that still sound close to them.
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

    def score(self, sentence_similarity: float, known_word_share: float) -> float:
        return sentence_similarity + self.lexical_weight * known_word_share

    def covers(self, sentence_similarity: float, known_word_share: float) -> bool:
        return self.score(sentence_similarity, known_word_share) >= self.threshold

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    try:
        return Calibration(**json.loads(path.read_text()))
    except (OSError, TypeError, ValueError) as err:
        raise ConfigError(f"no valid calibration in {path}: run `make calibrate`") from err
