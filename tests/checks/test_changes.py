"""A source's changes against the version it follows (factcheck/checks/changes.py)."""

from __future__ import annotations

from factcheck.checks.changes import with_changes
from factcheck.models import Evidence, Finding, FindingKind, Lineage, Severity, SourceLineage


def _f(fid: str, kind: FindingKind, sources: tuple[str, ...], missing: tuple[str, ...] = ()) -> Finding:
    ev = tuple(Evidence(s, f"{s}-1", "x", 0, 1) for s in sources)
    return Finding(fid, kind, Severity.WARNING, None, sources, "m", ev, missing=missing)


LINEAGE = Lineage("a", (), (SourceLineage("a", None), SourceLineage("b", "a"), SourceLineage("c", None)))


def test_changes_are_the_findings_between_a_source_and_the_version_it_follows() -> None:
    findings = [
        _f("n1", FindingKind.NUMBER_CONFLICT, ("a", "b")),  # b against a: a change
        _f("n2", FindingKind.NUMBER_CONFLICT, ("b", "c")),  # b against c, which it does not follow: none
        _f("u1", FindingKind.UNIQUE_CLAIM, ("b",)),  # what b alone adds: a change
        _f("o1", FindingKind.OMISSION, ("a",), missing=("b",)),  # what b leaves out of a: a change
        _f("i1", FindingKind.INTERNAL_CONFLICT, ("a", "b")),  # a source against itself: never a change
    ]
    out = with_changes(LINEAGE, findings)
    assert out.of("b").changes == ("n1", "u1", "o1")  # type: ignore[union-attr]
    assert out.of("a").changes == () and out.of("c").changes == ()  # type: ignore[union-attr]
    assert out.fullest == "a"


def test_no_findings_no_changes() -> None:
    assert with_changes(LINEAGE, []) == LINEAGE
