"""Typed differences of every aligned pair, computed once per audit and read by the conflict checks.

Each group's statements and captions are compared pair by pair with :func:`factcheck.difference.compare_pair`; the
differences of one slot in one group are then gathered into readings (the words each source uses) so that one
outlet against many reads as one finding: "004 says “Geneva” where 000, 001, 002, 003 say “Miami”".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from factcheck.checks.base import CheckContext, evidence_of, make_finding, short
from factcheck.checks.pairs import REFERENCES
from factcheck.config import DEFAULT_SEVERITIES
from factcheck.difference import Difference, PairDiff, compare_pair
from factcheck.extract.dates import find_dates
from factcheck.extract.entities import fold
from factcheck.extract.numbers import find_numbers
from factcheck.models import Claim, ClaimGroup, ClaimType, Finding, FindingKind, Severity, Span, WordDiff, WordOp
from factcheck.paircache import PairCache

#: Which finding kind each conflicting slot is reported as.
SLOT_KIND = {
    "number": FindingKind.NUMBER_CONFLICT,
    "date": FindingKind.DATE_CONFLICT,
    "place": FindingKind.ENTITY_CONFLICT,
    "person": FindingKind.ENTITY_CONFLICT,
    "org": FindingKind.ENTITY_CONFLICT,
    "role": FindingKind.ENTITY_CONFLICT,
    "kinship": FindingKind.ENTITY_CONFLICT,
    "party": FindingKind.ENTITY_CONFLICT,
    "actor": FindingKind.ATTRIBUTION_CONFLICT,
    "negation": FindingKind.CONTRADICTION,
    "antonym": FindingKind.CONTRADICTION,
}
SLOT_NAME = {"number": "number", "date": "date", "place": "place", "person": "person", "org": "organisation",
             "role": "title or role", "kinship": "kinship", "party": "party", "actor": "who does it",
             "negation": "a negation", "antonym": "opposite words"}


def _frame(ctx: CheckContext, c: Claim) -> Claim:
    """A quote claim read as its whole sentence, with the sentence's own numbers and dates ("FLINT, Mich., Oct. 4
    (UPI) — ... a “crazy system”": "Oct. 4" is a date of the frame, not of the quotation)."""
    base, text = c.sentence.start, c.sentence.text
    article = ctx.articles.get(c.source)
    numbers = tuple(replace(n, start=n.start + base, end=n.end + base) for n in find_numbers(text))
    dates = tuple(replace(d, start=d.start + base, end=d.end + base)
                  for d in find_dates(text, article.published if article else None))
    return replace(c, span=c.sentence, numbers=numbers, dates=dates)


def _pairs(ctx: CheckContext, group: ClaimGroup) -> Iterator[tuple[Claim, Claim]]:
    members = [c for c in ctx.members(group) if c.type != ClaimType.QUOTE]
    if not members:
        # One remark quoted by several sources: compare the sentences around the quotation ("…,” Rep. Clyburn told
        # NBC"); the quoted words themselves are the quote check's business and are left out of the diff.
        members = [_frame(ctx, c) for c in ctx.members(group) if c.type == ClaimType.QUOTE]
    refs = members[:REFERENCES]
    for i, a in enumerate(refs):
        for b in refs[i + 1:]:
            yield a, b
    for b in members[REFERENCES:]:
        for a in refs:
            yield a, b


def pair_diffs(ctx: CheckContext) -> list[tuple[ClaimGroup, PairDiff]]:
    """Every compared pair of the audit with its typed differences (same-source pairs included: a source that
    disagrees with itself), computed on first use and kept in the context."""
    memo = ctx.__dict__.get("_pair_diffs")
    if memo is not None:
        return memo
    out: list[tuple[ClaimGroup, PairDiff]] = []
    texts = {sid: a.raw for sid, a in ctx.articles.items()}
    # With the cache on, pairs compared by an earlier audit of these articles are read back (a story that gained an
    # article compares only the new article's pairs).
    cache = PairCache(ctx.config.cache_dir, texts) if ctx.config.use_cache else None
    compare = cache.compare if cache is not None else compare_pair
    for group in ctx.groups:
        if len(group.claims) < 2:
            continue
        for a, b in _pairs(ctx, group):
            pd = compare(a, b, texts.get(a.source, ""), texts.get(b.source, ""))
            if a.type == ClaimType.QUOTE:
                # Around a quotation only conflicts count; who spoke is compared by speaker (attribution check).
                pd = replace(pd, differences=tuple(d for d in pd.differences
                                                   if d.kind == "conflict" and d.slot not in ("person", "actor")))
            if pd.differences and (_headline(ctx, a) or _headline(ctx, b)):
                # Headline case makes every word look like a name ("Trump Acknowledges"): names and actors of a
                # headline are not compared, its numbers, dates, places and negations are.
                pd = replace(pd, differences=tuple(d for d in pd.differences
                                                   if d.slot not in ("person", "actor", "org")))
            if pd.differences and _far_apart(ctx, a, b):
                # Articles published weeks apart: numbers and dates may be two events (this year's count and last
                # year's), so they are not compared.
                pd = replace(pd, differences=tuple(d for d in pd.differences if d.slot not in ("number", "date")))
            if pd.differences:
                out.append((group, pd))
    if cache is not None:
        cache.save()
    object.__setattr__(ctx, "_pair_diffs", out)
    return out


