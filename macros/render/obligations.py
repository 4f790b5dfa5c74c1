"""Roles, risk level and obligations as Markdown: one rendering for guide outcomes and the check.

An obligation shows its clause and point, what to do, the date it applies
from (current milestones only, with their legal basis and source status), and
the ISO/IEC 42001 and NIST AI RMF provisions mapped to it, inferred ones
marked. Everything from YAML is escaped on the way.
"""

from __future__ import annotations

from ..model import Applicability, Duties, Mapping, Milestone, Result
from ..obligations import Resolved, resolve
from ..site import Site
from ..vocab import DATE_STATUSES
from . import paths
from .term import clause_link_short
from .text import attr, md
from .timeline import human_date

#: The framework whose applicability file gives the roles and risk levels of guide outcomes.
LAW = "eu-ai-act"


def law(site: Site) -> Applicability | None:
    """The applicability data that guide results refer to (None when the knowledge base has none)."""
    return site.kb.applicability.get(LAW)


def route(app: Applicability, package: Duties, milestone: str) -> str:
    """The risk level a package date belongs to, when the package is dated per route.

    A milestone listed alone for a risk level names that route ("high-risk through Annex III");
    the unsettled route lists several milestones and so names none.
    """
    for risk, ids in package.dated_by.items():
        if ids == (milestone,):
            return app.risks[risk].label
    return ""


def _date(m: Milestone, route_label: str = "") -> str:
    """``**2 December 2027** if high-risk through Annex III ... (Art. 113 as amended by ... Checked ...)``."""
    scope = f" if {md(route_label[0].lower() + route_label[1:])}" if route_label else ""
    return f"**{human_date(m.date)}**{scope} ({md(m.basis)}. {md(DATE_STATUSES[m.status])})"


def control_text(site: Site, m: Mapping, here: str) -> str:
    """A link to the mapped provision, marked when the mapping is inferred through a pivot."""
    mark = " *(inferred)*" if m.inferred else ""
    return clause_link_short(site, m.target, here) + mark


def result_md(site: Site, result: Result, here: str) -> str:
    """The roles and risk levels of an outcome, each with its legal basis, and what is still open."""
    app = law(site)
    if app is None:
        return ""
    parts = []
    if result.roles:
        rows = []
        for claim in result.roles:
            label = app.roles[claim.role]
            was = f" (previously {md(app.roles[claim.was[0]].label.lower())})" if claim.was else ""
            rows.append(
                f"- **{md(label.label)}**{was} — {md(claim.pinpoint)}, "
                f"{clause_link_short(site, claim.basis, here)}: {md(claim.because)}"
            )
        parts.append("**Your role:**\n\n" + "\n".join(rows))
    if result.risks:
        rows = [
            f"- **{md(app.risks[r].label)}** — {md(app.risks[r].pinpoint)}: {md(app.risks[r].summary)}"
            for r in result.risks
        ]
        parts.append("**Risk level:**\n\n" + "\n".join(rows))
    if result.open:
        parts.append(f"**Still to settle:** {md(result.open)}")
    return "\n\n".join(parts)


def obligations_md(site: Site, app: Applicability, items: list[Resolved], here: str) -> str:
    """A table of obligations: clause, what to do, applies from (per route), mapped controls."""
    if not items:
        return ""
    rows = [
        "| Obligation | What to do | Applies from | Addressed by (ISO/IEC 42001, NIST AI RMF) |",
        "|---|---|---|---|",
    ]
    for r in items:
        ob = r.obligation
        several = len(r.dates) > 1
        when = "<br>".join(_date(m, route(app, r.package, m.id) if several else "") for m in r.dates) or "—"
        controls = ", ".join(control_text(site, m, here) for m in r.controls) or "no mapping yet"
        c = site.kb.clauses[ob.ref]
        clause = f'[{md(ob.pinpoint)}]({paths.rel(here, paths.clause(ob.ref))} "{attr(c.title)}")'
        rows.append(f"| {clause} | {md(ob.what)} | {when} | {controls} |")
    return "\n".join(rows)


def outcome_result(site: Site, result: Result | None, here: str) -> str:
    """The structured part of a guide outcome: result, obligations, or a pointer to the check."""
    app = law(site)
    if app is None:
        return ""
    check = paths.rel(here, paths.applicability(app.framework))
    if result is None:
        return (
            "#### Role and obligations\n\n"
            "This outcome settles no EU AI Act role or risk level. "
            f"To see what applies to you, run the [applicability check]({check})."
        )
    parts = ["#### Role, risk level and obligations", result_md(site, result, here)]
    items = resolve(site, app, {c.role for c in result.roles}, set(result.risks))
    if items:
        parts.append(obligations_md(site, app, items, here))
        parts.append(
            "Dates are the current ones from the [timeline]"
            f"({paths.rel(here, paths.timeline(app.framework))}); mappings are drafts, "
            f"inferred ones go through a third framework. [Check several roles at once]({check})."
        )
    elif result.roles and result.risks:
        parts.append(
            f"No specific obligations follow for these roles at this risk level. See the [check]({check})."
        )
    return "\n\n".join(p for p in parts if p)


def obligation_refs(site: Site, result: Result | None) -> set[str]:
    """Clauses whose obligations the outcome's table lists (with the date that applies to it)."""
    app = law(site)
    if app is None or result is None:
        return set()
    return {r.obligation.ref for r in resolve(site, app, {c.role for c in result.roles}, set(result.risks))}


def outcome_export(site: Site, result: Result | None) -> dict:
    """An outcome's result as plain data for the questionnaire's JSON and CSV downloads."""
    app = law(site)
    if app is None or result is None:
        return {}
    items = resolve(site, app, {c.role for c in result.roles}, set(result.risks))
    return {
        "roles": [
            {
                "role": c.role,
                "label": app.roles[c.role].label,
                "pinpoint": c.pinpoint,
                "because": c.because,
                "was": list(c.was),
            }
            for c in result.roles
        ],
        "risk_levels": [
            {"id": r, "label": app.risks[r].label, "pinpoint": app.risks[r].pinpoint} for r in result.risks
        ],
        "open": result.open,
        "obligations": [
            {
                "clause": site.kb.clauses[r.obligation.ref].code,
                "pinpoint": r.obligation.pinpoint,
                "what": r.obligation.what,
                "applies_from": [
                    {
                        "date": m.date,
                        "if": route(app, r.package, m.id) if len(r.dates) > 1 else "",
                        "basis": m.basis,
                        "status": DATE_STATUSES[m.status],
                    }
                    for m in r.dates
                ],
                "controls": [
                    {
                        "code": site.kb.clauses[m.target].code,
                        "framework": m.target_framework,
                        "inferred": m.inferred,
                    }
                    for m in r.controls
                ],
            }
            for r in items
        ],
    }
