"""Named people, organisations and places in one parsed document, with the roles the text gives them.

spaCy's NER finds the names; this module tidies them (no "the", no possessive
"’s", no honorifics), adds the "Mr Drozdyk" mentions the small model misses,
and reads each person's role from the grammar around the name: an apposition
("Pavlo Drozdyk, an economist at the Kalyna Centre") or a title in front of it
("Dravenian maritime analyst Lena Maartens").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from wordfreq import zipf_frequency

from dossier.names import PARTICLES

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "GPE", "FAC": "ORG"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "mx",
              "pak", "bapak", "bu", "ibu",  # Indonesian, as English-language papers there keep them
              "mzee", "doña", "dona", "señora", "señor",  # Swahili and Spanish honorifics kept in English text
              "ato", "woizero", "woizerit",  # Amharic
              "senhor", "senhora", "sr", "sra", "srta", "delegada", "delegado", "mestre",  # Portuguese; a police rank; a samba master
              "herr", "frau", "monsieur", "madame", "mme", "mlle", "signor", "signora", "shri", "smt",
              "haji", "hajji",  # one who made the hajj, as papers in Dhaka or Jakarta write it
              "madam", "mwalimu"}  # forms of address West and East African papers keep
# Head nouns of descriptions that stand for an organisation ("the company said"): general English.
ORG_NOUNS = {
    "company", "firm", "group", "ministry", "department", "agency", "court", "union", "party", "government",
    "council", "commission", "bank", "club", "institute", "organisation", "organization", "authority", "office",
    "committee", "board", "association", "federation", "team", "service", "regulator", "watchdog", "broadcaster",
    "newspaper", "network", "biotech", "startup", "maker", "manufacturer", "operator", "utility", "insurer",
    "lender", "airline", "carrier", "retailer", "university", "hospital", "charity", "foundation", "embassy",
    "management", "administration", "cabinet", "parliament", "panel", "tribunal", "prosecutor", "prosecution",
    "police", "military", "army", "navy", "campaign", "coalition", "alliance", "movement", "brokerage", "fund",
    "developer", "producer", "supplier", "giant", "conglomerate", "outlet", "channel", "website", "publication",
    "consultancy", "think-tank", "tank", "laboratory", "lab", "school", "directorate", "inspectorate", "secretariat",
}
# Nouns that only ever name a body: "X, the state forest administration," is no person (but "X, the
# producer", "the developer", "the prosecutor" may well be).
_INSTITUTIONS = {"administration", "agency", "authority", "ministry", "department", "directorate", "inspectorate",
                 "commission", "council", "committee", "board", "association", "federation", "union", "institute",
                 "foundation", "charity", "university", "hospital", "bank", "company", "firm", "consultancy",
                 "regulator", "watchdog", "broadcaster", "newspaper", "coalition", "alliance", "party", "court",
                 "tribunal", "conglomerate", "brokerage", "airline", "insurer", "utility", "secretariat"}
# A relative of someone: "her late father, X" is known by the relation first (and is not that someone).
KIN_NOUNS = {"father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "widow", "widower",
             "uncle", "aunt", "grandfather", "grandmother", "grandson", "granddaughter", "cousin", "nephew", "niece",
             "parent", "stepfather", "stepmother", "stepson", "stepdaughter"}
# Titles that come before people only: not "Pak Suzuki", "Shri Ram Finance", "Madame Tussauds", "Lady Margaret Hall".
_PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "ato", "woizero", "woizerit", "delegada", "delegado", "mestre", "herr", "frau"}
_AMHARIC_ABBREVIATED = {"ro", "rt", "t"}  # W/ro (Woizero, Mrs), W/rt and W/t (Woizerit, Miss)
JUDICIAL = {"justice", "judge"}  # "Mrs Justice Pell", "Judge Amy Berman Jackson": a judge's title, not the name
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))
_NAME_WORDS = rf"(?:(?:(?:{_PARTICLE})\s+){{0,2}}[A-Z][\w’'\-]+\s?){{1,3}}"
_HONORIFIC_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\.?\s+(?:(?:Justice|Judge)\s+)?"
# "Judge du Toit", "Advocate Mthembu"; not "the Justice Department"
_OFFICE_TITLE = (r"(?<![Tt]he\s)(?:Judge|Justice|Advocate|Adv\.)\s+"
                 r"(?!(?:Department|Ministry|Minister|Secretary|Committee|Commission|Council|Office|League|Party)\b)")
_TITLED = re.compile(rf"\b(?:{_HONORIFIC_TITLE}|{_OFFICE_TITLE})({_NAME_WORDS})")
# A title written before a name, which later stands for the person: "Judge X ... the judge said".
_TITLE_BEFORE = re.compile(r"\b(Judge|Justice|Advocate|Regent|Mayor|President|Minister|Senator|Governor|Coach|Captain|"
                           r"General|Colonel|Professor|Inspector|Detective|Bishop|Sheriff|Commissioner)\s+$")
# Letters after a name: "Zanele Mthembu SC", "Jane Doe MP": rank, not name.
_POSTNOMINAL = re.compile(r"\s+(?:SC|QC|KC|MP|MEP|MSP|MLA|MPP|TD|MCA|OBE|MBE|CBE|KBE|DBE|PhD|Jr\.?|Sr\.?)$")
# Nouns for people by what they do or are: "Its head, Suparman, said", "counsel for the manager, X".
PERSON_NOUNS = {
    "head", "chief", "counsel", "lawyer", "attorney", "advocate", "barrister", "solicitor", "spokesman",
    "spokeswoman", "spokesperson", "director", "minister", "mayor", "leader", "president", "chairman",
    "chairwoman", "chair", "manager", "officer", "official", "secretary", "analyst", "economist", "expert",
    "researcher", "scientist", "professor", "judge", "doctor", "nurse", "driver", "resident", "owner", "founder",
    "executive", "governor", "deputy", "adviser", "advisor", "commissioner", "councillor", "councilor",
    "candidate", "rival", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "friend",
    "colleague", "neighbour", "neighbor", "teacher", "student", "farmer", "worker", "engineer", "activist",
    "campaigner", "volunteer", "survivor", "witness", "victim", "captain", "coach", "player", "priest", "pastor",
    "imam", "bishop", "regent", "envoy", "ambassador", "diplomat", "general", "colonel", "commander", "inspector",
    "detective", "volcanologist", "vulcanologist", "seismologist", "geologist", "physician", "surgeon", "pilot",
    "editor", "reporter", "journalist", "author", "mediator", "negotiator", "auditor", "treasurer", "partner",
    "fisherman", "herder", "shopkeeper", "midwife", "headmaster", "headmistress", "boss", "striker", "goalkeeper",
    "midfielder", "defender", "winger",
}
# Nouns that only ever describe a person, so that a name right after one ("marathon runner Abebe
# Tola", "lawyer Liesl Brandt") is a person whatever the model called it.  Not "owner", "partner",
# "leader" or "rival": a company can be any of them.
HUMAN_NOUNS = PERSON_NOUNS - {"head", "chief", "leader", "owner", "founder", "partner", "rival", "executive",
                              "candidate", "witness", "victim", "general", "resident", "partner"} | {
    "runner", "athlete", "marathoner", "sprinter", "cyclist", "swimmer", "boxer", "footballer", "striker",
    "goalkeeper", "batsman", "bowler", "jockey", "singer", "actor", "actress", "poet", "novelist", "writer",
    "photographer", "chef", "dancer", "musician", "lawmaker", "legislator", "senator", "healer", "herder",
    "fisherman", "midwife", "paramedic", "firefighter", "widow", "grandmother", "grandfather", "critic",
    "columnist", "commentator", "historian", "lecturer", "academic", "scholar", "sociologist", "psychologist",
    "physiologist", "epidemiologist", "virologist", "meteorologist", "climatologist", "pharmacist", "veterinarian",
    "vet", "referee", "umpire", "curator", "architect", "accountant", "playwright", "filmmaker", "composer"}
# A job title in capitals before a first name and surname: "Kelo Metals Chief Executive Antti
# Lehtonen", where the model may take the company's first word for the person and miss the name.
_JOB = (r"Chief\s+(?:Executive|Operating|Financial|Economist)(?:\s+Officer)?|CEO|Chair(?:man|woman)?|"
        r"(?:Managing\s+|Finance\s+|Executive\s+)?Director|Governor|(?:Prime\s+)?Minister|Secretary|Mayor|"
        r"Spokes(?:man|woman|person)|Commissioner|Chancellor|(?:Head\s+)?Coach|Manager|Senator|President")
_JOB_TITLED = re.compile(rf"\b(?:{_JOB})\s+((?:[A-Z][\w’'\-]+)\s+[A-Z][\w’'\-]+)\b")
_TITLE_WORDS = {"chief", "executive", "officer", "director", "general", "minister", "secretary", "president",
                "governor", "chair", "chairman", "chairwoman", "vice", "deputy", "acting", "interim", "senior"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Bodies named "<Kind> of/for X and Y": "Ministry of Science and ICT", "Center for Volcanology and
# Geological Hazard Mitigation", "Department of Health and Social Care".
_BODY_OF = re.compile(r"^(?:[A-Z][\w’'-]*\s+)*(?:Ministry|Department|Cent(?:er|re)|Institute|Agency|Office|Commission|"
                      r"Council|Committee|Federation|Association|Board|Bureau|Authority|Union|School|Faculty|College|"
                      r"Academy|Society|Foundation|Secretariat|Directorate)\s+(?:of|for)\s+[A-Z][^&]*$")
# "the Region of Upper Kessa", "the Province of Quebec": the model finds the place; the body is
# the government that speaks for it.
_AUTHORITY_OF = re.compile(r"\b((?:Regional\s+)?(?:Region|Province|Prefecture|Municipality|County|District|Canton|"
                           r"Governorate|Department|Oblast|Voivodeship)\s+of\s+)$")
_AUTHORITY = re.compile(r"\b((?:Regional\s+)?(?:Region|Province|Prefecture|Municipality|County|District|Canton|"
                        r"Governorate|Oblast|Voivodeship)\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
_AND_MORE = re.compile(r"\s+(?:and|&)\s+((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,4})")
_AGE_AFTER = re.compile(r",\s(?:1[6-9]|[2-9]\d|10\d),")
# "Đ.Š. (54)", "N.R., 39,": initials with an age, as police releases name suspects in much of Europe
INITIALS = re.compile(r"^(?:[^\W\d_]\.\s?){2,3}$|^(?:[^\W\d_]\.){1,2}[^\W\d_]\.?$")
_PLACE_INITIALS = {"us", "usa", "uk", "eu", "un", "uae", "dc", "ny", "la", "nz", "ussr", "prc", "drc", "rsa"}  # "the U.S. (47)"
_AGE_AFTER_INITIALS = re.compile(r"\.?(?:,\s|\s\()(?:1[6-9]|[2-9]\d|10\d)[,)]")
_PLACE_SUFFIX = re.compile(r"-(?:based|born|headquartered|registered|listed)\b")
_DATELINE = re.compile(r"(?:,\s*[A-Z][\w. ]{0,30})?\s*(?:\(|[-–—]\s)")


@dataclass(frozen=True)
class Mention:
    """One mention of a named thing: offsets into the document text and its tidy name."""

    start: int
    end: int
    name: str
    type: str  # PERSON, ORG, GPE or NORP
    role: str | None = None
    token: int = -1  # index of the name's head token in the parse (for the grammar-based stages)


def find_mentions(doc) -> list[Mention]:
    """Mentions of ``doc`` in text order; overlapping finds keep the longer one."""
    found: list[Mention] = []
    text = doc.text  # spaCy rebuilds ``doc.text`` from the tokens on every access
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if not label and _AGE_AFTER.match(text, ent.end_char):
            label = "PERSON"  # the model's "work of art" or "event", followed by an age
        if not label and _titled_words(ent.text) and (
                before := _HUMAN_NOUN_BEFORE.search(text, max(0, ent.start_char - 20), ent.start_char)) \
                and before.group(1) in HUMAN_NOUNS:
            label = "PERSON"  # "the critic Ines Moura", which the model took for a product
        if not label:
            continue
        span = _tidy(ent)
        if span is None:
            continue
        start, end = span.start_char, span.end_char
        if label != "PERSON" and any(t.lower_.rstrip(".") in _PERSONAL_TITLES or t.text == "/"
                                     for t in ent.doc[ent.start:span.start]) and _titled_words(span.text) \
                and not {w.lower() for w in span.text.split()} & ORG_NOUNS:
            label = "PERSON"  # "W/rt Selam ...", "Ato Haile", which the model took for a body: a title says person
        name = _POSTNOMINAL.sub("", _POSSESSIVE.sub("", span.text).strip())
        # "Ilinca Dobrescu of [Asociaţia ...]", "Rui Costa of Vila Nova": a person's name stops at "of"
        name = re.sub(r"\s+(?:of|from|at)$", "", name)
        if label == "PERSON" and " of " in name and _titled_words(re.sub(r'\s*"[^"]+"', "", name.split(" of ")[0])):
            name = name.split(" of ")[0]
        # "Court of Arbitration for Sport (CAS": the model takes in the bracketed acronym, or half of it
        name = re.sub(r"\s*\([^()]*\)?$", "", name) or name
        end = start + len(name)
        if not _plausible(name, label):
            continue
        authority = _AUTHORITY_OF.search(text, max(0, start - 40), start) if label in ("GPE", "ORG") else None
        if authority is not None:
            start, label = authority.start(1), "ORG"
            name = text[start:end]
        if label == "ORG" and re.search(r"\s(?:and|&)$", name):
            name = re.sub(r"\s+(?:and|&)$", "", name)  # "Ministry of Fisheries and" + "Oceans": cut at "and"
            end = start + len(name)
        if label == "ORG" and _BODY_OF.match(name):
            more = _AND_MORE.match(text, end)
            tail = doc.char_span(more.start(1), more.end(1), alignment_mode="expand") if more else None
            if tail is not None and not any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in tail):
                # "Ministry of Science [and ICT]": the model often stops a body's name at "and"
                end = more.end(1)
                name = text[start:end]
        bracket = re.match(r"\s*\(([A-Z]{2,6})\)", text[end:end + 12])
        if label == "PERSON" and bracket and bracket.group(1) == "".join(
                w[0] for w in name.split() if w[0].isupper()) and {w.lower() for w in name.split()} & (
                ORG_NOUNS | _TRADES):
            # (not "Ruth Bader Ginsburg (RBG)", "Kevin De Bruyne (KDB)")
            label = "ORG"  # "Tengiz Shelf Petroleum (TSP)": a name with its initials in brackets is a body's
        if label == "PERSON" and len(name.split()) > 1 and name.split()[-1].lower().rstrip(".") in _CORPORATE:
            label = "ORG"  # "Its owner, Harbour Holdings, said": a company's last word is nobody's surname
        if label != "PERSON" and (_AGE_AFTER.match(text, end) or (
                INITIALS.match(name) and _AGE_AFTER_INITIALS.match(text, end)
                and re.sub(r"\W", "", name).lower() not in _PLACE_INITIALS)):
            label = "PERSON"  # "Dlamini-Khumalo, 44, was sworn in": an age says person, whatever the model said
        opens_paragraph = start == 0 or text[:start].rstrip(" \t").endswith("\n")
        if _PLACE_SUFFIX.match(text, end) or (name.isupper() and opens_paragraph
                                                   and _DATELINE.match(text, end)):
            # "the Velmora-based company", "TALLINN (Reuters) —": a place, whatever the model called it
            label = "GPE"
        role = person_role(span) if label == "PERSON" else None
        found.append(Mention(start, end, name, label, role, span.root.i))
    for m in _AUTHORITY.finditer(text):  # the model often misses a body named this way altogether
        if not any(f.start < m.end(1) and m.start(1) < f.end for f in found):
            tok = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            found.append(Mention(m.start(1), m.end(1), m.group(1), "ORG", None, tok.root.i if tok is not None else -1))
    for m in _TITLED.finditer(text):
        name = _POSTNOMINAL.sub("", _POSSESSIVE.sub("", m.group(1).strip()))
        start = m.start(1)
        if any(f.start <= start < f.end for f in found):
            # spaCy found the name but may have called it ORG or GPE: a title says person
            # ("Judge du Toit" as one ORG: the name starts after the title), and the name runs
            # on as far as the title's name does ("Mr Tomás de la Vega", split by the model)
            end = start + len(name)
            found = [Mention(max(f.start, start), max(f.end, end), text[max(f.start, start):max(f.end, end)], "PERSON",
                             f.role, f.token) if f.start <= start < f.end else f
                     for f in found if not (start < f.start and f.end <= end)]
            continue
        tok = doc.char_span(start, start + len(name), alignment_mode="expand")
        found.append(Mention(start, start + len(name), name, "PERSON", None, tok.root.i if tok is not None else -1))
    for m in _JOB_TITLED.finditer(text):
        name = _POSSESSIVE.sub("", m.group(1))
        start = m.start(1)
        if {w.lower() for w in name.split()} & _TITLE_WORDS or any(f.start <= start < f.end and f.type == "PERSON"
                                                                   for f in found):
            continue
        tok = doc.char_span(start, start + len(name), alignment_mode="expand")
        if tok is None or any(t.pos_ != "PROPN" for t in tok):
            continue  # "Minister Said Last Week": only proper nouns make a name
        found = [f for f in found if not (f.start < start + len(name) and start < f.end)]  # the model's misread
        found.append(Mention(start, start + len(name), name, "PERSON", None, tok.root.i))
        # the capitalised words just before the title name the employer: "Kelo Metals"
        run = re.search(r"((?:[A-Z][\w’'&\-]*\s+)+)$", text[:m.start()])
        if run and len(run.group(1).split()) >= 2:
            a, b = run.start(1), run.start(1) + len(run.group(1).rstrip())
            if text[a:b].split()[0].lower() not in ("the", "a", "an") and all(
                    f.type == "PERSON" for f in found if a <= f.start < b):
                found = [f for f in found if not (a <= f.start < b)]
                org = doc.char_span(a, b, alignment_mode="expand")
                found.append(Mention(a, b, text[a:b], "ORG", None, org.root.i if org is not None else -1))
    found = _aged(doc, found)
    found = [m for m in found if not _modifier_after_the(doc, m)]
    found = _person_of_a_body(text, found)
    found = _named_by_kind(doc, found)
    found = _named_by_role(doc, found)
    found = _after_a_human_noun(doc, found)
    found += _missed_after_a_human_noun(doc, found)
    found = _full_names_of_people(found)
    surnames = {surname(m.name) for m in found if m.type == "PERSON" and len(m.name.split()) >= 2
                and m.name.split()[0].lower() not in PARTICLES}  # "Van der Walt" is a surname already
    found = _surnames_are_people(found, surnames)
    found.extend(_surnames_again(doc, found, surnames))
    found = [_abbreviated_title(text, m) if m.type == "PERSON" else m for m in found]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        if m.type == "PERSON" and m.role is None and (title := _TITLE_BEFORE.search(text, max(0, m.start - 20), m.start)):
            m = replace(m, role=title.group(1))  # "Judge X" (the title left out of the name): later "the judge"
        out.append(m)
    return out


# A title written as capitals before a name: "Trade CS Anna Wambui Kariuki" (Cabinet
# Secretary), "Health PS ...", the given names it leaves out of the model's name among them.
_ABBR_BEFORE = re.compile(r"((?:[A-Z][a-z][\w’'-]*\s+){0,3}[A-Z]{2,4})\s+((?:[A-Z][a-z][\w’'-]*\s+){0,2})$")


def _abbreviated_title(text: str, m: Mention) -> Mention:
    """The name after a capitals title, the title as the role: the model takes both as one name,
    or the title and a given name as words before it."""
    words = m.name.split()
    k = max((i for i, w in enumerate(words[:-1]) if re.fullmatch(r"[A-Z]{2,4}", w)), default=None)
    if k is not None and len(words) - k - 1 >= 2 and words[k + 1].lower() not in _TITLE_WORDS:
        # two words at least after the capitals ("AJ Tracey" is a name), and no office ("US President X")
        cut = len(" ".join(words[:k + 1])) + 1
        return replace(m, start=m.start + cut, name=m.name[cut:], role=" ".join(words[:k + 1]))
    before = _ABBR_BEFORE.search(text, max(0, m.start - 80), m.start)
    given = before.group(2).strip() if before is not None else ""
    if before is not None and given and not {w.lower() for w in given.split()} & _TITLE_WORDS and (
            m.role is None or m.role.endswith(given)):
        start = m.start - len(before.group(2))
        return replace(m, start=start, name=text[start:m.end], role=before.group(1))
    return m


def _named_by_role(doc, found: list[Mention]) -> list[Mention]:
    """A name in apposition to a noun for a person ("Its head, Suparman,", "Counsel for the manager,
    Advocate Pieter le Roux,") is a person, whatever type the model gave it or if it gave none."""
    out = list(found)
    for tok in doc:
        head = tok.head
        named_after = (tok.dep_ == "appos" and tok.pos_ == "PROPN" and head.i < tok.i and head.pos_ in ("NOUN", "PROPN")
                       and head.tag_ in ("NN", "NNP") and head.lower_ in PERSON_NOUNS)
        # "Budi Wijaya Nasution, a spokesman for the agency,": the role in apposition after the name
        described = tok.pos_ == "PROPN" and tok.dep_ != "compound" and any(
            c.dep_ == "appos" and c.i > tok.i and c.pos_ == "NOUN" and c.tag_ == "NN" and c.lower_ in PERSON_NOUNS
            for c in tok.children)
        if not (named_after or described) or not tok.text[:1].isupper():
            continue  # (not "ro" of "W/ro", which the tokenizer splits off)
        words = [t for t in tok.subtree if t.i == tok.i or (t.i < tok.i and t.dep_ in ("compound", "flat")
                 and (t.pos_ == "PROPN" or t.lower_ in PARTICLES))]
        while words and (words[0].lower_.rstrip(".") in HONORIFICS | JUDICIAL | {"advocate", "adv"}
                         or words[0].lower_ in PARTICLES):
            words = words[1:]
        if not words or words[-1].i != tok.i or any(w.i != v.i + 1 for v, w in zip(words, words[1:])):
            continue
        a, b = words[0].idx, tok.idx + len(tok)
        name = doc.text[a:b]
        if len(words) > 1 and tok.lower_.rstrip(".") in _CORPORATE:
            continue  # "Its owner, Harbour Holdings,": an owner may be a company
        out = [m for m in out if not (m.start < b and a < m.end and m.type != "PERSON")]
        if not any(m.start < b and a < m.end for m in out):
            # the description that made it a person is its role: "X, the agriculture minister," -> later "the minister"
            out.append(Mention(a, b, name, "PERSON", person_role(doc[words[0].i:tok.i + 1]), tok.i))
    return out


def _named_by_kind(doc, found: list[Mention]) -> list[Mention]:
    """"the Geneva consultancy Ledgerline Partners": capitalised words in apposition to a noun for
    a kind of organisation name one, which the model may miss; "Silvanor, the state forest
    administration": a name with such a noun in apposition is a body."""
    out = list(found)
    for tok in doc:
        head = tok.head
        kind_after = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.pos_ == "NOUN"
                           and c.lower_ in _INSTITUTIONS), None)
        if kind_after is not None and tok.pos_ == "PROPN":
            # "Silvanor, the state forest administration,": a body, though the model said person
            out = [replace(m, type="ORG") if m.start <= tok.idx < m.end and m.type == "PERSON"
                   and len(m.name.split()) == 1 else m for m in out]
            continue
        if not (tok.dep_ == "appos" and tok.pos_ == "PROPN" and head.i < tok.i and head.pos_ == "NOUN"
                and head.lower_ in ORG_NOUNS and tok.is_title):
            continue
        words = [t for t in tok.subtree if t.i == tok.i or (t.i < tok.i and t.dep_ == "compound" and t.pos_ == "PROPN")]
        if words[-1].i != tok.i or any(w.i != v.i + 1 for v, w in zip(words, words[1:])) or words[0].i != head.i + 1:
            continue
        a, b = words[0].idx, tok.idx + len(tok)
        if any(m.start < b and a < m.end and (m.type == "PERSON" or (m.start, m.end, m.type) == (a, b, "ORG"))
               for m in out):
            continue  # found already, or people ("the team, Jane Roe and Ana Holm")
        out = [m for m in out if not (m.start < b and a < m.end)]
        out.append(Mention(a, b, doc.text[a:b], "ORG", None, tok.i))  # (its "the Geneva": _modifier_after_the)
    return out


