"""``python -m evaluation.fit_validator``: fits the validator's support thresholds on a labelled set.

Rows of ``tests/data/generation_eval.jsonl``: a source sentence, a generated sentence citing it [1],
and whether the source supports it. Thresholds are fitted on the "calibration" rows only, inside the whole
validator (its safety and carry-over rules run too): the pair that keeps the most supported sentences
while accepting at most ``MAX_FALSE_ACCEPT`` of the unsupported ones (a wrong sentence shown costs more
than a right one dropped). The "test" rows are scored held out;
rows marked "sealed" are scored, never fitted on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from itertools import product

import numpy as np

from evaluation.datasets import DATA_DIR, read_jsonl
from painchat.embedding import Embedder
from painchat.generate.validate import SentenceValidator

EVAL_SET = DATA_DIR / "generation_eval.jsonl"
MAX_FALSE_ACCEPT = 0.05
SIMILARITY_GRID = np.round(np.arange(0.30, 0.91, 0.01), 2)
OVERLAP_GRID = np.round(np.arange(0.0, 0.81, 0.05), 2)


def scored_rows(validator: SentenceValidator, rows: Sequence[dict]) -> list[dict]:
    """Each row with its similarity, overlap, and why the validator's other rules reject it (None: they don't)."""
    rules_only = SentenceValidator(validator.embedder, min_similarity=-1.0, min_overlap=0.0)
    scored = []
    for row in rows:
        grounding = rules_only.ground({1: row["source"]})
        scores = rules_only.scores(row["sentence"], grounding)
        if scores is None:
            raise ValueError(f"a calibration sentence must cite [1], its source: {row['sentence']!r}")
        similarity, overlap = scores
        reason = rules_only.check(row["sentence"], grounding)
        scored.append({**row, "similarity": similarity, "overlap": overlap, "rule": reason})
    return scored


def rates(rows: Sequence[dict], min_similarity: float, min_overlap: float, rules: bool = True) -> tuple[float, float]:
    """(share of supported rows accepted, share of unsupported rows accepted); rules=False: thresholds alone."""
    def accepted(row: dict) -> bool:
        passes_rules = row["rule"] is None or not rules
        return passes_rules and row["similarity"] >= min_similarity and row["overlap"] >= min_overlap

    return _share(rows, "supported", accepted), _share(rows, "unsupported", accepted)


def fit(rows: Sequence[dict]) -> tuple[float, float]:
    best = (-1.0, 0.0, 0.0)
    for similarity, overlap in product(SIMILARITY_GRID, OVERLAP_GRID):
        kept, false_accept = rates(rows, similarity, overlap)
        if false_accept <= MAX_FALSE_ACCEPT and kept >= best[0]:  # ties: the stricter pair
            best = (kept, float(similarity), float(overlap))
    return best[1], best[2]


def _share(rows: Sequence[dict], label: str, accepted) -> float:
    chosen = [r for r in rows if r["label"] == label]
    return sum(map(accepted, chosen)) / len(chosen) if chosen else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.fit_validator", description=__doc__)
    parser.parse_args(argv)
    rows = read_jsonl(EVAL_SET)
    embedder = Embedder()
    validator = SentenceValidator(embedder, -1.0, 0.0)
    fitting = scored_rows(validator, [r for r in rows if r["split"] == "calibration"])
    similarity, overlap = fit(fitting)
    print(f"fitted on {len(fitting)} calibration rows: llm_min_similarity={similarity:.2f} "
          f"llm_min_overlap={overlap:.2f} (at most {MAX_FALSE_ACCEPT:.0%} unsupported accepted)")
    for split in ("calibration", "test", "sealed"):
        chosen = scored_rows(validator, [r for r in rows if r["split"] == split])
        if chosen:
            kept, false_accept = rates(chosen, similarity, overlap)
            alone_kept, alone_false = rates(chosen, similarity, overlap, rules=False)
            print(f"{split:>11} ({len(chosen)} rows): validator keeps {kept:.2f} of supported sentences and accepts "
                  f"{false_accept:.2f} of unsupported ones (thresholds alone: {alone_kept:.2f} / {alone_false:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
