#!/usr/bin/env python3
"""Benchmark: the knowledge base at N = 1,500 and 3,000 terms against a plain Material site.

For each N, ``synth.py`` writes the knowledge base with N synthetic terms, and
a plain mkdocs-material site with one ~330-word page per term and a small nav
(the floor: nothing of ours). Each is built ``--repeat`` times in fresh
processes, alternating so machine noise hits both alike; the best wall time is
kept and peak RSS (``wait4``) is the largest seen. Then, at the largest N, the
built knowledge base is served on 127.0.0.1 and headless Chromium measures
search: from a cold page load to the first result of a term query
(``first_result_s``) and a second search after navigating to another page
(``second_s``). ``search_mb_gz`` is what the browser downloads before its first
result: the search script and the index, gzipped. ``bench_graph`` then times the
concept graph on the same site and prints its ``bench-graph:`` line. The last line is::

    bench: N=3000 kb=<s> plain=<s> ratio=<kb/plain> growth=<t3000/t1500> peak_mb=<MB>
           search_mb_gz=<MB> first_result_s=<s> second_s=<s>

Exit status 1 when a budget is missed (see BUDGETS here and in bench_graph).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import bench_graph  # noqa: E402
import synth  # noqa: E402

BUDGETS = {
    "ratio": 2.0,
    "growth": 2.1,
    "peak_mb": 1024,
    "search_mb_gz": 1.0,
    "first_result_s": 1.5,
    "second_s": 0.3,
}
CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")


def timed_build(site: Path) -> tuple[float, float, float, float]:
    """Build ``site`` in a fresh process; return (wall s, peak RSS in MB, CPU s, graph CPU s).

    CPU is user + system time of the build and every process it started and waited for; graph
    CPU is the plan's own timing of its concept-graph work in that build (0 for the floor).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: build failed in {site}:\n{err[-2000:]}")
    timings = site / "build" / "docs-timings.json"
    graph = json.loads(timings.read_text(encoding="utf-8"))["graph"] if timings.exists() else 0.0
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, graph


def search_mb_gz(site_dir: Path) -> float:
    """Gzipped size of what the browser fetches before the first result: the script and the index."""
    total = 0
    for rel in ("assets/kb-search.js", "search/kb-index.js"):
        total += len(gzip.compress((site_dir / rel).read_bytes(), 6))
    return total / 1e6


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser context closed mid-download (the graph pages are left once drawn): not news.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def served(site_dir: Path):
    """Serve ``site_dir`` on 127.0.0.1 and launch headless Chromium: yields (browser, base URL)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
    ]
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
            try:
                yield browser, f"http://127.0.0.1:{server.server_address[1]}"
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def search_timings(browser, base: str, query: str, expected: str) -> tuple[float, float]:
    """(cold load to first result, second search after in-site navigation), in seconds, in Chromium."""
    context = browser.new_context()
    page = context.new_page()
    first = page.locator(".kb-search__link").first
    start = time.perf_counter()
    page.goto(base + "/")
    page.locator("#kb-search-input").fill(query)
    first.wait_for(state="visible", timeout=30000)
    assert expected in (first.get_attribute("href") or ""), first.get_attribute("href")
    cold = time.perf_counter() - start
    page.locator(".kb-search__link").first.click()
    page.wait_for_url(f"**/{expected}")
    page.locator("#kb-search-input").wait_for(state="visible")
    start = time.perf_counter()
    page.locator("#kb-search-input").fill("Annex IV")
    page.locator(".kb-search__link", has_text="Annex IV").first.wait_for(state="visible", timeout=30000)
    second = time.perf_counter() - start
    context.close()
    return cold, second


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per build plus the summary line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,3000", help="comma-separated N values (last is reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--repeat", type=int, default=3, help="builds per site (best time kept)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        kb_dir = synth.write_kb_site(n, args.out / f"kb-{n}")
        plain_dir = synth.write_material_floor(n, args.out / f"plain-{n}")
        kb_runs, plain_runs = [], []
        for _ in range(args.repeat):
            kb_runs.append(timed_build(kb_dir))
            plain_runs.append(timed_build(plain_dir))
        best = min(kb_runs)
        kb_t, plain_t = best[0], min(r[0] for r in plain_runs)
        kb_mb = max(r[1] for r in kb_runs)
        results[n] = {"kb": kb_t, "kb_cpu": best[2], "graph_cpu": best[3]}
        results[n].update(plain=plain_t, kb_mb=kb_mb, dir=kb_dir)
        print(
            f"N={n} kb={kb_t:.1f}s (cpu {best[2]:.1f}s, graph {best[3]:.1f}s, {kb_mb:.0f} MB) "
            f"plain={plain_t:.1f}s "
            f"ratio={kb_t / plain_t:.2f} runs kb={[round(r[0], 1) for r in kb_runs]} "
            f"plain={[round(r[0], 1) for r in plain_runs]}",
            flush=True,
        )
    last, first = sizes[-1], sizes[0]
    r = results[last]
    site_dir = Path(r["dir"]) / "site"
    figures = {
        "ratio": r["kb"] / r["plain"],
        "growth": r["kb"] / results[first]["kb"] if len(sizes) > 1 else 1.0,
        "peak_mb": max(x["kb_mb"] for x in results.values()),
        "search_mb_gz": search_mb_gz(site_dir),
    }
    with served(site_dir) as (browser, base):
        figures["first_result_s"], figures["second_s"] = search_timings(
            browser, base, "syn 00042", "glossary/syn-00042/"
        )
        graph = bench_graph.measure(browser, base, site_dir, r["graph_cpu"], r["kb_cpu"])
    missed = [k for k, limit in BUDGETS.items() if figures[k] > limit]
    missed += [k for k, limit in bench_graph.BUDGETS.items() if graph[k] > limit]
    if missed:
        print(f"over budget: {', '.join(missed)}")
    print(bench_graph.line(last, graph))
    # The summary line stays last: scripts read it with `tail -1`.
    print(
        f"bench: N={last} kb={r['kb']:.1f} plain={r['plain']:.1f} ratio={figures['ratio']:.2f} "
        f"growth={figures['growth']:.2f} peak_mb={figures['peak_mb']:.0f} "
        f"search_mb_gz={figures['search_mb_gz']:.2f} first_result_s={figures['first_result_s']:.2f} "
        f"second_s={figures['second_s']:.2f}"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
