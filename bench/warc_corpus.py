"""CC-NEWS-like WARC.gz files from a benchmark corpus: the input Dossier meets in a news crawl.

    .venv/bin/python bench/warc_corpus.py DIR [--per-file 1000]   # DIR holds corpus.jsonl from bench/corpus.py

Each article of ``corpus.jsonl`` (with its copies, spins and furniture) becomes
a WARC request record and an HTML response record, as in CC-NEWS dumps: the
page wrapped in a site's navigation and footer, with a title and a publication
date in its metadata.  Written to DIR/warc/news-NNNNN.warc.gz.
"""

from __future__ import annotations

import argparse
import html
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(rec: dict) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in rec["text"].split("\n\n") if p.strip())
    title = html.escape(rec.get("title") or "")
    outlet = html.escape(rec.get("outlet") or "News")
    published = html.escape(rec.get("published") or "")
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            f'<meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{published}"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>'
            f"<article><h1>{title}</h1>{paras}</article>"
            f"<footer>© {outlet}. All rights reserved. <a href=\"/privacy\">Privacy</a></footer></body></html>").encode()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--per-file", type=int, default=1000)
    args = ap.parse_args()
    out = args.folder / "warc"
    out.mkdir(exist_ok=True)
    n, fh, writer, files = 0, None, None, 0
    with (args.folder / "corpus.jsonl").open(encoding="utf-8") as src:
        for line in src:
            rec = json.loads(line)
            if n % args.per_file == 0:
                if fh:
                    fh.close()
                fh = (out / f"news-{files:05d}.warc.gz").open("wb")
                writer = WARCWriter(fh, gzip=True)
                files += 1
            url = rec.get("url") or f"https://news.example/{n}"
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                            http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")],
                                                                          is_http_request=True))
            writer.write_record(req)
            body = page(rec)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            n += 1
    if fh:
        fh.close()
    print(f"{n} articles in {files} WARC.gz file(s) -> {out}")


if __name__ == "__main__":
    main()
