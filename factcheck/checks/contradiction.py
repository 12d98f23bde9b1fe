"""contradiction: aligned claims assert opposite things, by a negation or an opposite verb.

Example: "neither side announced progress" and "both sides announced progress"; "Ukraine refused to cede territory"
and "Ukraine agreed to cede territory". The same fact in other words stays silent.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.lexicon import _lines, words
from factcheck.models import Finding, FindingKind

_STOP = set("a an the of to in on at for by with from and or but that this it its is was are were be been has had have "
            "as he she they we his her their said says also both side sides".split())


@cache
def _antonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in _lines("antonyms.txt"):
        a, b = line.split()[:2]
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"n't\b", " n't", text)
    return re.findall(r"n't|[a-z]+", text)


def polarity(text: str) -> int:
    """Number of negations, counted so that two cancel out."""
    neg = words("negators")
    return sum(1 for w in _words(text) if w in neg)


def _content(ws: list[str]) -> set[str]:
    neg = words("negators")
    return {w for w in ws if w not in _STOP and w not in neg and w not in ("neither", "either")}


def opposite(a: str, b: str) -> str | None:
    """Why two texts assert opposite things, or None."""
    wa, wb = _words(a), _words(b)
    ca, cb = _content(wa), _content(wb)
    if not ca or not cb:
        return None
    ants = _antonyms()
    for w in ca - cb:
        for x in ants.get(w, ()):
            if x in cb - ca:
                rest_a, rest_b = ca - {w}, cb - {x}
                if len(rest_a & rest_b) / max(1, min(len(rest_a), len(rest_b))) >= 0.5:
                    return f"“{w}” vs “{x}”"
    overlap = len(ca & cb) / max(1, len(ca | cb))
    if overlap >= 0.5 and polarity(a) % 2 != polarity(b) % 2:
        return "a negation"
    return None


@register("FC106", FindingKind.CONTRADICTION)
def check_contradiction(ctx: CheckContext) -> list[Finding]:
    """Aligned claims assert opposite things (a negation or an opposite verb)."""
    findings: list[Finding] = []
    for group, a, b in cross_pairs(ctx):
        why = opposite(a.text, b.text)
        if why is None:
            continue
        ev = [evidence_of(a), evidence_of(b)]
        message = f"{a.source} and {b.source} assert opposite things ({why})"
        findings.append(make_finding(ctx, FindingKind.CONTRADICTION, group, ev, message, score=9))
    return findings
