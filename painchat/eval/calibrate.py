"""``python -m painchat.eval.calibrate``: fits the answer-shape decision on the lay tuning half.

Each question is read as the assistant reads it (follow-ups resolved, lay wording mapped, typos
fixed) and its candidate sentences scored. For each lexical weight on a grid, the threshold with
the best balanced accuracy between "the papers speak to its topic" (labels direct and related)
and "nothing relevant is loaded" (label none) is found; where several weights tie, the middle of
the tied run is taken (least sensitive to the exact weight). Then, among topical questions with
no missing key term, the cut between direct and related. Only tests/data/lay_tune.jsonl is read:
the sealed lay half, the QA set and the older calibration set stay held out.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NamedTuple

import numpy as np

from painchat.assistant import Assistant
from painchat.calibration import Calibration
from painchat.embedding import Embedder
from painchat.eval.datasets import DATA_DIR, read_jsonl
from painchat.followup import resolve
from painchat.models import Turn
from painchat.settings import settings_or_exit

WEIGHTS = np.round(np.linspace(0.0, 2.0, 21), 2)
TUNING_SET = DATA_DIR / "lay_tune.jsonl"


class Features(NamedTuple):
    sentences: list[tuple[float, float]]  # (similarity, word match) per candidate sentence
    missing: bool  # a key term of the question is missing from the papers
    on_subject: bool  # it names exercise, a paper or the study


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
        scored.append(Features([(s.similarity, s.word_match) for s in sentences], bool(reading.missing), reading.on_subject))
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


def _best_scores(candidates: list[Features], weight: float) -> np.ndarray:
    return np.array([max((sim + weight * match for sim, match in f.sentences), default=0.0) for f in candidates])


def _coverage_fit(scores: np.ndarray, on_topic: np.ndarray, off_subject: np.ndarray) -> tuple[float, float, float]:
    """(threshold, off-subject threshold, balanced accuracy), both cuts searched together."""
    best = (1.0, 1.0, -1.0)
    for threshold in cuts(scores):
        for beyond in [c for c in cuts(scores[off_subject]) if c > threshold] + [threshold]:
            predicted = (scores >= threshold) & (~off_subject | (scores >= beyond))
            accuracy = balanced_accuracy(predicted, on_topic)
            if accuracy > best[2]:
                best = (float(threshold), float(beyond), accuracy)
    return best


def fit(candidates: list[Features], labels: list[str], fitted_on: str = "") -> Calibration:
    labels_ = np.array(labels)
    on_topic = labels_ != "none"
    missing = np.array([f.missing for f in candidates])
    off_subject = missing & ~np.array([f.on_subject for f in candidates])
    fits = [(float(w), *_coverage_fit(_best_scores(candidates, w), on_topic, off_subject)) for w in WEIGHTS]
    top = max(f[3] for f in fits)
    tied = [f for f in fits if f[3] == top]
    weight, threshold, beyond, accuracy = tied[len(tied) // 2]
    scores = _best_scores(candidates, weight)
    complete = on_topic & ~missing & (scores >= threshold)
    direct = max(best_cut(scores[complete], labels_[complete] == "direct")[0], threshold) if complete.any() else threshold
    return Calibration(threshold, weight, round(accuracy, 4), len(candidates), direct, beyond, fitted_on)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m painchat.eval.calibrate", description=__doc__)
    parser.add_argument("--set", type=Path, default=TUNING_SET, help="labelled questions to fit on")
    args = parser.parse_args(argv)
    settings, embedder = settings_or_exit(), Embedder()
    rows = read_jsonl(args.set)
    if any(row.get("split") == "sealed" for row in rows):
        raise SystemExit("refusing to fit on sealed rows")
    candidates = candidate_scores(rows, Assistant(settings, embedder))
    calibration = fit(candidates, [label(row) for row in rows], fitted_on=args.set.name)
    calibration.save(settings.calibration_file)
    print(
        f"calibrated on {calibration.examples} questions of {args.set.name}: threshold {calibration.threshold:.4f}, "
        f"direct {calibration.direct_threshold:.4f}, off-subject {calibration.off_subject_threshold:.4f}, lexical weight {calibration.lexical_weight:.2f}, "
        f"balanced accuracy {calibration.balanced_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
