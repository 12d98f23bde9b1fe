"""quote_divergence: the same remark by the same speaker, worded differently across sources.

Example: one source quotes Ushakov "We agreed on some things… while others caused criticism", another
"We agreed on some things… while others drew criticism": ``caused`` became ``drew``. A partial quote is compared
with the matching stretch of the fuller rendering only; an ellipsis marks words left out on purpose and is not a
change; two remarks joined into one quotation (a splice) are reported as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from factcheck.checks.base import CheckContext, evidence_of, make_finding, register
from factcheck.checks.rank import quote_nature
from factcheck.extract.entities import same_person
from factcheck.models import Claim, ClaimType, Finding, FindingKind, WordDiff, WordOp
from factcheck.tokenize import GAP, segments, surface_tokens, tokens
from factcheck.wording import best_window, diff_opcodes, marked, similarity


@dataclass(frozen=True)
class _Words:
    words: tuple[str, ...]
    gaps: frozenset[int]  # positions in ``words`` that an ellipsis stands before
    surface: tuple[str, ...] = ()  # each word as the text writes it


@lru_cache(maxsize=65536)
def _words(text: str) -> _Words:
    out: list[str] = []
    surf: list[str] = []
    gaps: set[int] = set()
    norm, surface = surface_tokens(text)
    for tok, word in zip(norm, surface):
        if tok == GAP:
            gaps.add(len(out))
        else:
            out.append(tok)
            surf.append(word)
    return _Words(tuple(out), frozenset(gaps), tuple(surf))


def _show(norm: tuple[str, ...], surface: tuple[str, ...]) -> tuple[str, ...]:
    """The words to show for a stretch of tokens: as written, unless only an expansion's tail is in it."""
    shown = tuple(w for w in surface if w)
    return shown if shown else norm


@dataclass(frozen=True)
class Comparison:
    """How ``probe`` renders the words of ``other``: the word operations inside the stretches both quote, and the
    runs of the probe that ``other`` does not hold at all (candidates for a splice)."""

    ops: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    changed: bool
    leftovers: tuple[tuple[str, ...], ...]


