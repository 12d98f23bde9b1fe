"""unique_claim: a claim only one source makes; no other source supports it, even in other words.

Example: one outlet quotes an expert whom no other outlet mentions. A claim that carries a checkable fact (a
quotation, number, date, name or place) is a finding of its own, ranked by what it carries; a rewrite's claim is
"added by" it against the version it follows. Claims that carry none (colour, commentary, context) are collapsed
into one finding per source that lists them all; so are all of a source's unique claims when the lineage finds
independent reporting, where every outlet is expected to tell the event its own way.
"""

from __future__ import annotations

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register, short
from factcheck.checks.weight import claim_weight, weight_reason
from factcheck.extract.entities import same_person
from factcheck.lineage import carries_fact
from factcheck.models import Claim, ClaimType, Finding, FindingKind


def _one(ctx: CheckContext, claim: Claim) -> Finding:
    weight = claim_weight(claim)
    what = "quotation" if claim.type == ClaimType.QUOTE else (
        "caption" if claim.type == ClaimType.CAPTION else "claim")
    speaker = f" attributed to {claim.speaker}" if claim.speaker and claim.type == ClaimType.QUOTE else ""
    parent = ctx.lineage.follows(claim.source) if ctx.lineage is not None else None
    if parent is not None:
        message = (f"{claim.source} adds a {what}{speaker} that {parent}, the version it follows, does not have: "
                   f"“{short(claim.text, 90)}”")
    else:
        message = f"Only {claim.source} has this {what}{speaker}: “{short(claim.text, 90)}”"
    reason = weight_reason(claim)
    span = claim.quote_span if claim.type == ClaimType.QUOTE else None
    group = ctx.group_of(claim.id)
    # A place counts when no other source names it (the places of the event are in every version).
    figures = claim.numbers or claim.dates or any(
        e.label == "place" and e.canonical not in _places_elsewhere(ctx, claim.source) for e in claim.entities)
    nature = "added_quote" if claim.type == ClaimType.QUOTE else ("added_fact" if figures else "added_name")
    if (claim.type == ClaimType.QUOTE and parent is not None and len((claim.quote or "").split()) >= 4
            and _speaker_quoted_elsewhere(ctx, claim)):
        nature = "invented_quote"
    return make_finding(ctx, FindingKind.UNIQUE_CLAIM, group, [evidence_of(claim, span)], message,
                        [("carries", reason)] if reason else [], score=weight, nature=nature)


def _places_elsewhere(ctx: CheckContext, source: str) -> frozenset[str]:
    cache = ctx.__dict__.setdefault("_places_by_source", {})
    if not cache:
        for c in ctx.claims.values():
            cache.setdefault(c.source, set()).update(e.canonical for e in c.entities if e.label == "place")
    return frozenset(p for s, places in cache.items() if s != source for p in places)


def _speaker_quoted_elsewhere(ctx: CheckContext, claim: Claim) -> bool:
    """Whether another source quotes the same speaker: a quotation a rewrite alone gives a person the others
    quote may be invented."""
    if not claim.speaker:
        return False
    return any(c.source != claim.source and c.type == ClaimType.QUOTE and c.speaker
               and same_person(c.speaker, claim.speaker) for c in ctx.claims.values())


def _collapsed(ctx: CheckContext, source: str, claims: list[Claim], independent: bool) -> Finding:
    n = len(claims)
    if independent:
        message = (f"{source} reports {n} claim{'s' if n != 1 else ''} no other source has (independent "
                   f"reporting: each outlet tells the event its own way)")
    else:
        message = (f"{source} adds {n} sentence{'s' if n != 1 else ''} of commentary or colour (no quotation, "
                   f"number, date, name or place): “{short(claims[0].text, 60)}”" + (" …" if n > 1 else ""))
    evidence = [evidence_of(c, c.quote_span if c.type == ClaimType.QUOTE else None) for c in claims]
    return make_finding(ctx, FindingKind.UNIQUE_CLAIM, None, evidence, message, [("claims", str(n))],
                        score=0.0, extra_id="collapsed:" + source,
                        nature="independent" if independent else "colour")


@register(FindingKind.UNIQUE_CLAIM)
def check_unique_claim(ctx: CheckContext) -> list[Finding]:
    """A claim only one source makes."""
    findings: list[Finding] = []
    if len(ctx.sources) < 2:
        return findings
    independent = ctx.lineage is not None and ctx.lineage.independent
    followed = {e.follows for e in ctx.lineage.sources} if ctx.lineage is not None else set()
    plain: dict[str, list[Claim]] = {}
    kept: dict[str, list[Claim]] = {}  # claims of a version others follow that none of them carries
    for group in ctx.groups:
        if len(group.sources) != 1:
            continue
        claim = ctx.members(group)[0]
        if claim.source in followed:
            kept.setdefault(claim.source, []).append(claim)
        elif independent or not carries_fact(claim):
            plain.setdefault(claim.source, []).append(claim)
        else:
            findings.append(_one(ctx, claim))
    for source in sorted(plain):
        findings.append(_collapsed(ctx, source, plain[source], independent))
    for source in sorted(kept):
        findings.append(_kept_alone(ctx, source, kept[source]))
    return findings


def _kept_alone(ctx: CheckContext, source: str, claims: list[Claim]) -> Finding:
    """A version the others were rewritten from holds claims none of them kept: what the rewrites cut (each
    rewrite's own "leaves out" line names them), listed once here."""
    n = len(claims)
    quotes = sum(1 for c in claims if c.type == ClaimType.QUOTE)
    message = (f"{n} claim{'s' if n != 1 else ''} of {source}" + (f" ({quotes} quotations)" if quotes else "")
               + f" {'is' if n == 1 else 'are'} kept by none of the versions that follow it: "
               + f"“{short(claims[0].text, 60)}”"
               + (" …" if n > 1 else ""))
    evidence = [evidence_of(c, c.quote_span if c.type == ClaimType.QUOTE else None) for c in claims]
    return make_finding(ctx, FindingKind.UNIQUE_CLAIM, None, evidence, message, [("claims", str(n))],
                        score=float(quotes), extra_id="kept-alone:" + source, nature="cut_by_all")
