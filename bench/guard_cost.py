"""What the safety guard adds to an answer: rules and language detection, and the semantic layer's judgement.

The question's embedding is not counted: it is computed in the same batch as the lay reading that
retrieval needs anyway, so the guard adds only what it does with the vector. Measured per question of the QA
and safety tuning sets, and on messages of the maximum length (2,000 characters). A message in another language is never answered: its
reply costs the rules and, when they find nothing, an embedding of its English gloss for the semantic layer,
measured whole on the tuning half of round 6.
"""

from __future__ import annotations

import time

import numpy as np

from evaluation.datasets import DATA_DIR, read_jsonl
from evaluation.metrics import percentile
from evaluation.safety import ROUND6, load_rows
from painchat.embedding import Embedder
from painchat.guard import screen
from painchat.guard.semantic import SemanticAlarm
from painchat.settings import load_settings

ROUNDS = 3
LONG_CHARS = 2000
# A run-on story at the length limit, with typos, a drug name and a red flag buried in the middle.
STORY = ("so my feet have been burning for years from the diabetes and i walk the dog most mornings, "
         "pregabalin helps a bit but the nights are bad, my physio says keep going with the stretches. ")
RED_FLAG = "yesterday i got a crushing pain in my chest on the hill and felt sick. "


def guard_cost(embedder: Embedder) -> dict:
    settings = load_settings()
    questions = [row["question"] for row in read_jsonl(DATA_DIR / "qa.jsonl")]
    questions += [row["question"] for row in read_jsonl(DATA_DIR / "safety_tune.jsonl")]
    alarm = SemanticAlarm(embedder)
    vectors = [np.asarray(v) for v in embedder.encode(questions)]  # computed by retrieval anyway
    long_messages = [_long_message(with_flag) for with_flag in (False, True)]
    for question in questions:  # warm the typo caches and the language models, as a running server would be
        screen(question, settings.max_question_chars)
    other_languages = [row.question for row in load_rows(ROUND6.path, "tune")]
    rules_ms, semantic_ms, long_ms, other_ms = [], [], [], []
    for _ in range(ROUNDS):
        for question, vector in zip(questions, vectors):
            started = time.perf_counter()
            screen(question, settings.max_question_chars)
            rules_ms.append(_ms(started))
            started = time.perf_counter()
            alarm.judge(vector)
            semantic_ms.append(_ms(started))
        for message in long_messages:
            started = time.perf_counter()
            screen(message, settings.max_question_chars)
            long_ms.append(_ms(started))
        for message in other_languages:
            started = time.perf_counter()
            screen(message, settings.max_question_chars, semantic=alarm)
            other_ms.append(_ms(started))
    total = [a + b for a, b in zip(rules_ms, semantic_ms)]
    return {
        "questions": len(questions), "rounds": ROUNDS,
        "rules_ms": _summary(rules_ms), "semantic_ms": _summary(semantic_ms), "total_ms": _summary(total),
        "long_message_ms": _summary(long_ms), "long_message_chars": LONG_CHARS,
        "other_language_ms": _summary(other_ms), "other_language_messages": len(other_languages),
        "categories": len(alarm.fit.centroids),
    }


def _long_message(with_flag: bool) -> str:
    filler = STORY * (LONG_CHARS // len(STORY) + 1)
    middle = len(filler) // 2
    text = filler[:middle] + (RED_FLAG if with_flag else "") + filler[middle:]
    return text[:LONG_CHARS]


def _summary(values: list[float]) -> dict:
    return {"p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values), "n": len(values)}


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000
