"""Cold start to first answer: a fresh ``python -m painchat ask`` vs the bare model load and one encode."""

from __future__ import annotations

import json
import statistics
import sys

from bench.processes import ChildRun, run_child
from painchat.embedding import model_dir

QUESTION = "What is allodynia and hyperalgesia in nerve pain?"
REPEATS = 3
# The least any answer can cost in a fresh process: import the library, load the model, embed the query.
BARE_SCRIPT = (
    "import sys\n"
    "from sentence_transformers import SentenceTransformer\n"
    "SentenceTransformer(sys.argv[1], device='cpu').encode([sys.argv[2]], normalize_embeddings=True)\n"
)


def cli_command() -> list[str]:
    return [sys.executable, "-m", "painchat", "ask", "--json", QUESTION]


def bare_command() -> list[str]:
    return [sys.executable, "-c", BARE_SCRIPT, str(model_dir()), QUESTION]


def cold_start(env: dict[str, str], repeats: int = REPEATS) -> dict:
    """Median wall time and peak RSS over ``repeats`` interleaved runs of each, after one warm-up."""
    succeeded(run_child(cli_command(), env))  # page cache and bytecode warm for both sides alike
    cli_runs, bare_runs = [], []
    for _ in range(repeats):
        cli_runs.append(succeeded(run_child(cli_command(), env)))
        bare_runs.append(succeeded(run_child(bare_command(), env)))
    cli, bare = summary(cli_runs), summary(bare_runs)
    return {
        "question": QUESTION,
        "answer_kind": json.loads(cli_runs[-1].stdout)["kind"],
        "cli": cli,
        "bare": bare,
        "ratio": cli["median_s"] / bare["median_s"],
    }


def summary(runs: list[ChildRun]) -> dict:
    return {
        "seconds": [round(r.seconds, 3) for r in runs],
        "median_s": statistics.median(r.seconds for r in runs),
        "peak_rss_mib": [round(r.peak_rss_mib, 1) for r in runs],
        "median_peak_rss_mib": statistics.median(r.peak_rss_mib for r in runs),
    }


def succeeded(run: ChildRun) -> ChildRun:
    """A crashed child measured nothing: stop the bench with its error."""
    if run.returncode != 0:
        raise RuntimeError(f"child exited {run.returncode}: {run.stderr[-2000:]}")
    return run
