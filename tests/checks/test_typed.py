"""Typed differences of aligned pairs (factcheck/checks/typed.py): computed once per pair, one outlet against many
read as one finding, a source's own claims against each other kept apart from conflicts between sources."""

from __future__ import annotations

import pytest

from factcheck.checks.typed import conflict_findings, pair_diffs
from factcheck.models import FindingKind
from tests.checks.story import context

MIAMI = "The delegation travelled to Miami on Thursday for the talks."
GENEVA = MIAMI.replace("Miami", "Geneva")


def test_one_outlet_against_many_is_one_finding() -> None:
    ctx = context(MIAMI, MIAMI, GENEVA, MIAMI)
    findings = conflict_findings(ctx, FindingKind.ENTITY_CONFLICT)
    assert len(findings) == 1
    f = findings[0]
    assert f.slot == "place" and set(f.sources) == {"a", "b", "c", "d"}
    assert "c says “Geneva”" in f.message and "a, b, d say “Miami”" in f.message
    assert f.diffs and f.diffs[0].ops


@pytest.mark.parametrize("texts, kinds", [
    ((MIAMI, GENEVA), {FindingKind.ENTITY_CONFLICT}),
    ((MIAMI, MIAMI.replace("Thursday", "Friday")), {FindingKind.DATE_CONFLICT}),
    # negatives: the same claim; the kinds a different slot does not touch
    ((MIAMI, MIAMI), set()),
])
def test_each_kind_reports_its_own_slots(texts: tuple[str, ...], kinds: set[FindingKind]) -> None:
    ctx = context(*texts)
    for kind in (FindingKind.ENTITY_CONFLICT, FindingKind.DATE_CONFLICT, FindingKind.NUMBER_CONFLICT,
                 FindingKind.CONTRADICTION):
        assert bool(conflict_findings(ctx, kind)) is (kind in kinds), kind


def test_pair_diffs_are_computed_once_per_audit_and_cover_cross_source_pairs() -> None:
    ctx = context(MIAMI, GENEVA)
    first = pair_diffs(ctx)
    assert first is pair_diffs(ctx)  # memoised on the context
    assert {(pd.a.source, pd.b.source) for _, pd in first} == {("a", "b")}
    assert any(d.kind == "conflict" and d.slot == "place" for _, pd in first for d in pd.differences)
