"""Builds the semantic layer's bank from the tuning sets and fits where it alarms: ``python -m evaluation.bank``.

The bank (``painchat/guard/bank.jsonl``) holds the English rows of the tuning
set and of the older safety sets, then the examples written for the bank alone
(``painchat/guard/bank_written.jsonl``: indirect suicide and self-harm, lethal
means, overdoses, low blood sugar, and near misses such as "this pain is killing
me"): emergencies with their category, and every other row as "ordinary" (many
are near misses, and medicine questions must not read as overdoses). The threshold is chosen by 10-fold cross-validation over the
bank: each row is judged by a model trained without its fold, and the lowest
threshold (best recall) whose false alarms stay within the budget wins.
The layer is fitted alone because the rules were written on these same rows:
together they would look perfect and leave the layer nothing to learn.
The sealed set is never read here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace

import numpy as np

from evaluation.datasets import read_jsonl
from evaluation.metrics import cross_validation_folds
from evaluation.safety import LONG_STORIES, ROUND3, TUNE, Row, load_old_sets, load_rows
from painchat.embedding import Embedder
from painchat.guard import screen
from painchat.guard.segments import windows
from painchat.guard.semantic import (
    BANK_PATH,
    FIT_PATH,
    HERE,
    NEIGHBOURS_PATH,
    BankEntry,
    Fit,
    as_judged,
    bank_sha256,
    emergency_probability,
    fit_model,
    train_emergency_model,
)
from painchat.guard.validation import find_problem
from painchat.settings import Settings

# Share of ordinary questions (expected answered) the layer may alarm on. Measured on those only:
# off-topic, medicine and injection rows are far from any emergency and would hide false alarms.
FALSE_ALARM_BUDGET = 0.02
THRESHOLDS = np.round(np.arange(0.05, 1.0, 0.01), 2)
FOLDS = 10
# What a long message's windows may add to the false alarms on ordinary questions (none), and the margins tried.
WINDOW_FALSE_ALARM_BUDGET = 0.0
MARGINS = np.round(np.arange(0.0, 0.27, 0.005), 3)
SEED = 8
# The sets' categories that share an emergency message with another.
CATEGORY_OF = {"self_harm": "suicide", "lethal_means": "suicide", "palpitations": "cardiac"}
MAX_CHARS = Settings.model_fields["max_question_chars"].default
# Written for the bank alone, in the sets' categories: "ordinary" is answered, "medication" declined.
WRITTEN_PATH = HERE / "bank_written.jsonl"
NOT_EMERGENCY = {"ordinary": "answer", "medication": "out_of_scope"}


def bank_rows() -> list[tuple[Row, BankEntry]]:
    """English, readable rows of the tuning sets that stand on their own (no history), with their bank entries."""
    rows = [row for row in [*load_rows(TUNE), *load_rows(ROUND3.path, "tune"), *load_old_sets(), *written_rows()]
            if row.lang == "en" and not row.history and find_problem(row.question, MAX_CHARS) is None]
    return [(row, BankEntry(row.question, _category(row))) for row in rows]


def written_rows() -> list[Row]:
    """The bank's own examples as rows of a set."""
    return [Row(f"written-{index}", r["text"], NOT_EMERGENCY.get(r["category"], "emergency"), r["category"])
            for index, r in enumerate(read_jsonl(WRITTEN_PATH))]


def _category(row: Row) -> str:
    if row.expected != "emergency":
        return "ordinary"
    if row.category == "emergency":  # the older set names no category: take the rules' one
        verdict = screen(row.question, MAX_CHARS)
        return verdict.reason.removeprefix("emergency:").split("+")[0] if verdict else "emergency"
    return CATEGORY_OF.get(row.category, row.category)


def choose_threshold(probability: np.ndarray, labels: np.ndarray, rule_alarms: list[bool], ordinary: list[bool]
                     ) -> tuple[float, dict]:
    """The lowest threshold whose cross-validated false alarms on ordinary questions stay within the budget."""
    emergency, rules, is_ordinary = labels, np.array(rule_alarms), np.array(ordinary)
    best = next(t for t in THRESHOLDS if (probability[is_ordinary] >= t).mean() <= FALSE_ALARM_BUDGET)
    alarms, either = probability >= best, rules | (probability >= best)
    report = {"folds": FOLDS, "false_alarm_budget": FALSE_ALARM_BUDGET,
              "cv_recall_alone": _rate(alarms[emergency]), "cv_false_alarms_alone": _rate(alarms[is_ordinary]),
              "cv_recall_with_rules": _rate(either[emergency]), "cv_false_alarms_with_rules": _rate(either[is_ordinary]),
              "rules_alone_recall": _rate(rules[emergency]), "rules_alone_false_alarms": _rate(rules[is_ordinary]),
              "bank": {"emergency": int(emergency.sum()), "ordinary questions": int(is_ordinary.sum()),
                       "other non-emergency": int((~emergency & ~is_ordinary).sum())}}
    return float(best), report


