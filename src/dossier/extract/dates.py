"""Dates an article mentions, absolute and relative, resolved against its publication date.

Hand-written patterns rather than ``dateparser.search``: on "The cabinet may act
... They march on Monday" it returned "may" as a date and "march on
Monday" as 14 March, and it gives "earlier this month" a day where the text
only says a month.  The patterns cover how news prose states dates; resolution follows newsroom
usage: a bare weekday is the most recent one (or the coming one in a sentence
about the future), a bare month is the latest one not after publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Month and weekday names in full, lower case: words that date a sentence and name no one.
CALENDAR_WORDS = frozenset({m.lower() for m in calendar.month_name if m} | set(WEEKDAYS))
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
                "several": 3}

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
ORDINALS = {w: n for n, w in enumerate(_UNITS + ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"], 1)}
ORDINALS.update({f"twenty-{w}": 20 + n for n, w in enumerate(_UNITS, 1)})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31})

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_NUM = r"(?P<n>\d{1,2}|a couple of|a few|several|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"

# Feasts named instead of a date, as days after Easter Sunday or as a fixed month and day.
_EASTER_OFFSETS = {"ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3, "good friday": -2,
                   "holy saturday": -1, "easter sunday": 0, "easter day": 0, "easter monday": 1}
_FIXED_FEASTS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
                 "christmas eve": (12, 24), "boxing day": (12, 26)}
_FEAST = r"(?P<feast>Ash Wednesday|Palm Sunday|Maundy Thursday|Good Friday|Holy Saturday|Easter (?:Sunday|Day|Monday)|New Year['’]s (?:Day|Eve)|Christmas (?:Day|Eve)|Boxing Day)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("feast", re.compile(rf"\b{_FEAST}\b(?:,?\s+{_YEAR}\b)?")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")),
    # "07.11.2029", "31-05-2030": day first, as everywhere dots and dashes are so used; with slashes
    # only when one of the two cannot be a month ("31/05/2030", "05/31/2030")
    ("numeric", re.compile(r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[.-])(?P<b>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w/-]|\.\d)"
                           r"|(?<![\w./-])(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<syear>(?:19|20)\d\d)(?![\w/-]|\.\d)")),
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+(?:\(?\s*)?)?{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+(?:the\s+)?)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    # "the first of August", "on the twenty-fifth of May": the day in words
    ("dmy_word", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?the\s+(?P<dayword>{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
                       rf"\s+of\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.I)),
    ("my", re.compile(rf"\b(?:(?P<prep>in|since|by|until|till|from|during|early|late|mid|last|this|next|of|before|after|into|"
                      rf"for|through|throughout|between)[\s-]+(?:(?:early|late|mid)[\s-]+)?)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("year", re.compile(rf"\b(?P<prep>in|since|by|until|till|from|during|of|before|after|early|late|mid|around|throughout|"
                        rf"between|(?<=between (?:19|20)\d\d )and)[\s-]+(?:(?:early|late|mid)[\s-]+)?{_YEAR}\b(?![-–]\w)", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|this|next|on|since|by|until|from|connected|for)\s+(?:at\s+(?:the\s+)?(?:least|latest|earliest)\s+)?)?{_WEEKDAY}\b(?:\s+(?P<part>morning|afternoon|evening|night))?", re.I)),
    ("deictic", re.compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b", re.I)),
    ("period", re.compile(r"\b(?P<rel>(?:earlier|later)\s+this|this|last|next|past)\s+(?P<unit>week|month|year)\b", re.I)),
    ("ago", re.compile(rf"\b{_NUM}\s+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b", re.I)),
    ("end", re.compile(r"\b(?:the\s+)?end\s+of\s+(?P<rel>the|this|next|last)\s+(?P<unit>month|year)\b(?![-–]|\s+of\b)",
                       re.I)),
]
_FUTURE = re.compile(r"\b(?:will|shall|would|is due|are due|is expected|are expected|(?:is|are) scheduled|scheduled to|plans? to|going to)\b", re.I)

# Tells whether the clause holding the date at an offset speaks of the future (True), the past
# (False) or cannot tell (None).  ``extract.document`` builds one from spaCy's parse; without
# it a regex over the sentence decides.
FutureHint = Callable[[int], "bool | None"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD; "--MM-DD" or "--MM" when an undated article leaves out the year
    relative: bool  # resolved against the publication date rather than read as written
    weekday_mismatch: bool = False  # "Wednesday, March 4" where March 4 of that year is not a Wednesday


def find_dates(text: str, published: str | None, future: FutureHint | None = None) -> list[DateMention]:
    """Every date expression of ``text`` that can be resolved, in text order, without overlaps.

    Without ``published``, "October 10" and "in May" keep a blank year ("--10-10", "--05")
    for the corpus pass to fill; dates relative to the day ("on Friday") are left out.
    """
    pub = _parse_iso(published)
    def regex(at: int) -> bool:
        return _FUTURE.search(_clause_around(text, at)) is not None

    def hint(at: int) -> bool | None:
        """True ahead, False past (from the parse), None when nothing says."""
        said = future(at) if future else None
        return (True if regex(at) else None) if said is None else said
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    posts = _posts(text)
    recorded = _recorded(text, pub)
    if recorded is not None:
        # a transcript's "today" is the day of the recording, from the sentence that gives it on
        posts.append((recorded[0], len(text), recorded[1]))
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span()
            if any(a < e and b > s for s, e in taken):
                continue
            # "Today" in a post signed "— Name (@handle) January 22, 2026" is that day
            said = next((d for s, e, d in posts if s <= a < e), pub)
            got = _resolve(kind, m, said, hint)
            if got is None:
                if kind == "feast":
                    taken.append(m.span())  # "the Good Friday Agreement": nor is its "Friday" a date
                continue
            value, relative, mismatch = got
            found.append(DateMention(a, b, text[a:b], value, relative, mismatch))
            taken.append(m.span())
    found.sort(key=lambda d: d.start)
    return found


_PATTERN_OF = dict(_PATTERNS)
# The line that signs an embedded post: "— NEXTA (@nexta_tv) March 19, 2022".
_POST_SIGNATURE = re.compile(
    r"^[ \t]*[—–-]+[ \t]*(?P<name>[^\n(]{2,80}?)[ \t]*\(@(?P<handle>\w{1,30})\)[ \t]*(?P<date>[^\n]{0,40})", re.M)


def embedded_posts(text: str) -> list[tuple[int, re.Match]]:
    """(where the post starts, its signature line) for each embedded post: the post is the text from
    the previous blank line down to the signature."""
    out = []
    for sig in _POST_SIGNATURE.finditer(text):
        body_end = len(text[: sig.start()].rstrip())
        out.append((text.rfind("\n\n", 0, body_end) + 1, sig))
    return out


def _posts(text: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of embedded posts whose signature line carries a date."""
    out = []
    for body_start, sig in embedded_posts(text):
        day = None
        for kind in ("mdy", "dmy", "iso"):
            m = _PATTERN_OF[kind].search(sig.group("date"))
            got = _resolve(kind, m, None, lambda _: False) if m and m.group("year") else None
            if got:
                day = _parse_iso(got[0])
                break
        if day is not None:
            out.append((body_start, sig.start(), day))
    return out


