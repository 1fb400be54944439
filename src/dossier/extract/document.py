"""Everything read from one document's text: mentions, quotes, figures, dates, dated events.

``extract_text`` is the pure per-document stage of issue 4: text and
publication date in, a JSON-ready dict out.  The local runner calls it in a
process pool and the Spark runner in ``mapPartitions``; the corpus pass
(``corpus.analysis``) then links the documents' results together.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict
from typing import Any

from dossier.extract.dates import DateMention, date_like_spans, find_dates
from dossier.extract.figures import find_figures
from dossier.extract.mentions import find_mentions
from dossier.extract.nlp import parse, parse_many
from dossier.extract.quotemarks import find_quote_spans
from dossier.extract.quotes import find_quotes
from dossier.extract.stance import earlier_views, find_judgements

VERSION = "91"  # bump when the rules change, so stored extractions are redone


def text_key(text: str, published: str | None) -> str:
    """What an extraction depends on: a changed text or date means a stale extraction."""
    return hashlib.sha256(f"{VERSION}\0{published}\0{text}".encode()).hexdigest()[:20]


def extract_text(text: str, published: str | None) -> dict[str, Any]:
    return extract_parsed(parse(text), published)


def extract_batch(items: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    """Extract from many ``(text, published)`` at once: spaCy parses them in one ``nlp.pipe`` batch.

    A text whose rules fail gets an empty extraction with the error, not an exception:
    one odd document must not cost the batch its analysis.
    """
    out = []
    for (text, published), doc in zip(items, parse_many(t for t, _ in items)):
        try:
            out.append(extract_parsed(doc, published))
        except Exception as exc:  # noqa: BLE001 - reported in the extraction, the others go on
            out.append(empty(f"{type(exc).__name__}: {exc}"))
    return out


def empty(error: str | None = None) -> dict[str, Any]:
    return {"mentions": [], "quotes": [], "figures": [], "dates": [], "events": [], "judgements": [], "timings": [],
            "error": error}


def extract_parsed(doc, published: str | None) -> dict[str, Any]:
    """The extraction of an already parsed text (``nlp.pipe`` batches)."""
    text = doc.text
    mentions = find_mentions(doc)
    quotes = find_quotes(doc, mentions)
    dates = find_dates(text, published, future_hint(doc))
    figures = find_figures(doc, date_like_spans(text), [(m.end, m.name) for m in mentions if m.type == "PERSON"])
    quoted = [(s.open_start, s.close_end) for s in find_quote_spans(text)]
    return {
        "mentions": [asdict(m) for m in mentions],
        "quotes": [q.to_dict() for q in quotes],
        # an age is the document's: "Ana Holm (55), who founded the company in 2014" is 55 now
        "figures": [{**asdict(f), "date": published if (f.measure or "").startswith("age of ") or f.measure == "age"
                     else _date_of(f.sentence_start, f.sentence_end, dates, published)} for f in figures],
        "dates": [asdict(d) for d in dates],
        "events": _events(doc, dates, quoted),
        **_judgements(doc, quotes, dates, published),
    }


def _judgements(doc, quotes, dates, published: str | None) -> dict[str, list[dict[str, Any]]]:
    """Statements of likelihood ("judgements"), and forecasts of only *when* ("timings"), which
    weigh a question only against its deadline."""
    found = find_judgements(doc, quotes, dates, published)
    earlier = earlier_views(doc, found, dates, published)
    kept = [j for j in found if j.start not in earlier]
    return {"judgements": [j.to_dict() for j in kept if not j.timing],
            "timings": [j.to_dict() for j in kept if j.timing]}


_FUTURE_AUX = {"will", "shall", "would", "'ll", "’ll"}
_MODALS_AHEAD = {"can", "may", "might", "must", "should"}  # not "could": as often a past "was able to"
# verbs that explain or compare with what happened: "may reflect the storm on Saturday" looks back
_EXPLAINING = {"reflect", "explain", "show", "mean", "suggest", "indicate", "mirror", "echo", "resemble",
               "follow", "recall", "repeat", "account"}
_FUTURE_LEMMAS = {"plan", "schedule", "expect", "due", "set", "intend", "aim", "promise", "threaten", "vow"}


_SCHEDULED = {"expect", "schedule", "due", "set", "slate", "plan", "fix", "pencil"}


def _past(verb) -> bool:
    return verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def future_hint(doc):
    """Does the verb a date hangs on speak of the future?  ("would hold a rally on Friday": yes;
    "said on Wednesday that it will pay": no, the date hangs on "said")."""
    def hint(at: int) -> bool | None:
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        # "Thursday's ruling means ...", "photographs of Saturday's parade": the day names an event;
        # the verb of the sentence says nothing of its tense unless it says "will"
        owned = tok.dep_ == "poss" or doc.text.startswith(("'s", "’s"), span.end_char)
        through_noun = False  # "may reflect the storm on Saturday": the date belongs to the storm
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
            through_noun = through_noun or (tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX", "ADP"))
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children):
            return True
        # "a decision was expected before the end of November", "the vote is set for", "is due to be
        # announced", "plans to": ahead (but "who was expected to attend Tuesday's hearing": that day has passed)
        scheduled = tok.lemma_.lower() in _SCHEDULED and any(c.dep_ == "auxpass" for c in tok.children)
        head = tok.head if tok.dep_ == "xcomp" else None
        planned = head is not None and head.lemma_.lower() in _FUTURE_LEMMAS
        if (scheduled or planned) and not (owned and _past(head if planned else tok)):
            return True
        if owned:
            before = doc.text[max(0, span.start_char - 12):span.start_char]
            return True if re.search(r"\b(?:before|ahead of|until|for)\s+$", before) else None
        # "the same disruption as on Monday", "similar to the level on Sunday": a comparison with a day past
        compared = any(t.lower_ in ("as", "than", "like") for t in span[0].ancestors if t.i > tok.i) or any(
            c.dep_ == "acomp" and c.lemma_.lower() in ("similar", "comparable", "equal", "identical") for c in tok.children)
        epistemic = any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "should") for c in tok.children)
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS_AHEAD for c in tok.children) and not any(
            c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
        if tok.tag_ == "VB" and modal and not through_noun and not compared and not (
                epistemic and tok.lemma_.lower() in _EXPLAINING):
            return True  # "they can choose somebody else on April 30", "must report by June 1"
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children) and not any(
                c.dep_ == "aux" for c in tok.children):
            return True  # "the envelopes are opened on Wednesday": a present passive is a timetable too
        if tok.tag_ in ("VBD", "VBN"):
            return False
        if tok.tag_ in ("VBZ", "VBP") and tok.lemma_.lower() not in ("say", "tell", "write", "be", "have"):
            return True  # "the congress, which meets on March 23": a present tense with a date is a timetable
        return None
    return hint


def _date_of(a: int, b: int, dates: list[DateMention], published: str | None) -> str | None:
    """The date a figure is stated for: a date in its sentence, else the document's date."""
    inside = [d.value for d in dates if a <= d.start < b]
    return inside[0] if inside else published


