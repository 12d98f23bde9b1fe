"""Typing a differing stretch as a conflict: by what the differing words are (number, date, place, person,
organisation, role, kinship, party, negation or opposite words)."""

from __future__ import annotations

import re

from factcheck.difference.base import Difference, _date_same, _diff, _entity_text, _first, _units_comparable
from factcheck.difference.tokens import Tok, _antonym_pairs, _function_words, _parties, _portfolios, content, stem
from factcheck.extract.entities import fold, same_person
from factcheck.lexicon import reporting_verbs, word_set
from factcheck.models import Claim
from factcheck.places import is_place, place_relation
from factcheck.roles import roles_conflict
from factcheck.senses import common_word, opposite, person_noun, same_sense
from factcheck.tokenize import letter_words


def _conflicts(a: Claim, b: Claim, ra: list[Tok], rb: list[Tok], ta: tuple[Tok, ...],
               tb: tuple[Tok, ...]) -> list[Difference]:
    out: list[Difference] = []
    tags_a = {t.tag for t in ra}
    tags_b = {t.tag for t in rb}
    # Numbers (with their unit) and word numbers.
    na, nb = _first(ra, ("num", "numword")), _first(rb, ("num", "numword"))
    if na and nb:
        xa = a.numbers[na[0].ref] if na[0].ref >= 0 and na[0].tag == "num" else None
        xb = b.numbers[nb[0].ref] if nb[0].ref >= 0 and nb[0].tag == "num" else None
        if xa is None or xb is None or _units_comparable(xa, xb):
            out.append(_diff("conflict", "number", a, b, na, nb))
    # Years and clock times.
    for slot, tag in (("date", "year"), ("date", "time")):
        ya, yb = _first(ra, (tag,)), _first(rb, (tag,))
        if ya and yb:
            out.append(_diff("conflict", slot, a, b, ya, yb))
    # Dates.
    da, db = _first(ra, ("date",)), _first(rb, ("date",))
    if da and db and da[0].ref >= 0 and db[0].ref >= 0:
        same = _date_same(a.dates[da[0].ref], b.dates[db[0].ref])
        if same is False:
            out.append(_diff("conflict", "date", a, b, da, db))
    # Places.
    pa, pb = _first(ra, ("place",)), _first(rb, ("place",))
    if pa and pb:
        rel = place_relation(_entity_text(a, pa[0]), _entity_text(b, pb[0]))
        if rel in ("disjoint", "unknown"):
            out.append(_diff("conflict", "place", a, b, pa, pb))
    # People: the actor of the claim, or another person in the same place.
    qa, qb = _first(ra, ("person",)), _first(rb, ("person",))
    if qa and qb:
        ea, eb = a.entities[qa[0].ref], b.entities[qb[0].ref]
        if not same_person(ea.canonical, eb.canonical):
            actor = any(x.agent_start <= ea.start < x.agent_end for x in a.actions) or _subject_position(ta, qa)
            out.append(_diff("conflict", "actor" if actor else "person", a, b, qa, qb))
    # Organisations.
    oa, ob = _first(ra, ("org",)), _first(rb, ("org",))
    if oa and ob and not _acronym_of(_entity_text(a, oa[0]), _entity_text(b, ob[0])):
        out.append(_diff("conflict", "org", a, b, oa, ob))
    # One name for another that the parser labels differently ("The New York Times" as an organisation,
    # "Breitbart" as a person): the whole differing stretch is one name on each side, standing in the same place.
    if not out:
        na_, nb_ = _one_name(ra), _one_name(rb)
        if na_ and nb_ and {na_[0].tag, nb_[0].tag} == {"person", "org"} and _same_frame(ta, tb, na_, nb_):
            ta_, tb_ = _entity_text(a, na_[0]), _entity_text(b, nb_[0])
            if not (same_person(ta_, tb_) or _acronym_of(ta_, tb_)
                    or place_relation(ta_, tb_) not in ("disjoint", "unknown")):
                out.append(_diff("conflict", "org", a, b, na_, nb_))
        elif na_ and nb_ and "place" in {na_[0].tag, nb_[0].tag} and na_[0].tag != nb_[0].tag \
                and _same_frame(ta, tb, na_, nb_):
            # A place the parser took for a name ("areas like Duluth"): a place when the gazetteer knows it.
            ta_, tb_ = _entity_text(a, na_[0]), _entity_text(b, nb_[0])
            if is_place(ta_) and is_place(tb_) and place_relation(ta_, tb_) == "disjoint":
                out.append(_diff("conflict", "place", a, b, na_, nb_))
            elif "person" in {na_[0].tag, nb_[0].tag} and not is_place(ta_ if na_[0].tag == "place" else tb_) \
                    and not same_person(ta_, tb_):
                # A person's name the parser took for a place the gazetteer does not know ("Priya Mbeki-Shaw").
                slot = "actor" if _subject_position(ta, na_) else "person"
                out.append(_diff("conflict", slot, a, b, na_, nb_))
        elif bool(na_) != bool(nb_):
            # The parser tagged only one of the two names ("The New York Times" / "Politico").
            ga, gb = (na_, _name_words(rb, tb)) if na_ else (_name_words(ra, ta), nb_)
            if ga and gb and _same_frame(ta, tb, ga, gb):
                tag = (ga if ga[0].tag else gb)[0].tag
                ta_ = _entity_text(a, ga[0]) if ga[0].tag else " ".join(t.text for t in ga)
                tb_ = _entity_text(b, gb[0]) if gb[0].tag else " ".join(t.text for t in gb)
                if not (same_person(ta_, tb_) or _acronym_of(ta_, tb_) or fold(ta_) in fold(tb_)
                        or fold(tb_) in fold(ta_) or place_relation(ta_, tb_) not in ("disjoint", "unknown")):
                    if tag != "place":
                        slot = "org" if tag != "person" else "actor" if _subject_position(ta, ga) else "person"
                        out.append(_diff("conflict", slot, a, b, ga, gb))
                    elif is_place(ta_) and is_place(tb_):
                        out.append(_diff("conflict", "place", a, b, ga, gb))
    # Titles and offices.
    ti_a = [t for t in ra if t.tag == "title" or t.text.lower() in _portfolios()]
    ti_b = [t for t in rb if t.tag == "title" or t.text.lower() in _portfolios()]
    # A title next to a name, or standing alone for the person in the same slot ("the former president said").
    if ti_a and ti_b and (_near_person(ta, ti_a) and _near_person(tb, ti_b) or len(ra) == len(rb) == 1):
        if {t.key for t in ti_a} != {t.key for t in ti_b} and roles_conflict(_phrase(a, ta, ti_a),
                                                                              _phrase(b, tb, ti_b)):
            out.append(_diff("conflict", "role", a, b, ti_a, ti_b))
    elif bool(ti_a) != bool(ti_b) and not out:
        # A title on one side and, in its place, a noun for a kind of person the title list does not hold ("his
        # campaign manager, Jeff Weaver" / "his pollster, Jeff Weaver"): another role.
        pa = ti_a or [t for t in ra if not t.tag and person_noun(t.text.lower())]
        pb = ti_b or [t for t in rb if not t.tag and person_noun(t.text.lower())]
        if pa and pb and len(ra) <= 3 and len(rb) <= 3 and _near_person(ta, pa) and _near_person(tb, pb) \
                and not any(same_sense(x.text.lower(), y.text.lower()) for x in pa for y in pb):
            out.append(_diff("conflict", "role", a, b, pa, pb))
    # Kinship and party.
    for slot in ("kin", "party"):
        ga, gb = _first(ra, (slot,)), _first(rb, (slot,))
        if ga and gb and ga[0].key != gb[0].key and not (slot == "party" and _same_party(ga[0].key, gb[0].key)):
            out.append(_diff("conflict", "kinship" if slot == "kin" else "party", a, b, ga, gb))
    # Negation: one side negates what the other asserts.
    neg_a = [t for t in ra if t.tag == "neg"]
    neg_b = [t for t in rb if t.tag == "neg"]
    if (len(neg_a) + len(neg_b)) % 2 == 1 and not out:
        others = [t for t in ra + rb if t.tag != "neg"]
        bears = any(_negates_shared(ta, t, {u.key for u in tb}) for t in neg_a) or \
            any(_negates_shared(tb, t, {u.key for u in ta}) for t in neg_b)
        if len(others) <= 2 and bears:
            out.append(_diff("conflict", "negation", a, b, *_negation_spans(ta, tb, neg_a, neg_b)))
    # Opposite words.
    if not out and not (tags_a | tags_b) - {""}:
        for t in ra:
            for u in rb:
                if _opposite_words(t.text.lower(), u.text.lower()):
                    out.append(_diff("conflict", "antonym", a, b, [t], [u]))
                    return out
    return out


