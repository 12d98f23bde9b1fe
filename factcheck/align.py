"""Stage 4, align: group the claims of different sources that state the same thing.

Statements and captions are aligned by embedding similarity, searched with scikit-learn's nearest neighbours
(exact, in blocks) so memory grows with the number of claims, not its square. Quotations are aligned by speaker
and wording (a partial quote stands inside the longer rendering of the same remark). Groups are grown greedily
from the most similar pair down, never holding two claims of one source unless that source repeats itself, and
never chaining claims that are not similar on average.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np

from factcheck.config import Config
from factcheck.extract.entities import fold, same_person, surname
from factcheck.imports import without
from factcheck.models import Claim, ClaimGroup, ClaimType, GroupStatus
from factcheck.tokenize import tokens
from factcheck.wording import similarity, symmetric_similarity

# scikit-learn computes neighbours in blocks of this many MB (a few rows of distances at a time): memory stays
# linear in the number of claims, also when one source is searched among the others.
_KNN_WORKING_MEMORY_MB = 1


def nearest(queries: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` rows of ``base`` nearest to each row of ``queries`` by cosine (scikit-learn, exact, in blocks):
    ``(similarities, indices)``, most similar first."""
    k = min(k, len(base))
    if k == 0 or len(queries) == 0:
        return np.zeros((len(queries), k), np.float32), np.zeros((len(queries), k), np.int64)
    with without("pandas"):  # imported here: a run that reuses its reports never aligns, so never pays for it
        import sklearn
        from sklearn.neighbors import NearestNeighbors

    nn = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(base)
    with sklearn.config_context(working_memory=_KNN_WORKING_MEMORY_MB), _blas().limit(limits=1, user_api="blas"):
        dist, idx = nn.kneighbors(queries)
    return 1.0 - dist, idx


@cache
def _blas():  # type: ignore[no-untyped-def]
    """The process's BLAS libraries (numpy's, scipy's), listed once after scikit-learn has loaded them: listing
    them scans every loaded library, which took longer than a small search when done on every call."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def claim_text(claim: Claim) -> str:
    """The words a claim is embedded and compared by."""
    return claim.quote if claim.type == ClaimType.QUOTE and claim.quote else claim.text


#: Share of the longer claim's words that two statements must have in order, for the words alone to align them
#: when their embeddings do not (one name for another can move a short sentence far in the model's space).
LEXICAL_ALIGN = 0.8
_LEXICAL_MIN_WORDS = 6


def _lexical(a: Claim, b: Claim) -> float:
    """Words in order shared by two statements; a name, figure or date counts as a slot when the rest of the
    words are the same ("as a fan of Dr. Ben Carson" / "... of Dr. Tobias Quillen"): a name swapped in a short
    sentence is the same claim told differently, which the comparison then reports."""
    ta, tb = tokens(a.text), tokens(b.text)
    if min(len(ta), len(tb)) < _LEXICAL_MIN_WORDS:
        return 0.0
    plain = symmetric_similarity(ta, tb)
    if plain >= LEXICAL_ALIGN or plain < _SLOTTED_MIN:
        return plain
    return min(LEXICAL_ALIGN, symmetric_similarity(_slotted(a), _slotted(b)))


#: Share of plain words two statements must share before their names and figures are read as slots.
_SLOTTED_MIN = 0.6


def _slotted(claim: Claim) -> tuple[str, ...]:
    """The claim's words with each name, figure and date as one slot word."""
    mentions = [(m.start, m.end) for m in claim.entities] + [(m.start, m.end) for m in claim.numbers] + [
        (m.start, m.end) for m in claim.dates]
    spans = sorted((s - claim.span.start, e - claim.span.start) for s, e in mentions)
    text, at, parts = claim.text, 0, []
    for s, e in spans:
        if s < at or s < 0 or e > len(text):
            continue
        parts += [text[at:s], " slotword "]
        at = e
    parts.append(text[at:])
    return tokens("".join(parts))


