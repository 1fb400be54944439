"""Where sources agree and differ on figures, and what a careful reader should check.

Comparisons group claims from different documents that measure the same
thing: the same unit and mostly the same words in what they measure ("cargo
vessels waiting at anchor").  ``independent_sources`` counts provenance
groups, so a figure five copies of one article repeat counts once.  Claims
whose measures share a unit but not all their words are kept side by side as
``differing_measures`` rather than called a contradiction.

Flags name what to check and why: a weekday that does not fall on its date, a
figure at odds with other sources, a figure only copies of one original
report, one quote given to different speakers, one event dated to different
years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from dossier.extract.dates import CALENDAR_WORDS
from dossier.extract.mentions import PERSON_NOUNS, surname
from dossier.model import Document

_STOP = set("""a an the of in on at to for and or by with from as that this these those its their his her
is are was were be been has have had said says told according about some up more than less""".split())
# Units say how a figure is counted, not what it counts ("15 metres per second" of what?); the
# unit is compared on its own, so a measure of unit words alone is no measure.
_UNITS = set("""per metre metres meter meters kilometre kilometres kilometer kilometers km cm mm second seconds
minute minutes hour hours kg kilogram kilograms tonne tonnes ton tons litre litres liter liters""".split())
_QUALIFIED = {"up to", "almost", "nearly", "about", "around", "more than", "over", "at least", "some", "roughly",
              "approximately", "fewer than", "less than", "at most", "as many as", "close to", "just over",
              "just under", "under", "estimated", "an estimated"}


def _words(measure: str | None) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", (measure or "").lower())
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words
                     if w not in _STOP and w not in _UNITS and len(w) > 1)


def _is_age(c: dict) -> bool:
    return (c.get("measure") or "").startswith("age of ")


def _same_quantity(a: dict, b: dict) -> bool:
    if _dimension(a) != _dimension(b):
        return False
    if a.get("about") and b.get("about"):
        return a["about"] == b["about"]  # the age of one person, however the documents spell the name
    if _is_age(a) or _is_age(b):
        return False  # "the 78-year-old man" and "the 83-year-old man" need not be one man
    wa, wb = _words(a.get("measure")), _words(b.get("measure"))
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 2 and shared / len(wa | wb) >= 0.5


def _agree(values: list[dict]) -> bool:
    """Equal values (2% leeway, also across units; 10% when a figure is qualified, "about", "up to";
    a degree across temperature scales); ranges that overlap."""
    units = {_unit(v) for v in values if _unit(v)}
    converted = len(units) > 1 and len({_dimension(v) for v in values if _unit(v)}) == 1
    if converted:
        values = [v for v in values if _unit(v)]  # (a bare "540,000" beside "540,000t": in which unit?)
    lo = [_in_base(v["value"], v) if converted else v["value"] for v in values]
    hi = [_in_base(v.get("value_max") or v["value"], v) if converted else v.get("value_max") or v["value"]
          for v in values]
    if max(lo) <= min(hi):
        return True
    if converted and _dimension(values[0]) == "celsius":
        return max(lo) - min(hi) <= 1.0  # a degree either way, not a share of a small number
    tol = 0.10 if any(v.get("qualifier") in _QUALIFIED for v in values) else CONVERTED_LEEWAY if converted else 0.02
    return (max(lo) - min(hi)) <= tol * max(abs(max(lo)), 1.0)


def _ages_agree(values: list[dict]) -> bool:
    """An age of 67 in March and 68 in October agree: the years between the reports are allowed."""
    dated = [(v.get("date") or "", v["value"]) for v in values]
    for (da, va), (db, vb) in zip(dated, dated[1:]):
        years = abs(int(da[:4]) - int(db[:4])) if da[:4].isdigit() and db[:4].isdigit() else 0
        if abs(va - vb) > years + 1:
            return False
    return True


# Units with a dimension: equal numbers in two of these are different things, unlike two words
# for what is counted ("jobs", "people").
_DIMENSIONS = {"percent", "percentage points", "years", "year", "day", "week", "month", "hour", "minute", "second",
               "km", "kilometre", "kilometer", "mile", "metre", "meter", "kg", "kilogram", "tonne", "hectare", "acre",
               "basis", "point", "mph", "degree", "litre", "liter", "barrel", "megawatt", "gigawatt", "mw", "gw"}
_UNIT_SYNONYMS = {"ton": "tonne", "tons": "tonne", "tonnes": "tonne", "metric ton": "tonne", "kilometer": "kilometre",
                  "meter": "metre", "liter": "litre", "hectares": "hectare", "km": "kilometre", "kms": "kilometre",
                  "ha": "hectare", "kilogram": "kg", "kilograms": "kg", "lbs": "lb", "feet": "foot", "ft": "foot",
                  "miles": "mile", "acres": "acre",
                  # "Rs 850 million" and "LKR850m": the rupee of one story's country, whichever code a report uses
                  "inr": "RUPEE", "lkr": "RUPEE", "pkr": "RUPEE", "npr": "RUPEE"}

# One dimension in two systems: "14,370 feet" and "4,380 metres" are one altitude, "18 miles"
# and "about 30 kilometres" one distance (to the unit of the first, times the factor).
_CONVERSIONS = {"foot": ("metre", 0.3048), "kilometre": ("metre", 1000.0), "mile": ("metre", 1609.344),
                "lb": ("kg", 0.45359237), "tonne": ("kg", 1000.0),
                # areas, to square kilometres: "4,000 square kilometres" and "1,545 sq miles"
                "sq kilometre": ("km2", 1.0), "sq mile": ("km2", 2.58998811), "sq metre": ("km2", 1e-6),
                "m2": ("km2", 1e-6), "sq foot": ("km2", 9.290304e-8), "hectare": ("km2", 0.01),
                "acre": ("km2", 0.0040468564)}
_LINEAR = {"kilometre", "mile", "metre", "foot"}
CONVERTED_LEEWAY = 0.02  # a conversion is rounded by whoever wrote it ("18 miles (29 km)")
# "12 nautical miles", "250 square miles", "5,000 sq ft", "40 miles per hour": no longer the plain unit
_NOT_PLAIN = {"nautical", "cubic", "per", "hour", "an"}


def _unit(c: dict) -> str:
    return _unit_of(c.get("unit") or "", c.get("measure") or "")


@lru_cache(maxsize=50_000)
def _unit_of(unit: str, measure: str) -> str:
    u = unit.strip()
    u = _UNIT_SYNONYMS.get(u.lower(), u)
    if u in _LINEAR and {"square", "sq"} & _measure_words(measure):
        return "sq " + u  # "1,545 sq miles" is an area
    return u


@lru_cache(maxsize=50_000)
def _measure_words(measure: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", measure.lower()))


def _plain(c: dict) -> bool:
    return not _measure_words(c.get("measure") or "") & _NOT_PLAIN


def _dimension(c: dict) -> str:
    """The unit a claim's value converts to (``_in_base``): its own unit when it converts to none."""
    u = _unit(c)
    if not _plain(c):
        return u
    return "celsius" if u == "fahrenheit" else _CONVERSIONS.get(u, (u, 1.0))[0]


