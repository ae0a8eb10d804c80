"""All configuration, read from ``PAINCHAT_*`` environment variables.

Every field documents its default; ``Settings()`` is the only place that reads
the environment, so a test points state at a temp dir by setting env vars.
Entry points build it through ``load_settings`` (or ``settings_or_exit``), which
turns a bad value into one line. Every number that changes answers is a field
here, grouped by concern; components take them as constructor arguments whose
defaults are these fields' (``default``), and the assistant passes the values.
Values fitted by ``make calibrate`` stay in ``calibration_file``; the
calibration settings override them when set.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlparse

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from painchat.errors import ConfigError
from painchat.guard.semantic import NEAR_TIE
from painchat.guard.texts import DEFAULT_CRISIS_LINE, DEFAULT_EMERGENCY_NUMBER

PROJECT_ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


class Settings(BaseSettings):
    """Typed settings; unknown ``PAINCHAT_*`` keys passed in code are rejected."""

    # No NaN or infinity in any number: a NaN threshold would make every comparison false.
    model_config = SettingsConfigDict(env_prefix="PAINCHAT_", extra="forbid", allow_inf_nan=False)

    # --- Papers, store, data and input limits ---------------------------------------------------
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

    # --- Ingest -------------------------------------------------------------------------------
    chunk_overlap_sentences: int = Field(
        1, ge=0, le=3, description="Sentences repeated at the start of the next chunk of a section."
    )
    europepmc_url: str = Field(
        "https://www.ebi.ac.uk/europepmc/webservices/rest",
        description="Base URL of the Europe PMC REST API used by `python -m ingest fetch`.",
    )
    fetch_timeout_s: float = Field(20.0, gt=0, description="Timeout of one HTTP request while fetching.")
    fetch_retries: int = Field(3, ge=0, description="Retries (with exponential backoff) per request.")

    # --- Retrieval ----------------------------------------------------------------------------
    retrieve_k: int = Field(
        8, ge=1, description="Passages taken from each ranking (dense, best sentence, BM25) and kept after fusion."
    )
    rrf_k: int = Field(
        60, ge=1, description="Reciprocal rank fusion constant: a passage scores 1/(rrf_k + rank) per ranking; "
        "the usual value, it damps the weight of the very top ranks."
    )
    same_source_decay: float = Field(
        0.85, gt=0, le=1, description="Each further passage from an already chosen paper counts this much less "
        "when the fused list is spread across papers (1 = no spreading)."
    )
    passages_for_answer: int = Field(
        6, ge=1, description="Best passages whose sentences are scored as candidates for the answer. With 4, the "
        "answering sentence of 14 of 260 lay tuning questions was in none of them (passage ranks are noisy)."
    )
    sentence_first_look: int = Field(
        4, ge=1, description="Nearest sentences first asked of the store per passage wanted (doubled until enough "
        "distinct passages are found): speed only, the ranking is the same."
    )

    # --- Answering ----------------------------------------------------------------------------
    max_answer_sentences: int = Field(5, ge=1, le=10, description="Sentences quoted in one answer.")
    answer_margin: float = Field(
        0.6,
        ge=0,
        le=1,
        description="An answer quotes every sentence scoring within this of its best one (up to "
        "max_answer_sentences); set on the lay tuning rows for citing the answering sentence.",
    )
    answer_min_score: float = Field(
        0.3, ge=-1, le=3, description="A sentence scoring below this is never quoted, however close to the best one."
    )
    duplicate_similarity: float = Field(
        0.95, ge=-1, le=1, description="Cosine similarity above which two sentences say the same thing: only the "
        "better one is quoted. At 0.9 the small model took the sentences of one paragraph for repeats ('few "
        "guidelines focused on exercise for NP' and 'exercise may be helpful in NP management': 0.918)."
    )
    about_paper_penalty: float = Field(
        0.1, ge=0, le=3, description="Score taken off a sentence describing the paper itself (its aim, its methods) "
        "unless the question asks about the study: findings come first."
    )
    count_bonus: float = Field(
        0.3, ge=0, le=3, description="Score added to a sentence stating a number when the question asks how many: "
        "'how many experts…' is answered by '…21 experts…'. Set on the lay tuning halves (0.3 and 0.5 cite the "
        "answering sentence equally; 0.8 loses one)."
    )
    suggestions_shown: int = Field(
        3, ge=0, le=8, description="Checked example questions offered with a 'not covered' or 'out of scope' answer."
    )
    follow_up_max_words: int = Field(
        5, ge=0, description="A question of at most this many content words that leans on the conversation "
        "('and how often?') is read with the question that set the topic."
    )
    follow_up_bare_words: int = Field(
        3, ge=0, description="A how/why question this short ('how many times a week?') has no topic of its own "
        "and is a follow-up."
    )
    min_key_term_letters: int = Field(
        3, ge=1, description="Words shorter than this are never named as missing from the papers."
    )
    min_shared_prefix: int = Field(
        5, ge=1, description="A word sharing a prefix this long with a word of the papers (and differing in at "
        "most max_suffix_letters more) is another form of it, not missing ('diabetic' / 'diabetes')."
    )
    max_suffix_letters: int = Field(3, ge=0, description="See min_shared_prefix.")
    min_salience: float = Field(
        0.045, ge=0, le=2, description="A missing word is a key term of the question when leaving it out moves the "
        "question's embedding at least this far (1 - cosine); set on the calibration set's questions."
    )

    # --- Calibration --------------------------------------------------------------------------
    # The answer-shape cuts and the lexical weight are fitted by `make calibrate` (python -m
    # evaluation.calibrate) on the lay sets' tuning rows and stored in calibration_file; each
    # setting below, when set, overrides the fitted value (for experiments: `make eval` shows the effect).
    calibration_file: Path = Field(
        PROJECT_ROOT / "painchat" / "calibration.json",
        description="The fitted answer-shape cuts and lexical weight (written by `make calibrate`).",
    )
    relevance_threshold: float | None = Field(
        None,
        gt=0,
        lt=1,
        description="Coverage score (0 to 1, exclusive) below which the answer is 'not_covered'; "
        "empty means the calibrated value in calibration_file.",
    )
    direct_threshold: float | None = Field(
        None, ge=0, le=3, description="Best-sentence score at or above which a question with no missing key term "
        "gets a direct answer (below: related evidence); empty means the calibrated value."
    )
    absent_weight: float | None = Field(
        None, ge=0, le=20, description="How much a question's absent meaning (1 - cosine between its reading and the "
        "reading without the words the papers never use) lowers its coverage score; empty means the calibrated value."
    )
    lexical_weight: float | None = Field(
        None, ge=0, le=5, description="Weight of the IDF-weighted word match added to a sentence's embedding "
        "similarity in its score; empty means the calibrated value."
    )

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
    crisis_note_probability: float = Field(
        0.5, ge=0, le=1.01, description="An answer to a message the semantic guard reads as nearest to suicide or "
        "self-harm, with an emergency probability of at least this (below its alarm threshold) and an emergency among "
        "its 5 nearest bank examples, ends with a line naming the crisis line. At 0.5: 4 % of the English ordinary "
        "messages of the safety tuning halves and 1.4 % of the lay questions get it, and 4 of the 21 crises round 13's "
        "tuning half first missed; above 1 it is never added.",
    )
    crisis_note_window_probability: float = Field(
        0.7, ge=0, le=1.01, description="The same for one window of a long message (a crisis told in the middle of a "
        "story): at 0.7 the note reaches 9 of those 21 crises, and 9 % of the tuning halves' ordinary messages (long "
        "stories of tears and grief among them) instead of 4 %; above 1, windows are not read for it.",
    )
    emergency_near_tie: float = Field(
        NEAR_TIE, ge=0, le=2, description="The semantic guard names every emergency category whose examples are within "
        "this cosine similarity of the nearest one (its alarm threshold is fitted in painchat/guard/semantic.json)."
    )

    # --- Language model -----------------------------------------------------------------------
    llm: str = Field(
        "none",
        description="'none' (extractive answers only) or a LangChain init_chat_model provider "
        "(openai, ollama, anthropic, …) that rewrites answers in plain words; its key comes from the "
        "provider's usual variable (OPENAI_API_KEY, …).",
    )
    llm_model: str | None = Field(None, description="Model name passed to the provider, e.g. gpt-4o-mini or llama3.2.")
    llm_base_url: str | None = Field(
        None, description="Base URL of the provider's API, e.g. http://127.0.0.1:8080/v1 for any OpenAI-compatible server."
    )
    llm_timeout_s: float = Field(
        30.0, gt=0, description="Seconds one model call (or a pause in its stream) may take before the extractive answer is shown."
    )
    llm_retry_after_s: float = Field(
        60.0, ge=0, description="After a failed model call, answers stay extractive this long before the model is tried again."
    )
    llm_max_tokens: int = Field(400, ge=16, description="Longest generated answer, in the model's tokens.")
    llm_min_similarity: float = Field(
        0.84,
        ge=-1,
        le=1,
        description="A generated sentence's MiniLM cosine similarity to its cited sources must reach this; "
        "fitted on the calibration rows of tests/data/generation_eval.jsonl (python -m evaluation.fit_validator; "
        "numbers in docs/EVAL.md).",
    )
    llm_min_overlap: float = Field(
        0.35,
        ge=0,
        le=1,
        description="Share of a generated sentence's content words found in its cited sources; "
        "fitted with llm_min_similarity on tests/data/generation_eval.jsonl.",
    )
    llm_min_sentences: int = Field(
        1, ge=1, description="Fewer validated sentences than this and the extractive answer is shown instead."
    )


    # --- Reliability: timeouts, locks, limits ---------------------------------------------------
    chroma_timeout_s: float = Field(
        10.0, gt=0, le=600, description="Seconds a Chroma server may take to answer one request before the answer fails."
    )
    store_lock_wait_s: float = Field(
        600.0, ge=0, description="Seconds `ask` waits for another ingest to finish before building a missing store itself."
    )
    store_check_interval_s: float = Field(
        5.0, ge=0, description="How often (seconds) a running front end checks whether a new store build is live."
    )
    max_json_bytes: int = Field(
        1_000_000, ge=1000, description="Largest --history file or --batch line read, in bytes."
    )
    max_json_depth: int = Field(8, ge=2, le=100, description="Deepest nesting of lists and objects read from JSON input.")
    max_history_turn_chars: int = Field(
        20_000, ge=100, description="A history turn longer than this makes the history 'invalid' (answers are shorter)."
    )
    max_corpus_file_mb: float = Field(
        25.0, gt=0, description="Larger paper files stop the ingest with an error naming the file."
    )
    feedback_retention_days: int = Field(
        365, ge=1, description="Feedback entries older than this many days are dropped."
    )

    @field_validator("chroma_url", mode="before")
    @classmethod
    def _empty_url_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("chroma_url", "europepmc_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        """Without this, "chroma:8000" would be read as a path and silently reach localhost."""
        if value is None:
            return value
        url = urlparse(value)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8000 (got {value!r})")
        return value

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


# ``PAINCHAT_*`` names read elsewhere (the Makefile, the tests); anything else unknown is a typo.
OTHER_ENV_NAMES = {"PAINCHAT_HOST", "PAINCHAT_PORT", "PAINCHAT_TEST_CORPUS"}
_warned: set[str] = set()


def default(name: str) -> Any:
    """The documented default of setting ``name``: what a component uses when built without settings."""
    return Settings.model_fields[name].default


def unknown_env_names(environ: Mapping[str, str] = os.environ) -> list[str]:
    known = {f"PAINCHAT_{name.upper()}" for name in Settings.model_fields} | OTHER_ENV_NAMES
    return sorted(name for name in environ if name.upper().startswith("PAINCHAT_") and name.upper() not in known)


def load_settings() -> Settings:
    """Settings from the environment; a bad value is one ConfigError line, not a traceback.

    Misspelt ``PAINCHAT_*`` names are warned about once per process: they would be ignored.
    """
    for name in unknown_env_names():
        if name not in _warned:
            _warned.add(name)
            log.warning("warning: %s is not a painchat setting and is ignored (see the README's configuration table)", name)
    try:
        return Settings()
    except ValidationError as err:
        problems = "; ".join(
            f"PAINCHAT_{'_'.join(str(part) for part in e['loc']).upper()}: {e['msg']}" for e in err.errors()
        )
        raise ConfigError(f"bad setting: {problems}") from err


def settings_or_exit() -> Settings:
    """``load_settings`` for command-line tools: a bad setting ends the process with one line on stderr (exit 1)."""
    try:
        return load_settings()
    except ConfigError as err:
        raise SystemExit(f"error: {err}") from None
