"""The stance cue of one sentence: the words and constructions that say how likely something is.

Rules over spaCy's parse, written by hand because no library reads stance
offline.  ``cue_of`` finds the strongest cue of a sentence ("unlikely", "may",
"the probability is high", "I reckon it gets knocked back", "a long shot") and
reads what turns it round: a negation ("not likely", "I doubt"), a hedge ("I
cannot promise ..."), a verb that turns the event down ("will resist any
incitement"), a denied belief ("nobody believes it").  ``conditional`` says
when a cue states a consequence ("if troops cross, ...") instead of an
expectation.  The cue words are general English; numbers are ``odds``'s and
fixed phrases ``idioms``'s.
"""

from __future__ import annotations

import re

from dossier.extract.idioms import idiom_in
from dossier.extract.odds import stated_odds

LIKELY = {"likely", "probable", "probably", "certainly", "definitely", "surely", "inevitable", "inevitably",
          "imminent", "certain", "bound", "expect", "predict", "anticipate", "sure", "undoubtedly", "confident",
          "convinced", "optimistic"}
UNLIKELY = {"unlikely", "improbable", "doubt", "doubtful", "slim", "remote", "impossible",
            "implausible", "unthinkable", "nil", "pessimistic", "sceptical", "skeptical"}
POSSIBLE = {"may", "might", "could", "possible", "possibly", "possibility", "perhaps", "maybe", "potential",
            "potentially", "risk", "chance", "conceivable", "conceivably", "scenario",
            "achievable", "feasible", "doable", "realistic", "realistically", "plausible", "attainable"}
# Adjectives of possibility that label a noun rather than judge an event: "potential partners".
LABELLING = {"potential", "possible", "realistic", "plausible", "feasible", "achievable", "attainable"}
# Attitudes that judge when said of someone ("she was optimistic that ..."), not when they label a
# noun ("the most optimistic broker estimates").
ATTITUDES = {"confident", "optimistic", "pessimistic", "sceptical", "skeptical"}
# Nouns whose size is the stance: "the probability is high", "the likelihood remains low".
PROBABILITY_NOUNS = {"probability", "likelihood", "chance", "chances", "odds", "prospect", "prospects", "risk"}
HIGH = {"high", "higher", "good", "strong", "considerable", "significant", "great", "growing", "real", "increasing"}
MIDDLING = {"decent", "fair", "reasonable", "outside", "even", "moderate"}  # "a decent chance": open, not firm
LOW = {"low", "lower", "slim", "small", "little", "remote", "minimal", "negligible", "poor", "zero", "nil", "diminishing"}
# Verbs that turn the event down: "the cabinet will try to resist any call for a decree".
AVERSE = {"avoid", "resist", "refuse", "evade", "reject", "shun", "decline", "oppose", "prevent", "rule"}
AVERSE_ADJ = {"reluctant", "unwilling", "afraid", "scared", "hesitant", "unable", "unready", "wary", "loath"}
# Verbs of an event failing, and phrasal verbs of turning it down: "it gets knocked back".
FAILING = {"fail", "collapse", "founder", "flop", "falter", "stall", "sink", "miss"}
FAILURES = {"miss", "failure", "defeat", "flop", "collapse", "rejection", "no", "loss", "delay"}  # "lean towards a miss"
AVERSE_PHRASAL = {("throw", "out"), ("knock", "back"), ("turn", "down"), ("vote", "down"), ("fall", "through"),
                  ("fall", "apart"), ("push", "back"), ("call", "off"), ("shoot", "down")}
HEDGES = {"promise", "guarantee", "rule", "exclude"}  # "I cannot promise / rule out / exclude ..."
# Words of certainty: denying them leaves the event open ("not certain" is possible, not unlikely).
CERTAINTY = {"certain", "certainly", "sure", "surely", "assured", "guaranteed", "definite", "definitely", "inevitable",
             "inevitably"}
