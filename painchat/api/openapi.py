"""``python -m painchat.api.openapi``: writes the API's OpenAPI schema to docs/openapi.json (committed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from painchat.settings import PROJECT_ROOT, settings_or_exit

OPENAPI_FILE = PROJECT_ROOT / "docs" / "openapi.json"


def schema() -> dict:
    from painchat.api.app import create_app

    return create_app(settings_or_exit()).openapi()  # the schema does not depend on settings or a loaded store


def main(path: Path = OPENAPI_FILE) -> int:
    path.write_text(json.dumps(schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
