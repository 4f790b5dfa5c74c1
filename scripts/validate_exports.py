#!/usr/bin/env python3
"""Check the crosswalk exports with the reference tools: ``validate_exports.py SITE_OR_DOCS_DIR``.

Runs in .venv-validate (see requirements-validate.in): the SSSOM TSV is parsed
and validated by ``sssom`` (JSON Schema and prefix-map completeness), and the
OSCAL file is loaded into compliance-trestle's OSCAL 1.2.1 mapping-collection
model, generated from NIST's published schema. Prints one line per check and
exits 1 on any failure.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
import warnings
from pathlib import Path


def main(argv: list[str]) -> int:
    """Validate ``<dir>/exports/crosswalks.{sssom.tsv,oscal.json}`` against ``crosswalks.csv``."""
    warnings.simplefilter("ignore")
    exports = Path(argv[1]) / "exports"
    expected = sum(1 for _ in csv.DictReader((exports / "crosswalks.csv").open(encoding="utf-8")))
    failures: list[str] = []

    from sssom.constants import SchemaValidationType
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    dropped: list[str] = []

    class _Catch(logging.Handler):
        def emit(self, record):
            if "not well-formed" in record.getMessage():
                dropped.append(record.getMessage()[:300])

    logging.getLogger().addHandler(_Catch())
    msdf = parse_sssom_table(str(exports / "crosswalks.sssom.tsv"))
    checks = [SchemaValidationType.JsonSchema, SchemaValidationType.PrefixMapCompleteness]
    report = validate(msdf, checks, fail_on_error=False)
    for kind, result in report.items():
        if result.results:
            failures.append(f"sssom {kind.name}: {result.results[:3]}")
    if dropped or len(msdf.df) != expected:
        failures.append(f"sssom: parsed {len(msdf.df)} of {expected} rows; {dropped[:2]}")
    print(f"sssom: {len(msdf.df)} mappings parsed and validated")

    from trestle.oscal.mapping import Model

    data = json.loads((exports / "crosswalks.oscal.json").read_text(encoding="utf-8"))
    try:
        model = Model.model_validate(data)
        maps = sum(len(m.maps) for m in model.mapping_collection.mappings)
        print(f"oscal: mapping-collection valid (OSCAL 1.2.1 model), {maps} maps")
    except Exception as err:  # pydantic's ValidationError lists every field
        failures.append(f"oscal: {err}")
    for line in failures:
        print(f"error: {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