_HUMAN_NOUN_BEFORE = re.compile(r"(?<![\w’'-])([a-z]+)\s+$")
_APPOSED_TO = re.compile(r"\b(?:[Ii]ts|[Tt]heir|[Tt]he(?:\s+\w+['’]s)?|[A-Z][\w’'-]*['’]s)\s+(?:\w+\s+)?([a-z]+),\s+$")


def _modifier_after_the(doc, m: Mention) -> bool:
    """"the Cluj paper", "the Geneva consultancy": one word the model called a person, between
    "the" and the common noun it modifies, names a place or a brand, not someone who speaks."""
    if m.type != "PERSON" or len(m.name.split()) != 1 or not 0 <= m.token < len(doc):
        return False
    tok = doc[m.token]
    return (tok.dep_ in ("compound", "amod", "nmod") and tok.head.i == tok.i + 1 and tok.head.pos_ == "NOUN"
            and tok.head.lower_ in _PLACED and tok.i > 0 and doc[tok.i - 1].lower_ == "the")


# Words of a business's name: "Tengiz Shelf Petroleum (TSP)" is a body, "Kevin De Bruyne (KDB)" a player.
# Last words of company names that are no one's surname (unlike "Power", "Steel" or "Gas")
_CORPORATE = {"holdings", "industries", "technologies", "solutions", "investments", "ventures", "logistics",
              "pharmaceuticals", "analytics", "consulting", "networks", "systems", "partners", "labs", "motors",
              "foods", "airlines", "ltd", "inc", "plc", "llc", "gmbh", "corp", "corporation", "limited", "group"}
