"""The scale plot: query latency p50/p95 vs store size, embedded vs server."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display on a server or in CI
import matplotlib.pyplot as plt  # after use(): the backend must be chosen first


def plot_scale(scale: dict, machine_line: str, path: Path) -> None:
    figure, axes = plt.subplots(figsize=(8, 5), dpi=120)
    for mode, colour in (("embedded", "tab:blue"), ("server", "tab:orange")):
        rows = sorted((r for r in scale["rows"] if r["mode"] == mode), key=lambda r: r["size"])
        sizes = [r["size"] for r in rows]
        axes.plot(sizes, [r["p50_ms"] for r in rows], "o-", color=colour, label=f"{mode} p50")
        axes.plot(sizes, [r["p95_ms"] for r in rows], "s--", color=colour, label=f"{mode} p95")
    axes.set_xscale("log")
    axes.set_ylim(bottom=0)
    axes.set_xlabel("chunks in the collection (SYNTHETIC random unit vectors)")
    axes.set_ylabel(f"query latency, ms (n_results={scale['n_results']})")
    axes.set_title(
        f"Chroma query latency vs size: SYNTHETIC corpus, {scale['dimension']}-d, {scale['queries']} queries/size"
    )
    finish(figure, axes, machine_line, path)


def finish(figure, axes, machine_line: str, path: Path) -> None:
    """Grid, legend and the machine line under the plot, then saved to ``path`` and closed."""
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.text(0.01, 0.01, machine_line, fontsize=7, color="gray")
    figure.tight_layout(rect=(0, 0.03, 1, 1))
    figure.savefig(path)
    plt.close(figure)
