"""Stage 4b, lineage: which version of a story follows which, read from the aligned claims as stemmatology reads
manuscripts.

News versions descend from one another (wire copy, rewrites, translations). For every pair of sources this stage
counts the claims they both carry, the statements they word alike, and their shared *variant readings*: groups where
the two word a claim the same way and a third source words it otherwise. A source follows the version that carries
nearly all of its facts, is fuller than it, and shares the most readings with it; a source that no other version
holds that well follows none (an original, or independent reporting). Sources that follow one version but share
readings against it, or that follow none but word most of their statements alike, form a *family*: they descend from
a common text that need not be in the batch.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.models import Article, Claim, ClaimGroup, ClaimType, Lineage, SourceLineage
from factcheck.tokenize import tokens
from factcheck.wording import diff_opcodes, symmetric_similarity

#: Share of a source's facts that another version must carry for the source to follow it, when the two word the
#: statements they share alike (a copy edited at the desk).
HOLD = 0.85
#: Mean word similarity of the statements two sources both carry for that (independent reports of one event share
#: facts, not wording).
CLOSE = 0.7
#: A rewrite that words everything anew still keeps its quotations: a source with at least ``QUOTES`` quotations
#: follows a fuller version that carries this share of them, and ``HOLD_LOOSE`` of its facts.
HOLD_QUOTES = 0.7
HOLD_LOOSE = 0.5
QUOTES = 3
#: Word variants two sources must share against the version they both follow to form a family.
FAMILY_READINGS = 2
#: Statements two sources must both carry for their wording to be compared (a shared headline alone says little).
STATEMENTS = 3
#: Facts of a desk copy that the version it follows may lack (an alignment missed).
EXCESS = 0
#: Words on either side of a change for it to be a variant reading (a longer stretch is a sentence cut or joined).
VARIANT_WORDS = 4
#: Third sources a reading is weighed against (bounds the work in a story of many versions).
MAJORITY_THIRDS = 8
#: Share of a version's own variants that a source must carry to follow that version rather than its parent.
INHERIT = 0.7


def carries_fact(claim: Claim) -> bool:
    """Whether a claim holds something a reader can check: a quotation, a number, a date, a name or a place."""
    return bool(claim.type == ClaimType.QUOTE or claim.numbers or claim.dates
                or any(e.label in ("person", "org", "place") for e in claim.entities))


Reading = tuple[str, ...]


@dataclass(frozen=True)
class _Story:
    sources: tuple[str, ...]
    claims: dict[str, list[Claim]]  # per source
    readings: dict[str, dict[str, tuple[Reading, bool]]]  # source -> group id -> (words, is a statement)
    group_of: dict[str, ClaimGroup]
    published: dict[str, dt.date | None]
    paragraph: dict[str, int]  # claim id -> index of the paragraph it stands in
    variants: dict[tuple[str, str], frozenset] = field(default_factory=dict)  # memo of ``_variant_set``


def _story(claims: Sequence[Claim], groups: Sequence[ClaimGroup], articles: Sequence[Article]) -> _Story:
    by_id = {c.id: c for c in claims}
    per_source: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        per_source[c.source].append(c)
    readings: dict[str, dict[str, tuple[Reading, bool]]] = defaultdict(dict)
    group_of: dict[str, ClaimGroup] = {}
    for g in groups:
        for cid in g.claims:
            c = by_id[cid]
            group_of[cid] = g
            if g.id not in readings[c.source]:
                words = tokens(c.quote if c.type == ClaimType.QUOTE and c.quote else c.text)
                readings[c.source][g.id] = (words, c.type == ClaimType.STATEMENT)
    paragraph: dict[str, int] = {}
    for a in articles:
        starts = [b.start for b in a.blocks]
        for c in per_source.get(a.id, []):
            paragraph[c.id] = bisect_right(starts, c.span.start)
    return _Story(tuple(sorted(a.id for a in articles)), dict(per_source), dict(readings), group_of,
                  {a.id: a.published for a in articles}, paragraph)


@dataclass(frozen=True)
class _Pair:
    held: float  # share of the first source's facts the second carries
    held_quotes: float  # share of its quotations the second carries
    quotes: int  # its quotations
    carried: float  # share of all its claims the second carries
    excess: int  # its facts the second lacks
    plain: int  # its claims the second lacks that read as added colour (see ``_colour``)
    statements: int  # statements both carry
    close: float  # mean word similarity of the statements both carry
    near: float  # mean word similarity of every claim both carry (quotations too)
    verbatim: float  # share of the statements both carry worded alike


def _pair(story: _Story, s: str, p: str) -> _Pair:
    mine = story.claims.get(s, [])
    facts = [c for c in mine if carries_fact(c)] or mine
    quotes = [c for c in mine if c.type == ClaimType.QUOTE]
    theirs = story.readings.get(p, {})

    def in_p(c: Claim) -> bool:
        g = story.group_of.get(c.id)
        return g is not None and g.id in theirs

    held_facts = sum(in_p(c) for c in facts)
    statements: list[float] = []
    every: list[float] = []
    for gid, (words, is_statement) in story.readings.get(s, {}).items():
        other = theirs.get(gid)
        if other is None:
            continue
        sim = symmetric_similarity(words, other[0])
        every.append(sim)
        if is_statement and other[1]:
            statements.append(sim)

    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else 0.0

    return _Pair(
        held=held_facts / len(facts) if facts else 0.0,
        held_quotes=sum(in_p(c) for c in quotes) / len(quotes) if quotes else 0.0, quotes=len(quotes),
        carried=sum(in_p(c) for c in mine) / len(mine) if mine else 0.0, excess=len(facts) - held_facts,
        plain=_colour(story, mine, [c for c in mine if not in_p(c)]),
        statements=len(statements), close=mean(statements) if len(statements) >= STATEMENTS else 0.0,
        near=mean(every),
        verbatim=sum(x >= 0.999 for x in statements) / len(statements) if statements else 0.0,
    )


def _colour(story: _Story, mine: list[Claim], lacking: list[Claim]) -> int:
    """Of a source's claims another version lacks, those that read as added colour: no fact, in a paragraph all of
    whose claims the other lacks and none of which has a fact. A paragraph cut whole takes its plain sentences with
    its facts; a sentence cut from a paragraph leaves the rest of it in the other version; colour comes as
    sentences of its own."""
    absent = {c.id for c in lacking}
    kept = {story.paragraph.get(c.id) for c in mine if c.id not in absent}
    with_facts = {story.paragraph.get(c.id) for c in lacking if carries_fact(c)}
    return sum(1 for c in lacking if not carries_fact(c) and story.paragraph.get(c.id) not in with_facts | kept)


def _variants(a: Reading, p: Reading) -> frozenset[tuple[str, Reading, Reading, str]]:
    """How ``a`` words a claim otherwise than ``p`` does, word by word (a longer or shorter extent is no variant,
    nor is a stretch of more than ``VARIANT_WORDS`` words, a sentence cut or joined): each change with the word of
    ``p`` before it."""
    ops = diff_opcodes(a, p)
    while ops and ops[0][0] != "equal":
        ops.pop(0)
    while ops and ops[-1][0] != "equal":
        ops.pop()
    return frozenset((tag, p[j0:j1], a[i0:i1], p[j0 - 1] if j0 else "")
                     for tag, i0, i1, j0, j1 in ops if tag != "equal" and max(i1 - i0, j1 - j0) <= VARIANT_WORDS)


def _variant_set(story: _Story, pairs: dict[tuple[str, str], _Pair], a: str,
                 p: str) -> frozenset[tuple[str, tuple[str, Reading, Reading, str]]]:
    key = (a, p)
    found = story.variants.get(key)
    if found is None:
        found = story.variants[key] = _variant_set_of(story, pairs, a, p)
    return found


def _variant_set_of(story: _Story, pairs: dict[tuple[str, str], _Pair], a: str,
                    p: str) -> frozenset[tuple[str, tuple[str, Reading, Reading, str]]]:
    """Every word variant of ``a`` against ``p``, by group: in quotations, which should be verbatim, and in
    statements too when the two word their statements alike (a copy edited, where a changed word is a reading;
    in a paraphrase it is noise)."""
    ra, rp = story.readings.get(a, {}), story.readings.get(p, {})
    wording = pairs[(a, p)].close >= CLOSE
    return frozenset((gid, v) for gid in ra.keys() & rp.keys() if wording or not ra[gid][1]
                     for v in _variants(ra[gid][0], rp[gid][0]))


def _shared_variants(story: _Story, pairs: dict[tuple[str, str], _Pair], a: str, b: str, p: str) -> int:
    """Word variants ``a`` and ``b`` share against ``p``: the same words where ``p`` has others."""
    return len(_variant_set(story, pairs, a, p) & _variant_set(story, pairs, b, p))


def _inherits(story: _Story, pairs: dict[tuple[str, str], _Pair], s: str, p: str, q: str) -> bool:
    """Whether ``s`` carries the variants ``p`` has against ``q``, as a rewrite of ``p`` would; a sibling of ``p``
    reads as ``q`` does where ``p`` changed the words. A variant ``s`` words a third way (it changed the same words
    again) says neither; a claim ``s`` dropped says nothing."""
    mine, theirs = story.readings.get(s, {}), _variant_set(story, pairs, p, q)
    own = _variant_set(story, pairs, s, q)
    kept = back = 0
    for gid, variant in theirs:
        if gid not in mine:
            continue
        if (gid, variant) in own:
            kept += 1
        elif mine[gid][0] == story.readings[q][gid][0]:
            back += 1
    return kept + back == 0 or kept >= INHERIT * (kept + back)


def _majority(story: _Story, a: str, b: str) -> int:
    """Claims where ``a`` words it closer to a third source than ``b`` does: each rewrite changes words of its
    own, so the version the others follow shares its readings with more of them."""
    ra, rb = story.readings.get(a, {}), story.readings.get(b, {})
    thirds = [o for o in story.sources if o not in (a, b)][:MAJORITY_THIRDS]
    count = 0
    for gid in ra.keys() & rb.keys():
        if ra[gid][0] == rb[gid][0]:
            continue
        others = [story.readings[o][gid][0] for o in thirds if gid in story.readings.get(o, {})]
        if others and max(symmetric_similarity(ra[gid][0], o) for o in others) > max(
                symmetric_similarity(rb[gid][0], o) for o in others):
            count += 1
    return count


def _fuller(story: _Story, pairs: dict[tuple[str, str], _Pair], p: str, s: str) -> bool:
    """Whether ``p`` reads as the earlier version of the two (never both ways). A rewrite cuts facts and adds
    colour: the evidence for ``p`` is the facts it holds that ``s`` lacks and the sentences without a fact that
    ``s`` has and ``p`` lacks, weighed against the same the other way round. On a tie, the one that words more
    claims as a third version does (each rewrite changes words of its own), then the one published earlier."""
    forward = pairs[(p, s)].excess + pairs[(s, p)].plain
    backward = pairs[(s, p)].excess + pairs[(p, s)].plain
    if forward != backward:
        return forward > backward
    mp, ms = _majority(story, p, s), _majority(story, s, p)
    if mp != ms:
        return mp > ms
    dp, ds = story.published.get(p), story.published.get(s)
    return dp is not None and ds is not None and dp < ds


def _facts(story: _Story, s: str) -> int:
    return sum(1 for c in story.claims.get(s, []) if carries_fact(c))


def _kin(story: _Story, pairs: dict[tuple[str, str], _Pair], s: str, p: str) -> float:
    """How close ``s`` stands to ``p``: the claims they carry and lack alike (a rewrite of a rewrite lacks what the
    one between cut) and the words of the claims they share."""
    mine, theirs = story.readings.get(s, {}).keys(), story.readings.get(p, {}).keys()
    union = len(mine | theirs)
    return (len(mine & theirs) / union if union else 0.0) + pairs[(s, p)].near


def _holds(pr: _Pair) -> bool:
    """Whether a version carries enough of a source, worded closely enough, for the source to follow it."""
    if pr.close >= CLOSE:
        # A copy edited at the desk: it words its statements as the version does, and holds every fact of its own
        # there (a fact it has that the version lacks makes it a sibling, or the earlier of the two).
        return pr.held >= HOLD and pr.excess <= EXCESS
    return pr.quotes >= QUOTES and pr.held_quotes >= HOLD_QUOTES and pr.held >= HOLD_LOOSE


def infer_lineage(claims: Sequence[Claim], groups: Sequence[ClaimGroup], articles: Sequence[Article]) -> Lineage:
    """The lineage of a story's sources from their aligned claims."""
    story = _story(claims, groups, articles)
    sources = story.sources
    if len(sources) < 2:
        return Lineage(None, (), tuple(SourceLineage(s, None) for s in sources))
    pairs = _Pairs(story)
    order = {s: i for i, s in enumerate(sources)}
    near = _nearest(story)
    follows: dict[str, str | None] = {}
    for s in sources:
        candidates = [p for p in near[s] if _holds(pairs[(s, p)]) and _fuller(story, pairs, p, s)]
        # The fullest of the versions that hold it (the most facts, then the least colour: a sibling that only
        # added colour is no fuller), unless a closer one is a rewrite of it whose own changes this source carries
        # (a rewrite of a rewrite keeps the changes of the one between; a sibling does not).
        root = max(candidates, key=lambda p: (_facts(story, p), -len(story.claims.get(p, [])), -order[p]),
                   default=None)
        closer = sorted((p for p in candidates if p != root), key=lambda p: (-_kin(story, pairs, s, p), order[p]))
        # Closeness is read from wording only where the source words its statements as the closer one does: two
        # rewrites that each word everything anew are no nearer to one another for it.
        follows[s] = next((p for p in closer if root is not None and pairs[(s, p)].close >= CLOSE
                           and _kin(story, pairs, s, p) > _kin(story, pairs, s, root)
                           and _inherits(story, pairs, s, p, root)),
                          root)
    follows = _acyclic(follows, pairs)
    lineage_so_far = Lineage(None, (), tuple(SourceLineage(s, follows[s]) for s in sources))
    # The fullest: the version most others descend from, else the one that holds most of what the others say.
    fullest = max(sources, key=lambda p: (sum(lineage_so_far.descends(s, p) for s in sources),
                                          sum(pairs[(s, p)].held for s in near[p]),
                                          sum(pairs[(s, p)].carried for s in near[p]), -order[p]))
    entries = []
    for s in sources:
        p = follows[s]
        if p is None:
            p_best = max(near[s], key=lambda o: (pairs[(s, o)].carried, -order[o]))
            pr = pairs[(s, p_best)]
            entries.append(SourceLineage(s, None, 0, round(pr.carried, 4), round(pr.verbatim, 4)))
            continue
        pr = pairs[(s, p)]
        shared = sum(1 for gid in story.readings.get(s, {}).keys() & story.readings.get(p, {}).keys()
                     if story.readings[s][gid][0] == story.readings[p][gid][0])
        entries.append(SourceLineage(s, p, shared, round(pr.carried, 4), round(pr.verbatim, 4)))
    return Lineage(fullest, _families(story, pairs, follows, near), tuple(entries))


