"""Numeric claims in one parsed document: the number, its unit, and what it measures.

Written by hand: quantulum3 0.10, tried on our texts, read "three percent"
and "20 thousand" (as a dimensionless number, with nothing about the men it
counts), and on "between 10 and 15 companies" it crashed loading its
unit classifier, pickled for another scikit-learn.  Here
a pattern finds the number (digits or words, with scale, currency, percent,
ranges and qualifiers such as "up to") and spaCy's parse gives the measure: the
noun it counts ("cargo vessels waiting at anchor off the coast") or, for a percent or
a sum, the clause it is the subject of ("Dravenians oppose sending soldiers to
run the port").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SMALL = {w: i for i, w in enumerate(_UNITS_WORDS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)}
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
           "dozen": 12}
_VAGUE = {"a dozen": 12, "dozens of": 12, "dozens": 12, "hundreds of thousands of": 100_000,
          "tens of thousands of": 10_000, "hundreds of": 100, "thousands of": 1000, "millions of": 1_000_000,
          "billions of": 1e9}
CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "₽": "RUB", "₴": "UAH", "¥": "JPY", "₺": "TRY", "₹": "INR",
                  "₦": "NGN", "₩": "KRW", "৳": "BDT"}
CURRENCY_WORDS = {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
                  "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "hryvnia": "UAH",
                  "hryvnias": "UAH", "usd": "USD", "eur": "EUR", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
                  "francs": "CHF", "zloty": "PLN", "lira": "TRY", "rupees": "INR", "tl": "TRY"}
QUALIFIERS = ("up to", "almost", "nearly", "about", "around", "more than", "over", "at least", "some", "roughly",
              "approximately", "fewer than", "less than", "at most", "as many as", "close to", "just over",
              "just under", "under", "estimated", "an estimated")

_WORD = rf"(?:{'|'.join(_TENS_WORDS)})(?:[-\s](?:{'|'.join(_UNITS_WORDS[1:10])}))?|{'|'.join(_UNITS_WORDS[2:])}"
_WORDNUM = rf"(?:{_WORD}|one(?=\s+(?:hundred|thousand|million|billion)))(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_WORD}))?)*"
_COMMA_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # "37,570", "3.7"
# Thousands grouped by commas or, in South Africa and much of Europe, by spaces ("48 000").
_DIGITS = rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[,.]\d)|{_COMMA_DIGITS}"
_VAGUE_RE = "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
_CODES = ("USD|EUR|GBP|DKK|SEK|NOK|CHF|JPY|CNY|RUB|UAH|PLN|INR|KGS|KZT|TRY|HRK|CAD|AUD|NZD|CZK|HUF|RON|BRL|MXN|"
          "ZAR|NGN|KES|EGP|SAR|AED|ILS|KRW|HKD|SGD|BYN|GEL|AMD|AZN|UZS|TJS|MDL|RSD|BGN|ISK|LKR|PKR|NPR|BDT|IDR|"
          "THB|VND|PHP|MYR|MNT|ETB|GHS|TZS|UGX|ARS|CLP|COP|PEN|QAR|KWD|OMR|MAD|TND|DZD")
_FRACTIONS = {"half": 50, "a half": 50, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25, "one quarter": 25, "three quarters": 75,
              "three-quarters": 75, "a fifth": 20, "one fifth": 20, "a tenth": 10}  # ("one in four": _ONE_IN)
_FRACTION = re.compile(r"(?<![\w-])(?P<num>" + "|".join(sorted((re.escape(k) for k in _FRACTIONS), key=len, reverse=True))
                       + r")(?=\s+(?:of|the|their|its|his|her|all)\b)", re.I)
# "roughly one in four herders", "one in 20": a share whatever follows (the list above needs "of" after it)
_ONE_IN = re.compile(rf"(?<![\w-])one in (?P<n>\d{{1,4}}(?:,\d{{3}})*|{'|'.join(_UNITS_WORDS[2:])}|{'|'.join(_TENS_WORDS)}|a hundred|a thousand)\b"
                     r"(?!\s*(?:[-–]|to)\s*\d)", re.I)
_TIME_AFTER = re.compile(r"\s+(?:seconds?|minutes?|hours?)\b", re.I)  # "one in 90 seconds": a goal, not a share
# "a tenth of a point", "half a point", "a quarter of a mile": a part of one unit, not a share
_MEASURES = ("percentage point|point|million|billion|thousand|hundred|century|decade|generation|dozen|mile|kilometre|kilometer|metre|meter|second|minute|hour|day|week|month|year|"
             "goal|run|lap|length|inch|foot|yard|acre|hectare|litre|liter|gallon|kilo|kilogram|pound|ton|tonne|"
             "degree|cent|penny|dollar|euro|share|stroke|carat|cup|glass|bottle|pint")
_PART_OF_ONE = re.compile(rf"\s+(?:of\s+)?an?\s+(?P<unit>{_MEASURES})\b", re.I)
_HALF_A = re.compile(rf"(?<![\w-])(?P<part>half)\s+an?\s+(?P<unit>{_MEASURES})\b", re.I)
# Prefixes written before the digits: "R850 000" (rand), "Rs 5", "A$12m"; case matters ("r5" is not rand).
PREFIXES = {"US$": "USD", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL",
            "Rs.": "INR", "Rs": "INR", "R": "ZAR", "TL": "TRY", "KSh": "KES", "Rp": "IDR", "S/": "PEN", "Tk": "BDT"}
# Prefixes that are as often labels ("TL 2 of the project", "route TL1"): a currency only with three
# digits or more, or a scale ("TL255", "TL 1.2bn").
_LABEL_LIKE = {"TL"}
_PREFIX = "|".join(re.escape(k) for k in sorted(PREFIXES, key=len, reverse=True))
_CORE = rf"(?:(?-i:(?P<pfx>{_PREFIX}))(?=\s?\d)|(?P<cur>[€$£₽₴¥₺₹₦₩৳])|(?P<code>{_CODES})(?=\s?\d))?\s?(?P<num>{_DIGITS}|{_WORDNUM}|{_VAGUE_RE})(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|lakhs?|crores?|bn|mn|tn|m|k)\b)?(?:\s?(?P<pct>%|percent\b|per cent\b|percentage points?\b))?"
# (a price per unit keeps its "/lb": "S/11.00/lb", "US$6.55/kg")
_PER_UNIT = r"(?:/(?:lb|kg|t|tonne|oz|g|l|litre|liter|m2|sq ?m)\b)?"
_FIGURE = re.compile(rf"(?<![\w\-/.,:])(?:{_CORE}){_PER_UNIT}(?![\w/]|[.,]\d|:\d|-(?!year))", re.I)
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion"
_COMPOUND = re.compile(rf"(?<![\w.,-])(?P<num>{_COMMA_DIGITS}|{_WORD}|one)"
                       rf"-(?P<unit>(?!year\b|(?:{_SCALE_WORDS}|{'|'.join(_UNITS_WORDS)})\b)[a-z]{{3,}})(?:-old)?\b", re.I)
# A metric or imperial unit written against the digits: "6km", "40kg", "120km/h".
_GLUED_UNITS = {"km": "km", "kms": "km", "km/h": "km/h", "kmh": "km/h", "kph": "km/h", "mph": "mph", "kg": "kg",
                "kgs": "kg", "cm": "cm", "mm": "mm", "ha": "hectare", "mw": "mw", "gw": "gw", "kw": "kw", "kwh": "kwh",
                "mwh": "mwh", "gwh": "gwh", "ft": "ft", "lb": "lb", "lbs": "lb", "mi": "mile", "sqkm": "km2",
                "m3": "m3", "km2": "km2", "m2": "m2", "t": "tonne"}
_GLUED = re.compile(rf"(?<![\w.,-])(?<![$€£¥₹])(?P<num>{_COMMA_DIGITS})(?P<unit>(?-i:t)|"
                    + "|".join(re.escape(k) for k in sorted(_GLUED_UNITS, key=len, reverse=True) if k != "t")
                    + r")(?![\w/])", re.I)  # (a lower-case "t" only: "$2T" is trillions, "a 3T scanner" teslas)
# a unit's abbreviation after a space: "4,908 ft", "12 km", "3 kg" (lower case: "5 KM" is rarely a unit)
_SPACED_UNIT = re.compile(r"\s(km/h|kmh|kph|mph|ft|km|kms|kg|kgs|lb|lbs|mi|mm|cm|ha|km2|m2|sqkm)(?![\w/]|\s?Hg\b|\s\d+\s?in\b)")
# "60-80lb", "8-12%", "1.2%-1.5%": a range written against its unit (once or at both ends)
_GLUED_UNIT = "%|" + "|".join(re.escape(k) for k in sorted(_GLUED_UNITS, key=len, reverse=True))
_GLUED_RANGE = re.compile(rf"(?<![\w.,/-])(?P<lo>\d{{1,4}}(?:\.\d+)?)(?P<lunit>{_GLUED_UNIT})?[-–]"
                          rf"(?P<hi>\d{{1,4}}(?:\.\d+)?)(?P<unit>{_GLUED_UNIT})(?![\w/])", re.I)
# "three and a half years", "2 and a half hours"
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half(?:\s+(?P<scale>hundred|thousand|million|billion))?\b", re.I)
_SIGNED = re.compile(r"(?<![\w.,)%−-])[−-](\d{1,3}(?:\.\d+)?)(?![\d.,])")  # (not "1.2%-1.5%": a range)
_TEMPERATURE = re.compile(r"\s?(?:°\s?|degrees?\s+)?(Celsius|Fahrenheit|centigrade|(?<=°)[CF]|(?<=° )[CF])\b")
_AGE = re.compile(rf"(?<![\w-])(?P<num>\d{{1,3}}|{_WORD})-year-old\b", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–|—|or)\s*$")
# "raise its output from 10,000 to 14,500 tonnes": a change, two figures, not a range
_CHANGE_FROM = re.compile(r"\b(?:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|cut|cuts|cutting|reduc(?:e|es|ed|ing)|"
                          r"lift(?:s|ed|ing)?|lower(?:s|ed|ing)?|r(?:ise|ises|ose|isen|ising)|gr(?:ow|ows|ew|own|owing)|"
                          r"f(?:all|alls|ell|allen|alling)|climb(?:s|ed|ing)?|dropp(?:ed|ing)|drops|jump(?:s|ed|ing)?|"
                          r"revis(?:e|es|ed|ing)|boost(?:s|ed|ing)?|expand(?:s|ed|ing)?|slash(?:es|ed|ing)?|"
                          r"trimm(?:ed|ing)|doubl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|hik(?:e|es|ed)|"
                          r"bump(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|chang(?:e|es|ed|ing))\b"
                          r"(?:(?!\b(?:range|ranging|ranges|aged|between|with)\b)[^.;,]){0,25}?\bfrom\s+"
                          r"(?:about\s+|around\s+|some\s+)?$")  # (lower case: "Upgrades cost from 200 to 300" is a noun)


@dataclass(frozen=True)
class Figure:
    start: int  # the figure's own words ("between 10 and 15", "€107 million")
    end: int
    text: str
    value: float
    unit: str | None
    measure: str | None
    value_max: float | None = None  # the upper end of a range
    qualifier: str | None = None  # "up to", "almost", "more than", ...
    sentence_start: int = 0  # the sentence stating it: the claim's evidence
    sentence_end: int = 0


def words_to_number(s: str) -> float | None:
    """"twenty-five" -> 25, "three hundred and forty" -> 340, "two million" -> 2e6."""
    s = s.lower().replace("-", " ").replace(" and ", " ")
    total, current = 0.0, 0.0
    seen = False
    for w in s.split():
        if w in _SMALL:
            current += _SMALL[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _number(num: str) -> float | None:
    low = num.lower()
    if low in _VAGUE:
        return float(_VAGUE[low])
    if re.fullmatch(r"[\d,. \u00a0\u202f]+", num):
        try:
            return float(re.sub(r"[, \u00a0\u202f]", "", num))
        except ValueError:
            return None
    return words_to_number(low)


_AGE_BESIDE = re.compile(r",\s(?P<age1>\d{2}),|\s?\((?P<age2>\d{2})\)")


def find_figures(doc, exclude: list[tuple[int, int]] = (), people: list[tuple[int, str]] = ()) -> list[Figure]:
    """Figures in ``doc`` (a spaCy parse) outside the ``exclude`` spans (the dates); ``people`` are
    (end, name) of the persons the mention finder named, who may carry an age the model's own
    entities miss ("The captain, Jhonatan Salcedo, 33,")."""
    text = doc.text
    raw = []
    for m in _AGE.finditer(text):
        value = _number(m.group("num"))
        if value is not None:
            raw.append((m.start(), m.end(), value, "years", "age"))
    named = {e.end_char: e.text for e in doc.ents if e.label_ == "PERSON"}
    for end, name in people:
        named.setdefault(end, name)
    for end, name in sorted(named.items()):
        # "Sadykov, 54, said", "Ana Holm (55)": an age beside a person's name
        m = _AGE_BESIDE.match(text, end)
        age = m.group("age1") or m.group("age2") if m else None
        if age and 16 <= int(age) <= 110 and not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            a = m.start("age1") if m.group("age1") else m.start("age2")
            raw.append((a, a + 2, float(age), "years", f"age of {name}"))
    for m in _COMPOUND.finditer(text):
        value = _number(m.group("num"))
        if value is not None and not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            raw.append((m.start(), m.end(), value, m.group("unit").lower(), "compound"))  # "90-seat", "nine-day"
    for m in _GLUED_RANGE.finditer(text):
        unit = "percent" if m.group("unit") == "%" else _GLUED_UNITS[m.group("unit").lower()]
        if m.group("lunit") and m.group("lunit").lower() != m.group("unit").lower():
            continue  # "5kg-10lb" is no range
        if not any(m.start() < e and m.end() > s for s, e, *_ in raw):  # two figures the range join makes one
            raw.append((m.start(), m.end("lunit") if m.group("lunit") else m.end("lo"), float(m.group("lo")), unit, None))
            raw.append((m.start("hi"), m.end(), float(m.group("hi")), unit, None))
    for m in _GLUED.finditer(text):
        value = _number(m.group("num"))
        if value is not None and not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            raw.append((m.start(), m.end(), value, _GLUED_UNITS[m.group("unit").lower()], None))
    for m in _FRACTION.finditer(text):
        if not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            share = _FRACTIONS[m.group("num").lower()]
            part = _PART_OF_ONE.match(text, m.end())
            if part is not None and not text[m.end():part.start("unit")].strip().lower().startswith("of"):
                part = None  # "a third a mile" is no English; "half a point" is read below
            if part is not None and part.group("unit").lower() in _SCALES:  # "a quarter of a million": 250,000
                raw.append((m.start(), part.end(), share / 100 * _SCALES[part.group("unit").lower()], None, "fraction"))
            elif part is not None:
                raw.append((m.start(), part.end(), share / 100, part.group("unit").lower(), "fraction"))
            else:
                raw.append((m.start(), m.end(), share, "percent", "fraction"))
    for m in _SIGNED.finditer(text):  # "−12 Celsius", "-5°C", "-6.8%": a sign the figure pattern does not take
        temperature = _TEMPERATURE.match(text, m.end())
        percent = re.match(r"\s?%", text[m.end():])
        if (temperature or percent) and not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            end = temperature.end() if temperature else m.end() + percent.end()
            raw.append((m.start(), end, -float(m.group(1)), _degrees(temperature) if temperature else "percent", None))
    for m in _HALF_A.finditer(text):  # "by half a point", "half a percentage point", "half a million" (500,000)
        unit = m.group("unit").lower()
        if not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            raw.append((m.start(), m.end(), 0.5 * _SCALES.get(unit, 1), None if unit in _SCALES else unit, "fraction"))
    for m in _ONE_IN.finditer(text):
        n = _number(m.group("n").replace("a ", "one "))
        if (re.search(r"\b(?:number|no\.?|ranked|rank|the last)\s+$", text[max(0, m.start() - 10):m.start()], re.I)
                or re.fullmatch(r"(?:1[89]|20)\d\d", m.group("n")) or _TIME_AFTER.match(text, m.end())):
            continue  # "number one in 12 countries", "one in 2021", "one in 90 seconds": no share
        if n and n >= 2 and not any(m.start() < e and m.end() > s for s, e, *_ in raw):
            raw.append((m.start(), m.end(), 100 / n, "percent", "fraction"))
    for m in _FIGURE.finditer(text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1  # the optional space after a currency sign, when there is no sign
        if any(a < e and b > s for s, e, *_ in raw) or any(a < e and b > s for s, e in exclude):
            continue
        value = _number(m.group("num"))
        if value is None:
            continue
        scale = (m.group("scale") or "").lower()
        if scale == "m" and not (m.group("cur") or m.group("pfx") or m.group("code")):
            continue  # "5 m" is metres more often than millions without a currency ("USD850m", "LKR 850m": millions)
        half = _AND_A_HALF.match(text, b) if not scale and not m.group("pct") and value < 1000 else None
        if half is not None:  # "two and a half million": the scale comes after the half
            value, b = (value + 0.5) * _SCALES.get((half.group("scale") or "").lower(), 1), half.end()
        if scale:
            value *= _SCALES[scale]
        pct = m.group("pct")
        unit = "percent" if pct and "point" not in pct.lower() else ("percentage points" if pct else None)
        cur = m.group("cur")
        if m.group("pfx") == "R" and not (scale or re.search(r"[ ,.\u00a0\u202f]", m.group("num"))):
            continue  # "R2", "R101": roads and models more often than rand
        if m.group("pfx") in _LABEL_LIKE and not (scale or len(re.sub(r"\D", "", m.group("num"))) >= 3):
            continue
        if m.group("pfx"):
            unit = PREFIXES[m.group("pfx")]
        elif cur:
            unit = CURRENCY_SIGNS[cur]
        elif m.group("code"):
            unit = m.group("code").upper()
        spaced = _SPACED_UNIT.match(text, b) if unit is None and not m.group("pct") else None
        if spaced is not None:  # "the 4,908 ft volcano": the abbreviation, not the noun after it
            unit = _GLUED_UNITS[spaced.group(1).lower()]
        temperature = _TEMPERATURE.match(text, b) if unit is None and not scale else None
        if temperature is not None:  # "minus 47 Celsius", "12°C": the model takes the scale for a name
            unit, b = _degrees(temperature), temperature.end()
        elif unit is None and not scale and (_is_year_or_noise(text, m, value) or _names_a_thing(doc, a, b)):
            continue
        raw.append((a, b, value, unit, None))
    raw.sort()
    figures = []
    change_from = None  # the figure a change starts from ("from 200 to 300 dollars"): it takes the other's unit
    i = 0
    while i < len(raw):
        a, b, value, unit, kind = raw[i]
        value_max = None
        # "between 10 and 15", "10 to 15", "10-15": one figure with a range
        if i + 1 < len(raw) and _RANGE_JOIN.match(text[b:raw[i + 1][0]]) and kind is None and raw[i + 1][4] is None:
            nb, nvalue, nunit = raw[i + 1][1], raw[i + 1][2], raw[i + 1][3]
            joiner = text[b:raw[i + 1][0]].strip()
            lead = text[max(0, a - 8):a].lower()
            # (two units written out make two figures unless glued into one range: "60lb-80lb")
            both_units = (unit is not None and nunit is not None and text[a:b].strip()[-1:].isalpha()
                          and not (text[b:raw[i + 1][0]] in ("-", "–") and unit == nunit))
            # "from 41.7 percent to 40.9 percent" is a change, two figures; "10 to 15" is a range
            changed = joiner == "to" and _CHANGE_FROM.search(text[max(0, a - 60):a])
            if changed and unit is None and nunit is not None:
                unit = nunit  # "lowered its forecast from 2.1 to 1.8 percent": both in per cent
            elif changed and unit is None:
                change_from = len(figures)  # the unit is a word after the second ("to 300 dollars")
            if not changed and ("between" in lead or (not both_units and (joiner in ("-", "–", "to", "or") or "from" in lead))):
                value_max, b, unit = nvalue, nb, unit or nunit
                i += 1
        start = a
        one_or = re.search(r"\b(?:one|1)\s+or\s+$", text[max(0, a - 8):a], re.I)
        if one_or and kind is None and value_max is None and value <= 10:
            # "one or two seats": a range whose "one" the pattern leaves out (a lone "one" is rarely a count)
            start, value, value_max = a - (len(text[max(0, a - 8):a]) - one_or.start()), 1.0, value
        lead = text[max(0, a - 9):a].lower()
        if "between " in lead:
            start = a - (len(lead) - lead.rindex("between "))
        elif "from " in lead and value_max is not None:
            start = a - (len(lead) - lead.rindex("from "))
        minus = re.search(r"\bminus\s+$", text[max(0, start - 7):start], re.I)
        lead = text[max(0, start - 30):start - (len(minus.group(0)) if minus else 0)]
        if minus is not None and value_max is None and (unit in ("celsius", "fahrenheit") or re.search(
                r"(?:^|\b(?:to|at|of|was|were|is|are|hit|reached|around|about|near|below|low|lows|reading|"
                r"stood|fell|dropped|plunged|sank|hovered|as)\s+)$", lead, re.I)) and not re.search(
                r"(?:plus\s*(?:or|/)\s*|T-)$", lead, re.I):
            # "minus 47 Celsius", "fell to minus 12" (not "plus or minus 3 points", "$4.2bn, minus $300m of debt")
            start, value = start - (len(text[max(0, start - 7):start]) - minus.start()), -value
        qualifier = _qualifier(text, start)
        figures.append(_with_measure(doc, text, start, b, value, unit, kind, value_max, qualifier))
        if change_from is not None and change_from == len(figures) - 2:
            first, second = figures[change_from], figures[-1]
            if first.unit is None and second.unit is not None:
                # "from 12 to 15 million dollars": the first takes the scale too (12 million)
                scale = re.search(r"\s?(million|billion|thousand|trillion|bn|mn|m)\b", second.text, re.I)
                more = _SCALES[scale.group(1).lower()] if scale and not re.search(
                    r"million|billion|thousand|trillion|bn|mn|\dm\b", first.text, re.I) else 1
                figures[change_from] = replace(first, unit=second.unit, value=first.value * more)
            change_from = None
        i += 1
    return figures


def _degrees(temperature: re.Match) -> str:
    return "fahrenheit" if temperature.group(1).lower().startswith("f") else "celsius"


def _is_year_or_noise(text: str, m: re.Match, value: float) -> bool:
    num = m.group("num")
    if re.fullmatch(r"(?:1[89]|20)\d\d", num):
        return True  # a year
    after = text[m.end():m.end() + 6].lower()
    if re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|gmt|utc|bst|cet)", after):
        return True  # a time of day
    before = text[max(0, m.start() - 12):m.start()].lower()
    if re.search(r"(?:no\.|number|article|page|section|paragraph|chapter|round|season|episode|level|grade|tier|"
                 r"\blot)\s*$", before):
        return True  # a label, not a quantity
    return False


def _names_a_thing(doc, a: int, b: int) -> bool:
    """"Unit 2", "Lot 3018", "Gate 5": a number that the capitalised word before it takes as
    its label (the parse joins the two), unlike "in Kyiv 20 people", where it counts the
    people."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span) or span.start == span.sent.start:
        return False
    tok, prev = span[-1], doc[span.start - 1]
    # singular, with no article of its own: "the Greens 7 and the SNP 3" is a tally
    determined = any(c.dep_ == "det" for c in prev.children) or (prev.i > 0 and doc[prev.i - 1].dep_ == "det")
    return (prev.text[:1].isupper() and prev.tag_ in ("NNP", "NN") and not determined
            and prev.ent_type_ not in ("DATE", "TIME", "GPE", "NORP")
            and ((tok.dep_ == "nummod" and tok.head.i == prev.i) or (prev.dep_ == "compound" and prev.head.i == tok.i)))


