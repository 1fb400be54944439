"""Who said what in one parsed document: direct and indirect quotes with their speakers.

Hand-written rules over spaCy's parse, because the tools we measured lose most
news quotes (``eval/analysis.py`` runs textacy next to these rules).  The rules follow how news prose attributes
speech:

* the attribution ("Drozdyk said", "said X, an analyst", "He told the Courier:")
  sits in the quote's own sentence, outside the marks: the speaker is the subject
  of the speech verb there;
* "he", "she", a bare noun a spinner made of "he" ("element said"), or a
  description ("the captain") stand for the person the story is about at that
  point: the latest person who was the subject of a sentence or spoke;
* a quote paragraph with no attribution continues the previous speaker;
* reporting chains ("the state agency quoted the minister as saying") name the speaker as
  the object of "quote", the subject being the channel;
* "according to X, ..." and "X said (that) ..." without quotation marks are
  indirect quotes: the reported clause is the quote.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from dossier.extract.dates import date_like_spans, embedded_posts
from dossier.extract.mentions import HONORIFICS, HUMAN_NOUNS, ORG_NOUNS, Mention, surname
from dossier.extract.quotemarks import QuoteSpan, find_quote_spans, paragraphs

# Verbs that attribute speech or writing (lemmas).  General English, not any story's words.
SPEECH = {
    "say", "tell", "add", "state", "write", "note", "warn", "claim", "insist", "explain", "argue", "stress",
    "announce", "declare", "comment", "remark", "ask", "reply", "respond", "continue", "conclude", "admit",
    "acknowledge", "suggest", "shout", "tweet", "post", "report", "confirm", "deny", "predict", "estimate",
    "allege", "assert", "emphasise", "emphasize", "quote", "caution", "urge", "recall", "testify", "tell",
    "point", "observe", "complain", "concede", "vow", "pledge", "promise", "reiterate", "elaborate", "joke",
    "scream", "cry", "whisper", "exclaim", "told", "believe", "think", "doubt", "fear", "expect", "hope",
    "agree", "disagree", "maintain", "describe", "call", "contend", "underline", "underscore", "indicate",
    "believe", "reckon", "forecast", "propose", "demand", "threaten", "accuse", "boast", "mention",
}
# Verbs whose clause is reported speech or belief when it has no quotation marks.
REPORTING = SPEECH - {"continue", "call", "describe", "ask", "quote", "shout", "scream", "cry", "whisper", "joke"} | {
    "rule", "find"}  # "the judge ruled that ...", "the audit found that ..."
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "it", "their", "its", "we"}
DOCUMENT_NOUNS = {"report", "statement", "assessment", "study", "analysis", "poll", "survey", "paper", "update",
                  "release", "review", "note", "briefing", "letter", "post", "tweet", "communique", "bulletin"}


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    cue: str | None = None
    speaker_name: str | None = None
    speaker_role: str | None = None
    speaker_type: str | None = None  # PERSON, ORG, ... of the resolved speaker
    channel: str | None = None  # the outlet or agency that relayed the words ("the agency quoted ...")
    how: str | None = None  # how the speaker was found: "subject", "pronoun", "description", "continues", ...
    speaker_start: int | None = None  # the speaker's words in this text (its name, pronoun or description)
    speaker_end: int | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class _Context:
    """What the rules need about one document, computed once."""

    doc: object
    text: str
    mentions: list[Mention]
    spans: list[QuoteSpan]
    quoted: list[tuple[int, int]] = field(default_factory=list)  # [open mark, past close mark)
    mention_at: dict[int, Mention] = field(default_factory=dict)  # token index -> mention covering it
    salience: list[tuple[int, Mention]] = field(default_factory=list)  # (offset, person) in text order
    roles: dict[str, str] = field(default_factory=dict)  # person name -> role

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quoted, (char, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]


def find_quotes(doc, mentions: list[Mention]) -> list[Quote]:
    """Direct quotes (from quotation marks, tweets) and indirect quotes (reported clauses), in text order."""
    text = doc.text
    spans = find_quote_spans(text)
    # the agency of a dateline ("ULAANBAATAR, Mongolia (TAW) —") files the story; it says nothing in it
    mentions = [m for m in mentions if not (_DATELINE_AGENCY_BEFORE.search(text, max(0, m.start - 80), m.start)
                                            and _DATELINE_AGENCY_AFTER.match(text, m.end))]
    ctx = _Context(doc, text, mentions, spans, [(s.open_start, s.close_end) for s in spans])
    for m in mentions:
        for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ():
            ctx.mention_at[t.i] = m
        if m.role and m.type == "PERSON":
            ctx.roles.setdefault(m.name, m.role)
    ctx.salience = _salience(ctx)
    direct = _direct_quotes(ctx)
    indirect = _indirect_quotes(ctx, direct)
    quotes = direct + indirect + _fragments(ctx, indirect)
    answers = _transcript_answers(ctx) or _qa_answers(ctx)
    if answers:  # an interview's answers are the interviewee's words, whatever else was read in them,
        # but for someone else's words the answer quotes ("His words to me: “…”")
        quotes = [q for q in quotes if not any(a.start - 2 <= q.start < a.end for a in answers)
                  or _relayed_in_answer(ctx, q, answers)] + answers
    # One span, one quote: a reported clause that is exactly the quoted words ("“…” Mayer said",
    # with the closing mark set apart) is the direct quote
    seen: set[tuple[int, int]] = set()
    quotes = [q for q in sorted(quotes, key=lambda q: q.kind != "direct")
              if (q.start, q.end) not in seen and not seen.add((q.start, q.end))]
    quotes.sort(key=lambda q: q.start)
    _carry_speakers(text, quotes, mentions, ctx.in_quote)
    return quotes


# "ULAANBAATAR, Mongolia (TAW) —", "SÃO PAULO (TAW/Reuters) —", "ULAANBAATAR, 14 May (TAW) -": a place in
# capitals at a paragraph's start, then anything up to the agencies' brackets and a dash
_DATELINE_AGENCY_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?=[^\W\d_])[^\W\d_a-z][^\W\da-z]*(?:[ .'’-]+[^\W\d_a-z][^\W\da-z]*)*"
                                     r"(?:,[ \t]*\w[\w .'’-]*)*[ \t]*\([^()\n]*$")
_DATELINE_AGENCY_AFTER = re.compile(r"[^()\n]*\)[ \t]*[-–—]")


# A turn of an interview transcript: "Varga: We sold 40 lots." / "Q: Why so few?"
_TURN = re.compile(r"(?m)^([A-Z][\w’'&.\-]*(?: [A-Z&][\w’'&.\-]*){0,3}):[ \t]+(?=\S)(.*)$")


def _transcript_answers(ctx: _Context) -> list[Quote]:
    """The answers of an interview printed as a transcript ("Name: answer" paragraphs).

    A turn whose label is a person the text names (by full name, surname or a first name no one
    else has, in any case) is that person's direct quote; the other labels ("Q", the outlet's
    initials) ask.  Written by hand: quote
    finders look for quotation marks, and a transcript has none.  One turn alone is no
    interview ("Related: ...", "Watch: ..."), so at least two turns and two voices are needed.
    """
    turns = list(_TURN.finditer(ctx.text))
    people = [m for m in ctx.mentions if m.type == "PERSON"]
    firsts = Counter(n.split()[0].lower() for n in {p.name for p in people} if len(n.split()) > 1)

    def person_of(label: str):
        # by full name or surname, in any case ("HELEN:", "Mehmood:"), or by a first name no one else
        # has; an honorific is no part of it ("DOÑA JUSTINA:")
        label = " ".join(w for w in label.split() if w.lower().rstrip(".") not in HONORIFICS) or label
        low = label.lower()
        found = next((p for p in people if low in (p.name.lower(), surname(p.name).lower())
                      or (label.isupper() and firsts[low] == 1 and p.name.split()[0].lower() == low
                          and len(p.name.split()) > 1)), None)
        words = label.split()
        if found is None and re.fullmatch(r"[^\W\d_a-z]{2,4}", label):
            # "TVM:" for Teresa Valadares Marques: the initials of the one person the text names
            # who has them (particles left out: "Ana da Silva" is "AS"); "TL", the outlet's, asks
            by_initials = {name: m for m, name in _names_with_lead(ctx.text, people) if _initials(name) == label}
            if len(by_initials) == 1:
                name, m = by_initials.popitem()
                found = m if m.name == name else Mention(m.end - len(name), m.end, name, "PERSON", None, -1)
        if found is None and len(words) == 1:
            # "QUISPE:" for Teófilo Quispe Mamani: the first of two surnames, as Spanish and Portuguese
            # names are called; of two such, the one named first
            found = next((p for p in sorted(people, key=lambda m: m.start) if len(p.name.split()) >= 3
                          and low in (w.lower() for w in p.name.split()[1:-1])), None)
        if found is None and 2 <= len(words) <= 3:
            # "PEDRO ALVES:", whom the text calls "Mr Alves" or names in a question the model did not
            # read: the surname of a person it names, or the name written as a name elsewhere in the text
            found = next((p for p in people if surname(p.name).lower() == words[-1].lower()), None)
            as_name = " ".join(w[:1] + w[1:].lower() for w in words)
            at = ctx.text.find(as_name)
            named_otherwise = any(m.start <= at < m.end and m.type != "PERSON" for m in ctx.mentions) and not (
                (before := re.search(r"([a-z]+)\s+$", ctx.text[max(0, at - 20):at])) and before.group(1) in HUMAN_NOUNS)
            if label.isupper() and at >= 0 and words[0] != "THE" and not named_otherwise and (
                    found is None or len(found.name.split()) < len(words)):
                found = Mention(at, at + len(as_name), as_name, "PERSON", None, -1)  # the fuller name
            elif found is not None and label.isupper() and len(found.name.split()) < len(words):
                found = replace(found, name=as_name)  # "PEDRO ALVES:" is more of a name than "Mr Alves"
        return found

    who = {t.group(1): person_of(t.group(1)) for t in turns}
    for label, p in who.items():  # "ALVES:" after "PEDRO ALVES:": one voice, by the fuller name
        fuller = {q.name: q for q in who.values() if p is not None and q is not None and len(label.split()) == 1
                  and surname(q.name) == surname(p.name) and len(q.name) > len(p.name)}
        if len(fuller) == 1:  # (not when "ANA SILVA:" and "JOÃO SILVA:" both speak)
            who[label] = next(iter(fuller.values()))
    for label in _hosts(ctx.text, turns, who):
        who[label] = None  # the host asks: the host's turns are questions, not the story's quotes
    # by person, not label: "PEDRO ALVES:" and later "ALVES:" are one voice
    answers = Counter(who[t.group(1)].name for t in turns if who[t.group(1)] is not None)
    asks = Counter(t.group(1) for t in turns if who[t.group(1)] is None)
    interview = answers and max(answers.values()) >= 2 and asks and max(asks.values()) >= 2
    # a conversation of named people with no interviewer, in sentences (not "Trump: 48%")
    prose = Counter(who[t.group(1)].name for t in turns if who[t.group(1)] is not None and _spoken(t.group(2)))
    panel = sum(n >= 2 for n in prose.values()) >= 2 and sum(prose.values()) >= 0.8 * sum(answers.values())
    if not (interview or panel):
        return []  # at least two questions and two answers, or two voices twice ("Related: ..." is no voice)
    out = []
    paras = paragraphs(ctx.text)
    voices = {label for label, n in Counter(t.group(1) for t in turns).items() if n >= 2}
    for n, t in enumerate(turns):
        label = t.group(1)
        person = who[label]
        if person is None or (answers[person.name] < 2 and not interview):
            continue  # (in an interview a guest may answer once)
        spans = [(t.start(2), t.end(2))]
        # An answer running on over paragraphs with no label of their own, up to the next turn of
        # one of the conversation's voices (not to "Photo:" or "Related:", and not past the last
        # turn: what follows is the outlet's own), unless a paragraph reads as the outlet's narration.
        if n + 1 < len(turns) and turns[n + 1].group(1) in voices:
            for a, b in paras:
                if t.end(2) < a and b <= turns[n + 1].start():
                    if _narration(ctx.text[a:b], person.name):
                        break
                    spans.append((a, b))
        for a, b in spans:
            while b > a and ctx.text[b - 1] in " \t":
                b -= 1
            out.append(Quote(a, b, ctx.text[a:b], "direct", ":", person.name, ctx.roles.get(person.name), "PERSON",
                             how="transcript", speaker_start=t.start(1), speaker_end=t.end(1)))
    return out


# An interview printed as questions and answers: "Q. Was it rigged?" / "A. No. ..." (or "Q:" / "A:")
_QA = re.compile(r"(?m)^[ \t]*(?P<label>[QA])[.:][ \t]+(?=\S)")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _names_with_lead(text: str, people: list[Mention]) -> Iterator[tuple[Mention, str]]:
    """Each person's name, and the name with the capitalised words just before it that the model
    left out ("Teresa" of "Teresa Valadares Marques" when it read "Valadares Marques")."""
    for m in people:
        yield m, m.name
        lead = re.search(r"(?:\b[^\W\d_a-z][^\W\d_]+[ \t]+){1,2}$", text[max(0, m.start - 40):m.start])
        if lead and text[m.start:m.end] == m.name:
            yield m, lead.group(0) + m.name


def _qa_answers(ctx: _Context) -> list[Quote]:
    """The answers of a question-and-answer interview, as the words of the person it interviews.

    The labels name no one, so the interviewee is the person the paragraph before the first
    question names first ("Ana Ruiz, 52, has chaired the board since 2027. We spoke on Tuesday.").
    At least two questions and two answers; an answer runs on over unlabelled paragraphs up to
    the next question, unless a paragraph reads as the outlet's narration.
    """
    labels = list(_QA.finditer(ctx.text))
    asks = [m for m in labels if m["label"] == "Q"]
    if len(asks) < 2 or sum(m["label"] == "A" for m in labels) < 2:
        return []
    paras = paragraphs(ctx.text)
    before = [(a, b) for a, b in paras if b <= asks[0].start()]
    person = None
    for a, b in reversed(before):
        person = next((m for m in ctx.mentions if m.type == "PERSON" and a <= m.start < b), None)
        if person is not None:
            break
    if person is None:
        return []
    name = _fuller_name(ctx, person)
    out = []
    for n, m in enumerate(labels):
        if m["label"] != "A":
            continue
        nxt = labels[n + 1].start() if n + 1 < len(labels) else None
        spans = []
        for a, b in paras:
            if a <= m.start() < b:
                spans.append((m.end(), b))
            elif m.start() < a and (nxt is None or b <= nxt) and spans:
                if nxt is None or _narration(ctx.text[a:b], name):
                    break  # after the last answer the outlet speaks again (a sign-off, a note)
                spans.append((a, b))
        for a, b in spans:
            while b > a and ctx.text[b - 1] in " \t":
                b -= 1
            out.append(Quote(a, b, ctx.text[a:b], "direct", m.group(0).strip(), name, ctx.roles.get(name), "PERSON",
                             how="interview", speaker_start=person.start, speaker_end=person.end))
    return out


def _fuller_name(ctx: _Context, person: Mention) -> str:
    """The longest name the text gives a person ("Ana Ruiz" for a first mention "Ruiz")."""
    names = [m.name for m in ctx.mentions if m.type == "PERSON" and surname(m.name) == surname(person.name)]
    return max(names, key=len, default=person.name)


def _relayed_in_answer(ctx: _Context, q: Quote, answers: list[Quote]) -> bool:
    """Is ``q``, inside an answer, a third person's words the answerer quotes?  Then it keeps a
    speaker of its own: not the answerer, who would say "I" (a "he" in the answer is someone else,
    the person the answer named last)."""
    host = next(a for a in answers if a.start - 2 <= q.start < a.end)
    if q.kind != "direct" or not ctx.in_quote(q.start):
        return False
    lead = ctx.text[max(host.start, _sentence_bounds(ctx, q.start)[0]):q.start]
    if re.search(r"\b(?:I|we)\s+(?:\w+\s+)?(?:told|said|say|asked|replied|added|insisted|warned)\b|"
                 r"\b(?:my|our)\s+(?:message|words|answer|reply|response|point)\b", lead) or not re.search(
            r"\b(?:he|she|they|his|her|their|[A-Z][a-z]+)\b[^.]*\b(?:told|telling|tells|said|says|say|words|wrote|"
            r"asked|put it|replied|added|insisted|warned)\b", lead):
        return False  # "I told him, “...”", "My message is simple: “...”": the answerer's own words
    if q.speaker_name and q.speaker_name != host.speaker_name and q.how in ("subject", "introduced", "colon"):
        return True
    named = [m for m in ctx.mentions if m.type == "PERSON" and host.start <= m.start < q.start
             and m.name != host.speaker_name and surname(m.name) != surname(host.speaker_name or "")]
    if not named:
        return False
    m = named[-1]
    q.speaker_name, q.speaker_role, q.speaker_type, q.how = m.name, ctx.roles.get(m.name), "PERSON", "named in the answer"
    return True


_NARRATION = re.compile(r"\b(?:said|says|told|added|according to)\b")


def _narration(para: str, speaker: str) -> bool:
    """A paragraph between turns that is the outlet's, not the speaker's: a heading in capitals,
    a reported statement ("The council has rejected that, its leader said"), the speaker in the
    third person."""
    return (para.upper() == para and any(c.isalpha() for c in para)) or bool(_NARRATION.search(para)) \
        or surname(speaker) in para


# "Our host, Rita Moura", "presenter Jane Okafor", "interviewed by Tom Reyes": the host words in any
# case, then only a name's capitalised words
_HOST_WORD = re.compile(r"\b(?i:our host|host|presenter|interviewer|our reporter|our correspondent|interviewed by|"
                        r"asked by)\b[,:]?\s+(?:[A-Z][\w’'\-]*\s+){0,2}$")


def _hosts(text: str, turns: list[re.Match], who: dict) -> set[str]:
    """The labels of the transcript's host: a voice the text calls its host (presenter,
    interviewer) and that asks, or the one voice that ends nearly every turn with a question
    while the others hardly ever ask.  Never every voice: someone answers.  A voice is a person,
    whatever labels the person's turns carry ("ANA LOPES:", then "LOPES:")."""
    said: dict[str, list[str]] = {}
    for t in turns:
        if who[t.group(1)] is not None:
            said.setdefault(who[t.group(1)].name, []).append(t.group(2).rstrip())
    labels = {name: {label for label, p in who.items() if p is not None and p.name == name} for name in said}
    named = {name for name in said if any(
        _HOST_WORD.search(text, max(0, m.start() - 60), m.start()) for m in re.finditer(re.escape(name), text))
        and sum("?" in turn for turn in said[name]) >= len(said[name]) / 3
        and sum(turn.endswith("?") for turn in said[name]) >= len(said[name]) / 4}  # (a reporter may ask back once)
    askers = [name for name, turns_ in said.items()
              if len(turns_) >= 2 and sum(turn.endswith("?") for turn in turns_) >= 0.75 * len(turns_)]
    if named and named != set(said):
        return {label for name in named for label in labels[name]}
    others = [turns_ for name, turns_ in said.items() if name not in askers]
    if len(askers) == 1 and others and all(sum("?" in turn for turn in turns_) <= len(turns_) / 4 for turns_ in others):
        return labels[askers[0]]
    return set()


