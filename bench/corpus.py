#!/usr/bin/env python3
"""Labelled benchmark corpora for Dossier's copy detection.

    python bench/corpus.py --docs 1000 --seed 1 --out /tmp/c1k

writes ``corpus.jsonl`` (Dossier JSONL input, one document a line) and ``truth.jsonl``
(one label a line, same order).  See ``bench/README.md``.

Everything is derived from a seed: the same ``--docs``/``--seed``/``--mix`` give
byte-identical files.  Documents are written as they are made; only the source
sentence pool and the originals that still have copies to come are kept in memory.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spin_table import SPIN_TABLE  # noqa: E402  (private to the benchmark)

ROOT = Path(__file__).resolve().parents[1]
BENCHMARK_GT = ROOT.parent / "shared" / "benchmarks" / "article-extraction-benchmark" / "ground-truth.json"

# Fractions of the corpus per category; plain originals get whatever is left (0.52 by
# default, so kind == "original" is 0.57 with the two hard-negative kinds).
DEFAULT_MIX: dict[str, float] = {
    "duplicate": 0.08,
    "near_duplicate": 0.10,     # small token edits
    "containment": 0.04,        # labelled near_duplicate, variant "containment"
    "republished": 0.10,
    "spun": 0.08,
    "translated": 0.03,
    "non_native": 0.03,         # kind original, negative "non_native"
    "translated_style": 0.02,   # kind original, negative "translated_style"
}
COPY_CATEGORIES = ("duplicate", "near_duplicate", "containment", "republished", "spun", "translated")

# ---------------------------------------------------------------------------------------
# words and tokens

STOP = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after before
    between during without within through across against among around up down out off than then that this
    these those there here is are was were be been being am has have had do does did will would can could
    shall should may might must not no nor so too very just only also even still yet i you he she it we they
    me him her us them my your his its our their mine yours hers ours theirs who whom whose which what when
    where why how all any both each few more most other some such own same one two three said says""".split()
)
MONTHS = ("January February March April May June July August September October November December").split()
KEEP_CAPS = frozenset(
    MONTHS
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr Prof Sir I".split()
)
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
_PUNCT = "\"'“”‘’()[]{}«»,.;:!?—–-…*"


@lru_cache(maxsize=1 << 18)
def split_affix(tok: str) -> tuple[str, str, str]:
    """'“Hello,' -> ('“', 'Hello', ',')"""
    start, end = 0, len(tok)
    while start < end and tok[start] in _PUNCT:
        start += 1
    while end > start and tok[end - 1] in _PUNCT:
        end -= 1
    return tok[:start], tok[start:end], tok[end:]


def body_text(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs)


def word_tokens(text: str) -> list[str]:
    """The tokens the benchmark's change measures use: lower-cased word characters."""
    return WORD_RE.findall(text.lower())


def token_change(original: list[str], copy: list[str]) -> float:
    """Share of the original's tokens that a copy changed, order-blind.

    max(tokens removed, tokens added) over the original's length, counted as multisets:
    a substitution counts once, a deletion or insertion once, reordering not at all.
    """
    if not original:
        return 1.0 if copy else 0.0
    a, b = Counter(original), Counter(copy)
    removed = sum((a - b).values())
    added = sum((b - a).values())
    return max(removed, added) / len(original)


def shingles(tokens: list[str], k: int = 5) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


# ---------------------------------------------------------------------------------------
# source articles

_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Inc|Ltd|Co|No|vs|etc|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e)|\b[A-Z])\.$")
_SENT_END = re.compile(r"[.!?…][”\"’')\]]*$")


def split_sentences(paragraph: str) -> list[str]:
    toks = paragraph.split()
    out, cur = [], []
    for i, t in enumerate(toks):
        cur.append(t)
        if _SENT_END.search(t) and not _ABBREV.search(t.rstrip("”\"’')]")):
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if not nxt or nxt[:1].isupper() or nxt[:1] in "“\"‘(" or nxt[:1].isdigit():
                out.append(" ".join(cur))
                cur = []
    if cur:
        out.append(" ".join(cur))
    return out


def _looks_english(text: str) -> bool:
    toks = word_tokens(text[:4000])
    if len(toks) < 50:
        return False
    common = sum(1 for t in toks if t in ("the", "and", "of", "to", "in", "is", "that", "a", "for", "was"))
    return common / len(toks) > 0.12


def _title_from(text: str, fallback: str) -> str:
    first = split_sentences(text.strip().split("\n")[0])[0] if text.strip() else fallback
    return _headline_from_sentence(first) or fallback


_WIRE_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}\s\([A-Za-z][\w&. -]{0,30}\)\s*[-–—]")
_APPEARED = re.compile(r"\b(?:first|originally)\s+(?:appeared|published|ran)\b|\bappeared first\b", re.I)


def _credits_another_source(paragraphs: list[str]) -> bool:
    return bool(paragraphs) and (bool(_WIRE_DATELINE.match(paragraphs[0]))
                                 or any(_APPEARED.search(p) for p in paragraphs))


def load_base_articles(benchmark: Path | None = BENCHMARK_GT, root: Path = ROOT) -> list[dict]:
    """Clean articles as ``{"title": str, "paragraphs": [str, ...], "source": str}``.

    In order: the article-extraction benchmark's ground truth (English, >= 150 words),
    then ``examples_src/src/bodies/*.txt``, then ``tests/data/heldout*/**/*.json``.
    Near-copies of an earlier article (>= 5 % shared 5-word shingles) and the example
    corpus's translated digest are left out, so every base is a genuine original.
    """
    found: list[dict] = []
    if benchmark is not None and Path(benchmark).is_file():
        data = json.loads(Path(benchmark).read_text(encoding="utf-8"))
        for key in sorted(data):
            body = (data[key] or {}).get("articleBody") or ""
            if len(body.split()) < 150 or not _looks_english(body):
                continue
            paras = [p.strip() for p in body.split("\n") if len(p.split()) >= 4]
            if paras:
                found.append({"title": _title_from(body, key[:12]), "paragraphs": paras, "source": f"benchmark:{key[:12]}"})
    for path in sorted(glob.glob(str(root / "examples_src" / "src" / "bodies" / "*.txt"))):
        name = Path(path).stem
        if name.startswith("digest"):  # a translated summary of another body
            continue
        text = Path(path).read_text(encoding="utf-8")
        paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
        if sum(len(p.split()) for p in paras) >= 80:
            found.append({"title": _title_from(text, name), "paragraphs": paras, "source": f"examples:{name}"})
    for path in sorted(glob.glob(str(root / "tests" / "data" / "heldout*" / "**" / "*.json"), recursive=True)):
        try:
            d = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        body = d.get("body") if isinstance(d, dict) else None
        if isinstance(body, str):
            body = body.split("\n")
        if not isinstance(body, list):
            continue
        paras = [" ".join(str(p).split()) for p in body if str(p).strip()]
        if sum(len(p.split()) for p in paras) >= 80:
            title = str(d.get("title") or "") or _title_from(paras[0], Path(path).stem)
            found.append({"title": title, "paragraphs": paras, "source": f"heldout:{Path(path).parent.name}/{Path(path).stem}"})
    # prose only (lists, tables and captions make poor originals), then drop near-copies of earlier bases
    found = [a for a in found if replaceable_share([split_sentences(p) for p in a["paragraphs"]]) >= 0.3]
    # A text that says it is someone else's (a wire dateline "LONDON (AP) —", "first appeared in
    # Live Science") is a republication, not an original: labelled "original" it would score a
    # correct detection as an error, and synthetic originals would inherit its credit line.
    found = [a for a in found if not _credits_another_source(a["paragraphs"])]
    kept, seen = [], []
    for art in found:
        sh = shingles(word_tokens(" ".join(art["paragraphs"])))
        if not sh:
            continue
        if any(len(sh & s) / min(len(sh), len(s)) >= 0.05 for s in seen):
            continue
        seen.append(sh)
        kept.append(art)
    return kept


