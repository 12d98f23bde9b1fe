"""omission: a claim is missing from a source: one the version it follows carries (when the lineage names one),
else one that most of the other sources carry.

Example: four of five outlets report that Rubio did not take part in the Moscow meeting; the fifth never says so.
A version the others were rewritten from never "omits" what only its rewrites carry: that is added by them.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register, short
from factcheck.checks.weight import claim_weight
from factcheck.lineage import carries_fact
from factcheck.models import Claim, ClaimGroup, ClaimType, Finding, FindingKind


def _missing(ctx: CheckContext, group: ClaimGroup) -> tuple[list[str], list[str]]:
    """The sources that omit the group's claim, and those among them that omit it against the version they follow."""
    n = len(ctx.sources)
    carriers = set(group.sources)
    lineage = ctx.lineage
    missing: list[str] = []
    against: list[str] = []
    for s in ctx.sources:
        if s in carriers:
            continue
        parent = lineage.follows(s) if lineage is not None else None
        if parent is not None:
            if parent in carriers:
                missing.append(s)
                against.append(s)
            continue
        # Most of the *other* sources carry it: for a missing source there are n - 1 others, len(carriers) of them.
        if n < 3 or len(carriers) < 2 or len(carriers) / (n - 1) <= ctx.config.omission_share:
            continue
        if lineage is not None and all(lineage.descends(c, s) for c in carriers):
            continue  # only versions rewritten from ``s`` carry it: they added it
        missing.append(s)
    return missing, against


@register(FindingKind.OMISSION)
def check_omission(ctx: CheckContext) -> list[Finding]:
    """A claim is missing from a source: one the version it follows carries, else one most other sources carry."""
    findings: list[Finding] = []
    n = len(ctx.sources)
    if n < 2:
        return findings
    dropped: dict[str, list[Claim]] = {}  # per source: the claims of the version it follows that it leaves out
    for group in ctx.groups:
        missing, against = _missing(ctx, group)
        for s in against:
            parent = ctx.lineage.follows(s) if ctx.lineage else None
            dropped.setdefault(s, []).append(next(c for c in ctx.members(group) if c.source == parent))
        missing = [s for s in missing if s not in against]
        if not missing:
            continue
        members = ctx.members(group)
        first_by_source: dict[str, Claim] = {}
        for c in members:
            first_by_source.setdefault(c.source, c)
        evidence = [evidence_of(c) for c in first_by_source.values()]
        weight = max(claim_weight(c) for c in members)
        message = (f"{', '.join(missing)} {'omits' if len(missing) == 1 else 'omit'} a claim that "
                   f"{len(group.sources)} of {n} sources carry: “{short(members[0].text, 80)}”")
        findings.append(make_finding(ctx, FindingKind.OMISSION, group, evidence, message,
                                     score=weight + len(group.sources) / n, extra_id="missing:" + ",".join(missing),
                                     missing=missing, nature="omitted_fact" if weight > 0 else "omitted_colour"))
    for s in sorted(dropped):
        findings += _against_parent(ctx, s, dropped[s])
    return findings


def _against_parent(ctx: CheckContext, source: str, claims: list[Claim]) -> list[Finding]:
    """What a source leaves out of the version it follows, as two lines: the claims that carry a fact (quotations,
    numbers, dates, names, places) and the rest; each lists every claim behind it."""
    parent = ctx.lineage.follows(source) if ctx.lineage else None
    out = []
    facts = [c for c in claims if carries_fact(c)]
    plain = [c for c in claims if not carries_fact(c)]
    for part, nature in ((facts, "omitted_fact"), (plain, "omitted_colour")):
        if not part:
            continue
        quotes = sum(1 for c in part if c.type == ClaimType.QUOTE)
        what = (f"{len(part)} claim{'s' if len(part) != 1 else ''}"
                + (f" ({quotes} quotation{'s' if quotes != 1 else ''})" if quotes else "")
                + (" that carry a fact" if nature == "omitted_fact" else " of context or colour"))
        message = (f"{source} leaves out {what} of {parent}, the version it follows: "
                   f"“{short(part[0].text, 70)}”" + (" …" if len(part) > 1 else ""))
        out.append(make_finding(ctx, FindingKind.OMISSION, None, [evidence_of(c) for c in part], message,
                                [("claims", str(len(part)))], score=max(claim_weight(c) for c in part) + len(part) / 10,
                                extra_id=f"against:{source}:{nature}", missing=[source], nature=nature))
    return out