def _contains(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


def compare_quotes(probe_text: str, other_text: str, whole_swap: bool = False) -> Comparison:
    """Compare a quotation (``probe``) with another rendering of the same remark (``other``).

    Each run of the probe between ellipses is located in ``other`` by local alignment; words that differ inside the
    located stretch are changes. Words of ``other`` outside it are not (the probe quotes less), nor are words the
    probe leaves out where ``other`` has an ellipsis. Probe words moved to another place in ``other`` are a change.
    With ``whole_swap`` (the two were aligned as one remark by the sentences around them) a short quotation of as
    many words with none in common is changed whole (citing "Bill Maher" / citing "Everett Thorburn").
    """
    probe, probe_surface = surface_tokens(probe_text)
    other = _words(other_text)
    ops_all: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    leftovers: list[tuple[str, ...]] = []
    changed = False
    for s0, s1 in segments(probe):
        seg = probe[s0:s1]
        seg_surface = probe_surface[s0:s1]
        m = best_window(seg, other.words)
        # A short quotation of as many words as the other with one word changed is still located there (the
        # two were aligned as one remark by the sentences around them).
        one_off = len(seg) == len(other.words) and 2 <= len(seg) <= 3 and m.matched == len(seg) - 1
        if whole_swap and len(seg) == len(other.words) <= 3 and m.matched == 0 and len(probe) == len(seg):
            changed = True
            ops_all.append(("replace", _show(seg, seg_surface), _show(other.words, other.surface)))
            continue
        if not one_off and (m.matched == 0 or m.matched < min(len(seg), 3)
                            or (m.coverage_a < 0.5 and len(seg) >= 4)):
            leftovers.append(seg)
            continue
        a0, a1, b0, b1 = m.a0, m.a1, m.b0, m.b1
        lead = min(a0, b0)
        a0, b0 = a0 - lead, b0 - lead
        tail = min(len(seg) - a1, len(other.words) - b1)
        a1, b1 = a1 + tail, b1 + tail
        for edge, edge_surface in ((seg[:a0], seg_surface[:a0]), (seg[a1:], seg_surface[a1:])):
            if not edge:
                continue
            if _contains(other.words[:b0] + ("\0",) + other.words[b1:], edge):
                changed = True
                shown = _show(edge, edge_surface)
                ops_all.append(("move", shown, shown))
            elif len(edge) >= 3:
                leftovers.append(edge)
        ops = diff_opcodes(seg[a0:a1], other.words[b0:b1])
        # Words of the other rendering beyond the probe's first or last word: the probe quotes less.
        while ops and ops[0][0] == "insert":
            ops.pop(0)
        while ops and ops[-1][0] == "insert":
            ops.pop()
        for tag, i0, i1, j0, j1 in ops:
            old = _show(seg[a0 + i0:a0 + i1], seg_surface[a0 + i0:a0 + i1])
            new = _show(other.words[b0 + j0:b0 + j1], other.surface[b0 + j0:b0 + j1])
            if tag == "equal":
                ops_all.append((tag, old, old))
                continue
            # Words the other rendering skipped with an ellipsis are elided, not changed.
            if tag == "delete" and b0 + j0 in other.gaps:
                ops_all.append(("equal", old, old))
                continue
            changed = True
            ops_all.append((tag, old if i1 > i0 else (), new if j1 > j0 else ()))
        if s1 < len(probe):
            ops_all.append(("equal", ("…",), ("…",)))
    return Comparison(tuple(ops_all), changed, tuple(leftovers))


def _reference(claims: list[Claim]) -> Claim:
    """The fullest rendering: the one the others are most likely cut from."""
    return sorted(claims, key=lambda c: (-len(tokens(c.quote or "")), c.source, c.index))[0]


def _change(ops, source_a: str, source_b: str) -> str:
    """The first word change, said plainly: ``“caused” in A vs “drew” in B``."""
    for tag, old, new in ops:
        if tag == "move":
            return f"“{' '.join(old)}” stands elsewhere in {source_a} than in {source_b}"
        if tag != "equal":
            left = f"“{' '.join(old)}”" if old else "nothing"
            right = f"“{' '.join(new)}”" if new else "nothing"
            return f"{left} in {source_a} vs {right} in {source_b}"
    return ""


def _same_speaker(a: Claim, b: Claim) -> bool:
    return not (a.speaker and b.speaker) or same_person(a.speaker, b.speaker)


def _typed(source_a: str, source_b: str, ops) -> WordDiff:  # type: ignore[no-untyped-def]
    """The comparison's word operations as a typed diff (the same operations the marked text shows)."""
    return WordDiff(source_a, source_b, tuple(WordOp(tag, " ".join(old), " ".join(new)) for tag, old, new in ops))


def _compare_pair(ctx: CheckContext, a: Claim, b: Claim, grouped: bool = False):
    """Diffs, one-line changes and the claims involved when ``a`` and ``b`` render one remark differently.

    Each ellipsis-separated run of the shorter quotation is compared with the quotation of the other source that
    holds it best (the grouped one first); runs found in two different quotations make a splice.
    """
    short_c, long_c = (a, b) if len(tokens(a.quote or "")) <= len(tokens(b.quote or "")) else (b, a)
    if len(segments(tokens(long_c.quote or ""))) > 1 >= len(segments(tokens(short_c.quote or ""))):
        # The rendering with ellipses is the one that may join remarks: probe it.
        short_c, long_c = long_c, short_c
    probe, probe_surface = surface_tokens(short_c.quote or "")
    candidates = [long_c] + [c for c in ctx.source_claims(long_c.source)
                             if c.type == ClaimType.QUOTE and c.quote and c.id != long_c.id
                             and _same_speaker(c, short_c)]
    cand_words = {c.id: _words(c.quote or "").words for c in candidates}
    by_target: dict[str, list[tuple[str, ...]]] = {}
    shown: dict[tuple[str, ...], str] = {}
    for s0, s1 in segments(probe):
        seg = probe[s0:s1]
        shown[seg] = " ".join(w for w in probe_surface[s0:s1] if w)
        scores = [(best_window(seg, cand_words[c.id]).matched, -k, c) for k, c in enumerate(candidates)]
        matched, _, target = max(scores, key=lambda t: (t[0], t[1]))
        if matched < 2 or target.id != long_c.id and matched < best_window(seg, cand_words[long_c.id]).matched + 2:
            target = long_c
        by_target.setdefault(target.id, []).append(seg)
    diffs: list[tuple[str, str]] = []
    typed: list[WordDiff] = []
    changes: list[str] = []
    involved: list[Claim] = []
    structure: list[str] = []
    # (the source that quotes as one, the source that quotes apart, whether a version the latter follows quotes
    # them as one too)
    joins: list[tuple[str, str, bool]] = []
    joined = _joined_remarks(ctx, short_c, long_c, by_target.get(long_c.id, []))
    for partner, run in joined:
        comp = compare_quotes(run, partner.quote or "")
        involved += [short_c, long_c, partner]
        diffs.append((f"join {long_c.source}",
                      f"one quotation holds words that {short_c.source} quotes as separate remarks"))
        structure.append(f"{long_c.source} joins into one quotation remarks {short_c.source} quotes separately")
        joins.append((long_c.source, short_c.source, _quoted_whole_before(ctx, short_c, partner)))
        if comp.changed:
            diffs.append((f"diff {long_c.source} ~ {partner.source}", marked(list(comp.ops))))
            typed.append(_typed(long_c.source, partner.source, comp.ops))
            changes.append(_change(comp.ops, long_c.source, partner.source))
    targets = [c for c in candidates if c.id in by_target]
    if len(targets) > 1:
        involved += [short_c, *targets]
        diffs.append((f"splice {short_c.source}",
                      f"joins words from {len(targets)} separate remarks in {long_c.source}"))
        structure.append(f"{short_c.source} splices {len(targets)} separate remarks into one quotation")
        joins.append((short_c.source, long_c.source, False))
    for target in targets:
        text = " … ".join(shown[seg] for seg in by_target[target.id])
        comp = compare_quotes(text, target.quote or "", whole_swap=grouped and target.id == long_c.id)
        if comp.changed:
            involved += [short_c, target]
            diffs.append((f"diff {short_c.source} ~ {target.source}", marked(list(comp.ops))))
            typed.append(_typed(short_c.source, target.source, comp.ops))
            changes.append(_change(comp.ops, short_c.source, target.source))
    return diffs, changes, structure, involved, typed, joins


def _quoted_whole_before(ctx: CheckContext, first: Claim, second: Claim) -> bool:
    """Whether a version that the source of two remarks follows holds both in one quotation of the same speaker
    (each at least half there, a word changed at most): that source quotes in pieces what the older text quotes
    whole, so a third source quoting it whole reads as the older text does and splices nothing."""
    lineage = ctx.lineage
    if lineage is None:
        return False
    parts = [p for p in (_words(c.quote or "").words for c in (first, second)) if p]
    for older in ctx.sources:
        if older == first.source or not lineage.descends(first.source, older):
            continue
        for c in ctx.source_claims(older):
            if c.type == ClaimType.QUOTE and c.quote and _same_speaker(c, first):
                words = _words(c.quote).words
                if all(best_window(part, words).matched >= max(3, 0.5 * len(part)) for part in parts):
                    return True
    return False


def _joined_remarks(ctx: CheckContext, short_c: Claim, long_c: Claim,
                    segs: list[tuple[str, ...]]) -> list[tuple[Claim, str]]:
    """Runs of the longer quotation beyond the words it shares with the shorter one that the shorter one's source
    quotes as another remark of the same speaker."""
    if not segs:
        return []
    long_all = _words(long_c.quote or "")
    long_words = long_all.words
    windows = [best_window(seg, long_words) for seg in segs]
    lo, hi = min(w.b0 for w in windows), max(w.b1 for w in windows)
    out = []
    others = [c for c in ctx.source_claims(short_c.source)
              if c.type == ClaimType.QUOTE and c.quote and c.id != short_c.id and _same_speaker(c, long_c)]
    for r0, r1 in ((0, lo), (hi, len(long_words))):
        run = long_words[r0:r1]
        if len(run) < 3 or not others:
            continue
        scored = [(best_window(_words(c.quote or "").words, run).matched, -c.index, c) for c in others]
        matched, _, partner = max(scored, key=lambda t: (t[0], t[1]))
        partner_len = len(_words(partner.quote or "").words)
        if matched >= max(3, 0.6 * min(len(run), partner_len)):
            out.append((partner, " ".join(w for w in long_all.surface[r0:r1] if w)))
    return out


def _best_counterpart(ctx: CheckContext, claim: Claim, source: str) -> Claim | None:
    """The quotation in ``source`` by the same speaker that best renders ``claim``'s words."""
    toks = tokens(claim.quote or "")
    if len([t for t in toks if t != GAP]) < 4:
        return None
    best, best_sim = None, 0.0
    for c in ctx.source_claims(source):
        if c.type != ClaimType.QUOTE or not c.quote:
            continue
        if not (claim.speaker and c.speaker and same_person(claim.speaker, c.speaker)):
            continue
        sim = similarity(toks, tokens(c.quote))
        if sim > best_sim:
            best, best_sim = c, sim
    return best if best_sim >= 0.6 else None


def _reworded_share(diffs: Sequence[WordDiff]) -> float:
    """The largest share of changed words in any one compared pair: words replaced, dropped or moved over those
    words and the ones kept (inserted words count for neither)."""
    worst = 0.0
    for d in diffs:
        changed = sum(len(op.a.split()) for op in d.ops if op.op in ("replace", "delete", "move"))
        kept = sum(len(op.a.split()) for op in d.ops if op.op == "equal")
        if changed + kept:
            worst = max(worst, changed / (changed + kept))
    return worst


def _rendered_elsewhere(ctx: CheckContext, alone: Claim, other: Claim) -> bool:
    """Whether the words ``alone`` shares with ``other`` are already rendered by another quotation of ``alone``'s
    source grouped with ``other`` (then that pair is compared, not this one)."""
    group = ctx.group_of(other.id)
    if group is None:
        return False
    target = _words(other.quote or "").words
    mine = best_window(_words(alone.quote or "").words, target)
    for cid in group.claims:
        member = ctx.claims[cid]
        if member.source != alone.source or member.type != ClaimType.QUOTE:
            continue
        theirs = best_window(_words(member.quote or "").words, target)
        overlap = min(mine.b1, theirs.b1) - max(mine.b0, theirs.b0)
        if overlap > 0.5 * max(1, min(mine.b1 - mine.b0, theirs.b1 - theirs.b0)):
            return True
    return False


@register(FindingKind.QUOTE_DIVERGENCE)
def check_quote_divergence(ctx: CheckContext) -> list[Finding]:
    """The same quotation is worded differently across sources (changed, added, dropped, moved words, or a splice)."""
    findings: list[Finding] = []
    for group in ctx.groups:
        quotes = [c for c in ctx.members(group) if c.type == ClaimType.QUOTE and c.quote]
        if not quotes:
            continue
        if len({c.source for c in quotes}) >= 2:
            ref = _reference(quotes)
            pairs = [(c, ref) for c in quotes if c.source != ref.source]
        else:
            # A quotation alone in its group may still render part of a longer quotation elsewhere that
            # was grouped with a fuller rendering: compare it with its best counterpart in each other source.
            alone = quotes[0]
            pairs = [(alone, other) for source in ctx.sources if source != alone.source
                     for other in [_best_counterpart(ctx, alone, source)]
                     if other is not None and not _rendered_elsewhere(ctx, alone, other)]
        diffs: list[tuple[str, str]] = []
        word_diffs: list[WordDiff] = []
        changes: list[str] = []
        structure: list[str] = []
        joins: list[tuple[str, str, bool]] = []
        involved: dict[str, Claim] = {}
        grouped = len({c.source for c in quotes}) >= 2
        for a, b in pairs:
            d, ch, st, inv, wd, jn = _compare_pair(ctx, a, b, grouped)
            diffs += d
            word_diffs += wd
            changes += ch
            structure += st
            joins += jn
            for c in inv:
                involved.setdefault(c.id, c)
        if not involved:
            continue
        speaker = next((c.speaker for c in quotes if c.speaker), None) or "an unnamed speaker"
        evidence = [evidence_of(c, c.quote_span, role="quote") for c in involved.values()]
        reworded = _reworded_share(word_diffs)
        # Remarks joined into one quotation are a splice unless the one quoting them as one is the version the
        # other was rewritten from, or reads as it does (the rewrite only quotes it in pieces).
        spliced = [st for st, (joiner, other, older_whole) in zip(structure, joins, strict=True)
                   if not older_whole and (ctx.lineage is None or not ctx.lineage.descends(other, joiner))]
        typed = tuple(dict.fromkeys(word_diffs))
        if spliced:
            nature, lead = "spliced_quote", f"Quotation of {speaker} spliced"
        elif reworded >= 0.4:
            nature = "reworded_quote"
            lead = (f"Quotation of {speaker} largely reworded ({reworded:.0%} of its words differ; check for a "
                    f"paraphrase or invention presented as a quote)")
        else:
            nature = quote_nature([op for d in typed for op in d.ops])
            lead = f"Quotation of {speaker} worded differently"
        listed = spliced + [c for c in changes if c] + [st for st in structure if st not in spliced]
        more = len(listed) - 1
        message = f"{lead}: {listed[0]}" + (
            f" (and {more} more change{'s' if more > 1 else ''} in this quotation)" if more else "")
        findings.append(make_finding(ctx, FindingKind.QUOTE_DIVERGENCE, group, evidence, message, diffs,
                                     score=10 + len(listed), diffs=typed, nature=nature))
    return findings
