"""Word diffs as the reports show them (factcheck/render/diffs.py): the typed operations a check hands over,
read in one direction per finding, never cut inside a phrase."""

from __future__ import annotations

import re

import pytest

from factcheck.models import Evidence, Finding, FindingKind, Severity, WordDiff, WordOp
from factcheck.render.diffs import finding_diffs, mark_words
from factcheck.render.summary import finding_message, short_text


def _finding(details=(), diffs=(), evidence=(), kind=FindingKind.QUOTE_DIVERGENCE, message="m") -> Finding:
    return Finding("id", kind, Severity.ERROR, "g1", ("a", "b"), message,
                   tuple(Evidence(s, None, t, 0, len(t)) for s, t in evidence), tuple(details), diffs=tuple(diffs))


def _typed(source_a: str, source_b: str, marked: str) -> WordDiff:
    """A diff written for the reader of a test (``we [-caused-] {+drew+} criticism``) as typed operations; a deletion
    followed by ``{+(moved)+}`` is a move."""
    ops: list[WordOp] = []
    pos = 0
    parts: list[tuple[str, str]] = []
    for m in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}", marked):
        parts.append(("equal", marked[pos:m.start()]))
        parts.append(("delete", m.group(1)) if m.group(1) is not None else ("insert", m.group(2)))
        pos = m.end()
    parts.append(("equal", marked[pos:]))
    for tag, words in parts:
        words = " ".join(words.split())
        if not words:
            continue
        prev = ops[-1] if ops else None
        if tag == "insert" and prev is not None and prev.op == "delete":
            ops[-1] = WordOp("move", prev.a, prev.a) if words == "(moved)" else WordOp("replace", prev.a, words)
        else:
            ops.append(WordOp(tag, words if tag != "insert" else "", words if tag != "delete" else ""))
    return WordDiff(source_a, source_b, tuple(ops))


@pytest.mark.parametrize("marked, ops", [
    ("we agreed [-caused-] {+drew+} criticism",
     [("equal", "we agreed", "we agreed"), ("replace", "caused", "drew"), ("equal", "criticism", "criticism")]),
    ("[-So far-]{+(moved)+} no compromise",
     [("move", "So far", "So far"), ("equal", "no compromise", "no compromise")]),
])
def test_the_test_diffs_read_as_intended(marked: str, ops: list[tuple[str, str, str]]) -> None:
    assert [(o.op, o.a, o.b) for o in _typed("a", "b", marked).ops] == ops


def test_a_finding_without_typed_diffs_shows_none_even_with_marked_details() -> None:
    f = _finding(details=[("diff a ~ b", "we [-caused-] {+drew+} criticism")], evidence=[("a", "we caused")])
    assert finding_diffs(f) == []  # the renderers never parse text back into operations


def test_one_direction_per_finding_from_the_fuller_source() -> None:
    long = "I can tell you they had a good meeting. It's a war that should never have started,"
    f = _finding(diffs=[_typed("b", "a", "should {+have+} never [-have-] {+been+} started"),
                        _typed("a", "b", "I can tell you [-that-] they had")],
                 evidence=[("a", "I can tell you that they had a good meeting."), ("a", "should have never been"),
                           ("b", long)])
    diffs = finding_diffs(f)
    assert [(d.source_a, d.source_b) for d in diffs] == [("b", "a"), ("b", "a")]
    assert ("insert", "", "that") in [(o.op, o.a, o.b) for o in diffs[1].ops]


def test_typed_diffs_read_from_the_source_that_keeps_the_detail() -> None:
    d1 = WordDiff("x", "full", (WordOp("equal", "talks", "talks"), WordOp("insert", "", "on Thursday")))
    d2 = WordDiff("y", "full", (WordOp("equal", "talks", "talks"), WordOp("insert", "", "on Thursday")))
    f = _finding(diffs=[d1, d2], kind=FindingKind.DETAIL_DROPPED, details=[("missing", "x, y")],
                 evidence=[("x", "talks"), ("y", "talks"), ("full", "talks on Thursday")])
    assert [(d.source_a, d.source_b, d.ops[1].op) for d in finding_diffs(f)] == [("full", "x", "delete"),
                                                                                ("full", "y", "delete")]


@pytest.mark.parametrize("marked, a_text, b_text, last", [
    # the diff stopped inside the longer quotation's next phrase: cut back at the comma
    ("unlikely to [-yield-] {+produce+} a [-viable solution-] {+deal much+}",
     "efforts are unlikely to yield a viable solution.", "efforts are unlikely to produce a deal, much less one",
     ("replace", "viable solution", "deal")),
    # the diff stopped before its phrase ended: run on to the end of the phrase
    ("like to see [-the war ended-] {+that he would+}", "they'd like to see the war ended.",
     "they would like to see that he would like the war to end.",
     ("replace", "the war ended", "that he would like the war to end")),
    ("the region that [-remains-] {+is+}", "the Donetsk region that remains.", "the Donetsk region that is left,",
     ("replace", "remains", "is left")),
])
def test_never_cut_inside_a_phrase(marked, a_text, b_text, last) -> None:
    f = _finding(diffs=[_typed("a", "b", marked)], evidence=[("a", a_text), ("b", b_text)])
    (d,) = finding_diffs(f)
    if d.source_a != "a":  # read from the fuller side; compare the pair as given
        last = (last[0], last[2], last[1])
    assert (d.ops[-1].op, d.ops[-1].a, d.ops[-1].b) == last


@pytest.mark.parametrize("text, changes, marked", [
    ("others drew criticism", [("ins", "drew", "others")], [("", "others "), ("ins", "drew"), ("", " criticism")]),
    ("that was his impression, his", [("del", "his", "that was")],
     [("", "that was "), ("del", "his"), ("", " impression, his")]),
    ("nothing here", [("del", "absent words", "")], [("", "nothing here")]),
    ("<b>x</b> y", [("ins", "y", "")], [("", "<b>x</b> "), ("ins", "y")]),
])
def test_mark_words_keeps_the_text_whole(text, changes, marked) -> None:
    assert mark_words(text, changes) == marked
    assert "".join(piece for _, piece in mark_words(text, changes)) == text


@pytest.mark.parametrize("message, kind, shown", [
    ("Quotation worded differently: x (+2 more)", FindingKind.QUOTE_DIVERGENCE,
     "Quotation worded differently: x (and 2 more changes in this quotation, listed below)"),
    ("Quotation worded differently: x (+1 more)", FindingKind.QUOTE_DIVERGENCE,
     "Quotation worded differently: x (and 1 more change in this quotation, listed below)"),
    ("a says 3 where b says 4", FindingKind.NUMBER_CONFLICT, "a says 3 where b says 4"),
])
def test_counts_say_what_they_count(message, kind, shown) -> None:
    assert finding_message(_finding(kind=kind, message=message)) == shown


@pytest.mark.parametrize("text, limit, shown", [
    ("short claim", 20, "short claim"),
    ("In an effort to advance peace talks, Witkoff and Kushner", 30, "In an effort to advance peace…"),
])
def test_short_text(text, limit, shown) -> None:
    assert short_text(text, limit) == shown
