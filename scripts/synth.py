#!/usr/bin/env python3
"""Write a standalone copy of the site with N synthetic glossary entries.

``python scripts/synth.py N OUTDIR`` copies ``mkdocs.yml``, ``docs/`` and the
real ``frameworks/`` catalogs into OUTDIR and adds N generated entries with
realistic text, 4-8 clause references and 2-4 typed relations each (broader
links only point to earlier entries, so there are no cycles). Then
``cd OUTDIR && mkdocs build`` builds it with the project's environment.
``--plain`` instead writes the same pages as static Markdown with no plugin
and no macros: the baseline the benchmark compares against.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros import vocab  # noqa: E402

ADJ = [
    "adaptive",
    "federated",
    "contextual",
    "residual",
    "supervised",
    "synthetic",
    "ensemble",
    "robust",
    "calibrated",
    "sparse",
    "multimodal",
    "continual",
    "auditable",
    "modular",
    "distilled",
    "quantised",
    "aligned",
    "grounded",
    "privacy-preserving",
    "explainable",
]
NOUN = [
    "model",
    "dataset",
    "pipeline",
    "benchmark",
    "control",
    "registry",
    "assessment",
    "policy",
    "monitor",
    "evaluation",
    "inventory",
    "safeguard",
    "workflow",
    "label",
    "threshold",
    "checkpoint",
    "adapter",
    "classifier",
    "retriever",
    "guardrail",
]
QUAL = ["review", "card", "log", "plan", "matrix", "score", "gate", "record", "audit", "baseline"]
SENTENCES = [
    "It describes how a {t} is scoped, tested and approved before it reaches users.",
    "Teams use it to record who owns the {t} and which evidence supports each decision.",
    "A {t} changes the organisation's risk profile when it alters model behaviour or data flows.",
    "Reviewers compare the {t} against the intended purpose documented at design time.",
    "Where the {t} affects people, an impact assessment records likely harms and mitigations.",
    "Monitoring after deployment checks that the {t} still performs within agreed thresholds.",
    "Documentation of the {t} should name the data sources, versions and known limitations.",
    "Procurement teams ask vendors for the same information before relying on a {t}.",
]


def _text(rng: random.Random, name: str, n: int) -> str:
    return " ".join(rng.choice(SENTENCES).format(t=name.lower()) for _ in range(n))


def _names(n: int, rng: random.Random) -> list[str]:
    combos = [f"{a} {b} {q}" for a in ADJ for b in NOUN for q in QUAL]
    rng.shuffle(combos)
    if n > len(combos):
        combos += [f"{c} {i}" for i, c in enumerate(combos * (n // len(combos)))]
    return [c[:1].upper() + c[1:] for c in combos[:n]]


def entry(i: int, name: str, ids: list[str], clauses: list[str], rng: random.Random) -> dict:
    """One synthetic glossary entry as plain data."""
    refs = rng.sample(clauses, rng.randint(4, 8))
    related = []
    if i > 0:
        related.append({"term": ids[rng.randrange(i)], "relation": "broader"})
    others = [
        x for x in rng.sample(ids, min(len(ids), 6)) if x != ids[i] and x not in {r["term"] for r in related}
    ]
    for target in others[: rng.randint(1, 3)]:
        related.append(
            {"term": target, "relation": rng.choice(["related", "contrasts-with", "alternative-to"])}
        )
    if not related:
        related.append({"term": "fine-tuning", "relation": "related"})
    return {
        "id": ids[i],
        "term": name,
        "aliases": [name.lower().replace(" ", "-")],
        "acronyms": [],
        "category": rng.choice(list(vocab.CATEGORIES)),
        "summary": _text(rng, name, 2),
        "explanation": _text(rng, name, 6) + "\n\n" + "\n".join(f"- {_text(rng, name, 1)}" for _ in range(3)),
        "why_it_matters": _text(rng, name, 3),
        "compel": {
            "pillars": rng.sample(vocab.COMPEL_PILLARS, rng.randint(1, 2)),
            "stages": rng.sample(vocab.COMPEL_STAGES, rng.randint(1, 3)),
            "usage": _text(rng, name, 2),
        },
        "references": [
            {"ref": r, "relation": rng.choice(list(vocab.REFERENCE_RELATIONS)), "note": _text(rng, name, 1)}
            for r in refs
        ],
        "related": related,
        "definitions": [],
        "sources": [
            {"title": f"Synthetic source for {name}", "document": "synthetic", "locator": f"item {i}"}
        ],
        "review": {"status": "draft", "last_reviewed": "2026-11-21"},
    }


def write_kb_site(n: int, out: Path, seed: int = 7) -> Path:
    """Copy the site skeleton and write N synthetic entries (plus fine-tuning, the example)."""
    from macros.pipeline import load_kb

    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", out / "docs")
    shutil.copytree(ROOT / "overrides", out / "overrides")
    (out / "build" / "docs").mkdir(parents=True)  # mkdocs checks docs_dir before the plugin writes it
    shutil.copytree(
        ROOT / "frameworks", out / "frameworks", ignore=shutil.ignore_patterns("decisions", "spectrum.yml")
    )
    glossary = out / "glossary"
    glossary.mkdir()
    kb, _ = load_kb(ROOT)
    clauses = sorted(kb.clauses)
    rng = random.Random(seed)
    names = _names(n, rng)
    ids = [f"syn-{i:05d}" for i in range(n)]
    for i, name in enumerate(names):
        data = entry(i, name, ids, clauses, rng)
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        (glossary / f"{ids[i]}.yml").write_text(text, encoding="utf-8")
    # The one real entry synthetic entries may point to.
    shutil.copy(ROOT / "glossary" / "fine-tuning.yml", glossary / "fine-tuning.yml")
    _strip_fine_tuning_relations(glossary / "fine-tuning.yml")
    return out


def _strip_fine_tuning_relations(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["related"] = [{"term": "syn-00000", "relation": "related"}]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def write_plain_site(kb_site: Path, out: Path) -> Path:
    """The same pages as static Markdown, no kb plugin, no macros: the benchmark baseline."""
    import json
    import re

    from macros.frontends.generate import generate, read_config, settings
    from macros.frontends.writer import macros_file

    if out.exists():
        shutil.rmtree(out)
    s = settings(read_config(kb_site / "mkdocs.yml"), kb_site)
    generate(s)
    shutil.copytree(s.docs_dir, out / "docs")
    shutil.copytree(kb_site / "overrides", out / "overrides")
    outputs = json.loads(macros_file(s.docs_dir).read_text(encoding="utf-8"))
    for page in (out / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "render_macros: true" in text:
            text = re.sub(r"\{\{ (\w+)\(\) \}\}", lambda m: outputs[m.group(1)], text)
            page.write_text(text.replace("render_macros: true", "render_macros: false"), encoding="utf-8")
    cfg = read_config(kb_site / "mkdocs.yml")
    cfg["plugins"] = [
        p for p in cfg["plugins"] if not (p == "kb" or (isinstance(p, dict) and ("macros" in p or "kb" in p)))
    ]
    cfg["docs_dir"] = "docs"
    cfg.pop("site_dir", None)
    cfg.pop("extra_javascript", None)
    cfg["strict"] = False
    (out / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return out


def write_material_floor(n: int, out: Path, seed: int = 7) -> Path:
    """A plain mkdocs-material site with one ~330-word page per term and a small nav: the benchmark's floor.

    Nothing of ours: default Material with its own search plugin, the same
    number of pages as the knowledge base has terms, ordinary Markdown prose.
    """
    if out.exists():
        shutil.rmtree(out)
    (out / "docs" / "terms").mkdir(parents=True)
    rng = random.Random(seed)
    names = _names(n, rng)
    for i, name in enumerate(names):
        parts = [f"# {name}", _text(rng, name, 4)]
        for heading in ("Explanation", "Why it matters", "In practice"):
            parts += [f"## {heading}", _text(rng, name, 6)]
        (out / "docs" / "terms" / f"t{i:05d}.md").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    (out / "docs" / "index.md").write_text("# Plain site\n\nThe benchmark floor.\n", encoding="utf-8")
    cfg = {
        "site_name": "Plain Material floor",
        "theme": {"name": "material", "font": False},
        "nav": [{"Home": "index.md"}],
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    (out / "mkdocs.yml").write_text(yaml.safe_dump(cfg, sort_keys=False), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: N OUTDIR [--plain]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of synthetic glossary entries")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    write_kb_site(args.n, args.outdir, args.seed)
    print(f"wrote {args.n} synthetic entries to {args.outdir}; build with: cd {args.outdir} && mkdocs build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
