"""contradiction called directly: a negation or an opposite word is reported; the same fact in other words
is not."""

from __future__ import annotations

import pytest

from factcheck.checks.contradiction import check_contradiction
from tests.checks.story import context

CASES = [
    ("The negotiators agreed to meet again next month in Vienna.",
     "The negotiators did not agree to meet again next month in Vienna.", True),
    ("Ukraine has long refused to cede territory to Russia, officials said.",
     "Ukraine has long agreed to cede territory to Russia, officials said.", True),
    # negatives: a contraction of the same negation, and the same words reordered
    ("Smith said the plan would not pass the Senate this year.",
     "Smith said the plan won't pass the Senate this year.", False),
    ("The talks ended without a deal, officials said on Friday.",
     "Officials said on Friday the talks ended without a deal.", False),
]


@pytest.mark.parametrize("a, b, expected", CASES)
def test_contradiction(a: str, b: str, expected: bool) -> None:
    findings = check_contradiction(context(a, b))
    assert bool(findings) is expected
    assert all(f.kind.value == "contradiction" and set(f.sources) == {"a", "b"} for f in findings)
