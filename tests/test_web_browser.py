"""The web app as a person uses it, in Debian's chromium driven by Playwright (headless).

``make test`` installs chromium with apt-get when it is missing; where it still
is not there, these tests are skipped with the reason.
"""

from __future__ import annotations

import json
import os

import pytest

import dossier
from dossier.web import running

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="chromium is not installed (make test installs it)")
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, examples_dir):
    out = tmp_path_factory.mktemp("site")
    dossier.build([examples_dir], out=out,
                  question="Will the Dravenian government invoke emergency powers to end the Yarovets port strike?")
    with running(out) as base:
        yield base


def test_overview_shows_the_question_and_its_balance(browser, site):
    page = browser.new_page()
    page.goto(site + "/")
    assert page.get_by_text("The question:").is_visible()
    assert page.locator("svg[role=img]").first.is_visible()
    page.close()


def test_a_quote_leads_to_its_evidence_and_back(browser, site):
    page = browser.new_page()
    page.goto(site + "/people")
    link = page.locator("a[href*='/documents/'][href*='#q-']").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    mark = page.locator(f"mark#{anchor}")
    mark.wait_for()
    assert mark.is_visible() and page.url.endswith("#" + anchor)
    assert page.evaluate("document.querySelector(':target').id") == anchor
    page.locator(f"mark#{anchor} + a.back").click()
    assert page.url.endswith(f"/people#list-{anchor}")
    page.close()


def test_search_from_the_keyboard(browser, site):
    page = browser.new_page()
    page.goto(site + "/search")
    page.wait_for_function("document.activeElement && document.activeElement.name === 'q'")  # focus on arrival
    page.keyboard.type("emergency powers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=emergency*")
    assert page.locator("main li a[href^='/documents/']").count() > 0
    page.close()


def test_a_spun_document_shows_its_despun_reading(browser, site):
    page = browser.new_page()
    page.goto(site + "/sources")
    page.locator("ul.copies li", has_text="spun").first.locator("a").first.click()
    assert page.get_by_role("heading", name="De-spun reading").is_visible()
    page.close()


def test_hostile_corpus_renders_inert(browser, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    para = "The harbour board of Kessa met on Monday and agreed to keep the northern quay closed, its chairman said."
    (d / "x.txt").write_text(f"Title {XSS}\n\n{para}\n\n“We will {XSS} reopen it,” said Ivo Marek.\n", encoding="utf-8")
    (d / "y.jsonl").write_text(json.dumps({"text": para + XSS, "title": XSS, "url": "javascript:alert(3)",
                                           "outlet": XSS}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    dossier.build([d], out=out)
    dialogs, requests = [], []
    with running(out) as base:
        page = browser.new_page()
        page.on("dialog", lambda dlg: (dialogs.append(dlg.message), dlg.dismiss()))
        page.on("request", lambda req: requests.append(req.url))
        for path in ("/", "/sources", "/people", "/claims", "/search?q=harbour"):
            page.goto(base + path)
        for href in page.evaluate("[...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"):
            assert not (href or "").lower().startswith("javascript:")
        page.goto(base + "/sources")
        page.locator("a[href^='/documents/']").first.click()
        page.wait_for_load_state()
        page.goto("file://" + str(out / "briefing.html"))
        page.close()
    assert dialogs == []
    assert all(u.startswith(base) or u.startswith("file://") for u in requests), requests
