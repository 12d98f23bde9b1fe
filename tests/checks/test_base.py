"""The checks' shared parts (factcheck/checks/base.py): stable finding ids, evidence, the registry, short text."""

from __future__ import annotations

import pytest

from factcheck.checks import REGISTRY
from factcheck.checks.base import evidence_of, finding_id, make_finding, short
from factcheck.models import Evidence, FindingKind, Severity
from factcheck.rules import RULES
from tests.checks.story import context


def _ev(source: str, text: str, start: int) -> Evidence:
    return Evidence(source, f"{source}-1", text, start, start + len(text))


def test_finding_id_ignores_offsets_order_and_punctuation() -> None:
    one = finding_id(FindingKind.NUMBER_CONFLICT, [_ev("a", "12 people", 0), _ev("b", "15 people", 40)])
    moved = finding_id(FindingKind.NUMBER_CONFLICT, [_ev("b", "15 people!", 3), _ev("a", "12  People", 90)])
    assert one == moved and one.startswith("nu-")


@pytest.mark.parametrize("kind, texts, extra", [
    (FindingKind.DATE_CONFLICT, ("12 people", "15 people"), ""),  # another kind
    (FindingKind.NUMBER_CONFLICT, ("12 people", "16 people"), ""),  # other words
    (FindingKind.NUMBER_CONFLICT, ("12 people", "15 people"), "slot"),  # an extra key
])
def test_finding_id_changes_with_kind_words_and_extra(kind: FindingKind, texts: tuple[str, str], extra: str) -> None:
    base = finding_id(FindingKind.NUMBER_CONFLICT, [_ev("a", "12 people", 0), _ev("b", "15 people", 0)])
    assert finding_id(kind, [_ev("a", texts[0], 0), _ev("b", texts[1], 0)], extra) != base


@pytest.mark.parametrize("text, limit, expected", [
    ("short   text", 90, "short text"),
    ("a" * 100, 10, "a" * 9 + "…"),
    ("", 5, ""),
])
def test_short(text: str, limit: int, expected: str) -> None:
    assert short(text, limit) == expected


def test_every_rule_is_registered_under_its_code() -> None:
    assert set(REGISTRY) == {k.value for k in RULES}
    for kind, check in REGISTRY.items():
        assert check.code == RULES[FindingKind(kind)].code and check.kind.value == kind


def test_make_finding_sorts_evidence_and_takes_the_configured_severity() -> None:
    ctx = context("The police said 12 people were hurt.", "The police said 15 people were hurt.")
    a, b = (ctx.source_claims(s)[0] for s in ("a", "b"))
    f = make_finding(ctx, FindingKind.NUMBER_CONFLICT, None, [evidence_of(b), evidence_of(a)], "m", score=0.123456)
    assert [e.source for e in f.evidence] == ["a", "b"] and f.sources == ("a", "b")
    assert f.severity == ctx.config.severity(FindingKind.NUMBER_CONFLICT) and f.score == 0.1235
    assert make_finding(ctx, FindingKind.NUMBER_CONFLICT, None, [evidence_of(a)], "m",
                        severity=Severity.INFO).severity == Severity.INFO
    assert evidence_of(a).text == a.span.text and evidence_of(a, role="quote").role == "quote"
