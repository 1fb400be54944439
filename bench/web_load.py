"""A bounded load test of ``dossier serve`` on loopback.

    .venv/bin/python bench/web_load.py [DOSSIER_DIR] [--clients 50] [--seconds 20]

Starts ``dossier serve`` in its own process, then CLIENTS concurrent clients
(httpx, asyncio) request the overview, a document and a search in turn for
SECONDS.  Prints throughput, p50/p99 latency per page and errors; the reference
measured in the same run is the server's smallest page (the 404 page), so the
ratios say what our pages cost over the framework's floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(base: str, paths: list[str], clients: int, seconds: float) -> dict[str, list[float]]:
    lat: dict[str, list[float]] = {p: [] for p in paths}
    errors: list[str] = []
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker(n: int) -> None:
            i = n
            while time.monotonic() < stop:
                path = paths[i % len(paths)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    ok = r.status_code == (404 if path == "/missing-page" else 200)
                except httpx.HTTPError as exc:
                    ok, r = False, exc
                lat[path].append(time.perf_counter() - t0)
                if not ok:
                    errors.append(f"{path}: {getattr(r, 'status_code', r)}")
        await asyncio.gather(*(worker(n) for n in range(clients)))
    lat["errors"] = errors  # type: ignore[assignment]
    return lat


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "build" / "example-briefing")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20)
    args = ap.parse_args()
    if not (args.folder / "dossier.duckdb").exists():
        subprocess.run([sys.executable, "-m", "dossier.cli", "build", str(ROOT / "examples"), "--out", str(args.folder),
                        "--quiet"], check=False)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", f"from dossier.web import serve; serve({str(args.folder)!r}, port={port})"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                sources = httpx.get(base + "/sources", timeout=2).text
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        doc = re.search(r'href="(/documents/[0-9a-f]+)"', sources).group(1)
        paths = ["/", doc, "/search?q=strike", "/missing-page"]
        lat = asyncio.run(_load(base, paths, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=10)
    errors = lat.pop("errors")
    total = sum(len(v) for v in lat.values())
    floor = statistics.median(lat["/missing-page"])
    result = {"clients": args.clients, "seconds": args.seconds, "requests": total,
              "requests_per_second": round(total / args.seconds, 1), "errors": len(errors), "pages": {}}
    print(f"dossier serve, {args.clients} clients for {args.seconds:.0f} s on loopback: {total} requests, "
          f"{total / args.seconds:.1f}/s, {len(errors)} errors")
    for path, xs in lat.items():
        xs = sorted(xs)
        p50, p99 = xs[len(xs) // 2], xs[min(len(xs) - 1, int(len(xs) * 0.99))]
        name = {"/": "overview", "/missing-page": "404 page (reference)"}.get(path, "search" if "search" in path else "document")
        result["pages"][name] = {"requests": len(xs), "p50_ms": round(p50 * 1000, 1), "p99_ms": round(p99 * 1000, 1),
                                 "p50_vs_reference": round(p50 / floor, 2)}
        print(f"  {name:22} {len(xs):6} requests  p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  "
              f"p50 {p50 / floor:5.2f}x the reference")
    for e in errors[:5]:
        print("  error:", e)
    (ROOT / "bench" / "results" / "web_load.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
