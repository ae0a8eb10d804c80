"""Pure scoring functions of the evaluation: no model, no store, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from painchat.markdown import unescape

# A claim line of an answer: "- <verbatim sentence> [n]" (see painchat.compose).
_CLAIM_LINE = re.compile(r"^- (?P<sentence>.+) \[(?P<n>\d+)\]$", re.MULTILINE)


def contains_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether ``text`` holds one of the gold phrases verbatim."""
    return any(phrase in text for phrase in phrases)


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    """1-based rank of the first relevant item, or None when none is."""
    return next((rank for rank, hit in enumerate(relevant, start=1) if hit), None)


def hit_at(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first relevant item is within the top ``k``."""
    return share([rank is not None and rank <= k for rank in ranks])


def mean_reciprocal_rank(ranks: Sequence[int | None]) -> float:
    """Mean of 1/rank, counting a miss as 0."""
    return float(np.mean([1.0 / rank if rank else 0.0 for rank in ranks])) if ranks else 0.0


def share(flags: Iterable[bool]) -> float:
    """Share of true values; 0 for none at all."""
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is 0."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def claim_lines(answer_markdown: str) -> list[tuple[str, int]]:
    """(sentence, citation number) of every claim line, trailing " [n]" removed."""
    return [(unescape(m["sentence"]), int(m["n"])) for m in _CLAIM_LINE.finditer(answer_markdown)]


def faithful_claims(claims: Sequence[tuple[str, int]], quotes: Mapping[int, str]) -> int:
    """How many claims are verbatim inside the quote of the citation they point to."""
    return sum(sentence in quotes.get(n, "") for sentence, n in claims)


def supported_citations(
    quotes_and_sources: Sequence[tuple[str, str]], gold: Sequence[str], sources: Sequence[str]
) -> int:
    """Citations whose quote holds a gold phrase or that come from a gold paper."""
    return sum(contains_any(quote, gold) or source in sources for quote, source in quotes_and_sources)


def gold_found(quotes: Sequence[str], gold: Sequence[str]) -> list[bool]:
    """Per gold phrase: whether some cited quote holds it."""
    return [any(phrase in quote for quote in quotes) for phrase in gold]


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (linear interpolation), or None for no values."""
    return float(np.percentile(values, q)) if len(values) else None


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Counts of (expected kind -> given kind)."""
    table: dict[str, dict[str, int]] = {}
    for expected, given in pairs:
        row = table.setdefault(expected, {})
        row[given] = row.get(given, 0) + 1
    return table


def precision_recall(pairs: Sequence[tuple[str, str]], label: str) -> tuple[float | None, float | None]:
    """Precision and recall of one label over (expected, given) pairs; None when undefined."""
    predicted = [expected == label for expected, given in pairs if given == label]
    actual = [given == label for expected, given in pairs if expected == label]
    return (share(predicted) if predicted else None, share(actual) if actual else None)


def cross_validation_folds(count: int, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(held-out rows, training rows) of each fold over ``count`` rows, shuffled by ``seed`` so reruns agree."""
    order = np.random.default_rng(seed).permutation(count)
    return [(fold, np.setdiff1d(order, fold)) for fold in np.array_split(order, folds)]


def grouped_folds(groups: Sequence[str], folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """(held-out rows, training rows) of each fold: a named group (one author's set) is a fold of its own, so its rows
    are judged by a model that never read their author; rows of group "" are spread over ``folds`` shuffled folds."""
    index = np.arange(len(groups))
    held_out = [index[[group == name for group in groups]] for name in sorted(set(groups) - {""})]
    rest = index[[not group for group in groups]]
    if len(rest):
        held_out += [rest[fold] for fold, _ in cross_validation_folds(len(rest), folds, seed)]
    return [(fold, np.setdiff1d(index, fold)) for fold in held_out]