def _spoken(text: str) -> bool:
    """A turn that reads as speech: a few words, mostly not figures, ending as a sentence."""
    words = text.split()
    return len(words) >= 4 and sum(any(c.isdigit() for c in w) for w in words) <= len(words) / 3 \
        and text.rstrip()[-1:] in ".!?”’\"'…"


# "the farms above Kessa": a name right after these is a place the model took for a person.
_AFTER_PLACE_WORD = re.compile(r"\b(?:above|below|near|in|at|from|to|outside|inside|around|towards)\s+$")


def _carry_speakers(text: str, quotes: list[Quote], mentions: list[Mention], in_quote) -> None:
    """A quote paragraph with no attribution of its own goes on with the speaker just quoted.

    News prose gives the speaker once and lets the next paragraphs of quotation
    run on; the speaker may have been attributed by an indirect quote just before.
    """
    paras = paragraphs(text)
    for i, q in enumerate(quotes):
        if q.kind != "direct" or q.speaker_name:
            continue
        pa, _ = _paragraph_of(paras, q.start)
        previous_para = next((a for a, _ in reversed(paras) if a < pa), None)
        opens_paragraph = q.start - pa <= 2
        prev = quotes[i - 1] if i else None
        pq = _paragraph_of(paras, prev.start)[0] if prev else None
        # "“A,” said X. “B.”": B is X's too; so is a quote paragraph right after X's words.
        if prev is not None and prev.speaker_name and (pq == pa or (pq == previous_para and opens_paragraph)):
            q.speaker_name, q.speaker_role, q.speaker_type = prev.speaker_name, prev.speaker_role, prev.speaker_type
            q.how = "continues"
            continue
        # A quote paragraph introduced by the paragraph before it ("Union president X, speaking
        # to reporters, called the verdict a vindication." / “...”): the person that paragraph names last.
        if not opens_paragraph or previous_para is None:
            continue
        b = next(e for a, e in paras if a == previous_para)
        named = [m for m in mentions if previous_para <= m.start < b and m.type == "PERSON" and not in_quote(m.start)
                 and not _AFTER_PLACE_WORD.search(text, max(0, m.start - 12), m.start)]
        if named:
            m = named[-1]
            q.speaker_name, q.speaker_type, q.how, q.speaker_role = m.name, m.type, "previous paragraph", m.role