_TRADES = {"energy", "petroleum", "oil", "gas", "power", "holdings", "capital", "partners", "systems", "technologies",
           "shelf", "mining", "resources", "motors", "foods", "pharmaceuticals", "logistics", "shipping", "airlines",
           "telecom", "media", "insurance", "trading", "industries", "solutions", "services", "finance", "investments",
           "ventures", "labs", "networks", "electric", "steel", "cement", "chemicals", "analytics", "consulting"}
# What a place names in "the Cluj paper" (not "the Trump administration", "the Mueller report")
_PLACED = {"paper", "daily", "weekly", "newspaper", "consultancy", "firm", "company", "bank", "court", "tribunal",
           "club", "branch", "plant", "factory", "port", "airport", "university", "hospital", "prison", "station"}


def _person_of_a_body(text: str, found: list[Mention]) -> list[Mention]:
    """"Ilinca Dobrescu of Asociaţia Codrul Verde", which the model may read as one body or two: a
    name of a person's shape followed by "of" and a body is someone from that body."""
    bodies = {m.start for m in found if m.type == "ORG"}
    # (names of everyday words are a brand's: "Real Madrid of La Liga", "Credit Suisse of UBS")
    return [replace(m, type="PERSON") if m.type == "ORG" and _titled_words(m.name)
            and not {w.lower() for w in m.name.split()} & ORG_NOUNS and text.startswith(" of ", m.end)
            and m.end + 4 in bodies and all(zipf_frequency(w.lower(), "en") < 4 for w in m.name.split())
            else m for m in found]


