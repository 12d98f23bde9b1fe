"""Table-driven checks of factcheck.places: containment, conflicts, name forms and ambiguity."""

from __future__ import annotations

import time

import pytest

from factcheck.places import is_place, place_kind, place_relation

RELATIONS: list[tuple[str, str, str]] = [
    # a place and a place inside it: the same fact at different grain
    ("Athens", "Greece", "inside"),
    ("Greece", "Athens", "contains"),
    ("Hallandale Beach", "Florida", "inside"),
    ("Washington", "the United States", "inside"),
    ("Los Angeles", "Calif.", "inside"),
    ("Boston", "Mass.", "inside"),
    ("Miami", "Fla.", "inside"),
    ("Munich", "Germany", "inside"),
    ("São Paulo", "Brazil", "inside"),
    ("Sao Paulo", "Brazil", "inside"),
    ("St. Petersburg", "Russia", "inside"),
    ("Kiev", "Ukraine", "inside"),
    ("London", "England", "inside"),
    ("Edinburgh", "Britain", "inside"),
    ("England", "U.K.", "inside"),
    ("Scotland", "United Kingdom", "inside"),
    ("D.C.", "U.S.", "inside"),
    ("Texas", "America", "inside"),
    ("Paris, Texas", "Texas", "inside"),
    ("Europe", "Greece", "contains"),
    ("Israel", "Middle East", "inside"),
    ("Tokyo", "Asia", "inside"),
    ("Mexico", "Mexico City", "contains"),
    # one place written two ways
    ("N.Y.", "New York", "same"),
    ("NY", "New York", "same"),
    ("U.S.", "the United States", "same"),
    ("US", "USA", "same"),
    ("America", "United States", "same"),
    ("UK", "Britain", "same"),
    ("Calif.", "CA", "same"),
    ("athens", "ATHENS", "same"),
    ("Washington, D.C.", "D.C.", "same"),
    # conflicts: no reading relates them
    ("Miami", "Geneva", "disjoint"),
    ("Hawaii", "Spain", "disjoint"),
    ("New York", "New Jersey", "disjoint"),
    ("Georgia", "Russia", "disjoint"),
    ("Lebanon", "Israel", "disjoint"),
    ("Texas", "Florida", "disjoint"),
    ("France", "Germany", "disjoint"),
    ("US", "Canada", "disjoint"),
    ("Tokyo", "Europe", "disjoint"),
    ("Scotland", "Wales", "disjoint"),
    # ambiguous: some reading relates them, so no conflict is claimed
    ("Paris", "Texas", "unknown"),
    ("Athens", "Georgia", "unknown"),
    ("Georgia", "United States", "unknown"),
    ("Washington", "Washington, D.C.", "unknown"),
    ("LA", "Calif.", "unknown"),
    ("Brooklyn", "New York City", "unknown"),
    ("Europe", "Asia", "unknown"),
    # not places at all
    ("Narnia", "Greece", "unknown"),
    ("us", "Canada", "unknown"),
    ("", "Greece", "unknown"),
]


@pytest.mark.parametrize(("a", "b", "expected"), RELATIONS)
def test_place_relation(a: str, b: str, expected: str) -> None:
    assert place_relation(a, b) == expected


KINDS: list[tuple[str, str | None]] = [
    ("Athens", "city"),
    ("Hallandale Beach", "city"),
    ("Florida", "state"),
    ("N.Y.", "state"),
    ("Scotland", "state"),
    ("Greece", "country"),
    ("the United States", "country"),
    ("Europe", "continent"),
    ("Middle East", "continent"),
    ("Narnia", None),
    ("us", None),
    ("me", None),
]


@pytest.mark.parametrize(("name", "kind"), KINDS)
def test_place_kind(name: str, kind: str | None) -> None:
    assert place_kind(name) == kind
    assert is_place(name) is (kind is not None)


def test_lower_case_codes_are_not_places() -> None:
    """Postal codes count only in capitals: "me", "or", "in" are ordinary words."""
    assert [is_place(w) for w in ("ME", "OR", "IN")] == [True, True, True]
    assert [is_place(w) for w in ("me", "or", "in")] == [False, False, False]


def test_later_calls_are_fast() -> None:
    place_relation("Athens", "Greece")
    start = time.perf_counter()
    for _ in range(1000):
        place_relation("Athens", "Greece")
    assert (time.perf_counter() - start) / 1000 < 1e-4
