"""Lines that recur on several pages of one site are cut as the site's template."""

from __future__ import annotations

import dossier
from dossier.corpus.boilerplate import Page, recurring_lines, site_key

STORIES = [
    ("Ferry fares to rise by a tenth in May",
     "The island ferry company will raise fares by ten percent from May, blaming fuel costs and a new safety rule.",
     "Regular travellers said the rise would hit workers who cross every day, and asked for a commuter pass."),
    ("New doctor's surgery opens in the old bank",
     "A doctor's surgery has opened in the former bank building on Quay Street after a year of building work.",
     "The practice will take four thousand patients and offer evening appointments twice a week."),
    ("Lifeboat crew honoured for winter rescue",
     "Five members of the lifeboat crew were given bravery awards for rescuing two fishermen in a January storm.",
     "The coxswain said the crew had trained for years for a night like that one and were glad it ended well."),
    ("School choir wins national title",
     "The primary school choir won the national junior title on Saturday, the first win for the island in decades.",
     "The head teacher said the children had rehearsed every lunchtime since September for the final."),
]


def _page(title: str, p1: str, p2: str) -> str:
    # "We read every letter." is a short sentence between paragraphs: its shape alone
    # cannot tell it from the story; only its recurrence on every page of the site can.
    return f"ISLAND TIMES\n\n{title}\n\n{p1}\n\nWe read every letter.\n\n{p2}\n"


def test_recurring_lines_pure():
    pages = [Page(str(n), "island times", _page(*s)) for n, s in enumerate(STORIES)]
    template = recurring_lines(pages)
    assert set(template) == {"0", "1", "2", "3"}
    assert "we read every letter" in template["0"]
    assert not any("ferry" in line for line in template["0"])


def test_copies_of_one_story_are_not_a_template():
    pages = [Page(str(n), "island times", _page(*STORIES[0])) for n in range(4)]
    assert recurring_lines(pages) == {}


def test_site_key():
    assert site_key("https://www.example.org/a/b", "Other") == "example.org"
    assert site_key(None, "Island Times") == "island times"
    assert site_key(None, None) is None


def test_build_cuts_the_template_once_the_site_has_enough_pages(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    out = tmp_path / "out"
    for n, story in enumerate(STORIES[:2]):
        (src / f"{n}.txt").write_text(_page(*story), encoding="utf-8")
    first = dossier.build([src], out=out)
    assert all("We read every letter." in d.text for d in first.documents)  # two pages: not enough to tell

    for n, story in enumerate(STORIES[2:], start=2):
        (src / f"{n}.txt").write_text(_page(*story), encoding="utf-8")
    second = dossier.build([src], out=out)
    assert len(second.documents) == 4
    for d in second.documents:
        assert "We read every letter." not in d.text
        assert d.outlet == "Island Times"
        assert any("template" in r.reason for r in d.removed)
        assert d.text.startswith(next(s[1] for s in STORIES if s[0] == d.title))

    third = dossier.build([src], out=out)
    assert [x.to_dict() for x in third.documents] == [x.to_dict() for x in second.documents]
