"""Stage 2, claims: sentences into atomic claims, direct quotations with their speakers, numbers, dates, entities.

A direct quotation becomes its own claim holding the verbatim words inside the marks and the full name of the
speaker, resolved from the same sentence (``"...," Trump said``; ``said Putin's adviser, Yuri Ushakov``;
``Rubio noted that "some progress" ...``), from a pronoun after a named person, or from the paragraph's earlier
quote when a remark continues. Statements are split at clause boundaries (``;``, ``, but``) into atomic claims.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.extract.attribution import Attribution
from factcheck.extract.dates import find_dates
from factcheck.extract.entities import ROLE_WINDOW, EntityTagger, RawEntity, canonical_names, find_role, fold, surname
from factcheck.extract.numbers import find_numbers
from factcheck.extract.quotes import find_quotes, names_a_work, split_sentences
from factcheck.lexicon import reporting_verbs, words
from factcheck.mentions import NameIndex, Spans, masked, mentions, name_pattern, possessive
from factcheck.models import Action, Article, Block, Claim, ClaimType, Entity, LoadedArticle, Quote, span_of
from factcheck.speakers import Resolver, Speaker

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'-]*")
_STOP = words("claim_stop_words")


# Wire-style labels in front of a sentence are not part of the claim ("URGENT UPDATE: ...").
_LABEL = re.compile(
    r"(?:URGENT |BREAKING )?(?:UPDATE|UPDATED|BREAKING(?: NEWS)?|EXCLUSIVE|DEVELOPING|WATCH|ALERT)\s*:\s*"
)
_DASH = re.compile(r"\s[—–]\s")
_CLAUSE_SPLIT = re.compile(r";\s+|,\s+(?=but\s)|,\s+(?=while\s)|\s+[—–]\s+(?=[a-z])")


def _atomic_parts(text: str, lo: int, hi: int, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Split a sentence into clauses that each state one thing, never inside a quotation."""
    cuts = [lo]
    dashes = [m.start() for m in _DASH.finditer(text, lo, hi)]
    for m in _CLAUSE_SPLIT.finditer(text, lo, hi):
        if any(q.start - 1 <= m.start() <= q.end for q in quotes):
            continue
        if m.group().strip() in "—–" and len(dashes) >= 2:
            continue  # a pair of dashes sets off an aside ("said — on Twitter, as it happens — that ..."): one claim
        left = text[cuts[-1]:m.start()]
        right = text[m.end():hi]
        if len(left.split()) >= 5 and len(right.split()) >= 5:
            cuts.append(m.start())
            cuts.append(m.end())
    cuts.append(hi)
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    out = []
    for a, b in parts:
        while a < b and text[a] in " ,;":
            a += 1
        while b > a and text[b - 1] in " ,;":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _content_words(text: str, speaker: str | None) -> int:
    name_words = set(fold(speaker or "").split())
    verbs = reporting_verbs()
    return sum(
        1 for w in _WORD_RE.findall(text)
        if w.lower() not in _STOP and w.lower() not in verbs and fold(w) not in name_words
    )


def _frame_says_more(text: str, a: int, b: int, ents: Spans, speaker: str | None) -> bool:
    """Whether a stretch of a mostly quoted sentence between its quotations says more than who spoke: six content
    words, or three that carry a fact of their own (a name other than the speaker's, a figure)."""
    words = _content_words(text[a:b], speaker)
    if words >= 6:
        return True
    if words < 3:
        return False
    own = set(fold(speaker or "").split())
    named = any(not set(fold(e.text).split()) <= own for e in ents.within(a, b))
    return named or bool(re.search(r"\d", text[a:b]))


def _known_names(article_ents: Sequence[Sequence[RawEntity]]) -> dict[str, str]:
    people = [e.text for ents in article_ents for e in ents if e.label == "person"]
    canon = canonical_names(people)
    known: dict[str, str] = {}
    for mention, full in canon.items():
        known[mention] = full
        if len(full.split()) >= 2:
            last = full.split()[-1]
            if last[:1].isupper() and len(last) > 2:
                known.setdefault(last, full)
    return known


