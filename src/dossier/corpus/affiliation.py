"""Which side a person speaks for, from the words the documents put next to their name.

A club president's "we will stay up" forecasts the club's fate, and a rival coach's the
rival's: whose "we" it is decides whether the forecast bears on the question at all.
One document may say only "the head coach, Ana Ruiz", another "Dunmore coach Ana Ruiz":
so a person's sides are gathered over the whole corpus, by entity.  Only sides a text
states are taken ("Dunmore coach", "Kestrel's coach,", a role "president of Harbour Athletic");
none is guessed from what an article is mostly about.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from dossier.extract.dates import CALENDAR_WORDS
from dossier.extract.mentions import PERSON_NOUNS
from dossier.model import Document

# "Dunmore coach ", "Kestrel's coach, ", "Port Vale head coach ": capitalised words, then
# lower-case role words, right before the name (sentence-initial words are no side: "The", "But")
_BEFORE = re.compile(r"(?P<side>(?:[A-Z][\w’'\-]+\s+){0,3}[A-Z][\w’'\-]+?)(?:['’]s)?\s+"
                     r"(?P<role>(?:[a-z][a-z\-]+\s+){0,2}[a-z][a-z\-]+),?\s+$")
_NOT_A_SIDE = {"the", "a", "an", "but", "and", "so", "then", "now", "when", "as", "up", "in", "on", "at", "for",
               "former", "new", "acting", "deputy", "vice", "mr", "ms", "mrs", "dr", "said", "says", "told"}
# a role that names its side: "president of Harbour Athletic", "Datafold's head of modelling",
# "Dunmore Rovers manager"
_IN_ROLE = re.compile(r"(?:\bof|\bat|\bfor)\s+(?:the\s+)?(?P<after>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})"
                      r"|(?P<before>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})(?:['’]s\b|(?=\s+[a-z]))")


def sides(docs: list[Document], extractions: dict[str, dict[str, Any]],
          entity_of: dict[tuple[str, str], str]) -> dict[str, set[str]]:
    """Entity id -> the names of the sides the corpus says that person speaks for."""
    out: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        ex = extractions.get(d.id, {})
        text = d.text or ""
        for m in ex.get("mentions", []):
            if m["type"] != "PERSON":
                continue
            eid = entity_of.get((d.id, m["name"]))
            if eid is None:
                continue
            got = [_before(text[max(0, m["start"] - 60):m["start"]]), *_in_role(m.get("role"))]
            out[eid].update(s for s in got if s)
        for q in ex.get("quotes", []):
            eid = entity_of.get((d.id, q.get("speaker_name") or ""))
            if eid is not None:
                out[eid].update(_in_role(q.get("speaker_role")))
    return dict(out)


# a side one has left or only comes from: "former Dunmore manager", "ex-Dunmore", "Dunmore-born"
_PAST = re.compile(r"\b(?:former|formerly|ex|onetime|one-time|then|erstwhile|retired|veteran)\b|-(?:born|based|raised|bred)\b",
                   re.I)


def _before(lead: str) -> str | None:
    lead = lead.split("\n")[-1]
    m = _BEFORE.search(lead)
    # the word before the name must be a person's role: "Dunmore coach", not "Dunmore want"
    if m is None or m["role"].split()[-1] not in PERSON_NOUNS or _PAST.search(lead[max(0, m.start() - 12):]):
        return None
    words = m["side"].split()
    while words and (words[0].lower() in _NOT_A_SIDE or words[0].lower() in CALENDAR_WORDS):
        words = words[1:]
    return " ".join(words) or None


def _in_role(role: str | None) -> list[str]:
    """The side a role names first ("president of Harbour Athletic"; of "the Kestrel manager and a
    former Dunmore player", Kestrel only), unless the role is a past one."""
    if not role:
        return []
    role = role.split(",")[0].split(" and ")[0]
    if _PAST.search(role):
        return []
    m = _IN_ROLE.search(role)
    if m is None:
        return []
    words = [x for x in re.sub(r"['’]s$", "", m["after"] or m["before"]).split() if x.lower() not in _NOT_A_SIDE]
    return [" ".join(words)] if words else []
