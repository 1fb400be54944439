"""One entity per real-world referent across documents and spellings.

Who is who when outlets transliterate differently (Khvostak / Chvostak,
Oleshkevych / Oleshkevich / Oleškevyč, Hrynkiv / Grinkiv), drop the first name
("Drozdyk", "Mr Drozdyk") or use an acronym (KCES for the Kalyna Centre for
Economic Strategy).  No list of names: spellings are compared by ``names.name_key``
(consonant skeletons, digraphs folded) and rapidfuzz, and context decides the
ambiguous cases: a surname alone goes to the full name it follows in the same
document, or to the only person with that surname in the corpus.  Two people
who share a first name stay apart because surnames decide, never first names.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from dossier.extract.mentions import INITIALS, KIN_NOUNS, ORG_NOUNS
from dossier.names import INNER_PARTICLES, PARTICLES, name_key

_STOP = {"of", "the", "for", "and", "on", "in", "at", "to", "de", "du", "la", "&"}
# Words that end an organisation's name, never a person's: "Ashbridge Rovers Supporters' Trust".
_BODY_WORDS = ORG_NOUNS | {"trust", "supporters", "inc", "ltd", "plc", "llc", "corp", "co", "holdings", "partners",
                           "society", "centre", "center", "institute", "school", "academy", "college", "fc", "united",
                           "airport", "bridge", "bay", "stadium", "arena", "studios", "pictures", "world", "square",
                           "station", "port", "park", "museum", "library", "memorial", "international", "partnership",
                           "corporation", "companies", "research", "capital", "house", "prize", "award", "municipality"}
# Words for kinds of body in the languages whose names English copy keeps: "Universidad Católica" (a
# club) is not "Pontificia Universidad Católica" (the university).
_BODY_WORDS_ABROAD = {"universidad", "universidade", "università", "université", "universität", "banco", "banca",
                      "banque", "instituto", "institut", "istituto", "fundación", "fundação", "fondazione",
                      "asociación", "associação", "partido", "ministerio", "ministério", "ministère", "comisión",
                      "consejo", "conselho", "tribunal", "corte", "clube", "sociedad", "sociedade", "società",
                      "société", "compañía", "companhia", "empresa", "grupo", "gruppo", "groupe", "colegio",
                      "escuela", "escola", "hospital", "hôpital", "ospedale", "federación", "federação",
                      "federazione", "liga", "lega", "ligue", "unión", "união", "unione", "sindicato",
                      "cámara", "câmara", "camera", "assemblea", "asamblea", "assembleia", "agencia", "agência",
                      "agenzia", "agence", "servicio", "serviço", "servizio", "direction", "dirección", "direção"}
_KIN = re.compile(rf"\b(?:{'|'.join(sorted(KIN_NOUNS))})s?\b", re.I)
_CORP_SUFFIX = re.compile(r"\s+(?:inc|ltd|plc|llc|corp|co|gmbh|ag|sa)\.?$", re.I)


@dataclass(frozen=True)
class MentionRef:
    doc: str
    start: int
    end: int
    name: str  # as written, tidied
    type: str  # PERSON, ORG, GPE, NORP
    role: str | None = None


@dataclass
class Entity:
    id: str
    name: str
    type: str
    variants: list[str]
    mentions: list[MentionRef]
    roles: list[dict] = field(default_factory=list)  # {"role", "doc", "start", "end"}

    def to_dict(self) -> dict:
        return {
            "id": self.id, "name": self.name, "type": self.type, "variants": self.variants,
            "mentions": [{"doc": m.doc, "start": m.start, "end": m.end} for m in self.mentions],
            "roles": self.roles,
        }


_NICKNAME = re.compile(r"^(\S+)\s+[\"“‘'](\S+)[\"”’']\s+(\S.*)$")  # Hendrik "Fanie" van der Walt


def _nickname(name: str) -> tuple[str, str] | None:
    """("Fanie van der Walt", "Hendrik van der Walt") for 'Hendrik "Fanie" van der Walt'."""
    m = _NICKNAME.match(re.sub(r"\s+", " ", name.strip()))
    return (f"{m.group(2)} {m.group(3)}", f"{m.group(1)} {m.group(3)}") if m else None


def tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;:’'\"“”")
    name = name.rstrip(".") if not re.search(r"\b[A-Z][a-z]?\.$", name) else name  # keep an initial's dot
    # "D.Ganbold", "Ts.Enkhjargal": an initial glued to the name, as Mongolian and Russian papers write it
    name = re.sub(r"\b([A-Z][a-z]?)\.(?=[A-Z][a-z])", r"\1. ", name)
    name = _NICKNAME.sub(r"\1 \3", name)
    name = re.sub(r"^(?:the|The)\s+", "", name)
    return re.sub(r"[’']s$", "", name)


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", name) if t]  # as written: ``name_key`` folds the letters


# A given name written with a hyphen and a lower-case second part: Korean "Soo-ah", "Min-jun".
_HYPHENED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


@lru_cache(maxsize=200_000)
def _person_tokens(name: str) -> tuple[str, ...]:
    """A person's name as [given names ..., surname]: particles dropped ("Hendrik van der Walt" ->
    Hendrik, Walt; "Van der Walt" -> Walt), hyphenated surnames kept whole ("Dlamini-Khumalo"), and
    East Asian order put the Western way ("Kim Soo-ah" and "Soo-ah Kim" -> Soo-ah, Kim)."""
    words = [w for n, w in enumerate(name.split()) if w.lower() not in PARTICLES
             and not (n and w.lower() in INNER_PARTICLES)] or name.split()
    if len(words) == 2 and _HYPHENED_GIVEN.match(words[1]) and not _HYPHENED_GIVEN.match(words[0]):
        words = [words[1], words[0]]
    return tuple(words)


def acronym(name: str) -> str:
    """"Institute for the Study of War" -> "ISW"."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _STOP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


