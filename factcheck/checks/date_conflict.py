"""date_conflict: aligned claims put the same event on different dates, after resolving weekdays and relative
words against each article's date.

Example: "met on Tuesday" in an article of Wednesday 3 December 2025 is 2 December; "met on December 2" agrees,
"met on Monday" does not.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.models import DateMention, Finding, FindingKind, Span


def _same(a: DateMention, b: DateMention) -> bool | None:
    """True/False when both resolve; None when they cannot be compared."""
    if a.date is not None and b.date is not None:
        if a.granularity != "day" or b.granularity != "day":
            gran = {"day": 3, "week": 2, "month": 1, "year": 0}
            g = min(gran.get(a.granularity, 0), gran.get(b.granularity, 0))
            if g >= 1:
                return (a.date.year, a.date.month) == (b.date.year, b.date.month)
            return a.date.year == b.date.year
        return a.date == b.date
    # Unresolved mentions (a bare weekday in an undated article) cannot be compared: a date_conflict needs two
    # resolved dates that differ.
    return None


@register("FC103", FindingKind.DATE_CONFLICT)
def check_date_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims put the same event at different dates or days."""
    findings: list[Finding] = []
    for group, a, b in cross_pairs(ctx):
        if not a.dates or not b.dates:
            continue
        left = [x for x in a.dates if all(_same(x, y) is False for y in b.dates)]
        right = [y for y in b.dates if all(_same(x, y) is False for x in a.dates)]
        if not left or not right:
            continue
        x, y = left[0], right[0]
        ev = [evidence_of(a, Span(a.source, x.start, x.end, x.text), "date"),
              evidence_of(b, Span(b.source, y.start, y.end, y.text), "date")]
        xs = x.date.isoformat() if x.date else x.text
        ys = y.date.isoformat() if y.date else y.text
        message = f"{a.source} dates it “{x.text}” ({xs}) where {b.source} says “{y.text}” ({ys})"
        findings.append(make_finding(ctx, FindingKind.DATE_CONFLICT, group, ev, message,
                                     [("claim " + a.source, a.text), ("claim " + b.source, b.text)], score=8))
    return findings
