"""Documents -> model: frozen objects built from what the rules accepted.

Runs after :mod:`.rules`, so every value read here has the shape the schema
promises; nothing is checked again.
"""

from __future__ import annotations

from typing import Any

from .load import Sources
from .model import (
    Amendment,
    Answer,
    Applicability,
    Atom,
    Clause,
    CompelUsage,
    Crosswalk,
    Definition,
    Duties,
    Framework,
    Guide,
    GuideSource,
    KnowledgeBase,
    Label,
    Mapping,
    Milestone,
    Node,
    Obligation,
    Provenance,
    Question,
    Reference,
    Relation,
    Result,
    Review,
    RoleClaim,
    Rule,
    Source,
    Spectrum,
    Step,
    Term,
    Timeline,
    index_children,
)
from .rules import Verdict
from .rules.catalogs import ItemSite
from .source import Doc


def build_kb(src: Sources, verdict: Verdict) -> KnowledgeBase:
    """The knowledge base made of every accepted part of ``src``."""
    frameworks = {f: _framework(src.frameworks[f].data, src.frameworks[f].path) for f in verdict.frameworks}
    clauses = {ref: clause_from(site) for ref, site in verdict.items.items()}
    terms = {stem: term_from(src.terms[stem].data, src.terms[stem].path) for stem in verdict.terms}
    guides = {stem: guide_from(src.guides[stem].data, src.guides[stem].path) for stem in verdict.guides}
    spectrum = spectrum_from(src.spectrum.data) if verdict.spectrum and src.spectrum else None
    crosswalks = {stem: crosswalk_from(stem, src.crosswalks[stem]) for stem in verdict.crosswalks}
    timelines = {t.framework: t for t in (timeline_from(src.timelines[stem]) for stem in verdict.timelines)}
    applicability = {
        stem: applicability_from(src.applicability[stem].data, src.applicability[stem].path)
        for stem in verdict.applicability
    }
    return KnowledgeBase(
        frameworks=frameworks,
        clauses=clauses,
        terms=terms,
        decisions=guides,
        children=index_children(clauses),
        spectrum=spectrum,
        crosswalks=crosswalks,
        timelines=timelines,
        dates=index_dates(timelines),
        applicability=applicability,
    )


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _framework(d: dict[str, Any], path: str) -> Framework:
    return Framework(path=path, **{k: _strip(v) for k, v in d.items()})


def clause_from(site: ItemSite) -> Clause:
    """A :class:`Clause` from an accepted catalog item."""
    item = site.data
    return Clause(
        framework=site.framework,
        id=item["id"],
        kind=item["kind"],
        code=item["code"].strip(),
        title=item["title"].strip(),
        summary=item["summary"].strip(),
        parent=item.get("parent"),
        details=(item.get("details") or "").strip(),
        path=site.doc.path,
        line=site.line,
    )


def term_from(d: dict[str, Any], path: str) -> Term:
    """A :class:`Term` from a checked glossary entry."""
    c = d["compel"]
    r = d["review"]
    return Term(
        id=d["id"],
        term=d["term"].strip(),
        aliases=tuple(a.strip() for a in d.get("aliases") or ()),
        acronyms=tuple(a.strip() for a in d.get("acronyms") or ()),
        category=d["category"],
        summary=_one_line(d["summary"]),
        explanation=d["explanation"].strip(),
        why_it_matters=d["why_it_matters"].strip(),
        compel=CompelUsage(tuple(c["pillars"]), tuple(c["stages"]), c["usage"].strip()),
        references=tuple(
            Reference(x["ref"], x["relation"], (x.get("note") or "").strip()) for x in d["references"]
        ),
        related=tuple(
            Relation(x["term"], x["relation"], (x.get("note") or "").strip()) for x in d["related"]
        ),
        definitions=tuple(
            Definition(
                source=x["source"].strip(),
                locator=x["locator"].strip(),
                paraphrase=_one_line(x["paraphrase"]),
                jurisdiction=x["jurisdiction"],
                binding=x["binding"],
                ref=x.get("ref"),
                status=x.get("status", ""),
            )
            for x in d.get("definitions") or ()
        ),
        definitions_note=(d.get("definitions_note") or "").strip(),
        sources=tuple(
            Source(
                x["title"].strip(),
                (x.get("url") or "").strip(),
                (x.get("document") or "").strip(),
                (x.get("locator") or "").strip(),
            )
            for x in d["sources"]
        ),
        review=Review(r["status"], str(r["last_reviewed"]), (r.get("reviewer") or "").strip()),
        path=path,
    )


