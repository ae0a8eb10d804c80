"""Questions offered to the user: lay-worded, each one checked against the loaded papers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

# Candidates in a patient's words. Only those the loaded papers answer directly are offered
# (``Assistant`` checks each once at load), so another corpus keeps the ones that still work.
CANDIDATES = (
    "Can exercise help nerve pain?",
    "What does allodynia mean?",
    "Why does nerve pain develop?",
    "What symptoms can nerve damage cause?",
    "What is hyperalgesia?",
    "Why is exercise called a double-edged sword for the nerves?",
    "How were the expert recommendations decided?",
    "How many studies did the review include?",
)


class Suggestions:
    """The checked questions, offered nearest to what was asked first."""

    def __init__(self, questions: Sequence[str], vectors: np.ndarray | Sequence[Sequence[float]]) -> None:
        self.questions = tuple(questions)
        self._vectors = np.asarray(vectors, dtype=np.float32).reshape(len(self.questions), -1) if questions else None

    @classmethod
    def checked(
        cls, candidates: Sequence[str], answers: Callable[[str], bool], embed: Callable[[list[str]], np.ndarray]
    ) -> Suggestions:
        kept = [q for q in candidates if answers(q)]
        return cls(kept, embed(kept) if kept else ())

    def nearest(self, vector: Sequence[float], count: int = 3, asked: str = "") -> tuple[str, ...]:
        if self._vectors is None:
            return ()
        order = np.argsort(-(self._vectors @ np.asarray(vector, dtype=np.float32)))
        same = asked.strip().casefold()
        return tuple(q for q in (self.questions[i] for i in order) if q.casefold() != same)[:count]