# --- who is the story about at each point ------------------------------------------


def _salience(ctx: _Context) -> list[tuple[int, Mention]]:
    """(offset, person or organisation) each time one becomes the subject of a sentence outside quotes."""
    out: list[tuple[int, Mention]] = []
    for tok in ctx.doc:
        according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
            and ctx.doc[tok.head.i - 1].lower_ == "according"  # "According to Brandt, ...": Brandt has the floor
        if (tok.dep_ not in ("nsubj", "nsubjpass") and not according) or ctx.in_quote(tok.idx):
            continue
        m = _mention_of(ctx, tok)
        if m is not None and m.type in ("PERSON", "ORG"):
            out.append((tok.idx, m))
        elif m is None and tok.tag_ == "NNS" and tok.head.lemma_.lower() in SPEECH:
            # a group that speaks ("senior officers warned"): "they" may refer back to it
            phrase = [t for t in tok.subtree if not ctx.in_quote(t.idx)]
            a, b = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            org = next((ctx.mention_at[t.i] for t in phrase if t.i in ctx.mention_at
                        and ctx.mention_at[t.i].type == "ORG"), None)
            if org is not None:  # "senior officers of the Special Forces": the body speaks through them
                out.append((tok.idx, replace(org, role=_group_role(ctx.text, a, org))))
                continue
            name = re.sub(r"^(the|a|an)\s+", "", ctx.text[a:b], flags=re.I)
            out.append((tok.idx, Mention(a, b, name, "GROUP")))
    return out


def _group_role(text: str, start: int, org: Mention) -> str | None:
    """"senior officers from the fifth brigade" of "senior officers from the fifth brigade of X"."""
    words = re.sub(r"\s+(?:of|at|from|in|with)(?:\s+the)?$", "", text[start:org.start].strip(" ,"), flags=re.I)
    lead = next((e for s, e in date_like_spans(words) if s <= 3), None)  # "on July 3 senior officers": the parse's date
    if lead is not None:
        words = words[lead:].lstrip(" ,")
    words = re.sub(r"^(the|a|an)\s+", "", words, flags=re.I)
    return words or None


def _mention_of(ctx: _Context, tok) -> Mention | None:
    """The mention a subject token names: itself, or a name in apposition to it ("his rival, X")."""
    m = ctx.mention_at.get(tok.i)
    if m is not None:
        return m
    for t in tok.subtree:
        # "the prime minister of Dravenia, Dariya Zhovnir," (the name may hang off a prepositional object);
        # before a capitalised noun is read as a name itself ("Counsel for the manager, Pieter le Roux,")
        if t.dep_ == "appos" and t.i in ctx.mention_at and ctx.mention_at[t.i].type == "PERSON" and t.i - tok.i < 15 \
                and not _in_clause_of(t, tok):
            return ctx.mention_at[t.i]
    return _proper_name(ctx, tok)


def _in_clause_of(t, tok) -> bool:
    """Is ``t`` inside a clause that describes ``tok`` ("X, who chairs the group Y (Z),"), so that it
    is not the subject's own name?  Not when the name closes the clause after a described noun:
    "the man who lost his boat, Jamal Uddin," is Jamal Uddin."""
    name, node = t, t
    while node.i != tok.i and node.head.i != node.i:
        if node.dep_ in ("relcl", "acl"):
            return tok.pos_ == "PROPN" or node.right_edge.i > name.right_edge.i
        node = node.head
    return False


def _proper_name(ctx: _Context, tok) -> Mention | None:
    """A person's name the NER missed, as the subject: "Bakyt Toktosunov, a 29-year-old teacher, said".

    Two or three capitalised proper nouns (given name and surname), not an
    organisation's words, read as a person; a described single name too
    ("Temir, a trader,").
    """
    if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ not in ("", "PERSON"):
        return None
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title] + [tok]
    if any(w.lower_ in ORG_NOUNS for w in words) or ctx.in_quote(tok.idx):
        return None
    described = any(c.dep_ == "appos" for c in tok.children)
    if not (2 <= len(words) <= 3 or described):
        return None
    a, b = words[0].idx, tok.idx + len(tok)
    m = Mention(a, b, ctx.text[a:b], "PERSON", None, tok.i)
    for w in words:
        ctx.mention_at.setdefault(w.i, m)
    return m


def _last_named(ctx: _Context, at: int, kind: str) -> Mention | None:
    """The latest ``kind`` mention before ``at`` outside quotes, subject or not."""
    for m in reversed(ctx.mentions):
        if m.start < at and m.type == kind and not ctx.in_quote(m.start):
            return m
    return None


# The bodies a word for a body can stand for: "the panel" is a court's, a commission's or a committee's.
_KIN = {"panel": ("panel", "court", "tribunal", "commission", "committee", "board", "jury", "inquiry"),
        "tribunal": ("tribunal", "court"), "court": ("court", "tribunal"), "bench": ("court", "tribunal"),
        "regulator": ("regulator", "authority", "commission", "agency"), "watchdog": ("watchdog", "authority", "commission")}


