"""Spelling-blind keys for names written in different transliterations.

"Gorbachev"/"Gorbachov", "Tchaikovsky"/"Chaikovskyi", "Žukov"/"Zhukov",
"Dzhaksybekov"/"Djaksybekov"/"Jaksybekov",
"Schmidt"/"Shmidt": transliterations of one name differ mostly in vowels,
in "y"/"i"/"j", and in how a sound is spelled with one letter or two ("ž", "zh";
"c", "ts"; "š", "sh", "sch").  anyascii folds the accented letters; the key then
keeps the consonants, with the two-letter spellings folded to one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Lower-case particles inside names: "Anke du Toit", "Hendrik van der Walt", "Aloysius da Costa".
PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "da", "das", "dos", "di", "del", "della", "le", "la",
                       "ter", "ten", "bin", "binti", "al", "el", "ibn",
                       "ó", "o", "ní", "ni", "nic", "ua", "mac", "mag",  # Irish: "Seán Ó Briain", "Máire Ní Dhuibhir"
                       "arap"})  # Kalenjin: "Kipchumba arap Moi"
# Particles that are also given names ("Dela Ofori", "Zu Yan"): a particle only inside a longer name
# ("Ramon Dela Rosa") or in the surname such a name ends with ("Dela Rosa").
INNER_PARTICLES = frozenset({"dela", "delos", "dei", "degli", "zu"})
# Longest first: "sch" before "sh".
_DIGRAPHS = (("dzh", "j"), ("shch", "s"), ("dj", "j"), ("sch", "s"), ("tch", "c"), ("tsch", "c"), ("zh", "z"), ("kh", "k"), ("sh", "s"),
             ("ch", "c"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("cz", "c"), ("dj", "d"))
_DROP = re.compile(r"[aeiouyjwh]")


@lru_cache(maxsize=100_000)
def name_key(word: str) -> str:
    """A key equal for the spellings of one name: first letter class, then its consonants."""
    w = anyascii(word.replace("ž", "zh").replace("Ž", "Zh")).lower()  # so "Žovnir" folds like "Zhovnir"
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return word.lower()
    if len(w) > 1 and w[0] == "i" and w[1] in "aeiou":
        w = "y" + w[1:]  # "Iurii" / "Yuriy", "Iakiv" / "Yakiv"
    if w.startswith("zh"):
        w = "y" + w[2:]  # Ж as "Zh" or, French-style, "J": "Zhovnir" / "Jovnir"
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    head, rest = w[0], w[1:]
    if head in "yj":  # "Yarovets" / "Jarovec", "Iurii" / "Yuriy"
        head = "y"
    if head == "h":
        head = "g"  # Г as "H" (Ukrainian) or "G" (Russian): "Hrynkiv" / "Grinkiv", "Hennadiy" / "Gennady"
    if head in "aeiou":
        head = "a"
    rest = _DROP.sub("", rest)
    rest = re.sub(r"(.)\1+", r"\1", rest)  # doubled letters: "Maartens", "Chaikovskyy"
    return head + rest
