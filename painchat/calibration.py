"""The answer-shape decision, calibrated on the lay tuning rows (``make calibrate``).

A sentence's score is its embedding similarity to the question plus ``lexical_weight`` times
the IDF-weighted share of the question's words it contains. A question is covered when its
best sentence's score, less ``absent_weight`` times the question's absent meaning (how far its
embedding moves when the words the papers never use are left out), reaches ``threshold``: a
question whose subject the papers never name ("running shoes", "plantar fasciitis") is not
covered even when its generic words ("exercise", "pain") match well, while a word said in
passing ("worried about my job") barely moves it. The word part catches rare terms the small
embedding model knows poorly ("allodynia").

Whether the papers speak to a question's topic at all is first read from its embedding: a logistic
regression fitted on the labelled lay tuning questions and a bank written for it (on topic: direct
or related; off topic: nothing relevant loaded). Written by another author, a new set's questions were judged far better
by it than by the score's cut, which was fitted on sets the same people wrote (docs/EVAL.md). It
knows the papers it was fitted for only: with other papers loaded, the score's cut decides alone.
A score at the direct cut is covered whatever the topic model says.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from painchat.errors import ConfigError
from painchat.logistic import probability
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
    # The topic model: logistic-regression weights on the question's embedding (bias last), and the
    # papers (source ids) whose questions it was fitted on. Empty: the score's cut decides alone.
    topic_weights: tuple[float, ...] = field(default=(), repr=False)
    topic_sources: tuple[str, ...] = ()
    topic_l2: float = 0.0  # its L2 penalty, chosen by cross-validation on the same rows
    topic_cv_accuracy: float = 0.0  # its balanced accuracy there

    def for_sources(self, source_ids: Iterable[str]) -> Calibration:
        """This calibration for a store of these papers: without the topic model when it was fitted for others."""
        return self if tuple(sorted(source_ids)) == self.topic_sources else replace(self, topic_weights=())

    def coverage(self, best_sentence_score: float, absent_meaning: float = 0.0) -> float:
        """The best sentence's score less what the question asks that the papers never name."""
        return best_sentence_score - self.absent_weight * absent_meaning

    @property
    def direct_cut(self) -> float:
        return self.threshold if self.direct_threshold is None else self.direct_threshold

    def on_topic(self, vector: np.ndarray | None) -> bool | None:
        """The topic model's judgement of a question's embedding; None without a topic model or a vector."""
        if not self.topic_weights or vector is None:
            return None
        return probability(np.asarray(self.topic_weights), vector) >= 0.5

    def covers(self, best_sentence_score: float, absent_meaning: float = 0.0, vector: np.ndarray | None = None) -> bool:
        """The papers speak to the question's topic."""
        score = self.coverage(best_sentence_score, absent_meaning)
        topical = self.on_topic(vector)
        if topical is None:
            return score >= self.threshold
        return topical or score >= self.direct_cut

    def shape(
        self,
        best_sentence_score: float,
        missing_terms: tuple[str, ...] = (),
        absent_meaning: float = 0.0,
        vector: np.ndarray | None = None,
    ) -> Shape:
        """'answer', 'related' or 'not_covered'."""
        if not self.covers(best_sentence_score, absent_meaning, vector):
            return "not_covered"
        score = self.coverage(best_sentence_score, absent_meaning)
        return "answer" if score >= self.direct_cut and not missing_terms else "related"

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        data = asdict(self)
        weights = [round(w, 6) for w in data.pop("topic_weights")]
        # The weights on one line: 385 numbers are one value, not 385 lines to scroll past.
        path.write_text(json.dumps(data, indent=2)[:-2] + f',\n  "topic_weights": {json.dumps(weights)}\n}}\n')


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    try:
        data: dict[str, Any] = json.loads(path.read_text())
        data.update({key: tuple(data.get(key, ())) for key in ("topic_weights", "topic_sources")})
        return Calibration(**data)
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