_MUHAMMAD_SHORT = {"md", "mohd", "muhd", "mhd"}
_DIGRAPH_INITIALS = {"ts", "sh", "ch", "kh", "zh", "ya", "yu", "ye", "yo", "dz"}  # one Cyrillic letter


def _first_names_agree(a: str, b: str) -> bool:
    """"Alena"/"Svetlana", "Artyom"/"Artem", "V."/"Viktor", "Ts."/"Tserendorj", "Bolor"/"Boloryn" (a
    Mongolian patronymic with and without its genitive ending)."""
    short = (a.endswith(".") and a[:-1].lower() in _DIGRAPH_INITIALS, b.endswith(".") and b[:-1].lower() in _DIGRAPH_INITIALS)
    a, b = anyascii(a).lower().rstrip("."), anyascii(b).lower().rstrip(".")
    if not a or not b:
        return False
    if {a, b} & _MUHAMMAD_SHORT and name_key(a if b in _MUHAMMAD_SHORT else b) == name_key("muhammad"):
        return True  # "Md Abdur Rahman" is "Mohammad Abdur Rahman", as South Asian papers write it
    if len(a) == 1 or len(b) == 1 or any(short):
        return a.startswith(b) or b.startswith(a)
    return name_key(a) == name_key(b) or fuzz.ratio(a, b) >= 75 or (
        min(len(a), len(b)) >= 4 and any(y == x.rstrip("aeiou") + e for x, y in ((a, b), (b, a)) for e in ("yn", "iin", "in", "ny")))


# Russian endings of surnames that Kazakh, Kyrgyz or Tajik bearers drop: "Bekmukhambetova" / "Bekmukhambet",
# "Abenkaliyev" / "Abenqali".
_RUSSIAN_ENDING = re.compile(r"(?:iyeva|iyev|yeva|yev|eva|ev|ova|ov)$", re.I)