def _body_of_kind(ctx: _Context, head: str, at: int, words: str) -> Mention | None:
    """The body "the panel" or "the court" stands for: the latest organisation before ``at``
    whose name holds one of the word's kin ("the panel": a Court, a Committee), the latest
    that was a sentence's subject first ("The Court of Appeal upheld a ruling by the High
    Court ... The court said": the Court of Appeal).  A description with words of its own
    ("the Belarusian court of appeal") must share one with the name."""
    if head not in _KIN:
        if head not in ("directorate", "ministry", "inspectorate", "department", "agency"):
            return None  # "the bank" after "HSBC ... the Bank of England", "the union" after "European Union rules"
        # "the directorate" for the one "... Directorate" named before (two such bodies: neither)
        named = {m.name: m for m in ctx.mentions if m.type == "ORG" and m.start < at
                 and head in re.findall(r"[a-z]+", m.name.lower())}
        return next(iter(named.values())) if len(named) == 1 else None
    kin = set(_KIN[head])
    # its own words: the names and what follows "of" ("Belarus", "appeal"), not "three-member"
    own = {w.lower() for w in re.findall(r"\b[A-Z][a-z]{3,}|(?<=\bof )[a-z]{4,}", words)} - kin
    bodies = [m for m in ctx.mentions if m.type == "ORG" and m.start < at and (names := set(re.findall(
        r"[a-z]+", m.name.lower()))) & kin and (not own or own & names)]
    subjects = [m for m in bodies if 0 <= m.token < len(ctx.doc) and ctx.doc[m.token].dep_ in ("nsubj", "nsubjpass")]
    return (subjects or bodies or [None])[-1]


def _salient(ctx: _Context, offset: int, types: tuple[str, ...] = ("PERSON",)) -> Mention | None:
    keys = [o for o, _ in ctx.salience]
    i = bisect.bisect_left(keys, offset) - 1
    while i >= 0:
        m = ctx.salience[i][1]
        if m.type in types:
            return m
        i -= 1
    return None


def _remember(ctx: _Context, offset: int, m: Mention) -> None:
    keys = [o for o, _ in ctx.salience]
    ctx.salience.insert(bisect.bisect_left(keys, offset), (offset, m))


# --- speakers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    type: str | None
    role: str | None
    how: str
    start: int
    end: int
    mention: Mention | None = None


def _speaker_for(ctx: _Context, tok, at: int) -> _Speaker | None:
    """Resolve the subject token of a speech verb to a speaker."""
    m = _mention_of(ctx, tok)
    if m is not None:
        if m.type in ("GPE", "NORP") and tok.tag_ in ("NNS", "NNPS"):
            m = replace(m, type="NORP")
        return _Speaker(m.name, m.type, m.role or ctx.roles.get(m.name), "subject", m.start, m.end, m)
    low = tok.lower_
    if low in ("who", "that") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        # "said X, the commentator, who on Wednesday said he would be amazed": who is X.  Only a
        # named antecedent, and not one hung on "of" ("the mother of X, who said": the mother spoke)
        ante = tok.head.head
        while ante.i not in ctx.mention_at and ante.dep_ == "appos" and ante.head.i != ante.i:
            ante = ante.head
        m = ctx.mention_at.get(ante.i)
        if m is None and low == "who":
            # the parse hung the clause elsewhere: the person named just before ("X of the Y, who says")
            m = next((p for p in reversed(ctx.mentions) if p.type == "PERSON" and tok.sent.start_char <= p.start
                      and p.end <= tok.idx and re.fullmatch(r"(?:\s+of\s+[^,;.]{1,60})?,\s*", ctx.text[p.end:tok.idx])),
                     None)
            if m is not None:
                return _Speaker(m.name, m.type, m.role or ctx.roles.get(m.name), "subject", m.start, m.end, m)
        if m is None or m.type not in ("PERSON", "ORG") or (
                ante.dep_ == "pobj" and ante.head.lower_ in ("of", "for") and ante.head.head.pos_ == "NOUN"):
            return None
        return _speaker_for(ctx, ante, at)
    if low in PRONOUNS_PERSON or _spun_pronoun(tok):
        p = _named_before_in_sentence(ctx, tok) or _topic_of_previous_sentence(ctx, tok) or _salient(ctx, at)
        if p is None:
            return None
        return _Speaker(p.name, p.type, ctx.roles.get(p.name), "pronoun", tok.idx, tok.idx + len(tok), p)
    if low in ("it", "its") and tok.sent.start > 0:
        # "The directorate itself was more guarded. In a press release, it said ...": the body the
        # sentence before described as its subject
        prev = ctx.doc[tok.sent.start - 1].sent
        subj = next((t for t in prev if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lemma_.lower() in ORG_NOUNS
                     and any(c.lower_ == "the" for c in t.children) and not ctx.in_quote(t.idx)), None)
        described = _description(ctx, subj, subj.idx) if subj is not None else None
        if described is not None and described.type == "ORG" and described.mention is not None:
            return _Speaker(described.name, "ORG", None, "pronoun", tok.idx, tok.idx + len(tok), described.mention)
    if low in PRONOUNS_GROUP or (tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS):
        org = _salient(ctx, at, ("ORG", "GROUP"))
        if org is not None and (low in PRONOUNS_GROUP or any(c.lower_ in PRONOUNS_GROUP for c in tok.children)):
            kind = None if org.type == "GROUP" else org.type
            return _Speaker(org.name, kind, org.role, "pronoun", tok.idx, tok.idx + len(tok), org)
        if low in PRONOUNS_GROUP:
            return None
    if tok.pos_ in ("NOUN", "ADJ", "PROPN", "NUM"):
        return _description(ctx, tok, at)
    return None


def _named_before_in_sentence(ctx: _Context, tok) -> Mention | None:
    """"For Anand, the question is ... “...,” he said": the person the sentence itself just named."""
    reported = {t.i for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    for t in reversed(tok.sent[: tok.i - tok.sent.start]):
        if t.i in reported:
            continue  # a name inside the reported words is not who reports them
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type == "PERSON" and not ctx.in_quote(t.idx):
            return m
    return None


def _topic_of_previous_sentence(ctx: _Context, tok, depth: int = 0) -> Mention | None:
    """"For Anand, the question is what happens next. “…,” he said": a person the sentence before
    names, when it has no person as its subject (a subject there is what ``_salient`` finds)."""
    sent = tok.sent
    if sent.start == 0 or depth > 3:
        return None
    prev = tok.doc[sent.start - 1].sent
    while prev.start > 0 and all(ctx.in_quote(t.idx) for t in prev if not t.is_punct and not t.is_space):
        prev = tok.doc[prev.start - 1].sent  # “A. B,” she said: the sentence before the quote began
    # subjects, and a noun the parser made the root ("The 68-year-old President, who ..., announced")
    subjects = [t for t in prev if (t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")))
                and not ctx.in_quote(t.idx)]
    for t in subjects:
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type == "PERSON":
            return m
        if t.lower_ in PRONOUNS_PERSON and t.lower_ == tok.lower_ and t.head.dep_ == "ROOT":
            # "Asked about X, she was careful. “…,” she said": the same "she" as the sentence before,
            # so whoever that one was (not X, whom that sentence only mentions).  Not a "he" inside
            # what someone reports ("X said he had ..."): that one is the person the sentence names.
            found = _topic_of_previous_sentence(ctx, t, depth + 1)
            if found is not None:
                return found
        if (t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NN", "NNP") and any(c.lower_ == "the" for c in t.children)
                and t.head.lemma_ != "be"):  # "the question is what happens next" describes no one
            # "The 68-year-old President announced ... / He said": the description's referent, the
            # person whose role it repeats ("The minister disputes that. He says ...") before the
            # topic of the sentence before it
            described = _description(ctx, t, t.idx)
            if described is not None and described.mention is not None and described.mention.type == "PERSON" \
                    and re.search(rf"\b{re.escape(t.lemma_.lower())}", (ctx.roles.get(described.mention.name) or "").lower()):
                return described.mention
            found = _topic_of_previous_sentence(ctx, t, depth + 1) or _named_before_in_sentence(ctx, t)
            if found is not None:
                return found
    people = [ctx.mention_at[t.i] for t in prev if t.i in ctx.mention_at and not ctx.in_quote(t.idx)
              and ctx.mention_at[t.i].type == "PERSON"]
    return people[-1] if people else None


def _spun_pronoun(tok) -> bool:
    """A bare singular common noun as the subject of a speech verb ("element said").

    English puts a determiner before a singular count noun; a bare one in the
    subject slot of "said" is what a synonym spinner leaves where "he" was.
    """
    return (tok.pos_ in ("NOUN", "PROPN") and tok.tag_ == "NN" and tok.is_lower
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in tok.children))


# People who speak for a body: "a ministry spokeswoman said" is the ministry speaking.
SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "official", "source", "officer"}


