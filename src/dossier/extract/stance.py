"""Judgements of likelihood in one parsed document: who expects what, how strongly, and why we say so.

Rules over spaCy's parse, written by hand because no library reads stance
toward an arbitrary question offline.  A judgement is a sentence that says how
likely something is; which judgements bear on the story's question is decided
later, over the corpus (``corpus.assessments``), because the question can
change after the documents were read.

Each judgement records *how* its stance was decided, in words a reader can
check: the cue ("unlikely", "may", "the probability is high"), a negation that
flips it ("not likely", "I doubt"), a hedge that softens it ("I cannot promise
..."), a verb that turns the event down ("will resist any incitement").
Conditional sentences ("if troops cross, ...") state consequences, not
expectations, and are skipped.  The cue words are general English.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from dossier.extract.odds import STATED, stated_odds

LIKELY = {"likely", "probable", "probably", "certainly", "definitely", "surely", "inevitable", "inevitably",
          "imminent", "certain", "bound", "expect", "predict", "anticipate", "sure", "undoubtedly"}
UNLIKELY = {"unlikely", "improbable", "doubt", "doubtful", "slim", "remote", "impossible",
            "implausible", "unthinkable", "nil"}
POSSIBLE = {"may", "might", "could", "possible", "possibly", "possibility", "perhaps", "maybe", "potential",
            "potentially", "risk", "chance", "conceivable", "conceivably", "scenario"}
# Nouns whose size is the stance: "the probability is high", "the likelihood remains low".
PROBABILITY_NOUNS = {"probability", "likelihood", "chance", "chances", "odds", "prospect", "prospects", "risk"}
HIGH = {"high", "higher", "good", "strong", "considerable", "significant", "great", "growing", "real", "increasing"}
LOW = {"low", "lower", "slim", "small", "little", "remote", "minimal", "negligible", "poor", "zero", "nil", "diminishing"}
# Verbs that turn the event down: "the cabinet will try to resist any call for a decree".
AVERSE = {"avoid", "resist", "refuse", "evade", "reject", "shun", "decline", "oppose", "prevent", "rule"}
AVERSE_ADJ = {"reluctant", "unwilling", "afraid", "scared", "hesitant", "unable", "unready", "wary", "loath"}
HEDGES = {"promise", "guarantee", "rule", "exclude"}  # "I cannot promise / rule out / exclude ..."
CONDITIONS = {"if", "unless", "should", "once", "whenever"}
# Nouns of possibility state a stance only about something: "the risk that/of ...", "the bigger
# risk was manufacturing"; not "put anyone at risk", "the country risk index", "welcomes the chance to".
OPEN_NOUNS = {"risk", "chance", "possibility", "scenario", "potential"}
# Who is expected to win a contest, in the words of sport and elections.
CONTEST = {"favourite": "likely", "favorite": "likely", "frontrunner": "likely", "front-runner": "likely",
           "outsider": "unlikely", "underdog": "unlikely"}
# What one sees none of to doubt an event: "I don't see room for a cut".
ROOM_NOUNS = {"room", "reason", "scope", "way", "prospect", "case", "chance"}
# Verbs of belief whose negation turns the judgement under them round: "he does not believe
# the army will enter the war" is a doubt, though "will" alone reads as a forecast.
BELIEVING = {"believe", "think", "expect", "see", "imagine", "foresee", "anticipate", "reckon", "suppose"}
# A wish about an event is not a forecast of it: "would certainly like this", "I hope it will".
WISHING = {"like", "love", "want", "wish", "prefer", "hope"}
DURATIONS = {"year", "month", "week", "day", "hour", "decade", "minute"}
# What "could not be verified" says is the reporter's practice, not a forecast.
REPORTING_CHECKS = {"verify", "confirm", "reach", "establish", "determine", "identify", "corroborate"}
LEAD = 4  # sentences before a judgement that may say what it is about


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
    actor: str | None = None  # who the judged event is about ("Glenmuir" in "Glenmuir remain favourites")

    def to_dict(self) -> dict:
        d = asdict(self)
        d["quote"] = list(self.quote) if self.quote else None
        return d


def _negated(tok) -> str | None:
    """The negation on a token or the verb it hangs on ("not likely", "does not expect", "cannot")."""
    for t in (tok,) if tok.dep_ == "conj" else (tok, tok.head):
        for c in t.children:
            if c.i != tok.i and (c.dep_ == "neg" or c.lower_ in ("not", "n't", "never", "no")):
                return c.text
        if t.dep_ in ("ROOT",):
            break
    return None


def _if_clause(t) -> str | None:
    """The conditional conjunction of an adverbial clause hanging on ``t``, if any."""
    for c in t.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children):
            return next(m.text for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITIONS)
    return None


def _negated_here(tok) -> str | None:
    """The negation on this very verb ("don't think"), not on the clause above it."""
    neg = next((c for c in tok.children if c.dep_ == "neg"), None)
    return neg.text if neg is not None else None


def _conditional(tok) -> str | None:
    """Is the token inside an "if ..." clause (or is its clause the consequence of one)?

    "By entering the war, Belarus will be evicted" states a consequence as much as an "if" does;
    so does "I'm sure he would give the order if ...": a "would" under the cue with its own
    condition is counterfactual, whatever the cue above it says.
    """
    t = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children):
            return next(c.text for c in t.children if c.dep_ == "mark" and c.lower_ in CONDITIONS)
        cond = _if_clause(t)  # "if troops crossed, this could pose a threat": the consequence
        if cond:
            return cond
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children):
                return "by …ing"
        if t.head.i == t.i:
            break
        t = t.head
    for t in tok.head.subtree if tok.pos_ not in ("VERB", "AUX") else tok.subtree:
        if t.pos_ in ("VERB", "AUX") and any(c.lower_ == "would" and c.dep_ == "aux" for c in t.children):
            cond = _if_clause(t)
            if cond:
                return f"would … {cond}"
    return None


def _states_something(tok) -> bool:
    """A noun of possibility with a content: "the risk that/of ...", "the risk is ...", "there is a chance"."""
    if any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in tok.children):
        return True
    if any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in ("nsubj", "attr") and head.lemma_.lower() in ("be", "remain", "seem", "exist", "grow"):
        return True
    return False


def _negated_belief(tok) -> str | None:
    """"He does not believe (that) the army will enter": the negated verb of belief above the cue."""
    t = tok if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" else tok.head
    for _ in range(4):
        if t.dep_ not in ("ccomp", "xcomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() in BELIEVING and t.pos_ == "VERB":
            neg = _negated_here(t)
            return f"{neg} {t.text}" if neg else None
    return None


def _averse(tok) -> str | None:
    """A verb on the way from the cue to the event that turns it down ("will try to resist")."""
    for t in tok.subtree if tok.pos_ in ("VERB", "AUX") else tok.head.subtree:
        if t.dep_ == "conj" and [w.lower_ for w in t.doc[max(0, t.i - 2):t.i]] == ["rather", "than"]:
            continue  # "approve it rather than reject it": the rejected alternative
        if t.lemma_.lower() in AVERSE and t.pos_ == "VERB" and not (t.lemma_.lower() == "rule" and any(
                c.lower_ == "out" for c in t.children)):
            return t.text
        if t.lemma_.lower() in AVERSE_ADJ and t.pos_ == "ADJ":
            return t.text  # "too scared to risk sending troops", "reluctant to"
        if t.lower_ == "too" and t.head.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in t.head.children):
            return f"too {t.head.text} to"
    return None


SURPRISE = "“surprised if”"  # a cue whose "if" is part of it: "I'd be surprised if it was even close"


def _cue_of(sent) -> tuple[object, str, list[str]] | None:
    """The strongest stance cue of a sentence: (token, stance, how)."""
    stated = stated_odds(sent)
    if stated is not None:
        return stated
    found = []
    settled = set()  # cues whose reading already includes their negation
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if lemma in PROBABILITY_NOUNS and tok.pos_ == "NOUN":
            size = next((t for t in list(tok.head.children) + list(tok.children)
                         if t.lemma_.lower() in HIGH | LOW and t.i != tok.i), None)
            if size is not None:
                stance = "likely" if size.lemma_.lower() in HIGH else "unlikely"
                found.append((0, tok, stance, [f"“{tok.text} … {size.text}”"]))
                continue
        if lemma in BELIEVING and tok.pos_ == "VERB" and tok.dep_ != "aux" and _negated_here(tok) and any(
                c.dep_ == "ccomp" for c in tok.children):
            found.append((1, tok, "unlikely", [f"“{_negated_here(tok)} {tok.text}”"]))  # "I don't think it gets ..."
            settled.add(tok.i)
            continue
        if lemma == "see" and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ROOM_NOUNS), None)
            denied = obj is not None and (_negated_here(tok) or any(c.lower_ == "no" for c in obj.children))
            if denied:
                # "I don't see room for a cut": unlikely; "I see no reason why it should not be granted": likely
                double = any(d.dep_ == "neg" for d in obj.subtree if d.i > obj.i)
                found.append((1, tok, "likely" if double else "unlikely",
                              [f"“{tok.text} no {obj.text}”" + (" with a negated clause" if double else "")]))
                settled.add(tok.i)
                continue
        if lemma == "surprised" and tok.dep_ == "acomp" and any(
                c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in tok.head.children):
            neg = _negated(tok)
            found.append((1, tok, "likely" if neg else "unlikely", [SURPRISE] + ([f"negated by “{neg}”"] if neg else [])))
            settled.add(tok.i)
            continue
        if lemma == "set" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children) \
                and (tok.head.lemma_.lower() in ("look", "seem", "appear") or any(c.lemma_ == "be" for c in tok.children)):
            found.append((1, tok, "likely", ["“set to”"]))  # "looks set to cut", "is set to win"
            continue
        if lemma == "have" and tok.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("vote", "number", "majority")
                and any(d.lower_ == "the" for d in c.children) for c in tok.children):
            found.append((1, tok, "likely", ["“have the votes”"]))  # the count that decides is in hand
            continue
        if lemma in CONTEST and tok.pos_ == "NOUN" and tok.dep_ in ("attr", "ccomp", "oprd", "xcomp"):
            found.append((1, tok, CONTEST[lemma], [f"“{tok.text}”"]))  # "remain firm favourites", "makes them outsiders"
            continue
        if lemma in ("fear", "fears") and tok.pos_ == "NOUN" and _states_something(tok):
            found.append((1, tok, "possible", [f"reported “{tok.text}”"]))  # "fears that X may ..."
            continue
        if lemma == "struggle" and tok.pos_ == "VERB" and any(c.dep_ == "xcomp" for c in tok.children):
            found.append((1, tok, "unlikely", [f"“{tok.text} to”"]))  # "would struggle to produce"
            continue
        if low == "close" and any(c.lower_ == "too" for c in tok.children) and any(
                c.dep_ == "xcomp" and c.lemma_.lower() == "call" for c in tok.children):
            found.append((1, tok, "possible", ["“too close to call”"]))
            continue
        if lemma in ("expect", "anticipate", "predict") and (tok.dep_ == "amod" or any(
                c.lower_ in ("than", "as") and c.dep_ == "mark" for c in tok.children)):
            continue  # "longer than anticipated", "as expected", "expected inflation": not a forecast
        if lemma in OPEN_NOUNS and tok.pos_ == "NOUN" and not _states_something(tok):
            continue
        if low in ("potential", "possible") and tok.dep_ == "amod":
            continue  # "potential partners", "a possible effort to": a label, not a judgement
        if lemma in UNLIKELY or low in UNLIKELY:
            found.append((1, tok, "unlikely", [f"cue “{tok.text}”"]))
        elif lemma in LIKELY or low in LIKELY:
            if lemma in ("expect", "predict", "anticipate") and tok.pos_ != "VERB":
                continue
            if low == "sure" and not any(c.dep_ in ("nsubj",) for c in tok.head.children):
                continue
            if low == "bound" and not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"):
                continue  # "strike-bound port" is not "bound to"
            found.append((1, tok, "likely", [f"cue “{tok.text}”"]))
        elif low in ("will", "wo", "shall") and tok.dep_ == "aux":
            found.append((3, tok, "likely", [f"plain future “{tok.text}”"]))
        elif low == "going" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                    for c in tok.children) and any(c.lemma_ == "be" for c in tok.children):
            found.append((3, tok, "likely", ["plain future “going to”"]))
        elif (lemma in POSSIBLE or low in POSSIBLE) and not (low in ("risk", "chance") and tok.pos_ == "VERB") \
                and not (low in ("may", "might", "could") and (tok.pos_ not in ("AUX", "VERB") or not tok.is_lower)):
            found.append((2, tok, "possible", [f"cue “{tok.text}”"]))
        elif low == "can" and tok.dep_ == "aux" and tok.head.dep_ == "ccomp" and \
                tok.head.head.lemma_.lower() in BELIEVING and not _negated_here(tok.head.head):
            found.append((2, tok, "possible", [f"“{tok.head.head.text} … can”"]))  # "I believe we can win this"
        elif lemma in HEDGES and tok.pos_ == "VERB" and _negated(tok):
            found.append((1, tok, "possible", [f"hedge “{_negated(tok)} {tok.text}”"]))
    found = [f for f in found if not _idle_cue(f[1])]
    if not found:
        return None
    rank, tok, stance, how = min(found, key=lambda f: (f[0], _depth(f[1]), f[1].i))
    if rank == 1 and tok.lemma_.lower() in HEDGES:
        return tok, stance, how
    neg = None if tok.i in settled else _negated(tok)
    if neg and not (stance == "possible" and rank == 1):
        if stance == "likely":
            stance, how = "unlikely", how + [f"negated by “{neg}”"]
        elif stance == "unlikely":
            stance, how = "possible", how + [f"negated by “{neg}”"]
        elif stance == "possible":
            stance, how = "unlikely", how + [f"negated by “{neg}”"]
    if stance == "likely" and any(c.lower_ in ("less", "lesser") for c in tok.children):
        stance, how = "possible", how + ["weakened by “less”"]  # "less likely, but not impossible"
    averse = _averse(tok)
    if averse and stance in ("likely", "possible"):
        stance = "unlikely" if stance == "likely" else "possible"
        how = how + [f"the event is turned down (“{averse}”)"]
    doubted = _negated_belief(tok)
    if doubted and stance in ("likely", "possible"):
        stance, how = "unlikely", how + [f"under “{doubted}”"]
    return tok, stance, how


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
    t = _clause_down(tok.head if tok.dep_ in ("aux", "advmod", "neg") else tok)[-1]
    return t.lemma_.lower() if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() != "be" else None


def _actor(tok) -> str | None:
    """The subject of the judged event, when it is named: "Glenmuir" in "Glenmuir remain firm
    favourites" and in "analysts expect Glenmuir to win"; None for pronouns."""
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


