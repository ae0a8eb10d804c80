"""A small L2-penalised logistic regression on embeddings: the guard's emergency layer and the topic model use it."""

from __future__ import annotations

import numpy as np

NEWTON_STEPS = 30


def train_logistic(vectors: np.ndarray, labels: np.ndarray, l2: float, balanced: bool = False) -> np.ndarray:
    """Weights (bias last) fitted by Newton's method; ``l2`` penalises the weights, never the bias.

    ``balanced``: each class weighs as much as the other in the loss, however many examples it has.
    """
    features = np.hstack([vectors, np.ones((len(vectors), 1), dtype=vectors.dtype)]).astype(np.float64)
    labels = np.asarray(labels, dtype=np.float64)
    sample = _class_balance(labels) if balanced else np.ones(len(labels))
    penalty = np.full(features.shape[1], l2)
    penalty[-1] = 0.0
    weights = np.zeros(features.shape[1])
    for _ in range(NEWTON_STEPS):
        probability = sigmoid(features @ weights)
        gradient = features.T @ (sample * (probability - labels)) + penalty * weights
        curvature = sample * probability * (1 - probability)
        hessian = (features * curvature[:, None]).T @ features + np.diag(penalty)
        weights -= np.linalg.solve(hessian, gradient)
    return weights


def probability(weights: np.ndarray, vector: np.ndarray) -> float:
    """The model's probability of the positive class for one embedding."""
    return float(sigmoid(vector @ weights[:-1] + weights[-1]))


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _class_balance(labels: np.ndarray) -> np.ndarray:
    positives = labels.sum()
    negatives = len(labels) - positives
    if not positives or not negatives:
        return np.ones(len(labels))
    return np.where(labels == 1, len(labels) / (2 * positives), len(labels) / (2 * negatives))