def _body_named_by(ctx: _Context, tok, at: int) -> Mention | None:
    """The organisation named before ``at`` whose name holds a word of the group's description
    ("Union" in "Union officials", "ministry" in "a ministry spokeswoman")."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("compound", "nmod") and c.is_alpha and len(c) > 3}
    if not words:
        return None
    for m in reversed(ctx.mentions):
        if m.start < at and m.type == "ORG" and words & {w.lower() for w in m.name.split()}:
            return m
    return None


_ANONYMOUS = re.compile(r"\banonymity\b|\bnot authori[sz]ed\b|\b(?:asked|declined|requested) not to be (?:named|identified)\b"
                        r"|\bwithout being named\b", re.I)


# ", inspector " after a description (and any "in charge" the parse left out of it)
# Words that make a role someone else's than the description's: "the health minister" is not the
# "shadow health minister", "the judge" not a "former judge", "the spokesperson" not "a union spokesperson".
_QUALIFIERS = {"shadow", "former", "ex", "another", "deputy", "vice", "assistant", "acting", "union", "opposition",
               "defence", "defense", "prosecution", "retired", "rival"}


def _other_side(role: str, description: str) -> bool:
    said = set(re.findall(r"[a-z]+", description.lower()))
    return bool((set(re.findall(r"[a-z]+", role.lower())) & _QUALIFIERS) - said)


_APPOSED = re.compile(r"(?:\s+(?:in|of|for|at)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)?\s*,\s*(?:[a-z]+\s+){0,2}")


def _someone_elses(role: str, head: str) -> bool:
    """"A lawyer for the victims", "the opposing coach": a role held for another party than the one
    "her lawyer" or "their coach" belongs to."""
    return bool(re.search(rf"\b{re.escape(head)}s?\s+(?:for|of|to|representing|acting for)\b", role.lower())
                or re.search(r"\b(?:opposing|rival|other|victims?['’]?s?|prosecution|defence|defense)\b", role.lower()))


def _apposed_name(ctx: _Context, end: int) -> Mention | None:
    """"quotes the officer in charge, delegada Ana Ruiz, as saying": the name set beside the
    description, which the parse may hang elsewhere."""
    m = _APPOSED.match(ctx.text, end)
    if m is None:
        return None
    if any(w.endswith(("ing", "ed")) for w in m.group(0).split()):
        return None  # "the judge, sentencing Mark Evans, said": the name is the verb's object
    named = next((p for p in ctx.mentions if p.start == m.end() and p.type == "PERSON"), None)
    if named is not None and re.match(r"\s*(?:,|as\b)", ctx.text[named.end:]):
        return named
    return None


def _description(ctx: _Context, tok, at: int) -> _Speaker | None:
    """"the captain", "the 68-year-old President", "senior officers from the brigade"."""
    clause = {t.i for c in tok.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    phrase = [t for t in tok.subtree if not ctx.in_quote(t.idx) and t.i not in clause]
    dash = max((n for n, t in enumerate(phrase) if t.text in ("—", "–", "--") and t.i < tok.i), default=None)
    if dash is not None:
        phrase = phrase[dash + 1:]  # "LAOAG, Philippines (NPW) — Provincial auditors": the dateline is no one
    if not phrase:
        return None
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    # The words before any clause or aside about it: "Lintas Air[, which operates ...,]", "X[, 44,]"
    run = [phrase[0]]
    for t in phrase[1:]:
        if t.i != run[-1].i + 1 or (t.dep_ == "appos" and t.like_num):
            break
        run.append(t)
    words = ctx.text[start:run[-1].idx + len(run[-1])].strip(" ,")
    plural = tok.tag_ in ("NNS", "NNPS")
    head = tok.lemma_.lower()
    people = list(dict.fromkeys(ctx.mention_at[t.i] for t in phrase if t.i in ctx.mention_at
                                and ctx.mention_at[t.i].type == "PERSON"))
    # Of two names in one phrase, the one a role introduces: "Nova Alba health spokesman Tomás
    # Reyes", where the model took the party's second word for a person too
    named = max(people, key=lambda m: len((m.role or "").split()) > 1, default=None) or _name_given(ctx, tok)
    if named is None and not plural:
        named = _unlabelled_name(phrase) or _apposed_name(ctx, end)
    if named is not None and not plural:
        # "the Minister of the Interior Yuriy Khvostak", "his rival in the election, X"
        role = ctx.roles.get(named.name) or ctx.text[start:named.start].strip(" ,") or None
        return _Speaker(named.name, "PERSON", role, "subject", named.start, named.end, named)
    org_inside = next((ctx.mention_at[t.i] for t in phrase if t.i in ctx.mention_at
                       and ctx.mention_at[t.i].type == "ORG"), None)
    appos = next((ctx.mention_at[t.i] for t in phrase if t.dep_ == "appos" and t.i in ctx.mention_at
                  and ctx.mention_at[t.i].type == "ORG"), None)
    if appos is not None and not plural:
        # "its grid subsidiary, Norland Netz,": the name the description stands beside
        return _Speaker(appos.name, "ORG", None, "description", appos.start, appos.end, appos)
    if org_inside is None and (plural or head in SPOKES):
        # "Union officials said", "a ministry spokeswoman said": the body their word names
        body = _body_named_by(ctx, tok, at)
        if body is not None:
            return _Speaker(body.name, "ORG", words, "description", start, end, body)
    if plural and org_inside is not None:
        # "Analysts at Harwick Securities said": the organisation speaks through them
        return _Speaker(org_inside.name, "ORG", _group_role(ctx.text, start, org_inside), "description", start, end,
                        org_inside)
    if head in ORG_NOUNS and not plural:
        if org_inside is not None:
            return _Speaker(org_inside.name, "ORG", None, "description", start, end, org_inside)
        org = _body_of_kind(ctx, head, at, words) or _salient(ctx, at, ("ORG",)) or _last_named(ctx, at, "ORG")
        if org is not None:
            return _Speaker(org.name, "ORG", None, "description", start, end, org)
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
    # A lede's "the minister responsible admitted ...", named in the next paragraph ("X, the
    # agriculture minister, made the admission"): no one named yet, so the name is ahead.
    lede = not plural and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(
        m.type == "PERSON" and m.start < at for m in ctx.mentions)
    # "Her lawyer said ..." when no one named so far has that role: the next paragraph names the lawyer
    theirs = not plural and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) and not any(
        m.type == "PERSON" and m.start < at and re.search(rf"\b{re.escape(head)}", (ctx.roles.get(m.name) or "").lower())
        for m in ctx.mentions)
    if not plural and (indefinite or lede or theirs):
        # "An Irish surgeon who exposed ... has said ...", and the next paragraph names her:
        # "Ana Holm, a consultant surgeon, ..."
        # Further on only when the role repeats more of the description ("a Ukrainian Armed Forces
        # captain" ... "X, Captain in the Ukrainian Armed Forces").
        described = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", words)} - {head}
        if _ANONYMOUS.search(ctx.text, start, end + 150):
            described = set()  # "a senior officer, speaking on condition of anonymity": no one named later
        ahead = next((m for m in ctx.mentions if m.type == "PERSON" and at < m.start
                      and re.search(rf"\b{re.escape(head)}s?\b", (ctx.roles.get(m.name) or "").lower())
                      and not _other_side(ctx.roles.get(m.name) or "", words)
                      and not (theirs and _someone_elses(ctx.roles.get(m.name) or "", head))
                      and (m.start < at + 600 or (m.start < at + 2500 and len(
                          described & set(re.findall(r"[a-z]{4,}", (ctx.roles.get(m.name) or "").lower()))) >= 2))),
                     None)
        if ahead is not None:
            return _Speaker(ahead.name, "PERSON", ctx.roles.get(ahead.name), "description", start, end, ahead)
    if not plural:
        # A description of someone named earlier: match it against the roles the text gave.
        best = None
        for o, m in ctx.salience:
            if o >= at:
                break
            role = (ctx.roles.get(m.name) or "").lower()
            if m.type == "PERSON" and head and re.search(rf"\b{re.escape(head)}", role):
                best = m
        if best is not None:
            return _Speaker(best.name, best.type, ctx.roles.get(best.name), "description", start, end, best)
        # "the expert", and "the club's owner" (a possessor that is not a person: "his brother"
        # is someone else again, so it stays a description)
        definite = any((c.dep_ == "det" and c.lower_ in ("the", "this"))
                       or (c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ != "PERSON")
                       for c in tok.children)
        if definite and tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):  # "the expert", "the 47-year-old"
            # "the expert added": in news, the person the story is quoting at that point; "the 58-year-old
            # said": first the one person the text gave that age ("Stefan Oprea, 58,")
            age = re.match(r"(\d{2})-year-old$", words.split()[-1]) if words.split() else None
            aged = {m.name: m for m in ctx.mentions if age and m.type == "PERSON" and re.match(
                rf",\s{age.group(1)}[,)]|\s?\({age.group(1)}\)", ctx.text[m.end:m.end + 6])}
            p = next(iter(aged.values())) if len(aged) == 1 else None
            p = p or _named_before_in_sentence(ctx, tok) or _topic_of_previous_sentence(ctx, tok) or _salient(ctx, at)
            if p is not None:
                return _Speaker(p.name, p.type, ctx.roles.get(p.name), "description", start, end, p)
    words = re.sub(r"^(the|a|an)\s+", "", words, flags=re.I)
    if len(words.split()) > 10:
        words = " ".join(words.split()[:10]) + "…"
    return _Speaker(words, None, None, "description", start, end)


_NAME_GIVEN = re.compile(
    r"[,\s]*(?:who|and)\s+(?:gave|giving|asked to be identified|would give|wanted to be identified|identified \w+self)"
    r"[^.;“”\"]{0,40}?\b(?:names?|as)\b(?:\s+as)?,?\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})")


def _name_given(ctx: _Context, tok) -> Mention | None:
    """"said one, who gave only his first name, Temir", "a woman who asked to be identified only
    as Maria": the name the clause about the speaker gives.  (Read from the text: the parser
    often takes the name for an interjection.)"""
    sent_end = tok.sent.end_char
    m = _NAME_GIVEN.match(ctx.text, tok.idx + len(tok), sent_end)
    if m is None or ctx.in_quote(m.start(1)):
        return None
    return Mention(m.start(1), m.end(1), m.group(1), "PERSON", None, tok.i)


def _unlabelled_name(phrase: list) -> Mention | None:
    """A name the NER missed at the end of a description: "the Minister of the Interior Yuriy Khvostak".

    Two or three capitalised proper nouns closing the phrase, after a common noun
    or "of": the pattern of a title followed by a person's name.
    """
    run = []
    for t in reversed(phrase):
        if t.pos_ == "PROPN" and t.is_title and t.ent_type_ in ("", "PERSON"):
            run.append(t)
        else:
            break
    run.reverse()
    if len(run) < 2 or len(run) == len(phrase):
        return None
    run = run[-2:]  # "of Dravenia Yuriy Khvostak": a given name and a surname
    a, b = run[0].idx, run[-1].idx + len(run[-1])
    return Mention(a, b, phrase[0].doc.text[a:b], "PERSON", None, run[-1].i)


def _subject(verb):
    """The subject of a speech verb, looking through "as adding" chains and conjunctions."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # "his opponent in the election, Alena X, told": the parse may give the description and
        # the name each as a subject; the name is the speaker
        # the name is the speaker.  "The detail: the panel found": a label before a colon is no subject
        labelled = [c for c in subjects if not any(p.text == ":" for p in c.rights)]
        # "LAOAG, Philippines (NPW) — Provincial auditors said": the dateline before the dash is no subject
        labelled = [c for c in labelled if not any(p.text in ("—", "–") and p.i < verb.i for p in c.rights)] or labelled
        return next((c for c in labelled if c.pos_ == "PROPN"), (labelled or subjects)[0])
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "The President, who ..., announced": parsed as a clause on the noun
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in REPORTING:
        # "X told the agency that the army may join, stating plans ...": the parse hangs "stating"
        # on the reported clause's verb, but it is X who states
        reporter = next((h for h in verb.ancestors if h.dep_ != "ccomp" and any(
            c.dep_ == "ccomp" and verb in c.subtree for c in h.children) and h.lemma_.lower() in REPORTING), None)
        if reporter is not None:
            return _subject(reporter)
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _speaker_of_cue(ctx: _Context, cue, at: int) -> tuple[_Speaker | None, str | None]:
    """(speaker, channel) for a speech verb token."""
    verb = cue
    if verb.lower_ == "according":  # (its lemma is "accord")
        for t in verb.subtree:
            if t.dep_ == "pobj":
                return _speaker_in_phrase(ctx, t, at), None
        return None, None
    # "the agency quoted the President as adding": the speaker is the object of "quote".
    head = verb.head if verb.dep_ == "pcomp" else verb
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        head = verb.head.head
    if head.lemma_ == "quote":
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        subj = _subject(head)
        channel = _mention_of(ctx, subj) if subj is not None else None
        if obj is not None:
            sp = _speaker_for(ctx, obj, at)
            return sp, channel.name if channel else None
    subj = _subject(verb)
    if subj is not None and ctx.in_quote(subj.idx):
        subj = None  # the parse took a word of the quote for the subject
    if any(c.dep_ == "auxpass" for c in verb.children):
        # "has been told that ...": the subject heard it; the speaker is the agent, if any
        agent = next((t for c in verb.children if c.dep_ == "agent" for t in c.children if t.dep_ == "pobj"), None)
        return (_speaker_for(ctx, agent, at) if agent is not None else None), None
    if subj is None:
        return _nearby_speaker(ctx, verb, at), None
    return _speaker_for(ctx, subj, at), None