def _first_person(tok) -> bool:
    verb = tok if tok.lower_ == "going" else tok.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in verb.children)


def _idle_cue(tok) -> bool:
    """Cues that judge nothing: "could hardly be worse", "couldn't possibly be any better" (evaluations),
    "could not be verified" (the reporter's practice), "could take 15 years" (how long, not whether),
    "would certainly like this" (a wish)."""
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "acomp" and (c.tag_ in ("JJR", "RBR") or c.lower_ in ("better", "worse"))
                             for c in head.children):
        return True
    if tok.lower_ not in ("may", "might", "could", "can", "will", "would", "wo") and tok.dep_ != "advmod":
        return False
    if lemma in WISHING and head.pos_ == "VERB":
        return True
    if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in WISHING:
        return True  # "I hope the council will use it": a wish about the event, not a forecast
    if lemma in ("take", "last") and any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in DURATIONS
                                         for c in head.children):
        return True
    return lemma in REPORTING_CHECKS and any(c.dep_ == "auxpass" for c in head.children)


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _content(tokens) -> list[str]:
    return [t.lower_ for t in tokens if t.is_alpha and not t.is_stop and len(t) > 2]


def find_judgements(doc, quotes: list) -> list[Judgement]:
    """Sentences that state how likely something is, with their holder and how the stance was read.

    ``quotes`` are the document's quotes (``extract.quotes.Quote``): a judgement
    inside one belongs to its speaker.
    """
    out: list[Judgement] = []
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        got = _cue_of(sent)
        if got is None:
            continue
        tok, stance, how = got
        cond = None if how[0] == SURPRISE else _conditional(tok)
        if cond:
            continue  # "if troops cross, ..." states a consequence, not an expectation
        if how[0].startswith("plain future") and _first_person(tok):
            continue  # "we will count again": a pledge of what the speaker will do, not a forecast
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
        words = _content(sent)
        for lead in sents[max(0, n - LEAD):n]:
            # "I doubt it very much": what "it" is, the sentences before say; a quote may answer
            # the paragraph before it, the writer's own sentence only its own paragraph
            if quote is not None or "\n\n" not in doc.text[lead.start_char:sent.start_char]:
                words += _content(lead)
        if quote is not None:
            words += _content(doc.char_span(quote.start, quote.end, alignment_mode="expand") or [])
        text = sent.text.strip()
        a = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        out.append(Judgement(a, a + len(text), text, stance, tok.text, tok.idx, how, holder_name, holder_start,
                             (quote.start, quote.end) if quote is not None else None, sorted(set(words)),
                             _event(tok), _actor(tok)))
    return out


JUDGING = {"doubt", "expect", "believe", "think", "assess", "predict", "fear", "suspect", "reckon", "estimate",
           "anticipate", "argue", "warn", "say", "write", "conclude", "judge", "consider", "see", "forecast"}


def _who_puts_odds(tok) -> tuple[str, int] | None:
    """"McBride Bet make Invercraig 9/2 outsiders", "Pitchmetric's model gives them a 23 per cent
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
