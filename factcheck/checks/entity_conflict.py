"""entity_conflict: a different person, place, organisation, title or role in the same slot.

Example: one source calls John Hardie a "senior fellow", another "director of the Europe program" (the role slot);
one source puts the talks in Miami, another in Geneva (the place slot). Spelling variants (Zelensky / Zelenskyy),
short forms (Rubio / Marco Rubio) and case (kyiv / Kyiv) are the same name, never a conflict.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.pairs import cross_pairs
from factcheck.extract.entities import fold
from factcheck.lexicon import _lines, words
from factcheck.models import Claim, Entity, Finding, FindingKind, Span


@cache
def _role_classes() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines("role_synonyms.txt"):
        names = line.split()
        for name in names:
            out[name] = names[0]
    return out


def _title_words(role: str) -> list[str]:
    titles = words("titles")
    classes = _role_classes()
    toks = re.findall(r"[a-z]+", role.lower())
    return [classes.get(t, t) for t in toks if t in titles or t in classes]


def roles_conflict(a: str, b: str) -> bool:
    """Two roles for one person that cannot both be right: no title word in common, or the same title with a
    different qualifier right before it (Interior Minister / Defence Minister)."""
    ta, tb = _title_words(a), _title_words(b)
    if not ta or not tb:
        return False
    if not set(ta) & set(tb):
        return True
    # Only a capitalised qualifier names a distinct office (Interior Minister / Defence Minister); a descriptive one
    # (top foreign policy aide / Kremlin Assistant) does not.
    oa, ob = re.findall(r"[A-Za-z]+", a), re.findall(r"[A-Za-z]+", b)
    wa, wb = [w.lower() for w in oa], [w.lower() for w in ob]
    classes = _role_classes()
    for title in set(ta) & set(tb):
        qa = [wa[i - 1] for i, w in enumerate(wa) if classes.get(w, w) == title and i > 0 and oa[i - 1][:1].isupper()]
        qb = [wb[i - 1] for i, w in enumerate(wb) if classes.get(w, w) == title and i > 0 and ob[i - 1][:1].isupper()]
        qa = [q for q in qa if q not in ("the", "a", "an", "s", "top", "senior", "former")]
        qb = [q for q in qb if q not in ("the", "a", "an", "s", "top", "senior", "former")]
        if qa and qb and not set(qa) & set(qb) and not (set(qa) & set(wb)) and not (set(qb) & set(wa)):
            return True
    return False


def _role_span(ctx: CheckContext, claim: Claim, entity: Entity) -> Span:
    raw = ctx.articles[claim.source].raw
    lo = max(0, entity.start - 200)
    pos = raw.find(entity.role or "", lo, entity.end + 200)
    if entity.role and pos != -1:
        start, end = min(pos, entity.start), max(pos + len(entity.role), entity.end)
        return Span(claim.source, start, end, raw[start:end])
    return Span(claim.source, entity.start, entity.end, entity.text)


_PLACE_SLOT = re.compile(r"\b(in|to|at|from)\s+$")


def _slot_places(ctx: CheckContext, claim: Claim) -> dict[str, tuple[str, Entity]]:
    """Places in a slot ("in Geneva", "to Miami"), keyed by folded name, with their preposition."""
    raw = ctx.articles[claim.source].raw
    out = {}
    for e in claim.entities:
        m = _PLACE_SLOT.search(raw[max(0, e.start - 6):e.start]) if e.label == "place" else None
        if m:
            out[fold(e.text)] = (m.group(1).lower(), e)
    return out


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


def _place_swap(ctx: CheckContext, a: Claim, b: Claim) -> tuple[Entity, Entity] | None:
    """The place of ``a`` and of ``b`` when the two say the same thing but put it somewhere else: a place only one
    of them names stands, after the same preposition, where the other names a different place, and the rest of the
    words agree."""
    pa, pb = _slot_places(ctx, a), _slot_places(ctx, b)
    only_a = {k: v for k, v in pa.items() if not any(k in y or y in k for y in pb)}
    only_b = {k: v for k, v in pb.items() if not any(k in x or x in k for x in pa)}
    if not only_a or not only_b:
        return None
    ta, tb = _tokens(a.text), _tokens(b.text)
    sm = SequenceMatcher(None, ta, tb, autojunk=False)
    if sm.ratio() < 0.75:
        return None
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    for _, i1, i2, j1, j2 in ops:
        ra, rb = " ".join(ta[i1:i2]), " ".join(tb[j1:j2])
        for ka, (prep_a, ea) in sorted(only_a.items()):
            for kb, (prep_b, eb) in sorted(only_b.items()):
                if prep_a == prep_b and ka in ra and kb in rb:
                    return ea, eb
    return None


@register("FC104", FindingKind.ENTITY_CONFLICT)
def check_entity_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims name a different person, place, organisation, title or role for the same slot."""
    findings: list[Finding] = []
    # Roles: the same person, called different things by different sources.
    first_role: dict[str, dict[str, tuple[Claim, Entity]]] = {}
    for claim in sorted(ctx.claims.values(), key=lambda c: (c.source, c.index)):
        for e in claim.entities:
            if e.label == "person" and e.role:
                first_role.setdefault(e.canonical, {}).setdefault(claim.source, (claim, e))
    for person in sorted(first_role):
        by_source = first_role[person]
        sources = sorted(by_source)
        reported: set[frozenset[str]] = set()
        for i, sa in enumerate(sources):
            for sb in sources[i + 1:]:
                (ca, ea), (cb, eb) = by_source[sa], by_source[sb]
                key = frozenset((fold(ea.role or ""), fold(eb.role or "")))
                if key in reported or not roles_conflict(ea.role or "", eb.role or ""):
                    continue
                reported.add(key)
                ev = [evidence_of(ca, _role_span(ctx, ca, ea), "role"), evidence_of(cb, _role_span(ctx, cb, eb), "role")]
                message = f"{person} is “{ea.role}” in {sa} but “{eb.role}” in {sb} (role)"
                findings.append(make_finding(ctx, FindingKind.ENTITY_CONFLICT, None, ev, message, [("slot", "role")],
                                             score=6))
    # Places: aligned claims that put the same event in different places.
    for group, a, b in cross_pairs(ctx):
        swap = _place_swap(ctx, a, b)
        if swap is None:
            continue
        ea, eb = swap
        ev = [evidence_of(a, Span(a.source, ea.start, ea.end, ea.text), "place"),
              evidence_of(b, Span(b.source, eb.start, eb.end, eb.text), "place")]
        message = f"{a.source} places it in “{ea.text}” where {b.source} says “{eb.text}” (place)"
        findings.append(make_finding(ctx, FindingKind.ENTITY_CONFLICT, group, ev, message,
                                     [("slot", "place"), ("claim " + a.source, a.text), ("claim " + b.source, b.text)],
                                     score=6))
    return findings
