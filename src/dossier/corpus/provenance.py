"""Who copied whom: each document's provenance, and the groups of documents that
copy one original (independent sources are groups, not documents).

Decided in three steps, each leaving evidence a reader can check:

1. what each document says about itself: a spun text, a translated summary
   ("The Guardian: ..." and "writes The Guardian"), a page crediting another
   outlet ("Source: ...", "first appeared in ..."), an outlet's house style, quotes
   whose outlet name a scraper cut ("He told “...");
2. what pairs of documents show: the same text, an edited copy, one article
   inside a longer page, or the same names and numbers in a spun or translated
   retelling; the earlier, unspun, untranslated, shorter-page one is the original;
3. links between documents: a page's own "Read more" line naming another
   document's headline makes both the same outlet's work.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from dossier.clean.lines import normalise
from dossier.corpus.credits import outlet_key, same_outlet, told_outlet
from dossier.corpus.despin import despin, learn_substitutions, substitution_table
from dossier.corpus.fingerprint import Fingerprint
from dossier.corpus.pairs import Pair, measure, related_pairs
from dossier.corpus.signals import AUTHOR_CREDITS, PAGE_CREDITS, Signals, signals
from dossier.model import Credit, Document, Provenance

TRANSLATION_SKELETON = 0.15  # names and numbers a summary keeps of the piece its headline names
DUPLICATE_JACCARD = 0.9  # the same article with different furniture or headline
# One page holds this much more of its own text than the other (share of three-word
# phrases not in the other): paragraphs of its own around the article, not furniture.
LONGER_PAGE = 0.08
MIN_TOLD = 2  # "told The Courier" twice: the piece was reported by The Courier
MAX_OUTLET_PAGES = 200  # pages of one outlet compared with every summary that names it


@dataclass
class _Verdict:
    kind: str = "original"
    copy_of: str | None = None
    original_outlet: str | None = None
    evidence: list[str] = field(default_factory=list)
    confident_outlet: bool = False  # the outlet came from the text itself, not a guess


@dataclass(frozen=True)
class Group:
    """Documents that copy one original: one independent source."""

    id: str
    original: str | None  # the original's document id, when it is in the corpus
    original_outlet: str | None
    members: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "original": self.original, "original_outlet": self.original_outlet,
                "members": list(self.members)}


@dataclass(frozen=True)
class ProvenanceResult:
    provenance: dict[str, Provenance]
    groups: tuple[Group, ...]
    group_of: dict[str, str]


PairFinder = Callable[[list[Fingerprint], int], list[Pair]]


def decide(sigs: Iterable[Signals], workers: int = 1, find_pairs: PairFinder = related_pairs) -> ProvenanceResult:
    """``find_pairs`` finds the measured pairs (in this process, or on Spark), sorted by ids."""
    sigs = {s.doc.id: s for s in sigs}
    verdicts = {doc_id: _self_evidence(s) for doc_id, s in sigs.items()}
    pairs = find_pairs([s.fp for s in sigs.values()], workers)
    pairs += _translation_candidates(sigs, {(p.a, p.b) for p in pairs})
    _apply_pairs(pairs, sigs, verdicts)
    _apply_links(sigs, verdicts)
    groups, group_of = _groups(sigs, verdicts)
    provenance = {
        doc_id: Provenance(v.kind, v.copy_of, v.original_outlet, tuple(v.evidence)) for doc_id, v in verdicts.items()
    }
    return ProvenanceResult(provenance, groups, group_of)


@dataclass(frozen=True)
class ProvenancePass:
    """The corpus pass's output, ready to store."""

    provenance: dict[str, Provenance]
    credited: dict[str, list[Credit]]
    groups: tuple[Group, ...]
    computed: tuple[Signals, ...] = ()  # signals computed in this pass (not given as known), to keep


