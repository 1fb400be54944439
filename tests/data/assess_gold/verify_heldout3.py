#!/usr/bin/env python3
"""Check assess_gold/heldout3.json and the entity labels in extract_heldout3/.

Standard library only. Run from anywhere:

    python3 tests/data/assess_gold/verify_heldout3.py

Checks:
* the schema of heldout3.json (keys and types);
* that stances are likely|possible|unlikely and verdicts are agree|differ;
* that every assessment, comparison-claim and flag `text` is an exact substring of its article body
  (the body is the text after the headline line, with leading blank lines stripped);
* that every holder is null or the canonical name of an entity in that story. The holder must also
  be listed in the article's own .json;
* that every entity variant in extract_heldout3/*.json is an exact substring of its article body;
* that each article's .json `story` matches the story it is listed under, and that each comparison
  spans at least two articles;
* that article bodies are 350-650 words.
It prints warnings, which do not fail the run, for texts that occur more than once in a body. It then prints counts.
Exit status 1 if any check fails.
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = os.path.join(HERE, "heldout3.json")
ART_DIR = os.path.normpath(os.path.join(HERE, "..", "extract_heldout3"))

STANCES = {"likely", "possible", "unlikely"}
VERDICTS = {"agree", "differ"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def body_of(name):
    path = os.path.join(ART_DIR, name + ".txt")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    lines = text.split("\n")
    return "\n".join(lines[1:]).lstrip("\n")


def load_meta(name):
    path = os.path.join(ART_DIR, name + ".json")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def check_text(where, article, text, bodies):
    if not isinstance(text, str) or not text:
        err(f"{where}: empty or non-string text")
        return
    body = bodies[article]
    n = body.count(text)
    if n == 0:
        err(f"{where}: text not found in body of {article}: {text!r}")
    elif n > 1:
        warnings.append(f"{where}: text occurs {n} times in {article}: {text!r}")


def main():
    with open(GOLD, encoding="utf-8") as fh:
        gold = json.load(fh)
    if set(gold) != {"stories"}:
        err("top level must have exactly the key 'stories'")
    stories = gold.get("stories", {})

    # every article on disk must belong to exactly one story
    on_disk = sorted(f[:-4] for f in os.listdir(ART_DIR) if f.endswith(".txt"))
    listed = [a for st in stories.values() for a in st.get("articles", [])]
    for a in on_disk:
        if listed.count(a) != 1:
            err(f"article {a} is listed {listed.count(a)} times in heldout3.json (expected 1)")
    for a in listed:
        if a not in on_disk:
            err(f"article {a} listed in heldout3.json but {a}.txt is missing")

    bodies, metas = {}, {}
    for a in on_disk:
        bodies[a] = body_of(a)
        try:
            metas[a] = load_meta(a)
        except (OSError, json.JSONDecodeError) as e:
            err(f"{a}.json: cannot load ({e})")

    # entity labels
    n_entities = n_variants = 0
    for a, meta in metas.items():
        if set(meta) != {"story", "published", "entities"}:
            err(f"{a}.json: keys must be story, published, entities (got {sorted(meta)})")
        pub = meta.get("published", "")
        if not (isinstance(pub, str) and len(pub) == 10 and pub[4] == "-" and pub[7] == "-"):
            err(f"{a}.json: published must be YYYY-MM-DD (got {pub!r})")
        names = [e.get("name") for e in meta.get("entities", [])]
        for nm, c in Counter(names).items():
            if c > 1:
                err(f"{a}.json: entity {nm!r} listed {c} times")
        for e in meta.get("entities", []):
            n_entities += 1
            if e.get("type") not in ENTITY_TYPES:
                err(f"{a}.json: entity {e.get('name')!r} has bad type {e.get('type')!r}")
            if not e.get("variants"):
                err(f"{a}.json: entity {e.get('name')!r} has no variants")
            for v in e.get("variants", []):
                n_variants += 1
                if v not in bodies[a]:
                    err(f"{a}.json: variant {v!r} of {e.get('name')!r} not in body")
        words = len(bodies[a].split())
        if not 350 <= words <= 650:
            err(f"{a}: body has {words} words (expected 350-650)")

    print(f"{'story':28} {'arts':>4} {'assess (l/p/u)':>16} {'comp (a/d)':>12} {'flags':>5}")
    tot = Counter()
    for sid, st in stories.items():
        keys = {"question", "articles", "assessments", "comparisons", "flags"}
        if set(st) != keys:
            err(f"{sid}: keys must be {sorted(keys)} (got {sorted(st)})")
        if not isinstance(st.get("question"), str) or not st["question"].endswith("?"):
            err(f"{sid}: question must be a string ending in '?'")
        arts = st.get("articles", [])
        story_entities = set()
        for a in arts:
            if a in metas:
                if metas[a].get("story") != sid:
                    err(f"{a}.json: story {metas[a].get('story')!r} != {sid!r}")
                story_entities |= {e["name"] for e in metas[a].get("entities", [])}

        stance_c = Counter()
        for i, x in enumerate(st.get("assessments", [])):
            where = f"{sid} assessment {i}"
            if set(x) != {"article", "text", "holder", "stance", "note"}:
                err(f"{where}: keys must be article,text,holder,stance,note (got {sorted(x)})")
            a = x.get("article")
            if a not in arts:
                err(f"{where}: article {a!r} not in the story's articles")
                continue
            check_text(where, a, x.get("text"), bodies)
            if x.get("stance") not in STANCES:
                err(f"{where}: bad stance {x.get('stance')!r}")
            h = x.get("holder")
            if h is not None:
                if h not in story_entities:
                    err(f"{where}: holder {h!r} is not a canonical entity of story {sid}")
                elif a in metas and h not in {e["name"] for e in metas[a]["entities"]}:
                    err(f"{where}: holder {h!r} is not listed in {a}.json")
            stance_c[x.get("stance")] += 1

        verdict_c = Counter()
        for i, c in enumerate(st.get("comparisons", [])):
            where = f"{sid} comparison {i} ({c.get('measure')})"
            if set(c) != {"measure", "claims", "verdict", "note"}:
                err(f"{where}: keys must be measure,claims,verdict,note (got {sorted(c)})")
            if c.get("verdict") not in VERDICTS:
                err(f"{where}: bad verdict {c.get('verdict')!r}")
            claims = c.get("claims", [])
            if len({cl.get('article') for cl in claims}) < 2:
                err(f"{where}: must span at least two articles")
            for j, cl in enumerate(claims):
                if set(cl) != {"article", "text"}:
                    err(f"{where} claim {j}: keys must be article,text")
                if cl.get("article") not in arts:
                    err(f"{where} claim {j}: article {cl.get('article')!r} not in story")
                    continue
                check_text(f"{where} claim {j}", cl["article"], cl.get("text"), bodies)
            verdict_c[c.get("verdict")] += 1

        for i, f in enumerate(st.get("flags", [])):
            where = f"{sid} flag {i}"
            if set(f) != {"article", "text", "why"}:
                err(f"{where}: keys must be article,text,why")
            if f.get("article") not in arts:
                err(f"{where}: article {f.get('article')!r} not in story")
                continue
            check_text(where, f["article"], f.get("text"), bodies)
            if not str(f.get("why", "")).startswith("["):
                err(f"{where}: why should start with a [category] tag")

        na = len(st.get("assessments", []))
        nc = len(st.get("comparisons", []))
        nf = len(st.get("flags", []))
        tot.update(a=na, c=nc, f=nf, arts=len(arts))
        print(f"{sid:28} {len(arts):>4} {na:>4} ({stance_c['likely']}/{stance_c['possible']}/{stance_c['unlikely']})"
              f"{'':>4} {nc:>4} ({verdict_c['agree']}/{verdict_c['differ']}) {nf:>5}")
        per_art = Counter(x["article"] for x in st.get("assessments", []))
        print("    assessments per article: " + ", ".join(f"{a}: {per_art[a]}" for a in arts))

    print(f"total: {tot['arts']} articles, {tot['a']} assessments, {tot['c']} comparisons, {tot['f']} flags; "
          f"{n_entities} entity labels with {n_variants} variants")
    print("body words: " + ", ".join(f"{a}={len(bodies[a].split())}" for a in on_disk))
    for w in warnings:
        print("WARNING:", w)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAILED with {len(errors)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