def _opposite_words(x: str, y: str) -> bool:
    """Opposite words, or compounds that differ by one opposite part ("better-funded" / "worse-funded")."""
    if (stem(x), stem(y)) in _antonym_pairs() or opposite(x, y):
        return True
    px, py = x.split("-"), y.split("-")
    if len(px) != len(py) or len(px) < 2:
        return False
    differ = [(p, q) for p, q in zip(px, py, strict=True) if p != q]
    return len(differ) == 1 and _opposite_words(*differ[0])


def _same_party(x: str, y: str) -> bool:
    """"party:democrat:nev" (D-Nev.) and "party:democrat" (Democrat): one party, the state told by one side only."""
    def parts(key: str) -> tuple[str, str | None]:
        bits = key.split(":")
        if bits[0] != "party" or len(bits) < 2:
            return _parties().get(key, key), None
        return bits[1], bits[2] if len(bits) > 2 else None

    (px, sx), (py, sy) = parts(x), parts(y)
    return px == py and (sx is None or sy is None or sx == sy)


def _same_frame(ta: tuple[Tok, ...], tb: tuple[Tok, ...], ga: list[Tok], gb: list[Tok]) -> bool:
    """The same word before and after both stretches ("the ___ and the", "; ___ filed"): one slot, two fillers."""
    i0, i1 = ta.index(ga[0]), ta.index(ga[-1]) + 1
    j0, j1 = tb.index(gb[0]), tb.index(gb[-1]) + 1
    before = (not any(content(t) for t in ta[:i0]) and not any(content(t) for t in tb[:j0])) or (
        i0 > 0 and j0 > 0 and ta[i0 - 1].key == tb[j0 - 1].key)
    after = (not any(content(t) for t in ta[i1:]) and not any(content(t) for t in tb[j1:])) or (
        i1 < len(ta) and j1 < len(tb) and ta[i1].key == tb[j1].key)
    return before and after


