"""Every entry point builds its settings through the one loader: a bad variable is one line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from painchat.settings import PROJECT_ROOT

BAD = {"PAINCHAT_RETRIEVE_K": "zero"}
EXPECTED = "error: bad setting: PAINCHAT_RETRIEVE_K: Input should be a valid integer"


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


# Entry points that fail before loading the model: quick enough for a fresh process each.
@pytest.mark.parametrize(
    "command",
    [
        ["painchat", "ask", "What is allodynia?"],
        ["painchat", "serve"],
        ["painchat.api.openapi"],
        ["evaluation.safety"],
    ],
    ids=lambda command: " ".join(command),
)
def test_a_bad_variable_is_one_line_in_a_fresh_process(command):
    run = subprocess.run(
        [sys.executable, "-m", *command],
        env={**os.environ, **BAD},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1 and not run.stdout
    assert one_line(run.stderr).startswith(EXPECTED)


# Entry points whose imports take seconds in a fresh process (the model, plotting): their main, in this one.
@pytest.mark.parametrize("module", ["evaluation.__main__", "evaluation.calibrate", "bench.__main__"])
def test_a_bad_variable_stops_a_tool_with_one_line(module, monkeypatch):
    main = __import__(module, fromlist=["main"]).main
    monkeypatch.setenv(*next(iter(BAD.items())))
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert one_line(str(stopped.value.code)).startswith(EXPECTED)


def test_a_bad_variable_stops_ingest_with_one_line(monkeypatch, capsys):
    from ingest.__main__ import main

    monkeypatch.setenv(*next(iter(BAD.items())))
    assert main(["--quiet"]) == 1
    assert one_line(capsys.readouterr().err).startswith(EXPECTED)


def test_the_api_app_refuses_a_bad_variable_with_the_loaders_error(monkeypatch):
    from painchat.api.app import create_app
    from painchat.errors import ConfigError

    monkeypatch.setenv(*next(iter(BAD.items())))
    with pytest.raises(ConfigError, match="^bad setting: PAINCHAT_RETRIEVE_K"):
        create_app()


def test_no_entry_point_builds_settings_from_the_environment_itself():
    """``Settings(...)`` with overrides is fine (tests, benches); a bare ``Settings()`` skips the loader."""
    sources = [*PROJECT_ROOT.glob("painchat/**/*.py"), *PROJECT_ROOT.glob("ingest/**/*.py"),
               *PROJECT_ROOT.glob("bench/**/*.py"), *PROJECT_ROOT.glob("devtools/**/*.py"), PROJECT_ROOT / "app.py"]
    bare = [p.relative_to(PROJECT_ROOT) for p in sources if "Settings()" in p.read_text(encoding="utf-8")]
    assert bare == [PROJECT_ROOT.joinpath("painchat", "settings.py").relative_to(PROJECT_ROOT)]
