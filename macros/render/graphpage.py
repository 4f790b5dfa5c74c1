"""The concept graph in words on pages: each term's and clause's graph section and the explorer page.

The drawings themselves read the data files :mod:`.graphdata` writes; what is
here is the HTML and text around them, which also stands in for the drawing
without JavaScript.
"""

from __future__ import annotations

from collections import Counter

from . import paths
from .graphdata import EXPLORER_CAP, KINDS, RELATIONS, GraphData, Neighbourhood, rel
from .markup import Block, md_block
from .text import attr, esc


def _count(counts: Counter) -> str:
    parts = [f"{counts[k]} {KINDS[k][0] if counts[k] == 1 else KINDS[k][1]}" for k in KINDS if counts[k]]
    return ", ".join(parts)


def describe(data: GraphData, nb: Neighbourhood) -> str:
    """The graph in words: "Fine-tuning: 6 neighbours: 1 term, 3 clauses, ..." with what is not drawn."""
    title = data.nodes[nb.node].title
    near, far = nb.near, nb.far
    n1, n2 = sum(near.values()), sum(far.values())
    drawn1 = sum(1 for _, d in nb.drawn if d == 1)
    drawn2 = sum(1 for _, d in nb.drawn if d == 2)
    if not n1:
        return f"{title}: no links to other terms, clauses or frameworks yet."
    out = f"{title}: {n1} neighbour{'s' if n1 != 1 else ''}: {_count(near)}."
    if drawn1 < n1:
        out += f" The drawing shows the {drawn1} strongest, and {n1 - drawn1} more are listed on this page."
    if n2:
        out += f" Two links away: {n2} more ({_count(far)})"
        out += f"; depth 2 draws the {drawn2} strongest, and {n2 - drawn2} more." if drawn2 < n2 else "."
    return out


def section(data: GraphData, nb: Neighbourhood) -> list[Block]:
    """The "Concept graph" section of a term or clause page: the container and its text summary."""
    # Left out of the search index: the summary repeats the page's lists, and Material's search
    # would add a record per page for it.
    return [
        md_block("## Concept graph { data-search-exclude }"),
        Block(
            f'<div class="kb-graph kb-graph--local" data-kb-graph="local" data-kb-node="{attr(nb.node)}" '
            f'data-kb-src="{attr(paths.graph_data(nb.node))}">\n'
            f'<p class="kb-graph__summary">{esc(describe(data, nb))}</p>\n'
            '<p class="kb-graph__nojs">The drawing needs JavaScript; the lists on this page hold the same '
            "links.</p>\n</div>"
        ),
    ]


def explorer_page(data: GraphData) -> str:
    """Markdown for ``graph/index.md``: the explorer's container, its text summary and how to use it."""
    kinds = Counter(n.kind for n in data.nodes.values())
    relations = Counter(e.relation for e in data.edges)
    rel_text = ", ".join(f"{relations[r]} {rel(r).label.lower()}" for r in RELATIONS if relations[r])
    summary = (
        f"The knowledge base as a graph: {_count(kinds)}, joined by {len(data.edges)} links ({rel_text})."
    )
    return "\n\n".join(
        [
            "# Concept graph",
            "Every term, clause, framework and COMPEL stage and pillar, and how they link: terms to "
            "terms, terms to the clauses that define them, impose obligations about them or address them, "
            "clauses to the clauses of other frameworks (crosswalk mappings), and terms to COMPEL stages "
            f"and pillars. Above {EXPLORER_CAP} nodes the drawing groups them (clauses by chapter, "
            "function or area, terms by category) and says how many each group holds; filter by "
            "framework, kind or relation, or search for a node to see its neighbours. The address bar "
            "keeps the view, so a link shares it.",
            f'<div class="kb-graph kb-graph--explorer" data-kb-graph="explorer" '
            f'data-kb-src="{attr(paths.GRAPH_EXPLORER_DATA)}">\n'
            f'<p class="kb-graph__summary">{esc(summary)}</p>\n'
            '<p class="kb-graph__nojs">The drawing needs JavaScript. Every page lists its links, and '
            '<a href="../kb.json">kb.json</a> holds them all.</p>\n'
            "</div>",
            "## Using the graph",
            "- **Mouse:** hover a node for its title and summary; click a group to open it, click a node "
            "to centre the graph on it, and click the centred node to open its page.\n"
            "- **Keyboard:** Tab into the drawing; the arrow keys move between nodes, Enter centres the "
            "graph on a node or opens a group (Enter on the centred node opens its page), Home returns to "
            "the centred node, and Escape goes back to the overview.\n"
            "- **Lines:** solid lines join terms to terms and terms to clauses, dashed lines are crosswalk "
            "mappings (inferred ones are fainter), dotted lines lead to COMPEL stages and pillars. "
            '"Not related" mapping rows and decision guides are not drawn.',
        ]
    )
