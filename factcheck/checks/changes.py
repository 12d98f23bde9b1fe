"""What each source changed against the version it follows: the story's findings, put in its lineage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from factcheck.models import Finding, FindingKind, Lineage

#: Finding kinds that say what a source changed against the version it follows.
_CHANGE_KINDS = frozenset(FindingKind) - {FindingKind.INTERNAL_CONFLICT}


def with_changes(lineage: Lineage, findings: Sequence[Finding]) -> Lineage:
    """The lineage with each following source's changes: the findings between it and the version it follows
    (conflicts citing both, claims it drops from that version, claims and details it alone adds or leaves out)."""
    entries = []
    for entry in lineage.sources:
        p = entry.follows
        if p is None:
            entries.append(entry)
            continue
        ids = []
        for f in findings:
            if f.kind not in _CHANGE_KINDS or entry.source not in f.sources + f.missing:
                continue
            if f.kind == FindingKind.UNIQUE_CLAIM or p in f.sources:
                ids.append(f.id)
        entries.append(replace(entry, changes=tuple(ids)))
    return replace(lineage, sources=tuple(entries))
