"""The build plan: everything the site needs, computed once, knowing no site engine.

:func:`plan` turns a :class:`~.site.Site` into a :class:`Plan`: every
generated page (front matter plus finished Markdown, prose already
auto-linked), the files that are copied as they are (``kb.json``, alias
redirects), the vendored front-end assets, and the output of the macros that
hand-written pages call. A writer (:mod:`.frontends.writer`) puts it into the
folder that mkdocs and Zensical both read as their docs.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from . import parallel
from .autolink import Labels, link_generated_page
from .render import (
    applicability,
    clause,
    crosswalk,
    decision,
    exports,
    graphdata,
    graphpage,
    index,
    paths,
    spectrum,
    term,
    timeline,
)
from .render.export import kb_json
from .render.markup import Block, join
from .render.redirect import alias_slugs, redirect_html
from .render.text import attr, esc, safe_title
from .search import clause_keywords, term_keywords
from .searchindex import search_files, search_records
from .site import Site
from .vocab import CATEGORIES, FRAMEWORKS

#: Front-end files served from the site itself (installed by `make setup` from package-lock.json).
ASSETS: tuple[tuple[str, str], ...] = (
    ("node_modules/mermaid/dist/mermaid.min.js", "assets/vendor/mermaid.min.js"),
    ("node_modules/iframe-worker/shim/index.js", "assets/vendor/iframe-worker/shim.js"),
    ("node_modules/cytoscape/dist/cytoscape.min.js", "assets/vendor/cytoscape.min.js"),
)

#: Search boosts by page kind (Material's ``search.boost`` front matter).
BOOST = {"term": 3, "clause": 2, "framework": 1.5, "decision": 1.5, "crosswalk": 1.5, "graph": 1}


@dataclass(frozen=True)
class PlannedPage:
    """One generated Markdown page: its source path, front matter and body.

    ``blocks`` is the same body as :class:`~.render.markup.Block` s when its renderer wrote
    it that way (term and clause pages), so an engine may skip parsing the HTML ones.
    """

    path: str
    meta: dict
    body: str
    blocks: tuple[Block, ...] = ()

    def __reduce__(self):
        # Pickled when a forked child of the plan sends its pages back: the body of a page
        # written as blocks is their join, so it travels once.
        if self.blocks:
            return (_from_blocks, (self.path, self.meta, self.blocks))
        return (PlannedPage, (self.path, self.meta, self.body))


def _from_blocks(path: str, meta: dict, blocks: tuple[Block, ...]) -> PlannedPage:
    return PlannedPage(path, meta, join(blocks), blocks)


@dataclass(frozen=True)
class Plan:
    """Everything one build writes, by path relative to the docs folder."""

    pages: tuple[PlannedPage, ...]
    files: dict[str, str] = field(default_factory=dict)
    assets: tuple[tuple[str, str], ...] = ASSETS
    macros: dict[str, str] = field(default_factory=dict)
    #: Files of ``files`` that exist once per term, clause or alias (graph data, redirects) and
    #: that nothing in the build reads: a front end may write them straight into the site.
    passthrough: frozenset[str] = frozenset()
    #: The output of each of ``HTML_MACROS`` as blocks (``macros`` holds it joined).
    macro_blocks: dict[str, tuple[Block, ...]] = field(default_factory=dict)
    #: CPU seconds spent on parts of the plan worth watching (``graph``: all concept-graph data,
    #: summed over the processes that made it).
    timings: dict[str, float] = field(default_factory=dict)


#: Macros for hand-written pages, each rendered for the page it belongs on.
PAGE_MACROS: dict[str, tuple[Callable[[Site, str], str], str]] = {
    "frameworks_overview": (index.frameworks_overview, paths.FRAMEWORKS_INDEX),
    "decisions_index": (decision.decisions_index, paths.DECISIONS_INDEX),
    "modification_spectrum": (spectrum.modification_spectrum, spectrum.HERE),
}
#: The same for macros that list every term, written as blocks of HTML with final URLs (so they
#: need the URL style); the plan keeps the blocks too (``Plan.macro_blocks``).
HTML_MACROS: dict[str, tuple[Callable[[Site, str, bool], list[Block]], str]] = {
    "glossary_index": (index.glossary_index_blocks, paths.GLOSSARY_INDEX),
    "compel_matrix": (index.compel_matrix_blocks, paths.COMPEL_MATRIX),
}


def plan(
    site: Site,
    directory_urls: bool = True,
    reserved: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    fork: bool | None = None,
) -> Plan:
    """The whole build plan; ``reserved`` holds hand-written pages' paths so nothing overwrites them.

    ``today`` (the build date) decides what the timeline marks as applying now and next.
    ``fork`` is :func:`.parallel.both`'s: by default a forked child renders part of the
    per-term and per-clause pages where that is safe; the plan is the same either way.
    """
    today = today or dt.date.today()
    linker = _Linker(site, directory_urls)
    kb = site.kb
    nodes = [*(("term", t) for t in sorted(kb.terms)), *(("clause", c) for c in kb.clauses)]
    # Every page's graph section and data file first, in one tight pass before the fork: run in
    # two processes at once (or interleaved with the pages) the same work took a quarter to a
    # third more CPU time, and the graph's share of the build's CPU time has a budget.
    graphs = _Graphs(site, directory_urls)
    sections, graph_files = graphs.neighbourhoods([key for _, key in nodes])
    split = len(nodes) - round(len(nodes) * CHILD_SHARE)

    def here() -> tuple[list[PlannedPage], list[PlannedPage], dict[str, str], tuple]:
        # Everything but the child's pages: the first pages, the other pages, files and macros.
        head = _node_pages(site, linker, sections, nodes[:split])
        others = _other_pages(site, linker, graphs, directory_urls, today)
        files = {
            "kb.json": kb_json(site, directory_urls),
            **search_files(search_records(site, directory_urls)),
            **_exports(site),
        }
        blocks = {name: tuple(r(site, at, directory_urls)) for name, (r, at) in HTML_MACROS.items()}
        return head, others, files, (_macros(site, directory_urls, blocks), blocks)

    (head, others, files, (macros, blocks)), tail = parallel.both(
        here,
        lambda: _node_pages(site, linker, sections, nodes[split:]),
        False if fork is None and len(nodes) < MIN_FORK_NODES else fork,
    )
    pages = [p for p in (*head, *tail, *others) if p.path not in reserved]
    redirects = _redirects(site, directory_urls, reserved)
    passthrough = frozenset(redirects) | frozenset(graph_files)
    files.update(redirects)
    # Every page's neighbourhood file (in page order), then the explorer's.
    files.update(graph_files)
    files[paths.GRAPH_EXPLORER_DATA] = graphs.explorer
    return Plan(tuple(pages), files, ASSETS, macros, passthrough, blocks, {"graph": graphs.timer.seconds})


def _other_pages(
    site: Site, linker: _Linker, graphs: _Graphs, directory_urls: bool, today: dt.date
) -> list[PlannedPage]:
    """Every generated page that is not a term's or a clause's."""
    kb = site.kb
    pages = []
    for fid, fw in kb.frameworks.items():
        body = linker.link(paths.framework(fid), None, clause.framework_page(site, fid))
        pages.append(_page(paths.framework(fid), fw.name, BOOST["framework"], body, "page", fid, [fw.name]))
    for gid, guide in kb.decisions.items():
        body = linker.link(paths.decision(gid), None, decision.decision_page(site, gid))
        pages.append(_page(paths.decision(gid), guide.title, BOOST["decision"], body, "guide"))
    for fid, app in kb.applicability.items():
        here = paths.applicability(fid)
        body = linker.link(here, None, applicability.applicability_page(site, fid, directory_urls))
        # A tool page: the questions and the result table want the page's full width.
        pages.append(
            _page(here, app.title, BOOST["decision"], body, "guide", fid, [app.title], hide=["navigation"])
        )
    pages += _crosswalk_pages(site, linker)
    for fid, t in kb.timelines.items():
        body = linker.link(paths.timeline(fid), None, timeline.timeline_page(site, fid, today))
        pages.append(_page(paths.timeline(fid), t.title, BOOST["framework"], body, "page", fid, [t.title]))
    # The drawing wants the page's full width: no navigation or table-of-contents sidebar.
    with graphs.timer:
        explorer = graphpage.explorer_page(graphs.data)
        graphs.explorer = graphdata.data_file("explorer", graphdata.explorer_json(graphs.data))
    pages.append(
        _page(paths.GRAPH_EXPLORER, "Concept graph", BOOST["graph"], explorer, hide=["navigation", "toc"])
    )
    return pages


def _page(
    path: str,
    title: str,
    boost: float,
    body: str | list[Block],
    kind: str = "page",
    framework: str = "",
    names=(),
    **meta,
) -> PlannedPage:
    # The title is set in front matter, made safe for themes that strip tags and
    # unescape it; render_macros: false keeps both engines' Jinja away from data.
    front = {"title": safe_title(title), "render_macros": False, "search": {"boost": boost}, **meta}
    marks = Block(pagefind_marks(kind, framework, names))
    if isinstance(body, str):
        return PlannedPage(path, front, f"{marks.text}\n\n{body}")
    blocks = (marks, *(b for b in body if b.text))
    return PlannedPage(path, front, join(blocks), blocks)


def pagefind_marks(kind: str, framework: str = "", names=()) -> str:
    """Filters and heavily weighted names for the optional Pagefind index (make build-pagefind).

    Invisible and hidden from assistive technology; without Pagefind nothing reads them.
    """
    filters = f'<span data-pagefind-filter="kind:{attr(kind)}"></span>'
    if framework:
        filters += f'<span data-pagefind-filter="framework:{attr(FRAMEWORKS[framework])}"></span>'
    meta = f'<span data-pagefind-meta="kind:{attr(kind)}"></span>'
    words = " · ".join(esc(n) for n in dict.fromkeys(names))
    weighted = (
        f'<span class="kb-pagefind-names" aria-hidden="true" data-pagefind-weight="10">{words}</span>'
        if words
        else ""
    )
    # A paragraph of its own: the engines render it as written, and it sits apart from the page's text.
    return f"<p>{filters}{meta}{weighted}</p>"


#: Share of the per-term and per-clause pages a forked child renders. This process renders
#: the rest and every other page, and then takes the child's pages through a pipe; at 3,000
#: terms this split finishes both together.
CHILD_SHARE = 0.6
#: Below this many term and clause pages a fork costs more than it saves.
MIN_FORK_NODES = 400


def _node_pages(
    site: Site, linker: _Linker, sections: dict[str, list[Block]], nodes: list[tuple[str, str]]
) -> list[PlannedPage]:
    """The pages of ``nodes`` (``("term", id)`` or ``("clause", ref)``); may run in a forked child."""
    return [
        _term_page(site, linker, sections[key], key)
        if kind == "term"
        else _clause_page(site, linker, sections[key], key)
        for kind, key in nodes
    ]


def _term_page(site: Site, linker: _Linker, section: list[Block], tid: str) -> PlannedPage:
    t = site.kb.terms[tid]
    here = paths.term(tid)
    body = linker.link_blocks(here, tid, term.term_blocks(site, tid, section, linker.dirs))
    # Only controlled-vocabulary names as browsing tags: themes render tag names unescaped.
    kb_tags = [
        CATEGORIES[t.category],
        *(f"Stage: {s.title()}" for s in t.compel.stages),
        *(f"Pillar: {p.title()}" for p in t.compel.pillars),
    ]
    names = term_keywords(t)
    # Names and aliases reach search through our own records (searchindex), not front matter:
    # nothing read them there, and mkdocs parsed them back for every page.
    return _page(here, t.term, BOOST["term"], body, "term", "", names, kb_tags=kb_tags)


def _clause_page(site: Site, linker: _Linker, section: list[Block], ref: str) -> PlannedPage:
    c = site.kb.clauses[ref]
    here = paths.clause(ref)
    body = linker.link_blocks(here, None, clause.clause_blocks(site, ref, section, linker.dirs))
    # The code alone as the title: a long title dilutes the title field, and clause
    # codes are what reviewers type (the page's heading still shows the full title).
    names = clause_keywords(c)
    return _page(here, c.code, BOOST["clause"], body, "clause", c.framework, names)


def _crosswalk_pages(site: Site, linker: _Linker) -> list[PlannedPage]:
    index = crosswalk.crosswalks_index(site)
    pages = [_page(paths.CROSSWALKS_INDEX, "Framework crosswalks", BOOST["crosswalk"], index, "page")]
    for cid, cw in site.kb.crosswalks.items():
        body = linker.link(paths.crosswalk(cid), None, crosswalk.crosswalk_page(site, cid))
        pages.append(_page(paths.crosswalk(cid), cw.title, BOOST["crosswalk"], body, "page", "", [cw.title]))
    return pages


def _exports(site: Site) -> dict[str, str]:
    if not site.kb.crosswalks:
        return {}
    # Dated by the newest row, not the build, so an unchanged knowledge base exports the same bytes.
    newest = max(m.provenance.date for m in site.mappings.direct)
    return {
        paths.EXPORTS["csv"]: exports.crosswalks_csv(site),
        paths.EXPORTS["sssom"]: exports.crosswalks_sssom(site),
        paths.EXPORTS["oscal"]: exports.crosswalks_oscal(site, newest),
    }


class _Graphs:
    """The drawable graph, prepared once per build; each page's graph parts; the explorer's data."""

    def __init__(self, site: Site, directory_urls: bool):
        # Timed apart: the graph's share of the build has a budget (docs/about/performance.md).
        self.timer = _Timer()
        with self.timer:
            self.data = data = graphdata.GraphData(site, directory_urls)
            data.prepare()
        self.explorer = ""  # the explorer's data file, made with its page

    def neighbourhoods(self, nodes: list[str]) -> tuple[dict[str, list[Block]], dict[str, str]]:
        """Each node's page section and data file (in node order)."""
        sections: dict[str, list[Block]] = {}
        files: dict[str, str] = {}
        data = self.data
        with self.timer:
            for node in nodes:
                nb = data.neighbourhood(node)
                files[paths.graph_data(node)] = graphdata.data_file(f"node:{node}", data.local_json(nb))
                sections[node] = graphpage.section(data, nb)
        return sections, files


