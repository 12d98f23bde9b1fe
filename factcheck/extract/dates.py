"""Dates in news text: absolute dates, weekdays and relative words, resolved against the article's date.

Pure functions over text, returning :class:`~factcheck.models.DateMention` tuples with offsets into the text given.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.models import DateMention

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MDY = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b")
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>(?:19|20)\d{{2}})\b")
_WEEKDAY = re.compile(
    r"\b(?:(?P<mod>last|this|next|late|early|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b"
)
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tonight|tomorrow|last night|this morning|this week|last week|next week|"
    r"last month|this month|next month|last year|this year|next year)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|shall|is set to|are set to|plans? to|planned to|is to|are to|expected to|"
                     r"scheduled|upcoming|invit\w*|to (?:meet|continue|discuss|travel|hold|visit))\b", re.IGNORECASE)


_NAME_BEFORE = re.compile(r"(?:^|\s)[A-Z][A-Za-z&'’]*\s+$")


def _in_name(text: str, at: int) -> bool:
    """A capitalised "Today" or "Tonight" after a capitalised word inside a sentence is part of a name ("USA
    Today", "The Tonight Show"), not a day."""
    return text[at:at + 1].isupper() and bool(_NAME_BEFORE.search(text, max(0, at - 40), at))


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower().rstrip(".")[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shifted(reference: dt.date, days: int) -> dt.date | None:
    """``reference`` moved by ``days``, or None when that leaves the calendar (before year 1 or after 9999)."""
    try:
        return reference + dt.timedelta(days=days)
    except OverflowError:
        return None


def find_absolute_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Full calendar dates with a year: ``December 2, 2025``, ``2 Dec 2025``, ``2025-12-02``."""
    out: list[tuple[int, int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ISO, _MDY, _DMY):
        for m in pattern.finditer(text):
            if not m.group("year") or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            month = int(m.group("month")) if pattern is _ISO else _month(m.group("month"))
            date = _safe_date(int(m.group("year")), month, int(m.group("day")))
            if date:
                out.append((m.start(), m.end(), date))
                taken.append((m.start(), m.end()))
    return sorted(out)


def _is_future(text: str, start: int, end: int) -> bool:
    clause_start = max(text.rfind(".", 0, start), text.rfind(";", 0, start)) + 1
    if _FUTURE.search(text[clause_start:start]):
        return True
    # "invited ... to Miami on Thursday to continue talks": a purpose clause right after the day looks ahead.
    return bool(re.match(r"\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b", text[end:end + 30]))


def month_day(text: str) -> tuple[int, int] | None:
    """The month and day a date mention names, with or without a year ("Jan. 6", "6 January 2017")."""
    for pattern in (_MDY, _DMY):
        m = pattern.search(text)
        if m:
            return _month(m.group("month")), int(m.group("day"))
    m = _ISO.search(text)
    return (int(m.group("month")), int(m.group("day"))) if m else None


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date mention in ``text``, resolved against ``reference`` (the article's date) where one is known.

    A bare weekday means the most recent such day on or before the article's date, or the next one on or after it
    when the clause speaks of the future ("will meet ... on Thursday").

    >>> [d.date.isoformat() for d in find_dates("He spoke Tuesday night.", dt.date(2025, 12, 3))]
    ['2025-12-02']
    """
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for pattern in (_ISO, _MDY, _DMY):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            month = int(m.group("month")) if pattern is _ISO else _month(m.group("month"))
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else (reference.year if reference else None)
            date = _safe_date(year, month, day) if year else None
            if year and not m.group("year") and reference and date and (date - reference).days > 180:
                date = _safe_date(year - 1, month, day)
            if pattern is not _ISO and not (1 <= day <= 31):
                continue
            out.append(DateMention(m.start(), m.end(), m.group(0), date, date.weekday() if date else None, "day"))
            taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            date = _safe_date(int(m.group("year")), _month(m.group("month")), 1)
            out.append(DateMention(m.start(), m.end(), m.group(0), date, None, "month"))
            taken.append((m.start(), m.end()))
    for m in _WEEKDAY.finditer(text):
        if not free(m.start(), m.end()):
            continue
        wd = WEEKDAYS[m.group("wd").lower()]
        date = None
        if reference is not None:
            mod = (m.group("mod") or "").lower()
            if mod == "next" or (mod != "last" and _is_future(text, m.start(), m.end())):
                delta = (wd - reference.weekday()) % 7
                if mod == "next" and delta == 0:
                    delta = 7
            else:
                delta = -((reference.weekday() - wd) % 7)
                if mod == "last" and delta == 0:
                    delta = -7
            date = _shifted(reference, delta)
        out.append(DateMention(m.start(), m.end(), m.group(0), date, wd, "day"))
        taken.append((m.start(), m.end()))
    for m in _RELATIVE.finditer(text):
        if not free(m.start(), m.end()) or _in_name(text, m.start()):
            continue
        rel = m.group("rel").lower()
        date, gran = None, "day"
        if reference is not None:
            if rel in ("yesterday", "last night"):
                date = _shifted(reference, -1)
            elif rel in ("today", "tonight", "this morning"):
                date = reference
            elif rel == "tomorrow":
                date = _shifted(reference, 1)
            elif rel.endswith("week"):
                shift = {"last": -7, "this": 0, "next": 7}[rel.split()[0]]
                date, gran = _shifted(reference, shift - reference.weekday()), "week"
            elif rel.endswith("month"):
                shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
                month0 = reference.year * 12 + reference.month - 1 + shift
                date, gran = _safe_date(month0 // 12, month0 % 12 + 1, 1), "month"
            elif rel.endswith("year"):
                shift = {"last": -1, "this": 0, "next": 1}[rel.split()[0]]
                date, gran = _safe_date(reference.year + shift, 1, 1), "year"
        else:
            gran = "week" if rel.endswith("week") else "month" if rel.endswith("month") else "year" if rel.endswith(
                "year") else "day"
        out.append(DateMention(m.start(), m.end(), m.group(0), date, date.weekday() if date and gran == "day" else None,
                               gran))
        taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: (d.start, d.end))
