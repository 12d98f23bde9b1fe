"""Quantities in news text: counts, ranges, percentages, money and approximations, with the unit they count.

Pure functions returning :class:`~factcheck.models.Number` tuples with offsets into the text given.
"""

from __future__ import annotations

import re

from factcheck.extract.dates import find_dates
from factcheck.lexicon import keyed, word_set, words
from factcheck.models import Number

WORD_NUMBERS: dict[str, float] = {w: int(v) if v.isdigit() else float(v) for w, v in keyed("quantity_words").items()}
SCALES = {w: float(v) for w, v in keyed("scales").items()}
VAGUE = {"hundreds": (100, 999), "thousands": (1000, 9999), "tens of thousands": (10000, 99999),
         "millions": (1e6, 9.99e6), "billions": (1e9, 9.99e9), "dozens": (24, 99)}
APPROX = re.compile(
    r"(?:about|around|nearly|almost|roughly|approximately|some|more than|over|less than|under|fewer than|up to|"
    r"at least|at most|close to|an estimated|estimated|just over|just under)\s+$",
    re.IGNORECASE,
)
# A bound, not an estimate: "at least 150 percent" is not "at least 135 percent", however close the two values.
_BOUND = re.compile(r"(?<!just )\b(more than|over|at least|less than|under|fewer than|up to|at most)\s+$",
                    re.IGNORECASE)
_LOWER_BOUNDS = words("lower_bounds")
_UNIT_STOP = word_set("unit_stop_words")
_UNIT_ALIASES = keyed("unit_aliases")

_DETERMINERS = word_set("quantity_determiners")
_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE_WORDS = "|".join(SCALES)
_SCALE = rf"(?:\s*(?:{_SCALE_WORDS})\b)?"
_VALUE = rf"(?:{_NUM}){_SCALE}|(?:{_WORDNUM})(?:[\s-](?:{_WORDNUM}))?\b{_SCALE}"
_QUANTITY = re.compile(
    rf"(?P<cur>US\$|\$|€|£)?\s?(?P<a>{_VALUE})"
    rf"(?:\s*(?:-|–|—|to|-to-|and)\s*(?P<cur2>US\$|\$|€|£)?(?P<b>{_VALUE}))?"
    r"(?P<pct>\s?%|\s?(?:per ?cent|percent)\b)?"
    r"(?:-|\s)?(?P<unit>(?:[A-Za-z][A-Za-z'’-]*))?",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(r"\b(?P<v>tens of thousands|hundreds|thousands|millions|billions|dozens)"
                       r"\s+of\s+(?P<unit>[a-z]+)",
                       re.IGNORECASE)


def _value(text: str) -> float | None:
    t = text.lower().replace(",", "").strip()
    m = re.fullmatch(rf"(\d+(?:\.\d+)?)\s*({_SCALE_WORDS})?", t)
    if m:
        return float(m.group(1)) * (SCALES[m.group(2)] if m.group(2) else 1)
    parts = re.split(r"[\s-]+", t)
    total = 0.0
    current = 0.0
    for part in parts:
        if part in WORD_NUMBERS:
            value = WORD_NUMBERS[part]
            if part == "hundred":
                current = (current or 1) * 100
            else:
                current += value
        elif part in SCALES:
            current = (current or 1) * SCALES[part]
            total += current
            current = 0
        else:
            return None
    return total + current


def _unit(raw: str | None, pct: str | None, cur: str | None) -> str:
    if pct:
        return "percent"
    if cur:
        return _UNIT_ALIASES.get(cur.lower(), cur.lower())
    if not raw:
        return ""
    word = raw.lower().strip("-'’")
    if word in _UNIT_STOP or word in WORD_NUMBERS:
        return ""
    word = _UNIT_ALIASES.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return _UNIT_ALIASES.get(word, word)


def find_numbers(text: str) -> list[Number]:
    """Quantities in ``text``; dates and years are left to the date extractor.

    >>> [(n.low, n.high, n.unit) for n in find_numbers("about a 30-to-50 kilometer space and the 20% left")]
    [(30.0, 50.0, 'kilometer'), (20.0, 20.0, 'percent')]
    """
    dates = [(d.start, d.end) for d in find_dates(text)]
    out: list[Number] = []
    for m in _QUANTITY.finditer(text):
        a = m.group("a")
        if not a or not a.strip():
            continue
        start = m.start("cur") if m.group("cur") else m.start("a")
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_"):
            continue
        end = m.end()
        if any(s < end and start < e for s, e in dates):
            continue
        low = _value(a)
        if low is None:
            continue
        high = _value(m.group("b")) if m.group("b") else low
        if high is None:
            high = low
        is_word = not re.search(r"\d", a)
        unit_raw = m.group("unit")
        unit = _unit(unit_raw, m.group("pct"), m.group("cur") or m.group("cur2"))
        if m.group("pct"):
            end = m.end("pct")
        elif not unit or m.group("cur") or m.group("cur2"):
            end = m.start("unit") if unit_raw else end
        # "one" as a pronoun ("one of them", "no one") is not a quantity.
        prev_word = re.findall(r"[A-Za-z]+", text[max(0, start - 12):start])
        if is_word and a.lower() in ("one", "half") and (
            not unit or (prev_word and prev_word[-1].lower() in _DETERMINERS) or unit in ("another", "other", "side")
        ):
            continue
        # Four-digit bare numbers are years, which the date extractor handles.
        if not unit and re.fullmatch(r"(?:19|20)\d{2}", a):
            continue
        text_span = text[start:end].rstrip(" -")
        before = text[max(0, start - 30):start]
        approx = bool(APPROX.search(before))
        bound = _BOUND.search(before)
        out.append(Number(start, start + len(text_span), text_span, min(low, high), max(low, high), unit, approx,
                          ("min" if bound.group(1).lower() in _LOWER_BOUNDS else "max") if bound else ""))
    for m in _VAGUE_RE.finditer(text):
        if any(n.start < m.end() and m.start() < n.end for n in out):
            continue
        low, high = VAGUE[m.group("v").lower()]
        out.append(Number(m.start(), m.end(), m.group(0), float(low), float(high), _unit(m.group("unit"), None, None),
                          True))
    for m in re.finditer(r"\b(?P<v>thousands|hundreds|millions|dozens)\b", text, re.IGNORECASE):
        if any(n.start <= m.start() < n.end for n in out):
            continue
        low, high = VAGUE[m.group("v").lower()]
        unit_m = re.match(r"\s+(?:of\s+)?([a-z]+)", text[m.end():], re.IGNORECASE)
        unit = _unit(unit_m.group(1), None, None) if unit_m else ""
        out.append(Number(m.start(), m.end(), m.group(0), float(low), float(high), unit, True))
    return sorted(out, key=lambda n: n.start)