def _claim(d: dict[str, Any]) -> RoleClaim:
    was = d.get("was") or ()
    return RoleClaim(
        role=d["role"],
        basis=d["basis"],
        pinpoint=d["pinpoint"].strip(),
        because=_one_line(d.get("because", "")),
        was=(was,) if isinstance(was, str) else tuple(was),
    )


def _result(d: dict[str, Any]) -> Result:
    return Result(
        roles=tuple(_claim(r) for r in d.get("roles") or ()),
        risks=tuple(d.get("risk") or ()),
        open=_one_line(d.get("open") or ""),
    )


def _atoms(items: list[dict[str, Any]] | None) -> tuple[Atom, ...]:
    out = []
    for a in items or ():
        if "risk" in a:
            out.append(Atom(risks=tuple(a["risk"])))
        else:
            negate = "not_in" in a
            out.append(Atom(fact=a["fact"], values=tuple(a["not_in" if negate else "in"]), negate=negate))
    return tuple(out)


def _label(d: dict[str, Any]) -> Label:
    return Label(d["id"], d["label"].strip(), d["basis"], d["pinpoint"].strip(), _one_line(d["summary"]))


def applicability_from(d: dict[str, Any], path: str) -> Applicability:
    """An :class:`Applicability` from a checked ``frameworks/applicability/<framework>.yml``."""
    duties = tuple(
        Duties(
            id=p["id"],
            title=p["title"].strip(),
            roles=tuple(p["roles"]),
            risks=tuple(p["risks"]),
            obligations=tuple(
                Obligation(
                    o["ref"],
                    o["pinpoint"].strip(),
                    _one_line(o["what"]),
                    tuple(o.get("risks") or ()),
                    o.get("milestone", ""),
                )
                for o in p["obligations"]
            ),
            dated_by={x["risk"]: tuple(x["milestones"]) for x in p.get("dated_by") or ()},
        )
        for p in d["duties"]
    )
    questions = tuple(
        Question(
            id=q["id"],
            kind=q["kind"],
            text=q["text"].strip(),
            help=_one_line(q["help"]),
            options=tuple((o["id"], o["label"].strip()) for o in q.get("options") or ()),
            unsure=q["kind"] == "check" or bool(q.get("unsure")),
            ask_if=_atoms(q.get("ask_if")),
            refs=tuple(q.get("refs") or ()),
        )
        for q in d["questions"]
    )
    risk_rules = tuple(
        Rule(r["risk"], _atoms(r["when"]), _one_line(r["because"])) for r in d["rules"]["risks"]
    )
    role_rules = tuple(
        Rule(r["role"], _atoms(r["when"]), _one_line(r["because"]), _claim(r)) for r in d["rules"]["roles"]
    )
    return Applicability(
        framework=d["framework"],
        title=d["title"].strip(),
        intro=d["intro"].strip(),
        roles={r["id"]: _label(r) for r in d["roles"]},
        risks={r["id"]: _label(r) for r in d["risks"]},
        duties=duties,
        questions=questions,
        risk_rules=risk_rules,
        role_rules=role_rules,
        path=path,
    )


