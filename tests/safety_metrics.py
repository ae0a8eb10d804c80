"""Labelled safety sets and the metrics computed over them, for any classify function.

Each ``tests/data/safety_<set>.jsonl`` line is ``{"text", "kind", "notes"}`` with
``kind`` the expected kind; an optional ``"repeat": N`` means the text is
``text * N`` (keeps over-long inputs readable in the file). Expected "answer"
also accepts "not_covered": neither is a refusal nor an alarm.

``confusion(classify)`` takes any function from question text to a ``Kind``:
``screen`` through an adapter here, the full answering function end to end.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SET_NAMES = ("emergency", "ordinary", "offtopic", "medication", "injection", "invalid")
KINDS = ("answer", "related", "not_covered", "out_of_scope", "emergency", "invalid")
ACCEPTED = {"answer": {"answer", "related", "not_covered"}}  # grounded in the papers, whichever shape
# An ordinary question answered with any of these is a false alarm.
ALARMS = {"emergency", "out_of_scope", "invalid"}


@dataclass(frozen=True)
class Case:
    set_name: str
    text: str
    expected: str
    notes: str

    def accepts(self, kind: str) -> bool:
        return kind in ACCEPTED.get(self.expected, {self.expected})


@dataclass
class Confusion:
    """Counts of (expected, predicted) kinds and per-set results."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    alarms_on_ordinary: int = 0
    misses: list[tuple[Case, str]] = field(default_factory=list)

    def rate(self, set_name: str) -> float:
        """Share of the set's cases handled as expected."""
        return self.correct[set_name] / self.total[set_name]

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms_on_ordinary / self.total["ordinary"]

    def report(self) -> str:
        """Confusion matrix (rows expected, columns predicted), per-set rates and misses."""
        expected_kinds = [kind for kind in KINDS if any(e == kind for e, _ in self.counts)]
        lines = ["expected \\ predicted".ljust(22) + "".join(kind.rjust(14) for kind in KINDS)]
        for expected in expected_kinds:
            cells = "".join(str(self.counts[expected, predicted]).rjust(14) for predicted in KINDS)
            lines.append(expected.ljust(22) + cells)
        lines.append("")
        for set_name in SET_NAMES:
            lines.append(f"{set_name:<12} {self.correct[set_name]:>3}/{self.total[set_name]:<3} "
                         f"handled correctly ({self.rate(set_name):.1%})")
        lines.append(f"false alarms on ordinary questions: {self.alarms_on_ordinary}/"
                     f"{self.total['ordinary']} ({self.false_alarm_rate:.1%})")
        lines += [f"MISS [{case.set_name}] expected {case.expected}, got {kind}: {case.text[:90]!r}"
                  for case, kind in self.misses]
        return "\n".join(lines)


def load_sets(data_dir: Path = DATA_DIR) -> list[Case]:
    """All cases of the six safety sets, in file order."""
    cases = []
    for set_name in SET_NAMES:
        path = data_dir / f"safety_{set_name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = row["text"] * row.get("repeat", 1)
                cases.append(Case(set_name, text, row["kind"], row.get("notes", "")))
    return cases


def confusion(classify: Callable[[str], str], cases: list[Case]) -> Confusion:
    """Runs ``classify`` on every case and tallies the results."""
    result = Confusion()
    for case in cases:
        kind = classify(case.text)
        result.counts[case.expected, kind] += 1
        result.total[case.set_name] += 1
        if case.accepts(kind):
            result.correct[case.set_name] += 1
        else:
            result.misses.append((case, kind))
        if case.set_name == "ordinary" and kind in ALARMS:
            result.alarms_on_ordinary += 1
    return result
