#!/usr/bin/env python3
"""Benchmark: the knowledge base at N = 1,500 and 3,000 terms against a plain Material site.

For each N, ``synth.py`` writes the knowledge base with N synthetic terms, and
a plain mkdocs-material site with one ~330-word page per term and a small nav
(the floor: nothing of ours). Then ``--repeat`` rounds each build every site
once, in fresh processes: the knowledge base and the floor at each N, one
after the other. A round takes about a minute, so its builds meet the same
machine load, and each round gives its own ratio (knowledge base over floor),
growth (N = 3,000 over N = 1,500) and graph share; the figures reported are
the medians over the rounds. On a shared machine whose speed swings by a
third from one minute to the next, a median of paired figures is far steadier
than a ratio of two best times, which one lucky build of either decides. Peak
RSS (``wait4``) is the largest seen. Then, at the largest N, the
built knowledge base is served on 127.0.0.1 and headless Chromium measures
search: from a cold page load to the first result of a term query
(``first_result_s``) and a second search after navigating to another page
(``second_s``). ``search_mb_gz`` is what the browser downloads before its first
result: the search script and the index, gzipped. ``bench_graph`` then times the
concept graph on the same site and prints its ``bench-graph:`` line. The last line is::

    bench: N=3000 kb=<s> plain=<s> ratio=<kb/plain> growth=<t3000/t1500> peak_mb=<MB>
           search_mb_gz=<MB> first_result_s=<s> second_s=<s>

where ``kb`` and ``plain`` are the median build times at N = 3,000 and ``ratio``
and ``growth`` the medians of the rounds' own figures.

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
from statistics import median

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
    parser.add_argument("--repeat", type=int, default=5, help="rounds (every site built once in each)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    sites = {
        n: (
            synth.write_kb_site(n, args.out / f"kb-{n}"),
            synth.write_material_floor(n, args.out / f"plain-{n}"),
        )
        for n in sizes
    }
    runs: dict[int, list[tuple[tuple[float, float, float, float], tuple[float, float, float, float]]]] = {
        n: [] for n in sizes
    }
    for k in range(args.repeat):
        for n in sizes:
            kb_dir, plain_dir = sites[n]
            runs[n].append((timed_build(kb_dir), timed_build(plain_dir)))
            kb, plain = runs[n][-1]
            print(
                f"round {k + 1} N={n} kb={kb[0]:.1f}s (cpu {kb[2]:.1f}s, graph {kb[3]:.2f}s, {kb[1]:.0f} MB) "
                f"plain={plain[0]:.1f}s ratio={kb[0] / plain[0]:.2f}",
                flush=True,
            )
    last, first = sizes[-1], sizes[0]
    mine = runs[last]
    ratios = [kb[0] / plain[0] for kb, plain in mine]
    growths = [kb[0] / runs[first][k][0][0] for k, (kb, _) in enumerate(mine)] if len(sizes) > 1 else [1.0]
    # The graph's share of the build's CPU time, per round; the median round's figures go on.
    shares = sorted(mine, key=lambda r: r[0][3] / r[0][2])
    share_run = shares[len(shares) // 2][0]
    for n in sizes:
        kbs, plains = [r[0][0] for r in runs[n]], [r[1][0] for r in runs[n]]
        print(
            f"N={n} median kb={median(kbs):.1f}s plain={median(plains):.1f}s "
            f"ratio={median([a / b for a, b in zip(kbs, plains, strict=True)]):.2f} "
            f"best kb={min(kbs):.1f}s plain={min(plains):.1f}s",
            flush=True,
        )
    site_dir = sites[last][0] / "site"
    figures = {
        "ratio": median(ratios),
        "growth": median(growths),
        "peak_mb": max(r[0][1] for n in sizes for r in runs[n]),
        "search_mb_gz": search_mb_gz(site_dir),
    }
    r = {"kb": median([kb[0] for kb, _ in mine]), "plain": median([plain[0] for _, plain in mine])}
    with served(site_dir) as (browser, base):
        figures["first_result_s"], figures["second_s"] = search_timings(
            browser, base, "syn 00042", "glossary/syn-00042/"
        )
        graph = bench_graph.measure(browser, base, site_dir, share_run[3], share_run[2])
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
