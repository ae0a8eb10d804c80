"""The chat model named in the settings, through LangChain's ``init_chat_model``; None when off or unusable."""

from __future__ import annotations

import logging
import os

from langchain_core.language_models import BaseChatModel

from painchat.settings import Settings

log = logging.getLogger(__name__)

OFF = "none"
# OpenAI-compatible local servers (llama.cpp, vLLM, …) ignore the key, but the client insists on one.
PLACEHOLDER_KEY = "not-needed"


def chat_model(settings: Settings) -> BaseChatModel | None:
    """The configured model, or None (logged once, here) when it is off or cannot be set up."""
    if settings.llm.strip().lower() == OFF:
        return None
    if not settings.llm_model:
        log.warning("PAINCHAT_LLM=%s but PAINCHAT_LLM_MODEL is empty: answers stay extractive", settings.llm)
        return None
    options: dict = {
        "model_provider": settings.llm,
        "temperature": 0,
        "timeout": settings.llm_timeout_s,
        "max_retries": 0,  # a failure falls back to the extractive answer at once; retrying only delays it
        "max_tokens": settings.llm_max_tokens,
    }
    if settings.llm_base_url:
        options["base_url"] = settings.llm_base_url
        if settings.llm == "openai" and not os.environ.get("OPENAI_API_KEY"):
            options["api_key"] = PLACEHOLDER_KEY
    try:
        from langchain.chat_models import init_chat_model

        return init_chat_model(settings.llm_model, **options)
    except Exception as err:  # noqa: BLE001 — any provider's setup error means "no model", never a crash
        log.warning("language model %s:%s cannot be set up (%s): answers stay extractive", settings.llm,
                    settings.llm_model, err)
        return None