# "Would be unusual": a rarity stated of the event is a doubt about it.
RARE = {"unusual", "rare", "unprecedented", "extraordinary", "remarkable", "unheard"}
CONDITIONS = {"if", "unless", "should", "once", "whenever", "provided", "providing"}
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
# Verbs of belief whose plain-present clause is a forecast: "I reckon it gets knocked back".
OPINING = {"think", "reckon", "believe", "suspect", "guess", "bet", "feel"}
# "My sense is it goes through": nouns of one's own reading of what will happen.
HUNCHES = {"sense", "feeling", "hunch", "guess", "bet", "instinct", "gut", "expectation", "view"}
# "Nobody believes it", "few expect it": a subject that denies the belief.
DENYING = {"nobody", "none", "few", "no-one"}
# Feelings whose "if" clause names what the speaker does not expect: "I'd be astonished if it fails".
SURPRISED = {"surprised", "astonished", "amazed", "shocked", "stunned", "staggered", "flabbergasted"}
# A wish about an event is not a forecast of it: "would certainly like this", "I hope it will".
WISHING = {"like", "love", "want", "wish", "prefer", "hope"}
DURATIONS = {"year", "month", "week", "day", "hour", "decade", "minute"}
# What "could not be verified" says is the reporter's practice, not a forecast.
REPORTING_CHECKS = {"verify", "confirm", "reach", "establish", "determine", "identify", "corroborate"}


def _negated(tok) -> str | None:
    """The negation on a token or the verb it hangs on ("not likely", "does not expect", "cannot")."""
    for t in (tok,) if tok.dep_ == "conj" else (tok, tok.head):
        for c in t.children:
            if c.i != tok.i and (c.dep_ == "neg" or c.lower_ in ("not", "n't", "never", "no")) and not (
                    c.lower_ == "no" and _numbered(c)):
                return c.text  # (not "No. 10 is likely to approve")
        # "there will be no road this winter", "there is likely to be no deal", "no deal will be signed":
        # the "no" is on what there will (not) be
        to_be = [x for x in tok.children if x.dep_ == "xcomp" and x.lemma_ == "be"]
        if any(c.dep_ == "acomp" for x in to_be for c in x.children):
            continue  # "no deal is likely to be perfect": none is perfect, not none will be
        for b in [t] + to_be:
            for c in b.children:
                if (c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "attr" and b.lemma_ == "be")) and any(
                        d.lower_ == "no" and d.dep_ == "det" and _no_thing(d) for d in c.children):
                    return "no"
        if t.dep_ in ("ROOT",):
            break
    if tok.pos_ in ("VERB", "AUX"):
        # "Few outside the valley would bet on it", "nobody expects a deal": a subject that denies it
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if _denying(subj):
            return subj.text
    return None


# Nouns that "no" turns into a yes: "no shortage of bidders", "no let-up in the fighting"
_NO_LACK = {"shortage", "lack", "let", "let-up", "letup", "problem", "problems", "end", "sign", "signs", "doubt", "question",
            "slowdown", "break", "respite", "pause", "fewer", "less", "small"}


def _numbered(no) -> bool:
    """"No. 10", "No 10" (Downing Street, a number), not the word no."""
    nxt = no.doc[no.i + 1] if no.i + 1 < len(no.doc) else None
    return nxt is not None and (nxt.text == "." or nxt.like_num)


def _no_thing(det) -> bool:
    """Is this "no" a negation of its noun ("no deal"), not "no shortage of", "No. 10", "no fewer than"?"""
    nxt = det.doc[det.i + 1] if det.i + 1 < len(det.doc) else None
    if nxt is None or _numbered(det):
        return False
    return nxt.lower_ not in _NO_LACK and det.head.lower_ not in _NO_LACK


def _denying(subj) -> bool:
    """"Nobody", "few", "no one" (not "a few", "quite a few": they affirm)."""
    if subj is None:
        return False
    if subj.lower_ == "few" and any(c.lower_ in ("a", "quite") for c in subj.children):
        return False
    return subj.lower_ in DENYING or (subj.lower_ in ("one", "body") and any(c.lower_ == "no" for c in subj.children))


# "If I were betting", "if you ask me", "if I'm honest": an "if" that frames the speaker's view
# instead of a condition on the event.
FRAMING = {"bet", "guess", "wager", "gamble", "honest", "frank", "candid"}
_PUTTING = {"say", "price", "put", "pick", "choose", "call", "name", "predict", "forecast"}  # "if I had to ..."
# What "I see it ...ing" forecasts (not "I see them coming every morning", which is seen)
_OUTCOMES = {"pass", "happen", "win", "work", "succeed", "go", "get", "fail", "collapse", "survive", "last", "hold",
             "end", "stick", "clear", "scrape", "sail", "fly", "land", "reach"}
_ASKED_FOR = {"number", "figure", "guess", "prediction", "answer", "view", "call", "forecast", "estimate", "price",
              "percentage", "probability", "bet", "opinion", "verdict", "money", "winner", "side", "favourite",
              "favorite", "horse", "name", "one", "cash", "pound", "dollar", "euro", "shirt", "house"}


