"""Quote and speaker extraction on PolNeAR's hand-annotated dev split (skipped where ../shared is absent).

Measured on 2026-11-25: 810 gold quotations in 84 articles, recall 0.993, precision 0.925, speaker accuracy 0.630
on the 560 quotations whose annotated source names someone. The floors below guard against regressions.
"""

from __future__ import annotations

import pytest

from tests.polnear_eval import POLNEAR, evaluate

pytestmark = pytest.mark.skipif(not (POLNEAR / "dev" / "text").is_dir(), reason="../shared/corpora is absent")


def test_quote_and_speaker_extraction_on_polnear_dev() -> None:
    scores = evaluate("dev")
    print(f"recall {scores.recall:.3f} precision {scores.precision:.3f} speaker {scores.speaker_accuracy:.3f}")
    assert scores.gold > 500
    assert scores.recall >= 0.95
    assert scores.precision >= 0.85
    assert scores.speaker_accuracy >= 0.58
