"""Builds the semantic layer's bank from the tuning sets and fits where it alarms: ``python -m evaluation.bank``.

The bank (``painchat/guard/bank.jsonl``) holds the English rows of the first
tuning set, of the older safety sets and of every later round's tuning half,
then the examples written for the bank alone (``painchat/guard/bank_written.jsonl``:
indirect suicide and self-harm, lethal means, overdoses, low blood sugar, and
near misses such as "this pain is killing me"): emergencies with their category,
and every other row as "ordinary" (many are near misses, and medicine questions
must not read as overdoses). Thresholds are chosen by cross-validation in which
each later round is a fold of its own, so that its rows are judged by a model and
neighbours that never read their author, as a patient's new wording is; the other
rows are spread over 10 shuffled folds. The regression's threshold is the lowest
whose false alarms on ordinary questions stay within its budget; the weighted
neighbours' threshold, the lowest at which both together stay within theirs.
The layer is fitted alone because the rules were written on these same rows:
together they would look perfect and leave the layer nothing to learn.
The sealed halves are never read here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import astuple, replace

import numpy as np

from evaluation.datasets import DATA_DIR, LAY_ROUNDS, lay_round_name, read_jsonl
from evaluation.metrics import grouped_folds
from evaluation.safety import LATER_ROUNDS, LONG_STORIES, TUNE, Row, load_old_sets, load_rows
from painchat.embedding import Embedder
from painchat.guard import screen
from painchat.guard.segments import windows
from painchat.guard.semantic import (
    BANK_PATH,
    FIT_PATH,
    HERE,
    NEIGHBOURS_PATH,
    WHOLE_NEIGHBOUR_SHARE,
    BankEntry,
    Fit,
    as_judged,
    bank_sha256,
    emergency_probability,
    fit_model,
    train_emergency_model,
    votes,
)
from painchat.guard.validation import find_problem
from painchat.settings import Settings

# Share of ordinary questions (expected answered) the regression may alarm on. Measured on those only:
# off-topic, medicine and injection rows are far from any emergency and would hide false alarms.
FALSE_ALARM_BUDGET = 0.02
# What the whole-message alarms together (the regression among emergency neighbours, or the weighted neighbours)
# may alarm on: one point more than the regression alone.
WHOLE_FALSE_ALARM_BUDGET = 0.03
KNN_THRESHOLDS = np.round(np.arange(0.5, 1.0, 0.01), 2)
THRESHOLDS = np.round(np.arange(0.05, 1.0, 0.01), 2)
FOLDS = 10
# What a long message's windows may add to the false alarms on ordinary questions, and the margins tried. Not
# none: the later rounds' long near misses, each judged with its round out of the bank, leave no margin at which
# windows add no false alarm and still catch an emergency.
WINDOW_FALSE_ALARM_BUDGET = 0.005
MARGINS = np.round(np.arange(0.0, 0.5, 0.005), 3)
SEED = 8
# The sets' categories that share an emergency message with another.
CATEGORY_OF = {"self_harm": "suicide", "lethal_means": "suicide", "palpitations": "cardiac"}
MAX_CHARS = Settings.model_fields["max_question_chars"].default
# Written for the bank alone, in the sets' categories: "ordinary" is answered, "medication" declined.
WRITTEN_PATH = HERE / "bank_written.jsonl"
NOT_EMERGENCY = {"ordinary": "answer", "medication": "out_of_scope"}
# The lay sets' tuning halves (all of lay_tune): everyday questions, in the bank so that the neighbours of a question
# about a blue badge are not the few emergencies that happen to be nearest. Their category keeps them out of the
# false-alarm budgets, which are measured on the safety sets' ordinary questions, near misses by design.
LAY_SETS = ("lay_tune", *(lay_round_name(n) for n in LAY_ROUNDS))
LAY = "lay"


def bank_rows() -> list[tuple[Row, BankEntry, str]]:
    """English, readable rows of the tuning sets that stand on their own (no history), with their bank entries and
    their fold group: a later round's name, or "" for the first tuning set, the older sets and the written examples."""
    sources = [("", [*load_rows(TUNE), *load_old_sets(), *written_rows()])]
    sources += [(spec.name, load_rows(spec.path, "tune")) for spec in LATER_ROUNDS]
    sources += [(name, lay_rows(name)) for name in LAY_SETS]
    return [(row, BankEntry(row.question, _category(row)), group) for group, rows in sources for row in rows
            if row.lang == "en" and not row.history and find_problem(row.question, MAX_CHARS) is None]


def lay_rows(name: str) -> list[Row]:
    """A lay set's tuning rows as ordinary questions: what patients ask every day, from exercise to a blue badge."""
    return [Row(str(r["id"]), r["question"], "answer", LAY, history=tuple(r.get("history") or ()))
            for r in read_jsonl(DATA_DIR / f"{name}.jsonl") if r.get("split", "tune") == "tune"]


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


def cross_validated_models(vectors: np.ndarray, labels: np.ndarray, folds) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each fold's rows with the weights trained without them."""
    return [(fold, train_emergency_model(vectors[train], labels[train].astype(np.float64))) for fold, train in folds]


