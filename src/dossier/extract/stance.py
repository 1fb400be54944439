"""Judgements of likelihood in one parsed document: who expects what, how strongly, and why we say so.

A judgement is a sentence whose stance cue (``cues``) judges an event: not a
timetable ("a decision is expected on Friday"), not a past view restated ("who
last week predicted ..."), not a pledge ("we will count again").  It records
*how* its stance was decided, in words a reader can check, its holder (the
speaker of the quote it sits in, or the subject who judges), and the words
around it.  Which judgements bear on the story's question is decided later,
over the corpus (``corpus.assessments``), because the question can change after
the documents were read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from dossier.extract.cues import OUTCOME_VERBS, conditional, cue_of, surprise_if
from dossier.extract.odds import STATED
from dossier.extract.quotes import SPEECH
from dossier.extract.timing import forecast_window

# What a judgement names when it names nothing itself: "I think it'll go through", "I'd expect a yes".
ANAPHORS = {"it", "this", "that", "they", "them", "yes", "no", "one"}
LEAD = 4  # sentences before a judgement that may say what it is about
# What is expected *when*, not whether: "a decision is expected on Friday", "it expects to
# announce the result by November", "she is expected to join the board".
SCHEDULED_ACTS = {"decide", "announce", "publish", "confirm", "issue", "release", "report", "rule", "meet", "sign",
                  "join", "file", "present", "unveil", "reveal", "name", "appoint", "respond", "reply", "comment",
                  "arrive", "begin", "start", "resume", "hear", "assess", "examine", "inspect", "test"}
SCHEDULED_NOUNS = {"decision", "result", "results", "ruling", "verdict", "announcement", "report", "statement", "readout",
                   "figures", "data", "estimate", "approval", "response", "reply", "details", "judgment", "judgement",
                   "figure", "count", "tally", "total", "census", "survey", "findings", "outcome", "update"}
# Steps of a procedure whose outcome is still open, whatever they act on: "Congress is expected
# to take up the agreement in July", "the panel is expected to debate the bill on Monday".
PROCEDURES = {"debate", "consider", "discuss", "review", "examine", "study", "hear"}


@dataclass
class Judgement:
    start: int  # the sentence
    end: int
    text: str
    stance: str  # likely | possible | unlikely
    cue: str
    cue_start: int
    how: list[str] = field(default_factory=list)
    holder_name: str | None = None  # the speaker of the quote it sits in, or the subject who judges
    holder_start: int | None = None
    quote: tuple[int, int] | None = None  # the quote span it sits in, if any
    words: list[str] = field(default_factory=list)  # lower-case content words of the sentence and its lead-in
    event: str | None = None  # the lemma of the verb the cue judges ("keep" in "expected it to keep rates")
    actor: str | None = None  # who the judged event is about ("Harrowby" in "Harrowby remain favourites")
    anaphoric: bool = False  # the event names only "it", "this", "they": what it is about, the text before says
    ours: bool = False  # a side's forecast of its own fate ("we will stay up"): the holder's side is its subject
    # the head of the judged event's subject and the names that pick it out: ("road", ["Kesk"]) in
    # "The road to Kesk is likely to open"; a question about another road is not its question
    subject_head: str | None = None
    subject_names: list[str] = field(default_factory=list)
    # when the judged event is expected: [earliest, latest] ISO days ("" when open: "by August"),
    # set when the sentence names a time still ahead ("a breakthrough in late May")
    when: list[str] | None = None
    # a forecast of *when* only ("We will break through in April", "My estimate is late May"): it
    # weighs a question only against the question's deadline (``corpus.assessments``)
    timing: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        d["quote"] = list(self.quote) if self.quote else None
        return d


def _clause_down(t) -> list:
    """``t`` and the verbs its complements lead down to: "expect" -> "to keep" (at most three)."""
    chain = [t]
    for _ in range(3):
        nxt = next((c for c in chain[-1].children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
        if nxt is None:
            break
        chain.append(nxt)
    return chain


def _event(tok) -> str | None:
    """The verb whose likelihood a cue states: the verb a modal or adverb sits on, the verb
    after "expect ... to" or "likely to", the verb of the clause a belief governs."""
    chain = _clause_down(tok.head if tok.dep_ in ("aux", "advmod", "neg") else tok)
    if len(chain) == 1 and tok.like_num and tok.head.lemma_.lower() in ("say", "make", "call", "put", "reckon"):
        chain = _clause_down(tok.head)  # "I'd say 70-30 that this is still going on": the odds' clause
    t = chain[-1]
    if any(c.dep_ == "advmod" and c.lower_ == "still" for c in t.children) and t.lemma_.lower() in (
            "go", "run", "last", "drag", "be"):
        return "continue"  # "still going on when the holidays start": things as they are
    return t.lemma_.lower() if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() != "be" else None


def _actor(tok) -> str | None:
    """The subject of the judged event, when it is named: "Harrowby" in "Harrowby remain firm
    favourites" and in "analysts expect Harrowby to win"; None for pronouns."""
    chain = [tok] + _clause_down(tok.head if tok.dep_ in ("aux", "advmod", "neg", "attr", "acomp") else tok)
    for node in reversed(chain):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.pos_ == "PRON":
                return None
            words = [w for w in subj.subtree if w.dep_ in ("compound", "nsubj", "nsubjpass", "amod", "poss")
                     and w.pos_ in ("PROPN", "NOUN", "ADJ")]
            return " ".join(w.text for w in words) or subj.text
    return None


