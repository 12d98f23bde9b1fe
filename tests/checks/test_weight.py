"""How much a claim matters (factcheck/checks/weight.py): quotations, then numbers, names and days; colour last."""

from __future__ import annotations

import pytest

from factcheck.checks.weight import claim_weight, weight_reason
from tests.checks.story import context

HEAVY = '"We will not sign this plan," Marco Rubio said on Tuesday.'


@pytest.mark.parametrize("heavier, lighter", [
    (HEAVY, "The mood in the room was tense."),
    ("The police said 12 people were hurt on Tuesday.", "The police said people were hurt."),
    ("Marco Rubio and Sergei Lavrov met in Geneva.", "They met in a hotel."),
])
def test_facts_weigh_more_than_colour(heavier: str, lighter: str) -> None:
    ctx = context(heavier, lighter)
    assert claim_weight(ctx.source_claims("a")[0]) > claim_weight(ctx.source_claims("b")[0])


@pytest.mark.parametrize("text, parts", [
    (HEAVY, ["a quotation", "people: Marco Rubio"]),
    ("Marco Rubio met Sergei Lavrov in Geneva on Tuesday.",
     ["people: Marco Rubio, Sergei Lavrov", "dates: on Tuesday"]),
    ("The police said 12 people were hurt.", ["numbers: 12 people"]),
    ("The mood in the room was tense.", []),  # negative: nothing to weigh
])
def test_weight_reason_names_what_the_claim_carries(text: str, parts: list[str]) -> None:
    claim = max(context(text).source_claims("a"), key=claim_weight)
    reason = weight_reason(claim)
    assert all(p in reason for p in parts), reason
    assert (reason == "") is (not parts)
    assert (claim_weight(claim) == 0.0) is (not parts)
