"""The grouping of claims of one value joins what comparing every pair would join, only faster."""

from __future__ import annotations

import random
from collections import defaultdict

from dossier.corpus import compare


def _groups(claims: list[dict], join) -> list[list[int]]:
    parent = list(range(len(claims)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    join(list(range(len(claims))), claims, union)
    out = defaultdict(list)
    for i in range(len(claims)):
        out[find(i)].append(i)
    return sorted(out.values())


def _every_pair(idx, claims, union) -> None:
    for n, i in enumerate(idx):
        for j in idx[:n]:
            if claims[i]["doc"] != claims[j]["doc"] and compare._same_fact(claims[i], claims[j]):
                union(i, j)


def test_claims_alike_are_joined_as_every_pair_across_documents_would_join_them():
    rng = random.Random(7)
    for _ in range(300):
        value = rng.choice([50.0, 16.0, 6800.0, 3.7, 7.0])
        claims = [{"value": value, "unit": rng.choice(["minute", "", "EUR", "jobs", "seats"]),
                   "about": rng.choice([None, None, "e1", "e2"]), "doc": rng.choice("abcd"),
                   "measure": rng.choice(["games start", "start of games", "jobs cut", "", "seats won"])}
                  for _ in range(rng.randint(2, 30))]
        assert _groups(claims, compare._join_same_facts) == _groups(claims, _every_pair)
