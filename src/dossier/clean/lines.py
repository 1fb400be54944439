"""Shape features of a line of scraped text: the vocabulary the cleaner decides with.

Everything here is structural or general English/web language (quotation marks,
sentence punctuation, reporting verbs, call-to-action wording, HTML element
names), never phrases of particular sites.
"""

from __future__ import annotations

import re

QUOTES_OPEN = "\"“„«‘‹'「"
QUOTES_CLOSE = "\"”»’›'」"
QUOTES = set(QUOTES_OPEN + QUOTES_CLOSE)
SENTENCE_END = ".!?…"

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_TRAILING_TAGS = re.compile(r"(?:\s*\[[A-Z][A-Z ]{1,20}\])+\s*$")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")

# Verbs that introduce reported speech: "He said:", "They wrote:" open a quote,
# they are not a link label like "Read more:".
REPORTING_VERBS = frozenset(
    """said says say told tells tell wrote writes write added adds stated states explained
    explains noted notes asked asks replied replies warned warns insisted insists tweeted
    tweets posted posts claimed claims announced announces argued argues quoted quotes
    continued continues concluded concludes recalled recalls commented comments declared
    declares according stressed stresses urged urges admitted admits""".split()
)

# Call-to-action and site-notice wording: general web boilerplate, not one site's phrases.
_PROMO = re.compile(
    r"\b(?:sign[ -]?up|subscribe|subscription (?:offers?|plans?|deals?)|newsletters?|buy now|shop now|advertis(?:e|ing) with|click(?:ing)? here|tap here|"
    r"follow us|like us on|download (?:the |our )?[\w ]{0,30}\bapp\b|share (?:this|on)|javascript|"
    r"support (?:our|independent|local) [\w ]{0,20}journalism|become a [\w ]{0,30}(?:member|subscriber)|"
    r"all rights reserved|copyright\b|(?:use|uses|using|accept|allow|enable|store|set)\b[^.]{0,30}\bcookies|cookies? (?:on|to) (?:this|our) (?:site|website|service)|cookie (?:policy|settings|preferences|notice)|terms of (?:use|service)|privacy policy|(?:cookie|your) consent|consent preferences|accept all|reject all|"
    r"manage (?:options|preferences|settings)|personali[sz]e[ds]? (?:content|ads|advertising)|"
    r"advert(?:isement)?s?|sponsored (?:content|by|post|links?|stories)|^sponsored\b|support our journalism|donate|"
    # notices about the page itself rather than the story
    r"(?:this|the) (?:article|story|post|note|page) (?:is|was|has been|does not|first|originally)|"
    r"for (?:general )?information (?:only|purposes)|not (?:legal|medical|financial|investment) advice|"
    r"comments? (?:are|is|have been|has been) (?:closed|disabled|turned off|moderated|checked)|originally (?:published|appeared)|read the original|"
    r"min(?:ute)?s? read|reading time|leave (?:a )?comments?|log in or register|sign in to (?:comment|continue|read)|"
    r"(?:this|the) (?:video|interview|podcast|article|story) (?:appears|has been edited)|disclaimer|"
    r"discover more from|write a comment|transcript|(?:earn|receive) (?:a )?commission|affiliate links?|follow [\w ]{1,30} on (?:facebook|instagram|twitter|x|tiktok|youtube|linkedin)|"
    r"(?:call|phone|tel|whatsapp)\b[^.]{0,40}\d{3,}|^(?:first )?published (?:in|on|by)\b)\b|[\w.+-]+@[\w-]+\.[\w.]+",
    re.IGNORECASE,
)