# ---------------------------------------------------------------------------------------
# the sentence pool


def _suffix_class(w: str) -> str:
    for suf in ("ing", "ed", "ly", "tion", "s"):
        if w.endswith(suf):
            return suf
    return ""


@dataclass
class Pool:
    """Sentences of all bases, pre-tokenised, with the slots a synthesis may rewrite."""

    sentences: list[list[str]] = field(default_factory=list)
    slots: list[list[tuple]] = field(default_factory=list)
    vocab: list[str] = field(default_factory=list)
    vocab_by_class: dict[str, list[str]] = field(default_factory=dict)
    src: list[int] = field(default_factory=list)
    bases: list[dict] = field(default_factory=list)

    @classmethod
    def build(cls, bases: list[dict]) -> "Pool":
        pool = cls(bases=bases)
        vocab: set[str] = set()
        for bi, art in enumerate(bases):
            for para in art["paragraphs"]:
                for s in split_sentences(para):
                    toks = s.split()
                    if not 6 <= len(toks) <= 60 or "http" in s or "@" in s:
                        continue
                    slots = []
                    for i, t in enumerate(toks):
                        pre, core, post = split_affix(t)
                        if not core:
                            continue
                        if any(c.isdigit() for c in core):
                            slots.append((i, "num", pre, core, post))
                        elif i > 0 and core[0].isupper() and core.replace("-", "").replace("'", "").replace("’", "").isalpha() \
                                and core not in KEEP_CAPS and core.lower() not in STOP:
                            slots.append((i, "name", pre, core, post))
                        elif core.isalpha() and core.islower() and len(core) >= 4 and core not in STOP:
                            slots.append((i, "word", pre, core, post))
                            vocab.add(core)
                    slots = [x + (None,) for x in slots]
                    pool.sentences.append(toks)
                    pool.slots.append(slots)
                    pool.src.append(bi)
        pool.vocab = sorted(vocab)
        by: dict[str, list[str]] = {}
        for w in pool.vocab:
            by.setdefault(_suffix_class(w), []).append(w)
        pool.vocab_by_class = by
        for k, slots in enumerate(pool.slots):  # attach each word slot's replacement candidates
            pool.slots[k] = [x[:5] + ((by.get(_suffix_class(x[3])) or pool.vocab),) if x[1] == "word" else x for x in slots]
        return pool


# ---------------------------------------------------------------------------------------
# invented names, outlets, styles

_SYL_A = "Bar Cal Dor Ev Fen Gal Hal Ir Jor Kel Lor Mar Nor Ol Per Quin Ros Sal Tor Ul Var Wen Yar Zel Ash Bren Cor Dal".split()
_SYL_B = "an en in on ar er or ik ov ez ira ela ano ise uk osh ath eth ov ey".split()
_SYL_C = "da ko ri sen mir dal ton vik nik ley man ski ra lo wen bury ford ova enko".split()
_TOWN_A = "Ash Bram Cal Dun Elm Fair Glen Hart Ivy Kel Lark Mill North Oak Pen Quarry Red Stone Thorn Wester Brook Crow Hollin Moss".split()
_TOWN_B = "ford wick field haven mouth bridge dale port stead ton".split()
_PAPER = "Herald Courier Ledger Post Gazette Dispatch Observer Times Chronicle Tribune Record Journal Sentinel Bulletin Review Echo Standard Telegraph Mercury Express".split()
_SCRAPE_A = "News Daily Top Buzz Info Trend Headline Flash Viral Hot Now Feed Story Global Pulse".split()
_SCRAPE_B = "Hub Wire Now 24 Zone Feed Spot Point Era Bite Post Times Daily Net Live".split()
_FOREIGN_A = "Dnevni Vecherni Abend Gazeta Kurier Nowiny Novyny Hirlap Sanomat Dagblad Presse Vesti".split()
_FOREIGN_B = "Digest Review Monitor Abroad Echo Roundup".split()
_FIRST = "Anna Boris Clara Dmitri Elena Felix Greta Hugo Ines Jonas Katya Leon Mira Nils Olga Pavel Rosa Stefan Tamsin Viktor Wanda Yusuf Zora Aled Bryn Carys Dewi Efa".split()
_LAST = "Harrow Lindqvist Moravec Okafor Petrescu Quill Ramsay Sokol Tennant Ulrich Varga Whitlock Yates Zeller Brandt Castell Dunmore Ellery Falk Grieve Hollis Ingram Jessop Kovac".split()


def make_name(rng: random.Random) -> str:
    rnd = rng.random
    n = _SYL_A[int(rnd() * len(_SYL_A))] + _SYL_B[int(rnd() * len(_SYL_B))]
    if rnd() < 0.6:
        n += _SYL_C[int(rnd() * len(_SYL_C))]
    return n


def make_person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _domain(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower().removeprefix("the ")) + ".example"


def make_outlet(rng: random.Random) -> str:
    town = rng.choice(_TOWN_A) + rng.choice(_TOWN_B)
    paper = rng.choice(_PAPER)
    return (f"The {town} {paper}" if rng.random() < 0.55 else f"{town} {paper}")


def make_scraper(rng: random.Random) -> str:
    a, b = rng.choice(_SCRAPE_A), rng.choice(_SCRAPE_B)
    return f"{a}{b}" if rng.random() < 0.6 else f"{a} {b}"


def make_aggregator(rng: random.Random) -> str:
    return f"{rng.choice(_FOREIGN_A)} {rng.choice(_FOREIGN_B)}"


_SECTIONS = "News World Politics Business Economy Sport Culture Opinion Science Tech Health Local Region Weather Video Podcasts Lifestyle Travel".split()
_TAGLINES = ["Independent since 1887", "News you can trust", "Your region, every day", "Serving the coast since 1902",
             "All the news that matters", "Local voices, national stories", "Trusted journalism", "Breaking news and analysis",
             "The paper of record for the valley", "Reporting without fear"]
_SCRAPER_TAGS = ["Latest news from around the world", "Trending stories 24/7", "Your daily dose of news",
                 "All headlines in one place", "Fresh news every minute", "Top stories, updated hourly"]