def _statement_pairs(claims: Sequence[Claim], vectors: np.ndarray, idx: list[int], config: Config,
                     lexical: set[tuple[int, int]] | None = None):
    """Pairs of statements of different sources to align, most similar first: by the embedding, or (recorded in
    ``lexical``) by their words when nearly all of them are the same in the same order.

    Each source's statements are searched among the other sources' statements only (their ``neighbours``
    nearest), so a source that repeats itself never crowds out the others, and the work is linear in the size of
    any one article: a 100,000-line page beside a normal article costs its lines times the normal article's
    statements, not its lines squared. A pair is kept when either claim is among the other's neighbours."""
    if len(idx) < 2:
        return []
    by_source: dict[str, list[int]] = {}
    for i in idx:
        by_source.setdefault(claims[i].source, []).append(i)
    found: dict[tuple[int, int], float] = {}
    for source, own in by_source.items():
        others = [i for i in idx if claims[i].source != source]
        if not others:
            continue
        sims, nbr = nearest(vectors[own], vectors[others], config.neighbours)
        for row, i in enumerate(own):
            for s, col in zip(sims[row].tolist(), nbr[row].tolist()):
                j = others[col]
                found[(min(i, j), max(i, j))] = s
    pairs = []
    for (i, j), s in sorted(found.items()):
        sim = round(s, 5)
        if sim >= config.group_threshold:
            pairs.append((sim, i, j))
        elif lexical is not None and sim >= config.group_threshold * 0.5:
            lex = _lexical(claims[i], claims[j])
            if lex >= LEXICAL_ALIGN:
                pairs.append((round(config.group_threshold * lex, 5), i, j))
                lexical.add((i, j))
    return pairs


def _speakers_compatible(a: Claim, b: Claim, sim: float, places: dict[str, set[str]]) -> bool:
    """Quotes of different named speakers align only when the words are nearly the same (then the attribution
    check reports who said them), and, unless the words are the same, only between articles that name a place in
    common: two officials of two events elsewhere may say nearly the same sentence."""
    if not a.speaker or not b.speaker or same_person(a.speaker, b.speaker):
        return True
    if sim < 0.8:
        return False
    return symmetric_similarity(tokens(a.quote or ""), tokens(b.quote or "")) >= 0.9 or bool(
        places.get(a.source, set()) & places.get(b.source, set()))