def _speaker_in_phrase(ctx: _Context, tok, at: int) -> _Speaker | None:
    """The first person or organisation named in ``tok``'s phrase ("a poll by the Sondar institute"),
    else the first place or people ("according to Norland"): not the place that only says where the
    body is ("data compiled by the Geneva consultancy Ledgerline Partners")."""
    def own(t) -> bool:  # the phrase itself or what stands beside it, or "compiled by X": not "envoy to the UN"
        while t.i != tok.i:
            if t.dep_ not in ("compound", "appos", "pobj", "agent", "acl", "flat") or (
                    t.dep_ == "pobj" and t.head.dep_ != "agent"):
                return False
            t = t.head
        return True
    for t in tok.subtree:
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type in ("PERSON", "ORG") and own(t):
            return _Speaker(m.name, m.type, m.role or ctx.roles.get(m.name), "according to", m.start, m.end, m)
    for t in tok.subtree:
        m = ctx.mention_at.get(t.i)
        if m is not None and m.type in ("PERSON", "ORG", "GPE", "NORP"):
            return _Speaker(m.name, m.type, m.role or ctx.roles.get(m.name), "according to", m.start, m.end, m)
    return _speaker_for(ctx, tok, at)


def _nearby_speaker(ctx: _Context, verb, at: int) -> _Speaker | None:
    """When the parse gives the speech verb no subject: a name or pronoun right next to it."""
    sent = verb.sent
    recipients = {c.i for c in verb.children if c.dep_ in ("dobj", "dative")}
    # words of a clause about someone ("X, who heads the agency and ..., told") do not count as distance
    aside = {x.i for t in sent if t.dep_ in ("relcl", "acl") and t.i < verb.i for x in t.subtree}
    before = [t for t in reversed(sent[: verb.i - sent.start]) if t.i not in aside][:15]
    after = [t for t in sent[verb.i - sent.start + 1:] if t.i - verb.i <= 3 and t.i not in recipients]
    for t in sent[: verb.i - sent.start]:
        m = ctx.mention_at.get(t.i)
        if m is not None and re.search(r"[”\"’],?\s*$|,[”\"’]\s*$", ctx.text[max(0, m.start - 5):m.start]):
            # "“…,” Suparman, who ..., told reporters": the name in the attribution slot speaks (a person
            # if the model called it a place)
            kind = m.type if m.type in ("PERSON", "ORG") else "PERSON"
            return _Speaker(m.name, kind, ctx.roles.get(m.name), "subject", m.start, m.end, m)
    for kinds in (("PERSON",), ("ORG",)):  # a person near the verb before the organisation they work for
        for t in before + after:
            if ctx.in_quote(t.idx):
                continue
            m = ctx.mention_at.get(t.i)  # (a dateline's "TALLINN" is a place: ``find_mentions``)
            if (m is not None and m.type in kinds) or (kinds == ("PERSON",) and t.lower_ in PRONOUNS_PERSON):
                return _speaker_for(ctx, t, at)
    return None


# --- direct quotes ---------------------------------------------------------------------------


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def _is_fragment(ctx: _Context, span: QuoteSpan) -> bool:
    """A short quoted term or phrase inside a sentence of the writer's ("plans must be “advanced”")."""
    inner = ctx.text[span.start:span.end]
    if span.continues or not span.closed or span.dialogue:
        return False
    before = ctx.text[max(0, span.open_start - 3):span.open_start]
    # (a sentence of its own: '... the auditors wrote. “Some held four.”')
    starts_clause = inner[:1].isupper() and (before.strip() == "" or before.rstrip().endswith((":", ",", "\n", ".", "!", "?")))
    ends_clause = inner.rstrip()[-1:] in ".!?,…"
    if _words(inner) <= 3:
        return not (starts_clause and ends_clause and _words(inner) >= 2)
    return not starts_clause and not ends_clause