def _framing(clause) -> bool:
    lemma = clause.lemma_.lower()
    if lemma == "say" and clause.head.lemma_.lower() == "lie":
        return True  # "I'd be lying if I said I expected it": a denial, not a condition
    subject = next((c.lower_ for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if lemma == "ask" and subject == "you":
        return True  # "if you ask me" (not "if the ministry asks for troops")
    if lemma in ("push", "press") and subject is None:
        return True  # "if pressed"
    asked = [c for c in clause.children if c.dep_ == "dobj"] + [
        o for p in clause.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if lemma in ("insist", "want", "need") and subject == "you" and (
            not asked or all(t.lemma_.lower() in _ASKED_FOR for t in asked)):
        return True  # "if you insist", "if you want a number" (not "if you want a ceasefire")
    if lemma == "have" and subject == "i" and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in FRAMING | _PUTTING and all(
                t.lemma_.lower() in _ASKED_FOR | {"it", "that", "one"} for t in c.subtree if t.dep_ in ("dobj", "pobj"))
            for c in clause.children):
        return True  # "if I had to price it", "if I had to put a number on it" (not "put the project on hold")
    return lemma in FRAMING or any(c.dep_ == "acomp" and c.lower_ in FRAMING for c in clause.children)


def _if_clause(t) -> str | None:
    """The conditional conjunction of an adverbial clause hanging on ``t``, if any.

    Not "unless" over an affirmative clause: an exception leaves it a forecast ("Unless the
    trough comes early, we'll be lit by Tuesday" expects the light), where "if" makes it a
    consequence.  Over a denial it is the condition the denial waits on ("will not sign unless
    the fishing clause goes")."""
    denied = any(c.dep_ == "neg" or (c.lower_ in ("nothing", "never", "no", "nobody", "none") and c.dep_ != "advcl")
                 for c in t.children)
    exempt = set() if denied else {"unless"}
    for c in t.children:
        marks = [m.text for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITIONS - exempt]
        if c.dep_ == "advcl" and marks and not _framing(c):
            return marks[0]
    return None


def _negated_here(tok) -> str | None:
    """The negation on this very verb ("don't think"), not on the clause above it."""
    neg = next((c for c in tok.children if c.dep_ == "neg"), None)
    return neg.text if neg is not None else None


def conditional(tok) -> str | None:
    """Is the token inside an "if ..." clause (or is its clause the consequence of one)?

    "By entering the war, Belarus will be evicted" states a consequence as much as an "if" does;
    so does "I'm sure he would give the order if ...": a "would" under the cue with its own
    condition is counterfactual, whatever the cue above it says.
    """
    t = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children) and not _framing(t):
            return next(c.text for c in t.children if c.dep_ == "mark" and c.lower_ in CONDITIONS)
        cond = _if_clause(t)  # "if troops crossed, this could pose a threat": the consequence
        if cond:
            return cond
        if any(c.dep_ == "advcl" and any(s.lower_ in ("whatever", "whichever") and s.dep_ in ("nsubj", "dobj")
                                         for s in c.children) for c in t.children):
            return "whatever"  # "Whatever happens next week, the owner will pay": whichever way it goes
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
    if tok.dep_ in ("nsubj", "attr") and (head.lemma_.lower() in ("be", "remain", "seem", "exist", "grow")
                                          or head.lower_ in ("’s", "'s")):  # "there’s a chance": a curly "’s" has no lemma
        return True
    return False


def _negated_belief(tok) -> str | None:
    """"He does not believe (that) the army will enter": the negated verb of belief above the cue."""
    t = tok if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" else tok.head
    for _ in range(4):
        if t.dep_ not in ("ccomp", "xcomp", "advcl") or t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() in BELIEVING | {"pretend", "claim"} and t.pos_ == "VERB":
            neg = _negated_here(t)
            return f"{neg} {t.text}" if neg else None
    return None


def _averse(tok) -> str | None:
    """A verb on the way from the cue to the event that turns it down ("will try to resist")."""
    for t in tok.subtree if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux" else tok.head.subtree:
        if t.dep_ == "conj" and [w.lower_ for w in t.doc[max(0, t.i - 2):t.i]] == ["rather", "than"]:
            continue  # "approve it rather than reject it": the rejected alternative
        if t.lemma_.lower() in AVERSE and t.pos_ == "VERB" and not (t.lemma_.lower() == "rule" and any(
                c.lower_ == "out" for c in t.children)):
            return t.text
        if _turned_down(t):
            return t.text  # "will fail to", "they'll throw it out"
        if t.lemma_.lower() in AVERSE_ADJ and t.pos_ == "ADJ":
            return t.text  # "too scared to risk sending troops", "reluctant to"
        if t.lower_ == "too" and t.head.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in t.head.children):
            return f"too {t.head.text} to"
    return None