def _in_base(value: float, c: dict) -> float:
    u = _unit(c)
    if not _plain(c):
        return value
    if u == "fahrenheit":
        return (value - 32) * 5 / 9
    return value * _CONVERSIONS.get(u, (u, 1.0))[1]


def _significant(value: float) -> int:
    """Significant digits as written: 14,370 has four, 9,000 one, 26.2 three."""
    written = f"{abs(value):.12g}"
    digits = written.replace(".", "").lstrip("0")
    return len(digits if "." in written else digits.rstrip("0"))


def _counted(unit: str) -> bool:
    """A word for what is counted ("jobs", "seats"), not a measure ("km", "percent") or a currency ("EUR")."""
    return bool(unit) and unit.lower() not in _DIMENSIONS and not unit.isupper()


def _telling(value: float, strict: bool) -> bool:
    """Is a value rare enough that two reports of one story giving it are giving one fact?

    "41.7 per cent" or "6,800" in two articles about one election or strike is the same
    figure however each words what it measures; "3", "10", "100" or "2024" is not.
    ``strict`` (no unit on one side, or two words for what is counted) asks more: a fraction,
    or three digits that are neither round nor a year.
    """
    if value != value or value <= 0:
        return False
    if not float(value).is_integer():
        return True  # "3.7 per cent", "41.7"
    if value <= 12 or (strict and 1900 <= value <= 2100):
        return False  # a unitless 2024 is a year; "1,900 tonnes" is not
    if value in (10 ** n for n in range(2, 13)):
        return False
    return value >= 100 if strict else True


def _same_fact(a: dict, b: dict) -> bool:
    """The same figure for something worded alike: a weaker test than ``_same_quantity``, because
    agreeing on the value is itself evidence ("1,200 homes" in both, one says "destroyed", one "burned").
    A telling value is evidence enough on its own ("about 6,800" and "roughly 6,800 members")."""
    if a["value"] != b["value"]:
        return False
    ua, ub = _unit(a), _unit(b)
    if a.get("about") and b.get("about"):
        return a["about"] == b["about"] and ua == ub
    if ua != ub:
        # "1,900 metric tons" and "1,900 tonnes" are one unit; "350 jobs" and "about 350 people",
        # "137 members" and "137 seats" count one thing in two words; "350 km" and "350 staff" do not
        return (not ua or not ub or (_counted(ua) and _counted(ub))) and _telling(a["value"], strict=True)
    if _telling(a["value"], strict=not ua):  # one unit on both sides: a year-like 1,900 tonnes is telling
        return True
    wa, wb = _words(a.get("measure")), _words(b.get("measure"))
    return bool(wa & wb) and (bool(ua) or len(wa & wb) >= 2)


