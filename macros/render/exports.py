"""Crosswalk exports: CSV (STRM-style), SSSOM TSV and an OSCAL mapping collection.

Every value is text from the data, never markup; CSV and TSV cells that a
spreadsheet would run as a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import uuid

from ..model import Mapping
from ..site import Site
from ..vocab import FRAMEWORKS

#: IRIs the SSSOM curie map and the OSCAL resources point to (the frameworks' official pages).
PREFIXES = {
    "eu-ai-act": ("EUAIACT", "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#"),
    "nist-ai-rmf": ("NISTAIRMF", "https://doi.org/10.6028/NIST.AI.100-1#"),
    "iso-42001": ("ISO42001", "https://www.iso.org/standard/81230.html#"),
    "compel": ("COMPEL", "https://www.compel.one/framework#"),
}
#: NIST IR 8477 relationship -> SKOS mapping predicate (read subject -> object).
SKOS = {
    "equal": "skos:exactMatch",
    "subset-of": "skos:broadMatch",  # the object is broader than the subject
    "superset-of": "skos:narrowMatch",
    "intersects-with": "skos:relatedMatch",
    "not-related": "skos:relatedMatch",  # with predicate_modifier Not
}
#: Our mapping methods -> OSCAL provenance methods.
OSCAL_METHOD = {"human": "human", "automated": "automation", "hybrid": "hybrid"}
_NAMESPACE = uuid.UUID("6f0d3c8e-6a53-4c2b-9b7e-2f1c9a0d7e11")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A spreadsheet-safe cell: text a spreadsheet would evaluate gets a leading apostrophe."""
    text = " ".join(str(value).split()) if value is not None else ""
    return "'" + text if text.startswith(_FORMULA) else text


def all_mappings(site: Site) -> list[Mapping]:
    """Direct rows in file order, then inferred ones (inverses are not repeated)."""
    inferred = sorted(
        (m for m in site.mappings.inferred if m.source < m.target), key=lambda m: (m.source, m.target)
    )
    return [*site.mappings.direct, *inferred]


CSV_COLUMNS = (
    "source_framework",
    "source_id",
    "source_code",
    "source_title",
    "strm_relationship",
    "strm_rationale",
    "strength",
    "target_framework",
    "target_id",
    "target_code",
    "target_title",
    "justification",
    "basis",
    "method",
    "author",
    "reviewer",
    "status",
    "date",
    "inferred",
    "path",
)


def _path(m: Mapping) -> str:
    return " > ".join([m.source, *m.via, m.target]) if m.inferred else ""


