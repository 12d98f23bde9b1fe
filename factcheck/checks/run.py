"""Running the checks: every enabled check over a story's groups, one finding per root cause, the most serious
first, and the groups' status updated where a conflict was found."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from factcheck.checks.base import REGISTRY, CheckContext
from factcheck.checks.rank import rank_findings
from factcheck.config import Config
from factcheck.models import Article, Claim, ClaimGroup, Evidence, Finding, FindingKind, GroupStatus, Lineage

_DIVERGENT = {FindingKind.QUOTE_DIVERGENCE, FindingKind.NUMBER_CONFLICT, FindingKind.DATE_CONFLICT,
              FindingKind.ENTITY_CONFLICT, FindingKind.ATTRIBUTION_CONFLICT, FindingKind.CONTRADICTION,
              FindingKind.INTERNAL_CONFLICT}


def run_checks(
    claims: Sequence[Claim], groups: Sequence[ClaimGroup], articles: Sequence[Article], config: Config,
    vectors: np.ndarray | None = None, lineage: Lineage | None = None,
) -> tuple[list[Finding], list[ClaimGroup]]:
    """Findings of every enabled check, and the groups with their status updated (``divergent`` where a conflict
    was found)."""
    ctx = CheckContext(
        claims={c.id: c for c in claims}, groups=groups, sources=[a.id for a in articles],
        articles={a.id: a for a in articles}, config=config, vectors=vectors,
        row={c.id: i for i, c in enumerate(claims)}, lineage=lineage,
    )
    findings: dict[str, Finding] = {}
    for kind in config.checks:
        check = REGISTRY[kind]
        for finding in check.run(ctx):
            findings.setdefault(finding.id, finding)
    ordered = rank_findings(_one_root_cause(list(findings.values())), config)
    divergent = {f.group for f in ordered if f.kind in _DIVERGENT and f.group}
    new_groups = [replace(g, status=GroupStatus.DIVERGENT) if g.id in divergent else g for g in groups]
    return ordered, new_groups


def _one_root_cause(findings: list[Finding]) -> list[Finding]:
    """One change, one finding: a quotation given to another person, or an act to another actor, is reported once,
    as who said or did it. Dropped: a person conflict whose every cited name is the speaker of an attribution
    conflict (or, in a source that conflict did not pair, the same name as one) or stands inside the claim of an
    actor conflict of the same source; a name "left out" that is the other source's speaker of the same words; a
    quotation "only one source has" that a quote divergence compares with its rendering elsewhere."""
    speakers: dict[str, list[tuple[int, int]]] = {}
    actors: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.kind == FindingKind.ATTRIBUTION_CONFLICT:
            for ev in f.evidence:
                if ev.role in ("speaker", "actor"):
                    (speakers if ev.role == "speaker" else actors).setdefault(ev.source, []).append(
                        (ev.start, ev.end))

    def spoken(ev: Evidence) -> bool:
        return any(s < ev.end and ev.start < e for s, e in speakers.get(ev.source, ()))

    def acting(ev: Evidence) -> bool:
        return any(s <= ev.start and ev.end <= e for s, e in actors.get(ev.source, ()))

    def same_root(f: Finding) -> bool:
        if f.kind == FindingKind.DETAIL_DROPPED:
            details = [ev for ev in f.evidence if ev.role == "detail"]
            named = {" ".join(ev.text.split()).lower() for ev in details if spoken(ev)}
            return bool(named) and all(spoken(ev) or " ".join(ev.text.split()).lower() in named for ev in details)
        if f.kind != FindingKind.ENTITY_CONFLICT or not f.evidence:
            return False
        def covered(ev: Evidence) -> bool:
            return spoken(ev) or acting(ev)

        said = {" ".join(ev.text.split()).lower() for ev in f.evidence if covered(ev)}
        return bool(said) and all(ev.role == "person" and (covered(ev) or " ".join(ev.text.split()).lower() in said)
                                  for ev in f.evidence)

    # A quotation compared with its rendering in another source is not unique to its source.
    compared: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.kind == FindingKind.QUOTE_DIVERGENCE:
            for ev in f.evidence:
                compared.setdefault(ev.source, []).append((ev.start, ev.end))

    def rendered_elsewhere(f: Finding) -> bool:
        return (f.kind == FindingKind.UNIQUE_CLAIM and len(f.evidence) == 1
                and any(s <= f.evidence[0].start and f.evidence[0].end <= e
                        for s, e in compared.get(f.evidence[0].source, ())))

    return [f for f in findings if not same_root(f) and not rendered_elsewhere(f)]
