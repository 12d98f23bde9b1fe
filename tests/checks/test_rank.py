"""Severity and rank by meaning: what a difference means decides its tier, not how many words it has."""

from __future__ import annotations

import pytest

from factcheck.checks.rank import BOTTOM, MIDDLE, NATURES, TOP, nature_of, quote_nature, rank_findings, tier
from factcheck.config import Config
from factcheck.models import Finding, FindingKind, Severity, WordOp


def _op(op: str, a: str, b: str) -> WordOp:
    return WordOp(op, a, b)


@pytest.mark.parametrize("ops,nature", [
    ([_op("replace", "his", "their")], "quote_meaning"),  # a pronoun: who is meant
    ([_op("insert", "", "not")], "quote_meaning"),  # a negation
    ([_op("replace", "won't", "will")], "quote_meaning"),
    ([_op("replace", "30", "50")], "quote_meaning"),  # a number
    ([_op("replace", "three", "four")], "quote_meaning"),
    ([_op("replace", "Moscow", "Kyiv")], "quote_meaning"),  # a name
    ([_op("replace", "caused", "drew")], "quote_words"),  # another content word
    ([_op("move", "so far", "so far")], "quote_wording"),  # reordering
    ([_op("delete", "that", "")], "quote_wording"),  # a function word
    ([_op("replace", "said", "stated")], "quote_wording"),  # a synonym
    ([_op("equal", "we agreed", "we agreed"), _op("replace", "the", "a")], "quote_wording"),
])
def test_quote_word_changes_by_meaning(ops: list[WordOp], nature: str) -> None:
    assert quote_nature(ops) == nature


def _finding(kind: FindingKind, nature: str = "", score: float = 0.0, fid: str = "x") -> Finding:
    return Finding(fid, kind, Severity.INFO, None, ("a", "b"), "m", (), score=score, nature=nature)


@pytest.mark.parametrize("kind,slot,nature,expected", [
    (FindingKind.NUMBER_CONFLICT, "number", "", TOP),
    (FindingKind.DATE_CONFLICT, "date", "", TOP),
    (FindingKind.CONTRADICTION, "negation", "", TOP),
    (FindingKind.ATTRIBUTION_CONFLICT, "actor", "", TOP),
    (FindingKind.ATTRIBUTION_CONFLICT, "", "", TOP),  # a speaker
    (FindingKind.ENTITY_CONFLICT, "place", "", TOP),
    (FindingKind.ENTITY_CONFLICT, "party", "", TOP),
    (FindingKind.ENTITY_CONFLICT, "role", "", MIDDLE),
    (FindingKind.INTERNAL_CONFLICT, "role", "", MIDDLE),
    (FindingKind.INTERNAL_CONFLICT, "number", "", TOP),
    (FindingKind.QUOTE_DIVERGENCE, "", "spliced_quote", TOP),
    (FindingKind.QUOTE_DIVERGENCE, "", "quote_wording", BOTTOM),
    (FindingKind.DETAIL_DROPPED, "date", "", MIDDLE),
    (FindingKind.UNIQUE_CLAIM, "", "colour", BOTTOM),
    (FindingKind.UNIQUE_CLAIM, "", "invented_quote", TOP),
])
def test_tiers(kind: FindingKind, slot: str, nature: str, expected: int) -> None:
    f = Finding("x", kind, Severity.INFO, None, ("a",), "m", (), nature=nature, slot=slot)
    assert tier(nature_of(f)) == expected


def test_every_nature_has_a_tier() -> None:
    assert set(NATURES.values()) == {TOP, MIDDLE, BOTTOM}


def test_rank_orders_by_meaning_and_sets_severity() -> None:
    findings = [
        _finding(FindingKind.QUOTE_DIVERGENCE, "quote_wording", score=40, fid="moved"),
        _finding(FindingKind.UNIQUE_CLAIM, "colour", score=0, fid="colour"),
        _finding(FindingKind.NUMBER_CONFLICT, "number", score=1, fid="number"),
        _finding(FindingKind.DETAIL_DROPPED, "detail_date", score=3, fid="date"),
        _finding(FindingKind.QUOTE_DIVERGENCE, "reworded_quote", score=11, fid="invented"),
    ]
    ranked = rank_findings(findings, Config())
    assert [f.id for f in ranked] == ["invented", "number", "date", "moved", "colour"]
    assert [f.rank for f in ranked] == [1, 2, 3, 4, 5]
    assert [f.severity for f in ranked] == [Severity.ERROR, Severity.ERROR, Severity.WARNING, Severity.INFO,
                                            Severity.INFO]


def test_a_configured_severity_wins() -> None:
    config = Config(severities={**Config().severities, "number_conflict": "info"})
    ranked = rank_findings([_finding(FindingKind.NUMBER_CONFLICT, "number")], config)
    assert ranked[0].severity == Severity.INFO
