"""What every check shares: the context it reads, the registry it joins, and how findings are built."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.config import Config
from factcheck.models import (
    Article,
    Claim,
    ClaimGroup,
    Evidence,
    Finding,
    FindingKind,
    Lineage,
    Severity,
    Span,
    WordDiff,
)
from factcheck.rules import RULES
from factcheck.tokenize import normalise_words


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read; checks never change it."""

    claims: dict[str, Claim]
    groups: Sequence[ClaimGroup]
    sources: Sequence[str]
    articles: dict[str, Article]
    config: Config
    vectors: np.ndarray | None = None
    row: dict[str, int] | None = None
    lineage: Lineage | None = None

    def members(self, group: ClaimGroup) -> list[Claim]:
        return [self.claims[cid] for cid in group.claims]

    def source_claims(self, source: str) -> list[Claim]:
        index = self.__dict__.get("_by_source")
        if index is None:
            index = {}
            for c in self.claims.values():
                index.setdefault(c.source, []).append(c)
            object.__setattr__(self, "_by_source", index)
        return index.get(source, [])

    def group_of(self, claim_id: str) -> ClaimGroup | None:
        index = self.__dict__.get("_group_of")
        if index is None:
            index = {cid: g for g in self.groups for cid in g.claims}
            object.__setattr__(self, "_group_of", index)
        return index.get(claim_id)

    def sim(self, a: Claim, b: Claim) -> float:
        if self.vectors is None or self.row is None:
            return 0.0
        return float(np.dot(self.vectors[self.row[a.id]], self.vectors[self.row[b.id]]))


@dataclass(frozen=True)
class Check:
    """A registered check: a stable code, the finding kind it reports, and the function that finds them."""

    code: str
    kind: FindingKind
    run: Callable[[CheckContext], list[Finding]]
    description: str


REGISTRY: dict[str, Check] = {}


def register(kind: FindingKind) -> Callable[[Callable[[CheckContext], list[Finding]]], Callable]:
    """Register a check function for a finding kind, under the kind's stable code in the rules table."""

    def wrap(func: Callable[[CheckContext], list[Finding]]) -> Callable[[CheckContext], list[Finding]]:
        rule = RULES[kind]
        REGISTRY[kind.value] = Check(rule.code, kind, func, rule.description)
        return func

    return wrap


def finding_id(kind: FindingKind, evidence: Iterable[Evidence], extra: str = "") -> str:
    """Stable id: the kind and the normalised words of the evidence, never offsets or run order."""
    words = sorted(normalise_words(e.text) for e in evidence)
    digest = hashlib.sha1("\n".join([kind.value, extra, *words]).encode("utf-8")).hexdigest()
    return f"{kind.value[:2]}-{digest[:12]}"


def evidence_of(claim: Claim, span: Span | None = None, role: str = "") -> Evidence:
    span = span or claim.span
    return Evidence(claim.source, claim.id, span.text, span.start, span.end, role)


def make_finding(
    ctx: CheckContext, kind: FindingKind, group: ClaimGroup | None, evidence: Sequence[Evidence], message: str,
    details: Sequence[tuple[str, str]] = (), score: float = 0.0, extra_id: str = "",
    diffs: Sequence[WordDiff] = (), severity: Severity | None = None, missing: Sequence[str] = (),
    nature: str = "", slot: str = "",
) -> Finding:
    evidence = tuple(sorted(evidence, key=lambda e: (e.source, e.start, e.end)))
    sources = tuple(sorted({e.source for e in evidence}))
    return Finding(
        id=finding_id(kind, evidence, extra_id), kind=kind, severity=severity or ctx.config.severity(kind),
        group=group.id if group else None, sources=sources, message=message, evidence=evidence,
        details=tuple(details), score=round(score, 4), diffs=tuple(diffs), missing=tuple(sorted(missing)),
        nature=nature, slot=slot,
    )


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
