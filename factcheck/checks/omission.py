"""omission: a claim that most of the other sources carry is missing from a source.

Example: four of five outlets report that Rubio did not take part in the Moscow meeting; the fifth never says so.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register, short
from factcheck.checks.weight import claim_weight
from factcheck.models import Claim, Finding, FindingKind


@register("FC107", FindingKind.OMISSION)
def check_omission(ctx: CheckContext) -> list[Finding]:
    """A claim most other sources carry is missing from a source."""
    findings: list[Finding] = []
    n = len(ctx.sources)
    if n < 3:
        return findings
    for group in ctx.groups:
        carriers = set(group.sources)
        missing = [s for s in ctx.sources if s not in carriers]
        if not missing or len(carriers) < 2:
            continue
        # Most of the *other* sources carry it: for a missing source there are n - 1 others, len(carriers) of them.
        if len(carriers) / (n - 1) <= ctx.config.omission_share:
            continue
        members = ctx.members(group)
        first_by_source: dict[str, Claim] = {}
        for c in members:
            first_by_source.setdefault(c.source, c)
        evidence = [evidence_of(c) for c in first_by_source.values()]
        example = members[0]
        weight = max(claim_weight(c) for c in members)
        message = (f"{', '.join(missing)} {'omits' if len(missing) == 1 else 'omit'} a claim that "
                   f"{len(carriers)} of {n} sources carry: “{short(example.text, 80)}”")
        findings.append(make_finding(ctx, FindingKind.OMISSION, group, evidence, message,
                                     [("missing", ", ".join(missing))], score=weight + len(carriers) / n,
                                     extra_id="missing:" + ",".join(missing)))
    return findings