@dataclass
class Style:
    name: str
    domain: str
    scraper: bool
    banner: list[str]
    nav: str
    headline_in_text: bool
    date_fmt: int
    byline_fmt: int
    insert_fmt: str
    insert_every: int
    ad_line: str
    share: str
    related_head: str
    related_bullet: str
    related_n: int
    newsletter: str
    comments: list[str]
    footer: list[str]
    tags_fmt: str
    blank_between: bool
    extra_top: list[str]
    extra_bottom: list[str]


_STYLE_CACHE: dict[str, Style] = {}


def style_for(outlet: str, kind: str = "news") -> Style:
    key = f"{kind}:{outlet}"
    st = _STYLE_CACHE.get(key)
    if st is not None:
        return st
    r = random.Random("style:" + key)
    scraper = kind == "scraper"
    upper = outlet.upper()
    banner_opts = [
        [outlet],
        [f"{outlet} — {r.choice(_TAGLINES)}"],
        [upper, r.choice(_TAGLINES)],
        [f"Welcome to {outlet}"],
        [f"{_domain(outlet)} | {r.choice(_TAGLINES)}"],
        [outlet, "Subscribe | Sign in | Search"],
    ]
    if scraper:
        banner_opts = [[outlet, r.choice(_SCRAPER_TAGS)], [f"{outlet} - {r.choice(_SCRAPER_TAGS)}"], [upper],
                       [f"☰ {outlet}", "Home » News"]]
    sep = r.choice([" | ", " · ", "  ", " / ", " • "])
    secs = r.sample(_SECTIONS, r.randint(5, 9))
    nav = sep.join(["Home"] + secs + r.choice([[], ["Subscribe"], ["Log in"], ["Search"], ["Newsletters", "Sign in"]]))
    insert_fmt = r.choice(["Read more: {h}", "READ MORE: {h}", "Also read: {h}", "Related: {h}", "See also — {h}",
                           "ALSO ON {U} → {h}", "Don't miss: {h}", "[Read] {h}", "MORE: {h}", "Recommended: {h}"])
    if scraper:
        insert_fmt = r.choice(["Also Read: {h}", "ALSO READ: {h}", "Read Also: {h}", "See also: {h}", "Trending: {h}"])
    ad_line = r.choice(["Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Continue reading below",
                        "- Advertisement -", "Advertisement · Scroll to continue", "Sponsored content", ""])
    if scraper:
        ad_line = r.choice(["[ad_1]", "- Advertisement -", "ADVERTISEMENT", "Advertisment"])
    share = r.choice(["Share this article: Facebook Twitter WhatsApp Email", "Share  Tweet  Pin  Email",
                      "Share on Facebook | Share on X | Copy link", "SHARE: f  x  in  ✉", "Share this story",
                      "Share via: Email / Facebook / X / LinkedIn / Print", "🔗 Copy link   📧 Email   🖨 Print",
                      "Facebook · Twitter · Reddit · WhatsApp"])
    related_head = r.choice(["Related stories", f"More from {outlet}", "You may also like", "Most read", "Trending now",
                             "More on this story", "Latest", "Popular now", "Top stories", "In other news",
                             "What others are reading"])
    if scraper:
        related_head = r.choice(["Related Posts", "You May Also Like", "Recent Posts", "More News", "Latest Posts",
                                 "Trending Posts", "Related News"])
    related_bullet = r.choice(["", "- ", "• ", "» ", "→ ", "1. ", "* "])
    newsletter = r.choice([
        f"Sign up for the {outlet} newsletter. Enter your email address Subscribe",
        f"Get the {outlet} morning briefing in your inbox every weekday. Sign up",
        f"Newsletter: The best of {outlet}, every weekday. Sign up now",
        "Never miss a story — subscribe to our free daily email. Your email Subscribe",
        "Want more stories like this? Sign up for our newsletter →",
        f"Support {outlet}: subscribe from just 1 a week.",
        "",
    ])
    if scraper:
        newsletter = r.choice(["Subscribe to our newsletter to get the latest news. Email Address Subscribe",
                               "Follow us on Google News", "Join our Telegram channel for instant updates",
                               "Get latest news delivered daily! We will send you breaking news right to your inbox", ""])
    comments = r.choice([
        [f"Comments ({r.randint(0, 250)})"],
        ["Leave a Reply", "Your email address will not be published. Required fields are marked *",
         "Comment *", "Name *", "Email *", "Website", "Post Comment"],
        ["Join the conversation", "Log in to comment"],
        ["Have your say", "Comments are closed for this article."],
        ["Add your comment", "Name", "Email", "Submit"],
        [],
    ])
    if scraper:
        comments = r.choice([["Leave a Reply Cancel reply", "Your email address will not be published.", "Comment",
                              "Name", "Email", "Website", "Save my name, email, and website in this browser for the next time I comment.",
                              "Post Comment"], ["0 Comments"], []])
    year = r.randint(2019, 2025)
    footer = r.choice([
        [f"© {year} {outlet}. All rights reserved."],
        ["About us | Contact | Privacy policy | Terms of use | Cookie settings", f"© {outlet} {year}"],
        [f"Copyright {year} {outlet} Ltd. Registered in the region.", "Cookie settings"],
        ["↑ Back to top", f"{outlet} · Privacy · Terms"],
        [f"All content © {outlet}", "Advertise with us | Jobs | Contact"],
    ])
    if scraper:
        footer = r.choice([[f"© {year} {outlet} - All Rights Reserved.", "Powered by WordPress | Theme by NewsPress"],
                           ["About Us  Contact Us  Privacy Policy  DMCA  Disclaimer", f"Copyright © {year} {outlet}"],
                           ["↑ Scroll to top"], [f"{outlet} © {year}. Made with ♥"]])
    tags_fmt = r.choice(["Tags: {t}", "Topics: {t}", "TOPICS {t}", "Filed under: {t}", "", "#{t}"])
    extra_top, extra_bottom = [], []
    if r.random() < 0.3:
        extra_top.append(r.choice(["We use cookies to improve your experience. Accept all | Manage settings",
                                   "This website uses cookies. OK", "BREAKING NEWS", "LIVE: follow our coverage",
                                   "Listen to this article 3:12", "Weather 14°C Cloudy"]))
    if r.random() < 0.3:
        extra_bottom.append(r.choice(["Report an error", "Corrections policy", "Print this page",
                                      "Follow us on social media", "Download our app", "« Previous article  Next article »"]))
    st = Style(
        name=outlet, domain=_domain(outlet), scraper=scraper, banner=r.choice(banner_opts), nav=nav,
        headline_in_text=r.random() < 0.85, date_fmt=r.randrange(7), byline_fmt=r.randrange(7),
        insert_fmt=insert_fmt, insert_every=r.randint(2, 5), ad_line=ad_line, share=share,
        related_head=related_head, related_bullet=related_bullet, related_n=r.randint(3, 6), newsletter=newsletter,
        comments=comments, footer=footer, tags_fmt=tags_fmt, blank_between=r.random() < 0.5,
        extra_top=extra_top, extra_bottom=extra_bottom,
    )
    _STYLE_CACHE[key] = st
    return st


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _fmt_date(fmt: int, y: int, m: int, d: int, r: random.Random) -> str:
    import datetime as _dt

    wd = _WEEKDAYS[_dt.date(y, m, d).weekday()]
    hh, mm = r.randint(6, 22), r.randint(0, 59)
    mon = MONTHS[m - 1]
    return [
        f"Published {d} {mon} {y}",
        f"{mon} {d}, {y} at {hh % 12 or 12}:{mm:02d} {'am' if hh < 12 else 'pm'}",
        f"{d:02d}.{m:02d}.{y} {hh:02d}:{mm:02d}",
        f"Updated: {wd[:3]} {d} {mon[:3]} {y} {hh:02d}:{mm:02d} GMT",
        f"Posted on {mon} {d}, {y}",
        f"{wd}, {d} {mon} {y}",
        f"{y}-{m:02d}-{d:02d}",
    ][fmt]


