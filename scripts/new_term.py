#!/usr/bin/env python3
"""Scaffold a glossary entry: ``python scripts/new_term.py <id> "<Term>"``.

Writes ``glossary/<id>.yml`` with every key and TODO markers that
``make check`` reports until they are filled. Never overwrites a file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.scaffold import template
from macros.vocab import ID_RE


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, refuse bad ids and existing files, write the template."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", help="lower-case id, e.g. model-card (becomes the file name)")
    parser.add_argument("term", help='display name, e.g. "Model card"')
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not ID_RE.match(args.id):
        print(
            f"error: '{args.id}' is not a valid id (hint: lower-case letters and digits "
            "joined by single hyphens, e.g. model-card)",
            file=sys.stderr,
        )
        return 2
    path = Path(args.root) / "glossary" / f"{args.id}.yml"
    if path.exists():
        print(f"error: {path.relative_to(args.root)} already exists; not overwriting it", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(args.id, args.term), encoding="utf-8")
    print(f"wrote {path.relative_to(args.root)}: fill in every TODO, then run `make check`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
