"""number_conflict called directly: a different quantity of the same thing is reported; the same quantity in
other words, or a sentence that differs elsewhere, is not."""

from __future__ import annotations

import pytest

from factcheck.checks.number_conflict import check_number_conflict
from tests.checks.story import cited, context

CASES = [
    ("The police said 12 people were hurt in the blast in Athens.",
     "The police said 15 people were hurt in the blast in Athens.", {"12 people", "15 people"}),
    ("About 20% of the region would be placed under joint control, the draft says.",
     "About 35% of the region would be placed under joint control, the draft says.", {"20%", "35%"}),
    # negatives: the same figure written otherwise, and a change that is no number
    ("The ministers met for 10 hours in Geneva on the border plan.",
     "The ministers met for ten hours in Geneva on the border plan.", set()),
    ("The police said 12 people were hurt in the blast in Athens.",
     "The police said 12 people were hurt in the explosion in Athens.", set()),
]


@pytest.mark.parametrize("a, b, words", CASES)
def test_number_conflict(a: str, b: str, words: set[str]) -> None:
    findings = check_number_conflict(context(a, b))
    assert {w.lower() for w in words} <= cited(findings)
    assert bool(findings) == bool(words)
    assert all(f.kind.value == "number_conflict" and set(f.sources) == {"a", "b"} for f in findings)
