"""entity_conflict: a different person, place, organisation, title or role in the same slot.

Example: one source calls John Hardie a "senior fellow", another "director of the Europe program" (the role slot);
one source puts the talks in Miami, another in Geneva (the place slot). Spelling variants (Zelensky / Zelenskyy),
short forms (Rubio / Marco Rubio) and case (kyiv / Kyiv) are the same name, never a conflict.
"""

from __future__ import annotations

import re
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
    wa, wb = re.findall(r"[a-z]+", a.lower()), re.findall(r"[a-z]+", b.lower())
    classes = _role_classes()
    for title in set(ta) & set(tb):
        qa = [wa[i - 1] for i, w in enumerate(wa) if classes.get(w, w) == title and i > 0]
        qb = [wb[i - 1] for i, w in enumerate(wb) if classes.get(w, w) == title and i > 0]
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


_PLACE_SLOT = re.compile(r"\b(?:in|to|at|from)\s+$")


def _slot_places(ctx: CheckContext, claim: Claim) -> dict[str, Entity]:
    raw = ctx.articles[claim.source].raw
    out = {}
    for e in claim.entities:
        if e.label == "place" and _PLACE_SLOT.search(raw[max(0, e.start - 6):e.start]):
            out[fold(e.text)] = e
    return out


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
        pa, pb = _slot_places(ctx, a), _slot_places(ctx, b)
        if not pa or not pb or set(pa) & set(pb):
            continue
        if any(x in y or y in x for x in pa for y in pb):
            continue
        ea, eb = pa[sorted(pa)[0]], pb[sorted(pb)[0]]
        ev = [evidence_of(a, Span(a.source, ea.start, ea.end, ea.text), "place"),
              evidence_of(b, Span(b.source, eb.start, eb.end, eb.text), "place")]
        message = f"{a.source} places it in “{ea.text}” where {b.source} says “{eb.text}” (place)"
        findings.append(make_finding(ctx, FindingKind.ENTITY_CONFLICT, group, ev, message,
                                     [("slot", "place"), ("claim " + a.source, a.text), ("claim " + b.source, b.text)],
                                     score=6))
    return findings
