"""The explorer's groups and layout: which nodes draw together, and where, computed once per build.

Split from :mod:`.graphdata`, which builds the nodes and edges; this module only
needs each node's id, kind, framework, sub-kind, title and group, so it knows
nothing of the graph itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from .. import graph as kg
from ..vocab import CATEGORIES, FRAMEWORKS


class LayoutNode(Protocol):
    """What the layout reads of a node (see ``graphdata.Node``)."""

    id: str
    title: str
    kind: str
    framework: str
    sub: str
    group: str


@dataclass(frozen=True)
class Group:
    """An explorer group: a framework chapter, function or area, a framework's loose items, or a category."""

    id: str
    label: str
    kind: str
    framework: str
    members: tuple[str, ...]


def explorer_groups(nodes: Mapping[str, LayoutNode]) -> list[Group]:
    members: dict[str, list[str]] = {}
    for n in nodes.values():
        if n.group:
            members.setdefault(n.group, []).append(n.id)
    """Every node's group (chapter, function, area, loose items, term category), in drawing order."""
    out = []
    for gid, ids in members.items():
        first = nodes[ids[0]]
        if gid.startswith("term:"):
            label = f"Terms: {first.sub}"
        elif gid.startswith("group:"):
            label = nodes[gid.removeprefix("group:")].title
        else:
            label = f"{FRAMEWORKS.get(first.framework, first.framework)}: {first.sub}s"
        out.append(Group(gid, label, first.kind, first.framework, tuple(ids)))
    # Frameworks in display order, each in catalog order; then term categories in vocabulary order.
    fw_order = {f: k for k, f in enumerate(FRAMEWORKS)}
    cat_order = {f"term:{c}": k for k, c in enumerate(CATEGORIES)}
    first_seen = {g.id: k for k, g in enumerate(out)}
    return sorted(
        out,
        key=lambda g: (
            g.kind == "term",
            cat_order.get(g.id, 0) if g.kind == "term" else fw_order.get(g.framework, len(fw_order)),
            g.id.startswith("loose:"),  # a framework's loose items after its chapters, functions, areas
            first_seen[g.id],
        ),
    )


#: Distance between neighbouring nodes of a group, in layout units (the browser scales to fit).
SPACING = 30.0
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _radius(n: int) -> float:
    """Radius of the sunflower spiral that holds ``n`` nodes."""
    return SPACING * math.sqrt(n) + SPACING


def _sections(groups: list[Group], nodes: Mapping[str, LayoutNode]) -> list[tuple[str, list[Group]]]:
    """Frameworks left to right in display order, with the term categories in the middle."""
    by_fw: dict[str, list[Group]] = {}
    for g in groups:
        by_fw.setdefault("" if g.kind == "term" else g.framework, []).append(g)
    frameworks = [f for f in FRAMEWORKS if f in by_fw or kg.framework_node(f) in nodes]
    frameworks += sorted(f for f in by_fw if f and f not in frameworks)
    middle = (len(frameworks) + 1) // 2
    order = [*frameworks[:middle], "", *frameworks[middle:]]
    return [(f, by_fw.get(f, [])) for f in order if by_fw.get(f) or (f and kg.framework_node(f) in nodes)]


def layout(groups: list[Group], nodes: Mapping[str, LayoutNode]):
    """A deterministic layout, computed once per build in linear time (no numpy needed).

    Each framework is a block of columns, left to right, with the term categories in the middle
    block (terms link to every framework); within a block its groups run down the columns in catalog
    order, each in a cell big enough for its largest group and a label, with the framework's node on
    top. A group's members fill a sunflower spiral around the cell's centre, so groups never overlap.
    Returns node positions and, per group, ``(x, y, radius, cell width)``.
    """
    positions: dict[str, tuple[int, int]] = {}
    centres: dict[str, tuple[int, int, int, int]] = {}
    blocks = []
    x = 0.0
    for fw, gs in _sections(groups, nodes):
        rmax = max((_radius(len(g.members)) for g in gs), default=SPACING)
        cols = max(1, round(math.sqrt(len(gs)))) if gs else 1
        rows = math.ceil(len(gs) / cols) if gs else 0
        width = 2.4 * rmax + 2 * SPACING
        height = 2.4 * rmax + max(6 * SPACING, 0.8 * rmax)
        head = height / 2 if fw else 0.0
        blocks.append((fw, gs, x, cols, rows, width, height, head, rmax))
        x += cols * width + 3 * SPACING
    tallest = max((b[7] + b[4] * b[6] for b in blocks), default=0.0)
    for fw, gs, left, cols, rows, width, height, head, rmax in blocks:
        top = (tallest - head - rows * height) / 2
        if fw:
            key = kg.framework_node(fw)
            if key in nodes:
                positions[key] = (round(left + cols * width / 2), round(top + head / 2))
        for k, g in enumerate(gs):
            col, row = divmod(k, rows)
            cx, cy = left + col * width + width / 2, top + head + row * height + 1.2 * rmax
            centres[g.id] = (round(cx), round(cy), round(_radius(len(g.members))), round(width))
            for i, n in enumerate(g.members):
                d = SPACING * math.sqrt(i + 0.5)
                positions[n] = (
                    round(cx + d * math.cos(i * _GOLDEN_ANGLE)),
                    round(cy + d * math.sin(i * _GOLDEN_ANGLE)),
                )
    return positions, centres
