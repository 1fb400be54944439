"""Fetching pages and feeds from a local server with faults: nothing leaves the machine."""

from __future__ import annotations

import http.server
import threading
import time

import pytest

import dossier
import dossier.pipeline
from dossier.io.fetch import Fetcher, read_urls

ARTICLE = ("<html><head><title>Quay repairs approved</title></head><body><article><h1>Quay repairs approved</h1>"
           + "".join(f"<p>The harbour board of Kessa voted on Monday to repair the northern quay, paragraph {n}, "
                     "said its chairman, Ivo Marek, after a long meeting with the dock workers.</p>" for n in range(8))
           + "</article></body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    state = {"flaky": 0, "feed_version": 1, "article_hits": 0, "not_modified": 0}

    def log_message(self, *args):  # quiet
        pass

    def _send(self, code: int, body: bytes = b"", ctype: str = "text/html", headers: dict | None = None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        p, s = self.path, self.state
        if p == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
        if p in ("/article", "/article2"):
            s["article_hits"] += 1
            if self.headers.get("If-None-Match") == '"v1"':
                s["not_modified"] += 1
                return self._send(304)
            return self._send(200, ARTICLE.replace(b"northern", b"southern" if p == "/article2" else b"northern"),
                              headers={"ETag": '"v1"'})
        if p == "/slow":
            time.sleep(2.5)
            return self._send(200, ARTICLE)
        if p == "/flaky":
            s["flaky"] += 1
            return self._send(500) if s["flaky"] < 3 else self._send(200, ARTICLE)
        if p == "/down":
            return self._send(503)
        if p == "/loop":
            return self._send(302, headers={"Location": "/loop"})
        if p == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(800):  # 50 MB, if anyone read it all
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if p == "/feed.xml":
            items = ['<item><title>Teaser only</title><link>/article2</link><description>Short teaser.</description></item>']
            if s["feed_version"] > 1:
                items.append("<item><title>Second item</title><link>/article</link><description>Another teaser.</description></item>")
            body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kessa Harbour News</title>{"".join(items)}'
                    "</channel></rss>").encode()
            return self._send(200, body, "application/rss+xml")
        return self._send(404, b"not here")


@pytest.fixture
def server():
    Handler.state.update(flaky=0, feed_version=1, article_hits=0, not_modified=0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetcher(tmp_path, **kw):
    return Fetcher(tmp_path / "cache", **{"delay": 0, "timeout": 1, "retries": 2, "backoff": 0.01,
                                          "max_bytes": 1_000_000, **kw})


def test_faults_become_errors_a_user_can_act_on(server, tmp_path):
    urls = [f"{server}/{p}" for p in ("article", "slow", "flaky", "down", "loop", "huge", "private/x", "missing")]
    with fetcher(tmp_path) as f:
        started = time.monotonic()
        records = {r.source.rsplit("/", 1)[-1]: r for r in read_urls(urls, f)}
        assert time.monotonic() - started < 30
    assert records["article"].status == "ok" and "Quay repairs" in records["article"].content
    assert records["flaky"].status == "ok"  # retried past two 500s
    assert "no answer within" in records["slow"].error
    assert "503" in records["down"].error and "try again later" in records["down"].error
    assert "redirect" in records["loop"].error
    assert "larger than" in records["huge"].error
    assert "robots.txt" in records["x"].error
    assert "404" in records["missing"].error


def test_rerun_asks_only_for_what_changed(server, tmp_path):
    with fetcher(tmp_path) as f:
        first = list(read_urls([f"{server}/article"], f))
    with fetcher(tmp_path) as f:
        again = list(read_urls([f"{server}/article"], f))
    assert Handler.state["not_modified"] == 1  # the second fetch was a conditional request answered 304
    assert first[0].digest == again[0].digest


def test_feed_teasers_lead_to_their_pages_and_polls_see_new_items(server, tmp_path):
    (tmp_path / "feeds.txt").write_text(f"# the harbour feed\n{server}/feed.xml\n", encoding="utf-8")
    out = tmp_path / "out"
    first = dossier.pipeline.run_build([str(tmp_path / "feeds.txt")], out, fetch_delay=0)
    ok = [d for d in first.briefing.documents if d.status == "ok"]
    assert len(ok) == 1 and "southern quay" in ok[0].text
    Handler.state["feed_version"] = 2
    second = dossier.pipeline.run_build([str(tmp_path / "feeds.txt")], out, fetch_delay=0)
    assert second.new == 1
    assert len([d for d in second.briefing.documents if d.status == "ok"]) == 2


def test_watch_polls_and_updates_the_dossier(server, tmp_path):
    from typer.testing import CliRunner

    from dossier.cli import app

    (tmp_path / "feeds.txt").write_text(f"{server}/feed.xml\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["watch", str(tmp_path / "out"), "--feeds", str(tmp_path / "feeds.txt"),
                                      "--every", "0s", "--rounds", "2"])
    assert result.exit_code == 0, result.output
    assert result.output.count("new or changed input") == 2
    assert (tmp_path / "out" / "briefing.json").exists()
