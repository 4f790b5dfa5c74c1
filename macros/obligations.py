"""What applies to a set of roles at a set of risk levels: obligations, their dates, their controls.

One function, :func:`resolve`, serves every place that shows obligations (the
outcomes of the decision guides and the applicability check), so an obligation
reads the same, carries the same date and maps to the same controls wherever
it appears. Dates come from the timeline and only current milestones are used;
controls come from the crosswalk index, direct rows before inferred ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Applicability, Duties, Mapping, Milestone, Obligation
from .site import Site

#: Frameworks whose provisions are shown as the controls that address an obligation.
CONTROL_FRAMEWORKS = ("iso-42001", "nist-ai-rmf")


@dataclass(frozen=True)
class Resolved:
    """An obligation as it applies: the clause, what to do, from when, and what addresses it."""

    obligation: Obligation
    package: Duties
    dates: tuple[Milestone, ...]
    controls: tuple[Mapping, ...]


def applicable_packages(app: Applicability, roles: set[str], risks: set[str]) -> list[Duties]:
    """Packages carried by any of ``roles`` at any of ``risks``, in file order."""
    return [p for p in app.duties if roles.intersection(p.roles) and risks.intersection(p.risks)]


def resolve(site: Site, app: Applicability, roles: set[str], risks: set[str]) -> list[Resolved]:
    """Every obligation that applies, with its current dates and mapped controls."""
    return [
        r for package in applicable_packages(app, roles, risks) for r in resolve_package(site, package, risks)
    ]


def resolve_package(site: Site, package: Duties, risks: set[str]) -> list[Resolved]:
    """The obligations of one package that apply at ``risks``, with their dates and controls."""
    return [
        Resolved(ob, package, dates_for(site, package, ob, risks), controls_for(site, ob.ref))
        for ob in package.obligations
        if not ob.risks or risks.intersection(ob.risks)
    ]


def dates_for(site: Site, package: Duties, ob: Obligation, risks: set[str]) -> tuple[Milestone, ...]:
    """The current milestones that date ``ob``: its own, else the package's for these risk levels,
    else the clause's own current dates."""
    if ob.milestone:
        ids: list[str] = [ob.milestone]
    else:
        ids = [m for risk in package.risks if risk in risks for m in package.dated_by.get(risk, ())]
    if ids:
        found = [m for m in map(site.kb.milestone, dict.fromkeys(ids)) if m and m.current]
    else:
        found = [m for m in site.kb.dates_of(ob.ref) if m.current]
    return tuple(sorted(found, key=lambda m: (m.date, m.id)))


def controls_for(site: Site, ref: str) -> tuple[Mapping, ...]:
    """ISO/IEC 42001 and NIST AI RMF provisions mapped from ``ref``: direct first, then inferred."""
    rows = [m for m in site.mappings.of(ref) if m.target_framework in CONTROL_FRAMEWORKS]
    return tuple(
        sorted(rows, key=lambda m: (m.inferred, CONTROL_FRAMEWORKS.index(m.target_framework), -m.strength))
    )
