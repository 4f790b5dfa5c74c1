#!/usr/bin/env python3
"""Write the JSON Schema files editors use, generated from ``macros/schema.py``.

``python scripts/schemas.py`` rewrites them; ``--check`` exits 1 when the
committed files are out of date (the test suite runs that).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros import schema, schema_applicability  # noqa: E402

TARGETS = {
    "glossary/schemas/entry.schema.json": (schema.GLOSSARY_ENTRY, "Glossary entry"),
    "frameworks/schemas/framework.schema.json": (schema.FRAMEWORK, "Framework metadata"),
    "frameworks/schemas/catalog.schema.json": (schema.CATALOG, "Framework catalog"),
    "frameworks/schemas/decision.schema.json": (schema.GUIDE, "Decision guide"),
    "frameworks/schemas/spectrum.schema.json": (schema.SPECTRUM, "Modification spectrum"),
    "frameworks/schemas/crosswalk.schema.json": (schema.CROSSWALK, "Framework crosswalk"),
    "frameworks/schemas/timeline.schema.json": (schema.TIMELINE, "Application-date timeline"),
    "frameworks/schemas/applicability.schema.json": (
        schema_applicability.APPLICABILITY,
        "Applicability check",
    ),
}


def rendered() -> dict[str, str]:
    """Path -> JSON text of every schema file."""
    return {
        path: json.dumps(schema.json_schema(spec, title), indent=2) + "\n"
        for path, (spec, title) in TARGETS.items()
    }


def main(argv: list[str]) -> int:
    """Write (or with --check, compare) the schema files."""
    stale = []
    for path, text in rendered().items():
        target = ROOT / path
        if "--check" in argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{path}:1: error: JSON Schema is out of date (hint: run python scripts/schemas.py)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
