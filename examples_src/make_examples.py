#!/usr/bin/env python3
"""Regenerate the demo corpus in ``examples/`` from the UTF-8 sources in ``examples_src/src/``.

    python examples_src/make_examples.py            # writes ../examples/
    python examples_src/make_examples.py --out DIR  # writes somewhere else

Everything in the corpus is fictional (see ``examples_src/README.md``).  The
sources are kept as plain UTF-8:

* ``src/bodies/<key>.txt`` — the article text of each story, paragraphs separated
  by blank lines;
* ``src/pages/<name>`` — page templates (scrape text, HTML, feeds) with
  placeholders that pull in a body:

  ``{{BODY:key}}`` / ``{{BODY:key:a:b}}``  paragraphs ``a:b`` as plain text
  ``{{HTML:key}}`` / ``{{HTML:key:a:b}}``  the same as ``<p>`` elements
  ``{{ESCHTML:key}}``                      ``<p>`` elements, XML-escaped (Atom ``type="html"``)
  ``{{ESCTEXT:key}}``                      plain text, XML-escaped

This script derives the copies (exact duplicate, scraper near-duplicate, spun copy,
wire republication) from the originals, then writes every file in the encoding or
container it is meant to exercise: UTF-8, UTF-16 with BOM, cp1251, latin-1, gzip,
JSONL, RSS 2.0, Atom and WARC.  Output is byte-for-byte reproducible (fixed gzip
mtimes, fixed WARC record ids and dates).
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
DEFAULT_OUT = HERE.parent / "examples"


# ---------------------------------------------------------------- bodies

def load_bodies() -> dict[str, list[str]]:
    bodies = {}
    for path in sorted((SRC / "bodies").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bodies[path.stem] = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return bodies


# A spinner's thesaurus: common words swapped for "synonyms" that a careful
# writer would never choose.  Applied in a single pass, word by word.
SPIN = {
    "empty": "vacant", "shelves": "cabinets", "cranes": "herons", "crane": "heron",
    "strike": "hit", "costing": "pricing", "cost": "price", "show": "display",
    "far": "distant", "waterfront": "seafront", "supermarket": "grocery store",
    "aisles": "passageways", "factories": "manufacturing plants", "small": "tiny",
    "estimates": "approximates", "economy": "financial system", "lost": "misplaced",
    "trade": "commerce", "delayed": "postponed", "charges": "costs",
    "paid": "compensated", "union": "alliance", "figure": "determine",
    "inflated": "overstated", "asked": "requested", "publish": "submit",
    "calculated": "computed", "numbers": "figures", "stark": "harsh",
    "vessels": "boats", "waiting": "ready", "morning": "early morning",
    "containers": "packing containers", "stuck": "caught", "quays": "wharves",
    "quay": "wharf", "ships": "vessels", "unloaded": "offloaded", "chief": "main",
    "executive": "government", "backlog": "accumulation", "clear": "clean",
    "work": "job", "resumed": "restarted", "tomorrow": "the next day",
    "every": "each", "day": "time", "days": "times", "run": "operate",
    "faster": "quicker", "queue": "line", "told": "informed", "need": "want",
    "threat": "risk", "promise": "pledge", "moves": "strikes", "effects": "results",
    "uneven": "irregular", "car": "automobile", "plant": "vegetation",
    "halted": "stopped", "lines": "traces", "lack": "shortage",
    "imported": "brought-in", "parts": "components", "sending": "transferring",
    "workers": "employees", "home": "house", "reduced": "lowered",
    "pay": "compensation", "pharmacies": "drug stores", "shortages": "deficiencies",
    "medicines": "drugs", "stocks": "shares", "essential": "vital",
    "sufficient": "adequate", "hardest": "toughest", "runs": "operates",
    "family": "household", "firm": "agency", "shipping": "delivery",
    "flooring": "floor covering", "sitting": "resting", "since": "considering that",
    "first": "very first", "big": "large", "companies": "corporations",
    "send": "mail", "cargo": "freight", "rail": "railway", "goes": "proceeds",
    "month": "thirty day period", "economists": "financial experts",
    "disagree": "differ", "lasting": "long-lasting", "damage": "harm",
    "short": "brief", "recovered": "recuperated", "reopened": "resumed",
    "warned": "cautioned", "reroute": "redirect", "good": "great",
    "dispute": "conflict", "dragged": "hauled", "government": "federal government",
    "considering": "thinking about", "powers": "abilities", "end": "finish",
    "stoppage": "blockage", "chairwoman": "chairperson", "members": "participants",
    "frightened": "terrified", "said": "stated", "says": "states",
}
_WORD = re.compile(r"[A-Za-z]+")


def spin(text: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        new = SPIN.get(word.lower())
        if new is None:
            return word
        if word[0].isupper():
            before = text[:m.start()].rstrip(" “\"")
            if before and not before.endswith((".", ":", "?", "!")):
                return word  # capitalised mid-sentence: a name such as "Ministry of Economy"
            return new[0].upper() + new[1:]
        return new
    return _WORD.sub(swap, text)


def derive(bodies: dict[str, list[str]]) -> None:
    """Add the copies that are made from other stories."""
    # Scraper near-duplicate of the Courier story: curly quotes flattened, the
    # relative date dropped from the lead, last paragraph cut, HTML debris glued on.
    paras = [p.replace("’", "'").replace("“", '"').replace("”", '"') for p in bodies["courier_a"][:-1]]
    paras[0] = paras[0].replace("Dravenia's government", "The government of Dravenia").replace(
        "senior officials said on Tuesday.", "senior officials said.")
    paras[1] = "p>" + paras[1]
    paras[4] = "< p>" + paras[4] + "< /p>"
    paras[6] = paras[6] + "</p >"
    paras[11] = "<br />" + paras[11]
    bodies["newsharbor"] = paras

    # Spun copy of the Harbour Herald story.
    bodies["trendwire"] = [spin(p) for p in bodies["herald_b"]]
    bodies["trendwire_title"] = [spin("Empty shelves and idle cranes: what the Yarovets strike is costing Dravenia")]

    # Wire republication by the Northern Coast Gazette: dateline shortened,
    # reporting credit dropped, otherwise word for word.
    wire = list(bodies["mpa_i"][:-1])
    wire[0] = wire[0].replace("LIROVSK, March 11 (MPA) - ", "LIROVSK (MPA) — ")
    bodies["gazette_repub"] = wire


# ---------------------------------------------------------------- templates

_PLACEHOLDER = re.compile(r"\{\{(BODY|HTML|ESCHTML|ESCTEXT):([a-z0-9_]+)(?::(\d*):(\d*))?\}\}")


def render(template: str, bodies: dict[str, list[str]]) -> str:
    def fill(m: re.Match[str]) -> str:
        kind, key, a, b = m.groups()
        paras = bodies[key]
        if a is not None or b is not None:
            paras = paras[int(a) if a else None:int(b) if b else None]
        if kind == "BODY":
            return "\n\n".join(paras)
        if kind == "ESCTEXT":
            return html.escape("\n\n".join(paras), quote=False)
        as_html = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
        return as_html if kind == "HTML" else html.escape(as_html, quote=False)
    return _PLACEHOLDER.sub(fill, template)


def page(name: str, bodies: dict[str, list[str]]) -> str:
    return render((SRC / "pages" / name).read_text(encoding="utf-8"), bodies)


# ---------------------------------------------------------------- writers

def gz(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def utf16_bom(text: str) -> bytes:
    return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")


def write_warc(path: Path, pages: list[tuple[str, str, str, str, bool]]) -> None:
    """pages: (url, html, http_date, warc_date, with_request)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    n = 0

    def rid() -> str:
        nonlocal n
        n += 1
        return f"<urn:uuid:7d1c0e52-4b0a-4f3e-9c11-{n:012d}>"

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = (b"software: dossier examples_src/make_examples.py\r\n"
            b"format: WARC File Format 1.1\r\n"
            b"description: Fictional crawl of two pages about the Yarovets port strike\r\n"
            b"isPartOf: dossier-demo-crawl\r\n")
    writer.write_record(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_content_type="application/warc-fields",
        warc_headers_dict={"WARC-Record-ID": rid(), "WARC-Date": "2025-03-18T06:00:00Z",
                           "WARC-Filename": path.name}))
    for url, doc, http_date, warc_date, with_request in pages:
        body = doc.encode("utf-8")
        host = url.split("/")[2]
        response_id = rid()
        if with_request:
            req = StatusAndHeaders(f"GET /{url.split('/', 3)[3]} HTTP/1.1", [
                ("Host", host),
                ("User-Agent", "Mozilla/5.0 (compatible; dossier-demo-crawler/0.1)"),
                ("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
                ("Accept-Encoding", "identity"),
            ], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), length=0, http_headers=req,
                warc_headers_dict={"WARC-Record-ID": rid(), "WARC-Date": warc_date,
                                   "WARC-Concurrent-To": response_id}))
        resp = StatusAndHeaders("200 OK", [
            ("Date", http_date),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "max-age=60"),
        ], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=resp,
            warc_headers_dict={"WARC-Record-ID": response_id, "WARC-Date": warc_date}))
    path.write_bytes(buf.getvalue())


