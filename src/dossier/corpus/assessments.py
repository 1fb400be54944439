"""Who expects what on the story's question, and the question itself when the user gives none.

The documents' judgements (``extract.stance``) are kept when they bear on the
question: they name its subject (or its adjective: "Dravenian" for
"Dravenia") and another of its words, in the sentence or just before it.  The
story's own common words ("deal" for "takeover") count as one of the question's
words, and a judgement that names nothing but "it" takes its subject from the
sentences before.
Without ``--question`` the question is derived: a question-shaped headline
shared by the most independent sources, else a "whether X will Y" clause,
else the most widely shared forecast ("X may Y" becomes "Will X Y?").
"""

from __future__ import annotations

import re
from dataclasses import asdict
from functools import lru_cache
from collections import Counter, defaultdict
from typing import Any

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS

from dossier.corpus.affiliation import sides as person_sides
from dossier.corpus.deadline import against, question_deadline
from dossier.corpus.threshold import (FORECAST, Threshold, counted, expected_figures, forecast, foreign_figures,
                                     question_threshold, stance_of)
from dossier.extract.dates import CALENDAR_WORDS
from dossier.extract.odds import STATED
from dossier.extract.cues import CONTEST
from dossier.extract.stance import PROCEDURES, SCHEDULED_ACTS
from dossier.model import Document

_STOP = set("""will would the a an of in on at to for and or is are be been was were do does did its it his her their
their into with by from as that this what who whom which whether when how why there than then can could may might
shall should first time next last new end get make take""".split())