# "This episode was recorded on Wednesday evening", "The interview was conducted on March 3", in the
# opening of a transcript (a story about "a conversation recorded on March 3 by investigators" is news).
_TURN_LABEL = re.compile(r"(?m)^[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}:[ \t]")
_RECORDED = re.compile(r"\b(?:(?:[Tt]his|[Tt]he following|[Oo]ur)\b[^.\n]{0,40}?\b(?:interview|conversation|episode|podcast|"
                       r"discussion|transcript|programme|program|show)|transcript of)\b"
                       r"[^.\n]{0,80}?\b(?:(?:was|were)\s+)?(?:recorded|conducted|taped|filmed|broadcast|aired)\b"
                       r"(?:\s+in\s+[A-Z][\w-]+)?,?\s+(?:on\s+)?", re.I)


def _recorded(text: str, pub: dt.date | None) -> tuple[int, dt.date] | None:
    """(where the recording's day starts to count, that day) when the opening of a transcript says
    when it was recorded, which may be days before it was published."""
    if pub is None or len(_TURN_LABEL.findall(text)) < 2:
        return None  # a transcript's turns ("HOST: ...") or it is a news story about a recording
    m = _RECORDED.search(text, 0, 600)
    if m is None:
        return None
    for kind in ("mdy", "dmy", "weekday", "deictic"):
        d = _PATTERN_OF[kind].match(text, m.end())
        got = _resolve(kind, d, pub, lambda _: False) if d else None
        if got and len(got[0]) == 10:
            return d.end(), dt.date.fromisoformat(got[0])
    return None


