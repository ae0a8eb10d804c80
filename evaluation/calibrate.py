"""``python -m evaluation.calibrate``: fits the answer-shape decision on the lay tuning rows.

Each question is read as the assistant reads it (follow-ups resolved, lay wording mapped, typos
fixed) and its candidate sentences scored. For each absent-meaning weight on a grid, the threshold
with the best balanced accuracy between "the papers speak to its topic" (labels direct and related)
and "nothing relevant is loaded" (label none) is found; where several weights tie, the middle of the
tied run is taken (least sensitive to the exact weight). Then, among topical questions with no
missing key term, the cut between direct and related. The lexical weight is given, not fitted: it
also ranks the sentences quoted, and a rare term the small model knows poorly ("allodynia") must
lift its sentence (1.0 is what the earlier fit chose; with the absent meaning in the fit, lower
weights tie on coverage but demote definitions to related evidence). Only rows marked ``"split": "tune"`` are read (tests/data/lay_tune.jsonl and the tuning
half of tests/data/lay_round2.jsonl): the sealed rows, the QA set and the older calibration set
stay held out.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NamedTuple

import numpy as np

from evaluation.datasets import DATA_DIR, read_jsonl
from painchat.assistant import Assistant
from painchat.calibration import Calibration
from painchat.embedding import Embedder
from painchat.followup import resolve
from painchat.models import Turn
from painchat.settings import settings_or_exit

LEXICAL_WEIGHT = 1.0
ABSENT_WEIGHTS = np.round(np.linspace(0.0, 8.0, 33), 2)
TUNING_SETS = (DATA_DIR / "lay_tune.jsonl", DATA_DIR / "lay_round2.jsonl")


class Features(NamedTuple):
    sentences: list[tuple[float, float]]  # (similarity, word match) per candidate sentence
    missing: bool  # a key term of the question is missing from the papers
    absent_meaning: float  # how far the question moves without the words the papers never use


def label(row: dict) -> str:
    """direct | related | none, for lay rows and for the older answer / not_covered rows."""
    if "label" in row:
        return row["label"]
    return "direct" if row["kind"] == "answer" else "none"


def candidate_scores(rows: list[dict], assistant: Assistant) -> list[Features]:
    """Per question, read as the assistant reads it: (similarity, word match) of each candidate sentence."""
    scored = []
    for row in rows:
        query = resolve(row["question"], [Turn(**t) for t in row.get("history") or []])
        vector, reading = assistant.read(query, row["question"])
        sentences = assistant.retriever.retrieve(reading.text, vector.tolist(), reading.words).sentences
        features = [(s.similarity, s.word_match) for s in sentences]
        scored.append(Features(features, bool(reading.missing), reading.absent_meaning))
    return scored


def cuts(scores: np.ndarray) -> np.ndarray:
    """Candidate thresholds: midway between neighbouring scores (no question sits on a cut), and the ends."""
    values = np.unique(scores)
    return np.concatenate([[values[0]], (values[1:] + values[:-1]) / 2, [values[-1] + 1e-6]]) if len(values) else values


def balanced_accuracy(predicted: np.ndarray, positive: np.ndarray) -> float:
    if positive.all() or not positive.any():
        return float((predicted == positive).mean())
    return float((predicted[positive].mean() + (~predicted[~positive]).mean()) / 2)


def best_cut(scores: np.ndarray, positive: np.ndarray) -> tuple[float, float]:
    """(threshold, balanced accuracy) of the best cut between the scores."""
    best = (1.0, 0.0)
    for cut in cuts(scores):
        accuracy = balanced_accuracy(scores >= cut, positive)
        if accuracy > best[1]:
            best = (float(cut), accuracy)
    return best


def _best_scores(candidates: list[Features], weight: float, absent_weight: float = 0.0) -> np.ndarray:
    best = [max((sim + weight * match for sim, match in f.sentences), default=0.0) for f in candidates]
    return np.array(best) - absent_weight * np.array([f.absent_meaning for f in candidates])


def fit(
    candidates: list[Features], labels: list[str], fitted_on: str = "", weight: float = LEXICAL_WEIGHT
) -> Calibration:
    labels_ = np.array(labels)
    on_topic = labels_ != "none"
    missing = np.array([f.missing for f in candidates])
    fits = [(float(a), *best_cut(_best_scores(candidates, weight, a), on_topic)) for a in ABSENT_WEIGHTS]
    top = max(f[2] for f in fits)
    tied = [f for f in fits if f[2] == top]
    absent_weight, threshold, accuracy = tied[len(tied) // 2]
    scores = _best_scores(candidates, weight, absent_weight)
    complete = on_topic & ~missing & (scores >= threshold)
    direct = max(best_cut(scores[complete], labels_[complete] == "direct")[0], threshold) if complete.any() else threshold
    return Calibration(threshold, weight, round(accuracy, 4), len(candidates), direct, absent_weight, fitted_on)


def tuning_rows(paths: list[Path]) -> list[dict]:
    """The rows marked ``"split": "tune"`` (or unmarked, in the older sets) of each set: sealed rows are never read."""
    return [row for path in paths for row in read_jsonl(path) if row.get("split", "tune") == "tune"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.calibrate", description=__doc__)
    parser.add_argument("--set", type=Path, action="append", help="labelled questions to fit on (their tune rows)")
    args = parser.parse_args(argv)
    paths = args.set or list(TUNING_SETS)
    settings, embedder = settings_or_exit(), Embedder()
    rows = tuning_rows(paths)
    candidates = candidate_scores(rows, Assistant(settings, embedder))
    fitted_on = " + ".join(f"{path.name} (tune)" for path in paths)
    calibration = fit(candidates, [label(row) for row in rows], fitted_on=fitted_on)
    calibration.save(settings.calibration_file)
    print(
        f"calibrated on {calibration.examples} questions of {fitted_on}: threshold {calibration.threshold:.4f}, "
        f"direct {calibration.direct_threshold:.4f}, absent weight {calibration.absent_weight:.2f}, "
        f"lexical weight {calibration.lexical_weight:.2f}, balanced accuracy {calibration.balanced_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
