"""Reading the head of a scrape: date lines and site banners."""

from __future__ import annotations

import pytest

from dossier.clean.dateline import full_date
from dossier.clean.text import clean_text

BODY = (
    "The county council confirmed on Tuesday that the old swimming baths will reopen in the spring after a "
    "two-year refit, with a new learner pool and a cafe run by a local charity.\n\n"
    "Councillors approved the final payment at a meeting that lasted less than ten minutes."
)


@pytest.mark.parametrize("line, want", [
    ("Wednesday 12 March 2025, 07:45", "2025-03-12"),
    ("Published: March 13, 2025 | 0 comments", "2025-03-13"),
    ("Posted on Sept. 3rd, 2024 by staff", "2024-09-03"),
    ("14.03.2025 08:12", "2025-03-14"),
    ("Updated 2024-11-05T10:00Z", "2024-11-05"),
    ("15/03/2025", "2025-03-15"),
    ("03/04/2025", None),  # day or month first: not guessed
    ("31 February 2025", None),
    ("3 hours ago", None),
])
def test_full_date(line, want):
    assert full_date(line) == want


@pytest.mark.parametrize("banner, want", [
    ("THE MILLBROOK COURIER", "The Millbrook Courier"),
    ("Valley Gazette — news for the upper valley since 1902", "Valley Gazette"),
    ("NewsHub24", "NewsHub24"),
    ("Sport", None),  # one plain word is a section label
])
def test_site_banner_and_date_line(banner, want):
    raw = f"{banner}\n\nOld swimming baths to reopen after two-year refit\n\nBy Ann Lee | 4 April 2023\n\n{BODY}\n"
    result = clean_text(raw)
    assert result.title == "Old swimming baths to reopen after two-year refit"
    assert result.site == want
    assert result.published == "2023-04-04"


def test_no_date_read_from_the_body():
    raw = f"Old swimming baths to reopen after two-year refit\n\n{BODY} The baths first opened on 1 June 1932.\n"
    assert clean_text(raw).published is None
