"""A claim's words as tokens for the word diff: each keeps its raw span and the kind of mention it stands in (a
number, a date, a person, a place, an organisation, a title, a kinship word, a negation, a party label)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from factcheck.lexicon import lines, pairs, reporting_verbs, word_classes, word_set, words
from factcheck.models import Claim
from factcheck.tokenize import claim_words


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
    return words("titles") | word_set("comparison_titles")


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


_IRREGULAR = pairs("irregular_forms")


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


_WORD_VALUES = {word: int(value) for word, value in pairs("number_values").items()}


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
    for m in claim_words(text):
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
    return bool(tok.tag) or _content_word(tok.text)


@lru_cache(maxsize=65536)
def _content_word(text: str) -> bool:
    return stem(text) not in _function_words() and text.lower() not in _function_words()