# Words for what is counted that say too little to put two figures side by side.
_GENERIC_COUNTS = {"people", "person", "persons", "member", "time", "times", "case", "thing", "way", "part",
                   "one", "other", "item", "unit", "number", "year", "years", "day", "days", "man", "men",
                   "woman", "women"}


def _same_thing_counted(claims: list[dict[str, Any]], clusters: dict[int, list[int]]) -> set[int]:
    """Figures left alone that count the same specific thing in different documents ("at least 81
    signatures", "94 signatures") join one comparison, shown side by side: their words do not
    say they measure the same quantity, so a difference is never called a contradiction."""
    by_unit: dict[str, list[int]] = defaultdict(list)  # unit -> roots of one-claim clusters
    for root, idx in clusters.items():
        u = _unit(claims[idx[0]])
        if len(idx) == 1 and _counted(u) and u.lower() not in _GENERIC_COUNTS:
            by_unit[u.lower()].append(root)
    joined = set()
    for roots in by_unit.values():
        alone = [clusters[r][0] for r in roots]
        values = [claims[i]["value"] for i in alone]
        if not (2 <= len(alone) <= 4 and len({claims[i]["doc"] for i in alone}) == len(alone)):
            continue
        if min(values) <= 0 or max(values) > 3 * min(values):
            continue  # "7,000 soldiers" in an army and "37,570 soldiers" killed: not one count revised
        for r in roots[1:]:
            clusters[roots[0]] += clusters.pop(r)
        joined.add(roots[0])
    return joined


SMALL_BUCKET = 40  # claims of one value compared pair by pair; above this, through an index


def _join_same_facts(idx: list[int], claims: list[dict[str, Any]], union: Callable[[int, int], None]) -> None:
    """Join the claims of one value that ``_same_fact`` pairs across documents.

    "2", "3" or "10" are in thousands of claims of a large corpus, and comparing every pair
    grew with their square (1.2 million comparisons for 1,000 articles).  Such a value is not
    telling, so ``_same_fact`` asks only for one unit and a shared word of the measure (two
    without a unit), or for the same "about": each word (or pair of words) is then a group
    whose members all pair up across documents, and joining each member to one member of
    another document gives the same groups as comparing every pair.
    """
    value = claims[idx[0]]["value"]
    if len(idx) <= SMALL_BUCKET or _telling(value, strict=True) or _telling(value, strict=False):
        # ``_same_fact`` reads only the unit, the "about" and the measure's words: claims alike in
        # those are compared once (copies of one article give many such), then joined as every
        # pair of them across documents would join them.
        kinds: dict[tuple, list[int]] = defaultdict(list)
        for i in idx:
            c = claims[i]
            kinds[(_unit(c), c.get("about"), _words(c.get("measure")))].append(i)
        alike = list(kinds.values())
        for n, a in enumerate(alike):
            for b in alike[:n + 1]:
                if _same_fact(claims[a[0]], claims[b[0]]):
                    _join_across_documents(a, b, claims, union)
        return
    groups: dict[tuple, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))  # key -> (plain, "about")
    for i in idx:
        c, unit = claims[i], _unit(claims[i])
        words = sorted(_words(c.get("measure")))
        keys = [(unit, w) for w in words] if unit else [(unit, a, b) for n, a in enumerate(words) for b in words[:n]]
        for key in keys:
            groups[key][1 if c.get("about") else 0].append(i)
        if c.get("about"):
            groups[("about", unit, c["about"])][0].append(i)  # two "about"s pair when they are the same
    for plain, about in groups.values():
        # plain claims pair with every claim of the group, "about" ones with plain ones only
        reps_plain, reps_about = _two_documents(plain, claims), _two_documents(about, claims)
        for members, partners in ((plain, reps_plain + reps_about), (about, reps_plain)):
            for i in members:
                j = next((j for j in partners if claims[j]["doc"] != claims[i]["doc"]), None)
                if j is not None:
                    union(i, j)


def _join_conversions(claims: list[dict[str, Any]], union: Callable[[int, int], None]) -> None:
    """A telling value and its conversion in another document are one fact: "14,370 feet" and
    "4,380 metres".  Claims are sorted by their value in the base unit, so only neighbours are
    compared (no pair of the corpus is tried twice, and none needlessly)."""
    # three significant digits on both sides: "2,743 metres" and "9,000 feet" meet by chance, "4,380
    # metres" and "14,370 feet" or "26.5 km" and "16.5 miles" because one is the other (though
    # "152 metres" and "499 feet" would meet by chance too); a metric unit scales by a power of ten
    # exactly ("2.5 tonnes", "2,500 kg"), so two will do there
    metric = {"metre", "kilometre", "hectare", "kg", "tonne", "sq kilometre", "sq metre", "m2", "km2"}
    convertible = [i for i, c in enumerate(claims)
                   if (_unit(c) in _CONVERSIONS or _unit(c) in ("metre", "km2", "kg", "celsius", "fahrenheit"))
                   and _plain(c) and _significant(c["value"]) >= (2 if _unit(c) in metric else 3)
                   and not c.get("value_max")]
    by_base: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for i in convertible:
        by_base[_dimension(claims[i])].append((_in_base(claims[i]["value"], claims[i]), i))
    for row in by_base.values():
        row.sort()
        for n, (value, i) in enumerate(row):
            for other, j in row[n + 1:]:
                if other - value > 0.005 * max(abs(value), 1.0):
                    break
                a, b = claims[i], claims[j]
                if _unit(a) != _unit(b) and a["doc"] != b["doc"] and (
                        {_unit(a), _unit(b)} <= metric or min(_significant(a["value"]), _significant(b["value"])) >= 3):
                    union(i, j)