def _surnames_agree(a: str, b: str) -> bool:
    """Transliterations of one surname: equal skeletons, the same first letter, a close spelling;
    or one with a Russian ending and the other, of five letters or more, without it (not "Ivanov"
    and "Ivanova", who may be husband and wife)."""
    if a.lower() == b.lower():
        return True
    for x, y in ((a, b), (b, a)):
        stem = _RUSSIAN_ENDING.sub("", x)
        if stem != x and not _RUSSIAN_ENDING.search(y) and len(y) >= 5 and len(stem) >= 4 and \
                name_key(stem) == name_key(y.rstrip("iy")) and fuzz.ratio(anyascii(stem).lower(), anyascii(y).lower()) >= 70:
            return True
    ka, kb = name_key(a), name_key(b)
    if ka != kb or len(ka) < 3:
        return False
    return fuzz.ratio(anyascii(a).lower(), anyascii(b).lower()) >= 70


def link_entities(mentions: list[MentionRef]) -> list[Entity]:
    """Cluster mentions into entities; every mention ends up in exactly one."""
    # "Hendrik "Fanie" van der Walt": the nickname with the surname names him too
    nicknames = dict(n for n in (_nickname(m.name) for m in mentions if m.type == "PERSON") if n)
    mentions = [MentionRef(m.doc, m.start, m.end, tidy(m.name), m.type, m.role) for m in mentions if tidy(m.name)]
    types = _vote_types(mentions)
    mentions = [MentionRef(m.doc, m.start, m.end, m.name, types.get(m.name, m.type), m.role) for m in mentions]
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    by_type: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_type[m.type].append(i)
    _link_people(mentions, by_type.get("PERSON", []), union, find)
    if nicknames:
        first = {}
        for i in by_type.get("PERSON", []):
            first.setdefault(mentions[i].name, i)
        for nick, full in nicknames.items():
            if nick in first and full in first:
                union(first[nick], first[full])
    _link_orgs(mentions, by_type.get("ORG", []), union)
    # Places and peoples together: the small model calls "Yarovets" NORP in one sentence and GPE
    # in the next; "Dravenia" and "Dravenian" keep apart because their keys differ.
    _link_places(mentions, by_type.get("GPE", []) + by_type.get("NORP", []), union)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        clusters[find(i)].append(i)
    return sorted((_entity([mentions[i] for i in idx]) for idx in clusters.values()),
                  key=lambda e: (-len(e.mentions), e.name))


