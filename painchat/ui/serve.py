"""``python -m painchat.ui.serve [streamlit run options]``: the chat server, warm before anyone visits.

Starts loading the model and the store in a background thread, then runs ``streamlit run app.py``
in this same process, so the first visitor finds them loaded (the page itself draws at once
either way; a visitor who comes earlier sees a progress message).
"""

from __future__ import annotations

import sys

from painchat.errors import PainchatError
from painchat.settings import PROJECT_ROOT, load_settings
from painchat.ui.resources import start_loading


def main(argv: list[str]) -> int:
    try:
        start_loading(load_settings())
    except PainchatError as err:  # a bad setting: the page shows it to each visitor in plain words
        print(f"painchat: {err}", file=sys.stderr)
    from streamlit.web import cli

    return cli.main(["run", str(PROJECT_ROOT / "app.py"), *argv], prog_name="streamlit", standalone_mode=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
