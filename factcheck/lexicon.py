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


@cache
def _irregular_verbs() -> dict[str, set[str]]:
    """Each irregular reporting verb's forms (``factcheck/data/irregular_verbs.txt``: the base form first)."""
    return {forms[0]: set(forms[1:]) for forms in (line.lower().split() for line in lines("irregular_verbs.txt"))}


def _inflect(lemma: str) -> set[str]:
    forms = {lemma}
    irregular = _irregular_verbs()
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
def pairs(name: str) -> dict[str, str]:
    """``factcheck/data/NAME.txt`` read as one ``key value`` pair a line, lower-cased (an irregular form and its
    base, a number word and its value)."""
    out: dict[str, str] = {}
    for line in lines(f"{name}.txt"):
        key, value = line.lower().split()
        out[key] = value
    return out


@cache
def keyed(name: str) -> dict[str, str]:
    """``factcheck/data/NAME.txt`` read as one ``key: value`` a line, in file order (a key may hold spaces or
    symbols: ``per cent: percent``)."""
    out: dict[str, str] = {}
    for line in lines(f"{name}.txt"):
        key, _, value = line.partition(": ")
        out[key] = value.strip()
    return out


@cache
def word_classes(name: str) -> dict[str, str]:
    """Words of ``factcheck/data/NAME.txt`` mapped to the first word of their line (one class per line)."""
    out: dict[str, str] = {}
    for line in lines(f"{name}.txt"):
        forms = line.lower().split()
        for form in forms:
            out.setdefault(form, forms[0])
    return out
