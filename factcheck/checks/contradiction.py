"""contradiction: aligned claims assert opposite things, by a negation or an opposite word.

Example: "neither side announced progress" and "both sides announced progress"; "Ukraine refused to cede territory"
and "Ukraine agreed to cede territory". The same fact in other words stays silent.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, register
from factcheck.checks.typed import conflict_findings
from factcheck.models import Finding, FindingKind


@register(FindingKind.CONTRADICTION)
def check_contradiction(ctx: CheckContext) -> list[Finding]:
    """Aligned claims assert opposite things (a negation or an opposite verb)."""
    return conflict_findings(ctx, FindingKind.CONTRADICTION)
