"""internal_conflict: one source disagrees with itself, a caption against the body or a lead against a later
paragraph; reported once for that source, never as a disagreement between sources.

Example: a caption calls Umerov "Ukraine's Homeland Security secretary" while the article's text calls him
"National Security and Defense Council Secretary".
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, register
from factcheck.checks.typed import internal_findings
from factcheck.models import Finding, FindingKind


@register(FindingKind.INTERNAL_CONFLICT)
def check_internal_conflict(ctx: CheckContext) -> list[Finding]:
    """One source disagrees with itself (a caption against the body, a lead against a later paragraph)."""
    from factcheck.checks.entity_conflict import internal_role_findings

    return internal_findings(ctx) + internal_role_findings(ctx)
