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

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factcheck.extract.dates import month_day
from factcheck.extract.entities import fold, same_person, surname
from factcheck.lexicon import lines, reporting_verbs, word_classes, word_set, words
from factcheck.models import Claim, DateMention, Number
from factcheck.places import is_place, place_relation
from factcheck.senses import common_word, opposite, person_noun, same_sense

# --------------------------------------------------------------------------------------------------------------
# Tokens


@dataclass(frozen=True, slots=True)
class Tok:
    """One word of a claim: raw offsets, the words as written, a comparison key and what kind of mention it is in.

    ``ref`` is the index of the mention (in ``claim.numbers``, ``claim.dates`` or ``claim.entities``) the word belongs
    to, or -1.
    """

    start: int
    end: int
    text: str
    key: str
    tag: str
    ref: int = -1
    quoted: bool = False


_WORD = re.compile(
    r"\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?"  # a clock time: 6:41pm, 18:41
    r"|[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"  # a number, money or percentage
    r"|[A-Za-z\u00C0-\u024F]+(?:[’'.-][A-Za-z\u00C0-\u024F]+)*\.?"  # a word (U.S., son-in-law, O'Neill)
)
# Words inside quotation marks in a statement are the quote check's business: a partial quotation worded
# differently is a quote divergence, never a conflict of the statement around it.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!')''(?:(?!'').)*''")
_NEG_CONTRACTION = re.compile(r"^(.*?)(n[’']t)$", re.IGNORECASE)
_SPECIAL_NEG = {"can't": "can", "won't": "will", "cannot": "can", "ain't": "is", "shan't": "shall"}


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return word_set("function_words")


@lru_cache(maxsize=1)
def _negators() -> frozenset[str]:
    return words("negators") | {"not"}


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return words("titles") | {"solicitor", "inspector", "comptroller", "treasurer", "auditor", "clerk", "dean",
                              "provost", "president-elect", "sen", "rep", "gov", "lt"}


@lru_cache(maxsize=1)
def _portfolios() -> frozenset[str]:
    return words("portfolios")


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    return word_set("kinship")


@lru_cache(maxsize=1)
def _parties() -> dict[str, str]:
    return word_classes("parties")


def _role_classes() -> dict[str, str]:
    """Title words that name the same role, each mapped to its class (``factcheck/data/role_synonyms.txt``)."""
    return word_classes("role_synonyms")


@lru_cache(maxsize=1)
def _antonym_pairs() -> frozenset[tuple[str, str]]:
    out = set()
    for line in lines("antonyms.txt"):
        a, b = line.split()[:2]
        out |= {(stem(a), stem(b)), (stem(b), stem(a))}
    return frozenset(out)


