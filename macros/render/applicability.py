"""The applicability check page: questions, roles, risk levels and every obligation package.

Without JavaScript the page lists every question, role, risk level and
package with its obligations, dates and mapped controls. With JavaScript,
``assets/applicability.js`` asks the questions and evaluates the rules from
the JSON island, including "Not sure" answers, and exports the result. Links
in the island are final URLs relative to this page, as both engines serve it.
"""

from __future__ import annotations

import json

from ..model import Applicability, Atom
from ..obligations import controls_for, dates_for, resolve_package
from ..site import Site
from ..vocab import DATE_STATUSES, FRAMEWORKS
from . import paths
from .obligations import obligations_md
from .term import clause_link_short
from .text import attr, md, prose
from .timeline import current_dates, human_date


def applicability_page(site: Site, framework: str, directory_urls: bool = True) -> str:
    """Markdown for ``decisions/<framework>-applicability.md``."""
    app = site.kb.applicability[framework]
    here = paths.applicability(framework)
    parts = [
        f"# {md(app.title)}",
        prose(app.intro),
        "## The check",
        f'<div class="kb-applies" data-framework="{attr(framework)}" aria-live="polite">\n'
        '<script type="application/json" class="kb-applies-data">'
        + island(site, app, directory_urls)
        + "</script>\n</div>",
        '<p class="kb-nojs-note">The check needs JavaScript; every question, role, risk level and '
        "obligation is listed below.</p>",
        "## The questions",
        _questions(site, app, here),
        "## Roles",
        _labels(site, app.roles.values(), here),
        "## Risk levels",
        _labels(site, app.risks.values(), here),
        "## Obligations by role and risk level",
        "Each package lists what its roles must do at its risk levels, from when (current dates from the "
        f"[timeline]({paths.rel(here, paths.timeline(framework))})), and the "
        f"{md(FRAMEWORKS['iso-42001'])} and {md(FRAMEWORKS['nist-ai-rmf'])} provisions the crosswalks map "
        "to it; *inferred* mappings go through a third framework.",
        *[_package(site, app, p, here) for p in app.duties],
    ]
    return "\n\n".join(p for p in parts if p)


def _questions(site: Site, app: Applicability, here: str) -> str:
    lines = []
    for i, q in enumerate(app.questions, 1):
        refs = ", ".join(clause_link_short(site, r, here) for r in q.refs)
        lines.append(f"{i}. **{md(q.text)}** {md(q.help)}" + (f" ({refs})" if refs else ""))
        answers = [label for _, label in q.options] or ["Yes", "No"]
        if q.unsure:
            answers.append("Not sure")
        lines.append("    - " + "; ".join(md(a) for a in answers))
    return "\n".join(lines)


def _labels(site: Site, labels, here: str) -> str:
    rows = ["| Name | Where the Act sets it | Meaning |", "|---|---|---|"]
    for x in labels:
        where = f"{md(x.pinpoint)} ({clause_link_short(site, x.basis, here)})"
        rows.append(f"| **{md(x.label)}** | {where} | {md(x.summary)} |")
    return "\n".join(rows)


def _package(site: Site, app: Applicability, package, here: str) -> str:
    roles = ", ".join(md(app.roles[r].label) for r in package.roles)
    risks = ", ".join(md(app.risks[r].label) for r in package.risks)
    body = obligations_md(site, app, resolve_package(site, package, set(package.risks)), here)
    return f"### {md(package.title)}\n\n*{roles}* — at: {risks}.\n\n{body}"


def _atom(a: Atom) -> dict:
    if a.risks:
        return {"risk": list(a.risks)}
    return {"fact": a.fact, ("not_in" if a.negate else "in"): list(a.values)}


def island(site: Site, app: Applicability, directory_urls: bool = True) -> str:
    """JSON for the check; ``<``, ``>`` and ``&`` escaped so it cannot end its script element."""
    here_url = paths.page_url(paths.applicability(app.framework), directory_urls)

    def url(src: str) -> str:
        return paths.url_rel(paths.page_url(src, directory_urls), here_url)

    def clause(ref: str) -> dict:
        c = site.kb.clauses[ref]
        return {"code": c.code, "title": c.title, "url": url(paths.clause(ref)), "framework": c.framework}

    milestones: dict[str, dict] = {}
    clauses: dict[str, dict] = {}

    def dated(ms) -> list[str]:
        for m in ms:
            milestones[m.id] = {
                "date": m.date,
                "human": human_date(m.date),
                "basis": m.basis,
                "status": DATE_STATUSES[m.status],
            }
        return [m.id for m in ms]

    packages = []
    for p in app.duties:
        obs = []
        for ob in p.obligations:
            if ob.ref not in clauses:
                controls = []
                for m in controls_for(site, ob.ref):
                    controls.append({**clause(m.target), "inferred": m.inferred, "relation": m.relation})
                own = current_dates(site, ob.ref)
                clauses[ob.ref] = {**clause(ob.ref), "own": dated(own), "controls": controls}
            if ob.milestone:
                dated(dates_for(site, p, ob, set()))
            obs.append(
                {
                    "ref": ob.ref,
                    "pinpoint": ob.pinpoint,
                    "what": ob.what,
                    "risks": list(ob.risks),
                    "milestone": ob.milestone,
                }
            )
        for ids in p.dated_by.values():
            dated([m for m in map(site.kb.milestone, ids) if m and m.current])
        packages.append(
            {
                "id": p.id,
                "title": p.title,
                "roles": list(p.roles),
                "risks": list(p.risks),
                "dated_by": {k: list(v) for k, v in p.dated_by.items()},
                "obligations": obs,
            }
        )

    def label(x) -> dict:
        return {"label": x.label, "pinpoint": x.pinpoint, "summary": x.summary, **_basis(clause(x.basis))}

    data = {
        "framework": app.framework,
        "title": app.title,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind,
                "text": q.text,
                "help": q.help,
                "options": [list(o) for o in q.options],
                "unsure": q.unsure,
                "ask_if": [_atom(a) for a in q.ask_if],
            }
            for q in app.questions
        ],
        "risk_rules": [
            {"gives": r.gives, "when": [_atom(a) for a in r.when], "because": r.because}
            for r in app.risk_rules
        ],
        "role_rules": [
            {
                "gives": r.gives,
                "when": [_atom(a) for a in r.when],
                "because": r.because,
                "pinpoint": r.claim.pinpoint if r.claim else "",
                "was": list(r.claim.was) if r.claim else [],
                **_basis(clause(r.claim.basis) if r.claim else None),
            }
            for r in app.role_rules
        ],
        "roles": {k: label(v) for k, v in app.roles.items()},
        "risks": {k: label(v) for k, v in app.risks.items()},
        "packages": packages,
        "milestones": milestones,
        "clauses": clauses,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _basis(c: dict | None) -> dict:
    return {"basis_code": c["code"], "basis_url": c["url"]} if c else {}
