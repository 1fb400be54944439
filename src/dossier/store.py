"""The embedded DuckDB store in a dossier's output folder.

It holds the raw inputs, the documents and every result table, so a run can be
resumed, extended with new files, or served without redoing the work.  Writes
happen in transactions of whole documents: an interrupted run leaves complete
documents only, and the next run carries on from there.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import importlib.util
import sys

import duckdb
import numpy as np

if importlib.util.find_spec("pandas") is None:
    # DuckDB's Python client tries ``import pandas`` on every parameterised execute; without
    # pandas each try searches the whole sys.path again (a failed import is not cached), which
    # was 40% of the time spent storing documents.  A None entry makes the try fail at once.
    sys.modules.setdefault("pandas", None)

from dossier.model import Briefing, Credit, Document, RawRecord, RecordMeta, Removal, provenance_from_dict

DB_NAME = "dossier.duckdb"
_DOCUMENT_COLUMNS = ("id", "source", "status", "error", "title", "outlet", "url", "published", "published_inferred",
                     "language", "text", "raw_text", "provenance", "published_at")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS raw_inputs (
    source VARCHAR PRIMARY KEY,
    digest VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    format VARCHAR,
    content VARCHAR,
    meta JSON,
    added_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    error VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published VARCHAR,
    published_inferred BOOLEAN,
    language VARCHAR,
    text VARCHAR,
    raw_text VARCHAR,
    provenance JSON
);
CREATE TABLE IF NOT EXISTS removed (
    doc_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR,
    reason VARCHAR
);
CREATE TABLE IF NOT EXISTS credited (
    doc_id VARCHAR NOT NULL,
    name VARCHAR,
    start INTEGER,
    "end" INTEGER,
    "where" VARCHAR,
    how VARCHAR
);
CREATE TABLE IF NOT EXISTS groups (
    group_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    original VARCHAR,
    original_outlet VARCHAR
);
CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS extractions (doc_id VARCHAR PRIMARY KEY, key VARCHAR NOT NULL, data JSON);
CREATE TABLE IF NOT EXISTS signals (doc_id VARCHAR PRIMARY KEY, key VARCHAR NOT NULL, data JSON);
CREATE TABLE IF NOT EXISTS entities (id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, speaker VARCHAR, speaker_name VARCHAR, kind VARCHAR, text VARCHAR, data JSON
);
CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY, doc_id VARCHAR, measure VARCHAR, value DOUBLE, unit VARCHAR, data JSON
);
CREATE TABLE IF NOT EXISTS timeline (date VARCHAR, text VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS dates (doc_id VARCHAR, value VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS comparisons (measure VARCHAR, verdict VARCHAR, independent_sources INTEGER, data JSON);
CREATE TABLE IF NOT EXISTS assessments (doc_id VARCHAR, holder VARCHAR, holder_name VARCHAR, stance VARCHAR, data JSON);
CREATE TABLE IF NOT EXISTS flags (doc_id VARCHAR, why VARCHAR, data JSON);
ALTER TABLE documents ADD COLUMN IF NOT EXISTS published_at VARCHAR;
"""