class _Timer:
    """Adds up the CPU time spent inside ``with timer:`` blocks.

    CPU, not wall time: parts of the build run in two processes at once, so the graph's share
    of the build compares CPU times (scripts/bench_graph.py).
    """

    def __init__(self) -> None:
        self.seconds = 0.0

    def __enter__(self) -> None:
        self._start = time.thread_time()

    def __exit__(self, *exc) -> None:
        self.seconds += time.thread_time() - self._start


class _Linker:
    """First-mention auto-linking of a generated page's prose, with final relative URLs."""

    def __init__(self, site: Site, directory_urls: bool):
        self.site = site
        self.dirs = directory_urls
        self.labels = Labels.build(site.kb)

    def link(self, here: str, self_id: str | None, body: str, done: set[str] | None = None) -> str:
        from_url = paths.page_url(here, self.dirs)
        terms = self.site.kb.terms
        return link_generated_page(
            body,
            self.labels,
            self_id,
            lambda tid: paths.url_rel(paths.page_url(paths.term(tid), self.dirs), from_url),
            lambda tid: terms[tid].summary,
            done,
        )

    def link_blocks(self, here: str, self_id: str | None, blocks: list[Block]) -> list[Block]:
        """:meth:`link` over a page's HTML blocks, each term linked once per page."""
        done: set[str] = set()
        return [Block(self.link(here, self_id, b.text, done)) if _is_prose(b) else b for b in blocks]