def _claim_entities(article: Article, block: Block, ents: Spans, lo: int, hi: int,
                    known: dict[str, str], skip: tuple[tuple[int, int], ...] = ()) -> tuple[Entity, ...]:
    """The entities between ``lo`` and ``hi`` (but not inside the ``skip`` stretches), each with its role."""
    inside = [e for e in ents.within(lo, hi) if not any(a <= e.start < b for a, b in skip)]
    out = []
    for e in inside:
        label = e.label
        canonical = e.text
        if e.text in known:
            label, canonical = "person", known[e.text]
        raw = span_of(article, block, e.start, e.end)
        role = None
        if label == "person":
            # Other names before it, which a role never crosses (only those in the window a role is read from):
            # in the whole block for a statement, in the sentence outside the quotation for a quote's frame.
            # And the names after it, which an appositive role never crosses either ("Trump, Ryan and ... Priebus").
            near = ([x for x in inside if e.start - ROLE_WINDOW <= x.end <= e.start or e.end < x.start < e.end + 160]
                    if skip else ents.ending_in(e.start - ROLE_WINDOW, e.start) + ents.starting_in(e.end + 1,
                                                                                                  e.end + 160))
            blockers = [(x.start, x.end) for x in near if x is not e and x.label == "person"
                        and not possessive(block.text, x.end)]
            role = find_role(block.text, e.start, e.end, blockers)
        out.append(Entity(raw.start, raw.end, raw.text, label, canonical, role))
    return tuple(out)


def _frame_entities(article: Article, block: Block, ents: Spans,
                    frame: tuple[int, int, tuple[tuple[int, int], ...]], known: dict[str, str]) -> tuple[Entity, ...]:
    """Entities of a quotation's sentence outside the quotation marks: the speaker and the role they are given
    ("John Hardie, Deputy Director at the Foundation ..., asserted, “...”")."""
    s0, s1, quoted = frame
    return _claim_entities(article, block, ents, s0, s1, known, skip=quoted)


def _claim_actions(article: Article, block: Block, actions: Spans, lo: int, hi: int, ents: Spans,
                   names: NameIndex) -> tuple[Action, ...]:
    known = names.known
    out = []
    for start, end, act, a0, a1, kind in (a.value for a in actions.within(lo, hi)):
        if not (lo <= a0 and a1 <= hi):
            continue
        canonical = ""
        for e in ents.within(a0, a1):
            if e.label == "person":
                canonical = known.get(e.text, e.text)
                kind = "person"
        if not canonical:
            agent_text = block.text[a0:a1]
            for key in names.candidates(agent_text):
                if name_pattern(key).search(agent_text):
                    canonical, kind = known[key], "person"
                    break
        verb = span_of(article, block, start, end)
        agent = span_of(article, block, a0, a1)
        out.append(Action(verb.start, verb.end, act, agent.text, agent.start, agent.end, kind, canonical))
    return tuple(out)


def _attribution_of(q: Quote, order: dict[int, int], told: list[Attribution],
                    told_starts: list[int]) -> Attribution | None:
    """The first attribution (in the parse's ``order``) whose quotation overlaps ``q``. The parsed quotations do
    not overlap one another (outermost quotations), so those overlapping ``q`` are the run that starts before
    ``q`` ends, walked back until one ends before ``q`` starts."""
    k = bisect.bisect_left(told_starts, q.end) - 1
    near = []
    while k >= 0 and told[k].quote_end > q.start:
        near.append(told[k])
        k -= 1
    return min(near, key=lambda a: order[id(a)]) if near else None


def _named_by_verb(who: Speaker, text: str) -> bool:
    """Whether a reporting verb gives the quotation to a person named at it ("Carson said"; not "he said", "the
    senator said", "Trump's remarks"): then that person is the subject of the sentence."""
    if who.kind != "person" or not who.span or not who.name or (who.cue or "").lower() not in reporting_verbs():
        return False
    said = text[who.span[0]:who.span[1]]
    return not possessive(text, who.span[1]) and not re.search(r"['’]s?$", said) and bool(
        set(fold(said).split()) & set(fold(who.name).split()))


@dataclass(frozen=True)
class _At:
    """An action tuple placed by its verb's offsets (for :class:`Spans`)."""

    start: int
    end: int
    value: tuple[int, int, str, int, int, str]


