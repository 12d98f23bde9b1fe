"""number_conflict: aligned claims state different quantities of the same thing.

Example: "about 30 to 50 kilometers" and "30-to-50 kilometer" agree; "20% of the region" and "25% of the region"
conflict. Approximate values ("nearly four years") agree with the exact ones they approximate.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.models import Finding, FindingKind, Number


def compatible(a: Number, b: Number) -> bool:
    """Two mentions of a quantity can be the same value (ranges overlap; approximations within 15%)."""
    tol = 0.15 if (a.approx or b.approx) else 0.0
    lo_a, hi_a = a.low * (1 - tol), a.high * (1 + tol)
    return lo_a <= b.high * (1 + tol) and b.low * (1 - tol) <= hi_a


def _by_unit(numbers: tuple[Number, ...]) -> dict[str, list[Number]]:
    out: dict[str, list[Number]] = {}
    for n in numbers:
        if n.unit:
            out.setdefault(n.unit, []).append(n)
    return out


@register("FC102", FindingKind.NUMBER_CONFLICT)
def check_number_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims state different quantities (counts, percentages, distances, money, durations)."""
    findings: list[Finding] = []
    for group, a, b in cross_pairs(ctx):
        units_a, units_b = _by_unit(a.numbers), _by_unit(b.numbers)
        for unit in sorted(set(units_a) & set(units_b)):
            left = [x for x in units_a[unit] if not any(compatible(x, y) for y in units_b[unit])]
            right = [y for y in units_b[unit] if not any(compatible(x, y) for x in units_a[unit])]
            if not left or not right:
                continue
            x, y = left[0], right[0]
            ev = [evidence_of(a, _span(a, x), "number"), evidence_of(b, _span(b, y), "number")]
            message = f"{a.source} says “{x.text}” where {b.source} says “{y.text}” ({unit})"
            findings.append(make_finding(ctx, FindingKind.NUMBER_CONFLICT, group, ev, message,
                                         [("claim " + a.source, a.text), ("claim " + b.source, b.text)], score=8))
    return findings


def _span(claim, n):
    from factcheck.models import Span

    return Span(claim.source, n.start, n.end, n.text)
