"""The 'not covered' decision, calibrated on tests/data/calibration.jsonl (``make calibrate``).

A sentence's score is its embedding similarity to the question plus ``lexical_weight`` times
the IDF-weighted share of the question's words it contains; a question is covered when its
best candidate sentence scores at least ``threshold``. The word part catches questions about
things the papers never mention (a named sport, a supplement) that still sound close to them,
and rare terms the small embedding model knows poorly ("allodynia").
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
    # A question naming neither exercise nor a paper, with a key term the papers never use
    # ("does acupuncture help nerve pain"), needs a best sentence this good to be covered at all.
    off_subject_threshold: float | None = None
    fitted_on: str = ""

    def covers(self, best_sentence_score: float) -> bool:
        return best_sentence_score >= self.threshold

    def shape(self, best_sentence_score: float, missing_terms: tuple[str, ...] = (), on_subject: bool = True) -> Shape:
        """'answer', 'related' or 'not_covered'."""
        off_subject = missing_terms and not on_subject
        if not self.covers(best_sentence_score) or off_subject and best_sentence_score < self._off_subject:
            return "not_covered"
        direct = self.threshold if self.direct_threshold is None else self.direct_threshold
        return "answer" if best_sentence_score >= direct and not missing_terms else "related"

    @property
    def _off_subject(self) -> float:
        return self.threshold if self.off_subject_threshold is None else self.off_subject_threshold

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
        "off_subject_threshold": settings.off_subject_threshold,
        "lexical_weight": settings.lexical_weight,
    }
    fitted = load_calibration(settings.calibration_file)
    return replace(fitted, **{name: value for name, value in overrides.items() if value is not None})