def surprise_if(how: list[str]) -> bool:
    """A cue whose "if" is part of it: "I'd be surprised if it was even close", "it would be a
    surprise if ..."."""
    return how[0].endswith(" if”") or "surprise”" in how[0]


def _denied(verb) -> str | None:
    """The negation on a verb of belief: its own "not", or a subject that denies it ("nobody believes")."""
    neg = _negated_here(verb)
    if neg:
        return f"{neg} {verb.text}"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if _denying(subj):
        return f"{subj.text} {verb.text}"
    return None


def _turned_down(verb) -> bool:
    """A verb of failing or a phrasal verb of turning down: "fails", "gets knocked back"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    return lemma in FAILING or (lemma, particle) in AVERSE_PHRASAL


def _plain_present(verb) -> bool:
    """A clause in the plain present, the tense of a confident forecast: "it goes through",
    "it gets knocked back" (not "it is important", not a modal: those are read elsewhere)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in ("be", "have", "say", "mean", "need", "want", "know", "think",
                                                         "believe", "see", "understand", "expect", "hope", "doubt"):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    if verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children) and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True  # "the troops stay": the small model often tags a plural present as the base form
    return verb.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                              for c in verb.children)


# Words that put a present-tense verb ahead in time: "goes this weekend", "flies in May".
_AHEAD = {"tomorrow", "tonight", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
          "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
          "november", "december"}
_PERIODS = {"week", "month", "year", "window", "round", "season", "spring", "summer", "autumn", "winter"}
# Verbs of a routine timetable ("support starts on Monday") and verbs whose clause is a demand
# ("demanded that she appear next Tuesday"): their present is no forecast.
_ROUTINE = {"start", "begin", "open", "close", "end", "run", "resume", "expire", "meet", "sit", "convene", "depart",
            "leave", "return", "take", "come", "fall", "rise"}
_DEMANDING = {"demand", "ask", "insist", "require", "propose", "urge", "suggest", "recommend", "order", "request"}


def _time_ahead(verb) -> str | None:
    """The time expression ahead that a present-tense verb carries, if any."""
    for c in verb.children:
        if c.dep_ in ("npadvmod", "prep", "advmod", "tmod"):
            hit = next((w for w in c.subtree if w.lower_ in _AHEAD or (w.lower_ in _PERIODS and any(
                d.lower_ in ("this", "next") for d in w.children))), None)
            if hit is not None:
                return " ".join(w.text for w in c.subtree)
    return None


def _timetable_present(tok) -> bool:
    """"The probe flies in the first half of May", "she goes this weekend": a plain present with a
    time ahead states what will happen (not "support starts on Monday", not "has fallen")."""
    if tok.pos_ != "VERB" or tok.dep_ not in ("ROOT", "ccomp") or tok.lemma_.lower() in _ROUTINE:
        return False
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _DEMANDING:
        return False
    present = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and any(c.dep_ == "nsubj" for c in tok.children))
    if not present or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return _plain_present(tok) and _time_ahead(tok) is not None


# Verbs of an outcome in general, the words of "it goes through", "get this over the line".
OUTCOME_VERBS = {"happen", "go", "pass", "succeed", "work", "make", "get", "come", "fail", "collapse", "win", "lose",
                 "hold", "stand", "survive", "proceed", "land", "throw", "knock", "slip", "be", "fall", "turn",
                 "carry", "clear", "stay", "remain"}


# Decisions still to be taken, said in the plain present under "I think": "I think the members take
# the deal", "I reckon the committee approves it" (a habit would need "always", "every").
DECISION_VERBS = {"accept", "reject", "approve", "ratify", "refuse", "endorse", "veto", "inscribe", "defer", "uphold",
                  "overturn", "acquit", "convict", "take"}