def _subject(tok) -> tuple[str | None, list[str]]:
    """(lemma of the judged event's subject, the proper nouns that modify it): ("hydrogen", ["Tarn"])
    for "Tarn Hydrogen, a rival project near Tarn Bay, is likely to decide" (an apposition or a
    relative clause describes the subject; it does not pick it out)."""
    chain = [tok] + _clause_down(tok.head if tok.dep_ in ("aux", "advmod", "neg", "attr", "acomp") else tok)
    for node in reversed(chain):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.pos_ == "PRON":
            return None, []
        names, todo = [], [c for c in subj.children if c.dep_ not in ("appos", "relcl", "acl", "punct", "cc", "conj")]
        while todo:
            t = todo.pop()
            if t.pos_ == "PROPN":
                names.append(t.text)
            todo += [c for c in t.children if c.dep_ not in ("appos", "relcl", "acl")]
        return subj.lemma_.lower(), sorted(names)
    return None, []


def _anaphoric(tok) -> bool:
    """Does the judged event name nothing but "it", "this", "they" ("I think it'll go through",
    "get this over the line", "I'd expect a yes")?  Then the sentences before say what it is about."""
    start = tok.head if tok.dep_ in ("aux", "advmod", "neg") or tok.pos_ not in ("VERB", "AUX") else tok
    chain = _clause_down(start)
    args = _arguments(chain)
    if not args or any(a.lower_ not in ANAPHORS for a in args):
        return False
    return chain[-1].lemma_.lower() in OUTCOME_VERBS | {tok.lemma_.lower()}


def _arguments(chain: list) -> list:
    """Subjects, objects and complements down a clause, but for the judging "I", "we", "you"."""
    return [c for node in chain for c in node.children
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.lower_ not in ("i", "we", "you")]