def _byline(fmt: int, person: str, r: random.Random) -> str:
    role = r.choice(["Political correspondent", "Staff reporter", "Business editor", "Reporter", "Senior writer"])
    return [f"By {person}", f"{person}, {role}", "Staff reporter", f"By {person.upper()} | {role}",
            f"Words: {person}", f"{person} · {r.randint(2, 9)} min read", ""][fmt]


# ---------------------------------------------------------------------------------------
# articles


@dataclass
class Article:
    title: str
    paragraphs: list[list[str]]  # sentences per paragraph
    outlet: str
    date: tuple[int, int, int]
    person: str


def _headline_from_sentence(s: str) -> str:
    s = re.sub(r"[“”\"‘’]", "", s)
    clause = re.split(r",|;| — | – |\bsaid\b|\bwho\b|\bwhich\b", s)[0].strip().rstrip(".")
    words = clause.split()
    if len(words) > 11:
        words = words[:11]
    while words and words[-1].lower() in STOP:
        words.pop()
    if len(words) < 3:
        words = s.split()[:9]
        while len(words) > 3 and words[-1].lower() in STOP:
            words.pop()
    h = " ".join(words).strip(" .")
    return h[:1].upper() + h[1:] if h else ""


def _random_date(r: random.Random) -> tuple[int, int, int]:
    return r.randint(2018, 2025), r.randint(1, 12), r.randint(1, 28)


TIMED = 0.7  # share of pages whose metadata gives a time of day, not only the date


def _minute_published(seed: int, pos: int, copy_of_line: int | None, same_day: bool) -> int | None:
    """A page's minute of the day in its metadata, or None for a page that gives only its date.

    Its own random stream, so that adding times changed nothing else in the corpus.  An
    original goes out between 06:00 and 21:00; a copy of the same day comes 5 minutes
    to 5 hours later (a copy cannot precede what it copies), other pages at any time.
    """
    r = random.Random(f"{seed}:time:{pos}")
    if r.random() >= TIMED:
        return None
    if copy_of_line is None:
        return random.Random(f"{seed}:time-of:{pos}").randint(6 * 60, 21 * 60)
    if same_day:
        original_minute = random.Random(f"{seed}:time-of:{copy_of_line - 1}").randint(6 * 60, 21 * 60)
        return min(original_minute + r.randint(5, 300), 23 * 60 + 59)
    return r.randint(1, 24 * 60 - 1)


