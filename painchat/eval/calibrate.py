"""``python -m painchat.eval.calibrate``: fits the 'not covered' threshold on the calibration set.

It picks the lexical weight and threshold that maximise balanced accuracy (answerable vs
not covered) on tests/data/calibration.jsonl, a set kept apart from the QA set the
evaluation scores, and writes painchat/calibration.json.
"""

from __future__ import annotations

import numpy as np

from painchat.calibration import Calibration
from painchat.embedding import Embedder
from painchat.eval.datasets import DATA_DIR, read_jsonl
from painchat.index import Index
from painchat.retrieve import Retriever
from painchat.settings import Settings

WEIGHTS = np.linspace(0.0, 1.0, 21)


def features(rows: list[dict], index: Index, embedder: Embedder) -> tuple[np.ndarray, np.ndarray]:
    """(best sentence similarity, known word share) per question, and whether it is answerable."""
    retriever = Retriever(index)
    values = []
    for row in rows:
        retrieval = retriever.retrieve(row["question"], embedder.embed_query(row["question"]))
        values.append((retrieval.relevance, index.known_word_share(row["question"])))
    return np.array(values), np.array([row["kind"] == "answer" for row in rows])


def fit(values: np.ndarray, answerable: np.ndarray) -> Calibration:
    """Grid over weights; for each, the best cut between sorted scores."""
    best = Calibration(threshold=1.0, lexical_weight=0.0, balanced_accuracy=0.0, examples=len(values))
    for weight in WEIGHTS:
        scores = values[:, 0] + weight * values[:, 1]
        for cut in np.unique(scores):
            predicted = scores >= cut
            accuracy = (predicted[answerable].mean() + (~predicted[~answerable]).mean()) / 2
            if accuracy > best.balanced_accuracy:
                best = Calibration(float(cut), float(weight), round(float(accuracy), 4), len(values))
    return best


def main() -> None:
    settings = Settings()
    embedder = Embedder()
    rows = read_jsonl(DATA_DIR / "calibration.jsonl")
    calibration = fit(*features(rows, Index(settings, embedder), embedder))
    calibration.save()
    print(
        f"calibrated on {calibration.examples} questions: threshold {calibration.threshold:.4f}, "
        f"lexical weight {calibration.lexical_weight:.2f}, balanced accuracy {calibration.balanced_accuracy:.3f}"
    )


if __name__ == "__main__":
    main()