def provenance_pass(docs: list[Document], map_fn: Callable = map, workers: int = 1,
                    find_pairs: PairFinder = related_pairs,
                    known: Mapping[str, Signals] | None = None) -> ProvenancePass:
    """Provenance, credits and independence groups for the documents that were read.

    ``map_fn`` computes the per-document signals and ``find_pairs`` the pairs that
    share text; a runner passes its parallel versions (a process pool, Spark).
    ``known`` holds signals kept from an earlier build for documents unchanged since,
    so a build that adds a few documents computes signals for those few.
    """
    known = known or {}
    ok = [d for d in docs if d.status == "ok"]
    computed = list(map_fn(signals, [d for d in ok if d.id not in known]))
    fresh = {s.doc.id: s for s in computed}
    sigs = [known[d.id] if d.id in known else fresh[d.id] for d in ok]
    result = decide(sigs, workers, find_pairs)
    by_id = {s.doc.id: s for s in sigs}
    pairs: Counter[tuple[str, str]] = Counter()
    for d, p in result.provenance.items():
        if p.kind == "spun" and p.copy_of:
            pairs += learn_substitutions(by_id[d].doc.text, by_id[p.copy_of].doc.text)
    table = substitution_table(pairs)
    provenance, credited = {}, {}
    for s in sigs:
        d = s.doc.id
        p = result.provenance[d]
        despun = None
        if p.kind == "spun":
            own = substitution_table(learn_substitutions(s.doc.text, by_id[p.copy_of].doc.text), 1) if p.copy_of else {}
            despun = despin(s.doc.text, {**table, **own})
        provenance[d] = replace(p, group=result.group_of[d], spin_score=s.spin.score, despun=despun)
        credited[d] = [Credit(c.name, c.start, c.end, "text", c.how) for c in s.credits] + [
            Credit(c.name, c.start, c.end, "raw", c.how) for c in s.furniture_credits
        ]
    return ProvenancePass(provenance, credited, result.groups, tuple(computed))


# --- step 1: what a document says about itself ----------------------------------------------


def _self_evidence(s: Signals) -> _Verdict:
    v = _Verdict(original_outlet=s.doc.outlet)
    own = s.doc.outlet
    if s.spin.spun:
        v.kind = "spun"
        v.evidence.append(s.spin.evidence())
        outlet = _reporting_outlet(s)
        if outlet:
            v.original_outlet, v.confident_outlet = outlet, True
            v.evidence.append(f"the quotes were given to {outlet} (“told {outlet}” {_told_count(s, outlet)} times): its reporting")
        else:
            v.original_outlet = None
        return v
    if s.title_outlet and _credits_author(s, s.title_outlet):
        v.kind, v.original_outlet, v.confident_outlet = "translated", s.title_outlet, True
        v.evidence.append(
            f"the headline opens with “{s.title_outlet}:” and the text retells it (“writes …”, “according to …”): "
            f"a translated summary of {s.title_outlet}'s piece"
        )
        return v
    page_credit = next((c for c in s.furniture_credits if c.how in PAGE_CREDITS and _other(c.name, own)), None) or next(
        (c for c in s.credits if c.how in PAGE_CREDITS and _other(c.name, own)), None
    )
    if page_credit:
        v.kind, v.original_outlet, v.confident_outlet = "republished", page_credit.name, True
        v.evidence.append(f"the page credits {page_credit.name} as the source of the whole article ({page_credit.how})")
    if s.house_style and _other(s.house_style[0], own):
        outlet, mark = s.house_style
        if v.kind == "original":
            v.kind, v.original_outlet, v.confident_outlet = "republished", outlet, True
        v.evidence.append(f"carries {outlet}'s house style (“{mark}” link tags)")
    if s.stripped:
        if v.kind == "original":
            v.kind, v.original_outlet = "republished", None
        v.evidence.append(
            f"{len(s.stripped)} quote(s) lost the name of the outlet they were given to (“told “…”): "
            "a copy with the original outlet's name removed"
        )
    if s.scraper:
        if v.kind == "original":
            v.kind, v.original_outlet = "republished", None
        v.evidence.append(f"the page carries marks of a site that copies others' articles ({', '.join(s.scraper[:3])})")
    return v


def _other(outlet: str, own: str | None) -> bool:
    return not own or not same_outlet(outlet, own)


def _told_count(s: Signals, outlet: str) -> int:
    return sum(1 for c in s.credits if c.how == "told" and c.name == outlet)


