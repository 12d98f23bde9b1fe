"""A claim's words for the word diff (factcheck/difference/tokens.py): each word keyed for comparison and tagged by
the mention it stands in."""

from __future__ import annotations

import pytest

from factcheck.difference.tokens import content, stem, tokenize
from tests.checks.story import context


@pytest.mark.parametrize("word, expected", [
    ("rose", "rise"), ("said", "say"), ("people", "person"),  # irregular forms
    ("talks", "talk"), ("studies", "study"), ("meeting", "meet"), ("planned", "plan"), ("boxes", "box"),
    ("Zürich", "zurich"), ("NBC's", "nbc"), ("U.S.", "u.s"),
    # negatives: short words and words ending like a suffix keep their form
    ("bus", "bus"), ("is", "be"), ("red", "red"), ("sing", "sing"),
])
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def _toks(text: str):  # type: ignore[no-untyped-def]
    claim = context(text).source_claims("a")[0]
    return claim, tokenize(claim)


@pytest.mark.parametrize("text, word, tag, key", [
    ("The police said 12 people were hurt in Athens.", "12", "num", "#12"),
    ("The police said four people were hurt in Athens.", "four", "num", "#4"),  # a number word is its value
    ("The meeting began at 6:41pm in the capital.", "6:41pm", "time", "t1841"),
    ("Kovacs was first elected in 2008 to the council.", "2008", "year", "2008"),
    ("The envoys did not meet in Geneva on Tuesday.", "not", "neg", "not"),
    ("The case was brought by his son in Boston.", "son", "kin", "son"),
    ("The Democrat from Nevada voted against the bill.", "Democrat", "party", "democrat"),
    # negatives: plain words carry no tag
    ("The police said 12 people were hurt in Athens.", "hurt", "", "hurt"),
    ("The police said 12 people were hurt in Athens.", "police", "", "polic"),  # the stem is the key
])
def test_tokenize_tags_each_word(text: str, word: str, tag: str, key: str) -> None:
    claim, toks = _toks(text)
    tok = next(t for t in toks if t.text == word)
    assert (tok.tag, tok.key) == (tag, key)
    raw = claim.span.text  # every word keeps its raw offsets (no contraction in these sentences)
    assert all(raw[t.start - claim.span.start:t.end - claim.span.start] == t.text for t in toks)


def test_contractions_split_into_the_verb_and_not() -> None:
    _, toks = _toks("Smith said the plan won't pass the Senate.")
    assert [(t.text, t.tag) for t in toks if t.text in ("will", "not")] == [("will", ""), ("not", "neg")]


def test_quoted_words_are_marked_and_content_words_known() -> None:
    claim, toks = _toks('The mayor called the plan "a sinking ship" on Monday.')
    assert {t.text for t in toks if t.quoted} == {"a", "sinking", "ship"}
    assert not next(t for t in toks if t.text == "the").quoted
    assert content(next(t for t in toks if t.text == "ship"))
    assert not content(next(t for t in toks if t.text == "the"))
