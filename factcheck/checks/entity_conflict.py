"""entity_conflict: a different person, place, organisation, title or role in the same slot.

Example: one source calls John Hardie a "senior fellow", another "director of the Europe program" (the role slot);
one source puts the talks in Miami, another in Geneva (the place slot). Spelling variants (Zelensky / Zelenskyy),
short forms (Rubio / Marco Rubio) and case (kyiv / Kyiv) are the same name, never a conflict.
"""

from __future__ import annotations

import re

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.typed import conflict_findings
from factcheck.extract.entities import fold
from factcheck.models import Claim, Entity, Finding, FindingKind, Severity, Span
from factcheck.roles import roles_conflict


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


def _describe(roles: dict[str, dict[str, tuple[Claim, Entity]]], reading: list[str]) -> str:
    """``“role” in src1, src2; “other role” in src3`` for one reading of a person's role."""
    return "; ".join(f"“{next(iter(roles[k].values()))[1].role}” in {', '.join(sorted(roles[k]))}" for k in reading)


def _role_readings(roles: dict[str, dict[str, tuple[Claim, Entity]]]) -> list[list[str]]:
    """Roles of one person that can all be true together form one reading."""
    readings: list[list[str]] = []
    for key in sorted(roles, key=lambda k: (-len(roles[k]), k)):
        role = next(iter(roles[key].values()))[1].role or ""
        for reading in readings:
            if not any(roles_conflict(role, next(iter(roles[k].values()))[1].role or "") for k in reading):
                reading.append(key)
                break
        else:
            readings.append([key])
    return readings


def _person_roles(ctx: CheckContext) -> dict[str, dict[str, dict[str, tuple[Claim, Entity]]]]:
    """person -> role (folded) -> source -> first mention."""
    roles: dict[str, dict[str, dict[str, tuple[Claim, Entity]]]] = {}
    for claim in sorted(ctx.claims.values(), key=lambda c: (c.source, c.index)):
        for e in claim.entities:
            if e.label == "person" and e.role:
                key = " ".join(fold(e.role).split())
                roles.setdefault(e.canonical, {}).setdefault(key, {}).setdefault(claim.source, (claim, e))
    return roles


def _self_conflicting(roles: dict[str, dict[str, tuple[Claim, Entity]]], readings: list[list[str]]) -> set[str]:
    """Sources that give one person two roles that cannot both be right."""
    out = set()
    for i, ra in enumerate(readings):
        for rb in readings[i + 1:]:
            out |= {s for k in ra for s in roles[k]} & {s for k in rb for s in roles[k]}
    return out


def internal_role_findings(ctx: CheckContext) -> list[Finding]:
    """A source that calls one person by two roles that cannot both be right (a caption against its text)."""
    findings: list[Finding] = []
    for person, roles in sorted(_person_roles(ctx).items()):
        readings = _role_readings(roles)
        for source in sorted(_self_conflicting(roles, readings)):
            mentions = [roles[k][source] for r in readings for k in r if source in roles[k]]
            ev = [evidence_of(c, _role_span(ctx, c, e), "role") for c, e in mentions]
            described = "; ".join(f"“{e.role}”" + (" (caption)" if c.type.value == "caption" else "")
                                  for c, e in mentions)
            # Which of its readings the other sources give, so the reader sees which one is the odd one.
            backing = []
            for reading in readings:
                if any(source in roles[k] for k in reading):
                    others = sorted({s for k in reading for s in roles[k]} - {source})
                    if others:
                        role = next(iter(roles[reading[0]].values()))[1].role
                        backing.append(f"{', '.join(others)} {'says' if len(others) == 1 else 'say'} “{role}”")
            message = f"{source} calls {person} by roles that cannot both be right: {described}" + (
                f" ({'; '.join(backing)})" if backing else "")
            findings.append(make_finding(ctx, FindingKind.INTERNAL_CONFLICT, None, ev, message,
                                         score=6, extra_id="role", slot="role"))
    return findings


