"""``kb.json``: the machine-readable export of terms, clauses, edges and guides."""

from __future__ import annotations

import json

from .. import graph as kg
from ..site import Site
from . import paths
from .exports import all_mappings
from .paths import page_url


def _date(kb, m) -> dict:
    t = kb.timelines.get(m.framework)
    amendment = t.amendments.get(m.amended_by) if t and m.amended_by else None
    return {
        "date": m.date,
        "applies": m.applies,
        "to": m.to,
        "basis": m.basis,
        "amended_by": amendment.title if amendment else None,
        "status": m.status,
        "superseded": not m.current,
    }


def kb_json(site: Site, use_directory_urls: bool = True) -> str:
    """Serialise the knowledge base (stable key order, UTF-8 friendly)."""
    kb = site.kb

    def url(p: str) -> str:
        return page_url(p, use_directory_urls)

    data = {
        "terms": [
            {
                "id": t.id,
                "term": t.term,
                "aliases": [*t.aliases, *t.acronyms],
                "category": t.category,
                "summary": t.summary,
                "url": url(paths.term(t.id)),
                "definitions": [
                    {
                        "source": d.source,
                        "locator": d.locator,
                        "binding": d.binding,
                        "status": d.status or None,
                    }
                    for d in t.definitions
                ],
            }
            for t in sorted(kb.terms.values(), key=lambda t: t.id)
        ],
        "clauses": [
            {
                "id": c.ref,
                "framework": c.framework,
                "kind": c.kind,
                "code": c.code,
                "title": c.title,
                "parent": c.parent_ref,
                "url": url(paths.clause(c.ref)),
                "dates": [_date(kb, m) for m in kb.dates_of(c.ref)],
            }
            for c in kb.clauses.values()
        ],
        "frameworks": [
            {"id": f.id, "name": f.name, "version": f.version, "url": url(paths.framework(f.id))}
            for f in kb.frameworks.values()
        ],
        "edges": kg.edges(site.graph),
        "mappings": [
            {
                "source": m.source,
                "target": m.target,
                "relation": m.relation,
                "strength": m.strength,
                "rationale": m.rationale,
                "status": m.provenance.status,
                "inferred": m.inferred,
                "path": [m.source, *m.via, m.target] if m.inferred else [],
            }
            for m in all_mappings(site)
        ],
        "crosswalks": [
            {
                "id": cw.id,
                "source": cw.source,
                "target": cw.target,
                "title": cw.title,
                "url": url(paths.crosswalk(cw.id)),
            }
            for cw in kb.crosswalks.values()
        ],
        "decisions": [
            {
                "id": d.id,
                "title": d.title,
                "url": url(paths.decision(d.id)),
                "questions": len(d.questions),
                "outcomes": len(d.outcomes),
            }
            for d in kb.decisions.values()
        ],
    }
    return _one_record_per_line(data)


def _one_record_per_line(data: dict) -> str:
    """JSON with each list item on its own line: diff-friendly, and written by json's C encoder
    (``indent`` switches json to its pure-Python encoder, a second per thousand terms)."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            rows = ",\n".join(json.dumps(x, ensure_ascii=False) for x in value)
            parts.append(f"{json.dumps(key)}: [\n{rows}\n]")
        else:
            parts.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}"
