"""Pairs of aligned claims from different sources, the unit most conflict checks compare."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.base import CheckContext
from factcheck.models import Claim, ClaimGroup


def cross_pairs(ctx: CheckContext, quotes: bool = False) -> Iterator[tuple[ClaimGroup, Claim, Claim]]:
    """Every pair of claims of one group from two different sources (quotations only when ``quotes``)."""
    for group in ctx.groups:
        if len(group.sources) < 2:
            continue
        members = [c for c in ctx.members(group) if (c.type.value == "quote") == quotes]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.source != b.source:
                    yield group, a, b