def _shift_date(d: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    import datetime as _dt

    x = _dt.date(*d) + _dt.timedelta(days=days)
    return x.year, x.month, x.day


def _mutate_sentence(pool: Pool, idx: int, r: random.Random, names: dict[str, str], word_rate: float) -> str:
    toks = list(pool.sentences[idx])
    rnd = r.random
    last = -1 - int(rnd() * 4)  # position of the last rewritten token
    for i, kind, pre, core, post, cands in pool.slots[idx]:
        if kind == "word" and (i - last >= 4 or rnd() < word_rate):
            # at least one rewritten token in (nearly) every 5-token window, so two
            # originals that drew the same sentence share few 5-word shingles
            toks[i] = pre + cands[int(rnd() * len(cands))] + post
            last = i
            continue
        if kind != "word":
            last = i
        if kind == "name":
            new = names.get(core)
            if new is None:
                new = names[core] = make_name(r)
            toks[i] = pre + new + post
        elif kind == "num":
            toks[i] = pre + _mutate_number(core, r) + post
    return " ".join(toks)


_YEAR_RE = re.compile(r"(19|20)\d\d")


def _mutate_number(core: str, r: random.Random) -> str:
    rnd = r.random
    if _YEAR_RE.fullmatch(core):
        return str(1990 + int(rnd() * 36))
    out = []
    first = True
    for c in core:
        if c.isdigit():
            out.append("123456789"[int(rnd() * 9)] if first else "0123456789"[int(rnd() * 10)])
            first = False
        else:
            out.append(c)
    return "".join(out)


WORD_RATE = 0.08  # share of content words a synthetic original swaps for other pool words


def synth_paragraphs(pool: Pool, r: random.Random, n_sent: int, names: dict[str, str] | None = None) -> list[list[str]]:
    names = {} if names is None else names
    sents: list[str] = []
    n_pool = len(pool.sentences)
    while len(sents) < n_sent:  # runs of 1-3 consecutive sentences of one base, each run from a random base
        i = r.randrange(n_pool)
        for _ in range(min(r.choice((1, 1, 2, 2, 3)), n_sent - len(sents))):
            sents.append(_mutate_sentence(pool, i, r, names, WORD_RATE))
            i += 1
            if i >= n_pool or pool.src[i] != pool.src[i - 1]:
                break
    n_par = max(1, min(len(sents), r.randint(4, 10)))
    cuts = sorted(r.sample(range(1, len(sents)), n_par - 1)) if n_par > 1 else []
    paras, prev = [], 0
    for c in cuts + [len(sents)]:
        paras.append(sents[prev:c])
        prev = c
    return paras


def _sentence_count_for_words(pool_avg: float, r: random.Random) -> int:
    target = r.triangular(300, 950, 560)
    return max(12, min(30, round(target / pool_avg)))


def _inject_told(paras: list[list[str]], outlet: str, r: random.Random) -> None:
    """Turn one '<Name|he|she> said' into '<...> told <Outlet>' (republishers may strip the outlet)."""
    spots = []
    for pi, p in enumerate(paras):
        for si, s in enumerate(p):
            for m in re.finditer(r"\b([A-Z][a-z]+|he|she|they) said\b", s):
                if m.group(1) in KEEP_CAPS or m.group(1).lower() in STOP and m.group(1) not in ("he", "she", "they"):
                    continue
                spots.append((pi, si, m.start(), m.end()))
    if not spots:
        return
    pi, si, a, b = r.choice(spots)
    s = paras[pi][si]
    head = s[a:b].rsplit(" ", 1)[0]
    paras[pi][si] = s[:a] + f"{head} told {outlet}" + s[b:]


def make_original(pool: Pool, r: random.Random, base: dict | None, avg_words: float) -> Article:
    outlet = make_outlet(r)
    date = _random_date(r)
    person = make_person(r)
    if base is not None:
        paras = [split_sentences(p) for p in base["paragraphs"]]
        title = base["title"]
    else:
        names: dict[str, str] = {}
        paras = synth_paragraphs(pool, r, _sentence_count_for_words(avg_words, r), names)
        if r.random() < 0.6:
            title = _headline_from_sentence(paras[0][0])
        else:
            t = pool.bases[r.randrange(len(pool.bases))]["title"]
            tt = []
            for w in t.split():
                pre, core, post = split_affix(w)
                if core in names or (tt and core[:1].isupper() and core not in KEEP_CAPS and core.lower() not in STOP):
                    w = pre + names.setdefault(core, make_name(r)) + post
                elif core.islower() and len(core) >= 4 and core not in STOP and r.random() < 0.4:
                    w = pre + r.choice(pool.vocab_by_class.get(_suffix_class(core)) or pool.vocab) + post
                tt.append(w)
            title = " ".join(tt)
    if r.random() < 0.35:
        _inject_told(paras, outlet, r)
    return Article(title=title, paragraphs=paras, outlet=outlet, date=date, person=person)


# ---------------------------------------------------------------------------------------
# copy makers


def edit_near_duplicate(pool: Pool, paras: list[list[str]], r: random.Random) -> list[list[str]]:
    """2-10 % token edits (substitute / delete / insert pool words), maybe one paragraph reordered."""
    orig_tokens = word_tokens(body_text(paras))
    lo, hi = 0.025, 0.09
    for _ in range(8):
        rate = r.uniform(lo, hi)
        flat = [[s.split() for s in p] for p in paras]
        positions = [(pi, si, ti) for pi, p in enumerate(flat) for si, s in enumerate(p) for ti in range(len(s))]
        k = max(1, round(rate * len(positions)))
        chosen = r.sample(positions, min(k, len(positions)))
        chosen.sort(reverse=True)  # edit from the end so indices stay valid
        for pi, si, ti in chosen:
            toks = flat[pi][si]
            op = r.random()
            pre, core, post = split_affix(toks[ti])
            if op < 0.6:
                toks[ti] = pre + r.choice(pool.vocab) + post
            elif op < 0.8 and len(toks) > 3:
                if post and ti > 0:
                    toks[ti - 1] = toks[ti - 1] + post  # keep the sentence's punctuation
                del toks[ti]
            else:
                toks.insert(ti + 1, r.choice(pool.vocab))
        out = [[" ".join(s) for s in p] for p in flat]
        multi = [i for i, p in enumerate(out) if len(p) >= 2]
        if multi and r.random() < 0.5:
            i = r.choice(multi)
            r.shuffle(out[i])
        ch = token_change(orig_tokens, word_tokens(body_text(out)))
        if 0.02 <= ch <= 0.10:
            return out
        if ch > 0.10:
            hi = max(lo + 0.002, hi - 0.02)
        else:
            lo = min(hi - 0.002, lo + 0.01)
    return out


def _recap(repl: str, like: str) -> str:
    if like[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def _spin_slots(paras: list[list[str]]) -> tuple[list[list[list[str]]], list[tuple], int]:
    """Tokens per sentence, the replaceable positions (with their options), token count."""
    toks_all = [[s.split() for s in p] for p in paras]
    slots = []
    n = 0
    get = SPIN_TABLE.get
    for pi, p in enumerate(toks_all):
        for si, toks in enumerate(p):
            n += len(toks)
            for i, t in enumerate(toks):
                pre, core, post = split_affix(t)
                if not core:
                    continue
                if core.islower():
                    opts = get(core)
                elif i == 0 and core[:1].isupper() and core[1:].islower():
                    nxt = split_affix(toks[1])[1] if len(toks) > 1 else ""
                    opts = None if nxt[:1].isupper() else get(core.lower())  # "Will Smith" stays
                else:
                    opts = None  # names, acronyms, mid-sentence capitals
                if opts:
                    slots.append((pi, si, i, pre, core, post, opts))
    return toks_all, slots, n


def spin(paras: list[list[str]], r: random.Random, rate: float, _pre=None) -> list[list[str]]:
    """Replace ``rate`` of the replaceable words (table words, lower-case or sentence-initial)."""
    toks_all, slots, _ = _pre if _pre is not None else _spin_slots(paras)
    toks_all = [[list(t) for t in p] for p in toks_all]
    rnd = r.random
    for pi, si, i, pre, core, post, opts in slots:
        if rnd() < rate:
            toks_all[pi][si][i] = pre + _recap(opts[int(rnd() * len(opts))], core) + post
    return [[" ".join(t) for t in p] for p in toks_all]


def replaceable_share(paras: list[list[str]]) -> float:
    _, slots, n = _spin_slots(paras)
    return len(slots) / n if n else 0.0


def make_spun(paras: list[list[str]], r: random.Random) -> tuple[list[list[str]], float]:
    """A spun copy: 20-45 % of the replaceable words, more when the text has few of them,
    so that at least ~21 % of all tokens change."""
    orig = word_tokens(body_text(paras))
    pre = _spin_slots(paras)
    share = (len(pre[1]) / pre[2]) if pre[2] else 1.0
    rate = max(r.uniform(0.20, 0.45), min(0.9, 0.23 / max(share, 1e-6)))
    for _ in range(6):
        out = spin(paras, r, rate, pre)
        if token_change(orig, word_tokens(body_text(out))) >= 0.21:
            return out, rate
        rate = min(1.0, rate + 0.1)
    return out, rate


_CALQUES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"\bmore than\b"), "more as"),
    (re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"), r"in \1"),
    (re.compile(r"\bsaid that\b"), "has said, that"),
    (re.compile(r"\bthere is\b"), "there exists"),
    (re.compile(r"\bthere are\b"), "there exist"),
    (re.compile(r"\bbecause\b"), "for the reason that"),
    (re.compile(r"\bhowever\b"), "but nevertheless"),
    (re.compile(r"\bneed to\b"), "have the necessity to"),
    (re.compile(r"\bthe government\b"), "the government of the country"),
    (re.compile(r"\bpeople\b"), "persons"),
    (re.compile(r"\bsuch as\b"), "such like"),
    (re.compile(r"\bis expected to\b"), "is awaited to"),
    (re.compile(r"\bso far\b"), "until this moment"),
    (re.compile(r"\bofficials\b"), "the responsible persons"),
    (re.compile(r"\bmake a decision\b"), "accept a decision"),
    (re.compile(r"\bin order to\b"), "with the aim to"),
    (re.compile(r"\blast year\b"), "in the last year"),
    (re.compile(r"\bthis week\b"), "on this week"),
    (re.compile(r"\bit is\b"), "it is so, that it is"),
    (re.compile(r"\bwill\b"), "shall"),
    (re.compile(r"\bsaid\b"), "has declared"),
    (re.compile(r"\bbut\b"), "but however"),
    (re.compile(r"\babout\b"), "around"),
    (re.compile(r"\bIn addition\b"), "Besides this"),
    (re.compile(r"\bnow\b"), "at the present moment"),
]
_TIME_TAIL = re.compile(
    r"^(?P<body>[A-Z][^“”\"]*?),? (?P<t>(?:on|in|last|this|earlier this) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|January|February|March|April|June|July|August|September|October|November|December)(?: \d{4})?)\.$"
)


