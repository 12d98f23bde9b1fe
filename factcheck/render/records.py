"""The report as plain records: the JSON contract (``factcheck.report/1``) that every format is built from."""

from __future__ import annotations

from typing import Any

from factcheck.models import Lineage, Report

SCHEMA = "factcheck.report/1"


def as_records(report: Report) -> dict[str, Any]:
    """The report as the JSON-ready dict of ``docs/report-contract.md``."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "factcheck", "version": report.tool_version, "model": report.model},
        "sources": [
            {"id": s.id, "name": s.name or s.id, "path": s.path, "title": s.title,
             "published": s.published.isoformat() if s.published else None,
             "sentences": s.sentences, "claims": s.claims, "warnings": list(s.warnings)}
            for s in report.sources
        ],
        "claims": [
            {"id": c.id, "source": c.source, "text": c.span.text, "start": c.span.start, "end": c.span.end,
             "type": c.type.value, "quote": c.quote, "speaker": c.speaker,
             **({"speaker_kind": c.speaker_kind, "speaker_reason": c.speaker_reason,
                 "speaker_start": c.speaker_span.start if c.speaker_span else None,
                 "speaker_end": c.speaker_span.end if c.speaker_span else None}
                if c.type.value == "quote" else {}),
             "numbers": [{"text": n.text, "start": n.start, "end": n.end, "low": n.low, "high": n.high,
                          "unit": n.unit, "approx": n.approx} for n in c.numbers],
             "dates": [{"text": d.text, "start": d.start, "end": d.end,
                        "date": d.date.isoformat() if d.date else None, "granularity": d.granularity}
                       for d in c.dates],
             "entities": [{"text": e.text, "start": e.start, "end": e.end, "label": e.label,
                           "canonical": e.canonical, "role": e.role} for e in c.entities]}
            for c in report.claims
        ],
        "groups": [
            {"id": g.id, "claims": list(g.claims), "sources": list(g.sources), "status": g.status.value,
             "score": g.score}
            for g in report.groups
        ],
        "findings": [
            {"id": f.id, "kind": f.kind.value, "rank": f.rank, "nature": f.nature, "severity": f.severity.value,
             "group": f.group, "sources": list(f.sources), "missing": list(f.missing), "slot": f.slot,
             "message": f.message,
             "evidence": [{"source": e.source, "claim": e.claim, "text": e.text, "start": e.start, "end": e.end,
                           "role": e.role} for e in f.evidence],
             "details": [{"key": k, "value": v} for k, v in f.details], "score": f.score,
             "diff": [{"source_a": d.source_a, "source_b": d.source_b,
                       "ops": [{"op": o.op, "a": o.a, "b": o.b} for o in d.ops]} for d in f.diffs]}
            for f in report.findings
        ],
        "summary": {
            "sources": len(report.sources), "claims": len(report.claims), "groups": len(report.groups),
            "corroborated_groups": sum(1 for g in report.groups if len(g.sources) >= 2),
            "findings": report.findings_by_kind(),
            "severities": {sev: sum(1 for f in report.findings if f.severity.value == sev)
                           for sev in ("error", "warning", "info")},
        },
        "lineage": lineage_record(report.lineage),
        "notes": list(report.notes),
    }


def lineage_record(lineage: Lineage | None) -> dict[str, Any] | None:
    """The lineage as the contract's ``lineage`` object (None for a report without one)."""
    if lineage is None:
        return None
    return {
        "fullest": lineage.fullest, "independent": lineage.independent,
        "families": [list(f) for f in lineage.families],
        "sources": {s.source: {"follows": s.follows, "shared_readings": s.shared_readings,
                               "carried_share": s.carried_share, "verbatim_share": s.verbatim_share,
                               "changes": list(s.changes)} for s in lineage.sources},
    }
