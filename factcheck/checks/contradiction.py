"""contradiction: aligned claims assert opposite things, by a negation or an opposite verb.

Example: "neither side announced progress" and "both sides announced progress"; "Ukraine refused to cede territory"
and "Ukraine agreed to cede territory". The same fact in other words stays silent.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.lexicon import lines, words
from factcheck.models import Finding, FindingKind

_STOP = set("a an the of to in on at for by with from and or but that this it its is was are were be been has had have "
            "as he she they we his her their said says also both side sides".split())


@cache
def _antonyms() -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in lines("antonyms.txt"):
        a, b = line.split()[:2]
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def _words(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"n't\b", " n't", text)
    return re.findall(r"n't|[a-z]+", text)


# A subordinate or relative phrase runs from one of these words to the next comma (or the end): a negation inside it
# ("despite no immediate breakthroughs", "who did not take part") does not negate the claim's main predicate.
_SUBORDINATE = re.compile(
    r"\b(?:despite|although|though|whereas|while|because|unless|amid|even as|who|whom|whose|which|where|when|if)\b"
    r"[^,;]*", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def main_clause(text: str) -> str:
    """The text without quotations and subordinate or relative phrases."""
    return _SUBORDINATE.sub(" ", _QUOTED.sub(" ", text))


def polarity(text: str) -> int:
    """Number of negations, counted so that two cancel out."""
    neg = words("negators")
    return sum(1 for w in _words(text) if w in neg)


def _content(ws: list[str]) -> set[str]:
    neg = words("negators")
    return {w for w in ws if w not in _STOP and w not in neg and w not in ("neither", "either")}


def _stem(word: str) -> str:
    return word[:5]


def _negated_stems(ws: list[str], shared: set[str]) -> list[str]:
    """Stems of the shared words each negation attaches to (the first shared content word within four words after
    it: "would not accept", "did not agree", "without a signed agreement")."""
    neg = words("negators")
    out = []
    for i, w in enumerate(ws):
        if w not in neg:
            continue
        for x in ws[i + 1:i + 5]:
            if x not in _STOP and x not in neg and _stem(x) in shared:
                out.append(_stem(x))
                break
    return out


def _overlap(ca: set[str], cb: set[str]) -> float:
    sa, sb = {_stem(w) for w in ca}, {_stem(w) for w in cb}
    return len(sa & sb) / max(1, len(sa | sb))


def opposite(a: str, b: str) -> str | None:
    """Why two texts assert opposite things, or None.

    Only the main clause counts (quotations and subordinate phrases are left out), the two must share most of their
    words, and an opposite word or a negation must bear on a word both share.
    """
    wa, wb = _words(main_clause(a)), _words(main_clause(b))
    ca, cb = _content(wa), _content(wb)
    if not ca or not cb:
        return None
    ants = _antonyms()
    for w in ca - cb:
        for x in ants.get(w, ()):
            if x in cb - ca:
                rest_a, rest_b = ca - {w}, cb - {x}
                if _overlap(rest_a, rest_b) >= 0.6:
                    return f"“{w}” vs “{x}”"
    if _overlap(ca, cb) < 0.6:
        return None
    shared = {_stem(w) for w in ca} & {_stem(w) for w in cb}
    na, nb = _negated_stems(wa, shared), _negated_stems(wb, shared)
    for stem in set(na) | set(nb):
        if na.count(stem) % 2 != nb.count(stem) % 2:
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