def translate_style_sentence(s: str, r: random.Random, p: float = 0.55) -> str:
    for pat, rep in _CALQUES:
        if pat.search(s):
            s = pat.sub(lambda m: m.expand(rep) if r.random() < p else m.group(0), s)
    m = _TIME_TAIL.match(s)
    if m and r.random() < 0.7:  # fronted time adverbial with verb-second-like order
        body = m.group("body")
        first = body.split(" ", 1)
        if len(first) == 2 and first[0] in ("The", "A", "An", "It", "This", "They", "He", "She", "We"):
            body = first[0].lower() + " " + first[1]
        t = m.group("t")
        s = f"{t[:1].upper()}{t[1:]} {body}."
    return s


_ART_SWAP = {"the": "a", "a": "the", "an": "the"}
_PREP_SWAP = {"in": "on", "on": "in", "at": "in", "to": "for", "for": "to", "of": "from", "with": "by", "from": "of",
              "into": "in", "about": "for", "during": "in"}
_TENSE_SLIP = {"was": "is", "were": "was", "has": "have", "have": "has", "does": "do", "did": "do", "said": "say",
               "went": "go", "had": "has", "is": "are", "are": "is", "says": "say", "told": "tell",
               "announced": "announce", "added": "add", "began": "begin", "became": "become"}
_PLURAL_ERR = {"information": "informations", "advice": "advices", "equipment": "equipments", "evidence": "evidences",
               "research": "researches", "news": "newses", "staff": "staffs", "furniture": "furnitures"}


def non_native_sentence(s: str, r: random.Random) -> str:
    toks = s.split()
    out = []
    for i, t in enumerate(toks):
        pre, core, post = split_affix(t)
        low = core.lower()
        if core.islower() or (i == 0 and core[1:].islower()):
            if low in ("the", "a", "an"):
                x = r.random()
                if x < 0.35 and not pre:
                    if i == 0 and i + 1 < len(toks):  # dropped sentence-initial article: capitalise the next word
                        toks[i + 1] = toks[i + 1][:1].upper() + toks[i + 1][1:]
                    continue
                if x < 0.45:
                    t = pre + _recap(_ART_SWAP[low], core) + post
            elif low in _PREP_SWAP and r.random() < 0.13:
                t = pre + _recap(_PREP_SWAP[low], core) + post
            elif low in _TENSE_SLIP and r.random() < 0.2:
                t = pre + _recap(_TENSE_SLIP[low], core) + post
            elif low in _PLURAL_ERR and r.random() < 0.7:
                t = pre + _recap(_PLURAL_ERR[low], core) + post
        out.append(t)
    return " ".join(out)


def make_translated_summary(art: Article, agg: str, r: random.Random) -> tuple[str, list[list[str]]]:
    sents = [s for p in art.paragraphs for s in p]
    keep_n = max(3, min(12, round(len(sents) * r.uniform(0.3, 0.55))))
    idx = [0] + sorted(r.sample(range(1, len(sents)), min(keep_n - 1, len(sents) - 1))) if len(sents) > 1 else [0]
    translit = r.random() < 0.35
    out = []
    for n, i in enumerate(idx):
        s = sents[i]
        s = re.sub(r"\s*\([^)]*\)", "", s)
        s = re.sub(r" — [^—]+ — ", " ", s)
        s = re.sub(r", (which|who|where|while) [^,.;]+([,.;])", r"\2", s)
        m = re.match(r"^[“\"](.+?)[,.]?[”\"],? (.+?) (said|says|told \w+)\.$", s)
        if m:
            q = m.group(1)
            q = q[:1].lower() + q[1:] if q[:2] != "I " else q
            s = f"{m.group(2)} said that {q}."
        s = s.replace("“", "\"").replace("”", "\"")
        s = translate_style_sentence(s, r, 0.4)
        if translit:
            s = re.sub(r"\b([A-Z][a-z]{3,})\b", lambda mm: _transliterate(mm.group(1)) if mm.group(1) not in KEEP_CAPS else mm.group(1), s)
        if n == 0:
            s = s.rstrip(".") + f", writes {art.outlet}."
        elif n == 1 or r.random() < 0.15:
            s = f"According to {art.outlet}, " + (s[:1].lower() + s[1:] if s.split(" ", 1)[0] in ("The", "A", "An", "It", "This", "There", "In") else s)
        out.append(s)
    paras, i = [], 0
    while i < len(out):
        k = r.randint(1, 3)
        paras.append(out[i : i + k])
        i += k
    title = f"{art.outlet}: {art.title}"
    return title, paras


def _transliterate(name: str) -> str:
    return name.replace("y", "j").replace("sh", "š").replace("ch", "č").replace("w", "v").replace("zh", "ž")


# ---------------------------------------------------------------------------------------
# page rendering


def render_page(
    st: Style,
    title: str | None,
    paras: list[list[str]],
    date: tuple[int, int, int],
    person: str,
    r: random.Random,
    headlines: list[str],
    credit_top: str = "",
    credit_bottom: str = "",
) -> str:
    lines: list[str] = []
    lines += st.extra_top
    lines += st.banner
    if r.random() < 0.9:
        lines.append(st.nav)
    if st.scraper and r.random() < 0.5 and title:
        lines.append(f"Home » {r.choice(_SECTIONS)} » {title}")
    if title and st.headline_in_text:
        lines.append(title)
    meta = [x for x in (_byline(st.byline_fmt, person, r), _fmt_date(st.date_fmt, *date, r)) if x]
    if st.scraper:
        meta = [f"By admin {r.choice(['·', '-', '|'])} {_fmt_date(st.date_fmt, *date, r)}"] if r.random() < 0.6 else meta
    lines += meta
    if credit_top:
        lines.append(credit_top)
    if st.ad_line.startswith("[ad_1]"):
        lines.append("[ad_1]")
    body_lines: list[str] = []
    for i, p in enumerate(paras):
        body_lines.append(" ".join(p))
        if i + 1 < len(paras) and (i + 1) % st.insert_every == 0 and r.random() < 0.6:
            x = r.random()
            if x < 0.5:
                body_lines.append(st.insert_fmt.format(h=r.choice(headlines), U=st.name.upper()))
            elif x < 0.75 and st.ad_line and not st.ad_line.startswith("[ad_1]"):
                body_lines.append(st.ad_line)
            elif st.newsletter:
                body_lines.append(st.newsletter)
    lines_sep = "\n\n" if st.blank_between else "\n"
    tail: list[str] = []
    if credit_bottom:
        tail.append(credit_bottom)
    if st.ad_line.startswith("[ad_1]"):
        tail.append("[ad_2]")
    if st.tags_fmt and r.random() < 0.7:
        tags = r.sample([w for w in title.split() if len(w) > 4] if title else ["news"], k=min(3, len([w for w in title.split() if len(w) > 4]) if title else 1)) or ["news"]
        tail.append(st.tags_fmt.format(t=", ".join(t.strip(",.:;'\"“”‘’").lower() for t in tags)))
    if st.scraper and r.random() < 0.5:
        tail.append(r.choice(["Source link", "Click here to read full story", "Read full article", "Disclaimer: This story is auto-aggregated by a computer program and has not been created or edited by our staff."]))
    tail.append(st.share)
    if st.newsletter and r.random() < 0.5:
        tail.append(st.newsletter)
    tail.append(st.related_head)
    for j in range(st.related_n):
        b = st.related_bullet if st.related_bullet != "1. " else f"{j + 1}. "
        tail.append(b + r.choice(headlines))
    tail += st.comments
    tail += st.extra_bottom
    tail += st.footer
    return lines_sep.join(lines) + "\n\n" + "\n\n".join(body_lines) + "\n\n" + lines_sep.join(tail) + "\n"


