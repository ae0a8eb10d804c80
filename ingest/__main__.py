"""``python -m ingest`` builds or updates the store; ``python -m ingest fetch`` downloads the papers."""

from __future__ import annotations

import argparse
import logging
import sys

from ingest.build import build_store
from ingest.fetch import fetch_all
from ingest.manifest import load_manifest
from painchat.errors import PainchatError
from painchat.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument("command", nargs="?", choices=["build", "fetch"], default="build")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or per-paper lines")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    try:
        settings = load_settings()
        if args.command == "fetch":
            paths = fetch_all(settings, load_manifest(settings.sources_file))
            print(f"fetch: {len(paths)} papers written to {settings.corpus_dir}; now run: python -m ingest")
        else:
            print(build_store(settings, progress=not args.quiet).summary())
    except PainchatError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
