"""The engine's shape: no import cycles, and nothing upstream of the front ends knows a site engine."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "macros"
ENGINES = ("mkdocs", "material", "mkdocs_macros", "zensical")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    here = _module(path).split(".")
    if path.name != "__init__.py":
        here = here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
    return out


def _graph() -> nx.DiGraph:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    g = nx.DiGraph()
    for name, path in modules.items():
        g.add_node(name)
        for target in _imports(path):
            if target in modules and target != name:
                g.add_edge(name, target)
    return g


def test_the_package_has_no_import_cycle():
    cycles = list(nx.simple_cycles(_graph()))
    assert cycles == []


def test_only_front_ends_import_a_site_engine():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "frontends" in path.parts:
            continue
        for name in _imports(path):
            if name.split(".")[0] in ENGINES:
                offenders.append(f"{_module(path)} imports {name}")
    assert offenders == []


def test_the_flow_runs_one_way():
    g = _graph()
    order = ["macros.load", "macros.rules", "macros.build", "macros.site", "macros.plan"]
    for i, upstream in enumerate(order):
        for downstream in order[i + 1 :]:
            assert not nx.has_path(g, upstream, downstream), f"{upstream} reaches {downstream}"