def date_like_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every date expression, resolvable or not ("February 24" in an undated article),
    so that the figure finder does not read the day as a count.  Resolving against any date
    makes every pattern resolve; only the spans are kept."""
    return [(d.start, d.end) for d in find_dates(text, "2000-06-15")]


def _parse_iso(s: str | None) -> dt.date | None:
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _clause_around(text: str, a: int) -> str:
    """The words around ``a`` up to the nearest comma, semicolon or sentence end: when the parse
    gives no verb for a date, the tense of its own clause ("reserved judgment on Friday, and said
    she would rule on Tuesday": Friday is past)."""
    stops = (". ", "\n", ";", ",", " — ")
    left = max(text.rfind(s, 0, a) for s in stops)
    ends = [i for i in (text.find(s, a) for s in stops) if i >= 0]
    return text[left + 1:min(ends, default=len(text))]


def _resolve(kind: str, m: re.Match, pub: dt.date | None, hint: FutureHint) -> tuple[str, bool, bool] | None:
    g = m.groupdict()
    if kind == "iso":
        return _day(int(g["year"]), int(g["mnum"]), int(g["day"]), None)
    if kind == "numeric":
        if re.search(r"\b(?:version|v|build|release|firmware|no|nos|number|regulation|decree|case|ref|reference|"
                     r"passport|tel|phone|hotline|item|article|section)\.?\s*$", m.string[max(0, m.start() - 14):m.start()],
                     re.I):
            return None  # "version 2.1.2030", "Case No. 14-03-2029": a number, not a day
        if g["a"]:
            return _day(int(g["year"]), int(g["b"]), int(g["a"]), None)
        first, second = int(g["sa"]), int(g["sb"])
        if (first > 12) == (second > 12):
            return None  # "05/06/2030": May or June, the page does not say
        day, month = (first, second) if first > 12 else (second, first)
        return _day(int(g["syear"]), month, day, None)
    if kind == "feast":
        before, after = m.string[max(0, m.start() - 12):m.start()], m.string[m.end():m.end() + 30]
        if re.search(r"\b(?:19|20)\d\d\s+$", before) or re.match(rf"\s+(?i:{_EVENT_NOUNS})\b", after) \
                or re.search(r"\bso-called\s+$", before):
            return None  # "the 1965 Palm Sunday tornado", "the Good Friday Agreement", "the Boxing Day tsunami"
        ahead = hint(m.start())
        if re.search(r"\b(?:ahead of|until|till|before|for|by)\s+$", before):
            ahead = True  # "pilgrims arrive ahead of Good Friday", "rehearsing until Ash Wednesday"
        return _feast(g["feast"], int(g["year"]) if g.get("year") else None, pub, ahead)
    if kind in ("mdy", "dmy", "dmy_word"):
        if not g["month"][0].isupper():
            return None  # ("the first of may" is no date; the pattern with the day in words ignores case)
        month = MONTHS[g["month"].lower().rstrip(".")]
        day = ORDINALS[g["dayword"].lower()] if g.get("dayword") else int(g["day"])
        if not 1 <= day <= 31:
            return None
        if g.get("year"):
            return _day(int(g["year"]), month, day, g.get("weekday"))
        if pub is None:
            return _yearless(month, day)
        ahead = hint(m.start())
        if re.search(r"\bfor\s+$", m.string[max(0, m.start() - 5):m.start()]):
            ahead = True  # "has called a rally for Saturday, August 14", whatever the verb's tense
        if ahead is None and re.search(r"\b(?:until|till|by)\s+$", m.string[max(0, m.start() - 7):m.start()]):
            ahead = True  # "gives the judge until September 30 to report"
        if ahead is False and re.search(r"\b(?:until|till)\s+$", m.string[max(0, m.start() - 7):m.start()]) and \
                re.search(r"\b(?:extend|postpon|adjourn|defer|delay|suspend|prolong|freez|froze|gave|grant)\w*\b",
                          _clause_around(m.string, m.start()), re.I) and not \
                re.search(r"\b(?:not|n['’]t|never)\b", _clause_around(m.string, m.start())):
            ahead = True  # "extended the ban until 30 September" (not "remained closed until 28 December")
        if ahead is None and 3 < (_this_year(pub, month, day) - pub).days <= 45:
            ahead = True  # no tense to go by: "ordered to appear on 10 June" five days ahead, not a year back
        year = _nearest_year(pub, month, day, bool(ahead))
        got = _day(year, month, day, g.get("weekday"))
        return (got[0], True, got[2]) if got else None
    if kind == "my":
        word = g["month"]
        if word in ("May", "March") and not (g.get("prep") or g.get("year")):
            return None  # the verb "may", the verb "march"
        if not word[0].isupper():
            return None
        month = MONTHS[word.lower().rstrip(".")]
        if g.get("year"):
            return f"{int(g['year']):04d}-{month:02d}", False, False
        lead = m.string[max(0, m.start() - 40):m.start()]
        after_month = None if g.get("prep") or word not in calendar.month_name else re.search(
            r"\b(?P<first>January|February|March|July|September|October|November|December)\s+(?:and|or|to|through)\s+$",
            lead)
        if after_month is not None and re.search(r"[A-Z][a-z]+\s+$", lead[:after_month.start()]):
            after_month = None  # "Theresa March and ...": a name
        if not g.get("prep") and after_month is None:
            return None
        if after_month is not None and pub is None:
            return f"--{month:02d}", True, False  # undated: the year the corpus settles
        if after_month is not None:
            # "March and April are when ...": the second month in the year of the first (a month
            # before the one published in, or the one just ahead)
            first = MONTHS[after_month.group("first").lower()]
            said = hint(m.start())
            year = _nearest_year(pub, first, 1, bool(said) or (said is None and 0 < first - pub.month <= 1))
            return f"{year + (1 if month < first else 0):04d}-{month:02d}", True, False
        prep = g["prep"].lower()
        if pub is None:
            # "in May" of an undated article: the year the corpus settles, but not "last May" or "next May"
            return None if prep in ("last", "next", "before", "after") else (f"--{month:02d}", True, False)
        said = hint(m.start())
        # no tense to go by ("did not rule out a protest in June"): a month just ahead is this year's
        soon = said is None and 0 < (month - pub.month) % 12 <= 2 and prep not in ("since", "last", "before", "of")
        future = prep in ("next", "by", "until", "till") or bool(said) or soon
        if prep == "of" and said is not False and re.search(r"\b(?:before|by|until|till|ahead of)\s+(?:the\s+)?(?:end|start|beginning|middle)\s+$",
                                      m.string[max(0, m.start() - 30):m.start()]):
            future = True  # "before the end of October"
        if prep == "last":
            year = pub.year - 1 if month >= pub.month else pub.year
        else:
            year = _nearest_year(pub, month, 1, future)
        return f"{year:04d}-{month:02d}", True, False
    if kind == "year":
        return g["year"], False, False
    if pub is None:
        return None
    if kind == "weekday":
        wd = WEEKDAYS[g["weekday"].lower()]
        if not g["weekday"][0].isupper():
            return None
        rel = (g.get("rel") or "").lower()
        ahead = hint(m.start())
        if rel == "for" and m.string.startswith(("'s", "’s"), m.end()):
            rel = ""  # "arrested for Friday's attack": whose day, not a day ahead
        # "until (at least) Friday" and "for Friday" point ahead even after a past verb ("cancelled all
        # flights until Friday", "called a session for Friday"); "by Friday" after a past verb ("had
        # contained it by Friday"), and "not ... until Friday" after one, say when it happened
        when_it_happened = rel == "by" or re.search(r"\b(?:not|n['’]t|never)\b", _clause_around(m.string, m.start()))
        future = rel in ("next", "for") or (rel in ("by", "until") and not (when_it_happened and ahead is False)) or (
            rel != "last" and bool(ahead))
        delta = (wd - pub.weekday()) % 7 if future else -((pub.weekday() - wd) % 7)
        if rel == "last" and delta == 0:
            delta = -7
        day = pub + dt.timedelta(days=delta)
        return day.isoformat(), True, False
    if kind == "deictic":
        if g["word"][0].isupper() and re.search(r"[A-Z][\w’'-]*\s+$", m.string[max(0, m.start() - 30):m.start()]):
            return None  # "Kepulauan Today", "USA Today": a name
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["word"].lower()]
        return (pub + dt.timedelta(days=offset)).isoformat(), True, False
    if kind == "period":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = -1 if rel in ("last", "past") else 1 if rel == "next" else 0
        if unit == "year":
            return f"{pub.year + step:04d}", True, False
        if unit == "month":
            return _month(pub, step), True, False
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
        return f"{monday.year:04d}-{monday.month:02d}", True, False  # a week is finer than a month: keep the month
    if kind == "end":  # "by the end of the month": that month (or year), not a day
        rel, unit = g["rel"].lower(), g["unit"].lower()
        if rel == "the" and hint(m.start()) is False:
            return None  # "In February the river rose; by the end of the month ...": whichever month that was
        step = -1 if rel == "last" else 1 if rel == "next" else 0
        return (f"{pub.year + step:04d}" if unit == "year" else _month(pub, step)), True, False
    if kind == "ago":
        n = NUMBER_WORDS.get(g["n"].lower()) if not g["n"].isdigit() else int(g["n"])
        if not n:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return (pub - dt.timedelta(days=n)).isoformat(), True, False
        if unit in ("week", "fortnight"):
            return (pub - dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1))).isoformat(), True, False
        if unit == "month":
            return _month(pub, -n), True, False
        return f"{pub.year - n:04d}", True, False
    return None