def _vote_types(mentions: list[MentionRef]) -> dict[str, str]:
    """The small model calls a surname ORG in one sentence and PERSON in the next: one name, one type.

    A single word that is the surname of a multi-word person name elsewhere is
    a person unless it is mostly tagged as a place or nationality.
    """
    # Spellings of one multi-word name vote together ("Nurlan Sadikov" ORG here, PERSON there).
    def key(name: str) -> tuple[str, ...]:
        toks = _person_tokens(name)
        return tuple(name_key(t) for t in toks) if len(toks) >= 2 else (name,)

    by_key: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for m in mentions:
        by_key[key(m.name)][m.type] += 1
    votes: dict[str, Counter] = {m.name: by_key[key(m.name)] for m in mentions}
    voted = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    # People as the votes have them (one stray PERSON tag on "Goldman Sachs" makes no person)
    people = [m for m in mentions if voted[m.name] == "PERSON" and len(_person_tokens(m.name)) >= 2]
    surnames = {name_key(_person_tokens(m.name)[-1]) for m in people}
    exact_surnames = {_person_tokens(m.name)[-1] for m in people}
    two_word_people = {_person_tokens(m.name)[:2] for m in people if len(_person_tokens(m.name)) == 2}
    turned_round = {(name_key(t[1]), name_key(t[0])) for t in two_word_people}

    def longer_person(name: str) -> bool:
        """"Selam Haile Bekele" (an ORG to the model) for the person "Selam Haile";
        not "... Supporters' Trust" or "... Airport"."""
        toks = _person_tokens(name)
        return voted[name] == "ORG" and len(toks) >= 3 and toks[:2] in two_word_people \
            and not {t.lower().strip("’'") for t in toks[2:]} & _BODY_WORDS

    given_in_doc = {(m.doc, _person_tokens(m.name)[0]) for m in mentions
                    if (voted[m.name] == "PERSON" and len(_person_tokens(m.name)) >= 2) or longer_person(m.name)}
    surname_docs = {(m.doc, _person_tokens(m.name)[-1]) for m in people}
    org_words = {w.lower() for m in mentions if voted[m.name] == "ORG" and len(_tokens(m.name)) >= 2
                 and not longer_person(m.name)
                 for w in (_tokens(m.name)[0], _tokens(m.name)[-1])}  # "Chelsea" of "Chelsea Football Club"
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        docs_of[m.name].add(m.doc)
    out = {}
    for name, c in votes.items():
        best = voted[name]
        toks = _person_tokens(name)
        if longer_person(name):
            out[name] = "PERSON"
            continue
        if best == "ORG" and len(toks) == 1 and not name.isupper() and name.lower() not in org_words \
                and any((d, name) in given_in_doc for d in docs_of[name]):
            out[name] = "PERSON"  # "Selam", a given name of a person of the same document
            continue
        if best != "PERSON" and len(_person_tokens(name)) == 1 and name_key(name) in surnames and c["PERSON"] > 0:
            best = "PERSON"
        elif best in ("ORG",) and len(_person_tokens(name)) == 1 and name_key(name) in surnames and not name.isupper():
            best = "PERSON"
        elif best == "ORG" and len(toks) == 2 and (re.fullmatch(r"[A-Z]\.", toks[0]) or toks[0][:-1].lower() in _DIGRAPH_INITIALS) \
                and toks[1] in exact_surnames:
            best = "PERSON"  # "G. Tsogtbaatar": an initial and a person's name
        elif best == "ORG" and len(toks) == 2 and min(map(len, toks)) >= 5 and (
                name_key(toks[0]), name_key(toks[1])) in turned_round and all(
                zipf_frequency(t, "en") < 3 for t in toks):
            # "Enkhjargal Ganbold" signing a post, a person called "Ganbold Enkhjargal" elsewhere (not
            # "Morgan Stanley" beside a "Stanley Morgan": names that English uses every day are both ways round)
            best = "PERSON"
        elif best == "ORG" and name.isupper() and len(name) >= 5 and any((d, name.title()) in surname_docs for d in docs_of[name]):
            best = "PERSON"  # "MARTINS:", a transcript's label, is Paulo Cesar Martins (not an acronym)
        elif best in ("GPE", "NORP") and name in exact_surnames:
            # "Hrynkiv" read as a place (like Kharkiv) while "Stepan Hrynkiv" is a person: the surname
            # written exactly so decides.  (A "Washington" who is also a city would be merged too.)
            best = "PERSON"
        out[name] = best
    return out


def _surnames(tokens: list[str]) -> list[str]:
    """The words a person may be called by alone: the last name, and for three-word names also the
    one before it (Spanish and Portuguese names carry two surnames and often drop the second:
    "Gabriel García Márquez" is "García")."""
    out = [tokens[-1]]
    if len(tokens) >= 3 and tokens[-2][:1].isupper() and tokens[-2].lower() not in _STOP:
        out.append(tokens[-2])
    return out


