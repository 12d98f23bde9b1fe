"""Telling a conflict from another wording (factcheck/difference/conflicts.py): opposite words, one party, an
acronym of a name."""

from __future__ import annotations

import pytest

from factcheck.difference.conflicts import _acronym_of, _opposite_words, _same_party


@pytest.mark.parametrize("x, y, opposite", [
    ("refused", "agreed", True),
    ("better-funded", "worse-funded", True),  # compounds that differ by one opposite part
    ("rose", "fell", True),
    # negatives: the same word, synonyms, compounds that differ in more than one part
    ("agreed", "agreed", False),
    ("said", "told", False),
    ("well-known", "little-used", False),
])
def test_opposite_words(x: str, y: str, opposite: bool) -> None:
    assert _opposite_words(x, y) is opposite


@pytest.mark.parametrize("x, y, same", [
    ("party:democrat:nev", "party:democrat", True),  # D-Nev. / Democrat
    ("party:democrat:nev", "party:democrat:nev", True),
    ("democrats", "party:democrat", True),
    ("party:democrat:nev", "party:democrat:ariz", False),  # another state
    ("party:republican", "party:democrat", False),
])
def test_same_party(x: str, y: str, same: bool) -> None:
    assert _same_party(x, y) is same


@pytest.mark.parametrize("a, b, acronym", [
    ("FBI", "Federal Bureau of Investigation", True),
    ("Federal Bureau of Investigation", "FBI", True),
    ("the State Department", "State Department", True),  # one inside the other
    ("CIA", "Federal Bureau of Investigation", False),
    ("NATO", "European Union", False),
])
def test_acronym_of(a: str, b: str, acronym: bool) -> None:
    assert _acronym_of(a, b) is acronym