_CREDITS_TOP = ["Source: {o}", "via {o}", "Originally published by {o}", "({o})"]
_CREDITS_BOTTOM = ["This story first appeared on {o}.", "Source: {o}", "via {o}", "The post {t} appeared first on {o}.",
                   "Originally published at {o}.", "This article was originally published by {o}.", "Credit: {o}",
                   "Read the original article on {o}."]


# ---------------------------------------------------------------------------------------
# the corpus


@dataclass
class Doc:
    record: dict      # the corpus.jsonl line
    truth: dict       # the truth.jsonl line
    body: list[list[str]]  # the article body without furniture (for tests and analysis)


def _allocate(n: int, mix: dict[str, float]) -> dict[str, int]:
    fr = {k: max(0.0, float(v)) for k, v in mix.items()}
    total = sum(fr.values())
    if total >= 1.0:
        raise ValueError("the mix fractions must leave room for originals (sum < 1)")
    fr["original"] = 1.0 - total
    raw = {k: v * n for k, v in fr.items()}
    counts = {k: int(v) for k, v in raw.items()}
    rest = n - sum(counts.values())
    for k in sorted(raw, key=lambda k: (-(raw[k] - counts[k]), k))[:rest]:
        counts[k] += 1
    if n > 0 and counts["original"] == 0:
        big = max((k for k in counts if k != "original"), key=lambda k: counts[k])
        counts[big] -= 1
        counts["original"] += 1
    return counts


