"""Word-level comparison of two renderings of the same words: local alignment and diffs of the tokens
:mod:`factcheck.tokenize` cuts.

Shared by ``align`` (is this the same remark?) and the quote checks (what changed?).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factcheck.tokenize import segments, words_only


@dataclass(frozen=True)
class Match:
    """Where tokens ``a[a0:a1]`` stand in ``b[b0:b1]``, and how much of ``a`` matched."""

    a0: int
    a1: int
    b0: int
    b1: int
    matched: int

    @property
    def coverage_a(self) -> float:
        return self.matched / max(1, self.a1 - self.a0)

    @property
    def coverage_b(self) -> float:
        return self.matched / max(1, self.b1 - self.b0)


@lru_cache(maxsize=65536)
def local_match(a: tuple[str, ...], b: tuple[str, ...]) -> Match:
    """The window of ``b`` that ``a`` was taken from (a partial quote stands inside a longer one)."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in sm.get_matching_blocks() if blk.size]
    if not blocks:
        return Match(0, len(a), 0, 0, 0)
    # Keep the densest chain: drop matched blocks far from the main one (a common word elsewhere).
    main = max(blocks, key=lambda blk: blk.size)
    chain = [blk for blk in blocks if abs((blk.b - blk.a) - (main.b - main.a)) <= max(6, len(a))]
    first, last = chain[0], chain[-1]
    matched = sum(blk.size for blk in chain)
    return Match(first.a, last.a + last.size, first.b, last.b + last.size, matched)


@lru_cache(maxsize=65536)
def best_window(a: tuple[str, ...], b: tuple[str, ...]) -> Match:
    """Smith-Waterman local alignment of word tokens: the stretch of ``b`` that best renders a stretch of ``a``.

    Unlike :func:`local_match` it never stretches a window across two places that each match part of ``a``.
    """
    if not a or not b:
        return Match(0, len(a), 0, 0, 0)
    match, mismatch, gap = 2, -1, -1
    rows, cols = len(a) + 1, len(b) + 1
    score = [[0] * cols for _ in range(rows)]
    best, best_at = 0, (0, 0)
    for i in range(1, rows):
        ai = a[i - 1]
        prev, cur = score[i - 1], score[i]
        for j in range(1, cols):
            diag = prev[j - 1] + (match if ai == b[j - 1] else mismatch)
            val = max(0, diag, prev[j] + gap, cur[j - 1] + gap)
            cur[j] = val
            if val > best:
                best, best_at = val, (i, j)
    i, j = best_at
    a1, b1 = i, j
    matched = 0
    while i > 0 and j > 0 and score[i][j] > 0:
        if score[i][j] == score[i - 1][j - 1] + (match if a[i - 1] == b[j - 1] else mismatch):
            matched += a[i - 1] == b[j - 1]
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j] + gap:
            i -= 1
        else:
            j -= 1
    return Match(i, a1, j, b1, matched)


def similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How likely two token runs render the same words: matched share of the shorter, discounted for length gaps."""
    if len(words_only(a)) > len(words_only(b)):
        a, b = b, a
    bw = words_only(b)
    if not bw:
        return 0.0
    matched = total = 0
    for s0, s1 in segments(a):
        seg = a[s0:s1]
        total += len(seg)
        matched += local_match(seg, bw).matched
    if total == 0:
        return 0.0
    if total <= 3:
        return 1.0 if matched == total else 0.0
    return matched / total


def symmetric_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Matched words over the longer rendering: high only when the two are (nearly) the same length and words."""
    a, b = words_only(a), words_only(b)
    if not a or not b:
        return 0.0
    m = local_match(a, b) if len(a) <= len(b) else local_match(b, a)
    return m.matched / max(len(a), len(b))


def diff_opcodes(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[str, int, int, int, int]]:
    """Word operations that turn ``a`` into ``b`` as index ranges: ``(tag, i0, i1, j0, j1)`` with tag ``equal``,
    ``replace``, ``delete`` or ``insert``."""
    return [tuple(op) for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]  # type: ignore[misc]


def marked(ops: list[tuple[str, tuple[str, ...], tuple[str, ...]]]) -> str:
    """A one-line diff: ``we agreed ... others [-caused-] {+drew+} criticism``."""
    out: list[str] = []
    for tag, old, new in ops:
        if tag == "equal":
            out.append(" ".join(old))
            continue
        if tag == "move":
            out.append("[-" + " ".join(old) + "-]{+(moved)+}")
            continue
        if old:
            out.append("[-" + " ".join(old) + "-]")
        if new:
            out.append("{+" + " ".join(new) + "+}")
    return " ".join(out)
