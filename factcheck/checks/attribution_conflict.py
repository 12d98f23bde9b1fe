"""attribution_conflict: the same words or the same act given to a different speaker or actor.

Example: one source has Rubio say "some progress" had been made, another puts the same words in Witkoff's mouth.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.extract.entities import surname
from factcheck.models import Finding, FindingKind


@register("FC105", FindingKind.ATTRIBUTION_CONFLICT)
def check_attribution_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims give the same words or act to a different speaker or actor."""
    findings: list[Finding] = []
    seen: set[tuple[str, str, str]] = set()
    for group, a, b in cross_pairs(ctx, quotes=True):
        if not a.speaker or not b.speaker or surname(a.speaker) == surname(b.speaker):
            continue
        key = (group.id, *sorted((a.speaker, b.speaker)))
        if key in seen:
            continue
        seen.add(key)
        ev = [evidence_of(a, a.speaker_span or a.quote_span, "speaker"), evidence_of(b, b.speaker_span or b.quote_span,
                                                                                  "speaker"),
              evidence_of(a, a.quote_span, "quote"), evidence_of(b, b.quote_span, "quote")]
        message = f"The same words are given to {a.speaker} in {a.source} and to {b.speaker} in {b.source}"
        findings.append(make_finding(ctx, FindingKind.ATTRIBUTION_CONFLICT, group, ev, message, score=9))
    return findings
