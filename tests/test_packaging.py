"""`pip install .` ships the product and every data file it reads, with the pins of requirements.txt."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from painchat.settings import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_the_product_packages_are_declared_and_tooling_is_not():
    assert SETUPTOOLS["packages"]["find"]["include"] == ["painchat*", "ingest*"]
    assert SETUPTOOLS["dynamic"]["dependencies"] == {"file": ["requirements.txt"]}


def shipped(path: str, glob: str) -> bool:
    """setuptools' package-data matching: a ``*`` stays within one folder."""
    parts, pattern = path.split("/"), glob.split("/")
    return len(parts) == len(pattern) and all(fnmatch(part, p) for part, p in zip(parts, pattern))


def test_every_data_file_of_the_package_is_shipped():
    globs = SETUPTOOLS["package-data"]["painchat"]
    package = PROJECT_ROOT / "painchat"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()]
    data = [p for p in data if not p.endswith((".py", ".pyc"))]
    assert {"calibration.json", "guard/semantic.json", "ui/static/icon.png"} <= set(data)
    assert [p for p in data if not any(shipped(p, g) for g in globs)] == []


def test_requirements_txt_holds_only_lines_setuptools_reads():
    lines = [line.strip() for line in (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    requirements = [line for line in lines if line and not line.startswith("#")]
    assert "torch==2.13.0" in requirements
    assert all("==" in line and " " not in line and not line.startswith("-") for line in requirements)