def _is_prose(block: Block) -> bool:
    # Only prose and summaries are auto-linked (see autolink): skip every other block unread.
    return block.html and block.text.startswith(('<div class="kb-prose">', '<p class="kb-summary">'))


def _redirects(site: Site, directory_urls: bool, reserved: frozenset[str]) -> dict[str, str]:
    """A small forwarding page for every alias slug (``glossary/<alias>/``)."""
    out: dict[str, str] = {}
    for alias, tid in alias_slugs(site.kb).items():
        if f"glossary/{alias}.md" in reserved or f"glossary/{alias}/index.md" in reserved:
            continue
        src = f"glossary/{alias}/index.html" if directory_urls else f"glossary/{alias}.html"
        from_url = f"glossary/{alias}/" if directory_urls else src
        target = paths.url_rel(paths.page_url(paths.term(tid), directory_urls), from_url)
        out[src] = redirect_html(target, site.kb.terms[tid].term)
    return out


def _macros(site: Site, directory_urls: bool, blocks: dict[str, tuple[Block, ...]]) -> dict[str, str]:
    kb = site.kb
    out = {name: render(site, here) for name, (render, here) in PAGE_MACROS.items()}
    out.update({name: join(b) for name, b in blocks.items()})
    out["kb_stats"] = (
        f"{len(kb.terms)} terms · {len(kb.clauses)} framework items in "
        f"{len(kb.frameworks)} frameworks · {len(kb.decisions)} decision guides"
    )
    out["vocabularies"] = index.vocabularies()
    return out