def guide_from(d: dict[str, Any], path: str) -> Guide:
    """A :class:`Guide` from a checked decision guide."""
    nodes = {}
    start = ""
    for n in d["nodes"]:
        if n.get("start"):
            start = n["id"]
        nodes[n["id"]] = Node(
            id=n["id"],
            type=n["type"],
            phase=n.get("phase", ""),
            question=n.get("question", "").strip(),
            help=(n.get("help") or "").strip(),
            answers=tuple(
                Answer(a["label"].strip(), a["next"], (a.get("note") or "").strip())
                for a in n.get("answers") or ()
            ),
            title=n.get("title", "").strip(),
            recommendation=_one_line(n.get("recommendation", "")),
            rationale=(n.get("rationale") or "").strip(),
            intensity=n.get("intensity", ""),
            terms=tuple(n.get("terms") or ()),
            refs=tuple(n.get("refs") or ()),
            result=_result(n["result"]) if n.get("result") else None,
        )
    return Guide(
        id=d["id"],
        title=d["title"].strip(),
        intro=d["intro"].strip(),
        start=start,
        nodes=nodes,
        phases=tuple((p["id"], p["title"].strip()) for p in d.get("phases") or ()),
        sources=tuple(
            GuideSource(s["title"].strip(), s.get("url", ""), s.get("locator", ""))
            for s in d.get("sources") or ()
        ),
        path=path,
    )


def spectrum_from(d: dict[str, Any]) -> Spectrum:
    """A :class:`Spectrum` from the checked spectrum file."""
    steps = tuple(Step(**{k: _strip(v) for k, v in s.items()}) for s in d["steps"])
    return Spectrum(d["title"].strip(), d["intro"].strip(), steps)


def _provenance(d: dict[str, Any]) -> Provenance:
    return Provenance(
        method=d["method"],
        author=d["author"].strip(),
        status=d["status"],
        date=str(d["date"]),
        reviewer=(d.get("reviewer") or "").strip(),
    )


def crosswalk_from(stem: str, doc: Doc) -> Crosswalk:
    """A :class:`Crosswalk` from a checked crosswalk file; rows inherit the file's provenance."""
    d = doc.data
    defaults = d["provenance"]
    rows = tuple(
        Mapping(
            source=r["source"],
            target=r["target"],
            relation=r["relation"],
            rationale=r["rationale"],
            strength=r["strength"],
            justification=_one_line(r["justification"]),
            provenance=_provenance({**defaults, **(r.get("provenance") or {})}),
            basis=(r.get("basis") or "").strip(),
            crosswalk=stem,
            path=doc.path,
            line=doc.line("mappings", i),
        )
        for i, r in enumerate(d["mappings"])
    )
    return Crosswalk(
        id=stem,
        source=d["source"],
        target=d["target"],
        title=d["title"].strip(),
        intro=d["intro"].strip(),
        provenance=_provenance(defaults),
        mappings=rows,
        basis=tuple(
            GuideSource(b["title"].strip(), b.get("url", ""), b.get("locator", ""))
            for b in d.get("basis") or ()
        ),
        path=doc.path,
    )


def timeline_from(doc: Doc) -> Timeline:
    """A :class:`Timeline` from a checked timeline file."""
    d = doc.data
    amendments = {
        a["id"]: Amendment(
            a["id"],
            a["title"].strip(),
            str(a["published"]),
            str(a["in_force"]),
            a["status"],
            _one_line(a.get("note") or ""),
        )
        for a in d.get("amendments") or ()
    }
    milestones = tuple(
        Milestone(
            id=m["id"],
            date=str(m["date"]),
            applies=_one_line(m["applies"]),
            to=_one_line(m["to"]),
            basis=m["basis"].strip(),
            status=m["status"],
            clauses=tuple(m["clauses"]),
            amended_by=m.get("amended_by", ""),
            superseded_by=m.get("superseded_by", ""),
            framework=d["framework"],
            path=doc.path,
            line=doc.line("milestones", i),
        )
        for i, m in enumerate(d["milestones"])
    )
    return Timeline(d["framework"], d["title"].strip(), milestones, amendments, doc.path)


def index_dates(timelines: dict[str, Timeline]) -> dict[str, tuple[Milestone, ...]]:
    """Clause reference -> its milestones, in date order."""
    out: dict[str, list[Milestone]] = {}
    for t in timelines.values():
        for m in t.milestones:
            for ref in m.clauses:
                out.setdefault(ref, []).append(m)
    return {k: tuple(sorted(v, key=lambda m: (m.date, m.id))) for k, v in out.items()}
