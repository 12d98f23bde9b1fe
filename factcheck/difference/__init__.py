"""Difference-first comparison: align the words of two claims and account for every difference.

The rules here do not *find* differences, they only *type* them. Two aligned claims are tokenised (each word keeps
its character span in the raw text and the kind of mention it belongs to: a number, a date, a person, a place, an
organisation, a title, a kinship word, a negation, a party label), aligned word by word, and every stretch where
the two differ is accounted for as one of:

- the same meaning (case, punctuation, inflection, contraction, function words, word order, a synonym, a short form
  of the same name, another format of the same number or time, a place and a place inside it) -- nothing reported;
- a typed conflict (number, date, place, person, organisation, role, kinship, party, negation or antonym, actor);
- a detail one claim carries and the other leaves out (a number, date, place, name or role);
- rewording, which only matters inside quotations (the quote check handles those).

Example: "invited Umerov to Miami on Thursday" against "invited Umerov to Geneva" gives a place conflict (Miami /
Geneva) and a dropped date ("on Thursday").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from factcheck.difference.base import (
    Difference,
    PairDiff,
    _date_in,
    _entity_text,
    _groups,
    _key_count,
    _number_in,
    _place_related,
)
from factcheck.difference.conflicts import _conflicts, _one_name
from factcheck.difference.dropped import _dropped
from factcheck.difference.tokens import Tok, _mention_at, _Mentions, content, stem, tokenize
from factcheck.extract.entities import fold, same_person, surname
from factcheck.models import Claim
from factcheck.senses import same_sense

_QUANTITY_SLOT = {"number": "quantity", "date": "quantity"}

__all__ = ["Difference", "PairDiff", "Tok", "_Mentions", "_mention_at", "compare_pair", "content", "stem", "tokenize"]


def compare_pair(a: Claim, b: Claim, text_a: str = "", text_b: str = "") -> PairDiff:
    """Align ``a`` and ``b`` word by word and type every difference.

    ``text_a``/``text_b`` are the two sources' whole texts: a detail is "dropped" by a source only when the source
    states it nowhere.
    """
    ta, tb = tokenize(a), tokenize(b)
    ka, kb = [t.key for t in ta], [t.key for t in tb]
    sm = SequenceMatcher(None, ka, kb, autojunk=False)
    opcodes = _merge_inside_mentions(sm.get_opcodes(), ta, tb)
    content_a = [t for t in ta if content(t)]
    content_b = [t for t in tb if content(t)]
    keys_a, keys_b = {t.key for t in content_a}, {t.key for t in content_b}
    # One name for another in the same place ("a fan of Dr. Ben Carson" / "... of Dr. Tobias Quillen") is one slot
    # both claims fill: counted as a shared word, or a swapped name would leave a short claim nothing in common.
    for tag, i0, i1, j0, j1 in opcodes:
        na, nb = _one_name([t for t in ta[i0:i1] if content(t)]), _one_name([t for t in tb[j0:j1] if content(t)])
        if tag == "replace" and na and nb:
            keys_a = (keys_a - {t.key for t in na}) | {f"slot:{i0}"}
            keys_b = (keys_b - {t.key for t in nb}) | {f"slot:{i0}"}
    shared = len(keys_a & keys_b)
    overlap = shared / max(1, min(len(keys_a), len(keys_b)))
    ops: list[tuple[str, str, str]] = []
    chunks: list[tuple[list[Difference], list[Tok]]] = []
    tight: list[bool] = []
    where: list[int] = []  # where each differing stretch starts in ``a``
    shared_anchor = False  # a number or date both claims give alike: they tell the same fact
    for tag, i0, i1, j0, j1 in opcodes:
        wa, wb = " ".join(t.text for t in ta[i0:i1]), " ".join(t.text for t in tb[j0:j1])
        if tag == "equal":
            ops.append(("equal", wa, wa))
            shared_anchor = shared_anchor or any(t.tag in _QUANTITIES for t in ta[i0:i1])
            continue
        ops.append((tag, wa, wb))
        left_anchor = i0 > 0 and j0 > 0
        right_anchor = i1 < len(ta) and j1 < len(tb)
        chunks.append(_type_chunk(a, b, list(ta[i0:i1]), list(tb[j0:j1]), ta, tb, overlap,
                                  left_anchor or right_anchor, text_a, text_b))
        # Tight: the same word on both sides of the change, one of them a content word ("nearly four-year" /
        # "nearly five-year"), so it stands in the same slot however much else the sentences differ.
        where.append(i0)
        tight.append(left_anchor and right_anchor and i1 - i0 <= 3 and j1 - j0 <= 3
                     and ta[i0 - 1].key == tb[j0 - 1].key and ta[i1].key == tb[j1].key
                     and (content(ta[i0 - 1]) or content(ta[i1])))
    diffs: list[Difference] = []
    residue = [t for _, r in chunks for t in r]
    side_a = {id(t) for t in ta}
    both_quantities = any(t.tag in _QUANTITIES and id(t) in side_a for t in residue) and any(
        t.tag in _QUANTITIES and id(t) not in side_a for t in residue)
    short_side = min(len(content_a), len(content_b)) < 0.5 * max(len(content_a), len(content_b))
    # Stretches a word or two apart are one phrase ("Nov. 6 to 10" / "Nov. 12 to 16"): counted as one.
    phrase = [0] * len(chunks)
    for k in range(1, len(chunks)):
        phrase[k] = phrase[k - 1] + (where[k] - where[k - 1] > 2)
    conflicting = len({phrase[k] for k, (found, _) in enumerate(chunks) if any(d.kind == "conflict" for d in found)})
    # Conflicts in two different kinds of anchor at once (the number killed and the place, the date and the place):
    # two events of one kind, not one event told two ways.
    by_phrase: dict[int, set[str]] = {}
    for k, (found, _) in enumerate(chunks):
        by_phrase.setdefault(phrase[k], set()).update(d.slot for d in found if d.kind == "conflict")
    slots = {min(v - {"negation", "antonym"}) for v in by_phrase.values() if v - {"negation", "antonym"}}
    # Within one phrase a count or a date may change with its range ("Nov. 6 to 10" / "Nov. 12 to 16"), but a
    # count and a place at once ("Seven people in Southern Peru" / "10 people in Northern Chile") are two events.
    mixed = any(len({_QUANTITY_SLOT.get(x, x) for x in v - {"negation", "antonym"}}) > 1 for v in by_phrase.values())
    two_events = len(slots) > 1 or mixed
    for k, (found, _residue) in enumerate(chunks):
        # What else differs: the stretches that are not themselves conflicts ("30 to 50" -> "60 to 80" is one).
        rest = [t for m, (f, r) in enumerate(chunks) if m != k and not any(x.kind == "conflict" for x in f)
                for t in r]
        for d in found:
            # Many conflicting stretches in one pair: two different facts that happen to read alike, not one fact
            # told two ways. When unsure, say nothing.
            if d.kind == "conflict" and (conflicting > 2 or two_events):
                continue
            # A quantity or a date differs, and so does more of the claim (another number, a qualifier such as
            # "among voters 45 and older"): likely two different facts (another group, another event).
            if d.kind == "conflict" and d.slot in ("number", "date") and (
                    any(t.tag in _QUANTITIES for t in rest)
                    or not tight[k] and len(rest) > (6 if shared_anchor else 2)):
                continue
            # A detail is dropped only by a claim that tells the rest of the same fact: not by a much shorter
            # claim (a summary), nor where both claims give other numbers or dates (two facts, not one).
            if d.kind == "dropped" and (short_side or d.slot in ("number", "date") and both_quantities):
                continue
            diffs.append(d)
    return PairDiff(a, b, tuple(ops), tuple(diffs), round(overlap, 4))


def _merge_inside_mentions(opcodes: Sequence[tuple[str, int, int, int, int]], ta: tuple[Tok, ...],
                           tb: tuple[Tok, ...]) -> list[tuple[str, int, int, int, int]]:
    """Join two changes separated only by words of one name that both changes touch: "State Department" /
    "Department of Homeland Security" is one name for another, not a word dropped and three words added."""
    def refs(toks: tuple[Tok, ...], lo: int, hi: int) -> set[tuple[str, int]]:
        return {(t.tag, t.ref) for t in toks[lo:hi] if t.ref >= 0 and t.tag in ("person", "org", "place")}

    out: list[tuple[str, int, int, int, int]] = []
    k = 0
    while k < len(opcodes):
        op = opcodes[k]
        if (op[0] == "equal" and out and out[-1][0] != "equal" and k + 1 < len(opcodes)
                and op[2] - op[1] <= 2):
            nxt = opcodes[k + 1]
            prev = out[-1]
            inner_a, inner_b = refs(ta, op[1], op[2]), refs(tb, op[3], op[4])
            whole = len(inner_a) == 1 and len(inner_b) == 1 and all(t.ref >= 0 for t in ta[op[1]:op[2]])
            touched_a = refs(ta, prev[1], prev[2]) | refs(ta, nxt[1], nxt[2])
            touched_b = refs(tb, prev[3], prev[4]) | refs(tb, nxt[3], nxt[4])
            if whole and (inner_a & touched_a or inner_b & touched_b):
                out[-1] = ("replace", prev[1], nxt[2], prev[3], nxt[4])
                k += 2
                continue
        out.append(op)
        k += 1
    return out


_QUANTITIES = frozenset({"num", "numword", "date", "year", "time"})
_MIN_OVERLAP_CONFLICT = 0.5
_MIN_OVERLAP_DROPPED = 0.5
_MAX_CHUNK = 6


def _type_chunk(a: Claim, b: Claim, ca: list[Tok], cb: list[Tok], ta: tuple[Tok, ...], tb: tuple[Tok, ...],
                overlap: float, anchored: bool, text_a: str, text_b: str) -> tuple[list[Difference], list[Tok]]:
    count_a, count_b = Counter(t.key for t in ta), Counter(t.key for t in tb)
    # Words the other claim holds as often elsewhere are moved, not changed.
    ra = [t for t in ca if content(t) and not t.quoted and count_a[t.key] > count_b[t.key]]
    rb = [t for t in cb if content(t) and not t.quoted and count_b[t.key] > count_a[t.key]]
    if not ra and not rb:
        return [], []
    ra, rb = _drop_same_meaning(a, b, ra, rb, ta, tb)
    if not ra and not rb:
        return [], []
    out: list[Difference] = []
    small = len(ra) <= _MAX_CHUNK and len(rb) <= _MAX_CHUNK
    can_conflict = overlap >= _MIN_OVERLAP_CONFLICT and small and anchored
    if can_conflict:
        out += _conflicts(a, b, ra, rb, ta, tb)
    elif overlap >= _MIN_OVERLAP_CONFLICT:
        # A long differing stretch: compare only the mentions that stand in the same slot on both sides (the same
        # kind of mention after the same word: "to Miami" / "to Geneva").
        for ga, gb in _same_slot(ra, rb, ta, tb):
            out += _conflicts(a, b, ga, gb, ta, tb)
    if overlap >= _MIN_OVERLAP_DROPPED:
        out += _dropped(a, b, ra, rb, out, text_b, reverse=False)
        out += _dropped(b, a, rb, ra, out, text_a, reverse=True)
    return out, ra + rb


_SLOTTED = ("num", "date", "year", "time", "place", "person", "org")


def _same_slot(ra: list[Tok], rb: list[Tok], ta: tuple[Tok, ...], tb: tuple[Tok, ...]) -> list[tuple[list[Tok],
                                                                                                        list[Tok]]]:
    where = {id(toks): {id(t): i for i, t in enumerate(toks)} for toks in (ta, tb)}

    def before(toks: tuple[Tok, ...], g: list[Tok]) -> str:
        i = where[id(toks)].get(id(g[0]))
        if i is None:  # a word rebuilt on the way (same value, another object)
            i = toks.index(g[0])
        return toks[i - 1].key if i > 0 else ""

    ga = [g for g in _groups(ra) if g[0].tag in _SLOTTED]
    gb = [g for g in _groups(rb) if g[0].tag in _SLOTTED]
    out = []
    for x in ga:
        match = [y for y in gb if y[0].tag == x[0].tag and before(tb, y) == before(ta, x) and before(ta, x)]
        twins = [z for z in ga if z[0].tag == x[0].tag and before(ta, z) == before(ta, x)]
        if len(match) == 1 and len(twins) == 1:
            out.append((x, match[0]))
    return out


def _drop_same_meaning(a: Claim, b: Claim, ra: list[Tok], rb: list[Tok], ta: tuple[Tok, ...],
                       tb: tuple[Tok, ...]) -> tuple[list[Tok], list[Tok]]:
    """Remove the words whose difference is the same meaning: short forms of names, synonyms, the same number,
    date or time in another form, a place and a place inside it."""
    people_b = [e for e in b.entities if e.label == "person"]
    people_a = [e for e in a.entities if e.label == "person"]

    def person_known(t: Tok, claim: Claim, others, other_toks: tuple[Tok, ...]) -> bool:  # type: ignore[no-untyped-def]
        """A short or full form of a name the other claim gives ("Rubio" / "Marco Rubio")."""
        if t.tag != "person" or t.ref < 0:
            return False
        ent = claim.entities[t.ref]
        return any(same_person(ent.canonical, o.canonical) for o in others) or surname(ent.canonical) in {
            fold(u.text) for u in other_toks}

    ra = [t for t in ra if not person_known(t, a, people_b, tb)]
    rb = [t for t in rb if not person_known(t, b, people_a, ta)]
    # Numbers: the same value in another form ("10" / "ten", "$5 million" / "5 million dollars").
    # Counted, not merely present: "six women and six men" / "seven women and six men" keeps one six unmatched.
    ra = [t for t in ra if not (t.tag == "num" and t.ref >= 0 and _number_in(a.numbers[t.ref], b.numbers, a.numbers))]
    rb = [t for t in rb if not (t.tag == "num" and t.ref >= 0 and _number_in(b.numbers[t.ref], a.numbers, b.numbers))]
    ra = [t for t in ra if not (t.tag in ("num", "numword") and _key_count(t.key, tb) >= _key_count(t.key, ta))]
    rb = [t for t in rb if not (t.tag in ("num", "numword") and _key_count(t.key, ta) >= _key_count(t.key, tb))]
    # Dates: the same day written another way ("Tuesday" / "December 2").
    # Counted too: "Monday, May 2" / "Wednesday, May 2" keeps "Monday" (the other claim names that day once only).
    ra = [t for t in ra if not (t.tag == "date" and t.ref >= 0 and _date_in(a.dates[t.ref], b.dates, a.dates))]
    rb = [t for t in rb if not (t.tag == "date" and t.ref >= 0 and _date_in(b.dates[t.ref], a.dates, b.dates))]
    # Places: a place and a place inside it ("Athens" / "Greece").
    # Only against a place in the same slot of the same differing stretch ("in Athens" / "in Greece"): "to Miami" is
    # not "a US official".
    def slot_of(toks: tuple[Tok, ...], t: Tok) -> str:
        i = toks.index(t)
        return toks[i - 1].key if i > 0 else ""

    places_a = [(slot_of(ta, t), _entity_text(a, t)) for t in ra if t.tag == "place"]
    places_b = [(slot_of(tb, t), _entity_text(b, t)) for t in rb if t.tag == "place"]
    ra = [t for t in ra if not (t.tag == "place" and _place_related(
        _entity_text(a, t), [n for k, n in places_b if k == slot_of(ta, t)]))]
    rb = [t for t in rb if not (t.tag == "place" and _place_related(
        _entity_text(b, t), [n for k, n in places_a if k == slot_of(tb, t)]))]
    # Synonyms and inflections of one word.
    keep_a = []
    for t in ra:
        if not t.tag and any(not u.tag and same_sense(t.text.lower(), u.text.lower()) for u in rb):
            continue
        keep_a.append(t)
    keep_b = [u for u in rb if u.tag or not any(not t.tag and same_sense(t.text.lower(), u.text.lower())
                                                for t in ra)]
    return keep_a, keep_b