# A trailing credit in parentheses, as captions carry it: "(Image: Agency / Agency)".
_CAPTION_CREDIT = re.compile(
    r"\(\s*[A-Z][\w’' ]{1,20}\s*:\s*[^()]{1,80}\)\s*$"  # "... (Image: Agency)"
    r"|^(?:photo|image|picture|illustration|video)s? by\s+\S.{0,80}$"  # "Photo by Name on Site"
    r"|\(\s*[A-Z][\w.’' -]{1,40}\s*/\s*[A-Z][\w.’' -]{1,40}\)\s*$"  # "... (Name / Outlet)"
    r"|(?:[.!?]|\s[-–—])\s+(?:staff |file )?(?:image|photo|picture|photograph|video|footage)s?(?:\s+credit)?\s*[:/]\s*[^.]{2,80}$"
    r"|\s[-–—]\s*file ?(?:pic|photo|picture|image)s?\.?$",
    re.IGNORECASE,
)

# Social embeds: a post's attribution line "— Name (@handle) Month D, YYYY", post links.
_EMBED_ATTRIBUTION = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)(?:\s+\w+\.? \d{1,2}, \d{4})?\s*$")
_EMBED_LINK = re.compile(r"\b(?:pic\.twitter\.com/|t\.co/|instagram\.com/p/|x\.com/\w+/status)", re.I)
_EMBED_SHARED = re.compile(r"^(?:A post shared by|View this post on)\b", re.I)

_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)

# "Label: rest" where the label is one to three words.
_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,4})\s*:\s*(?P<rest>\S.*)$")

# Link lines that set their label off without a colon: "[Read] ...", "ALSO ON X → ...",
# "See also — ...".  A dash alone also opens sub-headings ("Brexit — what next"), so a
# dashed label counts only when it is shouted or made of link words.
_BRACKET_LABEL = re.compile(r"^\[(?P<label>[^\]\d]{2,20})\]\s*(?P<rest>\S.*)$")
_ARROW_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,4})\s*[→»›]\s*(?P<rest>\S.*)$")
_DASH_LABEL = re.compile(r"^(?P<label>[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,4})\s+[—–]\s+(?P<rest>\S.*)$")
_DATELINE_LABEL = re.compile(r"^[A-Z]{2,}(?:\s+[A-Z]{2,}){0,2}(?:,\s+[A-Z][\w.]*)?$")  # "NEW YORK", "LAS PALMAS"
LINK_WORDS = frozenset("see also read more related recommended don't dont miss trending popular latest top "
                       "watch listen on from in the our".split())

_BULLET = re.compile(r"^(?:[•▪◦●■►▶·*]\s*|[-–—]\s+)")
_HANDLE_ONLY = re.compile(r"^@[\w.]{1,40}(?:@[\w.-]{1,60})?$")
_TIMESTAMP = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?|GMT|UTC|BST|CET|EST|PST)?\b|\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\b|"
    r"\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d+\s+(?:minutes?|hours?|days?)\s+ago\b"
)
# Nouns that mark a line as the caption of a picture or player rather than a sub-heading.
MEDIA_NOUNS = frozenset(
    "map maps video videos photo photos photograph photographs picture pictures image images gallery "
    "graphic graphics chart charts infographic audio podcast slideshow pictured footage watch listen".split()
)


def is_handle(text: str) -> bool:
    """A line holding only a social media handle (the head of an embedded post)."""
    return bool(_HANDLE_ONLY.match(text))


def has_timestamp(text: str) -> bool:
    return bool(_TIMESTAMP.search(text))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(text) if s.strip()]


def strip_trailing_tags(text: str) -> str:
    """Drop section tags like ``[ANALYSIS]`` that sites append to link headlines."""
    return _TRAILING_TAGS.sub("", text).rstrip()


def has_trailing_tags(text: str) -> bool:
    return bool(_TRAILING_TAGS.search(text))


def ends_with_full_stop(text: str) -> bool:
    """Ends in "." after a word, not after an abbreviation such as "A.M." or "U.S."."""
    t = text.rstrip()
    if not t.endswith("."):
        return False
    last = t.rsplit(None, 1)[-1]
    return not re.fullmatch(r"(?:[A-Za-z]\.){2,}", last)


def ends_sentence(text: str) -> bool:
    """True when the text ends like a sentence: ``.``, ``!``, ``?`` or ``…``, perhaps inside quotes."""
    t = strip_trailing_tags(text).rstrip()
    while t and (t[-1] in QUOTES_CLOSE or t[-1] in ")]"):
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in SENTENCE_END


