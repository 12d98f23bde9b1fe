"""Figures every human-facing renderer shows, computed once from the report (no analysis is redone here)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.models import Report


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
    from factcheck.frames import scorecard_frame

    frame = scorecard_frame(report)
    titles = {s.id: s.title for s in report.sources}
    return [SourceScore(sid, titles[sid], int(row["claims"]), float(row["corroborated"]), int(row["unique"]),
                        int(row["altered_quotes"]), int(row["omissions"])) for sid, row in frame.iterrows()]


def matrix_groups(report: Report, limit: int = 60):
    """Groups carried by two or more sources, most widely carried first (for the coverage matrix)."""
    shared = [g for g in report.groups if len(g.sources) >= 2]
    shared.sort(key=lambda g: (-len(g.sources), int(g.id[1:])))
    return shared[:limit], max(0, len(shared) - limit)


def first_text(report: Report, group) -> str:
    claims = {c.id: c for c in report.claims}
    return claims[group.claims[0]].text
