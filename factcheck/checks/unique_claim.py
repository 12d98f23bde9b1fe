"""unique_claim: a claim only one source makes; no other source supports it, even in other words.

Example: one outlet quotes an expert whom no other outlet mentions. Claims are ranked by what they carry:
quotations, numbers, names and dates come before colour and commentary.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register, short
from factcheck.checks.weight import claim_weight, weight_reason
from factcheck.models import ClaimType, Finding, FindingKind


@register("FC108", FindingKind.UNIQUE_CLAIM)
def check_unique_claim(ctx: CheckContext) -> list[Finding]:
    """A claim only one source makes."""
    findings: list[Finding] = []
    if len(ctx.sources) < 2:
        return findings
    for group in ctx.groups:
        if len(group.sources) != 1:
            continue
        for claim in ctx.members(group)[:1]:
            weight = claim_weight(claim)
            what = "quotation" if claim.type == ClaimType.QUOTE else (
                "caption" if claim.type == ClaimType.CAPTION else "claim")
            speaker = f" attributed to {claim.speaker}" if claim.speaker and claim.type == ClaimType.QUOTE else ""
            message = f"Only {claim.source} has this {what}{speaker}: “{short(claim.text, 90)}”"
            reason = weight_reason(claim)
            span = claim.quote_span if claim.type == ClaimType.QUOTE else None
            findings.append(make_finding(ctx, FindingKind.UNIQUE_CLAIM, group, [evidence_of(claim, span)], message,
                                         [("carries", reason)] if reason else [], score=weight))
    return findings
