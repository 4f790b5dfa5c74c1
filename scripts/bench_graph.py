"""Benchmark of the concept graph (issue 11), run by ``bench.py`` on its largest knowledge base.

Four figures, each with a budget:

- ``local_ms``: how long after the page's ``load`` event a term page's local graph is
  interactive, in headless Chromium with a cold cache (``data-kb-graph-ready-at``, set by
  graph.js, minus the navigation's ``loadEventEnd``; 0 when it is ready before ``load``). The
  worst of several term pages is kept.
- ``explorer_ms``: from navigation start to the explorer at ``graph/`` being interactive (cold).
- ``max_page_kb``: the largest per-page data file (``graph/nodes/*.js``), in kB (1,000 bytes).
- ``build_share``: the CPU time of all concept-graph work as the plan times it (written to
  ``build/docs-timings.json`` by every build) over the CPU time (user + system, every process)
  of the same build, the knowledge-base build with the best wall time. CPU over CPU because the
  build runs in two processes at once: wall times no longer add up.
"""

from __future__ import annotations

from pathlib import Path

BUDGETS = {"local_ms": 300, "explorer_ms": 2000, "max_page_kb": 20, "build_share": 0.10}
#: Term pages whose local graph is timed (synthetic ids; the worst one counts).
PAGES = ("glossary/syn-00042/", "glossary/syn-00007/", "glossary/syn-01500/", "glossary/syn-02999/")
_READY = "[data-kb-graph][data-kb-graph-ready-at]"


def max_page_kb(site_dir: Path) -> float:
    """Size of the largest per-page graph data file, in kB."""
    return max(p.stat().st_size for p in (site_dir / "graph" / "nodes").glob("*.js")) / 1000


def _ready(page) -> tuple[float, float]:
    """(graph ready, load event end), both in ms since navigation start."""
    page.wait_for_selector(_READY, state="attached", timeout=30000)
    return page.evaluate(
        """() => [Number(document.querySelector('[data-kb-graph]').getAttribute('data-kb-graph-ready-at')),
                  performance.getEntriesByType('navigation')[0].loadEventEnd]"""
    )


def browser_timings(browser, base: str, site_dir: Path) -> tuple[float, float]:
    """(local_ms, explorer_ms) in Chromium; each page in a fresh context, so nothing is cached."""
    local = 0.0
    for rel in PAGES:
        if not (site_dir / rel / "index.html").exists():
            continue
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/{rel}", wait_until="load")
        ready, loaded = _ready(page)
        local = max(local, ready - loaded, 0.0)
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/graph/", wait_until="load")
    explorer, _ = _ready(page)
    context.close()
    return local, explorer


def measure(browser, base: str, site_dir: Path, graph_cpu: float, kb_cpu: float) -> dict[str, float]:
    """Every graph figure for the built knowledge base at ``site_dir`` (served at ``base``).

    ``graph_cpu`` and ``kb_cpu``: CPU seconds of the graph work and of the whole build, both from
    one knowledge-base build (``bench.py`` passes the round whose share is the median).
    """
    local, explorer = browser_timings(browser, base, site_dir)
    return {
        "local_ms": local,
        "explorer_ms": explorer,
        "max_page_kb": max_page_kb(site_dir),
        "build_share": graph_cpu / kb_cpu,
    }


def line(n: int, figures: dict[str, float]) -> str:
    """The ``bench-graph:`` summary line."""
    return (
        f"bench-graph: N={n} local_ms={figures['local_ms']:.0f} explorer_ms={figures['explorer_ms']:.0f} "
        f"max_page_kb={figures['max_page_kb']:.1f} build_share={figures['build_share']:.3f}"
    )
