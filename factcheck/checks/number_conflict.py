"""number_conflict: aligned claims state different quantities of the same thing.

Example: "about 30 to 50 kilometers" and "30-to-50 kilometer" agree; "20% of the region" and "25% of the region"
conflict; "10" and "ten" agree. The word diff finds the differing stretch; this check reports the stretches typed as
a number (with its unit: pounds of weight are not pounds sterling).
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, register
from factcheck.checks.typed import conflict_findings
from factcheck.models import Finding, FindingKind


@register(FindingKind.NUMBER_CONFLICT)
def check_number_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims state different quantities (counts, percentages, distances, money, durations)."""
    return conflict_findings(ctx, FindingKind.NUMBER_CONFLICT)
