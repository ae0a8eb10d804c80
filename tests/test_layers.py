"""Imports run one way: tooling → front ends → ingest → the answering core (README, "How it works").

The product is the packages `pip install .` ships (painchat, ingest) and app.py; evaluation, benchmarks and
test support sit beside it and are never imported by it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from painchat.settings import PROJECT_ROOT

# Inside painchat/ but above the core.
FRONT_ENDS = ("painchat.ui", "painchat.api", "painchat.cli", "painchat.__main__")
# Evaluation, fitting, test, benchmark and UI tooling: outside the product, which never needs them.
TOOLING = ("evaluation", "devtools", "bench", "tests", "scripts", "pytest", "playwright", "matplotlib")
UI = ("streamlit", "fastapi", "uvicorn", "starlette")


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every absolute module an import statement in the file names, at any depth (lazy imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def under(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def modules(package: str) -> dict[str, set[str]]:
    return {module_name(p): imported(p) for p in sorted((PROJECT_ROOT / package).rglob("*.py"))}


PRODUCT = {**modules("painchat"), **modules("ingest"), "app": imported(PROJECT_ROOT / "app.py")}
CORE = {m: names for m, names in PRODUCT.items() if m.startswith("painchat") and not under(m, FRONT_ENDS)}


def offending(graph: dict[str, set[str]], forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {m: sorted(n for n in names if under(n, forbidden)) for m, names in graph.items()}
    return {m: names for m, names in found.items() if names}


def test_the_parser_sees_lazy_imports():
    assert "ingest.build" in PRODUCT["painchat.cli"]  # imported inside a function


def test_the_answering_core_imports_no_front_end_tool_or_ingest():
    assert len(CORE) > 20
    assert offending(CORE, FRONT_ENDS + ("ingest",)) == {}


@pytest.mark.parametrize("forbidden", [UI, TOOLING], ids=["ui", "tooling"])
def test_the_answering_core_imports_no_ui_or_tooling(forbidden):
    assert offending(CORE, forbidden) == {}


def test_ingest_depends_on_the_core_only():
    ingest = {m: names for m, names in PRODUCT.items() if m.startswith("ingest")}
    assert offending(ingest, FRONT_ENDS + UI + TOOLING) == {}


def test_the_product_never_imports_test_or_bench_tooling():
    assert offending(PRODUCT, TOOLING) == {}


def test_devtools_support_tests_and_bench_without_importing_them():
    assert offending(modules("devtools"), ("bench", "tests", "scripts")) == {}
