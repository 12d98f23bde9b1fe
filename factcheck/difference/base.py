"""The typed differences the comparison gives, and the helpers every rule uses: numbers, dates and names compared
as values, the words a difference cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.difference.tokens import Tok, content
from factcheck.extract.dates import month_day
from factcheck.extract.entities import fold
from factcheck.models import Claim, DateMention, Number
from factcheck.places import place_relation


@dataclass(frozen=True)
class Difference:
    """One typed difference between two aligned claims.

    ``kind`` is ``conflict`` or ``dropped``; ``slot`` what differs (``number``, ``date``, ``place``, ``person``,
    ``org``, ``role``, ``kinship``, ``party``, ``negation``, ``antonym``, ``actor``); ``a``/``b`` the words of each
    claim (``b`` empty for a detail ``a`` carries and ``b`` leaves out), with their raw spans.
    """

    kind: str
    slot: str
    a: Claim
    b: Claim
    a_text: str
    b_text: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]


@dataclass(frozen=True)
class PairDiff:
    """Every difference of one aligned pair, and the word operations behind them (in the article's own words)."""

    a: Claim
    b: Claim
    ops: tuple[tuple[str, str, str], ...]
    differences: tuple[Difference, ...]
    overlap: float


def _number_compatible(a: Number, b: Number) -> bool:
    """Two mentions can be one quantity: equal, within 15% when either is approximate, or a value inside the other's
    range; two ranges must have the same ends ("seven to eight" is not "seven to nine")."""
    if a.bound and b.bound:
        # Two bounds: the same bound or two different facts ("at least 150" / "at least 135").
        return a.bound == b.bound and a.low == b.low and a.high == b.high
    if a.bound or b.bound:
        # A bound and a figure: the figure meets the bound, not far beyond it ("more than 60" / "62").
        bound, value = (a, b) if a.bound else (b, a)
        if bound.bound == "min":
            return bound.low <= value.low <= 1.25 * bound.low
        return 0.75 * bound.high <= value.high <= bound.high
    tol = 0.1 if (a.approx or b.approx) else 0.0

    def near(x: float, y: float) -> bool:
        return abs(x - y) <= tol * max(abs(x), abs(y))

    if a.low != a.high and b.low != b.high:
        return near(a.low, b.low) and near(a.high, b.high)
    # A value inside the other's range, or near it ("nearly 40" / "38"; "nearly four" is not "five").
    return (a.low - tol * a.high <= b.high and b.low - tol * b.high <= a.high) if tol == 0.0 else (
        near(a.low, b.low) or near(a.high, b.high) or (a.low <= b.low <= a.high) or (b.low <= a.low <= b.high))


def _units_comparable(a: Number, b: Number) -> bool:
    return a.unit == b.unit or not a.unit or not b.unit


def _date_same(a: DateMention, b: DateMention) -> bool | None:
    """Whether two date mentions name the same day (or month, year), None when they cannot be compared."""
    if a.date is not None and b.date is not None:
        gran = {"day": 3, "week": 2, "month": 1, "year": 0}
        g = min(gran.get(a.granularity, 0), gran.get(b.granularity, 0))
        if g >= 3:
            return a.date == b.date
        if g == 2:
            return abs((a.date - b.date).days) < 7
        if g == 1:
            return (a.date.year, a.date.month) == (b.date.year, b.date.month)
        return a.date.year == b.date.year
    if a.granularity == b.granularity == "day":
        # No year to resolve against (an article without a date): the month and day still compare.
        ma, mb = month_day(a.text), month_day(b.text)
        if ma and mb:
            return ma == mb
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return None


def _span_text(claim: Claim, toks: list[Tok]) -> tuple[str, tuple[int, int]]:
    s, e = toks[0].start, toks[-1].end
    base = claim.span.start
    text = claim.span.text[s - base:e - base]
    if toks[-1].tag and text[-2:].replace("’", "'") == "'s":
        text, e = text[:-2], e - 2  # "NBC's" cites the name "NBC", not its possessive ending
    return text, (s, e)


def _mention_text(claim: Claim, toks: list[Tok]) -> tuple[str, tuple[int, int]]:
    """The words to cite for a differing stretch: a whole date when the stretch is part of one ("December 5, 2025",
    not "5")."""
    if len(toks) == 1 and toks[0].tag == "date" and toks[0].ref >= 0:
        d = claim.dates[toks[0].ref]
        base = claim.span.start
        if base <= d.start and d.end <= claim.span.end:
            return claim.span.text[d.start - base:d.end - base], (d.start, d.end)
    if len(toks) == 1 and toks[0].tag == "num" and toks[0].ref >= 0:
        n = claim.numbers[toks[0].ref]
        base = claim.span.start
        words = claim.span.text[n.start - base:n.end - base] if base <= n.start and n.end <= claim.span.end else ""
        if n.start == toks[0].start and len(words.split()) <= 3:
            return words, (n.start, n.end)  # "$90 million", not "$90"
    refs = {(t.tag, t.ref) for t in toks}
    if len(refs) == 1 and toks[0].tag in ("person", "org", "place") and toks[0].ref >= 0:
        # Part of one name differs: cite the whole name ("State Department", not "State").
        ent = claim.entities[toks[0].ref]
        base = claim.span.start
        if base <= ent.start and ent.end <= claim.span.end:
            return claim.span.text[ent.start - base:ent.end - base], (ent.start, ent.end)
    return _span_text(claim, toks)


def _groups(toks: list[Tok]) -> list[list[Tok]]:
    """Runs of consecutive tokens of one mention (a multi-word name, a number with its words)."""
    out: list[list[Tok]] = []
    for t in toks:
        if out and out[-1][-1].tag == t.tag and (t.ref >= 0 and out[-1][-1].ref == t.ref or t.tag in ("title",)):
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _elsewhere(source_text: str, toks: list[Tok]) -> bool:
    """Whether the words of a detail stand anywhere in a source's text (then it was not dropped, only put
    elsewhere): every content word of it within a short stretch."""
    keys = [re.sub(r"[’']s?$", "", t.text.lower().strip(".,")) for t in toks if content(t)]
    if not keys:
        return True
    low = source_text.lower()
    pattern = r"\W+(?:\w+\W+){0,3}?".join(re.escape(k) for k in keys)
    return re.search(r"\b" + pattern + r"\b", low) is not None


def _number_in(n: Number, others: tuple[Number, ...], own: tuple[Number, ...]) -> bool:
    """The other claim gives the quantity ``n`` as many times as its own claim does (in any form)."""
    def count(pool: tuple[Number, ...]) -> int:
        return sum(_units_comparable(n, o) and _number_compatible(n, o) for o in pool)

    return count(others) >= max(1, count(own))


def _key_count(key: str, toks: tuple[Tok, ...]) -> int:
    return sum(t.key == key for t in toks)


def _date_in(d: DateMention, others: tuple[DateMention, ...], own: tuple[DateMention, ...]) -> bool:
    """The other claim names the day ``d`` names as many times as its own claim does (in any form)."""
    def count(pool: tuple[DateMention, ...]) -> int:
        return sum(bool(_date_same(d, o)) for o in pool)

    return count(others) >= max(1, count(own))


def _entity_text(claim: Claim, t: Tok) -> str:
    return claim.entities[t.ref].text if t.ref >= 0 and t.tag == claim.entities[t.ref].label else t.text


def _place_related(name: str, others: list[str]) -> bool:
    for o in others:
        if fold(o) == fold(name):
            return True
        if place_relation(name, o) in ("same", "inside", "contains"):
            return True
    return False


def _first(toks: list[Tok], tags: tuple[str, ...]) -> list[Tok]:
    for g in _groups(toks):
        if g[0].tag in tags:
            return g
    return []


def _diff(kind: str, slot: str, a: Claim, b: Claim, ga: list[Tok], gb: list[Tok]) -> Difference:
    at, aspan = _mention_text(a, ga) if ga else ("", (a.span.start, a.span.start))
    bt, bspan = _mention_text(b, gb) if gb else ("", (b.span.start, b.span.start))
    return Difference(kind, slot, a, b, at, bt, aspan, bspan)