def _name_words(toks: list[Tok], claim_toks: tuple[Tok, ...]) -> list[Tok]:
    """``toks`` when the parser tagged none of them and they read as one name: up to four capitalised words, no
    function word, and either one of them no ordinary word WordNet knows ("Bloomberg's") or not opening the
    claim (whose capital tells nothing) as the plural of an ordinary noun would ("Officials")."""
    if not toks or len(toks) > 4 or any(t.tag or not t.text[:1].isupper() or t.key in _function_words()
                                         for t in toks):
        return []
    if any(not common_word(re.sub(r"['’]s$", "", t.text)) for t in toks):
        return toks
    opens = toks[0] == claim_toks[0]
    return [] if opens and re.search(r"(?<!['’])s$", toks[-1].text) else toks


def _one_name(toks: list[Tok]) -> list[Tok]:
    """``toks`` when they are all words of one name (a person, organisation or place), else nothing."""
    if toks and len({(t.tag, t.ref) for t in toks}) == 1 and toks[0].tag in ("person", "org", "place") \
            and toks[0].ref >= 0:
        return toks
    return []


def _near_person(toks: tuple[Tok, ...], group: list[Tok]) -> bool:
    """A title word next to a person's name (before it, or in an apposition right after it). A reporting verb
    between the two makes the word its audience, not the person's title ("Ruiz told reporters")."""
    i0, i1 = toks.index(group[0]), toks.index(group[-1])
    verbs = reporting_verbs()

    def name(t: Tok) -> bool:
        return t.tag == "person" or (not t.tag and t.text[:1].isupper() and content(t))

    for k in range(i0 - 1, max(-1, i0 - 5), -1):  # the words before it, nearest first, up to a reporting verb
        if toks[k].text.lower() in verbs:
            break
        if name(toks[k]):
            return True
    for k in range(i1 + 1, min(len(toks), i1 + 5)):
        if toks[k].text.lower() in verbs:
            break
        if name(toks[k]):
            return True
    return False