def cross_validated_neighbours(vectors: np.ndarray, labels: np.ndarray, folds) -> tuple[np.ndarray, np.ndarray]:
    """Each row's share of emergency neighbours and weighted share (``Fit``), among its fold's training rows."""
    share, weighted = np.zeros(len(labels)), np.zeros(len(labels))
    for fold, train in folds:
        neighbours, is_emergency = vectors[train].astype(np.float32), labels[train]
        for i in fold:
            share[i], weighted[i] = astuple(votes(neighbours, is_emergency, vectors[i]))
    return share, weighted


def choose_knn_threshold(weighted: np.ndarray, regression_alarms: np.ndarray, labels: np.ndarray,
                         ordinary: list[bool]) -> tuple[float, dict]:
    """The lowest weighted-neighbour threshold at which the whole-message alarms (the regression's or the
    neighbours') stay within the whole-message budget on ordinary questions."""
    is_ordinary = np.array(ordinary)
    best = next(t for t in KNN_THRESHOLDS if (regression_alarms | (weighted >= t))[is_ordinary].mean()
                <= WHOLE_FALSE_ALARM_BUDGET)
    alarms = regression_alarms | (weighted >= best)
    return float(best), {"whole_false_alarm_budget": WHOLE_FALSE_ALARM_BUDGET,
                         "cv_recall_whole": _rate(alarms[labels]), "cv_false_alarms_whole": _rate(alarms[is_ordinary])}


def cross_validated_probability(models, vectors: np.ndarray) -> np.ndarray:
    """Each row's probability from the model trained without its fold."""
    probability = np.zeros(len(vectors))
    for fold, weights in models:
        probability[fold] = [emergency_probability(weights, vectors[i]) for i in fold]
    return probability


def window_probability(models, folds, texts: list[str], vectors: np.ndarray, labels: np.ndarray, threshold: float,
                       embedder: Embedder) -> np.ndarray:
    """How far each row's most alarming window is above ``threshold`` (-inf for a short row), from its fold's model.

    As in answering (``Fit.window_excess``), a window counts only among emergency neighbours: the fold's training rows.
    """
    best = np.full(len(texts), -np.inf)
    for (fold, weights), (_, train) in zip(models, folds, strict=True):
        fold_fit = Fit(threshold, 1.0, weights, {}, 0.0, vectors[train], labels[train])
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
    triples = bank_rows()
    bank = tuple(entry for _, entry, _ in triples)
    BANK_PATH.write_text("".join(json.dumps({"text": e.text, "category": e.category}, ensure_ascii=False) + "\n"
                                 for e in bank), encoding="utf-8")
    embedder = Embedder()
    vectors = np.asarray(embedder.encode([entry.text for entry in bank]), dtype=np.float64)
    labels = np.array([entry.is_emergency for entry in bank])
    rule_alarms = [(v := screen(row.question, MAX_CHARS)) is not None and v.kind == "emergency" for row, _, _ in triples]
    ordinary = [row.expected == "answer" and row.category != LAY for row, _, _ in triples]
    lay = np.array([row.category == LAY for row, _, _ in triples])
    folds = grouped_folds([group for _, _, group in triples], FOLDS, SEED)
    models = cross_validated_models(vectors, labels, folds)
    probability = cross_validated_probability(models, vectors)
    share, weighted = cross_validated_neighbours(vectors, labels, folds)
    # Judged as answering judges a whole message: the regression counts only among emergency neighbours.
    threshold, report = choose_threshold(np.where(share >= WHOLE_NEIGHBOUR_SHARE, probability, 0.0), labels,
                                         rule_alarms, ordinary)
    regression_alarms = (probability >= threshold) & (share >= WHOLE_NEIGHBOUR_SHARE)
    knn_threshold, knn_report = choose_knn_threshold(weighted, regression_alarms, labels, ordinary)
    whole_alarms = regression_alarms | (weighted >= knn_threshold)
    above = window_probability(models, folds, [entry.text for entry in bank], vectors, labels, threshold, embedder)
    margin, window_report = choose_window_margin(above, whole_alarms, labels, ordinary)
    model = fit_model(vectors, bank, threshold, knn_threshold, margin)
    margin = max(margin, quiet_margin_on_long_stories(model, embedder))
    model = replace(model, window_margin=margin)
    window_report |= {"lay_questions": int(lay.sum()),
                      "cv_false_alarms_on_lay_questions": _rate((whole_alarms | (above >= margin))[lay])}
    payload = {"threshold": threshold, "knn_threshold": knn_threshold, "window_margin": margin, "model": Embedder.name,
               "bank_sha256": bank_sha256(), "fit": report | knn_report | window_report,
               "weights": [round(float(w), 6) for w in model.weights],
               "centroids": {name: [round(float(x), 6) for x in vector] for name, vector in model.centroids.items()}}
    FIT_PATH.write_text(json.dumps(payload) + "\n", encoding="utf-8")
    np.save(NEIGHBOURS_PATH, vectors.astype(np.float16))
    print(json.dumps({"threshold": threshold, "knn_threshold": knn_threshold, "window_margin": margin, **report,
                      **knn_report, **window_report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