def _join_across_documents(a: list[int], b: list[int], claims: list[dict[str, Any]],
                           union: Callable[[int, int], None]) -> None:
    """Join claims as joining every pair (x in ``a``, y in ``b``) from different documents would.

    Such pairs form one group, except when both sides come from the same two documents
    (x of the first with y of the second, and the other way round, are two groups); a claim
    with no partner in another document stays alone.
    """
    docs_a = {claims[i]["doc"] for i in a}
    docs_b = {claims[j]["doc"] for j in b}
    if a is not b and docs_a == docs_b and len(docs_a) == 2:
        for x, y in ((a, b), (b, a)):
            for i in x:
                union(i, next(j for j in y if claims[j]["doc"] != claims[i]["doc"]))
        return
    linked = [i for i in a if docs_b - {claims[i]["doc"]}] + [j for j in b if docs_a - {claims[j]["doc"]}]
    for i in linked[1:]:
        union(linked[0], i)


def _two_documents(members: list[int], claims: list[dict[str, Any]]) -> list[int]:
    """The first member, and the first member from another document if there is one."""
    first = members[:1]
    other = next((i for i in members if claims[i]["doc"] != claims[first[0]]["doc"]), None) if first else None
    return first + ([other] if other is not None else [])


def comparisons(docs: list[Document], claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims of different documents grouped by what they measure.

    Two steps, so that a contradiction needs stronger evidence than an
    agreement: first claims giving the same value for something worded alike
    join; then groups join only when every pair across them measures the same
    quantity by the stricter test (no chaining "3 polling stations" to "312").
    """
    group = {d.id: d.provenance.group or d.id for d in docs}
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Step 1: the same value, worded alike or telling (only claims with equal values meet).
    by_value: dict[float, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        by_value[c["value"]].append(i)
    for idx in by_value.values():
        _join_same_facts(idx, claims, lambda i, j: parent.__setitem__(find(i), find(j)))
    _join_conversions(claims, lambda i, j: parent.__setitem__(find(i), find(j)))
    # Step 2: groups of one unit whose every cross pair measures the same quantity; only groups
    # sharing a word of their measures meet (an inverted index keeps this from growing as n²).
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        members[find(i)].append(i)
    by_word: dict[tuple[str, str], set[int]] = defaultdict(set)
    for root, idx in members.items():
        for i in idx:
            for w in _words(claims[i].get("measure")):
                by_word[(_dimension(claims[i]), w)].add(root)
    candidates: set[tuple[int, int]] = set()
    for roots in by_word.values():
        if len(roots) > 200:
            continue  # a word that common decides nothing
        ordered = sorted(roots)
        candidates.update((a, b) for n, a in enumerate(ordered) for b in ordered[:n])
    for ra, rb in sorted(candidates):
        a, b = find(ra), find(rb)
        if a == b:
            continue
        pairs = [(i, j) for i in members[ra] for j in members[rb]]
        if pairs and all(claims[i]["doc"] != claims[j]["doc"] and _same_quantity(claims[i], claims[j])
                         for i, j in pairs):
            parent[a] = b
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(claims)):
        clusters[find(i)].append(i)
    side_by_side = _same_thing_counted(claims, clusters)
    out = []
    for root, idx in clusters.items():
        members = [claims[i] for i in idx]
        if len({c["doc"] for c in members}) < 2:
            continue
        ages = members[0].get("unit") == "years" and _is_age(members[0])
        agree = _ages_agree(members) if ages else _agree(members)
        abouts = {c.get("about") for c in members}
        # one person's age is one measure however each document describes them
        measures = {frozenset(abouts)} if len(abouts) == 1 and None not in abouts else {
            _words(c.get("measure")) for c in members}
        out.append({
            "measure": Counter(c.get("measure") for c in members).most_common(1)[0][0],
            "unit": members[0].get("unit"),
            "claims": [c["id"] for c in members],
            "verdict": "agree" if agree else "differ",
            "independent_sources": len({group.get(c["doc"], c["doc"]) for c in members}),
            "documents": len({c["doc"] for c in members}),
            "differing_measures": not agree and (len(measures) > 1 or root in side_by_side),
            "values": sorted({c["value"] for c in members}),
        })
    out.sort(key=lambda c: (-c["independent_sources"], c["measure"] or ""))
    return out


def flags(docs: list[Document], extractions: dict[str, dict], claims: list[dict[str, Any]],
          comparisons_: list[dict[str, Any]], quotes: list[dict[str, Any]],
          timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {c["id"]: c for c in claims}
    docs_by_id = {d.id: d for d in docs}
    out: list[dict[str, Any]] = []
    out += _weekday_flags(docs, extractions)
    echoed: dict[str, list[dict]] = defaultdict(list)  # copy group -> figures only its copies give
    for comp in comparisons_:
        members = [by_id[i] for i in comp["claims"]]
        if comp["verdict"] == "differ" and not comp["differing_measures"]:
            common = Counter(c["value"] for c in members).most_common()
            if len(common) > 1 and common[0][1] > common[1][1]:
                majority = common[0][0]
                for c in members:
                    if c["value"] != majority:
                        out.append(_flag(c, f"gives {c['figure']['text']} for “{comp['measure']}” where "
                                            f"{common[0][1]} other report(s) give {_fmt(majority)}"))
            else:
                # no majority: every report is as open to doubt as the others, so each carries the flag
                said = ", ".join(sorted({m['figure']['text'] for m in members}))
                flagged = set()
                for c in members:
                    if c["doc"] not in flagged:
                        flagged.add(c["doc"])
                        out.append(_flag(c, f"sources differ on “{comp['measure']}”: {said}"))
        if comp["documents"] > 1 and comp["independent_sources"] == 1:
            echoed[docs_by_id[members[0]["doc"]].provenance.group or members[0]["doc"]].append(comp)
    for group, comps in echoed.items():
        # One flag per copy group, not one per figure: the reader needs the pattern, not the list.
        first = by_id[comps[0]["claims"][0]]
        prov = docs_by_id[first["doc"]].provenance
        whose = prov.original_outlet or "one original"
        n_docs = max(c["documents"] for c in comps)
        figures = ", ".join(by_id[c["claims"][0]]["figure"]["text"] for c in comps[:6])
        out.append(_flag(first, f"{len(comps)} figure(s) ({figures}{', …' if len(comps) > 6 else ''}) appear in "
                                f"{n_docs} documents that all copy {whose}: one source, not {n_docs}"))
    out += _quote_flags(quotes, {d.id: d.text for d in docs})
    out += _wording_flags(quotes, {d.id: d.provenance.group or d.id for d in docs})
    out += _year_flags(timeline, {d.id: d.published for d in docs})
    out += _birth_year_flags(docs, extractions, claims, quotes)
    out += _founding_flags(docs)
    return out


# "founded in 1991", "Opened in 1867": the year a thing began ...
_FOUNDED = re.compile(r"\b(?:founded|established|opened|built|set up|formed|created|launched|inaugurated|completed|"
                      r"incorporated)\s+(?:in\s+)?(?P<year>1[5-9]\d\d|20[0-2]\d)\b", re.I)
# ... and its age said in the same sentence: "the 150-year-old incline", "its 40th year", "its 36th anniversary"
_THING_AGE = re.compile(r"\b(?P<old>\d{1,3})-year-old\b(?P<after>\s+[a-z]+)?|\b(?P<years>\d{1,3}) years old\b|"
                        r"\b(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+(?P<kind>anniversary|year|birthday)\b", re.I)


def _founding_flags(docs: list[Document]) -> list[dict[str, Any]]:
    """A thing's age at odds with the year it began, in the same sentence of a dated article:
    "founded in 1991 and marking its 40th year" in 2027 (its 37th), "Opened in 1867, the
    150-year-old incline" (160).  An age of a person ("founded in 1991 by the 45-year-old
    engineer") is not the thing's and is left alone."""
    out = []
    for d in docs:
        if not d.published:
            continue
        year = int(d.published[:4])
        for sent in re.finditer(r"[^.!?\n]+[.!?]?", d.text):
            began = _FOUNDED.search(sent.group(0))
            if began is None:
                continue
            start_year = int(began.group("year"))
            gone = year - start_year
            for m in _THING_AGE.finditer(sent.group(0)):
                if m.group("old") and (m.group("after") or "").strip().lower() in _PEOPLE:
                    continue  # "the 45-year-old engineer": a person's age
                n = int(m.group("old") or m.group("years") or m.group("nth"))
                ordinal_year = (m.group("kind") or "").lower() == "year"
                fits = (gone, gone + 1) if ordinal_year else (gone - 1, gone)
                if n not in fits:
                    said = m.group(0)[:m.start("after") - m.start()] if m.group("after") else m.group(0)
                    a = sent.start() + m.start()
                    out.append({"doc": d.id, "start": a, "end": a + len(said), "text": said,
                                "why": f"says “{said}”, but the same sentence gives “{began.group(0)}”: "
                                       f"{' or '.join(str(x) for x in fits)} in {year}"})
    return out


_PEOPLE = PERSON_NOUNS | {"man", "woman", "boy", "girl", "men", "women", "founder", "mother", "father", "son",
                          "daughter", "owner", "engineer", "architect", "widow", "veteran"}


# "born in 1958", "born on 3 May 1958", "born in Leeds in 1958", "(born 1958)": the year right
# after "born", with at most a day, a month or a place between (not "born out of", "first-born").
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_BORN = re.compile(
    r"(?<![\w-])born(?:\s+(?:on|in))?\s+(?:(?:[A-Z][\w’'-]*,?\s+){1,3}(?:in|on)\s+)?(?:\d{1,2}\s+)?"
    rf"(?:(?:{_MONTH_NAMES})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>1[89]\d\d|20[0-2]\d)\b")
# What may stand between a name and "born" for the birth to be that person's: "X was born",
# "X, born", "X (born", "X, a London dealer who was born" (not "X, whose mother was born").
_BORN_LINK = re.compile(r"^\s*(?:,\s*|\(\s*)?(?:(?:an?|the)\s+[^,.;()]{0,60}?\s+)?(?:who\s+)?(?:was\s+)?$")
# An age said of another time than the article's: "In 1990, the 30-year-old", "then 30".
_OTHER_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\bthen\b|\bat the time\b|\bback in\b", re.I)


def _born_person(mentions: list[dict], text: str, at: int) -> dict | None:
    """The person a "born ..." at ``at`` is about: the name just before it, with nothing but a
    description between ("X, a dealer who was born in 1958")."""
    before = [m for m in mentions if m["type"] == "PERSON" and m["end"] <= at and at - m["end"] <= 90]
    if not before:
        return None
    m = before[-1]
    return m if _BORN_LINK.match(text[m["end"]:at]) and "whose" not in text[m["end"]:at] else None


def _birth_year_flags(docs: list[Document], extractions: dict[str, dict], claims: list[dict[str, Any]],
                      quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An age that the same article's birth year for that person contradicts: "born in 1958"
    and "the 66-year-old dealer" in a 2027 article (68 or 69 then).  Only within one article,
    where the person is certain: the age is theirs by name, or it describes the speaker of a
    quote ("…,” the 66-year-old dealer said); and only an age of the article's own time (not
    "In 1990, the 30-year-old ...")."""
    ages: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        if c.get("unit") == "years" and (c.get("measure") or "").startswith("age of "):
            ages[c["doc"]].append(c)
    speakers: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        if q.get("speaker_name") and q.get("speaker_start") is not None:
            speakers[q["doc"]].append(q)
    out = []
    for d in docs:
        if not d.published or not ages.get(d.id):
            continue
        year = int(d.published[:4])
        mentions = extractions.get(d.id, {}).get("mentions", [])
        born: dict[str, tuple[int, re.Match]] = {}
        by_surname: dict[str, set[str]] = defaultdict(set)  # to tell relatives apart
        for m in _BORN.finditer(d.text):
            person = _born_person(mentions, d.text, m.start())
            if person is not None:
                born.setdefault(person["name"], (int(m.group("year")), m))
                by_surname[surname(person["name"]).lower()].add(person["name"])
        for c in ages[d.id] if born else ():
            if _OTHER_TIME.search(d.text[c["start"]:c["end"]]):
                continue
            at, said_of = c["figure"]["start"], c["measure"][len("age of "):]
            names = [said_of] + [q["speaker_name"] for q in speakers[d.id]
                                 if q["speaker_start"] <= at < (q.get("speaker_end") or 0)]
            whose = next((n for n in names if n in born), None)
            namesakes = by_surname.get(surname(said_of).lower(), set())
            if whose is None and len(said_of.split()) == 1 and len(namesakes) == 1:
                whose = next(iter(namesakes))  # "age of Varga", and only one Varga born here
            if whose is None:
                continue
            birth, said = born[whose]
            age = int(c["value"])
            if age not in (year - birth - 1, year - birth):
                out.append(_flag(c, f"says {age} years old, but the same article gives “{said.group(0)}”: "
                                    f"{year - birth - 1} or {year - birth} in {year}"))
    return out


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _flag(claim: dict, why: str) -> dict[str, Any]:
    f = claim["figure"]
    return {"doc": claim["doc"], "start": f["start"], "end": f["end"], "text": f["text"], "why": why}


def _weekday_flags(docs: list[Document], extractions: dict[str, dict]) -> list[dict[str, Any]]:
    """"Wednesday, March 4" where 4 March of the article's year is not a Wednesday.

    In an undated article the year is the one ``corpus.dating`` assumed, and the flag says so.
    """
    out = []
    for d in docs:
        for x in extractions.get(d.id, {}).get("dates", []):
            if not x.get("weekday_mismatch"):
                continue
            day = dt.date.fromisoformat(x["value"])
            why = f"{day.day} {calendar.month_name[day.month]} {day.year} was a {calendar.day_name[day.weekday()]}"
            if x.get("year_assumed"):
                why += f" (the article has no date; {x['year_assumed']} is the year assumed from the rest of the corpus)"
            out.append({"doc": d.id, "start": x["start"], "end": x["end"], "text": x["text"],
                        "why": f"the weekday does not match the date: {why}"})
    return out


def _wording_flags(quotes: list[dict[str, Any]], group: dict[str, str]) -> list[dict[str, Any]]:
    """One speaker's remark quoted word for word in two independent reports, but in different words.

    "Voters had a genuine choice, but they did not always have a free one" and "a genuine
    choice, but not always a free one": at most one is verbatim.  A shorter quote that is a
    stretch of the longer, or that marks its cuts ("…", "[…]"), is not flagged; nor are copies
    of one original (a spun copy rewords every quote, and says nothing about the speaker).
    """
    direct = [q for q in quotes if q["kind"] == "direct" and q.get("speaker")]
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for q in direct:
        by_speaker[q["speaker"]].append(q)
    out, seen = [], set()
    for same in by_speaker.values():
        # only quotes sharing half their words can be one remark: found by a join, not by every pair
        words = [(frozenset(re.findall(r"\w+", q["text"].lower())), [q]) for q in same]
        for n, m in _overlapping(words, 0.5):
            a, b = same[n], same[m]
            if n == m or group.get(a["doc"], a["doc"]) == group.get(b["doc"], b["doc"]):
                continue
            short, long_ = sorted((a, b), key=lambda q: len(q["text"]))
            if re.search(r"…|\.\.\.|\[", short["text"]):
                continue
            ws, wl = re.findall(r"\w+", short["text"].lower()), re.findall(r"\w+", long_["text"].lower())
            if len(ws) < 6 or " ".join(ws) in " ".join(wl):
                continue
            # "We will not fly for crumbs" and "We won't fly for crumbs and speeches": the same words but
            # for a contraction, so not a stretch of one remark (a verbatim quote keeps its contractions)
            ws, wl = (re.findall(r"\w+", _uncontracted(q["text"])) for q in (short, long_))
            matched = sum(blk.size for blk in SequenceMatcher(None, ws, wl, autojunk=False).get_matching_blocks())
            if matched / len(ws) < 0.75:
                continue
            for q, other in ((a, b), (b, a)):
                if (q["doc"], q["start"]) not in seen:
                    seen.add((q["doc"], q["start"]))
                    out.append({"doc": q["doc"], "start": q["start"], "end": q["end"], "text": q["text"],
                                "why": f"{q.get('speaker_name') or 'the speaker'} is quoted in other words "
                                       f"elsewhere (“{other['text'][:120]}”): at most one is verbatim"})
    return out


_CONTRACTIONS = [(r"\bwon['’]t\b", "will not"), (r"\bcan['’]t\b", "can not"), (r"\bcannot\b", "can not"),
                 (r"\bshan['’]t\b", "shall not"), (r"n['’]t\b", " not"), (r"['’]re\b", " are"), (r"['’]ll\b", " will"),
                 (r"['’]ve\b", " have"), (r"\bi['’]m\b", "i am")]


def _uncontracted(text: str) -> str:
    text = text.lower()
    for pattern, full in _CONTRACTIONS:
        text = re.sub(pattern, full, text)
    return text


def _quote_flags(quotes: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """One quote, different speakers in different documents."""
    by_text: dict[str, list[dict]] = defaultdict(list)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        by_doc[q["doc"]].append(q)
    for q in quotes:
        # only attributions the text makes plainly: "X said", "X put it best: ‘…’", or "she said" right
        # after the sentence naming her ("Holm said ... “…,” she said").  A speaker found through a
        # description, or a "he" further off, may be our error, and a false contradiction misleads.
        # ("continues": a second quote of the paragraph whose first one named the speaker; "transcript":
        # the turn's label names the speaker)
        how = q.get("attribution")
        before = texts.get(q["doc"], "")[max(0, q["start"] - 300):q["start"]]
        last = before.rfind(surname(q["speaker_name"])) if q.get("speaker_name") else -1
        # (and no one else named since: '..., said Ana Silva. Prosecutor Tom Reed was satisfied. “…”')
        named_before = how in ("pronoun", "continues") and last >= 0 and not re.search(
            r"[.!?]\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+\s+[A-Z][a-z]+", before[last + len(surname(q["speaker_name"])):])
        if q["kind"] == "direct" and q.get("speaker") and len(q["text"]) >= 30 and (
                how in ("subject", "introduced", "transcript") or named_before):
            # clause by clause: one outlet quotes a remark alone, another inside a longer answer (but
            # not the words of someone else the answer quotes: those are that other quote's)
            said = q["text"]
            for o in by_doc[q["doc"]]:
                if o is not q and q["start"] <= o["start"] and o["end"] <= q["end"]:
                    a, b = o["start"] - q["start"], o["end"] - q["start"]
                    said = said[:a] + " " * (b - a) + said[b:]
            whole_key = re.sub(r"\W+", " ", said.lower()).strip()
            whole = len(whole_key) or 1
            clauses = [re.sub(r"\W+", " ", c.lower()).strip() for c in re.split(r"(?<=[.!?;:,])\s+", said)]
            if whole >= 40 and max(map(len, clauses), default=0) >= 30:
                # the remark whole, however many clauses it has (not a chant of short ones: "We vote. We win.")
                by_text[whole_key[:80]].append((q, 1.0))
            for key in clauses:
                if len(key) >= 40 and key != whole_key:  # (a set phrase, "We will see what happens", is anyone's)
                    by_text[key[:80]].append((q, len(key) / whole))
    out = []
    flagged: set[tuple[str, int]] = set()
    for shared in by_text.values():
        # one report quotes the remark whole, the other in a longer quote (two people who share a talking
        # point each say more around it)
        if max(cover for _, cover in shared) < 0.8:
            continue
        same = [q for q, _ in shared]
        speakers = {q["speaker"]: q.get("speaker_name") for q in same}
        if len(speakers) > 1 and len({q["doc"] for q in same}) > 1:
            for q in same:
                if (q["doc"], q["start"]) in flagged:
                    continue
                flagged.add((q["doc"], q["start"]))
                others = ", ".join(sorted(n or "?" for s, n in speakers.items() if s != q["speaker"]))
                out.append({"doc": q["doc"], "start": q["start"], "end": q["end"], "text": q["text"],
                            "why": f"attributed here to {q.get('speaker_name')}, elsewhere to {others}"})
    return out


def _ahead(item: dict[str, Any], published: dict[str, str | None]) -> bool:
    """Is a timeline item dated after the documents that report it (a plan or a forecast)?"""
    dates = [published.get(e["doc"]) for e in item.get("evidence", [])]
    return bool(dates) and all(p and item["date"] > p[:len(item["date"])] for p in dates)


SAME_EVENT_WORDS = 0.7  # share of the shorter wording's words two reports of one event have in common
# Words that date a sentence rather than say what happened: two sentences sharing only "last year"
# and a unit ("It was 190 lira a kilo last year") report no common event.
_DATE_WORDS = CALENDAR_WORDS | set(
    "last next this year years month months week weeks today yesterday tomorrow earlier later ago season".split())


def _overlapping(items: list[tuple[frozenset, list]], share: float) -> list[tuple[int, int]]:
    """Index pairs (n, m), m <= n, of word sets that share at least ``share`` of the smaller set's
    words, each set with itself too.

    Written by hand (no library in our dependencies does set-similarity joins): comparing every
    pair grows with the square of the timeline.  A prefix filter keeps it near linear: when two
    sets share k words, the smaller one's |a| - k + 1 rarest words (in one global order) include
    one of them, so only sets holding one of those words are candidates.
    """
    freq = Counter(w for words, _ in items for w in words)
    order = [sorted(words, key=lambda w: (freq[w], w)) for words, _ in items]
    index: dict[str, list[int]] = defaultdict(list)
    for n, (words, _) in enumerate(items):
        for w in words:
            index[w].append(n)
    out = set()
    for n, (words, _) in enumerate(items):
        need = -(-len(words) * share // 1)  # ceil(share * |a|): at least this many words in common
        for w in order[n][: len(words) - int(need) + 1]:
            for m in index[w]:
                other = items[m][0]
                # the pair is taken from its smaller set's side, where the prefix guarantees it
                if len(words) <= len(other) and len(words & other) >= share * len(words):
                    out.add((max(n, m), min(n, m)))
        out.add((n, n))
    return sorted(out)


def _year_flags(timeline: list[dict[str, Any]], published: dict[str, str | None]) -> list[dict[str, Any]]:
    """One event dated to different years by different documents.

    Plans and forecasts are left out: "a decision is expected in November" and, a week later,
    "in the first quarter of next year" is a timetable that slipped, which is news, not a slip.
    """
    out = []
    by_words: dict[frozenset, list[dict]] = defaultdict(list)
    for t in timeline:
        if _ahead(t, published):
            continue
        words = frozenset(w for w in re.findall(r"[a-z]+", t["text"].lower())
                          if w not in _STOP and w not in _DATE_WORDS and len(w) > 3)
        if len(words) >= 4:
            by_words[words].append(t)
    seen = set()
    items = list(by_words.items())
    for n, m in _overlapping(items, SAME_EVENT_WORDS):  # each bucket with itself too: same words, other years
        for a in items[n][1]:
            for b in items[m][1]:
                if a["date"][:4] != b["date"][:4] and (a["text"], b["text"]) not in seen:
                    seen.add((a["text"], b["text"]))
                    e = a["evidence"][0]
                    out.append({"doc": e["doc"], "start": e["start"], "end": e["end"], "text": a["text"],
                                "why": f"dated {a['date']} here but {b['date']} in another report of the same event"})
    return out