def iter_corpus(n_docs: int, seed: int = 1, mix: dict[str, float] | None = None,
                bases: list[dict] | None = None) -> Iterator[Doc]:
    """Yield the corpus document by document (line order)."""
    mix = dict(DEFAULT_MIX if mix is None else mix)
    for k in mix:
        if k not in DEFAULT_MIX:
            raise ValueError(f"unknown mix category {k!r}; known: {', '.join(DEFAULT_MIX)}")
    if bases is None:
        bases = load_base_articles()
    if not bases:
        raise RuntimeError("no base articles found")
    pool = Pool.build(bases)
    avg_words = sum(len(s) for s in pool.sentences) / len(pool.sentences)
    master = random.Random(f"dossier-bench:{seed}")
    counts = _allocate(n_docs, mix)
    cats = [c for c in sorted(counts) for _ in range(counts[c])]
    master.shuffle(cats)
    orig_positions = [i for i, c in enumerate(cats) if c == "original"]
    base_order = list(range(len(bases)))
    master.shuffle(base_order)
    base_of = {pos: base_order[k] for k, pos in enumerate(orig_positions[: len(bases)])}
    hot = orig_positions[: max(1, len(orig_positions) // 20)]
    source: dict[int, int] = {}
    for i, c in enumerate(cats):
        if c in COPY_CATEGORIES:
            source[i] = master.choice(hot) if master.random() < 0.3 else master.choice(orig_positions)
    pending = Counter(source.values())
    cache: dict[int, Article] = {}
    headlines = [b["title"] for b in bases]
    hr = random.Random(f"headlines:{seed}")
    for _ in range(300):
        headlines.append(_headline_from_sentence(_mutate_sentence(pool, hr.randrange(len(pool.sentences)), hr, {}, 0.3)))
    headlines = [h for h in headlines if h]

    def original(pos: int) -> Article:
        art = cache.get(pos)
        if art is None:
            b = base_of.get(pos)
            art = make_original(pool, random.Random(f"{seed}:orig:{pos}"), bases[b] if b is not None else None, avg_words)
            if pending.get(pos):
                cache[pos] = art
        return art

    def url_for(domain: str, title: str, date: tuple[int, int, int], pos: int, r: random.Random) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70] or "story"
        sec = r.choice(["news", "world", "politics", "business", "local", "story", "article", "p"])
        if r.random() < 0.5:
            return f"https://{domain}/{sec}/{date[0]}/{date[1]:02d}/{slug}-{pos + 1}"
        return f"https://www.{domain}/{sec}/{slug}-{r.randint(10000, 99999)}{pos + 1}"

    for pos, cat in enumerate(cats):
        line = pos + 1
        variant = None
        negative = None
        drop_meta = False
        if cat == "original":
            art = original(pos)
            r = random.Random(f"{seed}:page:{pos}")
            st = style_for(art.outlet)
            title, outlet, date, paras = art.title, art.outlet, art.date, art.paragraphs
            kind, copy_of, orig_outlet = "original", None, art.outlet
            variant = "base" if pos in base_of else "synthetic"
            drop_meta = r.random() < 0.05
            text = render_page(st, title, paras, date, art.person, r, headlines)
        elif cat in ("non_native", "translated_style"):
            r = random.Random(f"{seed}:neg:{pos}")
            art = make_original(pool, r, None, avg_words)
            if cat == "non_native":
                paras = [[non_native_sentence(s, r) for s in p] for p in art.paragraphs]
            else:
                paras = [[translate_style_sentence(s, r) for s in p] for p in art.paragraphs]
            st = style_for(art.outlet)
            title, outlet, date = art.title, art.outlet, art.date
            kind, copy_of, orig_outlet, negative = "original", None, art.outlet, cat
            drop_meta = r.random() < 0.05
            text = render_page(st, title, paras, date, art.person, r, headlines)
        else:
            src = source[pos]
            art = original(src)
            pending[src] -= 1
            if pending[src] <= 0:
                cache.pop(src, None)
            r = random.Random(f"{seed}:copy:{pos}")
            copy_of, orig_outlet = src + 1, art.outlet
            date = _shift_date(art.date, r.choice([0, 0, 1, 1, 2, 3, 5, 8, 14]))
            title = art.title
            credit_top = credit_bottom = ""
            if cat == "duplicate":
                kind = "duplicate"
                outlet = art.outlet if r.random() < 0.4 else make_outlet(r)
                if r.random() < 0.3:
                    title = _headline_from_sentence(art.paragraphs[0][0]) or title
                paras = art.paragraphs
                st = style_for(outlet) if outlet != art.outlet else style_for(outlet, "mirror")
                variant = "same_outlet" if outlet == art.outlet else "syndicated"
            elif cat in ("near_duplicate", "containment"):
                kind = "near_duplicate"
                # Copying sites are the "republished" category; an edited copy sits on a news outlet.
                outlet = make_outlet(r)
                st = style_for(outlet, "news")
                if cat == "near_duplicate":
                    paras = edit_near_duplicate(pool, art.paragraphs, r)
                    variant = "edited"
                    if r.random() < 0.3:
                        title = _headline_from_sentence(paras[0][0]) or title
                else:
                    words = sum(len(s.split()) for p in art.paragraphs for s in p)
                    extra_words = r.uniform(0.1, 0.4) * words
                    extra: list[list[str]] = []
                    ew = 0
                    er = random.Random(f"{seed}:extra:{pos}")
                    for _ in range(80):
                        if ew >= extra_words * 0.85:
                            break
                        s = _mutate_sentence(pool, er.randrange(len(pool.sentences)), er, {}, WORD_RATE)
                        if ew + len(s.split()) > extra_words:
                            continue
                        if not extra or len(extra[-1]) >= er.randint(2, 4):
                            extra.append([])
                        extra[-1].append(s)
                        ew += len(s.split())
                    where = r.random()
                    if where < 0.5:
                        paras = art.paragraphs + extra
                    elif where < 0.75:
                        paras = extra + art.paragraphs
                    else:
                        h = len(extra) // 2
                        paras = extra[:h] + art.paragraphs + extra[h:]
                    variant = "containment"
            elif cat == "republished":
                kind = "republished"
                outlet = make_scraper(r)
                st = style_for(outlet, "scraper")
                paras = [list(p) for p in art.paragraphs]
                stripped = variant_trunc = False
                if r.random() < 0.6:  # "<Person> told <Outlet>" -> "<Person> told"
                    for p in paras:
                        for i, s in enumerate(p):
                            if f"told {art.outlet}" in s:
                                p[i] = s.replace(f" {art.outlet}", "")
                                stripped = True
                if r.random() < 0.3:
                    paras = [[s.replace("“", "\"").replace("”", "\"").replace("’", "'") for s in p] for p in paras]
                total = sum(len(x.split()) for p in paras for x in p)
                if r.random() < 0.15 and len(paras) > 3 and sum(len(x.split()) for x in paras[-1]) < 0.12 * total:
                    paras = paras[:-1]  # the scraper lost the last paragraph
                    variant_trunc = True
                credited = r.random() < 0.6
                if credited:
                    if r.random() < 0.35:
                        credit_top = r.choice(_CREDITS_TOP).format(o=art.outlet, t=art.title)
                    else:
                        credit_bottom = r.choice(_CREDITS_BOTTOM).format(o=art.outlet, t=art.title)
                variant = ("credited" if credited else "uncredited") + ("+stripped" if stripped else "") + ("+truncated" if variant_trunc else "")
            elif cat == "spun":
                kind = "spun"
                outlet = make_scraper(r) if r.random() < 0.6 else make_outlet(r)
                st = style_for(outlet, "scraper" if r.random() < 0.6 else "news")
                paras, rate = make_spun(art.paragraphs, r)
                title = spin([[title]], r, rate)[0][0]
                variant = "spun"
            else:  # translated
                kind = "translated"
                outlet = make_aggregator(r)
                st = style_for(outlet, "news")
                title, paras = make_translated_summary(art, outlet, r)
                date = _shift_date(art.date, r.randint(1, 5))
                if r.random() < 0.7:
                    credit_bottom = r.choice(["Original article: {o}", "Source: {o} (translated)", "Translated from {o} by {p}",
                                              "Press review prepared by {p}"]).format(o=art.outlet, p=make_person(r))
                variant = "summary"
            drop_meta = r.random() < 0.25
            text = render_page(st, title, paras, date, make_person(r), r, headlines, credit_top, credit_bottom)
        url = url_for(st.domain, title or "story", date, pos, r)
        record: dict = {"text": text}
        if not drop_meta:
            record["title"] = title
            record["outlet"] = outlet
            record["published"] = f"{date[0]}-{date[1]:02d}-{date[2]:02d}"
            minute = _minute_published(seed, pos, copy_of, date == art.date)
            if minute is not None:
                record["published"] += f"T{minute // 60:02d}:{minute % 60:02d}:00Z"
        record["url"] = url
        truth = {"line": line, "url": url, "kind": kind, "copy_of_line": copy_of, "original_outlet": orig_outlet,
                 "negative": negative, "variant": variant}
        yield Doc(record=record, truth=truth, body=paras)


def write_corpus(n_docs: int, seed: int, out: Path | str, mix: dict[str, float] | None = None,
                 bases: list[dict] | None = None) -> dict[str, int]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    kinds: Counter = Counter()
    with open(out / "corpus.jsonl", "w", encoding="utf-8", buffering=1 << 20) as fc, \
            open(out / "truth.jsonl", "w", encoding="utf-8", buffering=1 << 20) as ft:
        for doc in iter_corpus(n_docs, seed, mix, bases):
            fc.write(json.dumps(doc.record, ensure_ascii=False) + "\n")
            ft.write(json.dumps(doc.truth, ensure_ascii=False) + "\n")
            kinds[doc.truth["kind"] if not doc.truth["negative"] else f"original/{doc.truth['negative']}"] += 1
    return dict(kinds)


def parse_mix(spec: str | None) -> dict[str, float]:
    mix = dict(DEFAULT_MIX)
    if spec:
        for part in spec.split(","):
            if part.strip():
                k, _, v = part.partition("=")
                k = k.strip()
                if k not in DEFAULT_MIX:
                    raise SystemExit(f"unknown mix category {k!r}; known: {', '.join(DEFAULT_MIX)}")
                mix[k] = float(v)
    return mix


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a labelled copy-detection corpus for Dossier.")
    ap.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output folder (corpus.jsonl, truth.jsonl)")
    ap.add_argument("--mix", help="override fractions, e.g. 'spun=0.1,duplicate=0.05' "
                                  f"(categories: {', '.join(DEFAULT_MIX)}; plain originals get the rest)")
    ap.add_argument("--benchmark", help="path of the article-extraction benchmark's ground-truth.json "
                                        "(default ../shared/benchmarks/...; 'none' to use only the repo's sources)")
    args = ap.parse_args(argv)
    bench = BENCHMARK_GT if not args.benchmark else (None if args.benchmark == "none" else Path(args.benchmark))
    t0 = time.perf_counter()
    bases = load_base_articles(bench)
    kinds = write_corpus(args.docs, args.seed, args.out, parse_mix(args.mix), bases)
    dt = time.perf_counter() - t0
    size = (Path(args.out) / "corpus.jsonl").stat().st_size
    print(f"{args.docs} documents from {len(bases)} base articles in {dt:.1f}s -> {args.out} "
          f"(corpus.jsonl {size / 1e6:.1f} MB)", file=sys.stderr)
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