def _month(pub: dt.date, step: int) -> str:
    """ "YYYY-MM" of the month ``step`` months after the one of ``pub``."""
    y, mo = divmod(pub.year * 12 + pub.month - 1 + step, 12)
    return f"{y:04d}-{mo + 1:02d}"


def _feast_day(name: str, year: int) -> dt.date:
    key = name.lower().replace("’", "'")
    if key in _FIXED_FEASTS:
        return dt.date(year, *_FIXED_FEASTS[key])
    return easter(year) + dt.timedelta(days=_EASTER_OFFSETS[key])


# Nouns after a feast's name that make it the name of an event of some year, not a date.
_EVENT_NOUNS = ("(?:bush)?fires?|tsunami|tornado(?:es)?|floods?|earthquake|quake|storm|massacre|rebellion|uprising|"
                "rising|bomber|bombings?|attacks?|agreement|accord|riots?|offensive|plot|disaster|truce|killings?|"
                "raid|coup|putsch|siege|revolt|protests?|march")


def _feast(name: str, year: int | None, pub: dt.date | None, ahead: bool | None) -> tuple[str, bool, bool] | None:
    """"Ash Wednesday" in an article of ``pub``: this year's, unless it is more than a few days
    ahead of a story that does not speak of the future (then last year's); "New Year's Day" in a
    December article that looks ahead is next year's."""
    if year is not None:
        return _feast_day(name, year).isoformat(), False, False
    if pub is None:
        return None
    day = _feast_day(name, pub.year)
    if ahead is None and 3 < (day - pub).days <= 45:
        ahead = True  # nothing says when: a feast a few weeks ahead is this year's, not last year's
    if ahead and day < pub - dt.timedelta(days=3) and (_feast_day(name, pub.year + 1) - pub).days <= 120:
        day = _feast_day(name, pub.year + 1)
    elif not ahead and day > pub + dt.timedelta(days=3):
        day = _feast_day(name, pub.year - 1)
    return day.isoformat(), True, False


