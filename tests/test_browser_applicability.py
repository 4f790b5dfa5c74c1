# ruff: noqa: F811  (the fixtures imported from test_browser are parameters here)
"""The applicability check and the guides' exports in a real browser (same guard as test_browser).

Two roles in one run, "Not sure" answers, the state in the URL, JSON and CSV downloads that
parse, and notes that stay text on the page and in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import json

from playwright.sync_api import Page, expect
from test_browser import (  # noqa: F401  (pytest fixtures)
    Guard,
    _walk_to_outcome,
    base_url,
    browser_type_launch_args,
    kb,
    pytestmark,
)

CHECK = "/decisions/eu-ai-act-applicability/"
SUBSTANTIAL = {
    "subject": "system",
    "excluded": "no",
    "activities": "use",
    "prohibited": "no",
    "annex-i": "no",
    "annex-iii": "yes",
    "exemption": "no",
    "transparency": "no",
    "rebrand": "no",
    "substantial": "yes",
    "repurpose": "no",
}
EVIL = '<script>window.__pwned = 1</script> =HYPERLINK("http://example.invalid","x")'


def _answer(page: Page, answers: dict[str, str]) -> None:
    for q, value in answers.items():
        page.locator(f'fieldset[data-q="{q}"] input[value="{value}"]').check()


def _download(page: Page, button: str) -> str:
    with page.expect_download() as info:
        page.locator(button).click()
    with open(info.value.path(), encoding="utf-8") as f:
        return f.read()


def test_a_deployer_that_modifies_sees_both_roles_with_basis_and_dates(kb: Page, base_url):
    kb.goto(base_url + CHECK)
    _answer(kb, SUBSTANTIAL)
    result = kb.locator(".kb-applies__result")
    roles = result.locator(".kb-applies__roles").first
    expect(roles).to_contain_text("Deployer")
    expect(roles).to_contain_text("Provider")
    expect(roles).to_contain_text("Art. 25(1)(b)")
    expect(result.locator(".kb-applies__obligations").first).to_contain_text("2 December 2027")
    assert "substantial:yes" in kb.url and "activities:use" in kb.url


def test_shared_link_restores_the_result(kb: Page, base_url):
    fragment = "#a=" + "~".join(f"{k}:{v}" for k, v in SUBSTANTIAL.items())
    kb.goto(base_url + CHECK + fragment)
    expect(kb.locator('fieldset[data-q="substantial"] input[value="yes"]')).to_be_checked()
    expect(kb.locator(".kb-applies__roles").first).to_contain_text("Provider")


def test_not_sure_gives_a_conditional_result(kb: Page, base_url):
    kb.goto(base_url + CHECK)
    _answer(kb, {**SUBSTANTIAL, "substantial": "no", "annex-iii": "unsure"})
    result = kb.locator(".kb-applies__result")
    expect(result).to_contain_text("What depends on the facts still open")
    expect(result.locator(".kb-applies__case").first).to_contain_text("Annex III")
    expect(result.locator(".kb-applies__open")).to_contain_text("Is the system intended for a use that Annex III lists?")


def test_exports_parse_and_notes_stay_text(kb: Page, base_url):
    kb.goto(base_url + CHECK)
    _answer(kb, SUBSTANTIAL)
    note = kb.locator('fieldset[data-q="substantial"] details')
    note.locator("summary").click()
    note.locator("textarea").fill(EVIL)
    answers = kb.locator(".kb-applies__answers")
    expect(answers).to_contain_text("<script>window.__pwned = 1</script>")
    assert kb.evaluate("window.__pwned") is None
    assert answers.locator("script").count() == 0

    data = json.loads(_download(kb, ".kb-applies__json"))
    assert {r["role"] for r in data["result"]["roles"]} == {"deployer", "provider"}
    assert [a["note"] for a in data["answers"] if a["id"] == "substantial"] == [EVIL]
    art16 = [o for o in data["result"]["obligations"] if o["clause"] == "Art. 16"]
    assert art16 and art16[0]["applies_from"][0]["date"] == "2027-12-02"
    assert any(c["framework"] == "iso-42001" for o in data["result"]["obligations"] for c in o["controls"])

    rows = list(csv.DictReader(io.StringIO(_download(kb, ".kb-applies__csv"))))
    noted = [r for r in rows if r["section"] == "answer" and r["id"] == "substantial"]
    assert noted[0]["note"] == EVIL  # starts with "<": nothing for a spreadsheet to run
    assert all(not (r[k] or "").startswith(("=", "+", "-", "@")) for r in rows for k in r)
    assert {"deployer", "provider"} <= {r["id"] for r in rows if r["section"] == "role"}


def test_a_formula_note_is_neutralised_in_the_csv(kb: Page, base_url):
    kb.goto(base_url + CHECK)
    _answer(kb, SUBSTANTIAL)
    note = kb.locator('fieldset[data-q="subject"] details')
    note.locator("summary").click()
    note.locator("textarea").fill('=HYPERLINK("http://example.invalid","click")')
    rows = list(csv.DictReader(io.StringIO(_download(kb, ".kb-applies__csv"))))
    cell = next(r["note"] for r in rows if r["id"] == "subject")
    assert cell == "'=HYPERLINK(\"http://example.invalid\",\"click\")"


def test_guide_outcome_exports_the_path_notes_and_result(kb: Page, base_url):
    kb.goto(base_url + "/decisions/does-our-change-make-us-a-provider/")
    kb.locator(".kb-q__note summary").click()
    kb.locator(".kb-q__note-input").fill("+cmd|' /C calc'!A0")
    kb.locator(".kb-q__answer", has_text="An AI system").click()
    _walk_to_outcome(kb)
    expect(kb.locator(".kb-q__summary")).to_contain_text("+cmd|' /C calc'!A0")
    data = json.loads(_download(kb, ".kb-q__json"))
    assert data["outcome"]["id"].startswith("o-")
    assert data["path"][0]["note"] == "+cmd|' /C calc'!A0"
    rows = list(csv.DictReader(io.StringIO(_download(kb, ".kb-q__csv"))))
    assert rows[0]["note"] == "'+cmd|' /C calc'!A0"
