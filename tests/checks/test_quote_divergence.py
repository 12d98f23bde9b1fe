from __future__ import annotations

import pytest

from factcheck.checks.quote_divergence import compare_quotes


@pytest.mark.parametrize(
    "probe, other, changed",
    [
        ("We agreed on some things… while others caused criticism.",
         "We agreed on some things… while others drew criticism, and the president did not hide it.", True),
        ("So far no compromise option has been found", "No compromise option has been found so far, but some", True),
        ("some progress", "And so what we’ve tried to do – and I think we’ve made some progress – is figure", False),
        ("At the end of the day, it’s not up to us.", "And at the end of the day, it’s not up to us. It’s not ours.",
         False),
        ("they’re literally fighting", "they are literally fighting", False),
        ("I can tell you that they had a good meeting", "I can tell you they had a good meeting", True),
        ("the war … should end now", "the war that began in 2022 should end now", False),
        ("It does take two to tango.", "I can’t tell you, because it takes two to tango,", True),
    ],
)
def test_compare_quotes(probe: str, other: str, changed: bool) -> None:
    assert compare_quotes(probe, other).changed is changed
