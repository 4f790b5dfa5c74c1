"""The search files the browser loads: one record per term, clause, guide, crosswalk and timeline page.

Both engines serve the same files (``assets/kb-search.js`` ranks the records);
the records themselves are made by :mod:`.search` from the model.
"""

from __future__ import annotations

import json

from .render import paths
from .search import clause_record, search_record, term_record
from .site import Site

#: The search records the browser loads on first use (a script, so it also works from file://).
SEARCH_INDEX = "search/kb-index.js"
NAMES_INDEX = "search/kb-names.js"
#: Which search the pages use: "builtin", or "pagefind" once scripts/pagefind.py has indexed the site.
SEARCH_MODE = "assets/kb-search-mode.js"


def search_files(records: list[list]) -> dict[str, str]:
    """The search index, the names-only index (from one list of records) and the mode (built-in)."""
    slim = [[*r[:5], "", "", r[7]] for r in records]
    return {
        SEARCH_INDEX: _index_script("__kbSearchIndex", records),
        NAMES_INDEX: _index_script("__kbSearchNames", slim),
        SEARCH_MODE: 'window.__kbSearchMode = "builtin";\n',
    }


def search_index(site: Site, directory_urls: bool = True) -> str:
    """Every term, clause, guide and crosswalk page as a search record (kb-search.js ranks them)."""
    return _index_script("__kbSearchIndex", search_records(site, directory_urls))


def _index_script(variable: str, records: list) -> str:
    data = json.dumps({"version": 1, "records": records}, ensure_ascii=False, separators=(",", ":"))
    # U+2028/2029 end a line in older JavaScript engines; escape them inside strings.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{variable} = {data};\n"


def search_records(site: Site, directory_urls: bool = True) -> list[list]:
    """One record per term, clause, guide, crosswalk and timeline page."""
    kb = site.kb

    def url(path: str) -> str:
        return paths.page_url(path, directory_urls)

    # Art. 3's numbered points ("Art. 3(23)") are codes of Art. 3 itself.
    points = tuple(f"art 3 {n}" for n in range(1, 69))
    records = [term_record(t, url(paths.term(t.id))) for t in sorted(kb.terms.values(), key=lambda t: t.id)]
    records += [
        clause_record(c, url(paths.clause(ref)), points if ref == "eu-ai-act:art-3" else ())
        for ref, c in kb.clauses.items()
    ]
    for g in kb.decisions.values():
        body = " ".join(n.question or n.title for n in g.nodes.values())
        records.append(search_record("guide", g.title, url(paths.decision(g.id)), [g.title], g.intro, body))
    for fid, app in kb.applicability.items():
        body = " ".join(q.text for q in app.questions)
        names = [app.title, "applicability check", "what applies"]
        records.append(
            search_record("guide", app.title, url(paths.applicability(fid)), names, app.intro, body)
        )
    for cw in kb.crosswalks.values():
        records.append(search_record("page", cw.title, url(paths.crosswalk(cw.id)), [cw.title], cw.intro, ""))
    for fid, t in kb.timelines.items():
        records.append(
            search_record("page", t.title, url(paths.timeline(fid)), [t.title, "timeline"], "", "")
        )
    return records