def _cue_tokens(ctx: _Context, a: int, b: int) -> list:
    """Speech verbs (or "according to") outside quotes in the text range [a, b)."""
    doc = ctx.doc
    span = doc.char_span(a, b, alignment_mode="contract") if b > a else None
    out = []
    for t in span or ():
        if ctx.in_quote(t.idx):
            continue
        if (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH) or (
                t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"):
            out.append(t)
    return out


def _sentence_bounds(ctx: _Context, char: int) -> tuple[int, int]:
    tok = ctx.doc.char_span(char, min(char + 1, len(ctx.text)), alignment_mode="expand")
    if tok is None or not len(tok):
        return char, char
    sent = tok[0].sent
    return sent.start_char, sent.end_char


def _paragraph_of(paras: list[tuple[int, int]], char: int) -> tuple[int, int]:
    i = bisect.bisect_right([a for a, _ in paras], char) - 1
    return paras[max(i, 0)]


def _direct_quotes(ctx: _Context) -> list[Quote]:
    text = ctx.text
    paras = paragraphs(text)
    quotes: list[Quote] = []
    prev: Quote | None = None
    prev_span: QuoteSpan | None = None
    for span in ctx.spans:
        if _is_fragment(ctx, span):
            continue
        pa, pb = _paragraph_of(paras, span.start)
        # The frame: the rest of the quote's sentences, outside any quotation marks.
        after_a = span.close_end
        after_b = min(pb, max(_sentence_bounds(ctx, max(span.close_end - 1, pa))[1], span.close_end))
        next_open = next((s.open_start for s in ctx.spans if s.open_start >= span.close_end), None)
        if next_open is not None and next_open < after_b:
            after_b = next_open
        before_a = max(pa, _sentence_bounds(ctx, span.open_start)[0])
        cues = _cue_tokens(ctx, after_a, after_b) + _cue_tokens(ctx, before_a, span.open_start)
        q = Quote(span.start, span.end, text[span.start:span.end], "direct")
        sp: _Speaker | None = None
        channel = None
        for cue in cues:
            sp, channel = _speaker_of_cue(ctx, cue, span.start)
            q.cue = cue.text if cue.lower_ != "according" else "according to"
            if sp is not None:
                break
        if sp is None and prev is not None and prev.speaker_name and _runs_on(text, prev_span, span, pa):
            q.speaker_name, q.speaker_role, q.speaker_type = prev.speaker_name, prev.speaker_role, prev.speaker_type
            q.how, q.cue = "continues", prev.cue
        elif sp is not None:
            _apply(q, sp, channel)
            if sp.mention is not None:
                _remember(ctx, span.start, sp.mention)
        elif (intro := _colon_intro(ctx, before_a, span)) is not None:
            _apply(q, intro, None)
            q.how = "introduced"
        else:
            named = _named_in_next_sentence(ctx, span, pb)
            if named is not None:
                q.speaker_name, q.speaker_type, q.speaker_role, q.how = named.name, "PERSON", named.role, "named after the quote"
                q.speaker_start, q.speaker_end = named.start, named.end
                _remember(ctx, span.start, named)
        quotes.append(q)
        prev, prev_span = q, span
    _share_along_chains(quotes, [s for s in ctx.spans if not _is_fragment(ctx, s)])
    return quotes + _tweets(ctx, paras, quotes)  # noqa


def _share_along_chains(quotes: list[Quote], spans: list[QuoteSpan]) -> None:
    """A quote over several paragraphs is attributed once, often at its end: share that speaker."""
    chain: list[Quote] = []
    for q, span in zip(quotes, spans):
        if not span.continues:
            _fill(chain)
            chain = []
        chain.append(q)
    _fill(chain)


def _fill(chain: list[Quote]) -> None:
    known = next((q for q in chain if q.speaker_name), None)
    if known is None:
        return
    for q in chain:
        if not q.speaker_name:
            q.speaker_name, q.speaker_role, q.speaker_type = known.speaker_name, known.speaker_role, known.speaker_type
            q.how, q.cue = "continues", known.cue


def _colon_intro(ctx: _Context, before_a: int, span: QuoteSpan) -> _Speaker | None:
    """"Werner Botha, who lodged the objection, was blunt: “…”": a sentence that ends in a colon
    before the quote introduces it, whatever its verb; its subject speaks."""
    intro = ctx.text[before_a:span.open_start]
    if not intro.rstrip().endswith(":"):
        return None
    words = ctx.doc.char_span(before_a, span.open_start, alignment_mode="contract") or ()
    # the subject of the introducing clause's own verb (not of a clause about someone: "who lodged ...")
    toks = [t for t in words if t.dep_ in ("nsubj", "nsubjpass") and before_a <= t.head.idx < span.open_start
            and t.head.dep_ not in ("relcl", "acl", "advcl") and not ctx.in_quote(t.idx)]
    return _speaker_for(ctx, toks[0], span.start) if toks else None


def _named_in_next_sentence(ctx: _Context, span: QuoteSpan, para_end: int) -> Mention | None:
    """"‘The efficacy is there.’ That was the verdict of Professor Sarah Ashcombe": a quote with no
    attribution of its own, followed in its paragraph by a sentence naming a person."""
    a = span.close_end
    b = _sentence_bounds(ctx, min(a + 1, para_end - 1))[1] if a < para_end else a
    b = min(b, para_end)
    if any(s.open_start >= a and s.open_start < b for s in ctx.spans):
        return None  # another quote follows first
    return next((m for m in ctx.mentions if a <= m.start < b and m.type == "PERSON"), None)


def _runs_on(text: str, prev: QuoteSpan | None, span: QuoteSpan, para_start: int) -> bool:
    """Is ``span`` the next paragraph (or sentence) of the same speaker's quote?"""
    if prev is None:
        return False
    if span.continues:
        return True
    between = text[prev.close_end:span.open_start]
    # A quote paragraph right after another quote paragraph, nothing of the writer's between.
    return span.open_start == para_start and not re.search(r"\w", between.replace("\n", ""))


def _apply(q: Quote, sp: _Speaker, channel: str | None) -> None:
    q.speaker_name, q.speaker_role, q.speaker_type, q.how = sp.name, sp.role, sp.type, sp.how
    q.speaker_start, q.speaker_end = sp.start, sp.end
    q.channel = channel


def _tweets(ctx: _Context, paras: list[tuple[int, int]], found: list[Quote]) -> list[Quote]:
    """Text right above a signature line "— Name (@handle) date" is that account's post."""
    out = []
    taken = [(q.start, q.end) for q in found]
    text = ctx.text
    for a, m in embedded_posts(text):
        sig = m.start()
        body = text[a:sig].strip()
        if not body or any(s < sig and e > a for s, e in taken):
            continue
        body = body.strip("“”\"")
        start = text.index(body, a)
        name = m.group("name").strip()
        men = next((x for x in ctx.mentions if m.start("name") <= x.start < m.end("name")), None)
        q = Quote(start, start + len(body), body, "direct", "posted", men.name if men else name, None,
                  "PERSON", None, "signature", m.start("name"), m.start("name") + len(name))
        out.append(q)
    return out


# Verbs that give a thing its name: what follows is a term, not anyone's words.
_NAMING = {"call", "dub", "term", "label", "nickname", "brand", "name", "christen"}


def _names_a_thing(ctx: _Context, span: QuoteSpan) -> bool:
    """A quoted term rather than quoted words: it modifies a noun that follows (the new ‘early
    warning’ text messages, its “fire-resilient villages” programme), or a naming verb gives
    it (what forecasters call a “heat dome”)."""
    toks = [t for t in ctx.doc if span.start <= t.idx < span.end and not t.is_punct]
    if not toks:
        return False
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i in inside:
            continue
        if t.dep_ in ("compound", "amod", "nmod") and t.head.i > toks[-1].i and t.head.pos_ in ("NOUN", "PROPN"):
            return True
        if t.head.lemma_ in _NAMING and t.dep_ in ("oprd", "dobj", "attr", "xcomp", "npadvmod", "ccomp", "pobj"):
            return True
    return False


_REASON_AFTER = re.compile(r"[”\"’']?,?\s+(?:because|since|as|although|though)\s[^.;:!?“”\"\n]{0,80}")


def _fragments(ctx: _Context, indirect: list[Quote]) -> list[Quote]:
    """Quoted words inside reported speech are the speaker's own words: "said the talks were
    “in active discussions”", "threatened to “respond strongly”".  A quoted term outside any
    reported speech ("a project dubbed “Lantern”") stays a scare quote, not a quote."""
    out = []
    for span in ctx.spans:
        if not _is_fragment(ctx, span) or _words(ctx.text[span.start:span.end]) < 2 or _names_a_thing(ctx, span):
            continue
        host = next((q for q in indirect if q.start - 2 <= span.start and span.end <= q.end + 2), None)
        if host is None:
            # "writes that A, because its criteria are “as vague as ...”": the reason the speaker gives
            # (unless the reason has a speech verb of its own: "since the regulator had declared it “safe”")
            host = next((q for q in indirect if q.end <= span.open_start and q.speaker_name
                         and _REASON_AFTER.fullmatch(ctx.text, q.end, span.open_start)
                         and not _cue_tokens(ctx, q.end, span.open_start)), None)
        q = Quote(span.start, span.end, ctx.text[span.start:span.end].rstrip(" ,"), "direct")
        if host is not None:
            q.speaker_name, q.speaker_role, q.speaker_type = host.speaker_name, host.speaker_role, host.speaker_type
            q.cue, q.how, q.channel = host.cue, "within reported speech", host.channel
            out.append(q)
            continue
        a, b = _sentence_bounds(ctx, span.open_start)
        cues = [t for t in _cue_tokens(ctx, a, span.open_start) if span.open_start - (t.idx + len(t)) < 40]
        if cues:
            sp, channel = _speaker_of_cue(ctx, cues[-1], span.start)
            if sp is not None:
                _apply(q, sp, channel)
                q.cue, q.how = cues[-1].text, "words the speech verb quotes"
                out.append(q)
    return out


# --- indirect quotes ---------------------------------------------------------------------------


def _indirect_quotes(ctx: _Context, direct: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    covered = [(q.start, q.end) for q in direct]
    for sent in ctx.doc.sents:
        claimed: list[tuple[int, int]] = []
        relays: dict[int, tuple[int, int, _Speaker | None]] = {}  # reporting verb -> (its quotes in out: where, how many; speaker)
        for tok in sent:
            if ctx.in_quote(tok.idx) and not _inside_fragment(ctx, tok.idx):
                continue
            content = None
            if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
                content = _according_clause(tok, sent)
            elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in REPORTING:
                content = _reported_clause(tok, sent)
            if content is None:
                continue
            a, b = content
            outer = relays.get(tok.head.i) if tok.dep_ == "ccomp" else None
            unknown = outer is not None and outer[2] is None and outer[1] > 0 and all(
                q.speaker_name is None for q in out[outer[0]:outer[0] + outer[1]])
            if outer is not None and (outer[2] is not None or unknown) and tok.lemma_.lower() in RELAYED:
                # "the Express reported that officers warned that ...": the officers speak, the Express relays
                # (and "It reports that the businessman told guards ...", whoever "it" is: he spoke)
                first, count, relay = outer
                del out[first:first + count]  # the report of the warning gives way to the warning
                sp, _ = _speaker_of_cue(ctx, tok, tok.idx)
                if relay is None:
                    channel = None
                else:
                    sp, channel = (sp, relay.name) if sp is not None else (relay, None)
                out.extend(_reported(ctx, _split_coordinated(ctx.text, a, b), tok.text, sp, channel))
                continue
            if any(a >= s and b <= e for s, e in claimed):
                continue  # a belief inside someone's reported words: part of that quote
            if any(_overlap((a, b), c) > 0.5 or (c[0] <= a < c[1] < b) for c in covered):
                continue  # the frame of a direct quote, already taken (or a parse that runs out of one)
            sp, channel = _speaker_of_cue(ctx, tok, tok.idx)
            if sp is None and tok.lemma_.lower() in ("believe", "think", "doubt", "fear", "expect", "hope"):
                continue  # a belief with no one holding it is the writer's
            parts = _split_coordinated(ctx.text, a, b)
            relays[tok.i] = (len(out), len(parts), sp if sp is not None and sp.type == "ORG" else None)
            out.extend(_reported(ctx, parts, "according to" if tok.lower_ == "according" else tok.text, sp, channel))
            if sp is not None and sp.mention is not None:
                _remember(ctx, tok.idx, sp.mention)
            claimed.append((a, b))
    return out


# Verbs by which an organisation's report passes on someone else's words: "the Express reported
# that officers *warned* ...", "the agency said the minister *told* ...".  A narrower set than
# REPORTING: the small model runs sentences together ("... €60m. Officials cautioned that ..."),
# and a verb of the next sentence parsed into the clause must not take the report over.
RELAYED = {"warn", "say", "tell", "claim", "insist", "state", "announce", "add", "confirm", "allege", "urge", "write",
           "declare", "threaten", "promise", "admit", "argue"}


def _reported(ctx: _Context, parts: list[tuple[int, int]], cue: str, sp: _Speaker | None,
              channel: str | None) -> list[Quote]:
    """Indirect quotes for the clauses of one reporting verb, with their speaker if known."""
    out = []
    for x, y in parts:
        q = Quote(x, y, ctx.text[x:y], "indirect", cue)
        if sp is not None:
            _apply(q, sp, channel)
        out.append(q)
    return out


def _inside_fragment(ctx: _Context, char: int) -> bool:
    for s in ctx.spans:
        if s.open_start <= char < s.close_end:
            return _is_fragment(ctx, s)
    return False


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, inter) / max(1, a[1] - a[0])


_QUESTION_WORDS = {"how", "what", "whether", "why", "when", "where", "who", "which", "if"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}


_SAYING_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"}


def _trim(tokens) -> tuple[int, int] | None:
    """The span of a reported clause; None for what is not one ("declined to say how ...", "wants it to")."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].lower_ in ("that", ",")):
        toks = toks[1:]
    # "said Monday it had found ...": the day dates the saying (a wire's style), it is not said
    while len(toks) > 3 and toks[0].ent_type_ in ("DATE", "TIME") and toks[0].dep_ not in ("nsubj", "nsubjpass") \
            and toks[0].lower_ in _SAYING_DAYS:
        toks = toks[1:]
        while toks and toks[0].lower_ in ("that", ",", "night", "morning", "afternoon", "evening"):
            toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in ("”", "’", '"', "'"):
        toks = toks[:-1]
    if len(toks) < 3 or not any(t.tag_ in _FINITE for t in toks) or toks[0].lower_ in _QUESTION_WORDS:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _reported_clause(verb, sent) -> tuple[int, int] | None:
    """The clause a reporting verb introduces: its ``ccomp``, or what follows "that".

    A second speaker's words inside it ("X said A, while Y said B") are cut off:
    they are a quote of their own.
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    comp = comps[0] if comps else None
    after = next((c for c in comps if c.i > verb.i), None)
    # (the speaker taken into the clause before: the verb has no subject of its own, and the words
    # just before it, a name, belong to that clause)
    swallowed = comp is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        t.i == verb.i - 2 and t.ent_type_ in ("PERSON", "ORG") for t in comp.subtree)
    if comp is not None and after is not None and after is not comp and (swallowed or len(list(after.subtree)) > len(
            list(comp.subtree))) and any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "conj", "aux")
                                         for c in after.children):
        # Two clauses: the one after the verb when it says more ("On the other side, [the club's president,
        # X,] says the school has hired lawyers", where the parser made a clause of the words before the
        # subject); not "What happened was a tragedy, the minister said [the inquiry had found]"
        comp = after
    if comp is not None:
        nested = {t.i for n in comp.subtree if n.i != comp.i and n.pos_ == "VERB" and n.dep_ in ("advcl", "conj", "parataxis")
                  and ((n.lemma_.lower() in REPORTING and any(c.dep_ == "nsubj" for c in n.children)) or _quotes_someone(n))
                  for t in n.subtree}
        toks = [t for t in comp.subtree if sent.start <= t.i < sent.end and t.i not in nested]
        if nested:
            first = min(nested)
            toks = [t for t in toks if t.i < first]
            while toks and (toks[-1].is_punct or toks[-1].lower_ in ("while", "whereas", "but", "and")):
                toks = toks[:-1]
        return _trim(_before_participle(toks))
    # A parse without ccomp ("told the Courier the cabinet may act ...", "said in a statement that ..."):
    # the rest of the sentence after the verb, its recipient or a short phrase, when "that" or a
    # clause with its own verb follows.
    if verb.lemma_.lower() not in ("say", "tell", "add", "warn", "claim", "state", "write", "argue", "insist",
                                   "believe", "think", "suggest", "predict", "report", "announce", "note"):
        return None
    rest = [t for t in sent if t.i > verb.i]
    that = next((t for t in rest[:9] if t.lower_ == "that" and t.dep_ == "mark"), None)
    if that is not None:
        return _trim(_before_participle([t for t in rest if t.i > that.i]))
    if verb.lemma_.lower() == "tell":
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if dobj is None:
            return None
        ent = next((e for e in sent.ents if e.start <= dobj.i < e.end), None)
        cut = ent.end if ent is not None else dobj.i + 1
        rest = [t for t in rest if t.i >= cut]
    elif rest and rest[0].lower_ != "that":
        return None
    cut = next((n for n, t in enumerate(rest) if _quotes_someone(t)), None)
    if cut is not None:  # "... told guards he had brought X and quotes his lawyer as saying": a report of its own
        rest = rest[:cut]
        while rest and (rest[-1].is_punct or rest[-1].dep_ == "cc"):
            rest = rest[:-1]
    return _trim(rest)


