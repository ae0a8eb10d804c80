"""The answer-shape decision, calibrated on the lay tuning rows (``make calibrate``).

A sentence's score is its embedding similarity to the question plus ``lexical_weight`` times
the IDF-weighted share of the question's words it contains. A question is covered when its
best sentence's score, less ``absent_weight`` times the question's absent meaning (how far its
embedding moves when the words the papers never use are left out), reaches ``threshold``: a
question whose subject the papers never name ("running shoes", "plantar fasciitis") is not
covered even when its generic words ("exercise", "pain") match well, while a word said in
passing ("worried about my job") barely moves it. The word part catches rare terms the small
embedding model knows poorly ("allodynia").
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Literal

from painchat.errors import ConfigError
from painchat.settings import Settings, default

CALIBRATION_FILE: Path = default("calibration_file")
# The kinds of answer a grounded question can get, by its best sentence's score and its missing terms.
Shape = Literal["answer", "related", "not_covered"]


@dataclass(frozen=True)
class Calibration:
    threshold: float  # below: not covered
    lexical_weight: float
    balanced_accuracy: float = 0.0
    examples: int = 0
    # At or above, with every key term of the question found in the papers: a direct answer;
    # between the two cuts, or with a term the papers never use: related evidence.
    direct_threshold: float | None = None
    absent_weight: float = 0.0
    fitted_on: str = ""

    def coverage(self, best_sentence_score: float, absent_meaning: float = 0.0) -> float:
        """The best sentence's score less what the question asks that the papers never name."""
        return best_sentence_score - self.absent_weight * absent_meaning

    def covers(self, best_sentence_score: float, absent_meaning: float = 0.0) -> bool:
        return self.coverage(best_sentence_score, absent_meaning) >= self.threshold

    def shape(self, best_sentence_score: float, missing_terms: tuple[str, ...] = (), absent_meaning: float = 0.0) -> Shape:
        """'answer', 'related' or 'not_covered'."""
        score = self.coverage(best_sentence_score, absent_meaning)
        if score < self.threshold:
            return "not_covered"
        direct = self.threshold if self.direct_threshold is None else self.direct_threshold
        return "answer" if score >= direct and not missing_terms else "related"

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    try:
        return Calibration(**json.loads(path.read_text()))
    except (OSError, TypeError, ValueError) as err:
        raise ConfigError(f"no valid calibration in {path}: run `make calibrate`") from err


def calibrated(settings: Settings) -> Calibration:
    """The fitted calibration in ``settings.calibration_file``, with each value a setting overrides."""
    overrides: dict[str, Any] = {
        "threshold": settings.relevance_threshold,
        "direct_threshold": settings.direct_threshold,
        "absent_weight": settings.absent_weight,
        "lexical_weight": settings.lexical_weight,
    }
    fitted = load_calibration(settings.calibration_file)
    return replace(fitted, **{name: value for name, value in overrides.items() if value is not None})
