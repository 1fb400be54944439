"""Write ``briefing.html``: the web app's views in one self-contained page, no scripts, no network.

Article content is hostile input: Jinja2 autoescaping is on for every value,
and a strict Content-Security-Policy (no scripts, only our own stylesheet by
its hash) stops anything that slipped through.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from dossier.model import Briefing
from dossier.views import BriefingView, Links, safe_url, style_hash, stylesheet


def environment() -> Environment:
    """The one Jinja2 environment of the templates (the static page and ``dossier serve``)."""
    env = Environment(loader=PackageLoader("dossier", "templates"), autoescape=select_autoescape(default=True))
    env.globals.update(safe_url=safe_url, css=stylesheet(), style_hash=style_hash())
    return env


def render_briefing_html(briefing: Briefing) -> str:
    links = Links()
    return environment().get_template("briefing.html.j2").render(v=BriefingView(briefing, links), L=links, static=True)


def write_briefing_html(briefing: Briefing, path: Path) -> None:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_briefing_html(briefing), encoding="utf-8")
    os.replace(tmp, path)
