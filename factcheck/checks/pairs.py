"""Pairs of aligned claims from different sources, the unit most conflict checks compare."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.checks.base import CheckContext
from factcheck.models import Claim, ClaimGroup

# In a group larger than this, each claim is compared with this many reference claims of the group rather than
# with every other claim, so the work grows linearly with the group (a story told by hundreds of sources).
REFERENCES = 16


def cross_pairs(ctx: CheckContext, quotes: bool = False) -> Iterator[tuple[ClaimGroup, Claim, Claim]]:
    """Pairs of claims of one group from two different sources (quotations only when ``quotes``).

    Small groups give every pair; large ones pair every claim with the group's first ``REFERENCES`` claims (in
    source order), which still reports any claim that differs from the others.
    """
    for group in ctx.groups:
        if len(group.sources) < 2:
            continue
        members = [c for c in ctx.members(group) if (c.type.value == "quote") == quotes]
        if len(members) <= REFERENCES:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a.source != b.source:
                        yield group, a, b
            continue
        refs = members[:REFERENCES]
        for i, a in enumerate(refs):
            for b in refs[i + 1:]:
                if a.source != b.source:
                    yield group, a, b
        for b in members[REFERENCES:]:
            for a in refs:
                if a.source != b.source:
                    yield group, a, b