def _cut(long: str, short_role: str) -> str | None:
    """The words a shorter rendering of the same role leaves out, when it is the longer one cut short: "Deputy
    Director" from "deputy director of the Russia program" leaves out "of the Russia program"."""
    def head(role: str) -> str:  # the title without the institution it is held at
        return re.split(r"\s+(?:at|in|with)\s+|,", role)[0]

    lw, sw = fold(head(long)).split(), fold(head(short_role)).split()
    if len(sw) >= len(lw) or not sw or lw[:len(sw)] != sw:
        return None
    rest = lw[len(sw):]
    if not rest or rest[0] not in ("of", "for"):
        return None
    return " ".join(head(long).split()[len(sw):])


def _role_cuts(ctx: CheckContext, person: str, roles: dict[str, dict[str, tuple[Claim, Entity]]]) -> list[Finding]:
    findings = []
    for long_key in sorted(roles):
        for short_key in sorted(roles):
            long_c, long_e = next(iter(roles[long_key].values()))
            cut = _cut(long_e.role or "", next(iter(roles[short_key].values()))[1].role or "")
            if not cut:
                continue
            lacking = sorted(s for s in roles[short_key] if s not in roles[long_key])
            lacking = [s for s in lacking if fold(cut) not in fold(ctx.articles[s].raw)]
            if not lacking:
                continue
            carriers = sorted(roles[long_key])
            ev = [evidence_of(c, _role_span(ctx, c, e), "role") for c, e in roles[long_key].values()]
            ev += [evidence_of(c, _role_span(ctx, c, e), "role") for s, (c, e) in roles[short_key].items()
                   if s in lacking]
            short_role = next(iter(roles[short_key].values()))[1].role
            message = (f"{', '.join(lacking)} cut{'s' if len(lacking) == 1 else ''} {person}'s title to "
                       f"“{short_role}” from “{long_e.role}” in {', '.join(carriers)} (leaves out “{cut}”)")
            findings.append(make_finding(ctx, FindingKind.DETAIL_DROPPED, None, ev, message,
                                         score=4, extra_id="role-cut",
                                         severity=Severity.WARNING, missing=lacking, nature="title_cut", slot="role"))
    return findings


@register(FindingKind.ENTITY_CONFLICT)
def check_entity_conflict(ctx: CheckContext) -> list[Finding]:
    """Aligned claims name a different person, place, organisation, title or role for the same slot."""
    findings: list[Finding] = []
    # Roles: the same person, called different things by different sources.
    for person, roles in sorted(_person_roles(ctx).items()):
        readings = _role_readings(roles)
        if FindingKind.DETAIL_DROPPED.value in ctx.config.checks:
            findings += _role_cuts(ctx, person, roles)
        # A source that disagrees with itself is reported once, as an internal conflict, and its roles are left out
        # of the comparison between sources.
        own = _self_conflicting(roles, readings)
        for i, ra in enumerate(readings):
            for rb in readings[i + 1:]:
                sa = {src for k in ra for src in roles[k]} - own
                sb = {src for k in rb for src in roles[k]} - own
                if not sa or not sb:
                    continue
                mentions = [m for k in ra + rb for src, m in roles[k].items() if src not in own]
                ev = [evidence_of(c, _role_span(ctx, c, e), "role") for c, e in mentions]
                kept = {k: {s: m for s, m in roles[k].items() if s not in own} for k in ra + rb}
                message = f"{person} is {_describe(kept, [k for k in rb if kept[k]])} but " \
                          f"{_describe(kept, [k for k in ra if kept[k]])} (role)"
                findings.append(make_finding(ctx, FindingKind.ENTITY_CONFLICT, None, ev, message,
                                             score=6, slot="role"))
    # Places, people, organisations, kinship and party labels: from the typed word diff of every aligned pair. A role
    # the comparison of roles above already reports is not reported again.
    covered = [e for f in findings for e in f.evidence]
    for f in conflict_findings(ctx, FindingKind.ENTITY_CONFLICT):
        if f.evidence and all(e.role == "role" for e in f.evidence) and any(
                c.source == e.source and c.start < e.end and e.start < c.end for e in f.evidence for c in covered):
            continue
        findings.append(f)
    return findings
