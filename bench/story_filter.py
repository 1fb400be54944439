"""How well ``--like`` keeps a story's coverage and drops the rest.

    .venv/bin/python bench/story_filter.py DIR      # DIR holds corpus.jsonl from bench/corpus.py

The profile is built from half of the example corpus's articles (the Dravenian
port strike, examples/); scored are the other half (in the story) and the
benchmark corpus's articles that never mention the story's places (not in the
story: local news, business, culture, courts...).  Printed: the share of the
story kept and the share of the rest let through, at the threshold in use.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

import dossier  # noqa: E402
from dossier.corpus.story import THRESHOLD, StoryProfile  # noqa: E402

STORY_NAMES = re.compile(r"Draveni|Yarovets|Jarovec|Lirovsk", re.I)  # labels the benchmark, never the filter


def main() -> None:
    folder = Path(sys.argv[1])
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        b = dossier.build([ROOT / "examples"], out=tmp)
    story = sorted((d.text for d in b.documents if d.status == "ok"), key=len)
    train, held = story[::2], story[1::2]
    prof = StoryProfile.from_texts(train)
    others = []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            if not STORY_NAMES.search(text):
                others.append(text)
    kept = sum(prof.matches(t) for t in held)
    leaked = sum(prof.matches(t) for t in others)
    result = {"threshold": THRESHOLD, "story_kept": kept, "story": len(held), "others_kept": leaked,
              "others": len(others)}
    print(f"--like at {THRESHOLD}: keeps {kept}/{len(held)} held-out story articles, lets through "
          f"{leaked}/{len(others)} ({leaked / max(1, len(others)):.1%}) articles of other stories")
    (ROOT / "bench" / "results" / "story_filter.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
