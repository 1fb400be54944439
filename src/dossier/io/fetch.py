"""Article pages and RSS/Atom feeds from the web, fetched politely, with a cache in the dossier folder.

Polite means: robots.txt is obeyed, one request per host at a time with a
pause between them, timeouts, a few retries with growing pauses on server
errors, a size cap read as the bytes arrive, and conditional requests
(ETag / Last-Modified) so that a re-run transfers only what changed.  Every
URL becomes a record; a fetch that fails becomes an error record that says
why, in words a user can act on.
"""

from __future__ import annotations

import hashlib
import json
import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from dossier.io.decode import DecodeError, decode_bytes, html_declared_charset
from dossier.io.feeds import read_feed
from dossier.io.files import digest
from dossier.model import RawRecord, RecordMeta

USER_AGENT = "Dossier/0.1 (+news briefing tool; polite fetcher)"
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")


@dataclass
class Fetched:
    url: str
    final_url: str | None = None
    content: bytes | None = None
    content_type: str = ""
    error: str | None = None
    not_modified: bool = False  # the cache's copy is current (HTTP 304)


class Fetcher:
    """One fetching session: a cache folder, per-host pacing, robots.txt rules."""

    def __init__(self, cache_dir: Path, delay: float = 1.0, timeout: float = 10.0, retries: int = 2,
                 max_bytes: int = 10_000_000, backoff: float = 0.5):
        self.cache_dir = cache_dir
        self.delay, self.timeout, self.retries, self.max_bytes, self.backoff = delay, timeout, retries, max_bytes, backoff
        self.client = httpx.Client(follow_redirects=True, max_redirects=5, timeout=timeout,
                                   headers={"User-Agent": USER_AGENT})
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the rules ------------------------------------------------------------------------

    def _pace(self, host: str) -> None:
        wait = self.last_request.get(host, 0.0) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self.last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            rp = urllib.robotparser.RobotFileParser()
            try:
                self._pace(parts.netloc)
                r = self.client.get(root + "/robots.txt", timeout=self.timeout)
                if r.status_code >= 400:
                    rp = None  # no robots.txt: everything is allowed
                else:
                    rp.parse(r.text.splitlines())
            except httpx.HTTPError:
                rp = None
            self.robots[root] = rp
        rp = self.robots[root]
        return rp is None or rp.can_fetch(USER_AGENT, url)

    # --- the cache ------------------------------------------------------------------------

    def _cache_paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode()).hexdigest()[:32]
        return self.cache_dir / f"{key}.json", self.cache_dir / f"{key}.body"

    def _cached(self, url: str) -> tuple[dict, bytes | None]:
        meta_path, body_path = self._cache_paths(url)
        if meta_path.exists() and body_path.exists():
            return json.loads(meta_path.read_text()), body_path.read_bytes()
        return {}, None

    def _store(self, url: str, response: httpx.Response, body: bytes) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        meta_path, body_path = self._cache_paths(url)
        body_path.write_bytes(body)
        meta = {"url": url, "final_url": str(response.url), "etag": response.headers.get("etag"),
                "last_modified": response.headers.get("last-modified"),
                "content_type": response.headers.get("content-type", "")}
        meta_path.write_text(json.dumps(meta))

    # --- fetching -------------------------------------------------------------------------

    def fetch(self, url: str) -> Fetched:
        if urlsplit(url).scheme not in ("http", "https"):
            return Fetched(url, error="only http and https addresses can be fetched")
        if not self.allowed(url):
            return Fetched(url, error="the site's robots.txt does not allow fetching this page")
        meta, cached = self._cached(url)
        headers = {}
        if cached is not None:
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        error = "no response"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            self._pace(urlsplit(url).netloc)
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    if r.status_code == 304 and cached is not None:
                        return Fetched(url, meta.get("final_url"), cached, meta.get("content_type", ""), not_modified=True)
                    if r.status_code >= 500 or r.status_code == 429:
                        error = f"the server answered {r.status_code} {r.reason_phrase} ({attempt + 1} tries); try again later"
                        continue
                    if r.status_code >= 400:
                        return Fetched(url, str(r.url), error=f"the server answered {r.status_code} {r.reason_phrase}")
                    body = bytearray()
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            return Fetched(url, str(r.url), error=f"response larger than the {self.max_bytes // 1_000_000} MB limit; "
                                                                  "pass --max-bytes to raise it")
                    self._store(url, r, bytes(body))
                    return Fetched(url, str(r.url), bytes(body), r.headers.get("content-type", ""))
            except httpx.TooManyRedirects:
                return Fetched(url, error="too many redirects (a redirect loop?): the address does not lead to a page")
            except httpx.TimeoutException:
                error = f"no answer within {self.timeout:g} s ({attempt + 1} tries); the site may be slow or down"
            except httpx.HTTPError as exc:
                error = f"could not connect ({type(exc).__name__}); check the address and the network"
        return Fetched(url, error=error)


def is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme in ("http", "https") and " " not in text.strip()


def url_list(path: Path) -> list[str] | None:
    """The URLs of a list file (one per line, # comments), or None if the file is not such a list."""
    try:
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return lines if lines and all(is_url(ln) for ln in lines) else None


def read_urls(urls: list[str], fetcher: Fetcher) -> Iterator[RawRecord]:
    """A record per article page; a feed gives its entries, and the pages of entries that are only teasers."""
    for url in urls:
        got = fetcher.fetch(url)
        if got.error or got.content is None:
            yield RawRecord(url, "text", None, digest(f"{url}\0{got.error}".encode()), RecordMeta(url=url),
                            status="error", error=f"fetch failed: {got.error}")
            continue
        if _is_feed(got):
            yield from _feed_records(url, got, fetcher)
        else:
            yield _page_record(url, got)


def _is_feed(got: Fetched) -> bool:
    head = got.content[:2048].lstrip().lower() if got.content else b""
    return any(t in got.content_type for t in _FEED_TYPES) or head.startswith(b"<?xml") and (
        b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def _page_record(url: str, got: Fetched) -> RawRecord:
    data = got.content or b""
    try:
        content = decode_bytes(data, html_declared_charset(data))
    except DecodeError:
        return RawRecord(url, "text", None, digest(data), RecordMeta(url=got.final_url or url), status="error",
                         error="the page is not text (binary or undecodable)")
    return RawRecord(url, "html", content, digest(data), RecordMeta(url=got.final_url or url))


def _feed_records(url: str, got: Fetched, fetcher: Fetcher) -> Iterator[RawRecord]:
    for record in read_feed(got.content or b"", url):
        link = record.meta.url
        if record.status == "skipped" and link and is_url(urljoin(url, link)):
            # a teaser entry: the article is on the page it links to
            page = fetcher.fetch(urljoin(url, link))
            if page.error or page.content is None:
                yield RawRecord(record.source, "text", None, record.digest, record.meta, status="error",
                                error=f"fetch of the entry's page failed: {page.error}")
            else:
                rec = _page_record(link, page)
                yield RawRecord(record.source, rec.format, rec.content, rec.digest,
                                replace(record.meta, url=rec.meta.url), rec.status, rec.error)
        else:
            yield record
