"""``python -m ingest fetch``: download each paper's full text (JATS XML) from Europe PMC."""

from __future__ import annotations

import http.client
import json
import logging
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

from ingest.loaders.common import clean_text
from painchat.errors import FetchError, OfflineError
from painchat.settings import Settings

log = logging.getLogger(__name__)

BACKOFF_S = 1.0  # wait before the first retry; doubles with every further one
USER_AGENT = "painchat-ingest"
# URLError and timeouts are OSErrors; a connection dropped mid-answer is an HTTPException.
NETWORK_ERRORS = (OSError, http.client.HTTPException)


def fetch_all(settings: Settings, manifest: dict[str, dict], *, backoff_s: float = BACKOFF_S) -> list[Path]:
    """Download every paper of the manifest to ``<corpus_dir>/<id>.xml``; returns the files written."""
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    europepmc = _EuropePmc(settings, backoff_s)
    return [_fetch_one(europepmc, entry, settings.corpus_dir) for entry in manifest.values()]


def _fetch_one(europepmc: _EuropePmc, entry: dict, corpus_dir: Path) -> Path:
    source_id = entry["id"]
    pmcid = entry.get("pmcid") or europepmc.pmcid_for(source_id, entry.get("doi"))
    xml = europepmc.full_text(source_id, pmcid)
    target = corpus_dir / f"{source_id}.xml"
    _write_atomically(target, xml)
    log.info("%s: %s full text, %d kB → %s", source_id, pmcid, len(xml) // 1024, target)
    return target


def _write_atomically(target: Path, data: bytes) -> None:
    # An interrupted download must not leave a truncated paper that the next build would ingest.
    partial = target.with_name(f".{target.name}.part")
    partial.write_bytes(data)
    partial.replace(target)


class _EuropePmc:
    """The two Europe PMC REST calls ``fetch`` needs, with retries and one-line errors."""

    def __init__(self, settings: Settings, backoff_s: float) -> None:
        self.base_url = settings.europepmc_url.rstrip("/")
        self.settings = settings
        self.backoff_s = backoff_s

    def pmcid_for(self, source_id: str, doi: str | None) -> str:
        if not doi:
            raise FetchError(f"{source_id}: the manifest gives neither a pmcid nor a doi")
        query = urllib.parse.urlencode({"query": f'DOI:"{doi}"', "format": "json", "resultType": "lite"})
        body = self.get(f"{self.base_url}/search?{query}", source_id)
        try:
            results = json.loads(body)["resultList"]["result"]
        except (ValueError, KeyError, TypeError) as err:
            raise FetchError(f"{source_id}: Europe PMC search answered something that is not its JSON") from err
        pmcid = results[0].get("pmcid") if results else None
        if not pmcid:
            raise FetchError(f"{source_id}: Europe PMC has no PMCID (no open full text) for DOI {doi}")
        return pmcid

    def full_text(self, source_id: str, pmcid: str) -> bytes:
        url = f"{self.base_url}/{pmcid}/fullTextXML"
        xml = self.get(url, source_id)
        try:
            root_tag = ET.fromstring(xml).tag.rpartition("}")[2]
        except ET.ParseError as err:
            raise FetchError(f"{source_id}: {url} did not answer XML ({err})") from err
        if root_tag != "article":
            raise FetchError(f"{source_id}: {url} answered <{root_tag}>, not a JATS <article>")
        return xml

    def get(self, url: str, source_id: str) -> bytes:
        """The body of ``url``; HTTP errors name the paper, network errors say how to work offline."""
        try:
            return self._get_with_retries(url)
        except urllib.error.HTTPError as err:
            raise FetchError(f"{source_id}: {url} answered HTTP {err.code} {err.reason}") from err
        except NETWORK_ERRORS as err:
            if isinstance(err, TimeoutError) or isinstance(getattr(err, "reason", None), TimeoutError):
                raise FetchError(
                    f"{source_id}: Europe PMC at {self.base_url} did not answer within "
                    f"{self.settings.fetch_timeout_s:g} s (PAINCHAT_FETCH_TIMEOUT_S)"
                ) from err
            reason = clean_text(str(getattr(err, "reason", err)))
            raise OfflineError(
                f"cannot reach Europe PMC at {self.base_url} ({reason}): no network? Put the papers' JATS XML "
                f"or PDF files into {self.settings.corpus_dir} or point PAINCHAT_CORPUS_DIR at a folder that has them."
            ) from err

    def _get_with_retries(self, url: str) -> bytes:
        attempt = 0
        while True:
            try:
                return _get_once(url, self.settings.fetch_timeout_s)
            except NETWORK_ERRORS as err:
                if attempt >= self.settings.fetch_retries or not _is_transient(err):
                    raise
                delay = self.backoff_s * 2**attempt
                log.info("%s failed (%s); retrying in %.1f s", url, err, delay)
                time.sleep(delay)
            attempt += 1


def _get_once(url: str, timeout_s: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout_s) as response:
        return response.read()


def _is_transient(err: Exception) -> bool:
    """Server trouble and network errors may pass; a 4xx (say, no full text: 404) will not."""
    if isinstance(err, urllib.error.HTTPError):
        return err.code >= 500 or err.code == 429
    # A host name that does not resolve (typically: no network) will not resolve seconds later either.
    return not isinstance(getattr(err, "reason", None), socket.gaierror)
