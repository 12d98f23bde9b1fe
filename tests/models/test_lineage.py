"""The lineage's types (factcheck/models/lineage.py): who follows whom, through versions in between, and who made
a difference."""

from __future__ import annotations

import pytest

from factcheck.models import Lineage, SourceLineage

# c follows b, b follows a; d is on its own; e and f follow each other (a loop must not hang)
CHAIN = Lineage("a", (("b", "c"),), (
    SourceLineage("a", None), SourceLineage("b", "a"), SourceLineage("c", "b"), SourceLineage("d", None),
    SourceLineage("e", "f"), SourceLineage("f", "e"),
))


@pytest.mark.parametrize("source, ancestor, descends", [
    ("b", "a", True), ("c", "a", True), ("c", "b", True),
    # negatives: the other way round, unrelated versions, itself, a loop without the ancestor, an unknown source
    ("a", "b", False), ("d", "a", False), ("a", "a", False), ("e", "a", False), ("zz", "a", False),
])
def test_descends(source: str, ancestor: str, descends: bool) -> None:
    assert CHAIN.descends(source, ancestor) is descends


def test_of_and_follows() -> None:
    assert CHAIN.of("b") == SourceLineage("b", "a") and CHAIN.follows("c") == "b"
    assert CHAIN.of("zz") is None and CHAIN.follows("zz") is None and CHAIN.follows("a") is None


@pytest.mark.parametrize("sources, source, made", [
    (("a", "b"), "b", True),  # the rewrite changed the words
    (("a", "b", "c"), "a", False),  # every other one follows a: they changed a's words, a did not
    (("a", "d"), "a", True),
    (("a", "b"), "d", False),  # not among the sources
])
def test_made_by(sources: tuple[str, ...], source: str, made: bool) -> None:
    assert CHAIN.made_by(sources, source) is made


@pytest.mark.parametrize("lineage, independent", [
    (Lineage(None, (), (SourceLineage("a", None), SourceLineage("b", None))), True),
    (CHAIN, False),
    (Lineage(None, (("a", "b"),), (SourceLineage("a", None), SourceLineage("b", None))), False),  # a family
    (Lineage(None, (), (SourceLineage("a", None),)), False),  # one source
])
def test_independent(lineage: Lineage, independent: bool) -> None:
    assert lineage.independent is independent