_IRREGULAR = {"rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "won": "win", "lost": "lose",
              "said": "say", "told": "tell", "went": "go", "gone": "go", "met": "meet", "held": "hold", "led": "lead",
              "took": "take", "taken": "take", "gave": "give", "given": "give", "made": "make", "came": "come",
              "saw": "see", "seen": "see", "began": "begin", "begun": "begin", "left": "leave", "sent": "send",
              "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "knew": "know",
              "thought": "think", "brought": "bring", "bought": "buy", "sold": "sell", "found": "find",
              "men": "man", "women": "woman", "children": "child", "people": "person", "was": "be", "were": "be",
              "is": "be", "are": "be", "been": "be", "has": "have", "had": "have", "did": "do", "does": "do"}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A cheap lemma for comparison: lower case, accents folded, possessive and common inflections cut."""
    w = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c)).strip(".")
    w = re.sub(r"'s?$", "", w)
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
        return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w
    if len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    if len(w) > 3 and w.endswith("e"):
        return w[:-1]
    return w


_WORD_VALUES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
                "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}


def _clock(text: str) -> str | None:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})\s?([ap])?\.?m?\.?", text.lower())
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3) == "p" and h < 12:
        h += 12
    if m.group(3) == "a" and h == 12:
        h = 0
    return f"t{h:02d}{mi:02d}"


def _mention_at(spans: _Mentions, start: int, end: int) -> tuple[int, str] | None:
    """The mention holding the word: a date first ("Oct. 9" is a date, not the number 9), else the narrowest (in
    "her 2006 Senate race" the number's span takes its unit along, but "Senate" is the organisation)."""
    best: tuple[int, int, str] | None = None
    for s, e, ref, tag in spans.around(start):
        if s <= start and end <= e:
            if tag == "date":
                return ref, tag
            if best is None or e - s < best[0]:
                best = (e - s, ref, tag)
    return (best[1], best[2]) if best else None


class _Mentions:
    """A claim's mentions (start, end, ref, tag), found by position in logarithmic time: a long claim has many."""

    def __init__(self, spans: list[tuple[int, int, int, str]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self._starts = [spans[k][0] for k in self._order]
        self._spans = spans
        self._longest = max((e - s for s, e, _, _ in spans), default=0)

    def of_kind(self, start: int, end: int, tag: str) -> int:
        """The ref of the narrowest mention of kind ``tag`` holding ``start:end`` (the first on a tie), or -1."""
        best: tuple[int, int] | None = None
        for s, e, ref, t in self.around(start):
            if t == tag and s <= start and end <= e and (best is None or e - s < best[0]):
                best = (e - s, ref)
        return best[1] if best else -1

    def around(self, at: int) -> list[tuple[int, int, int, str]]:
        """The mentions that can hold offset ``at``, in their original order (the order decides ties)."""
        lo = bisect.bisect_left(self._starts, at - self._longest)
        hi = bisect.bisect_right(self._starts, at)
        return [self._spans[k] for k in sorted(self._order[lo:hi])]


def tokenize(claim: Claim) -> tuple[Tok, ...]:
    """The claim's words as :class:`Tok`, each tagged by the mention it stands in (from the claim's own numbers,
    dates and entities), a title, kinship, party or negation word, or nothing."""
    return _tokenize(claim)


@lru_cache(maxsize=65536)
def _tokenize(claim: Claim) -> tuple[Tok, ...]:
    text, base = claim.span.text, claim.span.start
    mentions: list[tuple[int, int, int, str]] = []
    for k, d in enumerate(claim.dates):
        mentions.append((d.start, d.end, k, "date"))
    for k, n in enumerate(claim.numbers):
        mentions.append((n.start, n.end, k, "num"))
    for k, e in enumerate(claim.entities):
        mentions.append((e.start, e.end, k, e.label))
    quoted = [(m.start() + base, m.end() + base) for m in _QUOTED.finditer(text)]
    quote_starts = [q0 for q0, _ in quoted]
    index = _Mentions(mentions)
    out: list[Tok] = []
    for m in _WORD.finditer(text):
        raw = m.group(0)
        start, end = base + m.start(), base + m.end()
        if raw.endswith(".") and "." not in raw[:-1] and len(raw) > 3:
            raw, end = raw[:-1], end - 1  # a sentence's full stop, not an abbreviation ("U.S.", "Sen.")
        low = raw.lower().replace("’", "'")
        pieces: list[tuple[str, int, int]] = [(raw, start, end)]
        neg = _NEG_CONTRACTION.match(low)
        if low in _SPECIAL_NEG:
            pieces = [(_SPECIAL_NEG[low], start, end - 2), ("not", end - 2, end)]
        elif neg and neg.group(1):
            cut = len(neg.group(1))
            pieces = [(raw[:cut], start, start + cut), ("not", start + cut, end)]
        parts = raw.split("-")
        named_part = len(parts) > 1 and _mention_at(index, start, start + len(parts[0])) is not None \
            and _mention_at(index, start, end) is None
        if "-" in raw and (named_part or any(p.lower() in _WORD_VALUES or p.isdigit() for p in parts)):
            # "four-year", "30-to-50": the number and its unit are words of their own; so are a name and its
            # suffix ("Pakistan-based").
            pieces, at = [], start
            for part in raw.split("-"):
                pieces.append((part, at, at + len(part)))
                at += len(part) + 1
        for word, w0, w1 in pieces:
            if word:
                tok = _token(word, w0, w1, index)
                k = bisect.bisect_right(quote_starts, w0) - 1  # quoted stretches do not overlap
                if k >= 0 and w0 < quoted[k][1]:
                    tok = Tok(tok.start, tok.end, tok.text, tok.key, tok.tag, tok.ref, True)
                out.append(tok)
    return tuple(out)


_PARTY_STATE = re.compile(r"([RDI])-([A-Z][A-Za-z.]{0,5})$")


def _token(word: str, s: int, e: int, mentions: _Mentions) -> Tok:
    low = word.lower().replace("’", "'").rstrip(".")
    hit = _mention_at(mentions, s, e)
    if hit is None and low.endswith("'s") and len(low) > 2:
        hit = _mention_at(mentions, s, e - 2)  # "NBC's": the mention is "NBC", the possessive is not part of it
    key = stem(low)
    tag = ""
    ref = -1
    if hit:
        ref, tag = hit
        if tag in ("person", "org", "place") and low in reporting_verbs() and not word[:1].isupper():
            tag, ref = "", -1
        if tag == "group":
            tag = "party" if low in _parties() or low.rstrip("s") in _parties() else "group"
    label = _PARTY_STATE.match(word)
    if label and not tag:
        # "(D-Nev.)": a party and state label; either half changed is another label.
        party = _parties().get(label.group(1).lower(), label.group(1).lower())
        return Tok(s, e, word, f"party:{party}:{label.group(2).rstrip('.').lower()}", "party")
    clock = _clock(low)
    if clock:
        return Tok(s, e, word, clock, "time")
    digits = re.sub(r"[$€£,%]", "", low)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        value = float(digits)
        if not tag and re.fullmatch(r"(?:1[89]|20)\d\d", digits):
            return Tok(s, e, word, digits, "year")
        if tag != "date":
            if tag != "num":
                # A figure inside a name ("Super Bowl 50", "Route 66"): its ref is the number's, if one was read
                # there, never the name's (the ref indexes the claim's numbers).
                ref = mentions.of_kind(s, e, "num")
            tag = "num"
        key = f"#{value:g}" + ("%" if low.endswith("%") else "")
    elif low in _WORD_VALUES and tag in ("", "num"):
        key, tag = f"#{_WORD_VALUES[low]:g}", "num" if tag == "num" else "numword"
    elif not tag or tag == "group":
        if low.endswith("'s") and len(low) > 3:
            low = low[:-2]  # "husband's" is "husband" for the word lists
        if low in _negators():
            tag = "neg"
        elif low in _kin():
            tag = "kin"
        elif low in _parties() and word[:1].isupper():
            tag = "party"
            key = "party:" + _parties()[low]
        elif low in _titles() or (low.endswith("s") and low[:-1] in _titles()):
            tag = "title"
            key = _role_classes().get(stem(low), stem(low))
    return Tok(s, e, word, key, tag, ref)


def content(tok: Tok) -> bool:
    """Whether a word can carry a fact (not a function word nor punctuation)."""
    return bool(tok.tag) or stem(tok.text) not in _function_words() and tok.text.lower() not in _function_words()


# --------------------------------------------------------------------------------------------------------------
# Differences


@dataclass(frozen=True)
class Difference:
    """One typed difference between two aligned claims.

    ``kind`` is ``conflict`` or ``dropped``; ``slot`` what differs (``number``, ``date``, ``place``, ``person``,
    ``org``, ``role``, ``kinship``, ``party``, ``negation``, ``antonym``, ``actor``); ``a``/``b`` the words of each
    claim (``b`` empty for a detail ``a`` carries and ``b`` leaves out), with their raw spans.
    """

    kind: str
    slot: str
    a: Claim
    b: Claim
    a_text: str
    b_text: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]


@dataclass(frozen=True)
class PairDiff:
    """Every difference of one aligned pair, and the word operations behind them (in the article's own words)."""

    a: Claim
    b: Claim
    ops: tuple[tuple[str, str, str], ...]
    differences: tuple[Difference, ...]
    overlap: float


def _number_compatible(a: Number, b: Number) -> bool:
    """Two mentions can be one quantity: equal, within 15% when either is approximate, or a value inside the other's
    range; two ranges must have the same ends ("seven to eight" is not "seven to nine")."""
    if a.bound and b.bound:
        # Two bounds: the same bound or two different facts ("at least 150" / "at least 135").
        return a.bound == b.bound and a.low == b.low and a.high == b.high
    if a.bound or b.bound:
        # A bound and a figure: the figure meets the bound, not far beyond it ("more than 60" / "62").
        bound, value = (a, b) if a.bound else (b, a)
        if bound.bound == "min":
            return bound.low <= value.low <= 1.25 * bound.low
        return 0.75 * bound.high <= value.high <= bound.high
    tol = 0.1 if (a.approx or b.approx) else 0.0

    def near(x: float, y: float) -> bool:
        return abs(x - y) <= tol * max(abs(x), abs(y))

    if a.low != a.high and b.low != b.high:
        return near(a.low, b.low) and near(a.high, b.high)
    # A value inside the other's range, or near it ("nearly 40" / "38"; "nearly four" is not "five").
    return (a.low - tol * a.high <= b.high and b.low - tol * b.high <= a.high) if tol == 0.0 else (
        near(a.low, b.low) or near(a.high, b.high) or (a.low <= b.low <= a.high) or (b.low <= a.low <= b.high))


def _units_comparable(a: Number, b: Number) -> bool:
    return a.unit == b.unit or not a.unit or not b.unit


def _date_same(a: DateMention, b: DateMention) -> bool | None:
    """Whether two date mentions name the same day (or month, year), None when they cannot be compared."""
    if a.date is not None and b.date is not None:
        gran = {"day": 3, "week": 2, "month": 1, "year": 0}
        g = min(gran.get(a.granularity, 0), gran.get(b.granularity, 0))
        if g >= 3:
            return a.date == b.date
        if g == 2:
            return abs((a.date - b.date).days) < 7
        if g == 1:
            return (a.date.year, a.date.month) == (b.date.year, b.date.month)
        return a.date.year == b.date.year
    if a.granularity == b.granularity == "day":
        # No year to resolve against (an article without a date): the month and day still compare.
        ma, mb = month_day(a.text), month_day(b.text)
        if ma and mb:
            return ma == mb
    if a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return None


def _span_text(claim: Claim, toks: list[Tok]) -> tuple[str, tuple[int, int]]:
    s, e = toks[0].start, toks[-1].end
    base = claim.span.start
    text = claim.span.text[s - base:e - base]
    if toks[-1].tag and text[-2:].replace("’", "'") == "'s":
        text, e = text[:-2], e - 2  # "NBC's" cites the name "NBC", not its possessive ending
    return text, (s, e)


def _mention_text(claim: Claim, toks: list[Tok]) -> tuple[str, tuple[int, int]]:
    """The words to cite for a differing stretch: a whole date when the stretch is part of one ("December 5, 2025",
    not "5")."""
    if len(toks) == 1 and toks[0].tag == "date" and toks[0].ref >= 0:
        d = claim.dates[toks[0].ref]
        base = claim.span.start
        if base <= d.start and d.end <= claim.span.end:
            return claim.span.text[d.start - base:d.end - base], (d.start, d.end)
    if len(toks) == 1 and toks[0].tag == "num" and toks[0].ref >= 0:
        n = claim.numbers[toks[0].ref]
        base = claim.span.start
        words = claim.span.text[n.start - base:n.end - base] if base <= n.start and n.end <= claim.span.end else ""
        if n.start == toks[0].start and len(words.split()) <= 3:
            return words, (n.start, n.end)  # "$90 million", not "$90"
    refs = {(t.tag, t.ref) for t in toks}
    if len(refs) == 1 and toks[0].tag in ("person", "org", "place") and toks[0].ref >= 0:
        # Part of one name differs: cite the whole name ("State Department", not "State").
        ent = claim.entities[toks[0].ref]
        base = claim.span.start
        if base <= ent.start and ent.end <= claim.span.end:
            return claim.span.text[ent.start - base:ent.end - base], (ent.start, ent.end)
    return _span_text(claim, toks)


def _groups(toks: list[Tok]) -> list[list[Tok]]:
    """Runs of consecutive tokens of one mention (a multi-word name, a number with its words)."""
    out: list[list[Tok]] = []
    for t in toks:
        if out and out[-1][-1].tag == t.tag and (t.ref >= 0 and out[-1][-1].ref == t.ref or t.tag in ("title",)):
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _elsewhere(source_text: str, toks: list[Tok]) -> bool:
    """Whether the words of a detail stand anywhere in a source's text (then it was not dropped, only put
    elsewhere): every content word of it within a short stretch."""
    keys = [re.sub(r"[’']s?$", "", t.text.lower().strip(".,")) for t in toks if content(t)]
    if not keys:
        return True
    low = source_text.lower()
    pattern = r"\W+(?:\w+\W+){0,3}?".join(re.escape(k) for k in keys)
    return re.search(r"\b" + pattern + r"\b", low) is not None


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
    two_events = len(slots) > 1
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


def _number_in(n: Number, others: tuple[Number, ...], own: tuple[Number, ...]) -> bool:
    """The other claim gives the quantity ``n`` as many times as its own claim does (in any form)."""
    def count(pool: tuple[Number, ...]) -> int:
        return sum(_units_comparable(n, o) and _number_compatible(n, o) for o in pool)

    return count(others) >= max(1, count(own))


def _key_count(key: str, toks: tuple[Tok, ...]) -> int:
    return sum(t.key == key for t in toks)


def _date_in(d: DateMention, others: tuple[DateMention, ...], own: tuple[DateMention, ...]) -> bool:
    """The other claim names the day ``d`` names as many times as its own claim does (in any form)."""
    def count(pool: tuple[DateMention, ...]) -> int:
        return sum(bool(_date_same(d, o)) for o in pool)

    return count(others) >= max(1, count(own))


def _entity_text(claim: Claim, t: Tok) -> str:
    return claim.entities[t.ref].text if t.ref >= 0 and t.tag == claim.entities[t.ref].label else t.text


def _place_related(name: str, others: list[str]) -> bool:
    for o in others:
        if fold(o) == fold(name):
            return True
        if place_relation(name, o) in ("same", "inside", "contains"):
            return True
    return False


def _first(toks: list[Tok], tags: tuple[str, ...]) -> list[Tok]:
    for g in _groups(toks):
        if g[0].tag in tags:
            return g
    return []


def _diff(kind: str, slot: str, a: Claim, b: Claim, ga: list[Tok], gb: list[Tok]) -> Difference:
    at, aspan = _mention_text(a, ga) if ga else ("", (a.span.start, a.span.start))
    bt, bspan = _mention_text(b, gb) if gb else ("", (b.span.start, b.span.start))
    return Difference(kind, slot, a, b, at, bt, aspan, bspan)


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
        from factcheck.checks.entity_conflict import roles_conflict

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
    """A title word next to a person's name (before it, or in an apposition right after it)."""
    i0, i1 = toks.index(group[0]), toks.index(group[-1])
    window = list(toks[max(0, i0 - 4):i0]) + list(toks[i1 + 1:i1 + 5])
    return any(t.tag == "person" or (not t.tag and t.text[:1].isupper() and content(t)) for t in window)


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
        return "".join(w[0] for w in re.findall(r"[A-Za-z]+", x) if w.lower() not in ("of", "the", "and", "for"))

    ca, cb = re.sub(r"[^A-Za-z]", "", a), re.sub(r"[^A-Za-z]", "", b)
    return (ca.isupper() and ca.lower() == initials(b).lower()) or (cb.isupper() and cb.lower() == initials(
        a).lower()) or fold(a) in fold(b) or fold(b) in fold(a)


_DROPPABLE = ("num", "date", "year", "time", "place", "person", "org")
_LOCATIVE = frozenset("in at to from near outside inside into across".split())


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
    return bool(before) and (before[-1] in _LOCATIVE or len(before) > 1 and before[-2] in _LOCATIVE
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

