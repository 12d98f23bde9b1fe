"""The comparison's building blocks (factcheck/difference/base.py): when two numbers can be one quantity and when
two dates name the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.difference.base import _date_same, _number_compatible, _units_comparable
from factcheck.models import DateMention, Number


def _n(low: float, high: float | None = None, unit: str = "", approx: bool = False, bound: str = "") -> Number:
    return Number(0, 1, "x", low, low if high is None else high, unit, approx, bound)


@pytest.mark.parametrize("a, b, same", [
    (_n(12), _n(12), True),
    (_n(40, approx=True), _n(38), True),  # "nearly 40" / "38"
    (_n(4, approx=True), _n(5), False),  # "nearly four" is not "five"
    (_n(30, 50), _n(30, 50), True),
    (_n(7, 8), _n(7, 9), False),  # two ranges need the same ends
    (_n(35), _n(30, 50), True),  # a value inside a range
    (_n(60, bound="min"), _n(62), True),  # "more than 60" / "62"
    (_n(60, bound="min"), _n(90), False),  # far beyond the bound
    (_n(150, bound="min"), _n(135, bound="min"), False),  # two bounds, two facts
    (_n(12), _n(15), False),
])
def test_number_compatible(a: Number, b: Number, same: bool) -> None:
    assert _number_compatible(a, b) is same
    assert _number_compatible(b, a) is same


@pytest.mark.parametrize("ua, ub, comparable", [
    ("km", "km", True), ("", "km", True), ("km", "usd", False),
])
def test_units_comparable(ua: str, ub: str, comparable: bool) -> None:
    assert _units_comparable(_n(1, unit=ua), _n(1, unit=ub)) is comparable


def _d(text: str, date: dt.date | None, gran: str = "day", weekday: int | None = None) -> DateMention:
    return DateMention(0, len(text), text, date, weekday, gran)


D2 = dt.date(2025, 12, 2)


@pytest.mark.parametrize("a, b, same", [
    (_d("Tuesday", D2, weekday=1), _d("December 2", D2), True),
    (_d("Tuesday", D2, weekday=1), _d("Monday", dt.date(2025, 12, 1), weekday=0), False),
    (_d("this week", D2, "week"), _d("Friday", dt.date(2025, 12, 5)), True),  # the coarser one decides
    (_d("December", D2, "month"), _d("November 30", dt.date(2025, 11, 30)), False),
    (_d("2025", D2, "year"), _d("March 1", dt.date(2025, 3, 1)), True),
    (_d("December 2", None), _d("Dec. 2", None), True),  # no year: month and day still compare
    (_d("Tuesday", None, weekday=1), _d("Wednesday", None, weekday=2), False),
    (_d("recently", None, "other"), _d("later", None, "other"), None),  # nothing to compare
])
def test_date_same(a: DateMention, b: DateMention, same: bool | None) -> None:
    assert _date_same(a, b) is same
