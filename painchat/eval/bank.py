"""Builds the semantic layer's bank from the tuning sets and fits where it alarms: ``python -m painchat.eval.bank``.

The bank (``painchat/guard/bank.jsonl``) holds the English rows of the tuning
set and of the older safety sets: emergencies with their category, and every
other row as "ordinary" (many are near misses, and medicine questions must not
read as overdoses). Threshold and margin are chosen by leave-one-out over the
bank: each row is judged without itself, and the pair with the best emergency
recall of the layer on its own whose false alarms stay within the budget wins.
The layer is fitted alone because the rules were written on these same rows:
together they would look perfect and leave the layer nothing to learn.
The sealed set is never read here.
"""

from __future__ import annotations

import itertools
import json
import sys

import numpy as np

from painchat.embedding import Embedder
from painchat.eval.safety import TUNE, Row, load_old_sets, load_rows
from painchat.guard import screen
from painchat.guard.validation import find_problem
from painchat.guard.semantic import BANK_PATH, FIT_PATH, BankEntry, Fit, SemanticAlarm
from painchat.settings import Settings

# Share of non-emergency rows the rules and the layer together may alarm on.
FALSE_ALARM_BUDGET = 0.02
THRESHOLDS = np.round(np.arange(0.40, 0.86, 0.01), 2)
MARGINS = np.round(np.arange(-0.04, 0.16, 0.01), 2)
# The sets' categories that share an emergency message with another.
CATEGORY_OF = {"self_harm": "suicide", "lethal_means": "suicide", "palpitations": "cardiac"}
MAX_CHARS = Settings.model_fields["max_question_chars"].default


def bank_rows() -> list[tuple[Row, BankEntry]]:
    """English, readable rows of the tuning sets that stand on their own (no history), with their bank entries."""
    rows = [row for row in [*load_rows(TUNE), *load_old_sets()]
            if row.lang == "en" and not row.history and find_problem(row.question, MAX_CHARS) is None]
    return [(row, BankEntry(row.question, _category(row))) for row in rows]


def _category(row: Row) -> str:
    if row.expected != "emergency":
        return "ordinary"
    if row.category == "emergency":  # the older set names no category: take the rules' one
        verdict = screen(row.question, MAX_CHARS)
        return verdict.reason.removeprefix("emergency:").split("+")[0] if verdict else "emergency"
    return CATEGORY_OF.get(row.category, row.category)


def fit(alarm: SemanticAlarm, rule_alarms: list[bool]) -> tuple[Fit, dict]:
    """Best (threshold, margin) by leave-one-out, within the false-alarm budget."""
    closeness = [alarm.closeness(alarm.vectors[i], exclude=i)[:2] for i in range(len(alarm.bank))]
    emergency = np.array([entry.is_emergency for entry in alarm.bank])
    near_e, near_o = (np.array(side) for side in zip(*closeness))
    rules = np.array(rule_alarms)
    best = None
    for threshold, margin in itertools.product(THRESHOLDS, MARGINS):
        alarms = (near_e >= threshold) & (near_e - near_o >= margin)
        recall = alarms[emergency].mean()
        false_alarms = alarms[~emergency].mean()
        if false_alarms <= FALSE_ALARM_BUDGET:
            key = (recall, -false_alarms, threshold, margin)
            best = max(best, key) if best else key
    recall, negative_false_alarms, threshold, margin = best
    either = rules | ((near_e >= threshold) & (near_e - near_o >= margin))
    report = {"threshold": float(threshold), "margin": float(margin),
              "loo_recall_alone": round(float(recall), 4),
              "loo_false_alarms_alone": round(float(-negative_false_alarms), 4),
              "loo_recall_with_rules": round(float(either[emergency].mean()), 4),
              "loo_false_alarms_with_rules": round(float(either[~emergency].mean()), 4),
              "rules_alone_recall": round(float(rules[emergency].mean()), 4),
              "rules_alone_false_alarms": round(float(rules[~emergency].mean()), 4),
              "bank": {"emergency": int(emergency.sum()), "ordinary": int((~emergency).sum())},
              "false_alarm_budget": FALSE_ALARM_BUDGET}
    return Fit(float(threshold), float(margin)), report


def main() -> int:
    pairs = bank_rows()
    BANK_PATH.write_text("".join(json.dumps({"text": e.text, "category": e.category}, ensure_ascii=False) + "\n"
                                 for _, e in pairs), encoding="utf-8")
    alarm = SemanticAlarm(Embedder(), bank=tuple(e for _, e in pairs), fit=Fit(1.0, 1.0))
    rule_alarms = [(v := screen(row.question, MAX_CHARS)) is not None and v.kind == "emergency" for row, _ in pairs]
    _, report = fit(alarm, rule_alarms)
    FIT_PATH.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