def _places_by_source(claims: Sequence[Claim]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in claims:
        for e in c.entities:
            if e.label == "place":
                out.setdefault(c.source, set()).add(fold(e.text))
    return out


def _quote_candidates(claims: Sequence[Claim], vectors: np.ndarray, idx: list[int], config: Config):
    """Pairs of quotations worth comparing word by word: the same speaker's, or nearest neighbours by meaning.

    Small sets are compared exhaustively; large ones (a big story) by blocking on the speaker's surname plus each
    quote's nearest neighbours, so the work grows about linearly with the number of quotations.
    """
    if len(idx) <= 400:
        return [(i, j) for n, i in enumerate(idx) for j in idx[n + 1:]]
    out: set[tuple[int, int]] = set()
    by_speaker: dict[str, list[int]] = {}
    for i in idx:
        speaker = claims[i].speaker
        by_speaker.setdefault(surname(speaker) if speaker else "", []).append(i)
    _, nbr = nearest(vectors[idx], vectors[idx], config.neighbours * 2 + 1)
    for row, i in enumerate(idx):
        for col in nbr[row].tolist():
            j = idx[col]
            if i != j:
                out.add((min(i, j), max(i, j)))
    for members in by_speaker.values():
        if len(members) <= 200:
            out.update((i, j) for n, i in enumerate(members) for j in members[n + 1:])
    return sorted(out)


def _frame_similarity(a: Claim, b: Claim) -> float:
    """How alike two quotations' sentences are, the quoted words left out. When the quotes share no word (a
    quoted name for another: citing "Bill Maher" / citing "Everett Thorburn") the sentences must be the same
    but for a word in ten, and long enough to say so."""
    qa, qb = set(tokens(a.quote or "")), set(tokens(b.quote or ""))
    fa = tuple(t for t in tokens(a.sentence.text) if t not in qa)
    fb = tuple(t for t in tokens(b.sentence.text) if t not in qb)
    disjoint = not qa & qb
    if min(len(fa), len(fb)) < (_DISJOINT_MIN_WORDS if disjoint else _LEXICAL_MIN_WORDS):
        return 0.0
    sim = symmetric_similarity(fa, fb)
    return sim if sim >= (_DISJOINT_FRAME if disjoint else LEXICAL_ALIGN) else 0.0


_DISJOINT_FRAME = 0.9
_DISJOINT_MIN_WORDS = 10


def _quote_pairs(claims: Sequence[Claim], vectors: np.ndarray, idx: list[int], config: Config,
                 by_frame: set[tuple[int, int]] | None = None):
    toks = {i: tokens(claims[i].quote or "") for i in idx}
    places = _places_by_source(claims)
    pairs = []
    for i, j in _quote_candidates(claims, vectors, idx, config):
        if claims[i].source == claims[j].source:
            continue
        la, lb = len(toks[i]), len(toks[j])
        if min(la, lb) <= 3 and max(la, lb) > 3 * min(la, lb):
            continue  # a two-word phrase inside a long remark is too weak a link to group them
        sim = similarity(toks[i], toks[j])
        if sim < config.quote_threshold and min(la, lb) <= 3 and la == lb:
            # A short quotation with one word changed: the same remark when the sentences around it are the same.
            sim = _frame_similarity(claims[i], claims[j])
            if sim and by_frame is not None:
                by_frame.add((min(i, j), max(i, j)))
        if sim >= config.quote_threshold and _speakers_compatible(claims[i], claims[j], sim, places):
            # A few shared words are weak evidence; renderings of equal length pair first.
            score = sim * (0.5 + 0.5 * min(1.0, min(la, lb) / 8)) + 0.1 * min(la, lb) / max(1, max(la, lb))
            pairs.append((round(score, 6), i, j))
    return pairs


def _grow(claims: Sequence[Claim], pairs, pair_sim, n: int, config: Config, threshold: float,
          same_sim=None, vectors: np.ndarray | None = None,
          initial: dict[int, list[int]] | None = None,
          lexical: set[tuple[int, int]] | None = None) -> list[list[int]]:
    """Merge groups from the most similar pair down.

    A merge is refused when it would put two claims of one source together (unless one repeats the other) or
    when the two groups are not similar on average. With ``vectors`` the average is computed from running sums
    of the members' vectors, so a merge costs the same whatever the group sizes; otherwise it is taken over at
    most 8 members of each group.
    """
    same_sim = same_sim or pair_sim
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for rep, xs in (initial or {}).items():
        for x in xs:
            if x != rep:
                members.pop(x, None)
                group_of[x] = rep
        members[rep] = sorted(xs)
    by_source: dict[int, dict[str, list[int]]] = {}
    for g, xs in members.items():
        for x in xs:
            by_source.setdefault(g, {}).setdefault(claims[x].source, []).append(x)
    sums = {} if vectors is None else {g: vectors[xs].astype(np.float64).sum(axis=0) for g, xs in members.items()}
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        shared = set(by_source[gi]) & set(by_source[gj])
        clash = [(x, y) for src in shared for x in by_source[gi][src] for y in by_source[gj][src]]
        if any(same_sim(x, y) < config.repeat_threshold for x, y in clash):
            continue
        if vectors is not None:
            mean = float(np.dot(sums[gi], sums[gj])) / (len(a) * len(b))
        else:
            cross = [pair_sim(x, y) for x in a[:8] for y in b[:8] if claims[x].source != claims[y].source]
            mean = sum(cross) / len(cross) if cross else 1.0
        # A pair aligned by its words joins a single claim to a group even when the model sees them apart.
        by_words = lexical is not None and (min(i, j), max(i, j)) in lexical and min(len(a), len(b)) == 1
        if mean < threshold * 0.9 and not by_words:
            continue
        keep, gone = (gi, gj) if len(a) >= len(b) else (gj, gi)
        for x in members[gone]:
            group_of[x] = keep
        members[keep].extend(members.pop(gone))
        for src, xs in by_source.pop(gone).items():
            by_source[keep].setdefault(src, []).extend(xs)
        if vectors is not None:
            sums[keep] = sums[keep] + sums.pop(gone)
    return [sorted(m) for m in members.values()]


def _identical(claims: Sequence[Claim], idx: list[int], key) -> dict[int, list[int]]:
    """Claims whose words are the same, by their first claim: the nodes alignment works on."""
    first: dict[str, int] = {}
    out: dict[int, list[int]] = {}
    for i in idx:
        rep = first.setdefault(key(i), i)
        out.setdefault(rep, []).append(i)
    return out


def align(claims: Sequence[Claim], vectors: np.ndarray, config: Config, n_sources: int) -> list[ClaimGroup]:
    """Claim groups, ordered by where their first claim stands (source order, then position)."""
    n = len(claims)
    if n == 0:
        return []
    quote_idx = [i for i, c in enumerate(claims) if c.type == ClaimType.QUOTE]
    other_idx = [i for i, c in enumerate(claims) if c.type != ClaimType.QUOTE]
    toks = {i: tokens(claims[i].quote or "") for i in quote_idx}

    def vec_sim(x: int, y: int) -> float:
        return float(np.dot(vectors[x], vectors[y]))

    def quote_sim(x: int, y: int) -> float:
        if x in toks and y in toks:
            return similarity(toks[x], toks[y])
        return vec_sim(x, y)

    def quote_same(x: int, y: int) -> float:
        return symmetric_similarity(toks[x], toks[y])

    # Claims with the same words are one node from the start: searched once, never split by near-ties.
    stmt_initial = _identical(claims, other_idx, lambda i: " ".join(claims[i].text.lower().split()))
    quote_initial = _identical(claims, quote_idx, lambda i: " ".join(toks[i]))
    groups: list[list[int]] = []
    lexical: set[tuple[int, int]] = set()
    stmt = _grow(claims, _statement_pairs(claims, vectors, sorted(stmt_initial), config, lexical), vec_sim, n,
                 config, config.group_threshold, vectors=vectors, initial=stmt_initial, lexical=lexical)
    groups += [g for g in stmt if claims[g[0]].type != ClaimType.QUOTE]
    by_frame: set[tuple[int, int]] = set()
    quotes = _grow(claims, _quote_pairs(claims, vectors, sorted(quote_initial), config, by_frame), quote_sim, n,
                   config, config.quote_threshold, quote_same, initial=quote_initial, lexical=by_frame)
    groups += [g for g in quotes if claims[g[0]].type == ClaimType.QUOTE]

    order = {c.id: (c.source, c.index) for c in claims}
    groups.sort(key=lambda g: min(order[claims[i].id] for i in g))
    out: list[ClaimGroup] = []
    for number, members in enumerate(groups, start=1):
        member_claims = sorted((claims[i] for i in members), key=lambda c: (c.source, c.index))
        sources = tuple(sorted({c.source for c in member_claims}))
        if len(sources) == 1:
            status = GroupStatus.UNIQUE
        elif len(sources) == n_sources:
            status = GroupStatus.AGREEMENT
        else:
            status = GroupStatus.PARTIAL
        m = len(members)
        if m > 1:
            vs = vectors[members].astype(np.float64)
            total = vs.sum(axis=0)
            # mean similarity over all pairs, from the sum vector: (|S|^2 - sum |v|^2) / (m (m - 1))
            score = round(float((total @ total - (vs * vs).sum()) / (m * (m - 1))), 4)
        else:
            score = 1.0
        out.append(ClaimGroup(f"g{number}", tuple(c.id for c in member_claims), sources, status, score))
    return out
