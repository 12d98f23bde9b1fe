"""Direct quotations and sentence boundaries in news text.

Pure functions. Curly, straight, angle and low-9 quotation marks; nested quotes (only the outermost becomes a
quotation); a quotation left open at the end of a paragraph runs to its end, as news style does for quotes that
continue in the next paragraph.
"""

from __future__ import annotations

import re

from factcheck.models import Quote

_PAIRS = {"“": "”", "„": "“”", "«": "»", "‹": "›", "‘": "’", '"': '"', "”": "”"}
_SINGLE_OPEN = {"‘", "‹"}


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in ("“", "„", "«"):
        return not nxt.isspace() or ch == "«"
    if ch in ("‘", "‹"):
        return (prev.isspace() or prev in "([{—–-/\"“:") and (_is_word(nxt) or nxt in "….$“\"")
    if ch == '"':
        return (prev.isspace() or prev in "([{—–-/‘:") and not nxt.isspace()
    if ch == "”":
        # A right mark used as an opener (some sites): preceded by space and followed by a word.
        return prev.isspace() and _is_word(nxt)
    return False


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if opener in ("‘", "‹"):
        if ch not in _PAIRS[opener]:
            return False
        return not _is_word(nxt)  # Kushner’s is an apostrophe, not a closing mark
    prev = text[i - 1] if i > 0 else " "
    if opener == '"':
        # Sites mix marks: "...” and “..." close as the writer meant.
        return (ch == '"' or ch == "”" and not prev.isspace()) and not _is_word(nxt)
    if opener == "”":
        return ch == "”"
    if opener == "“" and ch == '"':
        return not prev.isspace() and not _is_word(nxt)
    return ch in _PAIRS[opener]


def find_quotes(text: str) -> list[Quote]:
    """The outermost quotations in ``text`` with the offsets of the words inside the marks.

    >>> [q.text for q in find_quotes('He said, “We agreed on some things… while others drew criticism.”')]
    ['We agreed on some things… while others drew criticism.']
    """
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if stack:
            opener, _ = stack[-1]
            if _closes(text, i, opener):
                _, start = stack.pop()
                if not stack:
                    inner = text[start + 1:i]
                    if inner.strip():
                        quotes.append(Quote(start + 1, i, inner, text[start], ch, True))
                i += 1
                continue
            if ch in _PAIRS and ch != opener and _opens(text, i) and len(stack) < 8:
                stack.append((ch, i))
            elif ch == opener and ch in ("“", "«") and _opens(text, i):
                stack.append((ch, i))
            i += 1
            continue
        if ch in _PAIRS and _opens(text, i):
            stack.append((ch, i))
        i += 1
    if stack:
        _, start = stack[0]
        inner = text[start + 1:].rstrip()
        if inner.strip() and start + 1 < n:
            quotes.append(Quote(start + 1, start + 1 + len(inner), inner, text[start], "", False))
    return _trim(text, quotes)


def _trim(text: str, quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        start, end = q.start, q.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(c.isalnum() for c in text[start:end]):
            out.append(Quote(start, end, text[start:end], q.open_mark, q.close_mark, q.closed))
    return out


_ABBREV = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt",
    "capt", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pres", "atty", "rev", "hon", "d.c", "a.m",
    "p.m", "e.g", "i.e", "etc", "approx", "est", "dept", "univ", "ave", "blvd", "fig",
    "adm", "maj", "cmdr", "brig", "sens", "reps", "govs", "gens", "det", "insp", "supt", "lt.gen", "messrs",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*\s+")


def split_sentences(text: str, quotes: list[Quote] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text``. Boundaries inside a quotation are ignored, so a quoted remark of several
    sentences stays in the sentence that attributes it."""
    if quotes is None:
        quotes = find_quotes(text)
    inside = [(q.start, q.end) for q in quotes]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        punct = m.start()
        closers_end = m.start() + len(m.group(0).rstrip())
        if any(s <= punct < e and not (punct <= e < closers_end) for s, e in inside):
            continue
        before = text[start:punct + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word and text[punct] == "." and (word.group(1).lower().rstrip(".") in _ABBREV or
                                            re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.group(1).rstrip("."))):
            continue
        nxt = text[cut:cut + 1]
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘«(["):
            continue
        spans.append((start, m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))))
        start = cut
    if start < len(text) and text[start:].strip():
        end = len(text.rstrip())
        spans.append((start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]
