"""The report as pandas DataFrames, for researchers who want to slice an audit (and for the scorecards).

>>> frames.claims_frame(report).groupby("source").size()  # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from factcheck.models import FindingKind, Report


def claims_frame(report: Report) -> pd.DataFrame:
    """One row per claim: source, type, speaker, text, span, and the group it belongs to."""
    group_of = {cid: g for g in report.groups for cid in g.claims}
    rows = [
        {"id": c.id, "source": c.source, "type": c.type.value, "speaker": c.speaker, "text": c.text,
         "start": c.span.start, "end": c.span.end, "group": group_of[c.id].id if c.id in group_of else None,
         "group_sources": len(group_of[c.id].sources) if c.id in group_of else 1}
        for c in report.claims
    ]
    return pd.DataFrame(rows, columns=["id", "source", "type", "speaker", "text", "start", "end", "group",
                                       "group_sources"])


def findings_frame(report: Report) -> pd.DataFrame:
    """One row per finding and source it names."""
    rows = []
    for f in report.findings:
        missing = ", ".join(f.missing)
        for source in f.sources:
            made = report.lineage is None or report.lineage.made_by(f.sources, source)
            rows.append({"id": f.id, "kind": f.kind.value, "severity": f.severity.value, "group": f.group,
                         "source": source, "message": f.message, "missing": missing, "made": made})
    return pd.DataFrame(rows, columns=["id", "kind", "severity", "group", "source", "message", "missing", "made"])


def coverage_frame(report: Report) -> pd.DataFrame:
    """Claim groups by source: True where the source carries the group."""
    ids = [s.id for s in report.sources]
    data = {g.id: [sid in g.sources for sid in ids] for g in report.groups}
    return pd.DataFrame.from_dict(data, orient="index", columns=ids)


def scorecard_frame(report: Report) -> pd.DataFrame:
    """Per source: claims, share corroborated by another source, unique claims, altered quotes, omissions."""
    ids = [s.id for s in report.sources]
    claims = claims_frame(report)
    findings = findings_frame(report)
    per = pd.DataFrame(index=pd.Index(ids, name="source"))
    per["claims"] = claims.groupby("source").size().reindex(ids, fill_value=0)
    corroborated = claims[claims["group_sources"] >= 2].groupby("source").size().reindex(ids, fill_value=0)
    per["corroborated"] = (corroborated / per["claims"].where(per["claims"] > 0, 1)).astype(float)

    unique = findings[(findings["kind"] == FindingKind.UNIQUE_CLAIM.value)]
    per["unique"] = unique.groupby("source")["id"].nunique().reindex(ids, fill_value=0)
    altered = findings[(findings["kind"] == FindingKind.QUOTE_DIVERGENCE.value) & findings["made"].astype(bool)]
    per["altered_quotes"] = altered.groupby("source")["id"].nunique().reindex(ids, fill_value=0)
    omissions = findings[findings["kind"] == FindingKind.OMISSION.value].drop_duplicates("id")
    per["omissions"] = [int(sum(sid in str(m).split(", ") for m in omissions["missing"])) for sid in ids]
    return per
