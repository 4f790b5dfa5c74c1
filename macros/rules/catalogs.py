"""Rules for framework metadata and catalogs: shapes, kinds, duplicate ids, parents.

Each catalog item is checked on its own, so one bad item hides nothing about
the others. The result lists the items the model may be built from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from .. import schema, vocab
from ..check import check, check_at
from ..load import Sources
from ..problems import Problem, did_you_mean
from ..source import Doc


@dataclass(frozen=True)
class ItemSite:
    """Where an accepted catalog item is, and what the rules need to know of it."""

    framework: str
    doc: Doc
    index: int

    @property
    def data(self) -> dict:
        """The item's raw mapping."""
        return self.doc.data["items"][self.index]

    @property
    def ref(self) -> str:
        """Canonical reference of the item."""
        return f"{self.framework}:{self.data['id']}"

    @property
    def line(self) -> int:
        """Line of the item in its file."""
        return self.doc.line("items", self.index)

    @property
    def parent_ref(self) -> str | None:
        """Canonical reference of its parent, if it names one."""
        parent = self.data.get("parent")
        return f"{self.framework}:{parent}" if parent else None


def check_frameworks(src: Sources) -> tuple[list[str], list[Problem]]:
    """Framework metadata files: shape and id; returns the valid framework ids."""
    valid, problems = [], []
    for folder, doc in src.frameworks.items():
        found = check(doc, schema.FRAMEWORK, vocab.FRAMEWORKS_README)
        if not found and doc.data["id"] != folder:
            found.append(
                doc.problem(("id",), f"framework id '{doc.data['id']}' does not match folder '{folder}'")
            )
        problems += found
        if not found:
            valid.append(folder)
    return valid, problems


def check_catalogs(src: Sources) -> tuple[dict[str, ItemSite], list[Problem]]:
    """Every catalog item; returns accepted items by reference (first definition wins)."""
    accepted: dict[str, ItemSite] = {}
    problems: list[Problem] = []
    for framework, doc in src.catalogs:
        problems += _catalog(framework, doc, accepted)
    problems += _parents(accepted)
    return accepted, problems


def _catalog(framework: str, doc: Doc, accepted: dict[str, ItemSite]) -> list[Problem]:
    data = doc.data
    raw_items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(raw_items, list) or not raw_items:
        return check(doc, schema.CATALOG, vocab.FRAMEWORKS_README)
    problems: list[Problem] = []
    for k in data:
        if k != "items":
            problems.append(
                doc.problem((k,), f"unknown key '{k}'", "a catalog file holds only 'items:'", True)
            )
    allowed = vocab.KINDS[framework]
    for i in range(len(raw_items)):
        found = check_at(doc, schema.CLAUSE, ("items", i), vocab.FRAMEWORKS_README)
        problems += found
        if found:
            continue
        item = ItemSite(framework, doc, i)
        kind = item.data["kind"]
        if kind not in allowed:
            problems.append(
                doc.problem(
                    ("items", i, "kind"),
                    f"kind '{kind}' is not used in {framework}",
                    f"one of: {', '.join(allowed)}",
                )
            )
        if item.data["id"] in vocab.RESERVED_CLAUSE_IDS:
            problems.append(
                doc.problem(
                    ("items", i, "id"), f"'{item.data['id']}' is reserved for a page of the framework"
                )
            )
        first = accepted.get(item.ref)
        if first is not None:
            where = f"{first.doc.path}:{first.line}"
            message = f"duplicate clause id '{item.data['id']}' (first defined at {where})"
            problems.append(doc.problem(("items", i, "id"), message))
            continue
        accepted[item.ref] = item
    return problems


def _parents(accepted: dict[str, ItemSite]) -> Iterator[Problem]:
    for item in accepted.values():
        parent = item.parent_ref
        if parent and parent not in accepted:
            siblings = [x.data["id"] for x in accepted.values() if x.framework == item.framework]
            yield Problem(
                item.doc.path,
                item.line,
                f"parent '{item.data['parent']}' of '{item.data['id']}' does not exist in {item.framework}"
                + did_you_mean(item.data["parent"], siblings),
            )
    g = nx.DiGraph((x.ref, x.parent_ref) for x in accepted.values() if x.parent_ref)
    for cycle in nx.simple_cycles(g):
        first = accepted[min(cycle)]
        yield Problem(first.doc.path, first.line, f"parent cycle: {' -> '.join([*cycle, cycle[0]])}")
