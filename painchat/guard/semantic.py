"""The semantic layer: a question that reads like the known emergencies, and unlike the near misses, alarms.

Patients describe the same emergency in endless ways; the rules catch the
clear wordings, and this layer catches what reads like them. The question's
embedding is compared with a labelled bank (``bank.jsonl``: emergencies and
ordinary questions, many of them near misses such as "chest day at the gym").
A small logistic regression (numpy, trained on the bank's embeddings when the
bank is first used) gives the probability that the question is an emergency;
it alarms above a threshold chosen by cross-validation on the tuning sets
(``python -m painchat.eval.bank`` writes ``semantic.json``). The nearest
emergency examples name the categories, and so the guidance shown.
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
# Emergency neighbours whose categories name the guidance.
NEIGHBOURS = 2
# L2 penalty of the logistic regression (weights only, not the bias) and Newton steps to fit it.
L2 = 0.25
NEWTON_STEPS = 30
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
    """Where the layer alarms: a fitted probability of emergency of at least ``threshold``."""

    threshold: float


def load_bank(path: Path = BANK_PATH) -> tuple[BankEntry, ...]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return tuple(BankEntry(row["text"], row["category"]) for row in rows)


def load_fit(path: Path = FIT_PATH) -> Fit:
    data = json.loads(path.read_text(encoding="utf-8"))
    return Fit(threshold=data["threshold"])


def train_logistic(vectors: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Weights (bias last) of an L2-penalised logistic regression, fitted by Newton's method."""
    features = np.hstack([vectors, np.ones((len(vectors), 1), dtype=vectors.dtype)]).astype(np.float64)
    penalty = np.full(features.shape[1], L2)
    penalty[-1] = 0.0
    weights = np.zeros(features.shape[1])
    for _ in range(NEWTON_STEPS):
        probability = _sigmoid(features @ weights)
        gradient = features.T @ (probability - labels) + penalty * weights
        hessian = (features * (probability * (1 - probability))[:, None]).T @ features + np.diag(penalty)
        weights -= np.linalg.solve(hessian, gradient)
    return weights


def emergency_probability(weights: np.ndarray, vector: np.ndarray) -> float:
    return float(_sigmoid(vector @ weights[:-1] + weights[-1]))


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


class SemanticAlarm:
    """Compares a question's embedding with the bank; owns the per-process embedding of question texts."""

    def __init__(self, embedder, bank: tuple[BankEntry, ...] | None = None, fit: Fit | None = None) -> None:
        self.embedder = embedder
        self.bank = bank if bank is not None else load_bank()
        self.fit = fit or load_fit()
        self._lock = threading.Lock()
        self._vectors: np.ndarray | None = None
        self._weights: np.ndarray | None = None
        # The same text is embedded once: the guard's vector is the retrieval's when the query is the question.
        self.embed = lru_cache(maxsize=64)(self._embed)

    def categories(self, question: str) -> tuple[str, ...]:
        """Emergency categories the question reads like (nearest emergency examples first); () if none."""
        return self.judge(np.asarray(self.embed(question)))

    def judge(self, vector: np.ndarray) -> tuple[str, ...]:
        if emergency_probability(self.weights, vector) < self.fit.threshold:
            return ()
        return self.nearest_categories(vector)

    def nearest_categories(self, vector: np.ndarray) -> tuple[str, ...]:
        """Categories of the emergency examples closest to the vector, closest first."""
        similarities = np.where(self.labels, self.vectors @ vector, -np.inf)
        nearest = np.argsort(similarities)[::-1][:NEIGHBOURS]
        return tuple(dict.fromkeys(self.bank[i].category for i in nearest))

    @property
    def labels(self) -> np.ndarray:
        return np.array([entry.is_emergency for entry in self.bank])

    @property
    def vectors(self) -> np.ndarray:
        """The bank's embeddings, computed on first use and kept for the process."""
        with self._lock:
            if self._vectors is None:
                self._vectors = _bank_vectors(self.embedder, tuple(entry.text for entry in self.bank))
            return self._vectors

    @property
    def weights(self) -> np.ndarray:
        vectors = self.vectors
        with self._lock:
            if self._weights is None:
                self._weights = train_logistic(vectors, self.labels.astype(np.float64))
            return self._weights

    def _embed(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)


_CACHE: dict[tuple[str, tuple[str, ...]], np.ndarray] = {}


def _bank_vectors(embedder, texts: tuple[str, ...]) -> np.ndarray:
    """One embedding of the bank per process and model, whichever assistant asks first."""
    key = (getattr(embedder, "name", type(embedder).__name__), texts)
    if key not in _CACHE:
        _CACHE[key] = np.asarray(embedder.encode(list(texts)), dtype=np.float32)
    return _CACHE[key]

