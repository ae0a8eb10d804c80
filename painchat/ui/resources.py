"""The one ``Assistant`` of a chat server process, loaded in the background as soon as possible.

``python -m painchat.ui.serve`` calls :func:`start_loading` before the server accepts anyone, so
the first visitor finds the model and store ready; the app calls it too (idempotent), so a plain
``streamlit run app.py`` loads on the first visit. Every session shares the same instance, which
answers without a global lock (``Assistant.answer`` keeps no per-call state on the instance).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from painchat.settings import Settings

_lock = threading.Lock()
_loading: dict[str, Future] = {}  # by the settings' JSON: other settings (tests) get their own


def _run(future: Future, settings: Settings) -> None:
    try:
        from painchat.assistant import Assistant  # heavy (torch): imported in the loading thread

        future.set_result(Assistant(settings))
    except BaseException as err:  # noqa: BLE001 - not swallowed: handed to whoever waits, shown there
        future.set_exception(err)


def start_loading(settings: Settings) -> Future:
    """The loading (or loaded) assistant for ``settings``; the first call starts a daemon thread.

    A failed load is not kept: the next call tries again (for example after the store was rebuilt).
    """
    key = settings.model_dump_json()
    with _lock:
        future = _loading.get(key)
        if future is None or (future.done() and future.exception() is not None):
            future = _loading[key] = Future()
            threading.Thread(target=_run, args=(future, settings), name="painchat-load", daemon=True).start()
        return future
