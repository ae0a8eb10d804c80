"""Scoring of the lay sets by label (pure: no model), and the frozen first run of the sealed half."""

from evaluation import lay
from evaluation.datasets import DATA_DIR, read_jsonl
from painchat.models import Answer
from painchat.settings import PROJECT_ROOT

ROW = {"id": "x", "question": "q", "label": "direct", "gold": ["helpful in NP"]}


def _answer(kind: str, quote: str = "") -> Answer:
    citation = {
        "n": 1, "source_id": "s", "label": "L", "authors": (), "title": "T", "journal": "J", "year": 2021,
        "doi_url": None, "section": "Abstract", "quote": quote, "chunk_id": "c", "char_span": (0, 1),
        "context": quote, "context_span": (0, len(quote)),
    }
    text = f"intro\n- {quote} [1]" if quote else "not covered"
    return Answer(kind=kind, answer=text, citations=(citation,) if quote else ())


def test_labels_are_scored_by_what_the_papers_can_offer():
    results = [
        lay.score_answer(ROW, _answer("answer", "exercise may be helpful in NP management")),
        lay.score_answer({**ROW, "id": "y", "label": "related"}, _answer("related", "something else")),
        lay.score_answer({**ROW, "id": "z", "label": "none", "gold": []}, _answer("not_covered")),
        lay.score_answer({**ROW, "id": "w", "label": "none", "gold": []}, _answer("related", "a quote")),
    ]
    summary = lay.summarize(results)
    assert summary["on_topic_answered"] == 1.0
    assert summary["gold_cited"] == 0.5
    assert summary["none_not_covered"] == 0.5
    assert summary["faithfulness"] == 1.0 and summary["disclaimer"] == 1.0
    assert [r.id for r in lay.failures(results)] == ["y", "w"]


def test_the_sealed_first_run_is_scored_from_its_frozen_answers():
    rows = read_jsonl(DATA_DIR / "lay_sealed.jsonl")
    first = read_jsonl(PROJECT_ROOT / "docs" / "firstrun" / "lay_sealed.baseline.jsonl")
    results = lay.frozen(rows, first)
    assert [r.id for r in results] == [row["id"] for row in rows]
    assert {r.kind for r in results} <= {"answer", "not_covered", "out_of_scope", "emergency", "invalid"}
    assert lay.summarize(results)["disclaimer"] == 1.0


def test_the_round2_first_run_is_frozen_for_both_halves():
    rows = read_jsonl(DATA_DIR / "lay_round2.jsonl")
    first = read_jsonl(lay.first_run_file("lay_round2"))
    assert [a["id"] for a in first] == [row["id"] for row in rows]
    assert all("context" not in c for a in first for c in a["citations"])  # no corpus text beyond the quotes
    for half in ("tune", "sealed"):
        summary = lay.summarize(lay.frozen(lay.split(rows, half), first))
        assert summary["questions"] == len(lay.split(rows, half)) and summary["disclaimer"] == 1.0
