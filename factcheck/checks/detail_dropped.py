"""detail_dropped: a number, date, place, name or role that one claim carries and its aligned counterpart leaves out.

Example: "presented Putin with four documents" against "presented Putin with documents" (the count is dropped);
"invited Umerov to Miami on Thursday" against "invited Umerov to Miami" (the day). A detail the shorter version
states elsewhere in its article is not dropped. A warning for a title or a number, a note otherwise.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, register
from factcheck.checks.typed import dropped_findings
from factcheck.models import Finding, FindingKind


@register(FindingKind.DETAIL_DROPPED)
def check_detail_dropped(ctx: CheckContext) -> list[Finding]:
    """A number, date, place, name or role that one claim carries and its aligned counterpart leaves out."""
    return dropped_findings(ctx)
