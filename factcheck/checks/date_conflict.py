"""date_conflict: aligned claims put the same event on different dates, after resolving weekdays and relative
words against each article's date.

Example: "met on Tuesday" in an article of Wednesday 3 December 2025 is 2 December; "met on December 2" agrees,
"met on Monday" does not. Only words that differ are compared: a weekday both sources write alike is never a
conflict, even when the two articles' own dates differ.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, register
from factcheck.checks.typed import conflict_findings
from factcheck.models import Finding, FindingKind


@register(FindingKind.DATE_CONFLICT)
def check_date_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims put the same event at different dates or days."""
    return conflict_findings(ctx, FindingKind.DATE_CONFLICT)
