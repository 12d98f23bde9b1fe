"""attribution_conflict called directly: the same words in another speaker's mouth, or the same act given to
another actor, are reported; the same speaker named in full or by surname is not."""

from __future__ import annotations

import pytest

from factcheck.checks.attribution_conflict import actor_change, check_attribution_conflict
from tests.checks.story import context

QUOTE = '"We cannot keep pouring money into the water without a clear plan," {} said on Monday.'

CASES = [
    (QUOTE.format("Ravi Osei"), QUOTE.format("Lena Hartwig"), True),
    # negatives: the same speaker, in full and by surname; the same speaker twice
    (QUOTE.format("Ravi Osei"), QUOTE.format("Osei"), False),
    (QUOTE.format("Osei"), QUOTE.format("Osei"), False),
]


@pytest.mark.parametrize("a, b, expected", CASES)
def test_attribution_conflict(a: str, b: str, expected: bool) -> None:
    findings = check_attribution_conflict(context(a, b))
    assert bool(findings) is expected


@pytest.mark.parametrize("a, b, expected", [
    ("Peter Kovacs will travel to Brussels next week for the summit.",
     "Jan Novak will travel to Brussels next week for the summit.", ("peter kovacs", "jan novak")),
    # negatives: the predicate changed, not the actor; two unrelated sentences
    ("Peter Kovacs will travel to Brussels next week for the summit.",
     "Peter Kovacs will fly to Brussels next week for the summit.", None),
    ("Peter Kovacs will travel to Brussels next week for the summit.", "Prices rose sharply in the city.", None),
])
def test_actor_change(a: str, b: str, expected: tuple[str, str] | None) -> None:
    ctx = context(a, b)
    got = actor_change(ctx.source_claims("a")[0], ctx.source_claims("b")[0])
    assert (tuple(w.lower() for w in got) if got else None) == expected