#: Articles published more than this many days apart may report two events of one kind.
EVENT_DAYS = 14


def _far_apart(ctx: CheckContext, a: Claim, b: Claim) -> bool:
    da, db = ctx.articles[a.source].published, ctx.articles[b.source].published
    return da is not None and db is not None and abs((da - db).days) > EVENT_DAYS


def _word_diff(pd: PairDiff) -> WordDiff:
    return WordDiff(pd.a.source, pd.b.source, tuple(WordOp(op, x, y) for op, x, y in pd.ops))


def _reading_key(text: str) -> str:
    return " ".join(fold(text).split())


def _instances(items: list[tuple[Difference, PairDiff]]) -> list[list[tuple[Difference, PairDiff]]]:
    """The differences of one slot in one group split into instances: two differences are one instance when they
    share the words of one source (a number that two other sources each give differently)."""
    parent: dict[tuple[str, tuple[int, int]], tuple[str, tuple[int, int]]] = {}

    def find(x: tuple[str, tuple[int, int]]) -> tuple[str, tuple[int, int]]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for d, _ in items:
        ra, rb = find((d.a.source, d.a_span)), find((d.b.source, d.b_span))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out: dict[tuple[str, tuple[int, int]], list[tuple[Difference, PairDiff]]] = {}
    for d, pd in items:
        out.setdefault(find((d.a.source, d.a_span)), []).append((d, pd))
    return [out[k] for k in sorted(out)]


def conflict_findings(ctx: CheckContext, kind: FindingKind) -> list[Finding]:
    """Findings of ``kind`` from the cross-source conflicts of every group, one per group, slot and place in the
    claims where the sources differ."""
    by_slot: dict[tuple[str, str], list[tuple[Difference, PairDiff]]] = {}
    for group, pd in pair_diffs(ctx):
        if pd.a.source == pd.b.source:
            continue
        for d in pd.differences:
            if d.kind == "conflict" and SLOT_KIND[d.slot] == kind:
                by_slot.setdefault((group.id, d.slot), []).append((d, pd))
    groups = {g.id: g for g in ctx.groups}
    internal = internal_slots(ctx)
    findings = []
    for (gid, slot), all_items in sorted(by_slot.items()):
        for items in _instances(all_items):
            finding = _conflict_finding(ctx, kind, groups[gid], slot, items, {s for s, g in internal if g == gid})
            if finding is not None:
                findings.append(finding)
    return findings


def _conflict_finding(ctx: CheckContext, kind: FindingKind, group: ClaimGroup, slot: str,
                      items: list[tuple[Difference, PairDiff]], internal: set[str]) -> Finding | None:
    readings: dict[str, dict[str, tuple[Claim, tuple[int, int], str]]] = {}
    for d, _ in items:
        readings.setdefault(_reading_key(d.a_text), {}).setdefault(d.a.source, (d.a, d.a_span, d.a_text))
        readings.setdefault(_reading_key(d.b_text), {}).setdefault(d.b.source, (d.b, d.b_span, d.b_text))
    # A source that holds two readings of the slot disagrees with itself: that is its own finding.
    multi = {s for r in readings.values() for s in r if sum(s in o for o in readings.values()) > 1} | internal
    readings = {k: {s: v for s, v in r.items() if s not in multi} for k, r in readings.items()}
    readings = {k: r for k, r in readings.items() if r}
    if len(readings) < 2:
        return None
    order = sorted(readings, key=lambda k: (len(readings[k]), sorted(readings[k])[0]))
    odd, rest = order[0], order[1:]
    first = next(iter(readings[odd].values()))
    parts = [f"“{v[2]}”" for k in rest for v in list(readings[k].values())[:1]]
    rest_sources = sorted({s for k in rest for s in readings[k]})
    message = (f"{', '.join(sorted(readings[odd]))} {'says' if len(readings[odd]) == 1 else 'say'} "
               f"“{first[2]}” where {', '.join(rest_sources)} {'says' if len(rest_sources) == 1 else 'say'} "
               f"{' / '.join(dict.fromkeys(parts))} ({SLOT_NAME[slot]})")
    evidence = [evidence_of(c, Span(c.source, s, e, ctx.articles[c.source].raw[s:e]), slot)
                for r in readings.values() for c, (s, e), _ in r.values()]
    diffs = tuple(dict.fromkeys(_word_diff(pd) for _, pd in items
                                if pd.a.source in readings[odd] or pd.b.source in readings[odd]))[:4]
    claims = {c.id: c for r in readings.values() for c, _, _ in r.values()}
    details = [(f"claim {c.source}", c.text) for c in claims.values()]
    return make_finding(ctx, kind, group, evidence, message, details, score=8, extra_id=slot, diffs=diffs, slot=slot)


