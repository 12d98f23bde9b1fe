"""A finding's word diffs as every human-facing format shows them: typed, in one direction, in whole phrases.

The checks hand over typed :class:`WordDiff` records (``Finding.diffs``); the Markdown, terminal and HTML reports
read these same operations, never text parsed back (the one-line marked diffs a quotation's ``details`` carry are
for the JSON's readers, not for the renderers). Nothing is re-analysed: the operations are only
turned around (so a finding reads from one reference source to the others) and their edges widened to the end of
the phrase they cut, looked up in the finding's own evidence words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.models import Finding, WordDiff, WordOp

_FLIP = {"insert": "delete", "delete": "insert"}
# Where a phrase ends inside a quotation: clause punctuation, or the quotation's own end.
_PHRASE_END = re.compile(r"[,.;:!?…—–()\"“”]")


def raw_diffs(f: Finding) -> list[WordDiff]:
    """The finding's typed diffs, as the check gave them."""
    return list(f.diffs)


def flipped(d: WordDiff) -> WordDiff:
    """The same diff read from ``source_b`` to ``source_a``."""
    return WordDiff(d.source_b, d.source_a, tuple(WordOp(_FLIP.get(o.op, o.op), o.b, o.a) for o in d.ops))


def _fullness(f: Finding, source: str) -> tuple[int, int]:
    words = sum(len(e.text.split()) for e in f.evidence if e.source == source)
    return words, -sum(1 for e in f.evidence if e.source == source)


def reference_source(f: Finding, diffs: list[WordDiff]) -> str | None:
    """The source a finding's diffs read from: one that every diff names (the version the others are compared
    with), the fuller of those by the finding's evidence words; ``None`` when no source is in every diff."""
    if not diffs:
        return None
    common = {diffs[0].source_a, diffs[0].source_b}
    for d in diffs[1:]:
        common &= {d.source_a, d.source_b}
    lacking = set(f.missing)
    common -= lacking
    if not common:
        return None
    return max(sorted(common), key=lambda s: _fullness(f, s))


def _words_pattern(words: str, before: str = "", after: str = "") -> re.Pattern[str] | None:
    """``words`` as a pattern over text whatever the punctuation between them, as group 1; ``before`` and
    ``after`` are words that must stand next to them (context, so a short word is found at its own place)."""
    parts = [re.escape(w) for w in re.findall(r"\w+", words)]
    if not parts:
        return None
    ctx_a = [re.escape(w) for w in re.findall(r"\w+", before)]
    ctx_b = [re.escape(w) for w in re.findall(r"\w+", after)]
    body = "(" + r"\W+".join(parts) + ")"
    pattern = r"\W+".join([*ctx_a, body, *ctx_b])
    return re.compile(r"\b" + pattern + r"\b", re.IGNORECASE)


def _find(words: str, texts: Iterable[str], before: str = "", after: str = "") -> tuple[str, int, int] | None:
    """Where ``words`` stand in one of ``texts`` (with their context when it is found, else without)."""
    for b, a in ((before, after), ("", "")):
        pattern = _words_pattern(words, b, a)
        if pattern is None:
            return None
        for text in texts:
            m = pattern.search(text)
            if m:
                return text, m.start(1), m.end(1)
    return None


def _clean(text: str) -> str:
    return " ".join(re.sub(r"[,.;:!?…\"“”()]+", " ", text).split())


def _widen_end(words: str, texts: list[str], before: str) -> str:
    """``words`` ending where its phrase ends in the evidence: cut back at clause punctuation inside it, or run
    on to the next one when the diff stopped mid-phrase."""
    found = _find(words, texts, before=before)
    if found is None:
        return words
    text, start, end = found
    inside = _PHRASE_END.search(text, start, end)
    if inside:
        return _clean(text[start:inside.start()]) or words
    after = _PHRASE_END.search(text, end)
    return _clean(text[start:after.start() if after else len(text)]) or words


