"""How much a claim matters to a reader, for ranking omissions and unique claims."""

from __future__ import annotations

from factcheck.models import Claim, ClaimType


def claim_weight(claim: Claim) -> float:
    """Quotes, then numbers, names and dates; plain commentary last."""
    weight = 0.0
    if claim.type == ClaimType.QUOTE:
        weight += 4.0 + min(len((claim.quote or "").split()), 30) / 30
    if claim.numbers:
        weight += 2.0
    people = {e.canonical for e in claim.entities if e.label == "person"}
    others = {e.canonical for e in claim.entities if e.label in ("org", "place")}
    weight += min(len(people), 3) * 0.8 + min(len(others), 3) * 0.4
    if any(d.granularity == "day" for d in claim.dates):
        weight += 1.0
    if claim.type == ClaimType.CAPTION:
        weight -= 1.0
    return round(weight, 4)


def weight_reason(claim: Claim) -> str:
    parts = []
    if claim.type == ClaimType.QUOTE:
        parts.append("a quotation")
    if claim.numbers:
        parts.append("numbers: " + ", ".join(n.text for n in claim.numbers))
    people = sorted({e.canonical for e in claim.entities if e.label == "person"})
    if people:
        parts.append("people: " + ", ".join(people))
    if claim.dates:
        parts.append("dates: " + ", ".join(d.text for d in claim.dates))
    return "; ".join(parts)
