#!/usr/bin/env python3
"""Consistency checks for a labelled extraction set: python3 validate_extract_labels.py extract_heldout5

Hard failures: schema errors, label text / variant not an exact substring of the
article body, canonical-name type clashes inside a story, word counts out of range.
Warnings (for human review): digits, number words, weekday/month words and
quotation spans in the body not covered by any label.
"""
import json, os, re, sys
from collections import defaultdict

if len(sys.argv) != 2:
    sys.exit("usage: validate_extract_labels.py FOLDER  (extract_heldout2, extract_heldout5, ... or a path)")
D = sys.argv[1] if os.path.isdir(sys.argv[1]) else os.path.join(os.path.dirname(os.path.abspath(__file__)), sys.argv[1])
NUMWORDS = r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|dozen|hundred|thousand|million|billion|twice|triple)\b"
DATEWORDS = (r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
             r"August|September|October|November|December|Sept\.|Aug\.|yesterday|today|tomorrow|ago|"
             r"(?:next|last|this|earlier(?: this| in the)?)\s+(?:week|month|year|season|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
QUOTE_SPANS = [r"“[^”]*”", r"‘[^’]*’(?![a-z])", r"\"[^\"\n]*\"", r"(?<![A-Za-z])'[^'\n]*'(?![a-z])"]

def spans(body, text):
    out, i = [], body.find(text)
    while i >= 0:
        out.append((i, i + len(text))); i = body.find(text, i + 1)
    return out

def covered(pos, cov):
    return any(a <= pos < b for a, b in cov)

errors, warnings = [], []
canon = defaultdict(dict)
for fn in sorted(os.listdir(D)):
    if not fn.endswith('.json'):
        continue
    name = fn[:-5]
    lab = json.load(open(os.path.join(D, fn), encoding='utf-8'))
    raw = open(os.path.join(D, name + '.txt'), encoding='utf-8').read()
    lines = raw.split('\n')
    if not lines[0].strip() or lines[1] != '':
        errors.append(f"{name}: title line / blank line layout")
    body = '\n'.join(lines[2:])
    wc = len(body.split())
    if not 350 <= wc <= 650:
        errors.append(f"{name}: body word count {wc}")
    for k in ("story", "published", "quotes", "entities", "figures", "dates"):
        if k not in lab:
            errors.append(f"{name}: missing key {k}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", lab["published"]):
        errors.append(f"{name}: bad published")
    for q in lab["quotes"]:
        if q["kind"] not in ("direct", "indirect"):
            errors.append(f"{name}: bad kind {q}")
        if q["text"] not in body:
            errors.append(f"{name}: quote not in body: {q['text'][:70]!r}")
    for e in lab["entities"]:
        if e["type"] not in ("PERSON", "ORG", "GPE", "NORP"):
            errors.append(f"{name}: bad type {e}")
        if not e["variants"]:
            errors.append(f"{name}: entity without variants {e['name']}")
        for v in e["variants"]:
            if v not in body:
                errors.append(f"{name}: variant not in body: {v!r} ({e['name']})")
        prev = canon[lab["story"]].get(e["name"])
        if prev and prev != e["type"]:
            errors.append(f"{name}: type clash for {e['name']}: {prev} vs {e['type']}")
        canon[lab["story"]][e["name"]] = e["type"]
    for f in lab["figures"]:
        if f["text"] not in body:
            errors.append(f"{name}: figure not in body: {f['text']!r}")
        if not isinstance(f["value"], (int, float)):
            errors.append(f"{name}: figure value not numeric: {f}")
    for d in lab["dates"]:
        if d["text"] not in body:
            errors.append(f"{name}: date not in body: {d['text']!r}")
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", d["date"]):
            errors.append(f"{name}: bad date value {d}")
    speakers = {q["speaker"] for q in lab["quotes"] if q["speaker"]}
    names = {e["name"] for e in lab["entities"]}
    for s in speakers - names:
        errors.append(f"{name}: speaker {s!r} not among entities")
    # coverage warnings
    numcov = [sp for x in lab["figures"] + lab["dates"] for sp in spans(body, x["text"])]
    for m in re.finditer(r"\d[\d,.]*|" + NUMWORDS, body, flags=re.I):
        if not covered(m.start(), numcov):
            warnings.append(f"{name}: number not labelled: {body[max(0,m.start()-25):m.end()+25]!r}")
    datecov = [sp for x in lab["dates"] for sp in spans(body, x["text"])]
    for m in re.finditer(DATEWORDS, body):
        if not covered(m.start(), datecov):
            warnings.append(f"{name}: date word not labelled: {body[max(0,m.start()-25):m.end()+25]!r}")
    qcov = [sp for q in lab["quotes"] for sp in spans(body, q["text"])]
    for pat in QUOTE_SPANS:
        for m in re.finditer(pat, body):
            if not covered(m.start() + 1, qcov):
                warnings.append(f"{name}: quoted span not labelled as quote: {m.group(0)[:60]!r}")
    print(f"{name}: words={wc} quotes={len(lab['quotes'])} "
          f"(direct={sum(q['kind']=='direct' for q in lab['quotes'])}, "
          f"indirect={sum(q['kind']=='indirect' for q in lab['quotes'])}) "
          f"entities={len(lab['entities'])} figures={len(lab['figures'])} dates={len(lab['dates'])}")

print("\nWARNINGS (review; expected ones are scare quotes, crossheads, related-link lines, ordinals, unlabelled vague expressions):")
for w in warnings:
    print("  " + w)
if errors:
    print("\nERRORS:")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: all label strings are exact substrings of the article bodies.")