def extract_article_claims(item: LoadedArticle, ents_per_block: Sequence[Sequence[RawEntity]],
                           actions_per_block: Sequence[Sequence[tuple[int, int, str, int, int, str]]] | None = None,
                           attributions_per_block: Sequence[Sequence[Attribution]] | None = None,
                           ) -> list[Claim]:
    """All claims of one article, in reading order."""
    if actions_per_block is None:
        actions_per_block = [[] for _ in item.blocks]
    if attributions_per_block is None:
        attributions_per_block = [[] for _ in item.blocks]
    # Per block, its entities and actions indexed by position, so that every look-up of a sentence or a claim
    # reads only what lies there (a long article has thousands of each).
    actions_of = {id(b): Spans([_At(a[0], a[1], a) for a in acts]) for b, acts in zip(item.blocks, actions_per_block)}
    article = item.article
    known = _known_names(ents_per_block)
    names = NameIndex(known)
    resolver = Resolver(known)
    drafts: list[dict] = []
    for block, block_ents, parsed in zip(item.blocks, ents_per_block, attributions_per_block):
        text = block.text
        ents = Spans(block_ents)
        # The name of a programme or a book in quotation marks is part of the sentence, not a remark.
        # (Not in a headline, where every word is capitalised and a quotation there is somebody's words.)
        quotes = [q for q in find_quotes(text) if block.kind in ("heading", "title") or not names_a_work(text, q)]
        quote_starts = [q.start for q in quotes]
        told = sorted(parsed, key=lambda a: a.quote_start)
        order = {id(a): i for i, a in enumerate(parsed)}
        told_starts = [a.quote_start for a in told]
        blanked = masked(text, quotes)
        sentences = split_sentences(text, quotes)
        block_speaker: str | None = None
        resolver.start_block()
        in_flow = block.kind in ("body", "heading")
        dates_all = sorted(find_dates(text, article.published), key=lambda dm: dm.start)
        date_starts = [dm.start for dm in dates_all]
        for s0, s1 in sentences:
            found = mentions(text, blanked, ents, names, s0, s1)
            sent_quotes = quotes[bisect.bisect_left(quote_starts, s0):bisect.bisect_left(quote_starts, s1)]
            sent_span = span_of(article, block, s0, s1)
            speakers: list[str | None] = []
            spoke: str | None = None  # the person a cue of this sentence names
            for q in sent_quotes:
                att = _attribution_of(q, order, told, told_starts)
                who = resolver.speaker(text, blanked, (s0, s1), q, sent_quotes, found, block_speaker, att)
                speakers.append(who.name)
                qspan = span_of(article, block, q.start, q.end)
                drafts.append(dict(
                    type=ClaimType.QUOTE if block.kind != "caption" else ClaimType.CAPTION,
                    span=qspan, sentence=sent_span, quote=q.text, quote_span=qspan, speaker=who.name,
                    speaker_span=span_of(article, block, *who.span) if who.span else None, cue=who.cue,
                    speaker_kind=who.kind if who.name else None, speaker_reason=None if who.name else who.reason,
                    lo=q.start, hi=q.end, block=block, ents=ents, dates=dates_all, date_starts=date_starts,
                    frame=(s0, s1, tuple((x.start, x.end) for x in sent_quotes)),
                ))
                if who.name:
                    if who.kind == "person" or who.span and (who.cue or "").lower() in reporting_verbs():
                        block_speaker = who.name  # or an organisation a reporting verb names ("the ACU said")
                    spoke = spoke or (who.name if _named_by_verb(who, text) else None)
                    resolver.heard(who, in_flow)
            resolver.read(text, found, ents, s0, s1, in_flow, spoke)
            # Lengths with white space folded, so reflowing an article never changes which claims it gives.
            quoted = sum(len(" ".join(text[q.start:q.end].split())) for q in sent_quotes)
            length = max(1, len(" ".join(text[s0:s1].split())))
            if sent_quotes and quoted / length >= 0.5:
                # Mostly quotation: keep a statement only for a frame segment that says more than who spoke.
                pieces = []
                marks = [(q.start - len(q.open_mark), q.end + (len(q.close_mark) if q.closed else 0))
                         for q in sent_quotes]
                edges = [s0] + [x for m in marks for x in m] + [s1]
                for a, b in zip(edges[::2], edges[1::2]):
                    if _frame_says_more(text, a, b, ents, speakers[0] if speakers else None):
                        pieces.append((a, b))
                parts = [(a + len(text[a:b]) - len(text[a:b].lstrip(" ,.;—–")),
                          b - (len(text[a:b]) - len(text[a:b].rstrip(" ,.;—–")))) for a, b in pieces]
            else:
                parts = _atomic_parts(text, s0, s1, sent_quotes)
            for a, b in parts:
                label = _LABEL.match(text, a, b)
                if label:
                    a = label.end()
                if b - a < 3 or not re.search(r"[A-Za-z]", text[a:b]):
                    continue
                kind = ClaimType.CAPTION if block.kind == "caption" else ClaimType.STATEMENT
                drafts.append(dict(type=kind, span=span_of(article, block, a, b), sentence=sent_span, lo=a, hi=b,
                                   block=block, ents=ents, dates=dates_all, date_starts=date_starts))
        resolver.end_block(in_flow and bool(quotes) and not quotes[-1].closed, block_speaker)
    drafts.sort(key=lambda d: (d["span"].start, d["type"] != ClaimType.STATEMENT, d["span"].end))
    claims: list[Claim] = []
    for i, d in enumerate(drafts):
        block, lo, hi = d["block"], d["lo"], d["hi"]
        numbers = tuple(
            replace(n, start=span_of(article, block, lo + n.start, lo + n.end).start,
                    end=span_of(article, block, lo + n.start, lo + n.end).end)
            for n in find_numbers(block.text[lo:hi])
        )
        dates = tuple(
            replace(dm, start=span_of(article, block, dm.start, dm.end).start,
                    end=span_of(article, block, dm.start, dm.end).end)
            for dm in d["dates"][bisect.bisect_left(d["date_starts"], lo):bisect.bisect_left(d["date_starts"], hi)]
            if dm.end <= hi
        )
        claims.append(Claim(
            id=f"{article.id}#c{i}", source=article.id, index=i, type=d["type"], span=d["span"],
            sentence=d["sentence"], quote=d.get("quote"), quote_span=d.get("quote_span"), speaker=d.get("speaker"),
            speaker_span=d.get("speaker_span"), cue=d.get("cue"), speaker_kind=d.get("speaker_kind"),
            speaker_reason=d.get("speaker_reason"), numbers=numbers, dates=dates,
            entities=_claim_entities(article, block, d["ents"], lo, hi, known) if d["type"] != ClaimType.QUOTE
            else _frame_entities(article, block, d["ents"], d["frame"], known),
            actions=_claim_actions(article, block, actions_of[id(block)], lo, hi, d["ents"], names)
            if d["type"] != ClaimType.QUOTE else (),
        ))
    return claims