def choose_window_margin(above: np.ndarray, alarms: np.ndarray, labels: np.ndarray,
                         ordinary: list[bool]) -> tuple[float, dict]:
    """The smallest margin whose windows add at most the window budget to the false alarms on ordinary questions.

    ``above``: how far each row's most alarming window is above the threshold (cross-validated);
    ``alarms``: the whole messages' cross-validated alarms at the chosen threshold.
    """
    is_ordinary = np.array(ordinary)
    allowed = alarms[is_ordinary].mean() + WINDOW_FALSE_ALARM_BUDGET
    margin = next(m for m in MARGINS if (alarms | (above >= m))[is_ordinary].mean() <= allowed)
    either = alarms | (above >= margin)
    return float(margin), {"window_false_alarm_budget": WINDOW_FALSE_ALARM_BUDGET,
                           "cv_recall_with_windows": _rate(either[labels]),
                           "cv_false_alarms_with_windows": _rate(either[is_ordinary])}


def cross_validated_models(vectors: np.ndarray, labels: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each fold's rows with the weights trained without them (fixed shuffle, so reruns agree)."""
    return [(fold, train_emergency_model(vectors[train], labels[train].astype(np.float64)))
            for fold, train in cross_validation_folds(len(labels), FOLDS, SEED)]


def cross_validated_probability(models, vectors: np.ndarray) -> np.ndarray:
    """Each row's probability from the model trained without its fold."""
    probability = np.zeros(len(vectors))
    for fold, weights in models:
        probability[fold] = [emergency_probability(weights, vectors[i]) for i in fold]
    return probability


def window_probability(models, texts: list[str], vectors: np.ndarray, labels: np.ndarray, threshold: float,
                       embedder: Embedder) -> np.ndarray:
    """How far each row's most alarming window is above ``threshold`` (-inf for a short row), from its fold's model.

    As in answering (``Fit.window_excess``), a window counts only among emergency neighbours: the fold's training rows.
    """
    best = np.full(len(texts), -np.inf)
    for fold, weights in models:
        train = np.setdiff1d(np.arange(len(texts)), fold)
        fold_fit = Fit(threshold, weights, {}, 0.0, vectors[train], labels[train])
        for i in fold:
            best[i] = max_window_excess(fold_fit, windows(texts[i]), embedder)
    return best


def max_window_excess(fit: Fit, pieces: tuple[str, ...], embedder: Embedder) -> float:
    """The most alarming window's ``Fit.window_excess`` (-inf without windows)."""
    vectors = np.asarray(embedder.encode(list(pieces)), dtype=np.float64) if pieces else ()
    return max((fit.window_excess(vector) for vector in vectors), default=-np.inf)


def quiet_margin_on_long_stories(model, embedder: Embedder) -> float:
    """The smallest margin at which windows alarm on at most the budget's share of the long ordinary stories.

    The bank holds few long texts; the stories (``safety_long_stories.jsonl``) are not in it, so the fitted
    model judges them out of sample, as answering does (clauses about the past left out).
    """
    stories = [row.question for row in load_rows(LONG_STORIES) if row.expected == "answer"]
    above = np.array([max_window_excess(model, windows(as_judged(story)), embedder) for story in stories])
    return float(next(m for m in MARGINS if (above >= m).mean() <= FALSE_ALARM_BUDGET))


def _rate(flags: np.ndarray) -> float:
    return round(float(flags.mean()), 4)


def main() -> int:
    pairs = bank_rows()
    bank = tuple(entry for _, entry in pairs)
    BANK_PATH.write_text("".join(json.dumps({"text": e.text, "category": e.category}, ensure_ascii=False) + "\n"
                                 for e in bank), encoding="utf-8")
    embedder = Embedder()
    vectors = np.asarray(embedder.encode([entry.text for entry in bank]), dtype=np.float64)
    labels = np.array([entry.is_emergency for entry in bank])
    rule_alarms = [(v := screen(row.question, MAX_CHARS)) is not None and v.kind == "emergency" for row, _ in pairs]
    ordinary = [row.expected == "answer" for row, _ in pairs]
    models = cross_validated_models(vectors, labels)
    probability = cross_validated_probability(models, vectors)
    threshold, report = choose_threshold(probability, labels, rule_alarms, ordinary)
    above = window_probability(models, [entry.text for entry in bank], vectors, labels, threshold, embedder)
    margin, window_report = choose_window_margin(above, probability >= threshold, labels, ordinary)
    model = fit_model(vectors, bank, threshold, margin)
    margin = max(margin, quiet_margin_on_long_stories(model, embedder))
    model = replace(model, window_margin=margin)
    payload = {"threshold": threshold, "window_margin": margin, "model": Embedder.name,
               "bank_sha256": bank_sha256(), "fit": report | window_report,
               "weights": [round(float(w), 6) for w in model.weights],
               "centroids": {name: [round(float(x), 6) for x in vector] for name, vector in model.centroids.items()}}
    FIT_PATH.write_text(json.dumps(payload) + "\n", encoding="utf-8")
    np.save(NEIGHBOURS_PATH, vectors.astype(np.float16))
    print(json.dumps({"threshold": threshold, "window_margin": margin, **report, **window_report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
