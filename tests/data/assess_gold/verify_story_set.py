#!/usr/bin/env python3
"""Check a story set's gold, assess_gold/<SET>.json, and its entity files in extract_<SET>/
(heldout3, heldout4: sets whose articles carry only entity labels).

Standard library only. Run from anywhere:

    python3 tests/data/assess_gold/verify_story_set.py heldout3
    python3 tests/data/assess_gold/verify_story_set.py heldout4

Checks:
* the schema of <SET>.json (keys and types);
* stances are likely|possible|unlikely, verdicts are agree|differ, entity types are PERSON|ORG|GPE|NORP;
* every assessment, comparison-claim and flag `text` is an exact substring of its article body
  (the body is the text after the headline line, with leading blank lines stripped);
* every holder is null or the canonical name of an entity of that story, and is listed in the
  article's own .json;
* every entity variant in extract_<SET>/*.json is an exact substring of its article body;
* each article's .json `story` matches the story it is listed under, every article is listed once,
  `published` is YYYY-MM-DD, and each comparison spans at least two articles;
* article bodies are 350-650 words; flag `why` starts with a [tag].
Texts that occur more than once in a body are reported as warnings (they do not fail the run).
Exit status 1 if any check fails.
"""
import datetime
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SET = sys.argv[1] if len(sys.argv) > 1 else sys.exit("usage: verify_story_set.py heldout3|heldout4")
GOLD = os.path.join(HERE, f"{SET}.json")
ART_DIR = os.path.normpath(os.path.join(HERE, "..", f"extract_{SET}"))

STANCES = {"likely", "possible", "unlikely"}
VERDICTS = {"agree", "differ"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "NORP"}

errors = []
warnings = []


def body_of(name):
    with open(os.path.join(ART_DIR, name + ".txt"), encoding="utf-8") as fh:
        text = fh.read()
    return "\n".join(text.split("\n")[1:]).lstrip("\n")


def meta_of(name):
    with open(os.path.join(ART_DIR, name + ".json"), encoding="utf-8") as fh:
        return json.load(fh)


def check_text(where, body, text):
    if not isinstance(text, str) or not text:
        errors.append(f"{where}: empty or non-string text")
        return
    n = body.count(text)
    if n == 0:
        errors.append(f"{where}: text not in body: {text!r}")
    elif n > 1:
        warnings.append(f"{where}: text occurs {n} times: {text!r}")


