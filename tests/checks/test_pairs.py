"""Pairs of aligned claims (factcheck/checks/pairs.py): only across sources, only of one kind, bounded in a big
group."""

from __future__ import annotations

from factcheck.checks import pairs
from factcheck.checks.pairs import cross_pairs
from tests.checks.story import context

SENTENCE = "The police said 12 people were hurt in the blast in Athens on Tuesday."
QUOTE = '"We will rebuild the square by spring," the mayor said.'


def test_every_pair_of_a_small_group_across_sources() -> None:
    ctx = context(SENTENCE, SENTENCE, SENTENCE)
    got = {(a.source, b.source) for _, a, b in cross_pairs(ctx)}
    assert got == {("a", "b"), ("a", "c"), ("b", "c")}


def test_no_pair_within_one_source_nor_of_the_other_kind() -> None:
    ctx = context(f"{SENTENCE} {SENTENCE}")  # one source, the claim twice
    assert list(cross_pairs(ctx)) == []
    ctx = context(QUOTE, QUOTE)
    assert list(cross_pairs(ctx)) == []  # statements only
    assert {(a.source, b.source) for _, a, b in cross_pairs(ctx, quotes=True)} == {("a", "b")}


def test_a_big_group_is_compared_with_its_references_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pairs, "REFERENCES", 2)
    ctx = context(*[SENTENCE] * 5)
    got = [(a.source, b.source) for _, a, b in cross_pairs(ctx)]
    # the two references with each other, then each of the three others with both references
    assert len(got) == 1 + 3 * 2 and len(set(got)) == len(got)
    assert all("a" in p or "b" in p for p in got)