def _scheduled(tok) -> bool:
    """"The result is expected on Friday", "the agency expects to decide by November", "the
    readout is likely to come before the market opens": a timetable."""
    if tok.lemma_.lower() not in ("expect", "due", "likely") or tok.pos_ not in ("VERB", "ADJ"):
        return False
    act = next((c for c in list(tok.children) + list(tok.head.children) if c.dep_ in ("xcomp", "ccomp")
                and c.pos_ == "VERB" and c.i != tok.i), None)
    if act is not None:
        subj = next((c for c in list(act.children) + list(tok.head.children) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lemma_.lower() in SCHEDULED_NOUNS and act.lemma_.lower() in (
                "come", "arrive", "land", "emerge", "appear"):
            return True
        if _procedure(act):
            return True
        return act.lemma_.lower() in SCHEDULED_ACTS and not any(c.dep_ == "dobj" and c.lemma_.lower() not in
                                                                SCHEDULED_NOUNS for c in act.children)
    thing = next((c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if any(c.dep_ in ("xcomp", "ccomp", "acomp", "oprd") for c in tok.children) or (
            thing is not None and any(w.like_num for w in thing.subtree)):
        return False  # "the count is expected to be close", "a total of 300 seats is expected": forecasts
    # ("a higher figure is expected", "a count above two is expected" forecast the number itself)
    return thing is not None and thing.lemma_.lower() in SCHEDULED_NOUNS and not any(
        c.tag_ in ("JJR", "RBR") or c.dep_ in ("nummod", "relcl", "acl")
        or (c.dep_ == "prep" and c.lower_ not in ("of", "from", "for", "in", "on")) for c in thing.children)


def _procedure(act) -> bool:
    lemma = act.lemma_.lower()
    parts = {c.lower_ for c in act.children if c.dep_ in ("prt", "prep")}
    # ("vote on the bill", not "vote down the budget on Thursday")
    vote_on = lemma == "vote" and act.i + 1 < len(act.doc) and act.doc[act.i + 1].lower_ == "on" and not any(
        w.ent_type_ in ("DATE", "TIME") for w in act.doc[act.i + 1].subtree)
    return lemma in PROCEDURES or (lemma == "take" and "up" in parts) or vote_on


def _restated(tok) -> bool:
    """A view told as past background about its holder: "the analyst who last week predicted
    members would reject it", "who last month gave the deal a 60-40 chance"; or one that events
    overtook: "economists had expected 3.4 per cent"."""
    if tok.lemma_.lower() in ("expect", "predict", "forecast", "anticipate") and any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in tok.children):
        return True
    t = tok
    for _ in range(8):
        if t.dep_ == "relcl":
            return t.tag_ == "VBD" or any(c.tag_ == "VBD" for c in t.children if c.dep_ in ("aux", "auxpass"))
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _first_person(tok) -> bool:
    """"We will count again", and in reported speech "he told me he will vote yes": an intention."""
    verb = tok if tok.lower_ == "going" or tok.dep_ != "aux" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lower_ in ("i", "we"):
        return True
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in SPEECH
    # "he told me he will vote yes"; "the company says its rocket will make its first attempt": a plan
    return reported and (subj.lower_ in ("he", "she", "they") or any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj.children))


def _our_fate(tok) -> bool:
    """"We are going to stay up", "we will still be a first-division club": "we" forecasting what
    happens to their side (an outcome verb), not what they will do ("we will appeal"). Whose side
    "we" is, only the corpus can tell (``corpus.assessments``)."""
    verb = tok if tok.lower_ == "going" or tok.dep_ != "aux" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lower_ == "going":
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    if subj is None or subj.lower_ != "we":
        return False
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in ("win", "lose"):  # "we will win the title", not "we will win back the fans"
        return all(o.lemma_.lower() in FATES for o in objects) and not any(c.dep_ == "prt" for c in verb.children)
    if lemma in ("stay", "remain"):  # "we will stay up", "remain in the league", not "stay in touch"
        return not objects and not any(t.lower_ in ("touch", "contact", "calm", "firm", "united", "focused", "humble")
                                       for t in verb.subtree)
    if lemma == "be":  # "we will still be a first-division club", "we will be champions"
        return any(c.dep_ in ("attr", "prep") for c in verb.children) and not any(
            t.lower_ in ("back", "ready", "there", "here", "watching", "talking", "looking") for t in verb.children)
    return lemma in ("survive", "finish", "qualify", "prevail", "triumph")


# What a side wins or loses when its forecast is of its fate: the prize, not "the fans", "the argument"
FATES = {"title", "league", "cup", "championship", "election", "race", "match", "game", "final", "tie", "series",
         "seat", "seats", "vote", "case", "appeal", "majority", "trophy", "crown", "promotion", "it", "this", "that"}


def _content(tokens) -> list[str]:
    return [t.lower_ for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2]


def find_judgements(doc, quotes: list, dates: list = (), published: str | None = None) -> list[Judgement]:
    """Sentences that state how likely something is, with their holder and how the stance was read.

    ``quotes`` are the document's quotes (``extract.quotes.Quote``): a judgement
    inside one belongs to its speaker.  ``dates`` (``extract.dates.DateMention``) and
    ``published`` give each judgement the time it expects its event, when the
    sentence names one still ahead, and find forecasts of *when* with no word of
    likelihood ("My estimate is a breakthrough in late May").
    """
    out: list[Judgement] = []
    sents = list(doc.sents)
    whole = doc.text  # spaCy rebuilds ``doc.text`` from the tokens on every access
    for n, sent in enumerate(sents):
        got = cue_of(sent, _scheduled)
        timing = False
        if got is None:
            got = _timing_frame(sent, whole)
            if got is None:
                continue
            timing = True
        tok, stance, how = got
        when = _window(whole, sent, tok, dates, published)
        if timing and not when:
            continue
        cond = None if surprise_if(how) else conditional(tok)
        if cond:
            continue  # "if troops cross, ..." states a consequence, not an expectation
        # (in a quote only: in "he said we will win" whose "we" it is, the sentence does not say)
        spoken = any(q.start <= tok.idx < q.end and q.kind == "direct" for q in quotes)
        ours = how[0].startswith("plain future") and _our_fate(tok) and spoken
        if how[0].startswith("plain future") and _first_person(tok) and not ours:
            if not (when and spoken):
                continue  # "we will count again": a pledge of what the speaker will do, not a forecast
            # "“We will break through in the third week of April,” she said": the one who does it
            # says when, in words of their own (not "X says its army will hold an exercise in May")
            timing, how = True, [f"a forecast of when (“{'will' if tok.lower_ == 'wo' else tok.text}” with a date)"]
        if timing and stance == "unlikely":
            # "We won't break through until mid-May": expected from mid-May on
            when = _window(whole, sent, tok, dates, published, negated=True)
            if not when:
                continue
            stance, how = "likely", how + ["negated: the time it rules out leaves the time after it"]
        if _restated(tok):
            continue
        quote = next((q for q in quotes if q.start <= tok.idx < q.end), None)
        holder_name = holder_start = None
        if quote is not None:
            holder_name, holder_start = quote.speaker_name, quote.speaker_start
        else:
            subj = _judging_subject(tok)
            if subj is None and how[0].startswith(STATED):
                subj = _who_puts_odds(tok)
            if subj is not None:
                holder_name, holder_start = subj
        if timing and holder_name is None:
            continue  # the writer's own timetable narrates
        words = _content(sent)
        for lead in sents[max(0, n - LEAD):n]:
            # "I doubt it very much": what "it" is, the sentences before say; a quote may answer
            # the paragraph before it, the writer's own sentence only its own paragraph
            if quote is not None or "\n\n" not in whole[lead.start_char:sent.start_char]:
                words += _content(lead)
        if quote is not None:
            words += _content(doc.char_span(quote.start, quote.end, alignment_mode="expand") or [])
        text = sent.text.strip()
        a = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append(Judgement(a, a + len(text), text, stance, tok.text, tok.idx, how, holder_name, holder_start,
                             (quote.start, quote.end) if quote is not None else None, sorted(set(words)),
                             _event(tok), _actor(tok),
                             _anaphoric(tok) or (how[0].startswith(("idiom", STATED)) and _phrase_about_it(tok)),
                             ours, *_subject(tok), when, timing))
    return out


def _event_clause(tok):
    """The clause of the event a cue judges: "break through in April" of "We will break through in April"."""
    node = _clause_down(tok.head if tok.dep_ in ("aux", "advmod", "neg") else tok)[-1]
    return list(node.subtree)


def _window(text: str, sent, tok, dates: list, published: str | None, negated: bool = False) -> list[str] | None:
    """When the judged event is expected: a time in the event's own clause first ("the vote on 10
    April and the breakthrough in June": June, for the breakthrough), else the sentence's first."""
    clause = _event_clause(tok)
    if len(clause) < len(sent):
        a, b = clause[0].idx, clause[-1].idx + len(clause[-1])
        found = forecast_window(text, a, b, dates, published, negated)
        if found:
            return found
    return forecast_window(text, sent.start_char, sent.end_char, dates, published, negated)


# A forecast of when with no word of likelihood: "My honest estimate is a breakthrough in late
# May", "Our money is on June", "I'd say the middle of May".  (Not "my call" or "pencilled in":
# "My call with the contractors is set for 20 April" is a diary.)
_TIMING_FRAME = re.compile(r"\b(?:(?:my|our|his|her|their)\s+(?:\w+\s+){0,2}?(?P<noun>estimate|guess|bet|money|forecast|"
                           r"prediction)\b|I(?:['’]d| would)\s+(?P<say>say|guess)\b)", re.I)


def _timing_frame(sent, text: str):
    """(token, "likely", how) for a sentence that says when something will be with a frame of
    its own ("my estimate is", "I'd say"), else None.  (``text`` is the document's: spaCy
    rebuilds ``sent.text`` on every access, and this runs on every sentence without a cue.)"""
    m = _TIMING_FRAME.search(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    at = m.start(next(k for k in ("noun", "say") if m.group(k)))
    tok = next((t for t in sent if t.idx >= at), None)
    if tok is None:
        return None
    return tok, "likely", [f"a forecast of when (“{m.group(0)}”)"]


def earlier_views(doc, judgements: list[Judgement], dates: list, published: str | None) -> set[int]:
    """Starts of the judgements that report a view as it stood in an earlier month: "your people
    gave us three chances in ten in January", "In May the fund put the odds at 40%" (published
    later).  The date must hang on the verb that states the view, in the past tense ("said on
    Monday that it expects" dates the saying, and the view is today's)."""
    if not published:
        return set()
    out = set()
    for j in judgements:
        cue = doc.char_span(j.cue_start, j.cue_start + 1, alignment_mode="expand")
        if cue is None or not len(cue):
            continue
        verb = _verb_of(cue[0])
        if verb is None or not (verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)):
            continue
        for d in dates:
            if not (j.start <= d.start < j.end) or not _a_month_before(d.value, published):
                continue
            at = doc.char_span(d.start, d.end, alignment_mode="expand")
            if at is None or not len(at) or (hung := _hung_on(at.root)) is None or hung.i != verb.i:
                continue
            if verb.lemma_.lower() in _EXPECTING and at.start > verb.i:
                continue  # "now expected the road in March": when it is expected, not when it was said
            out.add(j.start)
    return out


_EXPECTING = {"expect", "predict", "forecast", "anticipate", "see", "foresee", "project"}


def _a_month_before(value: str, published: str) -> bool:
    """A month before the publication's, or a day four weeks before it or more ("on Friday" is news)."""
    if value.startswith("-") or len(value) < 7:
        return False
    if len(value) == 7:
        return value < published[:7]
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(value[:10])).days >= 28
    except ValueError:
        return False


def _hung_on(tok):
    """The verb a date's words hang on directly ("gave ... in January", "Back in December, he
    predicted"), not through a noun ("a cut in July" dates the cut)."""
    head = tok.head
    if head.dep_ == "advmod" and head.pos_ == "ADV":
        head = head.head  # "back in December"
    return head if head.i != tok.i and head.pos_ in ("VERB", "AUX") else None


def _verb_of(tok):
    """The verb a word hangs on (itself if it is one)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _phrase_about_it(tok) -> bool:
    """A fixed phrase or a number said of "it" ("It's in the balance now", "Call it a toss-up"):
    what "it" is, the sentences before say."""
    verb = tok
    while (verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("compound", "amod")) and verb.head.i != verb.i:
        verb = verb.head
    # every argument down the clause ("They are poised to approve a budget" names the budget),
    # and "it" or "this" only: "they" is mostly an actor, not the question
    args = _arguments([verb] + _clause_down(verb))
    return bool(args) and all(a.lower_ in ("it", "this", "that") for a in args)


JUDGING = {"doubt", "expect", "believe", "think", "assess", "predict", "fear", "suspect", "reckon", "estimate",
           "anticipate", "argue", "warn", "say", "write", "conclude", "judge", "consider", "see", "forecast"}


def _who_puts_odds(tok) -> tuple[str, int] | None:
    """"Carrick Bet make Dunmere 9/2 outsiders", "Fieldstat's model gives them a 23 per cent
    chance": the named subject of the verb that states the number (its owner, for a model)."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ == "nsubj"
                         and not c.left_edge.i <= tok.i <= c.right_edge.i), None)  # not the odds' own phrase
            if subj is not None:
                owner = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                named = owner if owner is not None else subj
                if named.pos_ != "PROPN":
                    return None
                words = [w for w in named.subtree if w.dep_ in ("compound", "nsubj", "poss") and w.pos_ == "PROPN"]
                words = [w for w in words if w.i <= named.i] or [named]
                a, b = words[0].idx, named.idx + len(named)
                return tok.doc.text[a:b], a
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _judging_subject(tok) -> tuple[str, int] | None:
    """"Experts doubt the ability ...", "the institute expects ...": the subject of a verb of judging
    that governs the cue (the actor of the event, "the cabinet will likely avoid", is not a holder)."""
    t = tok
    for _ in range(6):
        if t.pos_ == "VERB" and t.lemma_.lower() in JUDGING:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.lower_ in ("i", "we", "it", "there"):
                return None
            words = [w for w in subj.subtree if w.dep_ not in ("relcl", "punct")]
            a, b = words[0].idx, words[-1].idx + len(words[-1])
            return tok.doc.text[a:b], a
        if t.head.i == t.i:
            return None
        t = t.head
    return None
