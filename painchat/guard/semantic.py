"""The semantic layer: a question that reads like the known emergencies, and unlike the near misses, alarms.

Patients describe the same emergency in endless ways; the rules catch the
clear wordings, and this layer catches what reads like them. The question's
embedding is compared with a labelled bank (``bank.jsonl``: emergencies and
ordinary questions, many of them near misses such as "chest day at the gym").
It alarms when the nearest emergency examples are close enough and clearly
closer than the nearest ordinary ones; threshold and margin are fitted on the
tuning sets (``python -m painchat.eval.bank`` writes ``semantic.json``).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent
BANK_PATH = HERE / "bank.jsonl"
FIT_PATH = HERE / "semantic.json"
# Neighbours averaged on each side: one odd example should not decide.
NEIGHBOURS = 2
# Categories of the emergency neighbours that make the reply a crisis reply.
CRISIS_NEIGHBOURS = ("suicide", "overdose")


@dataclass(frozen=True)
class BankEntry:
    """One labelled example: ``category`` is an emergency category, or "ordinary"."""

    text: str
    category: str

    @property
    def is_emergency(self) -> bool:
        return self.category != "ordinary"


@dataclass(frozen=True)
class Fit:
    """Where the layer alarms: emergency closeness at least ``threshold`` and ``margin`` above ordinary."""

    threshold: float
    margin: float


def load_bank(path: Path = BANK_PATH) -> tuple[BankEntry, ...]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return tuple(BankEntry(row["text"], row["category"]) for row in rows)


def load_fit(path: Path = FIT_PATH) -> Fit:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Fit(threshold=data["threshold"], margin=data["margin"])


class SemanticAlarm:
    """Compares a question's embedding with the bank; owns the per-process embedding of question texts."""

    def __init__(self, embedder, bank: tuple[BankEntry, ...] | None = None, fit: Fit | None = None) -> None:
        self.embedder = embedder
        self.bank = bank if bank is not None else load_bank()
        self.fit = fit or load_fit()
        self._lock = threading.Lock()
        self._vectors: np.ndarray | None = None
        # The same text is embedded once: the guard's vector is the retrieval's when the query is the question.
        self.embed = lru_cache(maxsize=64)(self._embed)

    def categories(self, question: str) -> tuple[str, ...]:
        """Emergency categories the question reads like (nearest emergency examples first); () if none."""
        return self.judge(np.asarray(self.embed(question)))

    def judge(self, vector: np.ndarray) -> tuple[str, ...]:
        emergency, ordinary, nearest = self.closeness(vector)
        if emergency < self.fit.threshold or emergency - ordinary < self.fit.margin:
            return ()
        return nearest

    def closeness(self, vector: np.ndarray, exclude: int | None = None) -> tuple[float, float, tuple[str, ...]]:
        """Mean similarity to the nearest emergency and ordinary examples, and those emergencies' categories."""
        similarities = self.vectors @ vector
        if exclude is not None:
            similarities = similarities.copy()
            similarities[exclude] = -np.inf
        emergency_mask = np.array([entry.is_emergency for entry in self.bank])
        top_emergency = _top(np.where(emergency_mask, similarities, -np.inf))
        top_ordinary = _top(np.where(emergency_mask, -np.inf, similarities))
        nearest = tuple(dict.fromkeys(self.bank[i].category for i in top_emergency))
        return float(similarities[top_emergency].mean()), float(similarities[top_ordinary].mean()), nearest

    @property
    def vectors(self) -> np.ndarray:
        """The bank's embeddings, computed on first use and kept for the process."""
        with self._lock:
            if self._vectors is None:
                self._vectors = _bank_vectors(self.embedder, tuple(entry.text for entry in self.bank))
            return self._vectors

    def _embed(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)


_CACHE: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _bank_vectors(embedder, texts: tuple[str, ...]) -> np.ndarray:
    """One embedding of the bank per process and model, whichever assistant asks first."""
    key = (getattr(embedder, "name", type(embedder).__name__), texts)
    if key not in _CACHE:
        _CACHE[key] = np.asarray(embedder.encode(list(texts)), dtype=np.float32)
    return _CACHE[key]


def _top(similarities: np.ndarray) -> np.ndarray:
    return np.argsort(similarities)[::-1][:NEIGHBOURS]
