"""``python -m painchat.eval.calibrate``: fits the 'not covered' decision on the calibration set.

For each lexical weight on a grid it finds the threshold with the best balanced accuracy
(answerable vs not covered) on tests/data/calibration.jsonl — a set kept apart from the QA
set that the evaluation scores — and writes painchat/calibration.json. Where several weights
tie, the middle of the tied run is taken: the choice least sensitive to the exact weight.
"""

from __future__ import annotations

import numpy as np

from painchat.calibration import Calibration
from painchat.embedding import Embedder
from painchat.eval.datasets import DATA_DIR, read_jsonl
from painchat.index import Index
from painchat.retrieve import Retriever
from painchat.settings import load_settings

WEIGHTS = np.round(np.linspace(0.0, 1.0, 11), 2)


def candidate_scores(rows: list[dict], index: Index, embedder: Embedder) -> list[list[tuple[float, float]]]:
    """Per question, (similarity, word match) of each candidate sentence."""
    retriever = Retriever(index, lexical_weight=0.0)
    return [
        [(s.similarity, s.word_match) for s in retriever.retrieve(q, embedder.embed_query(q)).sentences]
        for q in (row["question"] for row in rows)
    ]


def best_cut(scores: np.ndarray, answerable: np.ndarray) -> tuple[float, float]:
    """(threshold, balanced accuracy) of the best cut between the scores."""
    best = (1.0, 0.0)
    for cut in np.unique(scores):
        predicted = scores >= cut
        accuracy = (predicted[answerable].mean() + (~predicted[~answerable]).mean()) / 2
        if accuracy > best[1]:
            best = (float(cut), float(accuracy))
    return best


def fit(candidates: list[list[tuple[float, float]]], answerable: np.ndarray) -> Calibration:
    fits = []
    for weight in WEIGHTS:
        scores = np.array([max((sim + weight * match for sim, match in c), default=0.0) for c in candidates])
        fits.append((float(weight), *best_cut(scores, answerable)))
    top = max(accuracy for _, _, accuracy in fits)
    tied = [f for f in fits if f[2] == top]
    weight, threshold, accuracy = tied[len(tied) // 2]
    return Calibration(threshold, weight, round(accuracy, 4), len(candidates))


def main() -> None:
    settings = load_settings()
    embedder = Embedder()
    rows = read_jsonl(DATA_DIR / "calibration.jsonl")
    answerable = np.array([row["kind"] == "answer" for row in rows])
    calibration = fit(candidate_scores(rows, Index(settings, embedder), embedder), answerable)
    calibration.save()
    print(
        f"calibrated on {calibration.examples} questions: threshold {calibration.threshold:.4f}, "
        f"lexical weight {calibration.lexical_weight:.2f}, balanced accuracy {calibration.balanced_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
