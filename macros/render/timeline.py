"""Application dates: the section on each clause page and the timeline page of a framework.

Current dates and superseded ones are kept apart, so a replaced date is only
ever shown as history. "Applies now" and "next" are relative to the build
date the plan passes in.
"""

from __future__ import annotations

import datetime as dt

from ..model import Milestone, Timeline
from ..site import Site
from ..vocab import DATE_STATUSES
from . import paths
from .markup import Block, Here, heading, items, link, para, text
from .text import md


def human_date(iso: str) -> str:
    """``2027-12-02`` -> ``2 December 2027``."""
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def _amended(site: Site, m: Milestone, t=md) -> str:
    tl = site.kb.timelines.get(m.framework)
    a = tl.amendments.get(m.amended_by) if tl and m.amended_by else None
    return t(a.title) if a else ""


def _status(m: Milestone, t=md) -> str:
    return t(DATE_STATUSES[m.status])


def _basis(site: Site, m: Milestone, t=md) -> str:
    """The legal basis, naming the amending act unless the basis already does.

    ``t`` escapes data for where it goes: :func:`~.text.md` for Markdown, :func:`~.markup.text` for HTML.
    """
    amended = _amended(site, m, t)
    extra = f" (amended by {amended})" if amended and "amended" not in m.basis else ""
    return t(m.basis) + extra


def _history(m: Milestone, new: Milestone | None, site: Site, t=md) -> str:
    strong = (lambda s: f"<strong>{s}</strong>") if t is not md else (lambda s: f"**{s}**")
    repl = f", replaced by {strong(human_date(new.date))}" if new else ", replaced"
    how = f" ({_amended(site, new, t)})" if new and new.amended_by else ""
    return f"<del>{human_date(m.date)}</del>{repl}{how}: {t(m.applies)} Basis was {t(m.basis)}."


_DATE_COLUMNS = ("Applies from", "What applies", "To whom", "Legal basis", "Source")


def clause_dates(site: Site, ref: str, here: Here) -> list[Block]:
    """The "Application dates" section of a clause page, as blocks (none when the clause has no dates)."""
    dates = site.kb.dates_of(ref)
    if not dates:
        return []
    current = [m for m in dates if m.current]
    old = [m for m in dates if not m.current]
    head = "".join(f"<th>{h}</th>" for h in _DATE_COLUMNS)
    rows = [
        f"<tr><td><strong>{human_date(m.date)}</strong></td><td>{text(m.applies)}</td><td>{text(m.to)}</td>"
        f"<td>{_basis(site, m, text)}</td><td>{_status(m, text)}</td></tr>"
        for m in current
    ]
    out = [
        heading(2, "Application dates"),
        Block(f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>"),
    ]
    if old:
        out.append(para("<strong>Superseded dates (history, no longer current):</strong>"))
        out.append(items(_history(m, site.kb.milestone(m.superseded_by), site, text) for m in old))
    every = link(here.to(paths.timeline(dates[0].framework)), "Every date of this framework on one timeline")
    out.append(para(f"{every}."))
    return out


def current_dates(site: Site, ref: str) -> list[Milestone]:
    """The current application dates of a clause."""
    return [m for m in site.kb.dates_of(ref) if m.current]


def timeline_page(site: Site, framework: str, today: dt.date) -> str:
    """Markdown for ``frameworks/<fw>/timeline.md``: every milestone, past and future."""
    t: Timeline = site.kb.timelines[framework]
    here = paths.timeline(framework)
    current = sorted((m for m in t.milestones if m.current), key=lambda m: (m.date, m.id))
    old = sorted((m for m in t.milestones if not m.current), key=lambda m: (m.date, m.id))
    upcoming = [m for m in current if dt.date.fromisoformat(m.date) > today]
    next_date = upcoming[0].date if upcoming else None
    amendments = "; ".join(
        f"{md(a.title)}, in force since {human_date(a.in_force)} ({md(DATE_STATUSES[a.status])})"
        for a in t.amendments.values()
    )
    parts = [
        f"# {md(t.title)}",
        f"Every application date of the {md(site.kb.frameworks[framework].name)}, with what applies, to "
        f"whom, its legal basis and how it was checked. **Marked relative to "
        f"{human_date(today.isoformat())}**, the date this site was built.",
        f"**Amendments included:** {amendments}." if amendments else "**Amendments included:** none.",
    ]
    for m in current:
        day = dt.date.fromisoformat(m.date)
        mark = "applies now" if day <= today else ("next" if m.date == next_date else "upcoming")
        parts.append(
            f"## {human_date(m.date)} · {mark} {{#{m.id}}}\n\n"
            f"**What applies:** {md(m.applies)}  \n"
            f"**To whom:** {md(m.to)}  \n"
            f"**Legal basis:** {_basis(site, m)} · **Source:** {_status(m)}  \n"
            f"**Clauses:** {_clause_links(site, m, here)}"
        )
    if old:
        by_id = {m.id: m for m in t.milestones}
        parts.append("## Superseded dates (history)")
        parts.append("These dates were replaced and no longer apply.")
        parts.append("\n".join(f"- {_history(m, by_id.get(m.superseded_by), site)}" for m in old))
    return "\n\n".join(parts)


def _clause_links(site: Site, m: Milestone, here: str, limit: int = 12) -> str:
    refs = [r for r in m.clauses if r in site.kb.clauses]
    shown = ", ".join(
        f"[{md(site.kb.clauses[r].code)}]({paths.rel(here, paths.clause(r))})" for r in refs[:limit]
    )
    more = len(refs) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def dates_note(site: Site, ref: str, here: str) -> str:
    """`` · applies from 2 December 2027, 2 August 2028`` for a clause with current dates, else ''."""
    days = applies_from(site, ref)
    if not days:
        return ""
    return f" · [{days}]({paths.rel(here, paths.clause(ref), 'application-dates')})"


def applies_from(site: Site, ref: str) -> str:
    """``applies from 2 December 2027, 2 August 2028`` for a clause with current dates, else ''."""
    days = sorted({m.date for m in current_dates(site, ref)})
    return f"applies from {', '.join(human_date(d) for d in days)}" if days else ""
