"""Direct quotations and sentence boundaries in news text.

Pure functions. Curly, straight, angle and low-9 quotation marks; nested quotes (only the outermost becomes a
quotation); a quotation left open at the end of a paragraph runs to its end, as news style does for quotes that
continue in the next paragraph.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from factcheck.lexicon import words
from factcheck.models import Quote

_PAIRS = {"“": "”", "„": "“”", "«": "»", "‹": "›", "‘": "’", '"': '"', "”": "”"}
_SINGLE_OPEN = {"‘", "‹"}


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    if unicodedata.category(prev) == "Cf":
        prev = " "  # an invisible format mark (U+202A, a pasted post's direction mark) stands where a space would
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
        # A straight mark right after the quote's last punctuation closes it even when the writer left out the
        # space after it (`audiences,"Katie Packer said`): a straight mark cannot open a quote inside its own kind.
        if ch == '"' and _is_word(nxt) and prev in ",.!?;…":
            return True
        return (ch == '"' or ch == "”" and not prev.isspace()) and not _is_word(nxt)
    if opener == "”":
        return ch == "”"
    if opener == "“" and ch == '"':
        return not prev.isspace() and not _is_word(nxt)
    if opener == "“" and ch == "“":
        # A left mark typed for the right one after the quote's last punctuation (`“It's unusual,“ said Noble`)
        # closes it: a left mark before a space opens nothing.
        return prev in ",.!?;…" and nxt.isspace()
    return ch in _PAIRS[opener]


def find_quotes(text: str) -> list[Quote]:
    """The outermost quotations in ``text`` with the offsets of the words inside the marks.

    >>> [q.text for q in find_quotes('He said, “We agreed on some things… while others drew criticism.”')]
    ['We agreed on some things… while others drew criticism.']
    """
    original = text
    # Two apostrophes as a quotation mark (''...'', an archive convention of one outlet): read as a space and a
    # straight mark, so offsets stay those of the original text and the pair opens and closes like "...".
    if "''" in text:
        # Three apostrophes close a nested quotation and the outer one together (`'old-school,''' said`) or open
        # both (`'''Hey, ...`): one apostrophe and the pair.
        text = _TRIPLE_CLOSE.sub("' \"", _TRIPLE_OPEN.sub(" \"'", text))
        text = _DOUBLE_APOSTROPHE.sub(' "', text)
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
    out = [q for q in _trim(text, quotes) if not _runaway(q)]
    if text is not original:
        out = [Quote(q.start, q.end, original[q.start:q.end], _mark(original, q.start - 1), _mark(original, q.end)
                     if q.closed else "", q.closed) for q in out]
    return out


_DOUBLE_APOSTROPHE = re.compile(r"(?<!')''(?!')")
_TRIPLE_CLOSE = re.compile(r"(?<=[^\s'])'''(?!')")
_TRIPLE_OPEN = re.compile(r"(?<![^\s(—–])'''(?=\w)")


def _mark(text: str, i: int) -> str:
    """The quotation mark written at ``i``: two apostrophes where the text uses them as one mark."""
    ch = text[i] if 0 <= i < len(text) else ""
    return "''" if ch == "'" else ch


#: A "quotation" of more words than this is a stray or mismatched mark running on (a page scraped as one
#: paragraph), not a remark: real quotations in the annotated corpus stay under 300 words. It is read as text.
MAX_QUOTE_WORDS = 1000


def _runaway(q: Quote) -> bool:
    return len(q.text) > 4 * MAX_QUOTE_WORDS and len(q.text.split()) > MAX_QUOTE_WORDS


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


_ABBREV = words("abbreviations")
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)]*\s+")


def split_sentences(text: str, quotes: list[Quote] | None = None, bound: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of ``text``. Boundaries inside a quotation are ignored, so a quoted remark of several
    sentences stays in the sentence that attributes it. A sentence longer than :data:`MAX_SENTENCE_WORDS` words
    (a transcript dump, a scraped page without full stops) is cut at clause boundaries outside quotations, so no
    later step works on an unbounded sentence; with ``bound=False`` it is returned whole."""
    if quotes is None:
        quotes = find_quotes(text)
    inside = sorted((q.start, q.end) for q in quotes)
    starts = [s for s, _ in inside]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        punct = m.start()
        closers_end = m.start() + len(m.group(0).rstrip())
        if _within(inside, starts, punct, closers_end):
            continue
        word = _word_before(text, start, punct)
        if word and text[punct] == "." and (word.lower().rstrip(".") in _ABBREV or
                                            re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.rstrip("."))):
            continue
        nxt = text[cut:cut + 1]
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "“\"‘«(["):
            continue
        spans.append((start, m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))))
        start = cut
    if start < len(text) and text[start:].strip():
        end = len(text.rstrip())
        spans.append((start, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if text[s:e].strip():
            out += _bounded(text, s, e, inside, starts) if bound else [(s, e)]
    return out


def _within(inside: list[tuple[int, int]], starts: list[int], punct: int, closers_end: int) -> bool:
    """Whether the mark at ``punct`` lies inside a quotation (not at the quotation's own close). Outermost
    quotations do not overlap, so only the last one starting at or before ``punct`` can hold it."""
    k = bisect.bisect_right(starts, punct) - 1
    if k < 0:
        return False
    s, e = inside[k]
    return s <= punct < e and not (punct <= e < closers_end)


def _word_before(text: str, start: int, punct: int) -> str:
    """The run of word characters and dots that ends at the full stop ``text[punct]`` ("U.S." in "the U.S.")."""
    if text[punct] != "." or punct == start:
        return ""
    i = punct
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:punct] if i < punct else ""


#: Sentences longer than this many words are cut at clause boundaries (real news sentences are shorter: in the
#: annotated corpus only long quotations, which are never cut, and lists of names run longer).
MAX_SENTENCE_WORDS = 100
# Clause boundaries, strongest first: a semicolon, colon or dash; a comma before a conjunction; a comma; a bare
# conjunction.
_CLAUSE = re.compile(
    r"(?P<r0>[;:]|\s[—–]|—)\s+"
    r"|(?P<r1>,)\s+(?=(?:and|but|or|while|which|who|because|although|though|so|yet|whereas|after|before|when)\b)"
    r"|(?P<r2>,)\s+"
    r"|(?P<r3>)\s+(?=(?:and|but|while|because|although|whereas)\s)")


def _bounded(text: str, s: int, e: int, inside: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """``text[s:e]`` cut into pieces of at most :data:`MAX_SENTENCE_WORDS` words, each cut at the strongest clause
    boundary in the second half of the piece, else between two words; never inside a quotation (a quotation
    longer than the limit stays whole)."""
    words = [m.start() for m in re.finditer(r"\S+", text[s:e])]
    if len(words) <= MAX_SENTENCE_WORDS:
        return [(s, e)]
    words = [s + w for w in words]
    cuts: list[tuple[int, int, int]] = []  # (rank, piece end, next start) for every clause boundary
    for m in _CLAUSE.finditer(text, s, e):
        rank = next(int(g[1]) for g in ("r0", "r1", "r2", "r3") if m.group(g) is not None)
        end = m.start() + len(m.group(f"r{rank}"))  # the piece keeps its punctuation
        cuts.append((rank, end, m.end()))
    cuts = [c for c in cuts if not _quoted(inside, starts, c[1] - 1) and not _quoted(inside, starts, c[2])]
    at = [c[2] for c in cuts]
    out: list[tuple[int, int]] = []
    first = 0  # index of the piece's first word
    while len(words) - first > MAX_SENTENCE_WORDS:
        lo, hi = words[first + MAX_SENTENCE_WORDS // 2], words[first + MAX_SENTENCE_WORDS]
        window = cuts[bisect.bisect_left(at, lo):bisect.bisect_right(at, hi)]
        if window:
            best = min(window, key=lambda c: (c[0], -c[2]))
            end, nxt = best[1], best[2]
        else:
            nxt = hi
            q = _quoted(inside, starts, hi)
            if q:  # between two words inside a quotation: cut after it instead
                k = bisect.bisect_left(words, q[1])
                if k >= len(words):
                    break
                nxt = words[k]
            end = nxt
            while end > words[first] and text[end - 1].isspace():
                end -= 1
        piece_start = words[first]
        out.append((piece_start, end))
        first = bisect.bisect_left(words, nxt)
    out.append((words[first], e))
    return [(a, b) for a, b in out if b > a]


def _quoted(inside: list[tuple[int, int]], starts: list[int], i: int) -> tuple[int, int] | None:
    """The quotation holding offset ``i``, if any."""
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0 and inside[k][0] <= i < inside[k][1]:
        return inside[k]
    return None


_TITLE_WORD = re.compile(r"[^\W_][\w'’&.-]*")
#: Small words a title leaves in lower case ("Meet the Press", "Girls in Power").
_TITLE_SMALL = words("title_small_words")
_POSSESSIVE = re.compile(r"[\w.&]['’]s?\s*$|\b(?:on|of)\s*$", re.IGNORECASE)


def names_a_work(text: str, q: Quote) -> bool:
    """Whether quotation ``q`` of ``text`` is a name written in title case (a programme, a book), not anybody's
    words: at most eight words, every one capitalised but the small ones, and right after an owner ("MSNBC's
    "Morning Joe""), after "on"/"of" ("on "Meet the Press""), or after a noun that introduces a work
    (``work_nouns``: "the show", "his memoir"), or right before a noun that follows a work (``work_roles``: ""Avatar"
    star", ""Fantastic Four" reboot"). A title-case quotation elsewhere ("“Sad!” he wrote", a headline's
    quote) stays a quotation.

    Measured on PolNeAR train (quotations PolNeAR annotates as attributed content vs not): these three contexts
    hold 33 annotated quotations and 130 unannotated ones, mostly programme and book names."""
    found = _TITLE_WORD.findall(q.text)
    if not found or len(found) > 8 or re.search(r"[.!?;:]\s+\S", q.text.strip()):
        return False
    if q.text.rstrip().endswith("!"):
        return False  # an exclamation is somebody's cry ("chants of “Bobby!”"): on train, 2 of 3 were annotated
    if not found[0][0].isupper() and not found[0][0].isdigit():
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL for w in found):
        return False
    lo = q.start - len(q.open_mark)
    before = text[max(0, lo - 40):lo]
    if _POSSESSIVE.search(before):
        return True
    prev = re.findall(r"[\w'’]+", before)
    if prev and re.sub(r"['’]s?$", "", prev[-1].lower()) in words("work_nouns"):
        return True
    hi = q.end + len(q.close_mark)
    nxt = re.match(r",?\s+([A-Za-z-]+)", text[hi:hi + 30])
    return nxt is not None and nxt.group(1).lower() in words("work_roles") | words("work_nouns")