GIVING_WAY = {"relent", "blink", "cave", "concede", "fold"}  # decisions with no object: "I think the union blinks"
# What is decided on: "accept the deal", "uphold the ban", "defer it" (not "accept the criticism",
# "reject that argument", "uphold high standards", "take the offer as an insult")
OFFERS = {"deal", "offer", "proposal", "settlement", "package", "terms", "plan", "bill", "ban", "appeal", "motion",
          "merger", "agreement", "contract", "budget", "treaty", "nomination", "bid", "law", "measure", "application",
          "licence", "license", "permit", "request", "ruling", "verdict", "decision", "sanctions", "listing", "it",
          "them", "him", "her"}


def _forecast_clause(verb) -> bool:
    """A plain present that says what will happen: an outcome verb ("it goes through"), a decision
    ("the members take the deal"), a verb with a particle ("it gets knocked back"), or a time ahead;
    not an opinion ("the law protects workers")."""
    habit = any(c.lower_ in ("always", "usually", "often", "never", "every", "each") for c in verb.subtree)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    decides = (verb.lemma_.lower() in DECISION_VERBS and len(objects) == 1 and objects[0].lemma_.lower() in OFFERS
               and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)) or (
        verb.lemma_.lower() in GIVING_WAY and not objects and not any(c.dep_ == "ccomp" for c in verb.children))
    return (verb.lemma_.lower() in OUTCOME_VERBS or (decides and not habit)
            or _time_ahead(verb) is not None
            or any(c.dep_ == "prt" for c in verb.subtree if c.head.i == verb.i or c.head.head.i == verb.i)
            or any(c.dep_ == "advmod" and c.lower_ == "through" for c in verb.children))  # "it scrapes through"


def _opinion_clause(tok):
    """The plain-present clause under "I think", "I reckon", "I'd say", "my sense is", if any."""
    lemma = tok.lemma_.lower()
    # "I reckon", "I'd say", and "my gut says", "my heart says": a hunch that speaks
    if tok.pos_ == "VERB" and (lemma in OPINING or (lemma == "say" and any(
            c.lower_ in ("'d", "’d", "would") or (c.dep_ == "nsubj" and c.lemma_.lower() in HUNCHES | {"heart", "head"}
                                                   and any(p.lower_ in ("my", "our") for p in c.children))
            for c in tok.children))):
        return next((c for c in tok.children if c.dep_ == "ccomp" and _plain_present(c) and _forecast_clause(c)), None)
    if tok.pos_ == "NOUN" and lemma in HUNCHES and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
        return next((c for c in tok.head.children if c.dep_ == "ccomp" and _plain_present(c) and _forecast_clause(c)),
                    None)
    return None


