"""Details one claim carries and its counterpart leaves out (factcheck/difference/dropped.py), through
compare_pair."""

from __future__ import annotations

import pytest

from factcheck.difference import compare_pair
from tests.checks.story import context


@pytest.mark.parametrize("a, b, slot", [
    ("Witkoff presented Putin with four documents at the Kremlin meeting.",
     "Witkoff presented Putin with documents at the Kremlin meeting.", "number"),
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov on Tuesday, officials said.", "place"),
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov in Geneva, officials said.", "date"),
    # negatives: nothing left out; a detail the shorter claim's article gives elsewhere
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov in Geneva on Tuesday, officials said.", ""),
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov on Tuesday, officials said. The meeting was held in Geneva.", ""),
])
def test_dropped_details(a: str, b: str, slot: str) -> None:
    ctx = context(a, b)
    ca, cb = ctx.source_claims("a")[0], ctx.source_claims("b")[0]
    pd = compare_pair(ca, cb, ctx.articles["a"].raw, ctx.articles["b"].raw)
    dropped = {d.slot for d in pd.differences if d.kind == "dropped"}
    assert dropped == ({slot} if slot else set())