def sentence_like(text: str) -> bool:
    """A line that reads as running prose rather than a headline, caption or menu item.

    Scraped paragraphs sometimes lose their final full stop or end on a closing
    quotation mark, so a long line ending on a quote still counts as prose.
    """
    if ends_sentence(text):
        return True
    n = len(words(text))
    t = text.rstrip()
    if t and t[-1] in QUOTES_CLOSE and n >= 12:
        return True
    if t.endswith(";") and n >= 6:
        return True  # an item of a list written as one sentence
    return n >= 30


def is_promo(text: str) -> bool:
    return bool(_PROMO.search(text)) or "©" in text


def promo_hits(text: str) -> int:
    """How many different promotion or notice phrases a text holds (a cookie banner holds several)."""
    return len({m.group(0).lower() for m in _PROMO.finditer(text)})


def is_caption(text: str) -> bool:
    return bool(_CAPTION_CREDIT.search(text))


def is_embed_attribution(text: str) -> bool:
    return bool(_EMBED_ATTRIBUTION.match(text))


def is_embed(text: str) -> bool:
    return bool(_EMBED_LINK.search(text) or _EMBED_SHARED.match(text) or is_embed_attribution(text))


def is_url(text: str) -> bool:
    return bool(_URL_ONLY.match(text))


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def label_of(text: str) -> tuple[str, str] | None:
    """``("Label", "rest")`` when the line opens with a short label that is not a speaker.

    "He said: “...”" and "They wrote: ..." introduce quotes; "See also: ..." does not.
    """
    m = _LABEL.match(text)
    if not m:
        return None
    label, rest = m.group("label"), m.group("rest")
    upper = is_upper_label(label)
    if len(label.split()) > 3 and not upper:  # four or five words only when shouted: "MORE FROM THE SITE:"
        return None
    if rest[0] in QUOTES and not upper:
        return None
    if any(w.lower() in REPORTING_VERBS for w in words(label)):
        return None
    return label, rest


def link_label(text: str) -> tuple[str, str] | None:
    """``("Label", "headline")`` for a link line labelled without a colon (see ``_DASH_LABEL``)."""
    m = _BRACKET_LABEL.match(text) or _ARROW_LABEL.match(text)
    if not m:
        m = _DASH_LABEL.match(text)
        label = m.group("label").split() if m else []
        # shouted and two words or more ("ALSO ON THE COURIER"), not a dateline ("WASHINGTON —") or
        # an acronym heading ("NHS — what changes")
        if m and not ((is_upper_label(m.group("label")) and len(label) >= 2 and not _DATELINE_LABEL.match(m.group("label")))
                      or all(w.lower() in LINK_WORDS for w in label)):
            m = None
    if m and len(words(m.group("rest"))) > 16:
        return None  # a paragraph of prose after a dateline, not a headline
    return (m.group("label"), m.group("rest")) if m else None


def is_upper_label(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_reported_speech(text: str) -> bool:
    """A quotation with its reporting verb ("..., she said."): prose however short."""
    return any(c in QUOTES for c in text) and any(w.lower() in REPORTING_VERBS for w in words(text))


def quote_left_open(text: str) -> bool:
    """True when the text opens a quotation it does not close (typographic or straight marks)."""
    curly = text.count("“") - text.count("”")
    if curly:
        return curly > 0
    guillemets = text.count("«") - text.count("»")
    if guillemets:
        return guillemets > 0
    return text.count('"') % 2 == 1


_SEPARATOR = re.compile(r"\s[|»›>·•/]\s|\s[|»›]|[|»›]\s|\S {2,}(?=\S)")


def separators(text: str) -> int:
    """How many menu or byline separators ("|", "»", "·") a line holds."""
    return len(_SEPARATOR.findall(text))


def normalise(text: str) -> str:
    """Case- and punctuation-blind form of a line, for spotting repeats."""
    return " ".join(w.lower() for w in words(strip_trailing_tags(text)))
