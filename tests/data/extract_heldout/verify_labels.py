"""Consistency check for the extract_heldout labels: every label text must be an exact
substring of the article body (text after the title line), entity types must agree
across a story, speakers must be entities of the article, dates well-formed.
Run: python3 tests/data/extract_heldout/verify_labels.py"""
import json, os, re, sys, glob, collections
D = os.path.dirname(os.path.abspath(__file__))
QM = "‘’“”\"'"
ok = True
def fail(*a):
    global ok; ok = False; print("FAIL", *a)
types = {"PERSON","ORG","GPE","NORP"}
story_types = collections.defaultdict(dict)
for jp in sorted(glob.glob(D + "/*.json")):
    name = os.path.basename(jp)[:-5]
    txt = open(D + f"/{name}.txt", encoding="utf-8").read()
    lines = txt.split("\n")
    assert lines[1] == "", name
    body = "\n".join(lines[2:])
    j = json.load(open(jp, encoding="utf-8"))
    assert set(j) == {"story","published","quotes","entities","figures","dates"}, name
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", j["published"])
    wc = len(body.split())
    if not 350 <= wc <= 700: fail(name, "wordcount", wc)
    for sec in ("quotes","figures","dates"):
        cnt = collections.Counter(x["text"] for x in j[sec])
        for t, c in cnt.items():
            occ = body.count(t)
            if occ == 0: fail(name, sec, "not found:", repr(t))
            elif occ < c: fail(name, sec, f"listed {c}x but occurs {occ}x:", repr(t))
    for q in j["quotes"]:
        assert q["kind"] in ("direct","indirect"), q
        assert q["speaker"] is None or isinstance(q["speaker"], str)
        if q["text"][0] in QM or q["text"][-1] in QM: fail(name, "quote mark at edge", q["text"][:40])
        if q["text"].endswith(","): fail(name, "trailing comma", q["text"][-30:])
    names = [e["name"] for e in j["entities"]]
    if len(names) != len(set(names)): fail(name, "dup entity")
    for e in j["entities"]:
        assert e["type"] in types, e
        prev = story_types[j["story"]].get(e["name"])
        if prev and prev != e["type"]: fail(name, "type mismatch", e["name"])
        story_types[j["story"]][e["name"]] = e["type"]
        for v in e["variants"]:
            if v not in body: fail(name, "variant not found", v)
    # speakers must be entities of the story (checked later)
    for f in j["figures"]:
        assert isinstance(f["value"], (int,float)), f
    for d in j["dates"]:
        if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", d["date"]): fail(name, "bad date", d)
    print(f"{name}: words={wc} quotes={len(j['quotes'])} entities={len(j['entities'])} figures={len(j['figures'])} dates={len(j['dates'])}")
# speaker check
for jp in sorted(glob.glob(D + "/*.json")):
    j = json.load(open(jp, encoding="utf-8"))
    ents = {e["name"] for e in j["entities"]}
    for q in j["quotes"]:
        if q["speaker"] and q["speaker"] not in ents:
            fail(os.path.basename(jp), "speaker not an entity of the article:", q["speaker"])
print("ALL OK" if ok else "ERRORS")
sys.exit(0 if ok else 1)