def crosswalks_csv(site: Site) -> str:
    """Every mapping as one CSV row (STRM-style columns)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    clauses = site.kb.clauses
    for m in all_mappings(site):
        s, t, p = clauses[m.source], clauses[m.target], m.provenance
        row = (
            FRAMEWORKS[s.framework], m.source, s.code, s.title, m.relation, m.rationale, m.strength,
            FRAMEWORKS[t.framework], m.target, t.code, t.title, m.justification, m.basis,
            p.method, p.author, p.reviewer, p.status, p.date, "yes" if m.inferred else "no", _path(m),
        )  # fmt: skip
        w.writerow([cell(v) for v in row])
    return buf.getvalue()


def curie(ref: str) -> str:
    """``EUAIACT:art-25`` for ``eu-ai-act:art-25``."""
    framework, cid = ref.split(":", 1)
    return f"{PREFIXES[framework][0]}:{cid}"


SSSOM_COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "author_label",
    "reviewer_label",
    "confidence",
    "mapping_date",
    "comment",
    "see_also",
)


def crosswalks_sssom(site: Site) -> str:
    """Every mapping as an SSSOM TSV: YAML metadata block (curie map), then one row per mapping."""
    meta = [
        "# curie_map:",
        *(f"#   {p}: {iri}" for p, iri in PREFIXES.values()),
        "#   skos: http://www.w3.org/2004/02/skos/core#",
        "#   semapv: https://w3id.org/semapv/vocab/",
        "# mapping_set_id: https://w3id.org/sssom/mappings/ai-governance-kb/crosswalks",
        "# mapping_set_title: AI governance framework crosswalks (EU AI Act, ISO/IEC 42001, NIST AI RMF)",
        "# mapping_set_description: Draft typed clause-to-clause mappings; relationships follow NIST IR 8477 "
        "set theory, mapped to SKOS predicates (subset-of -> broadMatch, superset-of -> narrowMatch, "
        "intersects-with -> relatedMatch, not-related -> Not relatedMatch).",
        "# license: https://w3id.org/sssom/license/unspecified",
    ]
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(SSSOM_COLUMNS)
    clauses = site.kb.clauses
    for m in all_mappings(site):
        s, t, p = clauses[m.source], clauses[m.target], m.provenance
        comment = m.justification + (f" Also linked in: {m.basis}." if m.basis else "")
        see_also = _basis_url(site, m) if m.basis else ""
        how = (
            "semapv:MappingChaining"
            if m.inferred
            else ("semapv:ManualMappingCuration" if p.method == "human" else "semapv:UnspecifiedMatching")
        )
        modifier = "Not" if m.relation == "not-related" else ""
        row = (
            curie(m.source), f"{s.code} {s.title}", SKOS[m.relation], modifier, curie(m.target),
            f"{t.code} {t.title}", how, p.author, p.reviewer, f"{m.strength / 10:.1f}", p.date,
            comment, see_also,
        )  # fmt: skip
        w.writerow([cell(v) for v in row])
    return "\n".join(meta) + "\n" + buf.getvalue()


def _basis_url(site: Site, m: Mapping) -> str:
    """The URL of the public document a row's ``basis`` names (SSSOM's see_also takes URIs only)."""
    cw = site.kb.crosswalks.get(m.crosswalk)
    return next((b.url for b in cw.basis if b.url), "") if cw else ""


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(parts)))


def crosswalks_oscal(site: Site, last_modified: str) -> str:
    """Every crosswalk as an OSCAL 1.2 mapping collection (one mapping per framework pair)."""
    mappings = []
    for cw in site.kb.crosswalks.values():
        maps = []
        for m in cw.mappings:
            p = m.provenance
            maps.append(
                {
                    "uuid": _uuid(cw.id, m.source, m.target),
                    "matching-rationale": m.rationale,
                    "relationship": m.relation,
                    "sources": [{"type": "control", "id-ref": m.source.split(":", 1)[1]}],
                    "targets": [{"type": "control", "id-ref": m.target.split(":", 1)[1]}],
                    "confidence-score": {"percentage": m.strength / 10},
                    "props": [
                        {"name": "strength", "value": str(m.strength)},
                        {"name": "status", "value": p.status},
                        {"name": "method", "value": OSCAL_METHOD[p.method]},
                    ],
                    "remarks": m.justification,
                }
            )
        mappings.append(
            {
                "uuid": _uuid(cw.id),
                "method": OSCAL_METHOD[cw.provenance.method],
                "status": cw.provenance.status,
                "source-resource": {"type": "catalog", "href": PREFIXES[cw.source][1].rstrip("#")},
                "target-resource": {"type": "catalog", "href": PREFIXES[cw.target][1].rstrip("#")},
                "maps": maps,
                "remarks": f"{cw.title}. {len(maps)} direct mappings; drafts unless marked reviewed.",
            }
        )
    doc = {
        "mapping-collection": {
            "uuid": _uuid("collection", last_modified),
            "metadata": {
                "title": "AI governance framework crosswalks",
                "last-modified": f"{last_modified}T00:00:00Z",
                "version": last_modified,
                "oscal-version": "1.2.1",
            },
            "provenance": {
                "method": "automation",
                "matching-rationale": "semantic",
                "status": "draft",
                "mapping-description": "Typed clause-to-clause mappings between the EU AI Act, ISO/IEC "
                "42001 and the NIST AI RMF, drafted by an automated assistant; relationships follow NIST IR "
                "8477 set theory. Nothing is inferred from clauses that are not mapped.",
            },
            "mappings": mappings,
        }
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