def _quotes_someone(tok) -> bool:
    """"... and quotes his lawyer as saying": a second report, of someone else's words (not "quoted
    new customers low prices")."""
    return tok.lemma_.lower() == "quote" and tok.dep_ == "conj" and bool(
        re.match(r"[^.;]{0,80}?\bas\s+(?:saying|telling|adding|warning)\b", tok.doc.text[tok.idx:]))


def _before_participle(toks: list) -> list:
    """"... that the army may join, stating plans must be ready": what follows ", stating" is a
    second statement of the speaker's, not part of the first."""
    for n, t in enumerate(toks[1:], start=1):
        if t.tag_ == "VBG" and t.lemma_.lower() in REPORTING and toks[n - 1].text == ",":
            return toks[:n - 1]
    return toks


def _split_coordinated(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """"that A and that B": two reported clauses."""
    out, start = [], a
    for m in re.finditer(r",? and that ", text[a:b]):
        out.append((start, a + m.start()))
        start = a + m.end()
    out.append((start, b))
    return [(x, y) for x, y in out if y - x > 8]


def _according_clause(tok, sent) -> tuple[int, int] | None:
    """"According to X, CLAUSE" or "CLAUSE, according to X": the clause."""
    if tok.i > sent.start and tok.doc[tok.i - 1].text == ",":
        return _trim([t for t in sent if t.i < tok.i - 1])  # "CLAUSE, according to X."
    phrase = {t.i for t in tok.subtree}
    phrase.add(tok.i)
    toks = [t for t in sent if t.i not in phrase]
    return _trim(toks)
