"""``python -m painchat serve``: uvicorn with the API, one model and store per worker."""

from __future__ import annotations

from painchat.errors import ConfigError
from painchat.settings import Settings

APP_FACTORY = "painchat.api.app:create_app"


def serve(settings: Settings, host: str | None = None, port: int | None = None, workers: int | None = None) -> None:
    """Runs until interrupted. Several workers each load the model and share one Chroma server."""
    import uvicorn

    workers = workers or settings.api_workers
    if workers > 1 and not settings.chroma_url:
        # Embedded Chroma is one process's SQLite file; workers must share a server instead.
        raise ConfigError("several workers need PAINCHAT_CHROMA_URL (a shared `chroma run` server)")
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        access_log=False,  # access logs hold IP addresses; painchat stores none
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        server_header=False,
        log_level="info",
    )
