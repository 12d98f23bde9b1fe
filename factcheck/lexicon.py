"""Word lists kept as data files in ``factcheck/data``, loaded once."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def lines(name: str) -> list[str]:
    text = resources.files("factcheck.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in lines("boilerplate.txt"))


@cache
def photo_agencies() -> tuple[str, ...]:
    return tuple(lines("photo_agencies.txt"))


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    irregular = {"say": {"says", "said", "saying"}, "tell": {"tells", "told", "telling"},
                 "write": {"writes", "wrote", "writing", "written"}, "told": {"told"},
                 "deny": {"denies", "denied", "denying"}, "reply": {"replies", "replied", "replying"},
                 "testify": {"testifies", "testified", "testifying"}, "quip": {"quips", "quipped", "quipping"},
                 "underscore": {"underscores", "underscored", "underscoring"},
                 "sing": {"sings", "sang", "sung", "singing"}, "read": {"reads", "reading"}}
    if lemma in irregular:
        return forms | irregular[lemma]
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("sh", "ch", "ss", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def inflections(lemma: str) -> set[str]:
    """The forms of a verb ("say" -> say, says, said, saying)."""
    return _inflect(lemma.lower())


@cache
def reporting_verbs() -> frozenset[str]:
    """Every inflected form of the reporting verbs (``said``, ``telling``, ``warned`` ...)."""
    forms: set[str] = set()
    for lemma in lines("reporting_verbs.txt"):
        forms |= _inflect(lemma.lower())
    return frozenset(forms)


@cache
def words(name: str) -> frozenset[str]:
    """A plain word list from ``factcheck/data/NAME.txt``, lower-cased."""
    return frozenset(w.lower() for w in lines(f"{name}.txt"))


@cache
def word_set(name: str) -> frozenset[str]:
    """Every white-space separated word of ``factcheck/data/NAME.txt``, lower-cased (several words per line)."""
    return frozenset(w.lower() for line in lines(f"{name}.txt") for w in line.split())


@cache
def word_classes(name: str) -> dict[str, str]:
    """Words of ``factcheck/data/NAME.txt`` mapped to the first word of their line (one class per line)."""
    out: dict[str, str] = {}
    for line in lines(f"{name}.txt"):
        forms = line.lower().split()
        for form in forms:
            out.setdefault(form, forms[0])
    return out
