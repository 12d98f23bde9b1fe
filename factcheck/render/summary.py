"""Figures every human-facing renderer shows, computed once from the report (no analysis is redone here)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import FindingKind, Report


@dataclass(frozen=True)
class SourceScore:
    id: str
    title: str | None
    claims: int
    corroborated: float
    unique: int
    altered_quotes: int
    omissions: int


def scorecard(report: Report) -> list[SourceScore]:
    """Per source: claims, share corroborated by another source, unique claims, altered quotes, omissions."""
    by_claim = {cid: g for g in report.groups for cid in g.claims}
    out = []
    for s in report.sources:
        claims = [c for c in report.claims if c.source == s.id]
        corroborated = sum(1 for c in claims if c.id in by_claim and len(by_claim[c.id].sources) >= 2)
        unique = sum(1 for f in report.findings if f.kind == FindingKind.UNIQUE_CLAIM and f.sources == (s.id,))
        altered = sum(1 for f in report.findings if f.kind == FindingKind.QUOTE_DIVERGENCE and s.id in f.sources)
        omitted = sum(1 for f in report.findings if f.kind == FindingKind.OMISSION
                      and any(k == "missing" and s.id in v.split(", ") for k, v in f.details))
        out.append(SourceScore(s.id, s.title, len(claims), corroborated / len(claims) if claims else 0.0, unique,
                               altered, omitted))
    return out


def matrix_groups(report: Report, limit: int = 60):
    """Groups carried by two or more sources, most widely carried first (for the coverage matrix)."""
    shared = [g for g in report.groups if len(g.sources) >= 2]
    shared.sort(key=lambda g: (-len(g.sources), int(g.id[1:])))
    return shared[:limit], max(0, len(shared) - limit)


def first_text(report: Report, group) -> str:
    claims = {c.id: c for c in report.claims}
    return claims[group.claims[0]].text
