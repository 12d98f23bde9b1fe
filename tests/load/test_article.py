"""Building an article (factcheck/load/article.py): its date from metadata or its own text, its title, its kept
paragraphs."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.load.article import build_article, infer_published


@pytest.mark.parametrize("texts, expected", [
    (["The talks began on December 1, 2025.", "They ended on December 3, 2025."], dt.date(2025, 12, 3)),
    (["Published 3 December 2025."], dt.date(2025, 12, 3)),
    # negatives: no full date (a weekday or a month alone tells no day)
    (["The talks began on Tuesday."], None),
    (["In December the talks began."], None),
    ([], None),
])
def test_infer_published_takes_the_latest_full_date(texts: list[str], expected: dt.date | None) -> None:
    assert infer_published(texts) == expected


def test_build_article_from_text() -> None:
    raw = "Blast In Athens Hurts Twelve\n\nThe police said 12 people were hurt on December 2, 2025.\n"
    article, blocks = build_article("a", "a.txt", raw, kind="text")
    assert article.id == "a" and article.path == "a.txt" and article.raw == raw
    assert article.published == dt.date(2025, 12, 2)  # read from the text when no date is given
    assert any("12 people" in b.text for b in blocks)
    for b in blocks:
        assert b.start < b.end <= len(raw)
    given, _ = build_article("a", "a.txt", raw, kind="text", published=dt.date(2025, 12, 3), outlet="Daily")
    assert given.published == dt.date(2025, 12, 3) and given.outlet == "Daily"