def _titled_words(name: str) -> bool:
    """Two or three words, each a capital and lower case: the shape of a person's name."""
    words = name.split()
    # (a double-barrelled part counts: "Owusu-Afriyie")
    return 2 <= len(words) <= 3 and all(p[:1].isupper() and p[1:].islower() for w in words for p in w.split("-"))


def _after_a_human_noun(doc, found: list[Mention]) -> list[Mention]:
    """"Ethiopian marathon runner Selam Haile", which the model may call an organisation:
    a name of two or three capitalised words right after a noun for a person is that person.
    Not a place ("activist Hong Kong ..."), and not a name that itself modifies a noun ("the
    banker Goldman Sachs analyst"): the person is the noun after it."""
    text = doc.text
    out = []
    for m in found:
        before = _HUMAN_NOUN_BEFORE.search(text, max(0, m.start - 20), m.start)
        after = doc.char_span(m.end, m.end + 1, alignment_mode="expand") if m.end < len(text) else None
        modifies = after is not None and len(after) and after[0].pos_ in ("NOUN", "PROPN") and text[m.end:m.end + 1] == " "
        body = {w.lower() for w in m.name.split()} & (ORG_NOUNS | _TRADES)
        if (m.type == "ORG" and before is not None and before.group(1) in HUMAN_NOUNS and _titled_words(m.name)
                and not modifies and not body):
            m = replace(m, type="PERSON")
        apposed = _APPOSED_TO.search(text, max(0, m.start - 30), m.start)
        if (m.type == "ORG" and apposed is not None and apposed.group(1) in PERSON_NOUNS and _titled_words(m.name)
                and text[m.end:m.end + 1] in (",", ".", ";") and not {w.lower() for w in m.name.split()} & (ORG_NOUNS | _TRADES)):
            m = replace(m, type="PERSON")  # "Its owner, Kwabena Owusu-Afriyie, denied ...": an apposition
        out.append(m)
    return out


