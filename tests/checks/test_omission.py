"""omission called directly: a claim most other sources carry and one leaves out is reported for that source; a
claim every source carries, or one only a minority carries, is not an omission."""

from __future__ import annotations

from factcheck.checks.omission import check_omission
from tests.checks.story import context

LEAD = "The envoys met in Geneva on Tuesday to talk about the border plan."
FACT = "Rubio did not take part in the meeting, the State Department said."
OTHER = "The talks lasted five hours and ended without a joint statement."


def test_a_claim_three_of_four_carry_is_omitted_by_the_fourth() -> None:
    findings = check_omission(context(*[f"{LEAD} {FACT} {OTHER}"] * 3, f"{LEAD} {OTHER}"))
    assert findings
    assert all(f.kind.value == "omission" for f in findings)
    assert any(f.missing == ("d",) and "rubio" in " ".join(e.text.lower() for e in f.evidence) for f in findings)


def test_nothing_is_omitted_when_every_source_carries_every_claim() -> None:
    assert check_omission(context(*[f"{LEAD} {FACT} {OTHER}"] * 3)) == []


def test_a_claim_only_one_of_four_carries_is_no_omission_of_the_others() -> None:
    findings = check_omission(context(f"{LEAD} {FACT} {OTHER}", *[f"{LEAD} {OTHER}"] * 3))
    assert not any("rubio" in " ".join(e.text.lower() for e in f.evidence) for f in findings)