def main():
    with open(GOLD, encoding="utf-8") as fh:
        gold = json.load(fh)
    if set(gold) != {"stories"}:
        errors.append("top level must have exactly the key 'stories'")
    txt_files = sorted(f[:-4] for f in os.listdir(ART_DIR) if f.endswith(".txt"))
    seen_articles = Counter()
    bodies, metas = {}, {}
    for name in txt_files:
        bodies[name] = body_of(name)
        if not os.path.exists(os.path.join(ART_DIR, name + ".json")):
            errors.append(f"{name}: missing .json")
            continue
        metas[name] = meta_of(name)

    # entity files
    for name, meta in metas.items():
        if set(meta) != {"story", "published", "entities"}:
            errors.append(f"{name}.json: keys must be story, published, entities")
        try:
            datetime.date.fromisoformat(meta.get("published", ""))
        except ValueError:
            errors.append(f"{name}.json: bad published date {meta.get('published')!r}")
        names = Counter()
        for ent in meta.get("entities", []):
            if set(ent) != {"name", "type", "variants"}:
                errors.append(f"{name}.json: entity keys must be name, type, variants: {ent}")
            names[ent.get("name")] += 1
            if ent.get("type") not in ENTITY_TYPES:
                errors.append(f"{name}.json: bad entity type {ent.get('type')!r} for {ent.get('name')}")
            if not ent.get("variants"):
                errors.append(f"{name}.json: no variants for {ent.get('name')}")
            for v in ent.get("variants", []):
                if v not in bodies[name]:
                    errors.append(f"{name}.json: variant not in body: {v!r} ({ent.get('name')})")
        for n, c in names.items():
            if c > 1:
                errors.append(f"{name}.json: entity {n!r} listed {c} times")

    counts = []
    per_article = Counter()
    for sid, story in gold.get("stories", {}).items():
        need = {"question", "articles", "assessments", "comparisons", "flags"}
        if set(story) != need:
            errors.append(f"{sid}: keys must be {sorted(need)}")
        if not isinstance(story.get("question"), str) or not story["question"].endswith("?"):
            errors.append(f"{sid}: question must be a string ending in '?'")
        arts = story.get("articles", [])
        for a in arts:
            seen_articles[a] += 1
            if a not in bodies:
                errors.append(f"{sid}: article {a} has no .txt")
            elif a in metas and metas[a].get("story") != sid:
                errors.append(f"{sid}: {a}.json has story {metas[a].get('story')!r}")
        canon = {e["name"] for a in arts if a in metas for e in metas[a]["entities"]}
        stance_c = Counter()
        for i, asm in enumerate(story.get("assessments", [])):
            where = f"{sid} assessment {i}"
            if set(asm) != {"article", "text", "holder", "stance", "note"}:
                errors.append(f"{where}: keys must be article, text, holder, stance, note")
            a = asm.get("article")
            if a not in arts:
                errors.append(f"{where}: article {a!r} not in the story's articles")
                continue
            check_text(where, bodies[a], asm.get("text"))
            if asm.get("stance") not in STANCES:
                errors.append(f"{where}: bad stance {asm.get('stance')!r}")
            stance_c[asm.get("stance")] += 1
            h = asm.get("holder")
            if h is not None:
                if h not in canon:
                    errors.append(f"{where}: holder {h!r} is not a canonical entity of {sid}")
                elif h not in {e["name"] for e in metas[a]["entities"]}:
                    errors.append(f"{where}: holder {h!r} not listed in {a}.json")
            if not isinstance(asm.get("note"), str):
                errors.append(f"{where}: note must be a string")
            per_article[a] += 1
        verdict_c = Counter()
        for i, cmp_ in enumerate(story.get("comparisons", [])):
            where = f"{sid} comparison {i} ({cmp_.get('measure')})"
            if set(cmp_) != {"measure", "claims", "verdict", "note"}:
                errors.append(f"{where}: keys must be measure, claims, verdict, note")
            if cmp_.get("verdict") not in VERDICTS:
                errors.append(f"{where}: bad verdict {cmp_.get('verdict')!r}")
            verdict_c[cmp_.get("verdict")] += 1
            claims = cmp_.get("claims", [])
            for cl in claims:
                if set(cl) != {"article", "text"}:
                    errors.append(f"{where}: claim keys must be article, text")
                if cl.get("article") not in arts:
                    errors.append(f"{where}: claim article {cl.get('article')!r} not in story")
                    continue
                check_text(where, bodies[cl["article"]], cl.get("text"))
            if len({cl.get("article") for cl in claims}) < 2:
                errors.append(f"{where}: spans fewer than two articles")
        for i, fl in enumerate(story.get("flags", [])):
            where = f"{sid} flag {i}"
            if set(fl) != {"article", "text", "why"}:
                errors.append(f"{where}: keys must be article, text, why")
            if fl.get("article") not in arts:
                errors.append(f"{where}: article {fl.get('article')!r} not in story")
                continue
            check_text(where, bodies[fl["article"]], fl.get("text"))
            if not re.match(r"^\[[a-z ]+\]", fl.get("why", "")):
                errors.append(f"{where}: why must start with a [tag]")
        counts.append((sid, len(arts), stance_c, verdict_c, len(story.get("flags", []))))

    for name in txt_files:
        if seen_articles[name] != 1:
            errors.append(f"{name}: listed in {seen_articles[name]} stories (must be 1)")
        words = len(bodies[name].split())
        if not 350 <= words <= 650:
            errors.append(f"{name}: body has {words} words (want 350-650)")

    print("| story | articles | assessments (likely/possible/unlikely) | comparisons (agree/differ) | flags |")
    print("|---|---|---|---|---|")
    tot = Counter()
    for sid, n, sc, vc, nf in counts:
        na, nc = sum(sc.values()), sum(vc.values())
        print(f"| {sid} | {n} | {na} ({sc['likely']}/{sc['possible']}/{sc['unlikely']}) "
              f"| {nc} ({vc['agree']}/{vc['differ']}) | {nf} |")
        tot.update({"a": na, "c": nc, "f": nf})
    print(f"total: {tot['a']} assessments, {tot['c']} comparisons, {tot['f']} flags")
    print()
    print("| article | body words | entities | assessments |")
    print("|---|---|---|---|")
    for name in txt_files:
        print(f"| {name} | {len(bodies[name].split())} | {len(metas.get(name, {}).get('entities', []))} "
              f"| {per_article[name]} |")
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"FAILED ({len(errors)} errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
