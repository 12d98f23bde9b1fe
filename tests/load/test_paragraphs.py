"""Paragraphs kept or dropped (factcheck/load/paragraphs.py): photo credits, page chrome and headlines told from
reporting."""

from __future__ import annotations

import pytest

from factcheck.load.paragraphs import _is_boilerplate, _looks_like_headline, is_photo_credit


@pytest.mark.parametrize("text, credit", [
    ("Will Oliver/EPA/Shutterstock", True),
    ("Photo: Jane Doe/Reuters", True),
    # negatives: a sentence, a long paragraph, a name alone
    ("The police said 12 people were hurt.", False),
    ("Jane Doe", False),
    ("word " * 30, False),
])
def test_is_photo_credit(text: str, credit: bool) -> None:
    assert is_photo_credit(text) is credit


@pytest.mark.parametrize("text, chrome", [
    ("Politics", True),  # a navigation crumb
    ("", True),
    ("We are proud of our team. We love our readers, and we thank them. Our newsroom and our reporters work for us "
     "and we hope you support us.", True),  # self-promotion
    # negatives: reporting, a short line with a figure, a quotation
    ("The police said 12 people were hurt in the blast.", False),
    ("Dow up 3%", False),
    ('"We will rebuild," she said.', False),
])
def test_is_boilerplate(text: str, chrome: bool) -> None:
    assert _is_boilerplate(text) is chrome


@pytest.mark.parametrize("text, headline", [
    ("Blast In Athens Hurts Twelve", True),
    ("Mayor Promises New Square By Spring", True),
    # negatives: a sentence, too short, lower-case words
    ("The police said 12 people were hurt.", False),
    ("Athens", False),
    ("the mayor spoke about the plan for the square", False),
])
def test_looks_like_headline(text: str, headline: bool) -> None:
    assert _looks_like_headline(text) is headline