def internal_slots(ctx: CheckContext) -> set[tuple[str, str]]:
    """(source, group id) pairs where a source's own claims of one group conflict."""
    out = set()
    for group, pd in pair_diffs(ctx):
        if pd.a.source == pd.b.source and any(d.kind == "conflict" for d in pd.differences):
            out.add((pd.a.source, group.id))
    return out


def internal_findings(ctx: CheckContext) -> list[Finding]:
    """One finding per source and group where the source's own aligned claims disagree."""
    findings = []
    seen: set[tuple[str, str, str]] = set()
    groups = {g.id: g for g in ctx.groups}
    for group, pd in pair_diffs(ctx):
        if pd.a.source != pd.b.source:
            continue
        for d in pd.differences:
            if d.kind != "conflict" or (d.a.source, group.id, d.slot) in seen:
                continue
            seen.add((d.a.source, group.id, d.slot))
            raw = ctx.articles[d.a.source].raw
            ev = [evidence_of(d.a, Span(d.a.source, *d.a_span, raw[d.a_span[0]:d.a_span[1]]), d.slot),
                  evidence_of(d.b, Span(d.b.source, *d.b_span, raw[d.b_span[0]:d.b_span[1]]), d.slot)]
            where = _where(d.a, d.b)
            message = (f"{d.a.source} disagrees with itself ({SLOT_NAME[d.slot]}): “{d.a_text}” {where[0]} but "
                       f"“{d.b_text}” {where[1]}")
            findings.append(make_finding(ctx, FindingKind.INTERNAL_CONFLICT, groups[group.id], ev, message,
                                         [("claim " + d.a.source, d.a.text), ("claim " + d.b.source, d.b.text)],
                                         score=7, extra_id=d.slot, diffs=(_word_diff(pd),), slot=d.slot))
    return findings


def _where(a: Claim, b: Claim) -> tuple[str, str]:
    def one(c: Claim) -> str:
        return "in a caption" if c.type == ClaimType.CAPTION else "in the text"

    return one(a), one(b)


def _headline(ctx: CheckContext, claim: Claim) -> bool:
    title = ctx.articles[claim.source].title_span
    return title is not None and title.start <= claim.span.start and claim.span.end <= title.end


def dropped_findings(ctx: CheckContext) -> list[Finding]:
    """Details (numbers, dates, places, names, roles) one claim carries and its aligned counterpart leaves out,
    one finding per group and detail, naming every source that leaves it out."""
    by_detail: dict[tuple[str, str, str], list[tuple[Difference, PairDiff]]] = {}
    for group, pd in pair_diffs(ctx):
        if pd.a.source == pd.b.source:
            continue
        for d in pd.differences:
            if d.kind != "dropped" or _headline(ctx, d.a) or _headline(ctx, d.b):
                continue  # a headline sums up: it leaves out nearly everything
            carried = d.a_text or d.b_text
            by_detail.setdefault((group.id, d.slot, _reading_key(carried)), []).append((d, pd))
    groups = {g.id: g for g in ctx.groups}
    findings = []
    for (gid, slot, _key), items in sorted(by_detail.items()):
        carriers: dict[str, tuple[Claim, tuple[int, int], str]] = {}
        lacking: dict[str, Claim] = {}
        for d, _ in items:
            if d.a_text:
                carriers.setdefault(d.a.source, (d.a, d.a_span, d.a_text))
                lacking.setdefault(d.b.source, d.b)
            else:
                carriers.setdefault(d.b.source, (d.b, d.b_span, d.b_text))
                lacking.setdefault(d.a.source, d.a)
        lacking = {s: c for s, c in lacking.items() if s not in carriers}
        if not lacking:
            continue
        carrier_claim, _, detail = next(iter(carriers.values()))
        message = (f"{', '.join(sorted(lacking))} {'leaves' if len(lacking) == 1 else 'leave'} out “{detail}” "
                   f"({SLOT_NAME[slot]}) that {', '.join(sorted(carriers))} {'gives' if len(carriers) == 1 else 'give'}"
                   f": “{short(carrier_claim.text, 80)}”")
        evidence = [evidence_of(c, Span(c.source, s, e, ctx.articles[c.source].raw[s:e]), "detail")
                    for c, (s, e), _ in carriers.values()]
        evidence += [evidence_of(c, role="without") for c in lacking.values()]
        severity = None
        if slot in ("role", "number") and ctx.config.severities.get(FindingKind.DETAIL_DROPPED.value) == \
                DEFAULT_SEVERITIES[FindingKind.DETAIL_DROPPED.value]:
            severity = Severity.WARNING
        diffs = tuple(dict.fromkeys(_word_diff(pd) for _, pd in items))[:4]
        findings.append(make_finding(ctx, FindingKind.DETAIL_DROPPED, groups[gid], evidence, message,
                                     score=3 + (slot in ("role", "number")),
                                     extra_id=f"{slot}:{','.join(sorted(lacking))}", diffs=diffs, severity=severity,
                                     missing=sorted(lacking), nature="detail_" + slot, slot=slot))
    return findings
