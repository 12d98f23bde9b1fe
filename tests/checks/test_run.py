"""Running the checks (factcheck/checks/run.py): every enabled check once, findings ranked and deduplicated, the
groups they cite marked divergent, one finding per root cause."""

from __future__ import annotations

from dataclasses import replace

from factcheck.checks.run import run_checks
from factcheck.models import FindingKind, GroupStatus
from tests.checks.story import context

A = "The police said 12 people were hurt in the blast in Athens on Tuesday."
B = "The police said 15 people were hurt in the blast in Athens on Tuesday."
QUOTE = '"We cannot keep pouring money into the water without a clear plan," {} said on Monday.'


def _run(ctx, config=None):  # type: ignore[no-untyped-def]
    config = config or ctx.config
    return run_checks(list(ctx.claims.values()), ctx.groups, list(ctx.articles.values()), config, ctx.vectors,
                      ctx.lineage)


def test_a_conflict_marks_its_group_divergent_and_is_ranked() -> None:
    ctx = context(A, B)
    findings, groups = _run(ctx)
    kinds = [f.kind for f in findings]
    assert FindingKind.NUMBER_CONFLICT in kinds
    assert [f.rank for f in findings] == list(range(1, len(findings) + 1))
    assert len({f.id for f in findings}) == len(findings)
    cited = {f.group for f in findings if f.kind == FindingKind.NUMBER_CONFLICT}
    assert all(g.status == GroupStatus.DIVERGENT for g in groups if g.id in cited)


def test_agreement_stays_agreement() -> None:
    ctx = context(A, A)
    findings, groups = _run(ctx)
    assert findings == [] and all(g.status != GroupStatus.DIVERGENT for g in groups)


def test_only_the_enabled_checks_run() -> None:
    ctx = context(A, B)
    config = replace(ctx.config, checks=("date_conflict",))
    findings, _ = _run(ctx, config)
    assert findings == []


def test_a_quotation_given_to_another_speaker_is_reported_once_as_who_said_it() -> None:
    ctx = context(QUOTE.format("Ravi Osei"), QUOTE.format("Lena Hartwig"))
    findings, _ = _run(ctx)
    kinds = [f.kind for f in findings]
    assert FindingKind.ATTRIBUTION_CONFLICT in kinds
    assert FindingKind.ENTITY_CONFLICT not in kinds  # the names are the speakers: not a person conflict as well