def _widen_start(words: str, texts: list[str], after: str) -> str:
    """``words`` starting where a phrase starts: cut at the last clause punctuation inside it (a diff starts
    where the compared quotation does, so it never starts inside a phrase otherwise)."""
    found = _find(words, texts, after=after)
    if found is None:
        return words
    text, start, end = found
    inside = list(_PHRASE_END.finditer(text, start, end))
    return (_clean(text[inside[-1].end():end]) or words) if inside else words


def _context(ops: list[WordOp], index: int, side: str, step: int) -> str:
    """Up to three words of the equal run next to ``ops[index]`` on ``side`` (``step`` -1: before, 1: after)."""
    near = index + step
    if not 0 <= near < len(ops) or ops[near].op != "equal":
        return ""
    words = getattr(ops[near], side).split()
    return " ".join(words[-3:] if step < 0 else words[:3])


def whole_phrases(f: Finding, d: WordDiff) -> WordDiff:
    """``d`` with a changed run at either end widened to whole phrases of the evidence (a diff taken over a
    window of the longer quotation can stop inside a phrase: ``a viable solution`` against ``deal much``)."""
    ops = list(d.ops)
    if not ops:
        return d
    texts = {"a": [e.text for e in f.evidence if e.source == d.source_a],
             "b": [e.text for e in f.evidence if e.source == d.source_b]}
    for index, at_end in ((len(ops) - 1, True), (0, False)):
        op = ops[index]
        if op.op in ("equal", "move"):
            continue
        sides = {}
        for side in ("a", "b"):
            words = getattr(op, side)
            if not words:
                sides[side] = ""
            elif at_end:
                sides[side] = _widen_end(words, texts[side], _context(ops, index, side, -1))
            else:
                sides[side] = _widen_start(words, texts[side], _context(ops, index, side, 1))
        if sides["a"] and sides["b"] and sides["a"].lower() == sides["b"].lower():
            ops[index] = WordOp("equal", sides["a"], sides["b"])
        else:
            ops[index] = WordOp(op.op, sides["a"], sides["b"])
    return WordDiff(d.source_a, d.source_b, tuple(ops))


def finding_diffs(f: Finding) -> list[WordDiff]:
    """The diffs to show for ``f``: in one direction (from its reference source, else each from its fuller
    side) and in whole phrases."""
    diffs = raw_diffs(f)
    ref = reference_source(f, diffs)
    out = []
    for d in diffs:
        if ref is not None:
            d = flipped(d) if d.source_b == ref and d.source_a != ref else d
        elif _fullness(f, d.source_b) > _fullness(f, d.source_a):
            d = flipped(d)
        out.append(whole_phrases(f, d))
    return out


def changed_words(d: WordDiff, source: str) -> list[tuple[str, str, str]]:
    """The words ``source`` writes differently in ``d``, as ``(class, words, words before them)``: ``del`` for the
    reference side (``source_a``), ``ins`` for the other, ``move`` for moved words."""
    out: list[tuple[str, str, str]] = []
    ops = list(d.ops)
    side = "a" if source == d.source_a else "b" if source == d.source_b else ""
    if not side:
        return out
    for i, o in enumerate(ops):
        words = getattr(o, side)
        if o.op == "equal" or not words:
            continue
        cls = "move" if o.op == "move" else "del" if side == "a" else "ins"
        out.append((cls, words, _context(ops, i, side, -1)))
    return out


def mark_words(text: str, changes: Iterable[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """``text`` cut into ``(class, piece)`` runs, the changed words found in it marked with their class and the
    rest ``""``. Words not found in ``text`` are skipped: the text is shown whole either way."""
    marks: list[tuple[int, int, str]] = []
    for cls, words, before in changes:
        for ctx in (before, ""):
            pattern = _words_pattern(words, ctx)
            if pattern is None:
                break
            m = next((m for m in pattern.finditer(text)
                      if not any(s < m.end(1) and m.start(1) < e for s, e, _ in marks)), None)
            if m:
                marks.append((m.start(1), m.end(1), cls))
                break
    marks.sort()
    out: list[tuple[str, str]] = []
    pos = 0
    for s, e, cls in marks:
        if s > pos:
            out.append(("", text[pos:s]))
        out.append((cls, text[s:e]))
        pos = e
    if pos < len(text):
        out.append(("", text[pos:]))
    return out
