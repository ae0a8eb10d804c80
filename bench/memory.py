"""Resident memory of the Streamlit server: after a plain page request, then after a browser session.

A plain HTTP request only fetches the static page; Streamlit runs app.py (and so loads the model)
when a browser opens its websocket, so a headless Chromium session is measured too when one exists.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.processes import http_get, peak_rss_mib, stop, tree_rss_mib, wait_until
from devtools.loopback import free_port
from painchat.settings import PROJECT_ROOT

APP = PROJECT_ROOT / "app.py"
STREAMLIT = Path(sys.executable).with_name("streamlit")
READY_TIMEOUT_S = 90
SETTLE_S = 5.0  # RSS unchanged (within 1 MiB) this long: the session's script has finished loading
SESSION_TIMEOUT_S = 180


def streamlit_command(port: int) -> list[str]:
    return [
        str(STREAMLIT), "run", str(APP), "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip


def streamlit_memory(env: dict[str, str]) -> dict:
    if not APP.exists():
        return {"status": "app.py not present"}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            streamlit_command(port), env=env, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            if not wait_until(lambda: http_get(f"{base}/_stcore/health")[1].strip() == b"ok", READY_TIMEOUT_S, server):
                log.seek(0)
                return {"status": "server did not become healthy", "log": log.read().decode()[-2000:]}
            status, page = http_get(base)
            result = {
                "status": "measured",
                "command": " ".join(streamlit_command(port)),
                "page_status": status,
                "page_bytes": len(page),
                "after_page_request": _memory(server.pid),
            }
            result["after_browser_session"] = browser_session(base, server.pid)
            return result
        finally:
            stop(server)


def browser_session(url: str, pid: int) -> dict:
    """Open the page in headless Chromium and wait until the server's memory settles."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"status": "skipped: playwright not installed"}
    if not chromium:
        return {"status": "skipped: no chromium on PATH"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        try:
            page = browser.new_page()
            started = time.monotonic()
            page.goto(url, wait_until="networkidle")
            settled = _settle(pid)
            seconds = round(time.monotonic() - started, 1)
            return {"status": "measured" if settled else "did not settle", "seconds": seconds, **_memory(pid)}
        finally:
            browser.close()


def _settle(pid: int) -> bool:
    deadline = time.monotonic() + SESSION_TIMEOUT_S
    last, since = tree_rss_mib(pid), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = tree_rss_mib(pid)
        if abs(now - last) > 1.0:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= SETTLE_S:
            return True
    return False


def _memory(pid: int) -> dict:
    return {"rss_mib": round(tree_rss_mib(pid), 1), "peak_rss_mib": _rounded(peak_rss_mib(pid))}


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
