"""Search keywords: the names, aliases and code spellings a reviewer may type.

Fed to Material's search as the page's ``tags`` field (boosted 1e6 over body
text), so the term or clause page itself ranks above pages that merely
mention it. Pure functions over the model.
"""

from __future__ import annotations

import re

from .model import Clause, Term

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_to_int(roman: str) -> int:
    """``xiii`` -> 13 (for chapter and annex numbers)."""
    total, prev = 0, 0
    for ch in reversed(roman.lower()):
        value = _ROMAN[ch]
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total


def _variants(label: str) -> list[str]:
    """A label plus its hyphen/space/joined spellings."""
    out = [label]
    if "-" in label:
        out += [label.replace("-", " "), label.replace("-", "")]
    return out


def term_keywords(t: Term) -> list[str]:
    """Every spelling that should find this term's page."""
    seen: dict[str, None] = {}
    for label in (t.term, *t.aliases, *t.acronyms, t.id):
        for v in _variants(label):
            seen.setdefault(v, None)
    return list(seen)


def clause_keywords(c: Clause) -> list[str]:
    """Code spellings people type for a clause: "Art. 25", "Article 25", "GV-1.1", "A.6.2.4"."""
    code = c.code
    out = [code]
    if c.framework == "eu-ai-act":
        kind, num = c.id.split("-", 1)
        if kind == "art":
            out += [f"Article {num}", f"Art {num}", f"Art.{num}", f"Art{num}"]
        elif kind in ("annex", "ch"):
            word = "Annex" if kind == "annex" else "Chapter"
            out += [f"{word} {num.upper()}", f"{word} {roman_to_int(num)}"]
    elif c.framework == "nist-ai-rmf" and c.kind in ("function", "category", "subcategory"):
        m = re.match(r"^([A-Z]+)(?: (\S+))?$", code)
        if m:
            abbr = {"GOVERN": "GV", "MAP": "MP", "MEASURE": "MS", "MANAGE": "MG"}[m.group(1)]
            num = m.group(2)
            out += (
                [abbr]
                if not num
                else [f"{abbr}-{num}", f"{abbr} {num}", f"{abbr}{num}", f"{m.group(1).title()} {num}"]
            )
    elif c.framework == "iso-42001":
        if c.kind == "control":
            out += [f"Annex {code}", f"Control {code}", code.replace("A.", "A ", 1)]
        elif c.kind == "clause":
            out += [f"Clause {code}", f"ISO 42001 {code}"]
        else:
            out += [f"Annex {code}"]
    elif c.framework == "compel":
        out += [f"{c.title} {c.kind}", f"COMPEL {c.title}"]
    return list(dict.fromkeys(out))