def _phrase(claim: Claim, toks: tuple[Tok, ...], group: list[Tok]) -> str:
    """The title words around a differing stretch ("Interior" -> "Interior Minister")."""
    i0, i1 = toks.index(group[0]), toks.index(group[-1])
    lo, hi = i0, i1
    while lo > 0 and (toks[lo - 1].tag == "title" or toks[lo - 1].text.lower() in _portfolios()):
        lo -= 1
    while hi + 1 < len(toks) and (toks[hi + 1].tag == "title" or toks[hi + 1].text.lower() in _portfolios()):
        hi += 1
    return " ".join(t.text for t in toks[lo:hi + 1])


def _negation_spans(ta: tuple[Tok, ...], tb: tuple[Tok, ...], neg_a: list[Tok],
                    neg_b: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """The words of each side that the negation changes: the negation and the word it bears on, and that same
    word on the side without the negation ("did not agree" / "agreed")."""
    def predicate(toks: tuple[Tok, ...], neg: Tok, other: tuple[Tok, ...]) -> tuple[list[Tok], list[Tok]]:
        keys = {u.key for u in other}
        i = toks.index(neg)
        for t in [t for t in toks[i + 1:i + 6] if content(t) and t.tag != "neg"][:1]:
            if t.key in keys:
                m = next(k for k, u in enumerate(other) if u.key == t.key)
                lo = m
                while lo > 0 and m - lo < 3 and not content(other[lo - 1]):
                    lo -= 1  # the function words before it ("with a signed")
                return list(toks[i:toks.index(t) + 1]), list(other[lo:m + 1])
        return [neg], []

    if neg_a:
        sa, sb = predicate(ta, neg_a[0], tb)
        return sa, sb
    sb, sa = predicate(tb, neg_b[0], ta)
    return sa, sb


def _negates_shared(toks: tuple[Tok, ...], neg: Tok, other_keys: set[str]) -> bool:
    """Whether a negation bears on a word the other claim also holds: the first content words after it ("did not
    *agree*", "without a *signed* agreement", "neither *side*")."""
    i = toks.index(neg)
    after = [t for t in toks[i + 1:i + 6] if content(t) and t.tag != "neg"][:1]
    return any(t.key in other_keys and not t.tag for t in after)


def _subject_position(toks: tuple[Tok, ...], group: list[Tok]) -> bool:
    """A name at the start of the claim, before its first verb-like word, is the claim's actor."""
    first = toks.index(group[0]) if group[0] in toks else 99
    return first <= 2


def _acronym_of(a: str, b: str) -> bool:
    def initials(x: str) -> str:
        return "".join(w[0] for w in letter_words(x) if w.lower() not in word_set("acronym_skip"))

    ca, cb = re.sub(r"[^A-Za-z]", "", a), re.sub(r"[^A-Za-z]", "", b)
    return (ca.isupper() and ca.lower() == initials(b).lower()) or (cb.isupper() and cb.lower() == initials(
        a).lower()) or fold(a) in fold(b) or fold(b) in fold(a)
