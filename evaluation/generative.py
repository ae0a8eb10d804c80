"""The generative mode beside the extractive one, when a language model is configured (``make eval``)."""

from __future__ import annotations

from collections.abc import Sequence

from evaluation import metrics
from evaluation.tables import markdown_table
from painchat.assistant import Assistant
from painchat.generate.split import sentences
from painchat.generate.validate import HEDGES, SentenceValidator, cited_numbers
from painchat.markdown import unescape
from painchat.messages import LLM_ANSWER_INTRO
from painchat.models import Answer
from painchat.text import tokens

# The stricter offline check: the validator's rules with support thresholds well above the calibrated ones.
STRICT_SIMILARITY, STRICT_OVERLAP = 0.9, 0.6


def shown_sentences(answer: Answer) -> list[str]:
    body = answer.answer.split(f"{LLM_ANSWER_INTRO}\n\n", 1)[-1].split("\n\n_")[0]  # after the intro, before notes
    return list(sentences([unescape(body)]))


def evaluate_generative(assistant: Assistant, rows: Sequence[dict]) -> dict:
    """Faithfulness, citations, hedges, fallback and latency of generated answers to the answerable questions."""
    strict = SentenceValidator(assistant.embedder, STRICT_SIMILARITY, STRICT_OVERLAP)
    tried = fallbacks = shown = dropped = strict_ok = 0
    supported = cited = 0
    found: list[bool] = []
    hedged: list[bool] = []
    latencies: list[float] = []
    for row in rows:
        if row["kind"] != "answer":
            continue
        extractive = assistant.answer(row["question"], row["history"], generate=False)
        if not assistant.generator.applies(extractive):
            continue
        final = assistant.answer(row["question"], row["history"])
        tried += 1
        latencies.append(final.timings_ms.get("generate", 0.0))
        dropped += len(final.dropped)
        quotes = {c.n: c.quote for c in extractive.citations}
        hedged += [_has_hedge(d.text) for d in final.dropped if _cites_hedge(d.text, quotes)]
        if final.generator != "llm":
            fallbacks += 1
            continue
        lines = shown_sentences(final)
        grounding = strict.ground({c.n: c.quote for c in final.citations})
        shown += len(lines)
        strict_ok += sum(strict.check(line, grounding) is None for line in lines)
        new_quotes = {c.n: c.quote for c in final.citations}
        hedged += [_has_hedge(line) for line in lines if _cites_hedge(line, new_quotes)]
        cited += len(final.citations)
        supported += metrics.supported_citations([(c.quote, c.source_id) for c in final.citations], row["gold"],
                                                 row["sources"])
        found += metrics.gold_found([c.quote for c in final.citations], row["gold"])
    return {
        "questions": tried,
        "fallback_rate": metrics.ratio(fallbacks, tried),
        "validator_acceptance": metrics.ratio(shown, shown + dropped),
        "strict_faithfulness": metrics.ratio(strict_ok, shown),
        "citation_precision": metrics.ratio(supported, cited),
        "citation_recall": metrics.share(found) if found else None,
        "hedge_preservation_by_model": metrics.share(hedged) if hedged else None,
        "generate_ms_p50": metrics.percentile(latencies, 50),
        "generate_ms_p95": metrics.percentile(latencies, 95),
    }


def generative_table(generative: dict, extractive: dict, model: str) -> str:
    rows = [
        ["answerable questions sent to the model", "—", generative["questions"]],
        ["fallback to the extractive answer", "—", generative["fallback_rate"]],
        ["generated sentences the validator let through", "—", generative["validator_acceptance"]],
        ["faithfulness: validator", extractive["faithfulness"], 1.0 if generative["validator_acceptance"] else None],
        [f"faithfulness: strict check (similarity ≥ {STRICT_SIMILARITY}, overlap ≥ {STRICT_OVERLAP})", "—",
         generative["strict_faithfulness"]],
        ["citation precision", extractive["citation_precision"], generative["citation_precision"]],
        ["citation recall", extractive["citation_recall"], generative["citation_recall"]],
        ["hedge kept by the model (before validation)", "—", generative["hedge_preservation_by_model"]],
        ["generate latency p50 / p95 (ms)", "—",
         f"{generative['generate_ms_p50'] or 0:.0f} / {generative['generate_ms_p95'] or 0:.0f}"],
    ]
    return f"{markdown_table(['metric', 'extractive', model], rows)}"


def _cites_hedge(sentence: str, quotes: dict[int, str]) -> bool:
    return any(set(tokens(quotes.get(n, ""))) & HEDGES for n in cited_numbers(sentence))


def _has_hedge(sentence: str) -> bool:
    return bool(set(tokens(sentence)) & HEDGES)
