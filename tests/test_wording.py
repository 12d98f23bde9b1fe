"""Word alignment and diffs (factcheck/wording.py): which stretch renders which, how alike two renderings are, and
the one-line marked diff the JSON details carry."""

from __future__ import annotations

import pytest

from factcheck.tokenize import tokens
from factcheck.wording import best_window, diff_opcodes, local_match, marked, similarity, symmetric_similarity


@pytest.mark.parametrize("a, b, window", [
    ("others caused criticism", "we agreed on some things while others caused criticism today",
     "others caused criticism"),
    ("others drew criticism", "we agreed while others caused criticism", "others caused criticism"),
    # negative: nothing in common, no window
    ("apples and pears", "the talks ended", ""),
])
def test_best_window_finds_the_stretch_rendered(a: str, b: str, window: str) -> None:
    ta, tb = tokens(a), tokens(b)
    m = best_window(ta, tb)
    assert " ".join(tb[m.b0:m.b1]) == window


def test_local_match_counts_matched_words_and_coverage() -> None:
    m = local_match(tokens("some progress was made"), tokens("he said some progress was made on Monday"))
    assert m.matched == 4 and m.coverage_a == 1.0 and m.coverage_b == 1.0
    none = local_match(tokens("apples"), tokens("the talks ended"))
    assert none.matched == 0 and none.coverage_a == 0.0


@pytest.mark.parametrize("a, b, low, high", [
    ("We agreed on some things", "We agreed on some things", 1.0, 1.0),
    ("We agreed… others caused criticism", "We agreed on some things, while others caused criticism", 1.0, 1.0),
    ("We agreed on some things", "We agreed on other things", 0.7, 0.9),
    # negatives: unrelated words; a short quotation is all or nothing
    ("The talks ended without a deal", "Prices rose sharply in the city", 0.0, 0.2),
    ("a deal", "no deal", 0.0, 0.0),
])
def test_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(tokens(a), tokens(b)) <= high


@pytest.mark.parametrize("a, b, expected", [
    ("some progress was made", "some progress was made", 1.0),
    ("some progress", "some progress was made on Monday", 2 / 6),
    ("", "some progress", 0.0),
])
def test_symmetric_similarity_divides_by_the_longer(a: str, b: str, expected: float) -> None:
    assert symmetric_similarity(tokens(a), tokens(b)) == pytest.approx(expected)


def test_diff_opcodes_and_marked_diff() -> None:
    a, b = tokens("others caused criticism"), tokens("others drew criticism")
    assert diff_opcodes(a, b) == [("equal", 0, 1, 0, 1), ("replace", 1, 2, 1, 2), ("equal", 2, 3, 2, 3)]
    ops = [("equal", ("others",), ("others",)), ("replace", ("caused",), ("drew",)),
           ("delete", ("sharp",), ()), ("insert", (), ("new",)), ("move", ("today",), ("today",)),
           ("equal", ("criticism",), ("criticism",))]
    assert marked(ops) == "others [-caused-] {+drew+} [-sharp-] {+new+} [-today-]{+(moved)+} criticism"
    assert marked([("equal", ("same",), ("same",))]) == "same"
