"""detail_dropped called directly: a count, a day or a place that one claim carries and its counterpart leaves out
is reported; a detail the shorter version states elsewhere, or a claim with nothing left out, is not."""

from __future__ import annotations

import pytest

from factcheck.checks.detail_dropped import check_detail_dropped
from tests.checks.story import context

CASES = [
    ("Witkoff presented Putin with four documents at the Kremlin meeting.",
     "Witkoff presented Putin with documents at the Kremlin meeting.", "four"),
    ("Trump invited Umerov to Miami on Thursday for more talks.",
     "Trump invited Umerov to Miami for more talks.", "thursday"),
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov on Tuesday, officials said.", "geneva"),
    # negatives: the same claim, and a place the shorter version gives in its next sentence
    ("Trump invited Umerov to Miami on Thursday for more talks.",
     "Trump invited Umerov to Miami on Thursday for more talks.", ""),
    ("The envoys met Lavrov in Geneva on Tuesday, officials said.",
     "The envoys met Lavrov on Tuesday, officials said. The meeting was held in Geneva.", ""),
]


@pytest.mark.parametrize("a, b, word", CASES)
def test_detail_dropped(a: str, b: str, word: str) -> None:
    findings = check_detail_dropped(context(a, b))
    if not word:
        assert findings == []
        return
    assert findings
    assert any(word in f.message.lower() for f in findings), [f.message for f in findings]