@lru_cache(maxsize=64)
def question_words(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """(subject words, other content words) of a question: its proper nouns and the rest."""
    toks = re.findall(r"[^\W\d_][\w’'\-]+", question)
    # (a month or a weekday is capitalised but names no subject: "by June", "on Sunday 8 August")
    subject = frozenset(_fold(t) for i, t in enumerate(toks) if i > 0 and t[0].isupper() and t.lower() not in CALENDAR_WORDS)
    other = frozenset(_fold(t) for t in toks if t.lower() not in _STOP and len(t) > 2) - subject
    return subject, other


@lru_cache(maxsize=20_000)
def _fold(word: str) -> str:
    """Lower case without accents: "Muñoz" and "Munoz" are one word."""
    return anyascii(word).lower() if not word.isascii() else word.lower()


def _match(word: str, words: set[str]) -> bool:
    """"dravenian" matches "dravenia"; "armies" matches "army": a shared stem of five letters or more."""
    word = _fold(word)
    return any(_same_stem(word, w) for w in words)


@lru_cache(maxsize=50_000)
def _same_stem(word: str, w: str) -> bool:
    if word == w:
        return True
    n = min(len(word), len(w))
    return n >= 4 and word[:max(4, n - 2)] == w[:max(4, n - 2)] and (word.startswith(w) or w.startswith(word)
                                                                     or word[:5] == w[:5])


def topic_words(docs: list[Document], question: str, limit: int = 6) -> set[str]:
    """The story's own common words for what it is about ("deal" for a takeover, "ballot").

    The question is one phrasing; the texts use others.  The words kept are the lower-case
    words that most independent sources use most often (at least two sources and two
    thirds of them): names are the question's subject already, and a word only one source
    uses is that source's topic, not the story's.  The question's own words are left out.
    """
    subject, other = question_words(question)
    group = {d.id: d.provenance.group or d.id for d in docs}
    sources: dict[str, set[str]] = defaultdict(set)
    counts: Counter = Counter()
    for d in docs:
        for w in re.findall(r"(?<![A-Za-z’'\-])[a-z][a-z\-]{2,}", d.text or ""):
            if w not in STOP_WORDS and w not in _GENERIC:
                sources[w].add(group[d.id])
                counts[w] += 1
    n = len(set(group.values()))
    need = max(2, -(-2 * n // 3))
    known = subject | other
    kept = [w for w, c in counts.most_common() if len(sources[w]) >= need and not _match(w, known)]
    return set(kept[:limit])


# Words of any news sentence, never a topic: "said", "told", days and months.
_GENERIC = set("""said says told according year years week weeks month months today yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november
december percent cent per people time company companies official officials group groups one two three four five
six seven eight nine ten first second last also""".split())


def relevant(words: list[str], question: str, weak: bool = False, strong: bool = False,
             anaphoric: bool = False, topic: set[str] = frozenset()) -> bool:
    """Does a judgement bear on the question?  ``words`` are the sentence's and the ones before it.

    ``strong`` judgements put a number or a contest's verdict on someone ("a 23 per cent chance",
    "remain favourites"): naming the question's subject is enough for those.  ``anaphoric`` ones
    name nothing themselves ("I think it'll go through"): one word of the question in the
    sentences before says what "it" is.  ``topic`` words (``topic_words``) count as one more
    of the question's words.
    """
    subject, other = question_words(question)
    folded = {_fold(w) for w in words}
    hits_subject = any(_same_stem(w, q) for w in folded for q in subject) if subject else True
    hits_other = sum(1 for q in other if any(_same_stem(w, q) for w in folded))
    hits_other += any(w in topic for w in words)
    if anaphoric and ((hits_subject and bool(subject)) or hits_other):
        return True
    # (a weak one needs two of the question's other words, or all it has: "Will X win the Cup?" has one)
    need = 0 if strong else max(1, min(2, len(other))) if weak else 1
    # The question's names are often left out ("the chance of a declaration this week"): its
    # other words can carry it, one more of them than with a name.
    return (hits_subject and bool(subject) and hits_other >= need) or hits_other >= need + 1


# How-prefixes of judgements explicit enough to need only the question's subject nearby: a
# stated probability (extract.odds) and a contest's verdict (stance.CONTEST: "“favourites”").
STRONG = (STATED, "“have the votes”") + tuple(f"“{word}" for word in CONTEST)

# Verbs of things staying as they are: a forecast that rates will be kept on hold is a doubt
# that they will be cut, when the question asks about a change.
STATUS_QUO = {"keep", "hold", "stay", "remain", "pause", "maintain", "leave", "wait", "continue", "retain"}


_OPPONENT = re.compile(r"\b(?:against|over|versus|vs\.?|beat|defeat|overcome)\s+(?:the\s+)?"
                       r"(?P<side>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)")


# "Will Dunmere win the cup?": who the question asks will win.  "keep", "take", "retain", "claim"
# make a contest only with a prize ("Will Norland keep its troops at home?" is none).
_WINNER = re.compile(r"^\s*Will\s+(?:the\s+)?(?P<side>[^?]+?)\s+(?P<verb>win|retain|keep|take|claim|lift|clinch|capture)\b")
_PRIZES = r"champions?|championship|title|trophy|crown|cup|league|election|race|match|final|medal|prize|award|seat|series"
_PRIZE = re.compile(rf"\b(?:{_PRIZES})\b", re.I)
# words many sides' names share: "Harbour Party" and "Kestrel Party" are two sides
_SIDE_WORDS = {"the", "party", "city", "united", "club", "fc", "team", "town", "county", "athletic", "sporting", "real",
            "national", "union", "front", "alliance", "movement", "people", "peoples", "democratic", "republican"}


_ASKED_OF = re.compile(r"^\s*Will\s+(?:the\s+)?(?P<side>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)")


def asked_of(question: str) -> set[str] | None:
    """The folded words of the name a question asks about ("Harbour Athletic" in "Will Harbour
    Athletic avoid relegation?"), or None when it opens with no name."""
    m = _ASKED_OF.match(question)
    return {_fold(w).strip("’'s") if w.endswith(("'s", "’s")) else _fold(w) for w in m["side"].split()} if m else None


def contest_side(question: str) -> set[str] | None:
    """The folded words of the side a contest question asks about, or None if it is no contest."""
    asked = _WINNER.match(question)
    if not asked or (asked["verb"] not in ("win", "lift", "clinch") and not _PRIZE.search(question[asked.end():])):
        return None
    return {_fold(w) for w in asked["side"].split()}


def _rival(actor: str | None, stance: str, text: str, side: set[str] | None, prizes: set[str],
           kinds: dict[str, set[str]]) -> bool:
    """Is the judgement that another contestant will take the question's prize ("Vila Aurora will be
    champion again" for "Will Sabiá win the title?")?  Only a confident one (in a race of three, a
    rival's loss says nothing of the winner), only of one of the question's ``prizes``, and only a
    rival the model typed as it typed the question's ``side`` (a party's leader is no rival of the
    party; a striker typed as a place is no rival of his club)."""
    if side is None or not actor or stance != "likely" or _one_side(actor, side):
        return False
    takes = re.search(rf"{re.escape(actor)}\W+(?:will|'ll|’ll|are going to|is going to|to)\s+(?:be\s+(?:the\s+)?"
                      rf"(?:\w+\s+)?champions?\b|(?:\w+\s+)?(?:win|clinch|lift|retain|claim|take|keep)\s+"
                      rf"(?:the\s+|this\s+|its\s+|their\s+)?(?:\w+\s+)?(?P<prize>{_PRIZES})\b)", text, re.I)
    if takes is None or (takes["prize"] and takes["prize"].lower().rstrip("s") not in prizes):
        return False
    ours = set().union(*(k for name, k in kinds.items() if _one_side(name, side)))
    theirs = set().union(*(k for name, k in kinds.items() if name == actor or name.endswith(" " + actor)))
    return bool(ours & theirs & {"PERSON", "ORG"})


def _another_of_its_kind(j: dict[str, Any], question: str, asked: set[str]) -> bool:
    """Is the judged event's subject a thing of the kind the question asks about, picked out by
    names the question does not have ("Tarn Hydrogen" beside "Will Kell Hydrogen decide?", "the
    road to Kesk" beside "Will the Harbour ice road open?")?  Only when the question itself picks
    its thing out by a name: "The Bank of Kessa is likely to cut" is about "Will the central bank
    cut rates?"."""
    head, names = j.get("subject_head"), j.get("subject_names") or []
    if not head or not names or not _named_in(question, head):
        return False
    return not any(_same_stem(_fold(n), q) for n in names for q in asked)


@lru_cache(maxsize=256)
def _named_in(question: str, head: str) -> bool:
    """Does the question pick its ``head`` noun out with a proper name ("the Harbour ice road",
    "Kell Hydrogen"; not "Will Norland send troops?")?  Read off the question's parse."""
    from dossier.extract.nlp import parse

    for tok in parse(question):
        if tok.i and _same_stem(_fold(tok.text), _fold(head)) and any(
                t.pos_ == "PROPN" and t.i != tok.i for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                for t in c.subtree):
            return True
    return False


def _names_side(name: str, side: set[str]) -> bool:
    """Is ``name`` the side asked about, every telling word of it ("Dunmore", "Dunmore Rovers"; not
    "Dunmore Radio")?"""
    words = {_fold(w).strip("’'") for w in name.split()} - _SIDE_WORDS
    return bool(words) and all(any(_same_stem(w, q) for q in side) for w in words)


def _one_side(actor: str, side: set[str]) -> bool:
    """"Sabiá" is "Unidos do Sabiá", "Man City" Manchester City and "Democrats" the Democratic Party,
    but "Harbour Party" is not "Kestrel Party": a telling word in common, by stem or as a short form."""
    words = {_fold(w).strip("’'") for w in actor.split()}
    said, telling = words - _SIDE_WORDS or words - {"the"}, side - _SIDE_WORDS or side - {"the"}
    return any(_same_stem(a, b) or (len(a) >= 3 and b.startswith(a)) for a in said for b in telling)


def _toward_question(stance: str, event: str | None, question: str,
                     actor: str | None = None, rival: bool = False) -> tuple[str, str | None]:
    """The stance toward the question's outcome when the judgement is about its opposite: things
    staying as they are when the question asks for a change, or the other side of a contest
    ("Harrowby remain favourites" for "Will Dunmere win ... against Harrowby?", or a ``rival``
    named nowhere in the question)."""
    if stance == "possible":
        return stance, None
    flipped = "unlikely" if stance == "likely" else "likely"
    if rival:
        return flipped, f"about another contestant (“{actor}”), not the one the question asks about"
    other = _OPPONENT.search(question)
    if actor and other:
        side = {w.lower() for w in other["side"].split()}
        said = {w.lower() for w in actor.split()}
        before = {w.lower() for w in question[:other.start()].split()}
        if said & side and not said & (before - side):
            return flipped, f"about the other side (“{actor}”), the opposite of what the question asks"
    if not event or event not in STATUS_QUO:
        return stance, None
    asked = {w.lower() for w in re.findall(r"[A-Za-z]+", question)}
    if asked & (STATUS_QUO | {"avoid", "survive", "escape"}):
        return stance, None  # the question itself asks whether things stay as they are ("avoid relegation")
    return flipped, f"about things staying as they are (“{event}”), the opposite of what the question asks"


def assessments(docs: list[Document], extractions: dict[str, dict], question: str | None,
                entity_of: dict[tuple[str, str], str]) -> list[dict[str, Any]]:
    """The judgements that bear on ``question``, as the contract's assessments."""
    if not question:
        return []
    out = []
    subject = asked_of(question)
    speaks_for = person_sides(docs, extractions, entity_of) if subject else {}
    topic = topic_words(docs, question)
    line = _line(question)
    deadline = question_deadline(question, max((d.published for d in docs if d.published), default=None))
    asked = {w for part in question_words(question) for w in part}
    side = contest_side(question)
    prizes = {w.lower().rstrip("s") for w in _PRIZE.findall(question)} | {"champion"}
    named = list(question_words(question)[0])
    for d in docs:
        ex = extractions[d.id]
        judged: set[int] = set()
        # names in the document the question is not about: a figure forecast for them is not its line's
        others = {_fold(w) for m in ex.get("mentions", []) for w in m["name"].split()} - asked if line else set()
        kinds: dict[str, set[str]] = defaultdict(set)  # what the model took each name for, in this document
        for m in ex.get("mentions", []):
            kinds[m["name"]].add(m["type"])
        for j in ex.get("judgements", []) + ex.get("timings", []):
            when = j.get("when") if deadline else None
            if j.get("timing") and not (when and _times_the_outcome(j, question)):
                continue  # a forecast of when, for a question that sets no deadline or of another act
            judged.add(j["start"])
            figures = [f for f in ex.get("figures", []) if j["start"] <= f["start"] < j["end"]]
            # a stated probability is the source's number already, whatever figures it sits among
            stated = any(h.startswith(STATED) for h in j["how"])
            expected = expected_figures(d.text, figures, line, j["cue"], others) if line and not stated else []
            if line and not stated and not expected and foreign_figures(d.text, figures, line, j["cue"], others):
                continue  # the statement forecasts the line's quantity for someone else
            weak = any(h.startswith("plain future") for h in j["how"])
            if weak and not j.get("holder_name"):
                continue  # the writer's own "will" narrates; it does not weigh the question
            ours = j.get("ours", False)
            if ours and not any(_names_side(s, subject) for s in
                                speaks_for.get(entity_of.get((d.id, j["holder_name"]), ""), ())):
                continue  # "we will stay up" from someone no text puts on the side asked about
            strong = any(h.lower().startswith(STRONG) for h in j["how"]) or bool(expected)
            rival = _rival(j.get("actor"), j["stance"], j["text"], side, prizes, kinds)
            if not rival and _another_of_its_kind(j, question, asked):
                continue  # "The road to Kesk is likely to open" for "Will the Harbour road open?"
            actor = j.get("actor") or ""
            if weak and side and actor[:1].isupper() and not rival and not _one_side(actor, side) \
                    and not _one_side(j["text"], side):
                continue  # "Harrowby will win the cup": a plain future about another than the one asked of
            # a rival's win stands in for the question's side: one more of its words must be near
            words = j["words"] + (named if rival or ours else [])  # ("we" is the side asked about)
            if not relevant(words, question, weak and not rival, strong and not rival, j.get("anaphoric", False), topic):
                continue
            holder_name = j.get("holder_name")
            holder = entity_of.get((d.id, holder_name)) if holder_name else None
            by_figure = stance_of(expected, j["stance"], line, d.text) if line else None
            if by_figure:
                stance, turned = by_figure
            else:
                stance, turned = _toward_question(j["stance"], j.get("event"), question, j.get("actor"), rival)
                # "I think we break through in May" expects it, but after a deadline of 1 May (an
                # expectation of the status quo or of a rival, turned above, keeps its turn)
                if when and stance == "likely" and not turned:
                    stance, turned = against(when, deadline)
            if ours:
                turned = f"“we” are the side asked about: {holder_name} speaks for it"
            out.append({
                "holder": holder, "holder_name": holder_name or (f"{d.outlet} (the article itself)" if d.outlet else None),
                "stance": stance, "doc": d.id, "start": j["start"], "end": j["end"], "text": j["text"],
                "date": d.published, "how": j["how"] + ([turned] if turned else []), "cue": j["cue"],
                "in_quote": j.get("quote") is not None,
            })
        if line:
            out += _forecast_figures(d, ex, line, judged, entity_of, question, topic, others)
        out += _nominal_calls(d, ex, judged, entity_of, question, side)
    out.sort(key=lambda a: (a["date"] or "", a["doc"], a["start"]))
    # A statement repeated by copies of one original is one assessment, with its copies counted.
    group = {d.id: d.provenance.group or d.id for d in docs}
    kept: dict[tuple[str, str], dict[str, Any]] = {}
    for a in out:
        key = (group[a["doc"]], " ".join(a["text"].lower().split()))
        if key in kept:
            kept[key]["copies"] = kept[key].get("copies", 0) + 1
        else:
            kept[key] = a
    return list(kept.values())


# Acts that are not an outcome: "We will review progress in June", "We will publish the report
# on 15 May" time a step of the story, not its answer (unless the question asks about that act).
_NOT_OUTCOMES = SCHEDULED_ACTS | PROCEDURES | {"know", "pay", "brief", "celebrate", "visit", "try", "plan", "hope", "want",
                                              "aim", "intend", "get", "update", "talk", "speak", "travel", "return", "go"}


def _times_the_outcome(j: dict[str, Any], question: str) -> bool:
    """Does a forecast of when time the question's own event, not a step of the story's
    procedure ("We will review progress in June")?  A step counts when the question asks
    about it ("Will Altamira begin deliveries by October?" and "We will begin in September")."""
    verb = j.get("event") or ""
    return verb not in _NOT_OUTCOMES or any(_same_stem(_fold(verb), q) for part in question_words(question) for q in part)


def _line(question: str) -> Threshold | None:
    """The number the question draws its line at, read by the figure parser (so that units match)."""
    if not re.search(r"\d", question):
        return None
    from dossier.extract.dates import date_like_spans
    from dossier.extract.figures import find_figures
    from dossier.extract.nlp import parse

    figures = [asdict(f) for f in find_figures(parse(question), date_like_spans(question))]
    return question_threshold(question, figures)


# "Ceyhan Securities has raised ...": the name at the start of a sentence, which the model may miss
_NAMED_SUBJECT = re.compile(r"(?!(?:Will|Can|Could|Would|Should|Is|Are|Do|Does|Did|Has|Have)\b)"
                            r"((?:[A-Z][\w’'&.\-]*\s+){1,4}?[A-Z][\w’'&.\-]*)\s+(?:has|have|had|now|also|expects?|"
                            r"forecasts?|predicts?|sees|raised|cut|lowered|revised|put|puts)\b")
_LEADING = re.compile(r"^(?:(?:Last|On|In|But|And|So|Yet|Then|Now|This|Next|Early|Late|" +
                      "|".join(w.title() for w in CALENDAR_WORDS) + r")\s+)+")


# "My guess is a referral, not an inscription", "My call, for what it's worth: Harrowby, by a point":
# one's call named as a thing, with no verb of likelihood to find
_CALL = re.compile(r"\b(?:[Mm]y|[Oo]ur)\s+(?:guess|call|prediction|pick|tip|forecast)\b(?:,[^:.;]{0,40})?\s*(?:is|:)\s+"
                   r"(?:that\s+)?(?P<yes>[^,.;:]{2,60}?)(?:,\s*(?:and\s+)?not\s+(?P<no>[^,.;:]{2,60}?))?\s*(?:[,.;!]|$)")


def _nominal_calls(d: Document, ex: dict[str, Any], judged: set[int], entity_of: dict[tuple[str, str], str],
                   question: str, side: set[str] | None) -> list[dict[str, Any]]:
    """Calls named as a thing: "My guess is a referral, not an inscription" doubts "Will the
    committee inscribe ...?" (the outcome it rules out shares the question's stem); "My call:
    Harrowby, by a point" names a side in a contest question."""
    _, other = question_words(question)
    # a side is called by a name the document gives a person or a body ("My call: Harrowby", not "... London")
    named = {w for x in ex.get("mentions", []) if x["type"] in ("PERSON", "ORG") for w in x["name"].split()}
    taken = [(j["start"], j["end"]) for j in ex.get("judgements", []) if j["start"] in judged]
    out = []
    for m in _CALL.finditer(d.text):
        if any(s <= m.start() < e for s, e in taken):
            continue  # the sentence is a judgement already
        yes, no = (m["yes"] or ""), (m["no"] or "")
        outcome = lambda part: any(_same_stem(_fold(w), q) for w in re.findall(r"[^\W\d_]{4,}", part) for q in other)
        if no and outcome(no) and not outcome(yes):
            stance, why = "unlikely", f"a call that rules out the question's outcome (“not {no.strip()}”)"
        elif outcome(yes) and not outcome(no):
            stance, why = "likely", f"a call for the question's outcome (“{yes.strip()}”)"
        elif side and not no and (first := re.match(r"\s*([A-Z][\w’'\-]+)", yes)) and (
                first[1] in named or _one_side(first[1], side)):
            stance = "likely" if _one_side(yes, side) else "unlikely"
            why = f"a call for {'the side asked about' if stance == 'likely' else 'another side'} (“{yes.strip()}”)"
        else:
            continue
        dot = d.text.rfind(". ", 0, m.start())
        start, end = max(d.text.rfind("\n", 0, m.start()), dot + 1 if dot >= 0 else -1) + 1, m.end()  # its sentence
        quote = next((q for q in ex.get("quotes", []) if q["start"] <= m.start() < q["end"]), None)
        holder_name = quote.get("speaker_name") if quote else None
        if quote is not None and holder_name is None:
            continue  # an unnamed voice's call
        out.append({
            "holder": entity_of.get((d.id, holder_name)) if holder_name else None,
            "holder_name": holder_name or (f"{d.outlet} (the article itself)" if d.outlet else None),
            "stance": stance, "doc": d.id, "start": start, "end": end, "text": d.text[start:end].strip(),
            "date": d.published, "how": [why], "cue": m.group(0).split()[1], "in_quote": quote is not None,
        })
    return out


def _forecast_figures(d: Document, ex: dict[str, Any], line: Threshold, judged: set[int],
                      entity_of: dict[tuple[str, str], str], question: str, topic: set[str],
                      others: set[str]) -> list[dict[str, Any]]:
    """Forecasts that put a figure on the question's quantity with no word of likelihood: "it will
    be 250 on the nose", "has raised its forecast to TL255", "They'll give us 220"."""
    out = []
    by_sentence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for f in ex.get("figures", []):
        if f["sentence_start"] not in judged:
            by_sentence[f["sentence_start"]].append(f)
    for start, figures in sorted(by_sentence.items()):
        end = figures[0]["sentence_end"]
        text = d.text[start:end]
        expected = [f for f in expected_figures(d.text, figures, line, None, others)
                    if forecast(text, f["start"] - start)] or counted(d.text, start, end, figures, line)
        lead = d.text[max(0, start - 300):start]
        words = [_fold(w) for w in re.findall(r"[^\W\d_][\w’'\-]+", lead + " " + text)]
        if not expected or not relevant(words, question, strong=True, topic=topic):
            continue
        at = expected[0]["start"]
        said = max((m.end() for m in FORECAST.finditer(d.text, start, at)), default=at)
        quote = next((q for q in ex.get("quotes", []) if q["start"] <= at < q["end"] and q.get("speaker_name")), None)
        # the name nearest before the forecast word: "Unlike X, Ceyhan Securities sees ..." is Ceyhan's
        named = max((m for m in ex.get("mentions", []) if start <= m["start"] < said and m["type"] in ("PERSON", "ORG")),
                    key=lambda m: m["start"], default=None)
        opening = _NAMED_SUBJECT.match(_LEADING.sub("", text.lstrip()))  # a name the model missed
        holder_name = quote["speaker_name"] if quote else named["name"] if named else opening[1] if opening else None
        own = any(m[0].lower().startswith(("my ", "our ")) for m in FORECAST.finditer(d.text, start, at))
        if holder_name is None and not own:
            continue  # the writer's own "will be" narrates; "my number is 1.9" is the writer's call
        stance, how = stance_of(expected, "likely", line, d.text) or (None, None)
        if stance is None:
            continue
        out.append({
            "holder": entity_of.get((d.id, holder_name)), "holder_name": holder_name, "stance": stance, "doc": d.id,
            "start": start, "end": end, "text": text.strip(), "date": d.published, "how": [how],
            "cue": expected[0]["text"], "in_quote": quote is not None,
        })
    return out


def balance(items: list[dict[str, Any]]) -> dict[str, Any]:
    """How the assessments stand over time, and who changed their view."""
    by_month: dict[str, Counter] = defaultdict(Counter)
    for a in items:
        by_month[(a["date"] or "undated")[:7]][a["stance"]] += 1
    views: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in items:
        if a["holder"]:
            views[a["holder"]].append((a["date"] or "", a["stance"]))
    changed = []
    for holder, seen in views.items():
        dated = sorted(seen)
        if len({s for _, s in dated}) > 1 and dated[0][1] != dated[-1][1] and dated[0][0] != dated[-1][0]:
            changed.append({"holder": holder, "from": dated[0][1], "to": dated[-1][1],
                            "first": dated[0][0], "last": dated[-1][0]})
    total = Counter(a["stance"] for a in items)
    return {"total": dict(total), "by_month": {m: dict(c) for m, c in sorted(by_month.items())},
            "changed_view": changed}


# --- deriving the question -------------------------------------------------------------------

_WHETHER = re.compile(r"\bwhether\s+(?P<subj>[A-Z][\w’'\- ]{1,40}?)\s+(?:will|would|can|could)\s+(?P<rest>[^,.;:!?]{4,80})")
_WHETHER_TO = re.compile(r"(?P<subj>\b(?:[Tt]he\s)?(?:[A-Z][\w’'\-]+\s)?[\w’'\-]+)\s+(?:is\s+|are\s+)?\w+\s+whether\s+to\s+(?P<rest>[^,.;:!?]{4,80})")
_FORECAST = re.compile(r"(?P<subj>\b[A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+)?)\s+(?:may|might|could|will|would)\s+(?:soon\s+|still\s+|yet\s+)?(?P<rest>[a-z][^,.;:!?]{4,80})")


def derive_question(docs: list[Document], extractions: dict[str, dict]) -> tuple[str | None, str | None]:
    """(question, how it was derived) from the corpus, or (None, None)."""
    group = {d.id: d.provenance.group or d.id for d in docs}
    headlines: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        if d.title and d.title.strip().endswith("?") and len(d.title.split()) >= 4:
            headlines[_norm(d.title)].add(group[d.id])
    if headlines:
        best = max(headlines, key=lambda k: (len(headlines[k]), k))
        title = next(d.title.strip() for d in docs if d.title and _norm(d.title) == best)
        return title, f"a question-shaped headline of {len(headlines[best])} independent source(s)"
    candidates: dict[str, set[str]] = defaultdict(set)
    for d in docs:
        for m in _WHETHER.finditer(d.text):
            candidates[f"Will {m['subj'].strip()} {m['rest'].strip()}?"].add(group[d.id])
        for m in _WHETHER_TO.finditer(d.text):  # "the government weighs whether to invoke ..."
            subj = re.sub(r"^The\b", "the", m["subj"].strip())
            candidates[f"Will {subj} {m['rest'].strip()}?"].add(group[d.id])
    if not candidates:
        for d in docs:
            for j in extractions.get(d.id, {}).get("judgements", []):
                if j["stance"] not in ("possible", "likely") or j.get("quote"):
                    continue
                m = _FORECAST.search(j["text"])
                if m:
                    candidates[f"Will {m['subj'].strip()} {m['rest'].strip()}?"].add(group[d.id])
    if not candidates:
        return None, None

    def support(q: str) -> tuple[int, int]:
        subject, other = question_words(q)
        words = subject | other
        shared = sum(1 for d in docs if sum(1 for w in words if w in d.text.lower()) >= max(2, len(words) // 2))
        return len(candidates[q]), shared

    best = max(candidates, key=lambda q: (support(q)[1], support(q)[0], -len(q)))
    return best, "the open question most independent sources raise"


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()