def _link_people(mentions: list[MentionRef], idx: list[int], union, find) -> None:
    """People: indexed by the key of each surname, so that linking grows with the mentions, not their square."""
    # "Dela Rosa" alone, where "Ramon Dela Rosa" shows it to be a surname: a short mention, not a
    # first name and a surname (which "Dela Ofori" is)
    inner_surnames = {" ".join(w.lower() for w in m.name.split()[-2:]) for i in idx for m in [mentions[i]]
                      if len(m.name.split()) >= 3 and m.name.split()[-2].lower() in INNER_PARTICLES}
    as_surname = {i for i in idx if mentions[i].name.lower() in inner_surnames}
    initials = [i for i in idx if INITIALS.match(mentions[i].name)]
    idx = [i for i in idx if not INITIALS.match(mentions[i].name)]
    full = [i for i in idx if len(_person_tokens(mentions[i].name)) >= 2 and i not in as_surname]
    short = [i for i in idx if len(_person_tokens(mentions[i].name)) == 1 or i in as_surname]
    # One full name written the same way is one person, in every document; so is one written with
    # a hyphen for a space or without its accents ("Owusu-Afriyie", "Owusu Afriyie").
    first_of: dict[str, int] = {}
    same_letters: dict[str, int] = {}
    for i in full:
        name = mentions[i].name
        letters = re.sub(r"[\s\-‐–]+", " ", anyascii(name).lower())
        if name in first_of:
            union(i, first_of[name])
        else:
            first_of[name] = i
            if letters in same_letters:
                union(i, same_letters[letters])
            else:
                same_letters[letters] = i
    names = list(first_of)  # distinct full names
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in names:
        for surname in _surnames(_person_tokens(name)):
            by_key[name_key(surname)].append(name)
    # full names only: "Bekmukhambetova" is also "Bekmukhambet", as she may write it herself (a name
    # alone is never compared by its stem: "Boris" is not Yuri Borisov)
    groups = {k: list(v) for k, v in by_key.items()}
    for name in names:
        last = _person_tokens(name)[-1]
        stem = _RUSSIAN_ENDING.sub("", last)
        if stem != last and len(stem) >= 5 and name not in groups.get(name_key(stem), ()):
            groups.setdefault(name_key(stem), []).append(name)
    # Full names: same surname (by transliteration) and agreeing first names.
    for group in groups.values():
        for n, a in enumerate(group):
            ta = _person_tokens(a)
            for b in group[:n]:
                tb = _person_tokens(b)
                same_given = ta[0] == tb[0] and len(ta[0]) >= 4
                if len(ta) >= 3 and len(tb) >= 3 and not _surnames_agree(ta[-1], tb[-1]) \
                        and ta[:len(tb)] != tb and tb[:len(ta)] != ta:
                    continue  # "Antônio Carlos Mendes" and "Antônio Carlos da Silva": the middle name is no surname here
                if len(ta) >= 3 and len(tb) >= 3 and not _first_names_agree(ta[1], tb[1]):
                    continue  # "Md Anwar Karim" and "Md Selim Karim": the second given name tells them apart
                if _first_names_agree(ta[0], tb[0]) and any(
                        _surnames_agree(x, y) or (same_given and name_key(x) == name_key(y))
                        for x in _surnames(ta) for y in _surnames(tb)):
                    union(first_of[a], first_of[b])
                    break
    # "Reyes Prado" for "Tomás Reyes Prado": a name's two surnames without the given name, when
    # only one longer name of the same document ends with them (as two words they read as given
    # name and surname; across documents "Carlos Rodríguez" may be another man than "Juan Carlos Rodríguez").
    tails: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    mentions_of: dict[str, list[MentionRef]] = defaultdict(list)
    for i in full:
        toks = _person_tokens(mentions[i].name)
        if len(toks) >= 3:
            tails[(mentions[i].doc, name_key(toks[-2]), name_key(toks[-1]))].add(mentions[i].name)
            mentions_of[mentions[i].name].append(mentions[i])
    for i in full:
        toks = _person_tokens(mentions[i].name)
        longer = tails.get((mentions[i].doc, name_key(toks[0]), name_key(toks[-1]))) if len(toks) == 2 else None
        kin = _KIN.search(mentions[i].role or "")
        if longer and len(longer) == 1 and not (kin and not any(
                kin.group(0).lower() in (m.role or "").lower() for m in mentions_of.get(next(iter(longer)), ()))):
            # (not "her late father, Haile Bekele": in Ethiopian and Eritrean names the father's
            # name is the child's second and third word; but two "fathers" are one)
            union(i, first_of[next(iter(longer))])
    # "Enkhjargal Ganbold" and "Ganbold Enkhjargal": one name in the two orders (family name first in
    # Mongolian, Chinese or Hungarian usage, given name first in much English copy).
    by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in names:
        toks = _person_tokens(name)
        if len(toks) == 2:
            by_pair[(toks[0][:3].lower(), toks[1][:3].lower())].append(name)
    for (x, y), group in list(by_pair.items()):
        for a in group:
            ta = _person_tokens(a)
            for b in by_pair.get((y, x), ()):
                tb = _person_tokens(b)
                # (both words of five letters or more: "Ryan Kelly" and "Kelly Ryan" are two men, and short
                # names turn round too easily to tell)
                if a < b and name_key(ta[0]) == name_key(tb[1]) and name_key(ta[1]) == name_key(tb[0]) \
                        and min(len(ta[0]), len(ta[1])) >= 5:
                    union(first_of[a], first_of[b])
    # "Selam Haile" and "Renata da Costa" for "Selam Haile Bekele" and "Renata
    # Cristina da Silva": a name whose words all stand, in order, in one longer name of the corpus
    # that starts with the same given name (two such longer names: it stays apart).
    longer_of: dict[str, list[str]] = defaultdict(list)
    for name in names:
        toks = _person_tokens(name)
        if len(toks) >= 3:
            longer_of[toks[0].lower()].append(name)
    for name in names:
        toks = _person_tokens(name)
        if len(toks) != 2:
            continue
        fits = [b for b in longer_of.get(toks[0].lower(), ()) if toks[1] in _person_tokens(b)[1:]]
        if len({find(first_of[b]) for b in fits}) == 1:
            union(first_of[name], first_of[fits[0]])
    # Surnames alone: the full name in the same document, else the only such person in the corpus.
    in_doc: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in full:
        for surname in _surnames(_person_tokens(mentions[i].name)):
            in_doc[(mentions[i].doc, name_key(surname))].append(i)
    by_given: dict[tuple[str, str], list[int]] = defaultdict(list)  # (doc, first name) -> full-name mentions
    for i in full:
        by_given[(mentions[i].doc, _person_tokens(mentions[i].name)[0].lower())].append(i)
    lone: dict[str, dict[str, int]] = defaultdict(dict)  # key -> name -> a mention of it, for surnames no full name explains
    sizes = Counter(find(j) for j in full)
    bearer: dict[tuple[str, str], int | None] = {}
    for i in short:
        m = mentions[i]
        sname = _person_tokens(m.name)[-1]  # "Van Wyk" is called by "Wyk"
        key = name_key(sname)
        same_doc = [j for j in in_doc.get((m.doc, key), ())
                    if any(_surnames_agree(s, sname) for s in _surnames(_person_tokens(mentions[j].name)))]
        roots = {find(j) for j in same_doc}
        if len(roots) == 1:
            union(i, same_doc[0])
            continue
        if roots:
            # two people of that surname in the document: the one named last before this mention
            before = [j for j in same_doc if mentions[j].start < m.start] or same_doc
            union(i, max(before, key=lambda j: mentions[j].start))
            continue
        if (key, sname) not in bearer:
            # the only bearer of the name in the corpus, or else the most mentioned one; worked out
            # once per spelling (a common surname has thousands of bearers in a big corpus), which
            # holds because a surname alone never joins two full names' people
            corpus = [first_of[n] for n in by_key.get(key, ())
                      if any(_surnames_agree(s, sname) for s in _surnames(_person_tokens(n)))]
            root = max({find(j) for j in corpus}, key=lambda r: sizes[r]) if corpus else None
            bearer[(key, sname)] = next(j for j in corpus if find(j) == root) if corpus else None
        if bearer[(key, sname)] is not None:
            union(i, bearer[(key, sname)])
            continue
        # No surname fits: a first name alone ("Claire", in features and sport) is the one person of
        # the same document with that first name; with two such people it stays apart.
        given = by_given.get((m.doc, m.name.lower()), [])
        if given and not m.name.isupper() and len({find(j) for j in given}) == 1:
            union(i, given[0])
            continue
        # No full name anywhere: spellings of one surname are one person.
        names = lone[key]
        if m.name in names:
            union(i, names[m.name])
            continue
        match = next((j for other, j in names.items() if _surnames_agree(m.name, other)), None)
        if match is not None:
            union(i, match)
        names.setdefault(m.name, i)
    _link_initials(mentions, initials, full, union, find)