def _reporting_outlet(s: Signals) -> str | None:
    """The outlet most quotes were given to, when it is told at least twice and no other is."""
    counts: dict[str, int] = {}
    for c in s.credits:
        if c.how == "told":
            counts[c.name] = counts.get(c.name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= MIN_TOLD and list(counts.values()).count(counts[best]) == 1 else None


def _credits_author(s: Signals, outlet: str) -> bool:
    return any(c.how in AUTHOR_CREDITS and same_outlet(c.name, outlet) for c in s.credits)


# --- step 2: pairs --------------------------------------------------------------------------


def _apply_pairs(pairs: list[Pair], sigs: dict[str, Signals], verdicts: dict[str, _Verdict]) -> None:
    """Copies of one article form a cluster; its most original-looking member is the
    original, and every other member is marked as a copy of it (not of a sibling copy).
    Spun and translated retellings then attach to the cluster they retell."""
    by_pair = {(p.a, p.b): p for p in pairs}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    near = [p for p in pairs if p.near]
    for p in near:
        ra, rb = find(p.a), find(p.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, dict[str, None]] = {}  # (ordered sets: members in the order pairs name them)
    near_in: dict[str, list[Pair]] = defaultdict(list)  # each cluster's own pairs: all pairs for each
    for p in near:                                       # cluster was quadratic (100k pages: hours)
        root = find(p.a)
        near_in[root].append(p)
        clusters.setdefault(root, {}).update(dict.fromkeys((p.a, p.b)))
    original_of: dict[str, str] = {}
    for root, in_cluster in clusters.items():
        members = list(in_cluster)
        contained = _contained_members(members, near_in[root])
        central = _centrality(members, by_pair, sigs)
        credited = _credited_by_members(members, sigs)
        first_day = min((sigs[d].doc.published for d in members if sigs[d].doc.published), default=None)
        keys = {d: _originality(sigs[d], d in contained, central.get(d, 0.0),
                                _is_credited(sigs[d], credited) and sigs[d].doc.published == first_day)
                for d in members}
        original = min(_not_beaten_by_time(keys, sigs), key=keys.__getitem__)
        for d in members:
            original_of[d] = original
            if d != original:
                _mark_copy(d, original, _pair(d, original, by_pair, sigs), sigs, verdicts)
    # Retellings (spun, translated) of an article: attach to its cluster's original.
    best: dict[str, tuple[float, str, Pair]] = {}
    for p in pairs:
        if p.near:
            continue
        relation = _retelling(p, sigs[p.a], sigs[p.b])
        if relation:
            copy, original, strength = relation
            if copy in original_of and original_of[copy] != copy:
                continue  # already a copy in a cluster
            if copy not in best or strength > best[copy][0]:
                best[copy] = (strength, original_of.get(original, original), p)
    for copy, (_, original, p) in sorted(best.items()):
        # A retelling of a retelling (two spins of one article) is a copy of the article.
        seen = {copy}
        while original in best:
            step = best[original][1]
            if step in seen or step == original:
                break  # two texts that each name the other: stop at the first
            seen.add(original)
            original = step
        if original != copy and verdicts[original].copy_of != copy:
            _mark_copy(copy, original, p if {p.a, p.b} == {copy, original} else _pair(copy, original, by_pair, sigs),
                       sigs, verdicts)


def _pair(x: str, y: str, by_pair: dict[tuple[str, str], Pair], sigs: dict[str, Signals]) -> Pair:
    key = (min(x, y), max(x, y))
    return by_pair.get(key) or measure(sigs[key[0]].fp, sigs[key[1]].fp)


def _contained_members(members: list[str], near: list[Pair]) -> set[str]:
    """Members whose text sits inside a longer member's page (the page is the copy)."""
    ids = set(members)
    out = set()
    for p in near:
        if p.a in ids and p.b in ids and not p.exact:
            if p.a_in_b >= 0.8 and p.b_in_a < 0.8 - 0.15:
                out.add(p.a)
            elif p.b_in_a >= 0.8 and p.a_in_b < 0.8 - 0.15:
                out.add(p.b)
    return out


def _centrality(members: list[str], by_pair: dict[tuple[str, str], Pair], sigs: dict[str, Signals]) -> dict[str, float]:
    """Mean similarity of each member to the others.  Copies each carry their own
    edits, so they resemble the original more than they resemble one another."""
    if not 2 < len(members) <= 30:
        return {}
    out = {}
    for d in members:
        sims = [_pair(d, o, by_pair, sigs).jaccard for o in members if o != d]
        out[d] = sum(sims) / len(sims)
    return out


def _credited_by_members(members: list[str], sigs: dict[str, Signals]) -> set[str]:
    """Outlets that the copies in a cluster name as the article's source: a page credit
    ("via The Courier") or the outlet its quotes were given to."""
    out = set()
    for d in members:
        s = sigs[d]
        for c in (*s.furniture_credits, *s.credits):
            if c.how in PAGE_CREDITS and _other(c.name, s.doc.outlet):
                out.add(outlet_key(c.name))
        told = _reporting_outlet(s)
        if told:
            out.add(outlet_key(told))
    return out


def _is_credited(s: Signals, credited: set[str]) -> bool:
    return bool(s.doc.outlet) and outlet_key(s.doc.outlet) in credited


def _originality(s: Signals, contained: bool, centrality: float = 0.0, credited: bool = False) -> tuple:
    """Sort key: the most original-looking copy of an article first.

    Not spun, not a translation, no marks of copying (credits to another outlet,
    stripped names, autoblog marks), the page of the outlet its quotes were
    given to ("told The Courier" on The Courier's page) or that other copies
    credit ("via The Courier"), the earliest date, a
    date from the page's metadata rather than read off its text (scrapers lose
    metadata), the article others contain rather than a page containing it, a
    news site's page rather than a blog's, the member closest to all the others,
    then the stable source order.
    """
    # Credits inside the text travel with every copy of it, so only the page's own marks count.
    marks = bool(s.stripped or s.scraper or any(c.how in PAGE_CREDITS for c in s.furniture_credits))
    told_here = bool(s.doc.outlet) and (any(c.how == "told" and same_outlet(c.name, s.doc.outlet) for c in s.credits)
                                         or told_outlet(s.doc.text, s.doc.outlet))
    # (two parts: what is read up to the day of publication, then the rest; see ``_not_beaten_by_time``)
    return ((s.spin.spun, bool(s.title_outlet), marks, not (told_here or credited), s.doc.published is None,
             s.doc.published or ""),
            (s.doc.published_inferred, not contained, bool(s.platform), -round(centrality, 3), s.doc.source))


def _not_beaten_by_time(keys: dict[str, tuple], sigs: dict[str, Signals]) -> list[str]:
    """The members that may be the original once times of day are read.

    Among the members that tie on everything up to the day of publication, one whose
    metadata gives a later time than another's cannot be the original.  A page
    without a time is not ruled out (it may have come first), so the time only
    decides between two pages that both carry one, and the rest of the order
    (containment, centrality, ...) decides the others.
    """
    best = min(keys.values())[0]
    tied = [d for d in keys if keys[d][0] == best]
    first = min((sigs[d].doc.published_at for d in tied if sigs[d].doc.published_at), default=None)
    return [d for d in tied if not (first and sigs[d].doc.published_at and sigs[d].doc.published_at > first)]


def _translation_candidates(sigs: dict[str, Signals], known: set[tuple[str, str]]) -> list[Pair]:
    """A summary headed "X: ..." or retelling what "X writes" against the documents X
    published: too loose a match for the indexes to propose, but the text names whose
    piece it is."""
    by_outlet: dict[str, list[str]] = {}
    for d, s in sigs.items():
        if s.doc.outlet:
            by_outlet.setdefault(outlet_key(s.doc.outlet), []).append(d)
    out = []
    for d, s in sigs.items():
        headed = outlet_key(s.title_outlet) if s.title_outlet else None
        named = {outlet_key(c.name) for c in s.credits if c.how in AUTHOR_CREDITS and _summarises(s, c.name)}
        for key in sorted(named | {headed} - {None}):
            pages = by_outlet.get(key, [])
            if key != headed:
                # named only in the text: the outlet's pages of the weeks before, and not a wire's
                # thousands (its copies share enough text for the indexes)
                if len(pages) > MAX_OUTLET_PAGES:
                    continue
                pages = [o for o in pages if _within_weeks(sigs[o].doc.published, s.doc.published)]
            for other in pages:
                pair = (min(d, other), max(d, other))
                if other != d and pair not in known:
                    known.add(pair)
                    out.append(measure(sigs[pair[0]].fp, sigs[pair[1]].fp))
    return out


def _within_weeks(original: str | None, summary: str | None, days: int = 31) -> bool:
    """Published within a month before the summary (or either date unknown)."""
    if not original or not summary:
        return True
    try:
        gap = (dt.date.fromisoformat(summary[:10]) - dt.date.fromisoformat(original[:10])).days
    except ValueError:
        return True
    return -2 <= gap <= days


def _retelling(p: Pair, a: Signals, b: Signals) -> tuple[str, str, float] | None:
    """(copy, original, strength) when one text retells the other in other words."""
    for x, y in ((a, b), (b, a)):
        # A summary of an outlet's piece that names the outlet in its headline or as the author
        # of what it retells ("..., writes The Courier"), and that piece: a looser match will do.
        if p.skeleton >= TRANSLATION_SKELETON and y.doc.outlet and _summarises(x, y.doc.outlet):
            return x.doc.id, y.doc.id, p.skeleton
    if p.same_story_skeleton:
        for x, y in ((a, b), (b, a)):
            if (x.spin.spun or x.title_outlet) and not (y.spin.spun or y.title_outlet):
                return x.doc.id, y.doc.id, p.skeleton
        if p.reworded:
            # Every name and number in the same order, the words between them swapped:
            # a spinner that swaps content words; the copy reads less like common English.
            x, y = sorted((a, b), key=lambda s: (s.spin.rare_rate, s.doc.published or "", s.doc.source))
            return y.doc.id, x.doc.id, p.skeleton
    return None


def _summarises(x: Signals, outlet: str) -> bool:
    """The text names ``outlet`` as the author of what it retells: in its headline ("X: ..."),
    with "writes X", or more than once ("according to X" twice).  A lone "X reported" is how
    any story cites another's scoop."""
    if x.title_outlet and same_outlet(x.title_outlet, outlet):
        return True
    named = [c for c in x.credits if c.how in AUTHOR_CREDITS and same_outlet(c.name, outlet)]
    return any(c.how == "writes" for c in named) or len(named) >= 2


def _mark_copy(copy: str, original: str, p: Pair, sigs: dict[str, Signals], verdicts: dict[str, _Verdict]) -> None:
    v, s, o = verdicts[copy], sigs[copy], sigs[original]
    ov = verdicts[original]
    title = o.doc.title or o.doc.source
    v.copy_of = original
    if v.kind == "original" and not p.exact and not s.spin.spun and o.doc.outlet and _summarises(s, o.doc.outlet) \
            and not _summarises(o, o.doc.outlet):  # the credit is the copy's own, not the article's
        v.kind, v.original_outlet, v.confident_outlet = "translated", o.doc.outlet, True
        v.evidence.append(f"names {o.doc.outlet} as the author of what it retells: a summary of its piece")
    if v.kind == "republished" and ov.kind == "republished" and same_outlet(v.original_outlet, ov.original_outlet) \
            and not (s.scraper or s.stripped):
        v.kind = "original"  # its credit came along with the text it copies: judge it by the copy relation
    a_in, b_in = (p.a_in_b, p.b_in_a) if p.a == copy else (p.b_in_a, p.a_in_b)  # copy in original, original in copy
    if v.kind == "original" and s.platform and _other(o.doc.outlet or "", s.doc.outlet):
        v.kind = "republished"  # another outlet's article on a blog or content host
        v.evidence.append(f"the copy sits on a blog or a site hosting others' material ({', '.join(s.platform[:3])})")
    if s.spin.spun or (p.reworded and v.kind != "translated"):
        v.kind = "spun"
        v.evidence.append(
            f"its names and numbers follow «{title}» ({p.skeleton:.0%} of them, in order) while only "
            f"{p.jaccard:.0%} of its three-word phrases are the same: the same article with its words swapped"
        )
    elif v.kind == "translated":
        v.evidence.append(f"retells «{title}» ({p.skeleton:.0%} of its names and numbers, in order)")
    elif p.exact or ((p.jaccard >= DUPLICATE_JACCARD or p.same_paragraphs) and abs(p.a_in_b - p.b_in_a) < LONGER_PAGE):
        v.kind = "republished" if v.kind == "republished" else "duplicate"
        what = "the same text as" if p.exact else f"the same text ({p.jaccard:.0%} of its phrases) as"
        v.evidence.append(f"{what} «{title}» once page furniture is removed")
    else:
        if b_in >= 0.8 and a_in < 0.65:
            what = f"«{title}» is contained in it ({b_in:.0%} of the original's phrases), inside a longer page"
        else:
            what = f"shares {p.jaccard:.0%} of its three-word phrases with «{title}»: an edited copy"
        v.kind = "republished" if v.kind == "republished" else "near_duplicate"
        v.evidence.append(what)
    if s.doc.published and o.doc.published and s.doc.published > o.doc.published:
        v.evidence.append(f"published {s.doc.published}, after the original ({o.doc.published})")
    elif s.doc.published == o.doc.published and s.doc.published_at and o.doc.published_at \
            and s.doc.published_at > o.doc.published_at:
        v.evidence.append(f"published at {s.doc.published_at[11:16]} UTC, after the original "
                          f"({o.doc.published_at[11:16]} UTC the same day)")
    if ov.original_outlet or o.doc.outlet:
        v.original_outlet = ov.original_outlet or o.doc.outlet
        v.confident_outlet = True


# --- step 3: links between documents -------------------------------------------------------


def _apply_links(sigs: dict[str, Signals], verdicts: dict[str, _Verdict]) -> None:
    """A link line inside a copied article ("READ MORE: ...") naming another document's
    headline: the copy's outlet linked to its own article, so a page of unknown publisher
    carrying that headline is that outlet's work.  Links after the article (a site's
    "related posts") are the copying site's own and are not used."""
    by_title = {normalise(s.doc.title): d for d, s in sigs.items() if s.doc.title and len(normalise(s.doc.title).split()) >= 4}
    for d, s in sorted(sigs.items()):
        v = verdicts[d]
        if not v.confident_outlet or not v.original_outlet:
            continue
        for key in s.linked_titles:
            target = by_title.get(key) or next((t for k, t in by_title.items() if k in key or key in k), None)
            if not target or target == d:
                continue
            tv, ts = verdicts[target], sigs[target]
            if tv.confident_outlet or tv.copy_of or ts.doc.outlet:
                continue  # only a page whose publisher is unknown is claimed for the linking outlet
            tv.original_outlet, tv.confident_outlet = v.original_outlet, True
            if tv.kind == "original" and _other(v.original_outlet, ts.doc.outlet):
                tv.kind = "republished"
            tv.evidence.append(
                f"«{s.doc.title}», a copy of {v.original_outlet}'s work, links to it as one of that outlet's own "
                f"articles; its own publisher is {ts.doc.outlet or 'unknown'}"
            )


# --- groups ----------------------------------------------------------------------------------


def _groups(sigs: dict[str, Signals], verdicts: dict[str, _Verdict]) -> tuple[tuple[Group, ...], dict[str, str]]:
    def root(d: str) -> str:
        seen = set()
        while verdicts[d].copy_of and d not in seen:
            seen.add(d)
            d = verdicts[d].copy_of
        return d

    members: dict[str, list[str]] = {}
    for d in sorted(sigs):
        members.setdefault(root(d), []).append(d)
    groups, group_of = [], {}
    for r, ms in sorted(members.items()):
        rv = verdicts[r]
        in_corpus_original = r if rv.kind == "original" else None
        groups.append(Group(r, in_corpus_original, rv.original_outlet, tuple(ms)))
        for m in ms:
            group_of[m] = r
    return tuple(groups), group_of
