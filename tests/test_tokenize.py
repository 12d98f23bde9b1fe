"""The one tokenizer (factcheck/tokenize.py): each view of the words, table-driven, with the cases it must not cut."""

from __future__ import annotations

import pytest

from factcheck.tokenize import (
    GAP,
    claim_words,
    letter_words,
    normalise_words,
    plain_words,
    segments,
    surface_tokens,
    tokens,
    word_runs,
    words_only,
)


@pytest.mark.parametrize("text, expected", [
    ("They’re here", ("they", "are", "here")),
    ("We can't stop", ("we", "can", "not", "stop")),
    ("It won't", ("it", "will", "not")),
    ("I'm sure we'll see", ("i", "am", "sure", "we", "will", "see")),
    ("the president's envoy", ("the", "presidents", "envoy")),
    ("We agreed… others", ("we", "agreed", GAP, "others")),
    ("We agreed... others", ("we", "agreed", GAP, "others")),
    ("a well-known 5% rise of $3", ("a", "well-known", "5", "%", "rise", "of", "$", "3")),
    # negatives: punctuation is no token, and nothing is invented
    ("", ()),
    ("— , ; !", ()),
    ("Don", ("don",)),
])
def test_tokens(text: str, expected: tuple[str, ...]) -> None:
    assert tokens(text) == expected


def test_tokens_without_expansion_keep_the_contraction() -> None:
    assert tokens("they're", expand=False) == ("they're",)
    assert tokens("they're") == ("they", "are")


@pytest.mark.parametrize("text, norm, surface", [
    ("don’t go", ("do", "not", "go"), ("don’t", "", "go")),
    ("Caused criticism", ("caused", "criticism"), ("Caused", "criticism")),
    ("so… then", ("so", GAP, "then"), ("so", "…", "then")),
])
def test_surface_tokens_show_the_words_as_written(text: str, norm: tuple[str, ...], surface: tuple[str, ...]) -> None:
    assert surface_tokens(text) == (norm, surface)


@pytest.mark.parametrize("toks, expected", [
    (("a", "b", GAP, "c"), [(0, 2), (3, 4)]),
    ((GAP, "a", GAP), [(1, 2)]),
    (("a", "b"), [(0, 2)]),
    ((), []),
    ((GAP, GAP), []),
])
def test_segments_are_the_runs_between_gaps(toks: tuple[str, ...], expected: list[tuple[int, int]]) -> None:
    assert segments(toks) == expected
    assert sum(e - s for s, e in expected) == len(words_only(toks))


@pytest.mark.parametrize("text, expected", [
    ("at 6:41pm, 18:41", ["at", "6:41pm", "18:41"]),
    ("$1,200.50 and 12%", ["$1,200.50", "and", "12%"]),
    ("the U.S. son-in-law O'Neill", ["the", "U.S.", "son-in-law", "O'Neill"]),
    ("in Zürich.", ["in", "Zürich."]),
    # negatives: punctuation, dashes and quotation marks are no words
    ("“ — ” ...", []),
    ("", []),
])
def test_claim_words(text: str, expected: list[str]) -> None:
    assert [m.group(0) for m in claim_words(text)] == expected


def test_claim_words_keep_offsets_into_the_text() -> None:
    text = "Sen. Lee said 40% on Friday."
    for m in claim_words(text):
        assert text[m.start():m.end()] == m.group(0)


@pytest.mark.parametrize("text, expected", [
    ("Rubio said: “Some progress!”", "rubio said some progress"),
    ("Up 5% — on Monday", "up 5% on monday"),
    ("don’t", "don t"),
    ("", ""),
    ("—!?", ""),
])
def test_normalise_words(text: str, expected: str) -> None:
    assert normalise_words(text) == expected


@pytest.mark.parametrize("func, text, expected", [
    (word_runs, "He didn’t say 5% — well-known", ["He", "didn’t", "say", "5%", "well-known"]),
    (word_runs, "", []),
    (plain_words, "Kovacs's envoys will TRAVEL", ["kovacs", "envoys", "will", "travel"]),
    (plain_words, "the envoys’ plan", ["the", "envoys", "plan"]),
    (plain_words, "it's", ["it"]),
    (letter_words, "Sen. O'Neill, 42", ["Sen", "O", "Neill"]),
    (letter_words, "42 — 7", []),
])
def test_the_plain_views(func, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert func(text) == expected
