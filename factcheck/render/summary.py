"""Figures every human-facing renderer shows, computed once from the report (no analysis is redone here)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.models import ClaimGroup, Finding, FindingKind, Report


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
    """Per source: claims, share corroborated by another source, unique claims, altered quotes, omissions (the
    figures of :func:`factcheck.frames.scorecard_frame`, counted without pandas, whose import alone is most of a
    warm run)."""
    sources_of = {cid: len(g.sources) for g in report.groups for cid in g.claims}
    claims: dict[str, int] = {}
    shared: dict[str, int] = {}
    for c in report.claims:
        claims[c.source] = claims.get(c.source, 0) + 1
        if sources_of.get(c.id, 1) >= 2:
            shared[c.source] = shared.get(c.source, 0) + 1
    named = [f for f in report.findings if f.sources]  # a finding is counted for the sources it names

    lineage = report.lineage

    def count(kind: FindingKind, sid: str) -> int:
        # A difference counts against the sources that made it, not the version the others follow.
        return len({f.id for f in named if f.kind == kind and sid in f.sources
                    and (lineage is None or lineage.made_by(f.sources, sid))})

    omissions = list({f.id: f for f in reversed(named) if f.kind == FindingKind.OMISSION}.values())
    missing = [f.missing for f in omissions]
    out = []
    for src in report.sources:
        sid, n = src.id, claims.get(src.id, 0)
        out.append(SourceScore(sid, src.title, n, shared.get(sid, 0) / (n if n > 0 else 1),
                               count(FindingKind.UNIQUE_CLAIM, sid), count(FindingKind.QUOTE_DIVERGENCE, sid),
                               sum(sid in m for m in missing)))
    return out


def matrix_groups(report: Report, limit: int = 60):
    """Groups carried by two or more sources, most widely carried first (for the coverage matrix)."""
    shared = [g for g in report.groups if len(g.sources) >= 2]
    shared.sort(key=lambda g: (-len(g.sources), int(g.id[1:])))
    return shared[:limit], max(0, len(shared) - limit)


def first_text(report: Report, group) -> str:
    claims = {c.id: c for c in report.claims}
    return claims[group.claims[0]].text


def most_serious(report: Report, limit: int = 8) -> list[Finding]:
    """The findings an editor should read first: the top of the ranking by meaning (errors and warnings)."""
    return [f for f in sorted(report.findings, key=lambda f: f.rank or 10**9) if f.severity.value != "info"][:limit]


def lineage_lines(report: Report) -> list[str]:
    """The lineage in plain sentences: the fullest version, who follows whom with the evidence, the families."""
    lineage = report.lineage
    if lineage is None or len(report.sources) < 2:
        return []
    name = {s.id: s.name or s.id for s in report.sources}
    if lineage.independent:
        return ["No version follows another: this reads as independent reporting of one event, so each source is "
                "expected to tell it its own way (claims only one source makes are listed once per source)."]
    out = []
    if lineage.fullest:
        out.append(f"Fullest version: {name[lineage.fullest]} (it holds the most of what the others say).")
    for entry in lineage.sources:
        if entry.follows is None:
            continue
        out.append(f"{name[entry.source]} follows {name[entry.follows]}: {entry.carried_share:.0%} of its claims are "
                   f"there ({entry.shared_readings} worded alike); {len(entry.changes)} changes against it.")
    for family in lineage.families:
        out.append("Family: " + ", ".join(name[s] for s in family) + " share readings against the rest "
                   "(a common version that need not be in the batch).")
    return out


# Kinds that say a source carries a claim differently (not that it lacks one or alone has it).
_NOT_DIVERGING = {FindingKind.OMISSION, FindingKind.UNIQUE_CLAIM}


def diverging_sources(report: Report, group: ClaimGroup) -> set[str]:
    """The sources of ``group`` named by a finding on it that says they word or state it differently: the
    cells a coverage view colours (the other sources carry the claim as it stands)."""
    out: set[str] = set()
    for f in report.findings:
        if f.group == group.id and f.kind not in _NOT_DIVERGING:
            out.update(s for s in f.sources if s in group.sources)
    return out


def short_text(text: str, limit: int = 48) -> str:
    """A claim's words cut at a word boundary to about ``limit`` characters, for row labels."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit]).rstrip(",;:") + "…"


_MORE = re.compile(r" \(\+(\d+) more\)$")


def names_of(report: Report) -> dict[str, str]:
    """Each source's display name (its id when it has none)."""
    return {s.id: s.name or s.id for s in report.sources}


def named(report: Report | None, text: str) -> str:
    """``text`` with every source id in it shown by the source's display name."""
    if report is None:
        return text
    for sid, name in sorted(names_of(report).items(), key=lambda kv: -len(kv[0])):
        if name != sid:
            text = text.replace(sid, name)
    return text


def finding_message(f: Finding, report: Report | None = None) -> str:
    """The finding's message, sources shown by name, with its trailing count saying what it counts (a
    quotation's other changes)."""
    m = _MORE.search(f.message)
    if m is None:
        return named(report, f.message)
    n = int(m.group(1))
    what = "change" if f.kind == FindingKind.QUOTE_DIVERGENCE else "difference"
    where = " in this quotation" if f.kind == FindingKind.QUOTE_DIVERGENCE else ""
    return named(report, f.message[:m.start()] + f" (and {n} more {what}{'s' if n != 1 else ''}{where}, listed below)")
