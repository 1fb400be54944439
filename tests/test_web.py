"""``dossier serve``: every page answers, unknown ids are a 404 page, hostile text stays text."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

import dossier
from dossier.web import create_app

XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'
PARA = ("The harbour board of Kessa met on Monday and agreed to keep the northern quay closed for repairs "
        "until the end of the month, its chairman, Ivo Marek, said after the vote.")


@pytest.fixture(scope="module")
def client(tmp_path_factory, examples_dir):
    out = tmp_path_factory.mktemp("served")
    dossier.build([examples_dir], out=out)
    return TestClient(create_app(out))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile-in")
    (d / "x.txt").write_text(f"Title {XSS}\n\n{PARA}\n\n“We will not {XSS} reopen it,” said Ivo Marek.\n", encoding="utf-8")
    (d / "y.jsonl").write_text(json.dumps({"text": PARA + " " + XSS, "title": XSS, "url": "javascript:alert(3)",
                                           "outlet": XSS}) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    dossier.build([d], out=out)
    return TestClient(create_app(out))


@pytest.mark.parametrize("path", ["/", "/sources", "/people", "/claims", "/timeline", "/search", "/search?q=strike"])
def test_every_page_answers_with_a_strict_policy(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "<h1>Dossier briefing</h1>" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_documents_link_to_their_evidence_and_back(client):
    people = client.get("/people").text
    link = re.search(r'href="/documents/([0-9a-f]+)#(q-[0-9a-f]+)"', people)
    assert link, "a quote on the people page links to its span"
    doc, anchor = link.groups()
    page = client.get(f"/documents/{doc}").text
    assert f'<mark id="{anchor}"' in page
    assert f'href="/people#list-{anchor}"' in page  # and back


def test_unknown_ids_and_other_methods_are_plain_errors(client):
    r = client.get("/documents/does-not-exist")
    assert r.status_code == 404 and "No document" in r.text and "Traceback" not in r.text
    assert client.get("/../../etc/passwd").status_code == 404
    assert client.post("/").status_code == 405
    assert client.delete("/documents/x").status_code == 405


def test_search_finds_documents_and_quotes_and_filters(client):
    r = client.get("/search", params={"q": "emergency powers"})
    hits = re.findall(r'<li><a href="/documents/', r.text)
    assert hits
    outlets = re.findall(r"<option>([^<]+)</option>", r.text)
    narrowed = client.get("/search", params={"q": "emergency powers", "outlet": outlets[0]}).text
    assert len(re.findall(r'<li><a href="/documents/', narrowed)) <= len(hits)


def test_hostile_text_is_inert(hostile):
    pages = [hostile.get(p).text for p in ("/", "/sources", "/people", "/claims", "/search?q=harbour")]
    doc = re.search(r'href="/documents/([0-9a-f]+)"', pages[1]).group(1)
    pages += [hostile.get(f"/documents/{doc}").text]
    for page in pages:
        assert "<script>" not in page and "<img" not in page
        assert 'href="javascript:' not in page
    assert any("&lt;script&gt;" in p for p in pages)


def test_flags_assessments_and_events_link_to_their_spans(client):
    overview = client.get("/").text
    for prefix in ("f", "a"):
        link = re.search(rf'href="/documents/([0-9a-f]+)#({prefix}-\d+)"', overview)
        assert link, prefix
        doc, anchor = link.groups()
        assert f'<mark id="{anchor}"' in client.get(f"/documents/{doc}").text
    timeline = client.get("/timeline").text
    doc, anchor = re.search(r'href="/documents/([0-9a-f]+)#(t-\d+-\d+)"', timeline).groups()
    assert f'<mark id="{anchor}"' in client.get(f"/documents/{doc}").text


def test_document_view_marks_speakers_and_dates(client):
    sources = client.get("/sources").text
    pages = [client.get(f"/documents/{d}").text for d in re.findall(r'href="/documents/([0-9a-f]+)"', sources)]
    assert any('class="speaker"' in p for p in pages)
    assert any('class="date"' in p for p in pages)
    assert 'role="img"' in client.get("/").text  # the overview's charts
