"""Checks seeds.json and heldout.json: schema, enums, and that every text is an exact substring of its article body."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)

def seed_body(name):
    with open(os.path.join(DATA, "seeds_gold", name + ".json"), encoding="utf-8") as f:
        return "\n\n".join(json.load(f)["body"])

def heldout_body(name):
    with open(os.path.join(DATA, "extract_heldout", name + ".txt"), encoding="utf-8") as f:
        lines = f.read().split("\n")
    return "\n".join(lines[1:]).lstrip("\n")

def check(fname, body_of):
    errs = 0
    with open(os.path.join(HERE, fname), encoding="utf-8") as f:
        gold = json.load(f)
    for sid, st in gold["stories"].items():
        bodies = {a: body_of(a) for a in st["articles"]}
        def t(article, text, where):
            nonlocal errs
            if article not in bodies:
                print(f"{fname} {sid} {where}: unknown article {article}"); errs += 1
            elif text not in bodies[article]:
                print(f"{fname} {sid} {where}: NOT FOUND in {article}: {text!r}"); errs += 1
            elif bodies[article].count(text) > 1:
                print(f"{fname} {sid} {where}: note, occurs {bodies[article].count(text)}x in {article}: {text!r}")
        for i, x in enumerate(st["assessments"]):
            assert set(x) == {"article", "text", "holder", "stance", "note"}, x
            assert x["stance"] in ("likely", "possible", "unlikely"), x
            t(x["article"], x["text"], f"assessment {i}")
        for i, cmp_ in enumerate(st["comparisons"]):
            assert set(cmp_) == {"measure", "claims", "verdict", "note"}, cmp_
            assert cmp_["verdict"] in ("agree", "differ"), cmp_
            arts = {c["article"] for c in cmp_["claims"]}
            if len(arts) < 2:
                print(f"{fname} {sid} comparison {i}: claims from one article only"); errs += 1
            for c in cmp_["claims"]:
                t(c["article"], c["text"], f"comparison {i}")
        for i, x in enumerate(st["flags"]):
            assert set(x) == {"article", "text", "why"}, x
            t(x["article"], x["text"], f"flag {i}")
        stance = {}
        for x in st["assessments"]:
            stance[x["stance"]] = stance.get(x["stance"], 0) + 1
        print(f"{fname} {sid}: {len(st['articles'])} articles, {len(st['assessments'])} assessments {stance}, "
              f"{len(st['comparisons'])} comparisons "
              f"({sum(c['verdict']=='agree' for c in st['comparisons'])} agree), {len(st['flags'])} flags")
    return errs

errs = check("seeds.json", seed_body) + check("heldout.json", heldout_body)
print("OK" if not errs else f"{errs} error(s)")
sys.exit(1 if errs else 0)
