"""internal_conflict called directly: one source giving one person two roles that cannot both hold is reported
for that source alone; the same role twice, or two sources that each give one role, is not an internal conflict."""

from __future__ import annotations

import pytest

from factcheck.checks.internal_conflict import check_internal_conflict
from tests.checks.story import context

FIRST = "Senator John Hardie arrived in Miami on Sunday."
LATER = "On Monday, {} John Hardie met the American envoys."


@pytest.mark.parametrize("texts, sources", [
    ((f"{FIRST}\n\n{LATER.format('Governor')}",), {("a",)}),
    # negatives: the same role twice; two sources that each hold one role are not at odds with themselves
    ((f"{FIRST}\n\n{LATER.format('Senator')}",), set()),
    ((FIRST, FIRST.replace("Senator", "Governor")), set()),
])
def test_internal_conflict(texts: tuple[str, ...], sources: set[tuple[str, ...]]) -> None:
    findings = check_internal_conflict(context(*texts))
    assert {f.sources for f in findings} == sources
    assert all("john hardie" in f.message.lower() for f in findings)