#: Other sources each source is compared with: those it shares the most claims with (in a story of many versions
#: the pairs grow with the square of their number; a version's parent is always among the ones it shares most with).
NEAREST = 12


class _Pairs(dict[tuple[str, str], _Pair]):
    """Pair statistics, computed when first asked for."""

    def __init__(self, story: _Story) -> None:
        super().__init__()
        self.story = story

    def __missing__(self, key: tuple[str, str]) -> _Pair:
        value = self[key] = _pair(self.story, *key)
        return value


def _nearest(story: _Story) -> dict[str, list[str]]:
    """For each source, the ``NEAREST`` others it shares the most claim groups with (all others in a small story)."""
    shared: dict[str, dict[str, int]] = {s: {} for s in story.sources}
    groups = {g.id: g for g in story.group_of.values()}
    for g in groups.values():
        if len(g.sources) > 1:
            for a in g.sources:
                row = shared[a]
                for b in g.sources:
                    if b != a:
                        row[b] = row.get(b, 0) + 1
    out = {}
    for s in story.sources:
        others = [o for o in story.sources if o != s]
        if len(others) > NEAREST:
            others = sorted(others, key=lambda o: (-shared[s].get(o, 0), o))[:NEAREST]
        out[s] = others
    return out


def _acyclic(follows: dict[str, str | None], pairs: dict[tuple[str, str], _Pair]) -> dict[str, str | None]:
    """Break any cycle at its weakest link (the pair whose follower is least held by the version it follows)."""
    follows = dict(follows)
    for start in sorted(follows):
        path: list[str] = []
        at: str | None = start
        while at is not None and at not in path:
            path.append(at)
            at = follows[at]
        if at is not None:  # a cycle from ``at`` back to it
            cycle = path[path.index(at):]
            weakest = min(cycle, key=lambda s: (pairs[(s, follows[s])].held, s))  # type: ignore[index]
            follows[weakest] = None
    return follows


def _families(story: _Story, pairs: dict[tuple[str, str], _Pair], follows: dict[str, str | None],
              near: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    """Sources that follow one version but share readings against it, or that follow none but word most of their
    statements alike (their common parent is not in the batch)."""
    parent = {s: s for s in story.sources}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs_seen: set[tuple[str, str]] = set()
    for a in story.sources:
        for b in near[a]:
            if (min(a, b), max(a, b)) in pairs_seen:
                continue
            pairs_seen.add((min(a, b), max(a, b)))
            pa, pb = follows[a], follows[b]
            if pa is not None and pa == pb:
                linked = _shared_variants(story, pairs, a, b, pa) >= FAMILY_READINGS
            elif pa is None and pb is None:
                linked = (min(pairs[(a, b)].close, pairs[(b, a)].close) >= CLOSE
                          and max(pairs[(a, b)].held, pairs[(b, a)].held) >= 0.5)
            else:
                linked = False
            if linked:
                parent[find(a)] = find(b)
    members: dict[str, list[str]] = defaultdict(list)
    for s in story.sources:
        members[find(s)].append(s)
    return tuple(sorted(tuple(sorted(m)) for m in members.values() if len(m) >= 2))