def _yearless(month: int, day: int) -> tuple[str, bool, bool] | None:
    """ "October 10" in an undated article: month and day now, the year from the corpus later
    (``corpus.dating``), since one article alone cannot tell it."""
    try:
        dt.date(2000, month, day)  # a leap year: 29 February is a valid day
    except ValueError:
        return None
    return f"--{month:02d}-{day:02d}", True, False


def _day(year: int, month: int, day: int, weekday: str | None) -> tuple[str, bool, bool] | None:
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    mismatch = bool(weekday) and WEEKDAYS[weekday.lower()] != d.weekday()
    return d.isoformat(), False, mismatch


def _this_year(pub: dt.date, month: int, day: int) -> dt.date:
    return dt.date(pub.year, month, min(day, 28))


def _nearest_year(pub: dt.date, month: int, day: int, future: bool) -> int:
    """The year of "October 10" in an article of ``pub``: the latest one not after it, or the next one if future."""
    try:
        this = _this_year(pub, month, day)
    except ValueError:
        return pub.year
    if future and this < pub - dt.timedelta(days=3):
        # "will meet on March 2" in a December article: next year's, if that is near enough to be news
        try:
            nxt = dt.date(pub.year + 1, month, min(day, 28))
        except ValueError:
            return pub.year
        return pub.year + 1 if (nxt - pub).days <= 120 else pub.year
    if future:
        return pub.year
    return pub.year if this <= pub + dt.timedelta(days=3) else pub.year - 1


