"""Search keywords: the spellings reviewers type map to the right page."""

from __future__ import annotations

from macros.model import Clause
from macros.render.redirect import alias_slugs, redirect_html, slug
from macros.search import clause_keywords, roman_to_int, term_keywords


def clause(framework, cid, kind, code, title="T"):
    return Clause(framework=framework, id=cid, kind=kind, code=code, title=title, summary="s")


def test_eu_article_spellings():
    kw = clause_keywords(clause("eu-ai-act", "art-25", "article", "Art. 25"))
    assert {"Art. 25", "Article 25", "Art 25", "Art25"} <= set(kw)


def test_annex_and_chapter_numbers_both_ways():
    assert {"Annex III", "Annex 3"} <= set(
        clause_keywords(clause("eu-ai-act", "annex-iii", "annex", "Annex III"))
    )
    assert "Chapter 13" in clause_keywords(clause("eu-ai-act", "ch-xiii", "chapter", "Chapter XIII"))
    assert [roman_to_int(r) for r in ("i", "iv", "ix", "xiii")] == [1, 4, 9, 13]


def test_nist_abbreviations():
    kw = clause_keywords(clause("nist-ai-rmf", "govern-1.1", "subcategory", "GOVERN 1.1"))
    assert {"GOVERN 1.1", "GV-1.1", "GV 1.1", "Govern 1.1"} <= set(kw)
    assert "MS-2.11" in clause_keywords(clause("nist-ai-rmf", "measure-2.11", "subcategory", "MEASURE 2.11"))


def test_iso_codes():
    assert {"A.6.2.4", "Annex A.6.2.4", "Control A.6.2.4"} <= set(
        clause_keywords(clause("iso-42001", "a.6.2.4", "control", "A.6.2.4"))
    )
    assert "Clause 6.1.2" in clause_keywords(clause("iso-42001", "6.1.2", "clause", "6.1.2"))


def test_term_keywords_include_hyphen_variants():
    from conftest import MINI

    from macros.pipeline import load_kb

    kb, _ = load_kb(MINI)
    kw = term_keywords(kb.terms["fine-tuning"])
    assert {"Fine-tuning", "Fine tuning", "Finetuning", "FT", "fine-tuned"} <= set(kw)
    assert alias_slugs(kb)["ft"] == "fine-tuning"
    assert "fine-tuning" not in alias_slugs(kb)  # the canonical page is not a redirect


def test_redirect_page_escapes_and_forwards():
    html = redirect_html("../fine-tuning/", "Fine <tuning>")
    assert 'http-equiv="refresh" content="0; url=../fine-tuning/"' in html
    assert "Fine &lt;tuning&gt;" in html and "<tuning>" not in html
    assert slug("Art. 50 obligations") == "art-50-obligations"
