#!/usr/bin/env python3
"""Scaffold a crosswalk row: ``python scripts/new_mapping.py <source-ref> <target-ref>``.

Appends a row with TODO markers to ``frameworks/crosswalks/<source>--<target>.yml``
(creating the file with its header when the pair has none). ``make check``
reports each TODO until it is filled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros import vocab
from macros.refs import ClauseRef

HEADER = """\
# Crosswalk {source} -> {target}. Format: frameworks/crosswalks/README.md
# yaml-language-server: $schema=../schemas/crosswalk.schema.json
source: {source}
target: {target}
title: TODO title, e.g. {source_name} to {target_name}
intro: >-
  TODO: how to read these rows and what they cannot tell a reader.
provenance:
  method: human          # one of: {methods}
  author: TODO your name
  status: draft          # one of: {statuses}
  date: {today}
mappings:
"""

ROW = """\
  - source: {source}
    target: {target}
    relation: TODO       # one of: {relations}
    rationale: TODO      # one of: {rationales}
    strength: 5          # 1 (weak) to 10 (the clauses say the same)
    justification: >-
      TODO: one or two sentences, in your own words, on why this relationship and direction hold.
"""


def main(argv: list[str] | None = None) -> int:
    """Validate the two references, then append the row."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="source clause, e.g. eu-ai-act:art-9")
    parser.add_argument("target", help="target clause, e.g. iso-42001:6.1.2")
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    refs = [ClauseRef.parse(args.source), ClauseRef.parse(args.target)]
    for text, ref in zip((args.source, args.target), refs, strict=True):
        if ref is None or ref.framework not in vocab.FRAMEWORKS:
            print(
                f"error: '{text}' is not a clause reference (hint: <framework>:<clause>, e.g. "
                f"eu-ai-act:art-9; frameworks: {', '.join(vocab.FRAMEWORKS)})",
                file=sys.stderr,
            )
            return 2
    source, target = refs
    if source.framework == target.framework:
        print("error: a crosswalk maps two different frameworks", file=sys.stderr)
        return 2
    path = Path(args.root) / vocab.CROSSWALKS_DIR / f"{source.framework}--{target.framework}.yml"
    text = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else HEADER.format(
            source=source.framework,
            target=target.framework,
            source_name=vocab.FRAMEWORKS[source.framework],
            target_name=vocab.FRAMEWORKS[target.framework],
            methods=", ".join(vocab.MAPPING_METHODS),
            statuses=", ".join(vocab.MAPPING_STATUSES),
            today=dt.date.today().isoformat(),
        )
    )
    row = ROW.format(
        source=source,
        target=target,
        relations=", ".join(vocab.MAPPING_RELATIONS),
        rationales=", ".join(vocab.MAPPING_RATIONALES),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n" + row, encoding="utf-8")
    print(f"appended a row to {path.relative_to(args.root)}: fill in every TODO, then run `make check`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
