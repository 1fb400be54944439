"""Every input format, every encoding, and every kind of bad input, read into records."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dossier.io.files import discover
from dossier.io.inputs import read_inputs
from dossier.pipeline import build

BODY = (
    "The river authority opened the flood gates on Thursday after three days of heavy rain, "
    "and said water levels in the valley would fall by the weekend.\n\n"
    "Residents of the lower town were told to keep sandbags in place until Sunday, when engineers "
    "will inspect the embankment again."
)
ARTICLE = f"Flood gates opened as valley rain eases\n\n{BODY}\n"
PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Flood gates opened | Valley Courier</title>"
    "<meta property='og:site_name' content='Valley Courier'>"
    "<meta property='og:title' content='Flood gates opened as valley rain eases'>"
    "<meta property='article:published_time' content='2023-04-06T08:00:00Z'></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Flood gates opened as valley rain eases</h1>"
    + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    + "</article><footer>Contact us · Privacy</footer></body></html>"
)


def records(paths, max_bytes=10 << 20):
    return list(read_inputs(discover(paths), max_bytes))


def one(path, **kw):
    recs = records([path], **kw)
    assert len(recs) == 1, recs
    return recs[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1251", "latin-1"])
def test_text_in_common_encodings(tmp_path, encoding):
    samples = {"utf-8": "Mayor Zoë Brandt said «fine» — 5 €.", "utf-16": "Mayor Zoë Brandt said «fine» — 5 €.",
               "cp1251": "Мэр Зоя Брандт (Zoya Brandt) said it was “fine”.", "latin-1": "Mayor Zoë Brandt said «fine», £5."}
    text = f"{ARTICLE}\n{samples[encoding]} " + BODY.split("\n\n")[0]
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    r = one(p)
    assert r.status == "ok" and r.format == "text"
    assert samples[encoding] in r.content


def test_html_page_gives_metadata_and_body(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    [doc] = build([p], out=tmp_path / "out").documents
    assert doc.status == "ok"
    assert doc.title == "Flood gates opened as valley rain eases"
    assert doc.outlet == "Valley Courier"
    assert doc.published == "2023-04-06"
    assert "flood gates on Thursday" in doc.text and "Privacy" not in doc.text


def test_txt_holding_html_is_read_as_html(tmp_path):
    p = tmp_path / "saved.txt"
    p.write_text(PAGE, encoding="utf-8")
    assert one(p).format == "html"


def test_jsonl_lines_with_text_or_html_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": ARTICLE, "title": "Flood gates opened", "url": "https://example.org/a", "published": "2023-04-06", "outlet": "Valley Courier"}),
        json.dumps({"html": PAGE, "url": "https://example.org/b"}),
        "",
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body"}),
    ]
    p = tmp_path / "export.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    recs = records([p])
    assert [r.status for r in recs] == ["ok", "ok", "error", "error", "error"]
    assert recs[0].meta.outlet == "Valley Courier" and recs[0].meta.published == "2023-04-06"
    assert recs[0].meta.published_at is None  # a date alone gives no time of day
    assert recs[1].format == "html"
    assert "line 4" in recs[2].error and "not valid JSON" in recs[2].error
    assert "line 6" in recs[4].error


def _rss(items: str) -> str:
    return (f"<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>Valley Courier</title><link>https://example.org</link>{items}</channel></rss>")


def test_rss_entries_with_full_content_become_documents(tmp_path):
    full = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    items = (f"<item><title>Flood gates opened</title><link>https://example.org/a</link>"
             f"<pubDate>Thu, 06 Apr 2023 08:00:00 GMT</pubDate><description>Short teaser.</description>"
             f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
             f"<item><title>Teaser only</title><link>https://example.org/b</link><description>Just a teaser line.</description></item>")
    p = tmp_path / "feed.rss"
    p.write_text(_rss(items), encoding="utf-8")
    recs = records([p])
    assert [r.status for r in recs] == ["ok", "skipped"]
    assert recs[0].meta.published == "2023-04-06" and recs[0].meta.outlet == "Valley Courier"
    assert recs[0].meta.published_at == "2023-04-06T08:00:00Z"
    assert "flood gates on Thursday" in recs[0].content
    assert "summary" in recs[1].error


def test_atom_feed(tmp_path):
    full = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    atom = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Valley Courier</title>"
            "<entry><title>Flood gates opened</title><link href='https://example.org/a'/><updated>2023-04-06T08:00:00Z</updated>"
            f"<content type='html'><![CDATA[{full}]]></content></entry></feed>")
    p = tmp_path / "feed.atom"
    p.write_text(atom, encoding="utf-8")
    [r] = records([p])
    assert r.status == "ok" and "embankment" in r.content


def test_malformed_feed_is_an_error(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    r = one(p)
    assert r.status == "error" and "RSS/Atom" in r.error


def _warc(path: Path, truncate: bool = False) -> None:
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    w.write_record(w.create_warcinfo_record("x.warc.gz", {"software": "test"}))
    for n in range(2):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://example.org/{n}", "response", payload=io.BytesIO(PAGE.encode()), http_headers=http))
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://example.org/i.png", "response", payload=io.BytesIO(b"\x89PNG..."), http_headers=http))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - 60] if truncate else data)


def test_warc_gz_html_responses_become_documents(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    _warc(p)
    recs = records([p])
    assert [r.status for r in recs] == ["skipped", "ok", "ok", "skipped"]
    assert recs[1].meta.url == "https://example.org/0" and recs[1].format == "html"


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    p = tmp_path / "cut.warc.gz"
    _warc(p, truncate=True)
    recs = records([p])
    assert sum(r.status == "ok" for r in recs) == 2
    assert recs[-1].status == "error" and "truncated" in recs[-1].error


def test_warc_in_memory_reads_as_the_file_does(tmp_path):
    """The Spark runner hands whole remote WARC files over as bytes."""
    from dossier.io.warc import read_warc, read_warc_bytes

    for truncate in (False, True):
        p = tmp_path / f"crawl-{truncate}.warc.gz"
        _warc(p, truncate=truncate)
        from_file = [(r.status, r.error, r.digest, r.content) for r in read_warc(p, "x", 1 << 20)]
        assert [(r.status, r.error, r.digest, r.content) for r in read_warc_bytes(p.read_bytes(), "x", 1 << 20)] == from_file
        assert (from_file[-1][0] == "error") == truncate


def test_gzip_of_text_and_html(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    recs = records([tmp_path])
    assert [(r.format, r.status) for r in recs] == [("text", "ok"), ("html", "ok")]


def test_truncated_gzip(tmp_path):
    data = gzip.compress((ARTICLE * 50).encode())
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    r = one(p)
    assert r.status == "error" and "truncated gzip" in r.error


def test_not_gzip_with_gz_name(tmp_path):
    p = tmp_path / "fake.txt.gz"
    p.write_text(ARTICLE)
    assert "not gzip" in one(p).error


def test_empty_file_random_bytes_and_unknown_type(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.txt").write_bytes(os.urandom(4096))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(100))
    recs = {Path(r.source).name: r for r in records([tmp_path])}
    assert recs["empty.txt"].status == "skipped" and "empty" in recs["empty.txt"].error
    assert recs["noise.txt"].status == "error" and ("binary" in recs["noise.txt"].error or "encoding" in recs["noise.txt"].error)
    assert recs["photo.jpg"].status == "skipped" and "unsupported" in recs["photo.jpg"].error


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    p = tmp_path / "huge.txt"
    p.write_bytes(b"x" * (12 << 20))  # a 12 MB single line
    r = one(p)
    assert r.status == "error" and "--max-bytes" in r.error


def test_gzip_bomb_is_capped(tmp_path):
    p = tmp_path / "bomb.txt.gz"
    p.write_bytes(gzip.compress(b"a" * (3 << 20)))
    r = one(p, max_bytes=1 << 20)
    assert r.status == "error" and "--max-bytes" in r.error


def test_dangling_symlink_and_missing_path(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    recs = records([tmp_path, tmp_path / "missing.txt"])
    assert [r.status for r in recs] == ["error", "error"]
    assert "dangling link" in recs[0].error and "no such file" in recs[1].error


def test_hidden_files_in_folders_are_passed_over(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [Path(r.source).name for r in records([tmp_path])] == ["a.txt"]


def test_jsonl_is_streamed_whatever_its_size_and_capped_per_line(tmp_path):
    """A JSONL export is a container: a file far over the cap is read; one over-long line is an error."""
    import gzip

    line = json.dumps({"text": ARTICLE, "title": "Flood gates opened"})
    big = "\n".join([line] * 40 + [json.dumps({"text": "x " * 3000})] + [line] * 2)
    p = tmp_path / "big.jsonl"
    p.write_text(big, encoding="utf-8")
    cap = len(line) + 100  # each ordinary line fits, the whole file is ~40 times over
    recs = list(read_inputs(discover([p]), cap))
    assert len(recs) == 43
    assert [r.status for r in recs].count("ok") == 42
    assert recs[40].status == "error" and "line 41" in recs[40].error and "--max-bytes" in recs[40].error
    gz = tmp_path / "big.jsonl.gz"
    gz.write_bytes(gzip.compress(big.encode()))
    assert [r.status for r in read_inputs(discover([gz]), cap)] == [r.status for r in recs]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(big.encode())[:-40])
    cut_recs = list(read_inputs(discover([cut]), cap))
    assert cut_recs[-1].status == "error" and "breaks off" in cut_recs[-1].error
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert [r.status for r in read_inputs(discover([empty]), cap)] == ["skipped"]


def test_parquet_rows_become_records(tmp_path):
    import duckdb

    p = tmp_path / "articles.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE t (title VARCHAR, text VARCHAR, html VARCHAR, url VARCHAR, published DATE, outlet VARCHAR)")
    con.execute("INSERT INTO t VALUES ('Flood gates opened', ?, NULL, 'https://example.org/a', DATE '2023-04-06', "
                "'Valley Courier'), (NULL, NULL, ?, 'https://example.org/b', NULL, NULL), ('no body', NULL, NULL, "
                "NULL, NULL, NULL)", [ARTICLE, PAGE])
    con.execute(f"COPY t TO '{p}' (FORMAT parquet)")
    recs = records([p])
    assert [r.status for r in recs] == ["ok", "ok", "error"]
    assert recs[0].meta.published == "2023-04-06" and recs[0].meta.outlet == "Valley Courier"
    assert recs[0].source.endswith("#R1") and recs[1].format == "html"
    assert "row 3" in recs[2].error
    wrong = tmp_path / "wrong.parquet"
    con.execute(f"COPY (SELECT 1 AS body) TO '{wrong}' (FORMAT parquet)")
    (bad,) = records([wrong])
    assert bad.status == "error" and "'text' or 'html' column" in bad.error
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    (bad,) = records([broken])
    assert bad.status == "error" and "Parquet" in bad.error


def test_a_published_time_reaches_the_store_and_an_older_store_without_it_still_opens(tmp_path):
    """The time of day orders same-day copies: it must survive the store.  A store written
    before the column existed must still open read-only (``dossier serve`` on an old dossier)."""
    import duckdb

    from dossier.store import Store

    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"text": ARTICLE, "published": "2023-04-06T07:45:00+02:00"}) + "\n", encoding="utf-8")
    build([p], out=tmp_path / "out")
    with Store.open(tmp_path / "out", read_only=True) as store:
        [doc] = store.documents()
    assert (doc.published, doc.published_at) == ("2023-04-06", "2023-04-06T05:45:00Z")
    assert "published_at" not in doc.to_dict()  # the contract's document object is unchanged

    con = duckdb.connect(str(tmp_path / "out" / "dossier.duckdb"))
    con.execute("ALTER TABLE documents DROP COLUMN published_at")
    con.close()
    with Store.open(tmp_path / "out", read_only=True) as store:
        assert store.documents()[0].published_at is None


def test_a_feed_date_written_as_local_midnight_gives_no_time_of_day(tmp_path):
    """"00:00:00 -0500" is a bare date in the writer's zone, not 05:00 UTC: taken for a time, it
    would make the page look earlier than every timed copy of its day."""
    full = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    items = "".join(f"<item><title>T{n}</title><link>https://example.org/{n}</link><pubDate>{when}</pubDate>"
                    f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
                    for n, when in enumerate(["Sat, 08 Apr 2023 00:00:00 -0500", "Sat, 08 Apr 2023 09:30:00 -0500"]))
    p = tmp_path / "feed.rss"
    p.write_text(_rss(items), encoding="utf-8")
    assert [r.meta.published_at for r in records([p])] == [None, "2023-04-08T14:30:00Z"]
