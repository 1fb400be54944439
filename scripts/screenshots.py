"""Screenshots of every view of the example briefing, for the README (``make screenshots``).

    .venv/bin/python scripts/screenshots.py [DOSSIER_DIR] [--out docs/screenshots]

Serves the dossier on loopback and drives Debian's chromium through Playwright
(headless); a laptop-width and a phone-width shot of each page.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from dossier.web import running

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "build" / "example-briefing")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with running(args.folder) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        sources = page.goto(base + "/sources") and page.content()
        spun = re.search(r'<strong>spun</strong>[^<]*(?:<[^>]+>[^<]*)*?<a href="(/documents/[0-9a-f]+)"', sources)
        any_doc = re.search(r'href="(/documents/[0-9a-f]+)"', sources)
        views = {"overview": "/", "sources": "/sources", "people": "/people", "claims": "/claims",
                 "timeline": "/timeline", "search": "/search?q=emergency+powers",
                 "document": (spun or any_doc).group(1) if (spun or any_doc) else "/"}
        for name, path in views.items():
            page.goto(base + path)
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
            print(f"{name}: {args.out / (name + '.png')}")
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(base + "/")
        phone.screenshot(path=str(args.out / "overview-phone.png"))
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