def _link_initials(mentions: list[MentionRef], initials: list[int], full: list[int], union, find) -> None:
    """Initials join the one person of the corpus whose full name has them ("Đ.Š." for Đorđije
    Šćepanović, written "Djordjije Scepanovic" elsewhere: letters compared without accents, as
    "Đ" and "Dj" both begin with D); with two such people, or none, the initials stay apart.  (A
    report often decodes its own initials: "They are the club president Đorđije Šćepanović, ...";
    so a person of the same report is not ruled out, though "N.R. (39) was arrested. Nadia Ruiz,
    the mayor, ..." then joins wrongly: the roles would have to tell them apart.)"""
    def letter(ch: str) -> str:
        return (anyascii(ch) or ch)[:1].lower()

    by_letters: dict[str, set[int]] = defaultdict(set)
    for j in full:
        toks = _person_tokens(mentions[j].name)
        for letters in {toks[0][0] + toks[-1][0], "".join(t[0] for t in toks)}:
            key = "".join(letter(c) for c in letters)
            by_letters[key].add(find(j))
    for i in initials:
        key = "".join(letter(c) for c in re.findall(r"[^\W\d_]", mentions[i].name))
        roots = by_letters.get(key, set())
        if len(roots) == 1:
            union(i, next(j for j in full if find(j) in roots))


