"""Word lists as data (factcheck/lexicon.py and factcheck/data/): each reader's shape, the verb forms, and every
list read by the code (a list nobody reads is a rule that silently does nothing)."""

from __future__ import annotations

import re

import pytest

from factcheck.lexicon import inflections, keyed, lines, pairs, reporting_verbs, word_classes, word_set, words
from tests.conftest import ROOT


def test_lines_skip_comments_and_blanks() -> None:
    assert all(line and not line.startswith("#") for line in lines("titles.txt"))


@pytest.mark.parametrize("reader, name, key, value", [
    (pairs, "irregular_forms", "rose", "rise"),
    (pairs, "number_values", "dozen", "12"),
    (keyed, "unit_aliases", "per cent", "percent"),
    (keyed, "unit_aliases", "$", "usd"),
    (keyed, "quantity_words", "half", "0.5"),
    (word_classes, "parties", "gop", "republican"),
])
def test_keyed_readers(reader, name: str, key: str, value: str) -> None:  # type: ignore[no-untyped-def]
    assert reader(name)[key] == value


@pytest.mark.parametrize("reader, name, member, absent", [
    (word_set, "person_pronouns", "his", "they"),
    (word_set, "group_pronouns", "they", "his"),
    (word_set, "never_synonyms", "tuesday", "said"),
    (word_set, "office_nouns", "navy", "state department"),
    (words, "lower_bounds", "more than", "more"),  # one entry a line: phrases stay whole
])
def test_set_readers(reader, name: str, member: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    got = reader(name)
    assert member in got and absent not in got


@pytest.mark.parametrize("lemma, forms, not_forms", [
    ("say", {"say", "says", "said", "saying"}, {"sayed"}),
    ("warn", {"warns", "warned", "warning"}, set()),
    ("deny", {"denies", "denied", "denying"}, {"denys"}),
    ("stop", {"stops", "stopped", "stopping"}, set()),
    ("write", {"writes", "wrote", "written"}, {"writed"}),
])
def test_inflections(lemma: str, forms: set[str], not_forms: set[str]) -> None:
    got = inflections(lemma)
    assert forms <= got and not (not_forms & got)


def test_reporting_verbs_hold_every_form() -> None:
    verbs = reporting_verbs()
    assert {"said", "told", "warned"} <= verbs and "table" not in verbs


def test_every_word_list_is_read_by_the_code() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "factcheck").rglob("*.py"))
    for path in (ROOT / "factcheck" / "data").glob("*.txt"):
        stem = path.stem
        assert re.search(rf"[\"']{re.escape(stem)}(?:\.txt)?[\"']", code), f"{path.name} is read nowhere"