# A dateline: a place in capitals at a paragraph's start, the date, the agency, a dash.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z .'’-]+(?:,[ \t]*[A-Z][\w .'’-]*)?,[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—]")


def _events(doc, dates: list[DateMention], quoted: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Sentences that date something: the raw material of the timeline.

    A date inside someone's quote still dates an event, but "today" in a
    quote is the speaker's today, which we cannot know: relative dates in
    quotes are left out.
    """
    by_sentence: dict[int, dict[str, Any]] = {}
    text = doc.text
    for d in dates:
        in_quote = any(a <= d.start < b for a, b in quoted)
        if in_quote and d.relative:
            continue
        if _DATELINE_BEFORE.search(text, max(0, d.start - 60), d.start) and _DATELINE_AFTER.match(text, d.end):
            continue  # "ISTANBUL, July 28 (Granary Wire) -": the day the story was filed, not an event's
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span.sent
        text = sent.text.strip()
        if len(text.split()) < 4:
            continue
        event = {"date": d.value, "start": sent.start_char, "end": sent.start_char + len(sent.text.rstrip()),
                 "text": text, "date_start": d.start, "date_end": d.end}
        # One event per sentence, dated by its most precise date ("on March 3", not "last month").
        held = by_sentence.get(sent.start_char)
        if held is None or len(d.value) > len(held["date"]):
            by_sentence[sent.start_char] = event
    return [by_sentence[k] for k in sorted(by_sentence)]