_NAME_AFTER_NOUN = re.compile(r"(?<![\w’'-])(?P<noun>[a-z]+)\s+(?P<name>[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][a-z][\w’'\-]*){1,2})"
                              r"(?![\w’'\-]|\s+[A-Z])")


def _missed_after_a_human_noun(doc, found: list[Mention]) -> list[Mention]:
    """"Dunmore coach Ana Ruiz", where the model found no one at all: two or three proper nouns
    right after a noun for a person, and modifying no noun after them, are that person."""
    text = doc.text
    out = []
    for m in _NAME_AFTER_NOUN.finditer(text):
        a, b = m.span("name")
        if m["noun"] not in HUMAN_NOUNS or any(f.start < b and a < f.end for f in found) or \
                {w.lower() for w in m["name"].split()} & (ORG_NOUNS | _TRADES):
            continue  # ("the midwife Tamale Teaching Hospital suspended": a body)
        span = doc.char_span(a, b)
        if span is None or any(t.pos_ != "PROPN" for t in span):
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN"):
            continue  # "the striker Kestrel Town signed": a name modifying a noun is no person
        out.append(Mention(a, b, m["name"], "PERSON", person_role(span), span.root.i))
    return out


_NAME_BEFORE_AGE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s(?:1[6-9]|[2-9]\d|10\d),")


