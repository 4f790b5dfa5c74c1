#!/usr/bin/env python3
"""Build-time benchmark: knowledge-base site vs a plain mkdocs-material site.

For N in (1500, 3000): ``synth.py`` writes a standalone site with N synthetic
entries, and the same pages as static Markdown (no kb plugin, no macros, the
same small flat nav): the plain baseline. Each site is built ``--repeat``
times in fresh processes, kb and plain alternating so that machine noise hits
both alike; the best wall time of each is kept (this VM's run-to-run noise is
about 10%), and peak RSS (``wait4``) is the largest seen. The last line is::

    bench: N=3000 kb=<s> plain=<s> ratio=<kb/plain> growth=<t3000/t1500> peak_mb=<MB>

Exit status 1 when a target is missed (ratio <= 1.3, growth <= 2.2, peak < 1 GB).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import synth  # noqa: E402

TARGETS = {"ratio": 1.3, "growth": 2.2, "peak_mb": 1024}


def timed_build(site: Path) -> tuple[float, float]:
    """Build ``site`` in a fresh process; return (seconds, peak RSS in MB)."""
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
    return elapsed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per build plus the summary line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1500,3000", help="comma-separated N values (last is reported)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--repeat", type=int, default=2, help="builds per site (best time kept)")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    results: dict[int, dict[str, float]] = {}
    for n in sizes:
        kb_dir = synth.write_kb_site(n, args.out / f"kb-{n}")
        plain_dir = synth.write_plain_site(kb_dir, args.out / f"plain-{n}")
        pages = sum(1 for _ in (plain_dir / "docs").rglob("*.md"))
        kb_runs, plain_runs = [], []
        for _ in range(args.repeat):
            kb_runs.append(timed_build(kb_dir))
            plain_runs.append(timed_build(plain_dir))
        kb_t, plain_t = min(t for t, _ in kb_runs), min(t for t, _ in plain_runs)
        kb_mb, plain_mb = max(m for _, m in kb_runs), max(m for _, m in plain_runs)
        results[n] = {"kb": kb_t, "plain": plain_t, "kb_mb": kb_mb, "plain_mb": plain_mb}
        print(
            f"N={n} pages={pages} kb={kb_t:.1f}s ({kb_mb:.0f} MB) plain={plain_t:.1f}s ({plain_mb:.0f} MB) "
            f"ratio={kb_t / plain_t:.2f} runs kb={[round(t, 1) for t, _ in kb_runs]} "
            f"plain={[round(t, 1) for t, _ in plain_runs]}",
            flush=True,
        )
    last, first = sizes[-1], sizes[0]
    r = results[last]
    ratio = r["kb"] / r["plain"]
    growth = r["kb"] / results[first]["kb"] if len(sizes) > 1 else 1.0
    peak = max(x["kb_mb"] for x in results.values())
    ok = ratio <= TARGETS["ratio"] and growth <= TARGETS["growth"] and peak < TARGETS["peak_mb"]
    print(
        f"bench: N={last} kb={r['kb']:.1f} plain={r['plain']:.1f} ratio={ratio:.2f} "
        f"growth={growth:.2f} peak_mb={peak:.0f}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