def canonicalise_speakers(claims: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """Give every speaker the fullest name any source uses for the same person (``Ushakov`` -> ``Yuri Ushakov``)."""
    names = [c.speaker for cs in claims.values() for c in cs if c.speaker]
    names += [e.canonical for cs in claims.values() for c in cs for e in c.entities if e.label == "person"]
    canon = canonical_names(names)
    by_surname: dict[str, set[str]] = {}
    for full in canon.values():
        if len(full.split()) >= 2:
            by_surname.setdefault(surname(full), set()).add(full)

    def best(name: str | None) -> str | None:
        if not name:
            return name
        full = canon.get(name, name)
        if len(full.split()) < 2:
            options = by_surname.get(surname(full), set())
            if len(options) == 1:
                full = next(iter(options))
        return full

    out: dict[str, list[Claim]] = {}
    for source, cs in claims.items():
        out[source] = [
            replace(c, speaker=best(c.speaker),
                    entities=tuple(replace(e, canonical=best(e.canonical) or e.canonical) if e.label == "person" else e
                                   for e in c.entities))
            for c in cs
        ]
    return out


def extract_claims(items: Sequence[LoadedArticle], tagger: EntityTagger | None = None) -> dict[str, list[Claim]]:
    """Claims of every article, keyed by source id, with speakers canonicalised across sources."""
    return canonicalise_speakers(extract_each(items, tagger))


def extract_each(items: Sequence[LoadedArticle], tagger: EntityTagger | None = None) -> dict[str, list[Claim]]:
    """Claims of every article, keyed by source id, each article on its own (what the claims cache stores)."""
    tagger = tagger or EntityTagger()
    texts = [b.text for item in items for b in item.blocks]
    tagged = tagger.analyse(texts) if texts else []
    out: dict[str, list[Claim]] = {}
    pos = 0
    for item in items:
        n = len(item.blocks)
        part = tagged[pos:pos + n]
        out[item.article.id] = extract_article_claims(item, [t.entities for t in part], [t.actions for t in part],
                                                      [t.attributions for t in part])
        pos += n
    return out


def sentence_count(item: LoadedArticle) -> int:
    return sum(len(split_sentences(b.text)) for b in item.blocks)