def infer_published(text: str) -> str | None:
    """A publication date read from the text when the page gives none.

    The latest fully written date ("March 19, 2022").  Failing that, a weekday
    with a month and day ("Friday, October 14") fixes the year, but one such
    pair is weak evidence (writers get weekdays wrong): it is used only when it
    falls within a year of the latest year the text names, or when two pairs
    agree on the year.
    """
    found = [d for d in find_dates(text, None) if not d.value.startswith("--")]
    full = [d for d in found if len(d.value) == 10 and not d.weekday_mismatch]
    if full:
        return max(d.value for d in full)
    years = [int(d.value[:4]) for d in found]
    latest_named = max(years) if years else None
    this_year = dt.date.today().year
    candidates: list[str] = []
    for m in _PATTERN_OF["mdy"].finditer(text):
        g = m.groupdict()
        if not g.get("weekday") or g.get("year"):
            continue
        month, day = MONTHS[g["month"].lower().rstrip(".")], int(g["day"])
        wd = WEEKDAYS[g["weekday"].lower()]
        for year in range(this_year, this_year - 30, -1):
            try:
                if dt.date(year, month, day).weekday() == wd:
                    candidates.append(dt.date(year, month, day).isoformat())
                    break
            except ValueError:
                break
    if not candidates:
        return None
    years_of = [int(c[:4]) for c in candidates]
    agreed = [c for c in candidates if years_of.count(int(c[:4])) >= 2]
    if agreed:
        return max(agreed)
    near = [c for c in candidates if latest_named is None or latest_named <= int(c[:4]) <= latest_named + 1]
    return max(near) if near else None


def covered_days(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date value covers: "2028-05" -> 1 May and 31 May 2028."""
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None
