"""entity_conflict called directly: another place, person, role or kin in the same slot is reported; a short form
or a spelling variant of the same name is not."""

from __future__ import annotations

import pytest

from factcheck.checks.entity_conflict import check_entity_conflict
from tests.checks.story import cited, context

CASES = [
    ("The delegation travelled to Miami on Thursday for the talks.",
     "The delegation travelled to Geneva on Thursday for the talks.", {"miami", "geneva"}),
    ("The case was brought by his son, who lives in Boston.",
     "The case was brought by his brother, who lives in Boston.", {"son", "brother"}),
    # negatives: a short form of the same name, and a change of a plain word
    ("Rubio met Lavrov in Geneva on Tuesday.", "Marco Rubio met Lavrov in Geneva on Tuesday.", set()),
    ("The delegation travelled to Miami on Thursday for the talks.",
     "The delegation flew to Miami on Thursday for the talks.", set()),
]


@pytest.mark.parametrize("a, b, words", CASES)
def test_entity_conflict(a: str, b: str, words: set[str]) -> None:
    findings = check_entity_conflict(context(a, b))
    assert bool(findings) == bool(words)
    assert all(any(w in text for text in cited(findings)) for w in words)
