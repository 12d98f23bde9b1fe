"""unique_claim called directly: a claim with a checkable fact that only one source makes is reported for that
source; claims that every source makes are not."""

from __future__ import annotations

from factcheck.checks.unique_claim import check_unique_claim
from tests.checks.story import context

LEAD = "The envoys met in Geneva on Tuesday to talk about the border plan."
OTHER = "The talks lasted five hours and ended without a joint statement."
EXTRA = "Professor Ilona Marsh of Leiden University said the plan would cost 40 billion euros."


def test_a_named_expert_only_one_source_quotes_is_unique_to_it() -> None:
    findings = check_unique_claim(context(f"{LEAD} {OTHER} {EXTRA}", f"{LEAD} {OTHER}", f"{LEAD} {OTHER}"))
    assert findings
    assert all(f.sources == ("a",) for f in findings)
    assert any("marsh" in " ".join(e.text.lower() for e in f.evidence) for f in findings)


def test_claims_every_source_makes_are_not_unique() -> None:
    assert check_unique_claim(context(f"{LEAD} {OTHER}", f"{LEAD} {OTHER}")) == []