def _aged(doc, found: list[Mention]) -> list[Mention]:
    """A name the model did not see, followed by an age: "Dlamini-Khoza, 44, was sworn in"."""
    out = list(found)
    for m in _NAME_BEFORE_AGE.finditer(doc.text):
        a, b = m.span(1)
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or any(t.pos_ != "PROPN" and t.text != "-" for t in span) or any(f.start < b and a < f.end for f in out):
            continue
        out.append(Mention(a, b, m.group(1), "PERSON", None, span.root.i))
    return out


def _full_names_of_people(found: list[Mention]) -> list[Mention]:
    """"Lindiwe Dlamini-Khumalo", taken for a building, when the text calls her "Dlamini-Khumalo" as a
    person elsewhere: a given name and that surname are the person."""
    alone = {m.name for m in found if m.type == "PERSON" and len(m.name.split()) == 1}
    return [replace(m, type="PERSON") if m.type != "PERSON" and 2 <= len(m.name.split()) <= 3
            and m.name.split()[-1] in alone and all(w[:1].isupper() for w in m.name.split()) else m for m in found]


def surname(name: str) -> str:
    """The last word of a name with the particles before it: "Hendrik van der Walt" -> "van der Walt"."""
    words = name.split()
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(words[i:])


def _surnames_are_people(found: list[Mention], surnames: set[str]) -> list[Mention]:
    """"For Anand, ..." tagged a place while the document names Ruth Anand: the surname is hers."""
    return [Mention(m.start, m.end, m.name, "PERSON", m.role, m.token)
            if m.type != "PERSON" and m.name in surnames and not m.name.isupper() else m for m in found]


