"""All configuration, read from ``PAINCHAT_*`` environment variables.

Every field documents its default; ``Settings()`` is the only place that reads
the environment, so a test points state at a temp dir by setting env vars.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from painchat.errors import ConfigError
from painchat.guard.texts import DEFAULT_CRISIS_LINE, DEFAULT_EMERGENCY_NUMBER

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Typed settings; unknown ``PAINCHAT_*`` keys passed in code are rejected."""

    model_config = SettingsConfigDict(env_prefix="PAINCHAT_", extra="forbid")

    corpus_dir: Path = Field(
        PROJECT_ROOT / "corpus",
        description="Folder of papers to ingest (Markdown with front matter, JATS XML, PDF).",
    )
    sources_file: Path = Field(
        PROJECT_ROOT / "corpus" / "sources.toml",
        description="Manifest of the papers: citation metadata and what `ingest fetch` downloads.",
    )
    store_dir: Path = Field(
        PROJECT_ROOT / "vectorstore",
        description="Folder of the embedded Chroma store (ignored when chroma_url is set).",
    )
    chroma_url: str | None = Field(
        None, description="URL of a Chroma server, e.g. http://127.0.0.1:8000; empty means embedded."
    )
    collection: str = Field("painchat", description="Name prefix of the Chroma collections.")
    data_dir: Path = Field(
        PROJECT_ROOT / "data", description="Where the chat stores feedback (and opt-in logs)."
    )
    log_questions: bool = Field(
        False, description="Store questions in data_dir/questions.jsonl (no IPs or user ids; off by default)."
    )
    log_retention_days: int = Field(
        30, ge=1, description="Question-log entries older than this many days are dropped on write."
    )
    max_question_chars: int = Field(
        2000, ge=10, description="Longer questions are answered with kind 'invalid'."
    )
    max_history_turns: int = Field(
        20, ge=0, description="Only the last N history turns are read for follow-ups."
    )
    chunk_overlap_sentences: int = Field(
        1, ge=0, le=3, description="Sentences repeated at the start of the next chunk of a section."
    )
    retrieve_k: int = Field(8, ge=1, description="Chunks fused from dense and BM25 retrieval.")
    relevance_threshold: float | None = Field(
        None,
        description="Coverage score below which the answer is 'not_covered'; "
        "empty means the calibrated value in painchat/calibration.json.",
    )
    max_answer_sentences: int = Field(5, ge=1, le=10, description="Sentences quoted in one answer.")
    europepmc_url: str = Field(
        "https://www.ebi.ac.uk/europepmc/webservices/rest",
        description="Base URL of the Europe PMC REST API used by `python -m ingest fetch`.",
    )
    fetch_timeout_s: float = Field(20.0, gt=0, description="Timeout of one HTTP request while fetching.")
    fetch_retries: int = Field(3, ge=0, description="Retries (with exponential backoff) per request.")

    # --- Safety -------------------------------------------------------------------------------
    emergency_number: str = Field(
        DEFAULT_EMERGENCY_NUMBER,
        min_length=1,
        description="Emergency number(s) shown first in every emergency and crisis message, e.g. '999 (UK)'; "
        "the default names 911, 112 and 999.",
    )
    crisis_line: str = Field(
        DEFAULT_CRISIS_LINE,
        min_length=1,
        description="Crisis line shown first in every suicide, self-harm and overdose message; "
        "the default names 988 (US) and Samaritans 116 123 (UK and Ireland).",
    )

    # --- Answering ----------------------------------------------------------------------------

    # --- Language model -----------------------------------------------------------------------

    # --- Reliability: timeouts, locks, limits ---------------------------------------------------

    # --- Chat interface -------------------------------------------------------------------------

    # --- HTTP API and widget --------------------------------------------------------------------

    api_host: str = Field("127.0.0.1", description="Address `python -m painchat serve` listens on.")
    api_port: int = Field(8600, ge=1, le=65535, description="Port `python -m painchat serve` listens on.")
    api_workers: int = Field(
        1, ge=1, le=32, description="uvicorn worker processes; more than one needs chroma_url (a shared Chroma server)."
    )
    allowed_origins: Annotated[tuple[str, ...], NoDecode] = Field(
        (),
        description="Comma-separated origins (https://clinic.example) whose pages may call the API from a browser; "
        "empty means none. There is no wildcard.",
    )
    api_key: SecretStr | None = Field(
        None, description="When set, every /v1 request must send `Authorization: Bearer <key>` (server-to-server)."
    )
    rate_limit_per_minute: float = Field(
        20, ge=0, description="Requests a client (one IP address) may make to /v1 per minute, per worker; 0 turns it off."
    )
    rate_limit_burst: int = Field(5, ge=1, description="Requests a client may make at once before the rate applies.")
    max_body_bytes: int = Field(
        65536, ge=1024, description="Larger request bodies are refused with 413 before they are read further."
    )
    max_history_items: int = Field(
        40, ge=0, description="A request whose history has more turns than this is refused with 413."
    )
    forwarded_allow_ips: str = Field(
        "127.0.0.1",
        description="Proxies whose X-Forwarded-For uvicorn trusts for the client address (rate limiting).",
    )

    @field_validator("allowed_origins", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip().rstrip("/") for part in value.split(",") if part.strip())
        return value


def load_settings() -> Settings:
    """Settings from the environment; a bad value is one ConfigError line, not a traceback."""
    try:
        return Settings()
    except ValidationError as err:
        problems = "; ".join(
            f"PAINCHAT_{'_'.join(str(part) for part in e['loc']).upper()}: {e['msg']}" for e in err.errors()
        )
        raise ConfigError(f"bad setting: {problems}") from err
