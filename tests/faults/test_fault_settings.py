"""Settings are validated: numbers finite and in range, URLs with a scheme, misspelt names warned about."""

from __future__ import annotations

import logging

import pytest

from painchat import settings as settings_module
from painchat.errors import ConfigError
from painchat.settings import load_settings


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "2", "-1", "0", "1"])
def test_a_threshold_outside_0_to_1_or_not_finite_is_one_config_error(monkeypatch, value):
    monkeypatch.setenv("PAINCHAT_RELEVANCE_THRESHOLD", value)
    with pytest.raises(ConfigError, match="PAINCHAT_RELEVANCE_THRESHOLD"):
        load_settings()


def test_timeouts_must_be_finite(monkeypatch):
    monkeypatch.setenv("PAINCHAT_CHROMA_TIMEOUT_S", "inf")
    with pytest.raises(ConfigError, match="PAINCHAT_CHROMA_TIMEOUT_S"):
        load_settings()


@pytest.mark.parametrize("url", ["127.0.0.1:8000", "chroma-host", "ftp://host", "http://"])
def test_a_url_without_http_scheme_and_host_is_refused(monkeypatch, url):
    monkeypatch.setenv("PAINCHAT_CHROMA_URL", url)
    with pytest.raises(ConfigError, match="PAINCHAT_CHROMA_URL.*http://"):
        load_settings()


def test_an_empty_chroma_url_means_embedded(monkeypatch):
    monkeypatch.setenv("PAINCHAT_CHROMA_URL", "")
    assert load_settings().chroma_url is None


def test_a_misspelt_name_is_warned_about_once(monkeypatch, caplog):
    monkeypatch.setenv("PAINCHAT_RELEVANCE_TRESHOLD", "0.5")
    monkeypatch.setattr(settings_module, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="painchat.settings"):
        load_settings()
        load_settings()
    warnings = [r.getMessage() for r in caplog.records if "PAINCHAT_RELEVANCE_TRESHOLD" in r.getMessage()]
    assert len(warnings) == 1 and "not a painchat setting" in warnings[0]
