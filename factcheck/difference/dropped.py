"""A detail one claim carries and its aligned counterpart leaves out (a number, a date, a place, a name)."""

from __future__ import annotations

from factcheck.difference.base import Difference, _elsewhere, _groups, _span_text
from factcheck.difference.tokens import Tok, content, tokenize
from factcheck.lexicon import word_set
from factcheck.models import Claim

_DROPPABLE = ("num", "date", "year", "time", "place", "person", "org")


def _dropped(a: Claim, b: Claim, ra: list[Tok], rb: list[Tok], found: list[Difference], text_b: str,
             reverse: bool) -> list[Difference]:
    """Details ``a`` carries in this stretch that ``b`` leaves out (and states nowhere in its source)."""
    taken = {(d.a_span if not reverse else d.b_span) for d in found if d.kind == "conflict"}
    out = []
    tags_b = {t.tag for t in rb}
    for g in _groups(ra):
        tag = g[0].tag
        if tag not in _DROPPABLE:
            continue
        if tag in ("place", "org") and not _after_locative(a, g):
            continue  # a place as a modifier ("a US official") is not where something happened
        if tag == "person" and (g[0].ref < 0 or len(a.entities[g[0].ref].canonical.split()) < 2):
            continue  # a full name only: a lone capitalised word is too often not a person
        counterpart = {"num": {"num", "numword"}, "date": {"date", "year"}, "year": {"date", "year"},
                       "title": {"title"}}.get(tag, {tag})
        if tags_b & counterpart:
            continue  # a conflict, not a drop (typed above when it is one)
        text, span = _span_text(a, g)
        if span in taken:
            continue
        context = _with_head(a, g)
        if text_b and _elsewhere(text_b, context):
            continue
        slot = {"num": "number", "year": "date", "time": "date", "title": "role"}.get(tag, tag)
        if reverse:
            out.append(Difference("dropped", slot, b, a, "", text, (b.span.start, b.span.start), span))
        else:
            out.append(Difference("dropped", slot, a, b, text, "", span, (b.span.start, b.span.start)))
    return out


def _after_locative(claim: Claim, group: list[Tok]) -> bool:
    toks = tokenize(claim)
    i = toks.index(group[0]) if group[0] in toks else 0
    before = [t.text.lower() for t in toks[max(0, i - 2):i]]
    locative = word_set("locative_prepositions")
    return bool(before) and (before[-1] in locative or len(before) > 1 and before[-2] in locative
                             and before[-1] == "the")


def _with_head(claim: Claim, group: list[Tok]) -> list[Tok]:
    """A detail with the word it qualifies ("four" -> "four documents"), to look for it elsewhere."""
    toks = tokenize(claim)
    if group[0] not in toks:
        return group
    i = toks.index(group[-1])
    nxt = [t for t in toks[i + 1:i + 3] if content(t) and not t.tag]
    if group[0].tag in ("num", "numword") and nxt:
        return group + nxt[:1]
    return group