def _surnames_again(doc, found: list[Mention], surnames: set[str]) -> list[Mention]:
    """A person named in full is later called by the surname alone, which the small model
    often misses at the start of a sentence ("Whitworth, who has owned the club since 2011, ...").

    Only surnames that are not also common English words ("Young", "Black" stay unmarked).
    """
    surnames = {w for w in surnames if len(w) >= 3 and w.split()[-1][0].isupper() and not w.isupper()
                and zipf_frequency(w.split()[-1].lower(), "en") < 4.0}
    if not surnames:
        return []
    covered = sorted((m.start, m.end) for m in found)
    out = []
    # "van der Walt" opens a sentence as "Van der Walt"
    forms = surnames | {w[0].upper() + w[1:] for w in surnames}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
                         + r")\b(?![\w-])")
    for m in pattern.finditer(doc.text):
        if any(a <= m.start() < b for a, b in covered):
            continue
        tok = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if tok is None or tok.root.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        out.append(Mention(m.start(), m.end(), m.group(1), "PERSON", None, tok.root.i))
    return out


def _tidy(ent):
    """The entity span without a leading article or honorific; an organisation's name the
    model cut short at the front ("[Attorney] General’s Office") gets its first words back."""
    span = ent
    if ent.label_ == "ORG":
        start = ent.start
        while (start > ent.sent.start + 1 and ent.doc[start - 1].pos_ == "PROPN" and ent.doc[start - 1].is_title
               and not ent.doc[start - 1].ent_type_):
            start -= 1
        span = ent.doc[start:ent.end]
    titles = HONORIFICS | JUDICIAL if ent.label_ == "PERSON" else HONORIFICS
    while len(span) > 1 and (span[0].lower_ in ("the", "a", "an") or (span[0].lower_.rstrip(".") in titles
                                                                      and not (span[0].is_upper and len(span[0]) > 1))):
        span = span[1:]
    if ent.label_ == "PERSON" and len(span) > 1 and span[0].lower_ in HUMAN_NOUNS - KIN_NOUNS and span[0].is_title \
            and span[1].is_title:  # (not "Son Heung-min": a kin word is a name too)
        span = span[1:]  # "Lawyer Boakye", "Coach Ruiz": a job written as a title is no first name
    if len(span) > 3 and span[0].text == "W" and span[1].text == "/" and span[2].lower_ in _AMHARIC_ABBREVIATED:
        span = span[3:]  # "W/ro", "W/rt": the Amharic honorifics abbreviated, which the tokenizer splits
    elif len(span) > 1 and span[0].lower_ in _AMHARIC_ABBREVIATED and span.start >= 2 \
            and span.doc[span.start - 1].text == "/" and span.doc[span.start - 2].text == "W":
        span = span[1:]  # the model's name began inside the honorific
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span if len(span) else None


