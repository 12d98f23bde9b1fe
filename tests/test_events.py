"""Two events of one kind audited as one story: nothing of one is a conflict with the other.

A batch may put two earthquakes, two shootings or two rulings in one story; their counts, places and dates differ
because they are two facts, not one fact told two ways.
"""

from __future__ import annotations

import pytest

import factcheck
from factcheck.config import Config

CONFLICTS = {"number_conflict", "date_conflict", "entity_conflict", "attribution_conflict", "contradiction",
             "quote_divergence"}

QUAKE_A = """Earthquake Kills Seven in Southern Peru

LIMA, March 4, 2024 - An earthquake of magnitude 6.1 struck southern Peru on Monday, killing seven people and
injuring 40 others, the country's civil defence institute said.

The quake hit at 6:41 a.m. near the city of Arequipa, damaging about 200 homes and cutting power to 12,000
households, officials said.

"We are sending rescue teams and tents to the worst-hit villages," Interior Minister Carlos Vega told reporters.
"""

QUAKE_B = """Earthquake Kills 10 in Northern Chile

SANTIAGO, March 11, 2024 - An earthquake of magnitude 6.4 struck northern Chile on Sunday, killing 10 people and
injuring 55 others, the national emergency office said.

The quake hit at 11:20 p.m. near the city of Antofagasta, damaging about 350 homes and cutting power to 30,000
households, officials said.

"We are sending rescue teams and field hospitals to the worst-hit towns," Interior Minister Ana Soto told reporters.
"""


@pytest.mark.slow
def test_two_earthquakes_are_not_one(tmp_path, real_embedder) -> None:
    (tmp_path / "peru.txt").write_text(QUAKE_A, encoding="utf-8")
    (tmp_path / "chile.txt").write_text(QUAKE_B, encoding="utf-8")
    report = factcheck.audit([tmp_path], Config(use_cache=False), embedder=real_embedder)
    conflicts = [f for f in report.findings if f.kind.value in CONFLICTS]
    assert not conflicts, "\n".join(f"{f.kind.value}: {f.message}" for f in conflicts)