# The corpus-wide results of the analysis pass: table -> (column, key in the result row), besides "data".
_RESULTS: dict[str, tuple[tuple[str, str], ...]] = {
    "entities": (("id", "id"), ("name", "name"), ("type", "type")),
    "quotes": (("id", "id"), ("doc_id", "doc"), ("speaker", "speaker"), ("speaker_name", "speaker_name"),
               ("kind", "kind"), ("text", "text")),
    "claims": (("id", "id"), ("doc_id", "doc"), ("measure", "measure"), ("value", "value"), ("unit", "unit")),
    "timeline": (("date", "date"), ("text", "text")),
    "dates": (("doc_id", "doc"), ("value", "value")),
    "comparisons": (("measure", "measure"), ("verdict", "verdict"), ("independent_sources", "independent_sources")),
    "assessments": (("doc_id", "doc"), ("holder", "holder"), ("holder_name", "holder_name"), ("stance", "stance")),
    "flags": (("doc_id", "doc"), ("why", "why")),
}


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load DuckDB's full-text search extension offline, from the ``duckdb-extension-fts`` package.

    DuckDB would download the extension at run time; the package ships the file
    for our pinned DuckDB, so ``INSTALL`` from that path works without network.
    Returns False (search falls back to substring matching) when it cannot load.
    """
    try:
        con.execute("LOAD fts")
        return True
    except duckdb.Error:
        pass
    try:
        import glob
        import os

        import duckdb_extension_fts

        here = os.path.dirname(duckdb_extension_fts.__file__)
        found = glob.glob(os.path.join(here, "extensions", f"v{duckdb.__version__}", "fts.duckdb_extension"))
        if not found:
            return False
        con.execute(f"INSTALL '{found[0]}'")
        con.execute("LOAD fts")
        return True
    except (ImportError, duckdb.Error):
        return False


class Store:
    """Documents and results of one dossier, in ``DIR/dossier.duckdb``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con = con
        self.path = path
        self._types: dict[str, dict[str, str]] = {}  # table -> column -> SQL type (``_columns``)
        # Which content each source was stored with, and which source owns each document id: read
        # once, then kept with every ``put``, so a run asks nothing of the database per record.
        self._inputs: dict[str, tuple[str, str]] | None = None  # source -> (digest, doc id)
        self._owners: dict[str, str] | None = None  # doc id -> source

    @classmethod
    def open(cls, out_dir: str | Path, read_only: bool = False) -> Store:
        path = Path(out_dir) / DB_NAME
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only)
        if not read_only:
            con.execute(_SCHEMA)
        return cls(con, path)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- inputs -------------------------------------------------------------------------

    def _input_index(self) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
        if self._inputs is None or self._owners is None:
            self._inputs = {src: (dig, doc) for src, dig, doc in
                            self.con.execute("SELECT source, digest, doc_id FROM raw_inputs").fetchall()}
            self._owners = dict(self.con.execute("SELECT id, source FROM documents").fetchall())
        return self._inputs, self._owners

    def is_current(self, source: str, digest: str) -> bool:
        """True when ``source`` was processed before with the same content."""
        known = self._input_index()[0].get(source)
        return known is not None and known[0] == digest

    def allocate_id(self, source: str, digest: str, taken: set[str] = frozenset()) -> str:
        """A stable id from the content; the same bytes under a second name get their own id.

        Byte-identical copies are still separate inputs (a user must see both,
        and provenance must call one a duplicate of the other).
        """
        doc_id = digest[:16]
        owner = self._input_index()[1].get(doc_id)
        if (owner is None or owner == source) and doc_id not in taken:
            return doc_id
        return hashlib.sha256(f"{digest}\0{source}".encode()).hexdigest()[:16]

    # --- writes ------------------------------------------------------------------------

    def put(self, items: Iterable[tuple[RawRecord, Document]]) -> None:
        """Store documents with their raw inputs, all or nothing.

        A source stored before with other content loses its old document first.  The
        writes are a few bulk statements per batch, not several per document (each
        statement costs about a millisecond; 100,000 pages made that minutes)."""
        items = list(items)
        if not items:
            return
        inputs, owners = self._input_index()
        stale = [inputs[r.source][1] for r, _ in items if r.source in inputs]
        ids = [d.id for _, d in items]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_where("raw_inputs", "source", [r.source for r, _ in items])
            for table, key in (("documents", "id"), ("removed", "doc_id"), ("credited", "doc_id"), ("signals", "doc_id")):
                self._delete_where(table, key, stale + (ids if table != "signals" else []))
            self._insert("raw_inputs", ("source", "digest", "doc_id", "format", "content", "meta"),
                         [[r.source, r.digest, d.id, r.format, r.content, asdict(r.meta)] for r, d in items])
            self._insert("documents", _DOCUMENT_COLUMNS,
                         [[d.id, d.source, d.status, d.error, d.title, d.outlet, d.url, d.published,
                           d.published_inferred, d.language, d.text, d.raw_text, d.to_dict()["provenance"],
                           d.published_at]
                          for _, d in items])
            self._insert("removed", ("doc_id", "start", "end", "text", "reason"),
                         [[d.id, r.start, r.end, r.text, r.reason] for _, d in items for r in d.removed])
            self._insert("credited", ("doc_id", "name", "start", "end", "where", "how"),
                         [[d.id, c.name, c.start, c.end, c.where, c.how] for _, d in items for c in d.credited])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            self._inputs = self._owners = None  # read again after a failed write
            raise
        for old in stale:
            owners.pop(old, None)
        for record, doc in items:
            inputs[record.source] = (record.digest, doc.id)
            owners[doc.id] = doc.source

    def _delete_where(self, table: str, key: str, values: list[str]) -> None:
        if values:
            self.con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))", [values])

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[list], verb: str = "INSERT") -> None:
        """Rows into ``table`` with one statement: the rows go in as one scanned column of JSON
        objects and DuckDB reads the columns out of them.  (``executemany`` inserts row by row, about
        a millisecond each: the removed lines of 1,000 pages, the credits and groups of 100,000.)"""
        if not rows:
            return
        types = self._columns(table)
        new_rows = {"data": np.array([json.dumps(dict(zip(columns, r))) for r in rows], dtype=object),  # noqa: F841
                    "pos": np.arange(len(rows))}  # (scanned by name)
        names = ", ".join(f'"{c}"' for c in columns)
        values = ", ".join(f"CAST(data->>'$.{c}' AS {types[c]})" for c in columns)
        self.con.execute(f"{verb} INTO {table} ({names}) SELECT {values} FROM new_rows ORDER BY pos")

    def set_provenance(self, provenance: dict[str, dict], credited: dict[str, list[Credit]], groups: list[dict]) -> None:
        """Replace the corpus pass's results: each document's provenance and credits, and the groups."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            if provenance:
                # one UPDATE from a scanned column pair, not one per document (100k documents: ~70 s
                # of single-row updates); DuckDB reads the dict of numpy arrays by its variable name
                new_provenance = {"id": np.array(list(provenance), dtype=object),  # noqa: F841 (scanned by name)
                                  "provenance": np.array([json.dumps(p) for p in provenance.values()], dtype=object)}
                self.con.execute("UPDATE documents SET provenance = new_provenance.provenance FROM new_provenance "
                                 "WHERE documents.id = new_provenance.id")
            self.con.execute("DELETE FROM credited")
            self._insert("credited", ("doc_id", "name", "start", "end", "where", "how"),
                         [[d, c.name, c.start, c.end, c.where, c.how] for d, cs in credited.items() for c in cs])
            self.con.execute("DELETE FROM groups")
            self._insert("groups", ("group_id", "doc_id", "original", "original_outlet"),
                         [[g["id"], m, g["original"], g["original_outlet"]] for g in groups for m in g["members"]])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # --- per-document extractions and the analysis built from them ---------------------------

    def extraction_keys(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT doc_id, key FROM extractions").fetchall())

    def put_extractions(self, rows: Iterable[tuple[str, str, dict]]) -> None:
        """Store ``(doc_id, key, extraction)`` rows in one transaction."""
        self._insert("extractions", ("doc_id", "key", "data"), [[d, k, json.dumps(x)] for d, k, x in rows],
                     "INSERT OR REPLACE")

    def stored_signals(self) -> dict[str, tuple[str, dict]]:
        """What copy detection read from each document, as kept by the last build: ``{doc_id: (key, data)}``."""
        rows = self.con.execute("SELECT doc_id, key, data FROM signals").fetchall()
        return {d: (k, json.loads(x)) for d, k, x in rows}

    def put_signals(self, rows: Iterable[tuple[str, str, dict]]) -> None:
        self._insert("signals", ("doc_id", "key", "data"), [[d, k, json.dumps(x)] for d, k, x in rows],
                     "INSERT OR REPLACE")

    def extractions(self) -> dict[str, dict]:
        return {d: json.loads(x) for d, x in self.con.execute("SELECT doc_id, data FROM extractions").fetchall()}

    def set_results(self, results: dict[str, list[dict]]) -> None:
        """Replace the analysis tables (entities, quotes, claims, timeline) at once."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in results.items():
                self.con.execute(f"DELETE FROM {table}")
                cols = _RESULTS[table]
                self._insert(table, tuple(c for c, _ in cols) + ("data",),
                             [[r.get(key) for _, key in cols] + [json.dumps(r)] for r in rows])
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def results(self, table: str) -> list[dict]:
        if table not in _RESULTS:
            raise KeyError(table)
        order = "date, rowid" if table == "timeline" else "rowid"
        try:
            rows = self.con.execute(f"SELECT data FROM {table} ORDER BY {order}").fetchall()
        except duckdb.CatalogException:
            return []  # a store written before this table existed, opened read-only: build again to fill it
        return [json.loads(x) for (x,) in rows]

    def groups(self) -> list[dict]:
        rows = self.con.execute(
            "SELECT group_id, original, original_outlet, list(doc_id ORDER BY doc_id) FROM groups "
            "GROUP BY group_id, original, original_outlet ORDER BY group_id"
        ).fetchall()
        return [{"id": g, "original": o, "original_outlet": oo, "members": list(m)} for g, o, oo, m in rows]

    def set_setting(self, key: str, value: str | None) -> None:
        self.con.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", [key, value])

    def setting(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    # --- reads -------------------------------------------------------------------------

    def documents(self) -> list[Document]:
        """All documents, in the order of their sources."""
        removed: dict[str, list[Removal]] = {}
        for doc_id, start, end, text, reason in self.con.execute(
            'SELECT doc_id, start, "end", text, reason FROM removed ORDER BY doc_id, start'
        ).fetchall():
            removed.setdefault(doc_id, []).append(Removal(start, end, text, reason))
        credited: dict[str, list[Credit]] = {}
        for doc_id, name, start, end, where, how in self.con.execute(
            'SELECT doc_id, name, start, "end", "where", how FROM credited ORDER BY doc_id, "where" DESC, start'
        ).fetchall():
            credited.setdefault(doc_id, []).append(Credit(name, start, end, where or "text", how))
        # (a store written before the column, opened read-only, has no published_at)
        at = "published_at" if "published_at" in self._columns("documents") else "NULL"
        rows = self.con.execute(
            "SELECT id, source, status, error, title, outlet, url, published, published_inferred, language, "
            f"text, raw_text, provenance, {at} FROM documents ORDER BY source"
        ).fetchall()
        docs = []
        for (doc_id, source, status, error, title, outlet, url, published, inferred, language, text, raw_text, prov,
             published_at) in rows:
            p = json.loads(prov) if prov else {}
            docs.append(Document(
                id=doc_id, source=source, status=status, error=error, title=title, outlet=outlet, url=url,
                published=published, published_inferred=bool(inferred), language=language or "en",
                text=text or "", raw_text=raw_text or "",
                removed=tuple(removed.get(doc_id, ())), credited=tuple(credited.get(doc_id, ())),
                provenance=provenance_from_dict(p), published_at=published_at,
            ))
        return docs

    def _columns(self, table: str) -> dict[str, str]:
        """``table``'s columns and their types, read once per store."""
        if table not in self._types:
            self._types[table] = dict(self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]).fetchall())
        return self._types[table]

    def index_for_search(self) -> bool:
        """Full-text indexes over documents (title, text) and quotes (text, speaker); False without fts."""
        if not load_fts(self.con):
            return False
        self.con.execute("PRAGMA create_fts_index('documents', 'id', 'title', 'text', overwrite=1)")
        self.con.execute("PRAGMA create_fts_index('quotes', 'id', 'text', 'speaker_name', overwrite=1)")
        return True

    def search(self, words: str, limit: int = 200) -> tuple[list[tuple[str, float]], list[str]]:
        """(document ids with scores, quote ids) matching ``words``, best first (BM25)."""
        if load_fts(self.con):
            try:
                docs = self.con.execute(
                    "SELECT id, score FROM (SELECT id, fts_main_documents.match_bm25(id, ?) AS score FROM documents) "
                    "WHERE score IS NOT NULL ORDER BY score DESC LIMIT ?", [words, limit]).fetchall()
                quotes = self.con.execute(
                    "SELECT id FROM (SELECT id, fts_main_quotes.match_bm25(id, ?) AS score FROM quotes) "
                    "WHERE score IS NOT NULL ORDER BY score DESC LIMIT ?", [words, limit]).fetchall()
                return [(d, float(s)) for d, s in docs], [q for (q,) in quotes]
            except duckdb.Error:
                pass  # no index yet (a store built without fts): substring matching below
        like = f"%{words}%"
        docs = self.con.execute("SELECT id, 1.0 FROM documents WHERE text ILIKE ? OR title ILIKE ? LIMIT ?",
                                [like, like, limit]).fetchall()
        quotes = self.con.execute("SELECT id FROM quotes WHERE text ILIKE ? LIMIT ?", [like, limit]).fetchall()
        return [(d, float(s)) for d, s in docs], [q for (q,) in quotes]

    def now(self) -> str:
        """The store's clock (``added_at`` uses it), as an ISO timestamp."""
        return str(self.con.execute("SELECT CAST(current_timestamp AS TIMESTAMP)").fetchone()[0])

    def count_documents(self) -> int:
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0]

    def added_since(self, when: str) -> set[str]:
        """Ids of the documents whose input was added (or changed) at or after ``when`` (an ISO date or time)."""
        rows = self.con.execute("SELECT doc_id FROM raw_inputs WHERE added_at >= CAST(? AS TIMESTAMP)", [when]).fetchall()
        return {d for (d,) in rows}

    def export_parquet(self, folder: Path) -> list[Path]:
        """Every table as ``folder/<table>.parquet``, for Spark, DuckDB or pandas to read directly."""
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for (table,) in self.con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_name NOT LIKE 'fts_%' ORDER BY table_name").fetchall():
            path = folder / f"{table}.parquet"
            self.con.execute(f"COPY {table} TO '{path.as_posix()}' (FORMAT parquet)")
            out.append(path)
        return out

    def briefing(self) -> Briefing:
        """The whole briefing as the store holds it (what ``briefing.json`` and the web app show)."""
        return Briefing(
            question=self.setting("question"), documents=tuple(self.documents()), groups=tuple(self.groups()),
            entities=tuple(self.results("entities")), quotes=tuple(self.results("quotes")),
            claims=tuple(self.results("claims")), timeline=tuple(self.results("timeline")),
            dates=tuple(self.results("dates")),
            comparisons=tuple(self.results("comparisons")), assessments=tuple(self.results("assessments")),
            flags=tuple(self.results("flags")), question_derived=self.setting("question_derived"),
            balance=json.loads(self.setting("balance") or "{}"),
            whats_new=json.loads(self.setting("whats_new") or "{}"),
        )

    def text_records(self) -> list[tuple[RawRecord, str]]:
        """The raw records of documents cleaned from plain text, with their document ids."""
        rows = self.con.execute(
            "SELECT r.source, r.format, r.content, r.digest, r.meta, r.doc_id FROM raw_inputs r "
            "JOIN documents d ON d.id = r.doc_id WHERE d.status = 'ok' AND r.format = 'text' ORDER BY r.source"
        ).fetchall()
        out = []
        for source, fmt, content, digest, meta, doc_id in rows:
            m = json.loads(meta) if meta else {}
            out.append((RawRecord(source, fmt, content, digest, RecordMeta(**m)), doc_id))
        return out

    def statuses(self, sources: Iterable[str]) -> dict[str, str]:
        """Status of the document each source produced."""
        sources = list(sources)
        if not sources:
            return {}
        rows = self.con.execute(
            "SELECT r.source, d.status FROM raw_inputs r JOIN documents d ON d.id = r.doc_id "
            "WHERE r.source IN (SELECT unnest(?))", [sources]
        ).fetchall()
        return dict(rows)
