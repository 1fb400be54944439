"""A best-effort "de-spun" reading of machine-spun texts.

Where a spun copy's original is in the corpus, aligning the two shows the
spinner's substitutions (a chemical element for "at"); spinners apply one table
throughout, so what is learned from one pair also reads other texts spun with
the same table.  Without such a pair nothing is guessed: a wrong "correction"
would be worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


def learn_substitutions(spun: str, original: str) -> Counter[tuple[str, str]]:
    """Word-for-word replacements between a spun text and its original."""
    a = [w.lower() for w in _WORD.findall(spun)]
    b = [w.lower() for w in _WORD.findall(original)]
    pairs: Counter[tuple[str, str]] = Counter()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            # words the spinner left alone count too: "the" kept 200 times and misaligned
            # once with "tomorrow" must not be read as "tomorrow"
            for x in a[i1:i2]:
                pairs[(x, x)] += 1
        elif op == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2]):
                if x != y:
                    pairs[(x, y)] += 1
    return pairs


def substitution_table(pairs: Counter[tuple[str, str]], min_count: int = 2) -> dict[str, str]:
    """The replacement each spun word stands for, when the alignments agree on it."""
    by_word: dict[str, Counter[str]] = {}
    for (x, y), n in pairs.items():
        by_word.setdefault(x, Counter())[y] += n
    table = {}
    for x, counts in by_word.items():
        y, n = counts.most_common(1)[0]
        if y != x and n >= min_count and n >= 0.7 * sum(counts.values()):
            table[x] = y
    return table


def despin(text: str, table: dict[str, str]) -> str | None:
    """``text`` with the table's substitutions undone (case kept), or None if none apply."""
    if not table:
        return None
    changed = 0

    def swap(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group(0)
        repl = table.get(word.lower())
        if repl is None:
            return word
        changed += 1
        return repl.capitalize() if word[0].isupper() else repl

    out = _WORD.sub(swap, text)
    return out if changed else None
