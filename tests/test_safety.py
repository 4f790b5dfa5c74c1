"""Data is never code: template syntax, HTML and hostile YAML in data cannot reach the output."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

from conftest import mkdocs_build

CANARY = '{{ "pwn" ~ "ed" }}'
HOSTILE = (
    f"Canary {CANARY} and {{% for x in range(3) %}}loop{{% endfor %}} "
    "<script>alert('xss')</script> <img src=x onerror=alert(1)> "
    '[click](javascript:alert(1)) <a href="javascript:alert(2)">bad</a>'
)


FORMULA = '=HYPERLINK("https://example.org/x","click")'
NAME = f"Fine-tuning {CANARY} <b onmouseover=alert(3)>x</b></title><script>alert(4)</script>"


def _poison(site_root):
    entry = site_root / "glossary" / "fine-tuning.yml"
    text = entry.read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar
    name = json.dumps(NAME)
    text = text.replace("term: Fine-tuning", f"term: {name}")
    text = text.replace(
        "summary: Further training of a trained model on task data, which changes its weights.",
        f"summary: {quoted}",
    )
    text = text.replace("explanation: |\n  Fine-tuning changes **weights**.", f"explanation: |\n  {HOSTILE}")
    text = text.replace(
        "why_it_matters: It shifts accountability to whoever tunes.", f"why_it_matters: {quoted}"
    )
    text = text.replace("  - title: AI Act\n", f"  - title: {quoted}\n", 1)
    entry.write_text(text, encoding="utf-8")
    crosswalk = site_root / "frameworks" / "crosswalks" / "eu-ai-act--nist-ai-rmf.yml"
    rows = crosswalk.read_text(encoding="utf-8")
    formula = json.dumps(FORMULA + " " + HOSTILE)
    rows = rows.replace(
        "justification: Definitions and monitoring share words but no obligation.",
        f"justification: {formula}",
    )
    rows = rows.replace("title: EU AI Act to NIST AI RMF (fixture)", f"title: {name}")
    crosswalk.write_text(rows, encoding="utf-8")


class _Elements(HTMLParser):
    """Collects every element's tag and attributes, and the text of inline scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    return parser


def _all_html(site_dir):
    return {p: p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}


def test_template_and_html_injection_render_as_text(mini_site):
    _poison(mini_site)
    proc = mkdocs_build(mini_site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    pages = _all_html(mini_site / "site")
    term_page = pages[mini_site / "site" / "glossary" / "fine-tuning" / "index.html"]
    # The template syntax is shown literally, on the term page and wherever the term is listed.
    assert "{{ &quot;pwn&quot; ~ &quot;ed&quot; }}" in term_page or '{{ "pwn" ~ "ed" }}' in term_page
    assert "{% for x in range(3) %}" in term_page
    for path, html in pages.items():
        assert "pwned" not in html, path
        assert "looplooploop" not in html, path
        parsed = _parse(html)
        for tag, attrs in parsed.elements:
            for name, value in attrs:
                assert not name.startswith("on"), (path, tag, name)
                if name in ("href", "src"):
                    assert not (value or "").strip().lower().startswith("javascript:"), (path, value)
        assert not any("alert" in script for script in parsed.scripts), path
    # Crosswalk rows are poisoned too: the pair page shows them as text, the exports as data.
    pair = pages[mini_site / "site" / "crosswalks" / "eu-ai-act--nist-ai-rmf" / "index.html"]
    assert "HYPERLINK" in pair and "&lt;script&gt;" in pair
    exports = mini_site / "site" / "exports"
    rows = list(csv.DictReader(io.StringIO((exports / "crosswalks.csv").read_text(encoding="utf-8"))))
    poisoned = next(r for r in rows if "HYPERLINK" in r["justification"])
    assert poisoned["justification"].startswith("'=HYPERLINK")
    tsv = (exports / "crosswalks.sssom.tsv").read_text(encoding="utf-8")
    body = "\n".join(line for line in tsv.splitlines() if not line.startswith("#"))
    comments = [r["comment"] for r in csv.DictReader(io.StringIO(body), delimiter="\t")]
    assert any(c.startswith("'=HYPERLINK") for c in comments) and not any(c.startswith("=") for c in comments)
    oscal = json.loads((exports / "crosswalks.oscal.json").read_text(encoding="utf-8"))
    remarks = [m["remarks"] for c in oscal["mapping-collection"]["mappings"] for m in c["maps"]]
    assert any(r.startswith(FORMULA) and "<script>" in r for r in remarks)  # JSON keeps the text, as data
    # The concept graph: the poisoned name and summary reach its data files as JSON strings that cannot
    # close a script element, on the term's own graph, a neighbour's and the explorer's.
    summary = " ".join(HOSTILE.split())
    for rel in ("graph/nodes/fine-tuning.js", "graph/nodes/lora.js", "graph/explorer.js"):
        text = (mini_site / "site" / rel).read_text(encoding="utf-8")
        assert not any(ch in text for ch in "<>&"), rel
        data = json.loads(text[text.index("]=") + 2 : text.rindex(";")])
        node = next(n for n in data["n"] if n["id"] == "fine-tuning")
        assert node["l"] == NAME, rel
        assert summary.startswith(node["s"].removesuffix("…")), rel
    # On the page, the graph's text summary holds the name as escaped text.
    graph = term_page[term_page.index('<p class="kb-graph__summary">') :]
    assert graph.startswith('<p class="kb-graph__summary">Fine-tuning {{') and "&lt;b onmouseover" in graph
    explorer = pages[mini_site / "site" / "graph" / "index.html"]
    assert 'data-kb-graph="explorer"' in explorer and "onmouseover" not in explorer


def test_alias_bomb_in_data_fails_the_build_with_the_check_message(mini_site):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (mini_site / "glossary" / "bomb.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = mkdocs_build(mini_site)
    assert proc.returncode != 0
    assert (
        "glossary/bomb.yml:1: error: YAML anchors and aliases ('&name', '*name') are not allowed "
        "in data files (hint: write the value out in full)"
    ) in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_build_runs_the_same_validation_as_check(mini_site):
    entry = mini_site / "glossary" / "lora.yml"
    entry.write_text(entry.read_text(encoding="utf-8").replace("relation: related\n", "relation: relatd\n"))
    proc = mkdocs_build(mini_site)
    assert proc.returncode != 0
    assert (
        "glossary/lora.yml:18: error: 'related[0].relation' has unknown value 'relatd' "
        "(did you mean 'related'?)"
    ) in proc.stderr
    assert "1 error found" in proc.stderr
    assert "Traceback" not in proc.stderr
