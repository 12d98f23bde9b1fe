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
from factcheck.lexicon import lines, words
from factcheck.models import Claim, Entity, Finding, FindingKind, Span


@cache
def _role_classes() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines("role_synonyms.txt"):
        names = line.split()
        for name in names:
            out[name] = names[0]
    return out


def _title_words(role: str) -> list[str]:
    titles = words("titles")
    classes = _role_classes()
    toks = []
    for t in re.findall(r"[a-z]+", role.lower()):
        t = t if (t in titles or t in classes or not t.endswith("s")) else t[:-1]
        toks.append(t if (t in titles or t in classes) else "")
    # A title word right before another one modifies it (chief negotiator, deputy director): keep the head.
    return [classes.get(t, t) for i, t in enumerate(toks) if t and not (i + 1 < len(toks) and toks[i + 1])]


def _qualifiers(role: str, title: str) -> set[str]:
    """Office words right before the title word ("Interior" in "Interior Minister")."""
    toks = [t.lower() for t in re.findall(r"[A-Za-z]+", role)]
    classes, portfolios = _role_classes(), words("portfolios")
    out = set()
    for i, t in enumerate(toks):
        base = t[:-1] if t.endswith("s") and classes.get(t[:-1], t[:-1]) == title else t
        if classes.get(base, base) == title and i > 0 and toks[i - 1] in portfolios:
            out.add(toks[i - 1])
    return out


def roles_conflict(a: str, b: str) -> bool:
    """Two roles for one person that cannot both be right: no title word in common (envoy / aide), or the same
    title for a different office (Interior Minister / Defence Minister). Nationality or institution words
    (Russian aide / Kremlin Assistant) and ranks (top, senior) are descriptions, not different offices."""
    functional = words("functional_roles")
    ta = [t for t in _title_words(a) if t not in functional]
    tb = [t for t in _title_words(b) if t not in functional]
    if not ta or not tb:
        return False
    if not set(ta) & set(tb):
        return True
    for title in set(ta) & set(tb):
        qa, qb = _qualifiers(a, title), _qualifiers(b, title)
        if qa and qb and not qa & qb:
            return True
    return False


def _role_span(ctx: CheckContext, claim: Claim, entity: Entity) -> Span:
    raw = ctx.articles[claim.source].raw
    lo = max(0, entity.start - 200)
    if entity.role:
        # The role's words as the text writes them, whatever the white space between them.
        pattern = r"\s+".join(re.escape(w) for w in entity.role.split())
        m = re.compile(pattern).search(raw, lo, entity.end + 200)
        if m:
            start, end = min(m.start(), entity.start), max(m.end(), entity.end)
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


def _describe(roles: dict[str, dict[str, tuple[Claim, Entity]]], reading: list[str]) -> str:
    """``“role” in src1, src2; “other role” in src3`` for one reading of a person's role."""
    return "; ".join(f"“{next(iter(roles[k].values()))[1].role}” in {', '.join(sorted(roles[k]))}" for k in reading)


@register("FC104", FindingKind.ENTITY_CONFLICT)
def check_entity_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims name a different person, place, organisation, title or role for the same slot."""
    findings: list[Finding] = []
    # Roles: the same person, called different things by different sources.
    roles: dict[str, dict[str, dict[str, tuple[Claim, Entity]]]] = {}  # person -> role -> source -> first mention
    for claim in sorted(ctx.claims.values(), key=lambda c: (c.source, c.index)):
        for e in claim.entities:
            if e.label == "person" and e.role:
                key = " ".join(fold(e.role).split())
                roles.setdefault(e.canonical, {}).setdefault(key, {}).setdefault(claim.source, (claim, e))
    for person in sorted(roles):
        # Roles that can all be true together form one reading; two readings are a disagreement.
        readings: list[list[str]] = []
        for key in sorted(roles[person], key=lambda k: (-len(roles[person][k]), k)):
            role = next(iter(roles[person][key].values()))[1].role or ""
            for reading in readings:
                if not any(roles_conflict(role, next(iter(roles[person][k].values()))[1].role or "") for k in reading):
                    reading.append(key)
                    break
            else:
                readings.append([key])
        for i, ra in enumerate(readings):
            for rb in readings[i + 1:]:
                sa = {src for k in ra for src in roles[person][k]}
                sb = {src for k in rb for src in roles[person][k]}
                if sa == sb and len(sa) == 1:
                    continue  # one source calling the same person two things is not a disagreement between sources
                mentions = [m for k in ra + rb for m in roles[person][k].values()]
                ev = [evidence_of(c, _role_span(ctx, c, e), "role") for c, e in mentions]

                message = f"{person} is {_describe(roles[person], rb)} but {_describe(roles[person], ra)} (role)"
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
