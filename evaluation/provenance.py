"""What a report must say about how it was made: the command, the date, the machine, the corpus."""

from __future__ import annotations

import datetime as dt
import os
import platform
import shlex
from collections.abc import Sequence
from dataclasses import dataclass

import psutil

from painchat.models import Coverage, SourceCoverage


@dataclass(frozen=True)
class RunInfo:
    """How a report was made; every table of it is followed by the machine line."""

    command: str
    date: str
    machine: dict

    @classmethod
    def now(cls, module: str, argv: Sequence[str] = ()) -> RunInfo:
        return cls(command(module, argv), today(), machine())

    @property
    def machine_line(self) -> str:
        return machine_line(self.machine)


def machine() -> dict:
    """Facts read at run time, so a table never claims a machine it did not run on."""
    return {
        "cpus": os.cpu_count(),
        "ram_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "gpu": _gpu_name(),
        "cpu_model": _cpu_model(),
        # Other work on the machine skews timings; the load when the run starts says how much.
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }


def machine_line(facts: dict) -> str:
    """One line for under a table."""
    return (
        f"{facts['cpus']} cores ({facts['cpu_model']}), {facts['ram_gib']:g} GiB RAM, "
        f"{facts['gpu'] or 'no GPU'}, Python {facts['python']}, {facts['platform']}, "
        f"load average {facts['load_avg_1m']:g} at start"
    )


def command(module: str, argv: Sequence[str] = ()) -> str:
    """The shell command that reproduces this run, with the PAINCHAT_* settings it saw."""
    settings = [
        f"{key}={shlex.quote(value)}" for key, value in sorted(os.environ.items()) if key.startswith("PAINCHAT_")
    ]
    return " ".join([*settings, "python", "-m", module, *map(shlex.quote, argv)])


def today() -> str:
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")


def corpus_note(coverage: Sequence[SourceCoverage]) -> str:
    """How much of the papers was loaded; results on partial abstracts say little about full texts."""
    details = "; ".join(f"{c.label}: {c.note or c.coverage.value}" for c in coverage)
    if coverage and all(c.coverage == Coverage.ABSTRACT_PARTIAL for c in coverage):
        return f"partial abstracts only ({details})"
    return details or "no papers loaded"


def _gpu_name() -> str | None:
    import torch  # already loaded by the embedding model in every run that reports

    return torch.cuda.get_device_name(0) if torch.cuda.is_available() else None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            models = (line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
            return next(models, "unknown CPU")
    except OSError:
        return platform.processor() or "unknown CPU"