_ISE = re.compile(r"(?<=[a-z]{3})is(ation|ations|e|ed|ing)\b")


def _org_key(name: str) -> str:
    """One key for spellings of one name: "Organisation"/"Organization", "Ltd"/none, accents,
    "St."/"St" and a possessive ("St Benedict's")."""
    key = _ISE.sub(r"iz\1", _CORP_SUFFIX.sub("", anyascii(name)).lower().replace("’", "'"))
    return re.sub(r"'s\b", "", re.sub(r"(?<=\w)\.(?=\s|$)", "", key))


def _org_tokens(name: str) -> tuple[str, ...]:
    """An organisation's words as ``_org_key`` reads them: "St. Benedict’s Hospital" is (st, benedict, hospital)."""
    return tuple(_org_key(name).split())


def _link_orgs(mentions: list[MentionRef], idx: list[int], union) -> None:
    by_key: dict[str, int] = {}
    for i in idx:
        k = _org_key(mentions[i].name)
        if k in by_key:
            union(i, by_key[k])
        else:
            by_key[k] = i
    # Acronyms: "ISW" joins the organisation whose initials it is.
    full_by_acronym: dict[str, set[str]] = defaultdict(set)
    for k, i in by_key.items():
        toks = _tokens(mentions[i].name)
        if len(toks) >= 2:
            full_by_acronym[acronym(mentions[i].name)].add(k)
            # "COA" for "Commission on Audit": some acronyms keep the short words' letters
            kept = "".join(w[0] for w in toks if w[0].isalpha() and w.lower() not in ("the", "and", "&")).upper()
            if kept != acronym(mentions[i].name):
                full_by_acronym[kept].add(k)
            if toks[0].isupper() and len(toks[0]) <= 3:  # "US Food and Drug Administration" is also "FDA"
                full_by_acronym[acronym(" ".join(toks[1:]))].add(k)
    for k, i in by_key.items():
        name = mentions[i].name.replace(".", "")  # "U.N." is "UN"
        if name.isupper() and 2 <= len(name) <= 6 and len(full_by_acronym.get(name, ())) == 1:
            union(i, by_key[next(iter(full_by_acronym[name]))])
    # A short name: "Ostrava" for "Ostrava Biologics", "Lilly" for "Eli Lilly", when only one
    # organisation of the corpus starts or ends with that word.
    ends: dict[str, set[str]] = defaultdict(set)
    for k, i in by_key.items():
        toks = _tokens(mentions[i].name)
        if len(toks) >= 2:
            ends[toks[0].lower()].add(k)
            ends[toks[-1].lower()].add(k)
    for k, i in by_key.items():
        toks = _tokens(mentions[i].name)
        if len(toks) == 1 and not mentions[i].name.isupper() and len(ends.get(toks[0].lower(), ())) == 1:
            union(i, by_key[next(iter(ends[toks[0].lower()]))])
    # "Orchard Ledger" for "Orchard Ledger Systems": the opening words of only one longer name.
    # (Not the closing words: "Central Bank" is not "European Central Bank".)
    heads: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k, i in by_key.items():
        toks = _org_tokens(mentions[i].name)
        for n in range(2, len(toks)):
            heads[toks[:n]].add(k)
    for k, i in by_key.items():
        toks = _org_tokens(mentions[i].name)
        longer = heads.get(toks, set())
        if len(toks) >= 2 and toks[-1] not in _STOP and len(longer) == 1:
            union(i, by_key[next(iter(longer))])
    # "Serra Verde" for "União da Serra Verde": the closing words of only one longer name, when they
    # are no everyday English words (which "Central Bank" of "European Central Bank" are).
    tails: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k, i in by_key.items():
        toks = tuple(t.lower() for t in _tokens(mentions[i].name))
        for n in range(2, len(toks)):
            tails[toks[-n:]].add(k)
    for k, i in by_key.items():
        toks = tuple(t.lower() for t in _tokens(mentions[i].name))
        longer = tails.get(toks, set())
        if len(toks) >= 2 and len(longer) == 1 and not set(toks) & (_BODY_WORDS | _STOP | _BODY_WORDS_ABROAD) and all(
                zipf_frequency(t, "en") < 3.5 for t in toks):
            union(i, by_key[next(iter(longer))])


