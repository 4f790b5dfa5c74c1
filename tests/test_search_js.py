"""The browser's search (docs/assets/kb-search.js) normalises exactly as macros/search.py and ranks as promised.

Runs the script's core under Node.js (no browser needed) against the real search records.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from macros.pipeline import load_site
from macros.search import normalise
from macros.searchindex import search_index

SCRIPT = ROOT / "docs" / "assets" / "kb-search.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None, reason="Node.js is needed (installed with the project's npm tooling)"
)

SAMPLES = [
    "Art. 25",
    "Article 25",
    "art25",
    "Art.25",
    "GV-1.1",
    "GOVERN 1.1",
    "A.6.2.4",
    "Art. 3(23)",
    "Annex IV",
    "high-risk AI systems",
    "fine-tuned",
    "Model Cards",
    "6.1.2",
    "Clause 6.1.2",
    "policies",
    "Deployer’s",
    "Chapter III",
    "CE marking",
    "  spaced   out  ",
    "<img src=x onerror=alert(1)>",
]


def _node(program: str) -> str:
    proc = subprocess.run([NODE, "-e", program], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_javascript_and_python_normalise_alike():
    got = json.loads(
        _node(
            f"const s = require({json.dumps(str(SCRIPT))}); console.log(JSON.stringify({json.dumps(SAMPLES)}.map(s.normalise)))"
        )
    )
    assert got == [normalise(x) for x in SAMPLES]


RANKED = {
    "applicability check": "decisions/eu-ai-act-applicability/",
    "what applies to us": "decisions/eu-ai-act-applicability/",
    "high-risk AI system": "glossary/high-risk-ai-system/",
    "GPAI": "glossary/general-purpose-ai-model/",
    "data drift": "glossary/data-drift/",
    "Annex IV": "frameworks/eu-ai-act/annex-iv/",
    "Article 3(23)": "frameworks/eu-ai-act/art-3/",
    "art 30": "frameworks/eu-ai-act/art-30/",
    "GV-1.1": "frameworks/nist-ai-rmf/govern-1.1/",
    "MEASURE 2.7": "frameworks/nist-ai-rmf/measure-2.7/",
    "A.10.3": "frameworks/iso-42001/a.10.3/",
    "emotion recognition": "glossary/emotion-recognition-system/",
    "regulatory sandbox": "glossary/ai-regulatory-sandbox/",
    "trustworthy AI": "glossary/trustworthy-ai/",
    "model weight": "glossary/model-weights/",
    "authorised representatives": "glossary/authorised-representative/",
}


def test_real_records_rank_names_aliases_and_codes_first(tmp_path):
    index = tmp_path / "kb-index.js"
    index.write_text(search_index(load_site(ROOT)), encoding="utf-8")
    program = (
        f"global.window = {{}}; require({json.dumps(str(index))});"
        f"const s = require({json.dumps(str(SCRIPT))});"
        "const idx = s.prepare(window.__kbSearchIndex.records);"
        f"const out = {{}}; for (const q of {json.dumps(list(RANKED))}) out[q] = s.rank(idx, q, 3).map(r => r.url);"
        "console.log(JSON.stringify(out));"
    )
    got = json.loads(_node(program))
    wrong = {q: urls for q, urls in got.items() if not urls or urls[0] != RANKED[q]}
    assert wrong == {}