def cue_of(sent, idle=lambda tok: False) -> tuple[object, str, list[str]] | None:
    """The strongest stance cue of a sentence: (token, stance, how); cues ``idle`` says judge
    nothing (a timetable's "expected") leave the sentence to its other cues."""
    if sent.text.rstrip(" ”\"’'").endswith("?"):
        return None  # a question asks; it does not judge ("Will the record hold?")
    stated = stated_odds(sent)
    if stated is not None:
        return stated
    found = []
    settled = set()  # cues whose reading already includes their negation
    own_event = set()  # cues that read their own event's turn already ("surprised if it fails")
    idiom = idiom_in(sent.text)
    if idiom is not None:
        at, stance, how = idiom
        tok = next((t for t in sent if t.idx >= sent.start_char + at), sent[-1])
        found.append((1, tok, stance, [how]))
        settled.add(tok.i)
    words = [t for t in sent if t.is_alpha]
    headline = sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)  # "Road Unlikely To Open Before March"
    for tok in sent:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.i > sent.start and tok.text[:1].isupper() and not headline and tok.ent_type_ in (
                "ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "GPE"):
            continue  # "Halden Risk puts ...", "the Likely Lads": a word of a name is no cue
        if lemma in PROBABILITY_NOUNS and tok.pos_ == "NOUN":
            size = next((t for t in list(tok.head.children) + list(tok.children)
                         if t.lemma_.lower() in HIGH | LOW | MIDDLING and t.i != tok.i), None)
            if size is not None:
                stance = ("likely" if size.lemma_.lower() in HIGH else "possible" if size.lemma_.lower() in MIDDLING
                          else "unlikely")
                found.append((0, tok, stance, [f"“{tok.text} … {size.text}”"]))
                continue
        denied = _denied(tok) if lemma in BELIEVING and tok.pos_ == "VERB" and tok.dep_ != "aux" else None
        if denied and any(c.dep_ in ("ccomp", "xcomp") or (
                c.dep_ in ("dobj", "npadvmod") and c.pos_ != "PRON" and lemma in ("believe", "expect"))
                for c in tok.children):
            # "I don't think it gets ...", "Nobody believes October"; "I don't think it's impossible" leaves it open
            double = any(w.lemma_.lower() in UNLIKELY for w in tok.subtree if w.i > tok.i)
            found.append((1, tok, "possible" if double else "unlikely", [f"“{denied}”"]))
            settled.add(tok.i)
            continue
        clause = None if denied else _opinion_clause(tok)
        if clause is not None:  # "I reckon it gets knocked back", "my sense is it goes through"
            found.append((2, tok, "likely", [f"“{tok.text}” over a plain present (“{clause.text}”)"]))
            continue
        if lemma == "question" and tok.pos_ == "NOUN":
            if any(c.lower_ == "no" for c in tok.children):  # "no question", "there is no question of ..."
                of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
                found.append((1, tok, "unlikely" if of else "likely", ["“no question of”" if of else "“no question”"]))
                settled.add(tok.i)
                continue
            if any(w.lower_ == "whether" for w in tok.subtree if 0 < w.i - tok.i <= 3):
                found.append((1, tok, "possible", [f"“{tok.text} … whether”"]))  # "questions over whether ..."
                continue
        if lemma == "call" and tok.pos_ == "VERB" and _negated_here(tok) and any(
                c.dep_ == "dobj" and c.lower_ == "it" and (c.i + 1 >= len(c.doc) or c.doc[c.i + 1].is_punct
                                                           or c.doc[c.i + 1].dep_ == "advmod") for c in tok.children):
            found.append((1, tok, "possible", [f"“{_negated_here(tok)} call it”"]))  # "I couldn't call it"
            settled.add(tok.i)
            continue
        unknown = _denied(tok) if lemma in ("tell", "say", "know", "predict", "call") and tok.pos_ == "VERB" else None
        if unknown and any(w.lower_ == "whether" or (w.lower_ == "which" and w.head.lower_ == "way")
                           for w in tok.subtree if w.i > tok.i):
            found.append((1, tok, "possible", [f"“{unknown} … whether”"]))  # "I can't tell you whether it passes"
            settled.add(tok.i)
            continue
        if lemma == "know" and tok.pos_ == "VERB" and _negated_here(tok) and any(
                c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.children) and not any(
                c.dep_ == "dobj" for c in tok.children):  # "I don't know", not "we don't know the cause"
            found.append((1, tok, "possible", [f"“{_negated_here(tok)} know”"]))  # "Today I'd say I don't know"
            settled.add(tok.i)
            continue
        if low == "comfortable" and any(c.dep_ == "ccomp" for c in tok.children):
            found.append((1, tok, "likely", ["“comfortable that”"]))  # "I am comfortable that the support is there"
            continue
        if low in ("realistic", "achievable", "feasible", "doable") and any(
                c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in tok.head.children):
            continue  # "We are realistic": an attitude, not a judgement
        if lemma == "bet" and tok.pos_ == "VERB" and tok.tag_ in ("VB", "VBP") and any(
                c.dep_ == "prep" and c.lower_ == "against" for c in tok.children) and tok.dep_ not in ("relcl", "pcomp"):
            # "I'd bet against it": a doubt; "I wouldn't bet against two", "nobody would bet against him":
            # the negation turns it to likely (not "he bet against his own team in 2019", a past deed)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            modal = any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d", "could", "will", "should", "might",
                                                          "wo", "ca") for c in tok.children)
            if not (modal or subj is None or (subj.lower_ in ("i", "we") and tok.tag_ == "VBP")):
                continue  # "he bet against his own team in 2019": a deed
            neg = _negated_here(tok) or (subj.text if subj is not None and _denying(subj) else None)
            found.append((1, tok, "likely" if neg else "unlikely",
                          [f"“{tok.text} against”"] + ([f"negated by “{neg}”"] if neg else [])))
            settled.add(tok.i)
            continue
        if lemma == "see" and tok.tag_ in ("VBP", "VB") and any(
                c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in _OUTCOMES and any(
                    s.dep_ in ("nsubj", "dobj") and s.lower_ in ("it", "that", "this", "them", "him", "her")
                    for s in c.children)
                for c in tok.children) and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.children):
            # "I still see it passing" (and, negated, "I don't see it happening")
            can = next((c.text for c in tok.children if c.dep_ == "aux" and c.lower_ in ("can", "could", "ca")), None)
            # "I can see it happening": it could
            found.append((1, tok, "possible" if can else "likely", [f"“{can + ' ' if can else ''}{tok.text} … -ing”"]))
            continue
        on = next((c for c in (tok.subtree if lemma == "bet" else tok.children) if c.dep_ == "prep" and (
            (lemma == "bet" and c.lower_ == "on") or (lemma == "lean" and c.lower_ in ("towards", "toward", "to")))),
            None) if tok.pos_ == "VERB" else None
        if on is not None:  # "I'd bet on it", "would not bet ... on it passing", "I lean towards a miss"
            what = next((c for c in on.children if c.dep_ in ("pobj", "pcomp")), None)
            against = what is not None and what.lemma_.lower() in FAILURES
            found.append((1, tok, "unlikely" if against else "likely",
                          [f"“{tok.text} {on.text}”"] + ([f"on a failure (“{what.text}”)"] if against else [])))
            continue
        if low in RARE and tok.dep_ == "acomp" and any(c.lower_ in ("would", "'d", "’d") for c in tok.head.children):
            found.append((1, tok, "unlikely", [f"“would be {tok.text}”"]))  # "that would be unusual"
            continue
        if low == "confident" and any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
            continue  # "confident in the design of the study": trust, not a forecast
        if low == "possible" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "as":
            continue  # "as soon as possible", "as much as possible"
        if lemma in ("expect", "predict", "forecast", "anticipate") and tok.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue  # "Predicted high water is 1.9m": a label on a figure
        if lemma == "confidence" and tok.pos_ == "NOUN" and any(
                c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in tok.children):
            found.append((1, tok, "likely", ["“confidence that”"]))
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
        # "be surprised if" parses with "surprised" as an adjective, "be astonished if" as a passive verb
        feeling = tok.head if tok.dep_ == "acomp" else tok if tok.pos_ == "VERB" else None
        cond = next((c for c in feeling.children if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)),
                    None) if low in SURPRISED and feeling is not None else None
        if cond is not None:  # "I'd be surprised if it fails": what the speaker does not expect
            how = [f"“{tok.text} if”"]
            neg = _negated(tok)
            if neg:
                how.append(f"negated by “{neg}”")
            failing = _negated_here(cond) or (cond.text if _turned_down(cond) else None)
            if failing:
                how.append(f"the “if” clause turns the event down (“{failing}”)")
            found.append((1, tok, "likely" if bool(neg) != bool(failing) else "unlikely", how))
            settled.add(tok.i)
            own_event.add(tok.i)
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
        if low in LABELLING | ATTITUDES and tok.dep_ == "amod":
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
        elif low in ("will", "wo", "shall", "'ll", "’ll") and tok.dep_ == "aux":
            found.append((3, tok, "likely", [f"plain future “{tok.text}”"]))
        elif _timetable_present(tok):
            # "The probe flies in the first half of May", "She goes this weekend": the present of a timetable
            found.append((3, tok, "likely", [f"plain future: “{tok.text}” with “{_time_ahead(tok)}”"]))
        elif low == "going" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                    for c in tok.children) and any(c.lemma_ == "be" for c in tok.children):
            found.append((3, tok, "likely", ["plain future “going to”"]))
        elif (lemma in POSSIBLE or low in POSSIBLE) and not (low in ("risk", "chance") and tok.pos_ == "VERB") \
                and not (low in ("may", "might", "could") and (tok.pos_ not in ("AUX", "VERB")
                                                               or (low == "may" and not tok.is_lower))):
            found.append((2, tok, "possible", [f"cue “{tok.text}”"]))
        elif low == "can" and tok.dep_ == "aux" and tok.head.dep_ == "ccomp" and \
                tok.head.head.lemma_.lower() in BELIEVING and not _negated_here(tok.head.head):
            found.append((2, tok, "possible", [f"“{tok.head.head.text} … can”"]))  # "I believe we can win this"
        elif lemma in HEDGES and tok.pos_ == "VERB" and _negated(tok):
            found.append((1, tok, "possible", [f"hedge “{_negated(tok)} {tok.text}”"]))
    found = [f for f in found if not _idle_cue(f[1]) and not idle(f[1])]
    if not found:
        return None
    rank, tok, stance, how = min(found, key=lambda f: (f[0], _depth(f[1]), f[1].i))
    if rank == 1 and tok.lemma_.lower() in HEDGES:
        return tok, stance, how
    neg = None if tok.i in settled else _negated(tok)
    if neg and not (stance == "possible" and rank == 1):
        if stance == "likely" and tok.lower_ in CERTAINTY and tok.pos_ != "ADV":
            stance, how = "possible", how + [f"certainty denied by “{neg}”"]  # "not certain": open
        elif stance == "likely":
            stance, how = "unlikely", how + [f"negated by “{neg}”"]
        elif stance == "unlikely":  # "not impossible" leaves it open; "no doubt", "I don't doubt it" settle it
            turned = "likely" if tok.lemma_.lower() in ("doubt", "doubtful") else "possible"
            stance, how = turned, how + [f"negated by “{neg}”"]
        elif stance == "possible":
            stance, how = "unlikely", how + [f"negated by “{neg}”"]
    rebutted = _rebutted(tok)
    if rebutted and stance == "likely":
        stance, how = "possible", how + [f"the view of “{rebutted}”, which the speaker rebuts"]
    if stance == "likely" and any(c.lower_ in ("less", "lesser") for c in tok.children):
        stance, how = "possible", how + ["weakened by “less”"]  # "less likely, but not impossible"
    averse = None if tok.i in own_event else _averse(tok)
    if averse and stance in ("likely", "possible"):
        stance = "unlikely" if stance == "likely" else "possible"
        how = how + [f"the event is turned down (“{averse}”)"]
    doubted = _negated_belief(tok)
    if doubted and stance in ("likely", "possible"):
        stance, how = "unlikely", how + [f"under “{doubted}”"]
    elif doubted and stance == "unlikely" and tok.i not in settled:
        stance, how = "possible", how + [f"under “{doubted}”"]  # "I won't pretend a miss is impossible"
    return tok, stance, how


