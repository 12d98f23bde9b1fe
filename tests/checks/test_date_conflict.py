"""date_conflict called directly: another day for the same event is reported; the same day written otherwise
(a weekday and its date, resolved against the article's date) is not."""

from __future__ import annotations

import pytest

from factcheck.checks.date_conflict import check_date_conflict
from tests.checks.story import cited, context

CASES = [
    ("The envoys met in Geneva on Tuesday, officials said.",
     "The envoys met in Geneva on Monday, officials said.", {"tuesday", "monday"}),
    ("Kovacs was first elected in 2008 to the city council.",
     "Kovacs was first elected in 2010 to the city council.", {"2008", "2010"}),
    # negatives: Tuesday of the week of Wednesday 3 December 2025 is 2 December; no date changed at all
    ("The envoys met in Geneva on Tuesday, officials said.",
     "The envoys met in Geneva on December 2, officials said.", set()),
    ("The envoys met in Geneva on Tuesday, officials said.",
     "The envoys met in Geneva on Tuesday, the officials said.", set()),
]


@pytest.mark.parametrize("a, b, words", CASES)
def test_date_conflict(a: str, b: str, words: set[str]) -> None:
    findings = check_date_conflict(context(a, b))
    assert bool(findings) == bool(words)
    assert all(any(w in text for text in cited(findings)) for w in words)