def build(out: Path) -> list[Path]:
    bodies = load_bodies()
    derive(bodies)
    written: list[Path] = []

    def put(rel: str, data: bytes) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    courier = page("courier_a.txt", bodies).encode("utf-8")
    put("lirovsk-courier-2025-03-12-emergency-powers.txt", courier)
    put("archive/courier-emergency-powers-saved-copy.txt.gz", gz(courier))
    put("newsharbor24-dravenia-port-strike.txt", page("newsharbor.txt", bodies).encode("utf-8"))
    put("harbour-herald-strike-costs.html", page("herald_b.html", bodies).encode("utf-8"))
    put("trendwire-daily-yarovets-hit.txt", page("trendwire.txt", bodies).encode("utf-8"))
    put("yarovets-today-march-rally.txt", page("today_c.txt", bodies).encode("cp1251"))
    put("channel-dispatch-british-importers.txt", page("dispatch_d.txt", bodies).encode("latin-1"))
    put("vechirni-visnyk-press-review.txt", utf16_bom(page("digest.txt", bodies)))
    put("rli-poll-soldiers-port.htm", page("rli_g.htm", bodies).encode("utf-8"))
    put("trade-winds-strike-bill.html.gz", gz(page("tradewinds_h.html", bodies).encode("utf-8")))
    put("feeds/maritime-ledger-analysis.atom", page("ledger.atom", bodies).encode("utf-8"))
    put("feeds/dravenia-post-politics.rss", page("post.rss", bodies).encode("utf-8"))

    lines = [
        {"url": "https://northcoastgazette.example/news/2025/03/11/dravenia-troops-port",
         "title": "Dravenia readies 2,500 troops for strike-hit port",
         "published": "2025-03-11", "outlet": "Northern Coast Gazette",
         "text": page("gazette_repub.txt", bodies)},
        {"url": "https://inlandobserver.example/economy/grain-farmers-port-strike",
         "title": "Grain farmers in the east fear a lost season as port stays shut",
         "published": "2025-03-13", "outlet": "The Inland Observer",
         "html": page("observer_k.html", bodies)},
        {"url": "https://pierpressure.example/2025/03/15/soldiers-not-coming/",
         "title": "Why I don't believe the soldiers are coming",
         "published": "2025-03-15", "outlet": "Pier Pressure",
         "text": page("blog_l.txt", bodies)},
    ]
    put("exports/newsdesk-export.jsonl",
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8"))

    warc = out / "crawl/port-strike-crawl.warc.gz"
    warc.parent.mkdir(parents=True, exist_ok=True)
    write_warc(warc, [
        ("https://mpa.example/world/europe/dravenia-troops-standby-port-2025-03-11/",
         page("mpa_i.html", bodies), "Tue, 11 Mar 2025 15:50:12 GMT", "2025-03-11T15:50:12Z", True),
        ("https://lirovskcourier.example/nation/2025/03/17/cabinet-delays-emergency-decision",
         page("courier_j.html", bodies), "Mon, 17 Mar 2025 19:30:45 GMT", "2025-03-17T19:30:45Z", False),
    ])
    written.append(warc)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    for path in build(args.out):
        print(f"{path.stat().st_size:>7}  {path.relative_to(args.out)}")


if __name__ == "__main__":
    main()