# Who holds a view a speaker rebuts: "Anyone who thinks this is a formality hasn't watched them".
REBUTTED = {"anyone", "anybody", "whoever", "those", "people", "everyone"}


def _rebutted(tok) -> str | None:
    """The holder of a view put only to be denied: the cue sits in a clause about "anyone who
    thinks ...", whose main verb is negated."""
    t = tok
    for _ in range(8):
        if t.dep_ == "relcl" and t.head.lower_ in REBUTTED and t.head.dep_ in ("nsubj", "nsubjpass"):
            return f"{t.head.text} who {t.text}" if _negated_here(t.head.head) else None
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _idle_cue(tok) -> bool:
    """Cues that judge nothing: "could hardly be worse", "couldn't possibly be any better" (evaluations),
    "could not be verified" (the reporter's practice), "could take 15 years" (how long, not whether),
    "would certainly like this" (a wish)."""
    head = tok.head
    lemma = head.lemma_.lower()
    if lemma == "be" and any(c.dep_ == "acomp" and (c.tag_ in ("JJR", "RBR") or c.lower_ in ("better", "worse"))
                             for c in head.children):
        return True
    before = " ".join(t.lower_ for t in tok.doc[max(0, tok.i - 2):tok.i])
    if before in ("rather than", "instead of"):
        return True  # "sounds worried rather than certain": the certainty is what she lacks
    if tok.dep_ == "xcomp" and lemma in ("stop", "quit", "cease", "give"):
        return True  # "I stopped predicting on the tenth": no forecast at all
    if tok.lower_ in ("likely", "probably") and lemma in ("schedule", "set", "due", "plan", "expect") and any(
            c.dep_ == "prep" for c in tok.children):
        return True  # "scheduled for 8 July, most likely in the morning session": when, not whether
    if tok.lower_ in ("likely", "probably") and head.dep_ == "prep" and any(
            w.ent_type_ in ("DATE", "TIME") or w.lower_ in ("morning", "afternoon", "evening", "session")
            for w in head.subtree):
        return True  # "the vote comes on Thursday, probably in the afternoon"
    if tok.lower_ not in ("may", "might", "could", "can", "will", "would", "wo") and tok.dep_ != "advmod":
        return False
    before = " ".join(t.lower_ for t in tok.doc[max(0, tok.i - 5):tok.i])
    if re.search(r"\bas \w+ as\b", before) and tok.head.pos_ != "VERB":
        return True  # "as far as I could": a comparison, not a forecast
    if tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "no" and tok.doc[tok.i + 2].lower_ == "longer" \
            and lemma not in HEDGES:
        return True  # "could no longer defend": what one is able to do now ("could no longer be ruled out" is a hedge)
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
