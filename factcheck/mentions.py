"""People mentioned in a block of text, by position: the names the tagger found, surnames it missed, he/she
pronouns; the quotation-blanked text they are read from; first names and gendered nouns that tell a person's
gender. The speaker resolver (``factcheck.speakers``) and the claims stage read them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from factcheck.lexicon import lines, reporting_verbs, words
from factcheck.models import Quote

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'-]*")


@dataclass
class Mention:
    start: int  # offsets into the block text
    end: int
    text: str
    pronoun: bool
    possessive: bool


def cue_matches(text: str) -> list[re.Match[str]]:
    verbs = reporting_verbs()
    return [m for m in _WORD_RE.finditer(text) if m.group(0).lower() in verbs] + [
        m for m in re.finditer(r"\baccording to\b", text, re.IGNORECASE)
    ]


def masked(text: str, quotes: Sequence[Quote]) -> str:
    """The text with every quotation (marks included) blanked out, offsets unchanged."""
    chars = list(text)
    for q in quotes:
        lo = max(0, q.start - 1)
        hi = min(len(text), q.end + (1 if q.closed else 0))
        for i in range(lo, hi):
            chars[i] = " "
    return "".join(chars)


#: Words that follow "’s" only when it is "is" or "has" ("Christie’s been making the case", "Trump’s not going"):
#: a name before them is the subject, not an owner.
_AFTER_CONTRACTION = words("after_contraction")


def possessive(text: str, end: int) -> bool:
    if text[end:end + 2] in ("’s", "'s"):
        nxt = re.match(r"\s+([a-z]+)\b", text[end + 2:end + 20])
        return not (nxt and nxt.group(1) in _AFTER_CONTRACTION)
    return text[end:end + 1] in ("’", "'") and text[end - 1:end] == "s"


class Spans:
    """Items with ``start``/``end`` offsets (entities of a block), found by position in logarithmic time: the
    per-sentence and per-claim look-ups of a long article would otherwise each scan all of them."""

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = list(items)
        self._by_start = sorted(range(len(self.items)), key=lambda k: self.items[k].start)
        self._starts = [self.items[k].start for k in self._by_start]

    def ending_in(self, lo: int, hi: int) -> list[Any]:
        """The items with ``lo <= end <= hi``, in their original order."""
        if not hasattr(self, "_ends"):
            self._by_end = sorted(range(len(self.items)), key=lambda k: self.items[k].end)
            self._ends = [self.items[k].end for k in self._by_end]
        a, b = bisect.bisect_left(self._ends, lo), bisect.bisect_right(self._ends, hi)
        return [self.items[k] for k in sorted(self._by_end[a:b])]

    def starting_in(self, lo: int, hi: int) -> list[Any]:
        """The items with ``lo <= start < hi``, in their original order."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.items[k] for k in sorted(self._by_start[a:b])]

    def within(self, lo: int, hi: int) -> list[Any]:
        """The items with ``lo <= start`` and ``end <= hi``, in their original order."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.items[k] for k in sorted(self._by_start[a:b]) if self.items[k].end <= hi]


class NameIndex:
    """The known names (``known``'s keys) by their first word, so that a short text is checked only against the
    names that can occur in it, in ``known``'s order. A whole-word match of a name starts with a whole word of
    the text equal to the name's first word, so nothing is missed."""

    def __init__(self, known: dict[str, str]) -> None:
        self.known = known
        self._by_first: dict[str, list[tuple[int, str]]] = {}
        self._always: list[tuple[int, str]] = []
        for order, key in enumerate(known):
            first = re.match(r"\w+", key)
            if first:
                self._by_first.setdefault(first.group(0), []).append((order, key))
            else:
                self._always.append((order, key))

    def candidates(self, text: str) -> list[str]:
        found = list(self._always)
        for word in set(re.findall(r"\w+", text)):
            found += self._by_first.get(word, ())
        return [key for _, key in sorted(found)]


@lru_cache(maxsize=8192)
def name_pattern(key: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(key)}\b")


def mentions(text: str, masked_text: str, ents: Spans, names: NameIndex, lo: int, hi: int) -> list[Mention]:
    """Person mentions and he/she pronouns between ``lo`` and ``hi`` outside quotations."""
    out: list[Mention] = []
    verbs = reporting_verbs()
    for e in ents.within(lo, hi):
        if e.label == "person" and " ".join(masked_text[e.start:e.end].split()) == e.text:
            # The tagger sometimes swallows a headline verb ("Trump Acknowledges"): cut the name there.
            spans = [(e.start + m.start(), e.start + m.end()) for m in re.finditer(r"\S+", text[e.start:e.end])]
            keep = next((i for i, (a, b) in enumerate(spans) if text[a:b].lower() in verbs), len(spans))
            if keep == 0:
                continue
            end = spans[keep - 1][1]
            name = " ".join(text[e.start:end].split())
            out.append(Mention(e.start, end, name, False, possessive(text, end)))
    taken = [(m.start, m.end) for m in out]
    # Surnames the tagger missed or labelled as an organisation ("Witkoff" as ORG).
    window = masked_text[lo:hi]
    for key in names.candidates(window):
        if key not in window:
            continue
        for m in name_pattern(key).finditer(window):
            m0, m1 = lo + m.start(), lo + m.end()
            if not any(a <= m0 < b or a < m1 <= b for a, b in taken):
                out.append(Mention(m0, m1, m.group(0), False, possessive(text, m1)))
                taken.append((m0, m1))
    for m in _PRONOUN.finditer(masked_text, lo, hi):
        out.append(Mention(m.start(), m.end(), m.group(0), True, False))
    return sorted(out, key=lambda x: x.start)


def _gendered() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines("gendered_nouns.txt"):
        tag, *forms = line.split()
        for f in forms:
            out[f.lower()] = tag
    return out


_GENDER_OF = _gendered()


def _first_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines("first_names.txt"):
        tag, name = line.split()
        out[name] = tag
    return out


_FIRST_NAMES = _first_names()


def name_gender(name: str) -> str | None:
    """m or f when a full name's first name tells it ("Hillary Clinton" -> f), else None."""
    parts = re.findall(r"[A-Za-z][a-z'-]+", name)
    return _FIRST_NAMES.get(parts[0].lower()) if len(parts) >= 2 else None
