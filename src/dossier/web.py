"""``dossier serve DIR``: the briefing as a small read-only web app (FastAPI + Jinja2).

The only module that imports FastAPI.  It opens the dossier's DuckDB store
read-only, renders the same partial templates as ``briefing.html`` with links
between pages, and adds full-text search (DuckDB's fts extension, loaded
offline).  Only GET routes; ids come from the store, never file paths from the
request; unknown ids are a 404 page, never a traceback.  Every response
carries a strict Content-Security-Policy: no scripts at all, only our own
stylesheet by its hash.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dossier.io.briefing_html import environment
from dossier.store import DB_NAME, Store
from dossier.views import BriefingView, WebLinks, style_hash


class _Dossier:
    """The store's briefing, loaded once and reloaded when a build changes the store."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path = folder / DB_NAME
        self.lock = threading.Lock()
        self.mtime = -1.0
        self.view: BriefingView | None = None

    def current(self) -> BriefingView:
        mtime = os.stat(self.path).st_mtime
        with self.lock:
            if self.view is None or mtime != self.mtime:
                with Store.open(self.folder, read_only=True) as store:
                    self.view = BriefingView(store.briefing(), WebLinks())
                self.mtime = mtime
            return self.view

    def search(self, words: str) -> tuple[list[tuple[str, float]], list[str]]:
        with Store.open(self.folder, read_only=True) as store:
            return store.search(words)


def create_app(folder: str | os.PathLike[str]) -> FastAPI:
    folder = Path(folder)
    if not (folder / DB_NAME).exists():
        raise FileNotFoundError(f"{folder} holds no dossier ({DB_NAME} not found): run `dossier build ... --out {folder}` first")
    dossier = _Dossier(folder)
    env = environment()
    links = WebLinks()
    csp = (f"default-src 'none'; style-src {style_hash()}; img-src 'self' data:; form-action 'self'; "
           "base-uri 'none'; frame-ancestors 'none'")
    app = FastAPI(title="Dossier", docs_url=None, redoc_url=None, openapi_url=None)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def page(template: str, code: int = 200, **context) -> HTMLResponse:
        v = context.pop("v", None) or dossier.current()
        html = env.get_template(template).render(v=v, L=links, static=False, **context)
        return HTMLResponse(html, status_code=code)

    @app.exception_handler(StarletteHTTPException)
    async def not_found(request: Request, exc: StarletteHTTPException):
        message = exc.detail if exc.status_code == 404 else "This address only answers GET requests."
        return page("web/error.html.j2", exc.status_code, status=exc.status_code, message=message)

    @app.get("/", response_class=HTMLResponse)
    def overview():
        return page("web/overview.html.j2")

    for name in ("sources", "people", "claims", "timeline"):
        app.add_api_route(f"/{name}", (lambda n=name: page(f"web/{n}.html.j2")), methods=["GET"],
                          response_class=HTMLResponse, name=name)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(doc_id: str):
        v = dossier.current()
        d = v.doc_by_id.get(doc_id)
        if d is None or d.status != "ok":
            raise StarletteHTTPException(404, f"No document with id “{doc_id}” in this dossier.")
        return page("web/document.html.j2", v=v, d=d)

    @app.get("/search", response_class=HTMLResponse)
    def search(q: str = Query("", max_length=200), outlet: str = Query("", max_length=200),
               person: str = Query("", max_length=40), since: str = Query("", max_length=10),
               until: str = Query("", max_length=10)):
        v = dossier.current()
        form = {"q": q, "outlet": outlet, "person": person, "since": since, "until": until}
        searched = any(form.values())
        doc_hits, quote_hits = [], []
        if searched:
            doc_ids, quote_ids = dossier.search(q) if q.strip() else (
                [(d.id, 0.0) for d in v.docs if d.status == "ok"], [x["id"] for x in v.b.quotes])
            quotes = {x["id"]: x for x in v.b.quotes}
            person_docs = {m["doc"] for e in v.b.entities if e["id"] == person for m in e["mentions"]}

            def keep(doc_id: str) -> bool:
                d = v.doc_by_id.get(doc_id)
                if d is None or d.status != "ok":
                    return False
                if outlet and d.outlet != outlet:
                    return False
                if since and (d.published or "") < since:
                    return False
                if until and (d.published or "9999") > until:
                    return False
                if person and doc_id not in person_docs:
                    return False
                return True

            doc_hits = [(v.doc_by_id[d], s) for d, s in doc_ids if keep(d)]
            quote_hits = [quotes[i] for i in quote_ids if i in quotes and keep(quotes[i]["doc"])
                          and (not person or quotes[i].get("speaker") == person)]
        outlets = sorted({d.outlet for d in v.b.documents if d.outlet})
        return page("web/search.html.j2", v=v, form=form, searched=searched, doc_hits=doc_hits,
                    quote_hits=quote_hits[:200], outlets=outlets, people=v.people)

    return app


def serve(folder: str | os.PathLike[str], host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    uvicorn.run(create_app(folder), host=host, port=port, log_level="warning")


@contextlib.contextmanager
def running(folder: str | os.PathLike[str], host: str = "127.0.0.1"):
    """Serve ``folder`` on a free local port in a background thread; yields the base URL.

    For the browser tests, ``make screenshots`` and the load benchmark: the same
    app ``dossier serve`` runs, on loopback, stopped on exit.
    """
    import socket

    import uvicorn

    with socket.socket() as s:
        s.bind((host, 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(folder), host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web app did not start")
        time.sleep(0.05)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