def _plausible(name: str, label: str) -> bool:
    if len(name) < 2 or not any(c.isupper() for c in name[:1]):
        return False
    if label == "PERSON" and not re.search(r"[A-Za-z]{2}", name):
        return False
    return not re.fullmatch(r"[\W\d_]+", name)


# Dependency labels that attach a description to a name.
_ROLE_DEPS = ("appos",)
_TITLE_DEPS = ("compound", "amod", "nmod")


def person_role(span) -> str | None:
    """The role the sentence gives a person, or None.

    "X, a retired lieutenant-general and former deputy chief of Y" (apposition
    after the name), "the captain, X" (the name in apposition to a noun), or
    "Dravenian Prime Minister X" (title words in front of the name).
    """
    root = span.root
    kin = _kin_role(span)
    for child in root.children:
        if child.dep_ in _ROLE_DEPS and child.i >= span.end:
            role = _phrase(child)
            if role:
                # "The victim's brother, X, a police officer": both ("victim's brother, police officer")
                return f"{kin}, {role}" if kin else role
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ == "NOUN":
        role = _role_before(span)
        if role:
            return role
    title = [t for t in root.lefts if t.dep_ in _TITLE_DEPS and t.i < span.start]
    if title:
        first = min(t.left_edge.i for t in title)
        words = [t for t in span.doc[first:span.start] if not t.ent_type_ or t.ent_type_ in ("NORP", "GPE", "ORG")]
        words = [t for t in words if t.lower_.rstrip(".") not in HONORIFICS or (t.is_upper and len(t) > 1)]
        if words and words[-1].i == span.start - 1 and any(t.pos_ in ("NOUN", "PROPN") and not t.ent_type_ for t in words):
            text = span.doc[words[0].i:span.start].text.strip(" ,")
            if text and not re.search(r"[’']s$", text):
                return text
    return None


def _kin_role(span) -> str | None:
    """"Her late father, X": the relation, which says X is another person than the one related to."""
    root = span.root
    if not (root.dep_ == "appos" and root.head.i < span.start and root.head.lemma_.lower() in KIN_NOUNS):
        return None
    return _role_before(span)


def _role_before(span) -> str | None:
    """The noun phrase a name stands in apposition to ("the captain, X"), without the honorific
    between them ("Her mother, W/ro Zenebech Ayana": "mother")."""
    head = span.root.head
    stop = span.start
    while stop > head.i + 1 and (span.doc[stop - 1].is_punct or span.doc[stop - 1].text in ("/", "W")
                                 or span.doc[stop - 1].lower_.rstrip(".") in HONORIFICS | _AMHARIC_ABBREVIATED):
        stop -= 1
    return _phrase(head, stop=stop)


def _phrase(head, stop: int | None = None) -> str | None:
    """The words of ``head``'s subtree, without a leading article, up to a comma-closed end."""
    toks = [t for t in head.subtree if stop is None or t.i < stop]
    while toks and toks[0].lower_ in ("a", "an", "the", ",", "its", "his", "her", "their", "our"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("and", "or")):
        toks = toks[:-1]
    if not toks or not any(t.pos_ == "NOUN" or (t.pos_ == "PROPN" and not t.ent_type_ == "PERSON") for t in toks):
        return None
    doc = head.doc
    return doc[toks[0].i:toks[-1].i + 1].text