def _qualifier(text: str, a: int) -> str | None:
    lead = text[max(0, a - 20):a].lower().rstrip()
    for q in sorted(QUALIFIERS, key=len, reverse=True):
        if lead.endswith(q) and (len(lead) == len(q) or not lead[-len(q) - 1].isalpha()):
            return q
    return None


_UNIT_NOUNS = {"percent", "%", "cent", "point", "points", "hundred", "thousand", "million", "billion", "trillion",
               "bn", "mn", "m", "k", "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "tens"}
_DROP_DEPS = {"det", "punct", "cc", "case", "mark", "relcl", "advcl", "appos", "acl:relcl", "dep", "space"}


def _with_measure(doc, text: str, a: int, b: int, value: float, unit: str | None, kind: str | None,
                  value_max: float | None, qualifier: str | None) -> Figure:
    """A figure with what it measures; ``text`` is ``doc.text``, which spaCy rebuilds on every access."""
    span = doc.char_span(a, b, alignment_mode="expand")
    sent = span.sent if span is not None and len(span) else None
    sa, sb = (sent.start_char, sent.end_char) if sent is not None else (a, b)
    measure = None
    if span is not None and len(span):
        own = {t.i for t in span}
        if kind and kind.startswith("age of "):
            measure, unit = kind, "years"
        elif kind == "age":
            measure, unit = _age_measure(span), "years"
        else:
            measure, counted = _measure(span, own)
            if unit is None and counted is not None:
                unit = CURRENCY_WORDS.get(counted.lower_, counted.lemma_.lower())
    return Figure(a, b, text[a:b], value, unit, measure, value_max, qualifier, sa, sb)


def _age_measure(span) -> str | None:
    """"The 68-year-old President" -> "age of President"; the person is resolved at corpus level."""
    root = span.root
    head = root.head
    while head.dep_ in ("amod", "compound") and head.head.i != head.i:
        head = head.head
    named = {t.i: t.text for c in head.children if c.dep_ in ("compound", "appos") for t in c.subtree
             if t.ent_type_ == "PERSON"}
    named |= {t.i: t.text for t in head.subtree if t.ent_type_ == "PERSON" and t.dep_ == "compound" and t.head is head}
    if named and head.ent_type_ == "PERSON":
        named[head.i] = head.text  # "leg-spinner Saurav Rana": the name's last word is the head
    names = [named[i] for i in sorted(named)]
    if not names and head.dep_ == "appos" and (head.head.ent_type_ == "PERSON" or head.head.pos_ == "PROPN" or (
            head.head.is_title and not head.head.is_stop and head.head.pos_ in ("ADV", "ADJ", "NOUN"))):
        # "Ana Holm, the firm's 44-year-old chief executive": the name the description stands beside
        # (a name the model may have called a place: "Varenhorst, the 31-year-old Dutch champion")
        person = head.head
        names = [t.text for t in person.subtree if (t is person or (t.head is person and t.ent_type_ == person.ent_type_
                                                                        and t.pos_ == "PROPN" and t.i < person.i))]
    if not names and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr"):
        # "a 24-year-old from Gori gets ...": the age is the description itself, not the verb's
        words = [t for t in root.subtree if t.dep_ != "det" and not t.is_punct or t.text == "-"]
        return "age of " + span.doc[words[0].i:words[-1].i + 1].text if words else "age"
    who = " ".join(names) if names else head.text
    return f"age of {who}"


def _measure(span, own: set[int]) -> tuple[str | None, object]:
    """(what the figure measures, the noun it counts or None)."""
    root = span.root
    head = root.head if root.dep_ in ("nummod", "quantmod", "compound", "nmod", "amod", "npadvmod") else root
    counted = None
    if head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in _UNIT_NOUNS:
        counted = head
        phrase = _phrase(head, own | {head.i}, limit=10, keep_head=True) or head.text
        verb = head.head
        if head.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX") and verb.i != head.i:
            # "1,200 homes were destroyed by the fire": what happened to them is part of the measure
            rest = [t for c in verb.children if c.dep_ in ("prep", "agent", "nsubj", "dobj", "prt", "acomp")
                    and c.i != head.i for t in c.subtree if t.i not in own and not t.like_num
                    and t.dep_ not in _DROP_DEPS and not t.is_punct]
            words = [verb.text] + [t.text for t in sorted(rest, key=lambda t: t.i)[:8]]
            phrase = f"{phrase} {' '.join(words)}" if head.i < verb.i else f"{' '.join(words)} {phrase}"
        return phrase, counted
    # A percent, a sum or a bare count: what the clause says about it.
    anchor = head if head.lower_ in _UNIT_NOUNS else root
    parts = []
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        parts.append(_phrase(of, own | {of.i}, limit=6))
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        words = [verb] + [t for c in verb.children if c.dep_ in ("dobj", "prep", "acomp", "attr", "xcomp", "prt", "agent")
                          and c.i not in own and not any(t.i in own for t in c.subtree) for t in c.subtree]
        words = sorted({t.i: t for t in words if t.dep_ not in _DROP_DEPS and not t.is_punct}.values(), key=lambda t: t.i)
        parts.append(" ".join(t.text for t in words[:10]))
    measure = " ".join(p for p in parts if p).strip() or None
    return measure, counted


def _phrase(head, skip: set[int], limit: int, keep_head: bool = False) -> str:
    toks = [t for t in head.subtree if (t.i not in skip or (keep_head and t.i == head.i))
            and t.dep_ not in _DROP_DEPS and not t.is_punct and not t.like_num
            and not (t.dep_ == "prep" and not any(c.dep_ == "pobj" for c in t.children))]
    # keep words near the head: drop a clause hanging off the far end
    toks = [t for t in toks if abs(t.i - head.i) <= limit]
    return " ".join(t.text for t in toks[:limit + 2])