def _link_places(mentions: list[MentionRef], idx: list[int], union) -> None:
    by_key: dict[str, int] = {}
    for i in idx:
        k = anyascii(mentions[i].name).lower()
        if k in by_key:
            union(i, by_key[k])
        else:
            by_key[k] = i
    # only names of one skeleton are compared (every pair of the corpus's places grew with its square)
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for k in by_key:
        if " " not in k and len(k) >= 4:
            by_skeleton[name_key(k)].append(k)
    for keys in by_skeleton.values():
        for n, a in enumerate(keys):
            for b in keys[:n]:
                # "Tbilisi"/"Tbilissi": one skeleton, one first letter, nearly one length;
                # "Yarovets"/"Jarovec": one skeleton and a close spelling
                if (a[0] == b[0] and abs(len(a) - len(b)) <= 1) or (min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 60):
                    union(by_key[a], by_key[b])


def _entity(ms: list[MentionRef]) -> Entity:
    ms = sorted(ms, key=lambda m: (m.doc, m.start))
    counts = Counter(m.name for m in ms)
    kind = Counter(m.type for m in ms).most_common(1)[0][0]
    # The name: the most used of the longest forms ("Pavlo Drozdyk" over "Drozdyk").
    longest = max(len(_tokens(n)) for n in counts)
    name = max((n for n in counts if len(_tokens(n)) == longest), key=lambda n: (counts[n], n))
    variants = sorted(counts, key=lambda n: (-counts[n], n))
    roles, seen = [], set()
    for m in ms:
        if m.role and m.role.lower() not in seen:
            seen.add(m.role.lower())
            roles.append({"role": m.role, "doc": m.doc, "start": m.start, "end": m.end})
    eid = "e-" + hashlib.sha1(f"{kind}\0{name}".encode()).hexdigest()[:10]
    return Entity(eid, name, kind, variants, ms, roles)
