"""Plain text and Markdown into paragraphs, each classified: title, heading, body, caption, photo credit or site
chrome and boilerplate (dropped, but kept on record)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extract.quotes import find_quotes
from factcheck.lexicon import boilerplate_patterns, photo_agencies, reporting_verbs
from factcheck.models import Block, Span

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_CREDIT_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}"
_CREDIT = re.compile(
    rf"^(?:(?:photo|image|picture)(?:graph)?s?(?: by)?:?\s*)?{_CREDIT_NAME}(?:\s*/\s*{_CREDIT_NAME})+"
    rf"(?: via {_CREDIT_NAME})?\.?$"
    rf"|^(?:(?:photo|image|picture)(?:graph)?s?(?: by)?:?\s*)?{_CREDIT_NAME} (?:via|for) {_CREDIT_NAME}\.?$"
    r"|^\(?(?:photo|image|picture)(?:graph)?s?(?: by|:| credit:?)\s.{2,80}\)?$",
    re.IGNORECASE,
)


def is_photo_credit(text: str) -> bool:
    """A credit line such as ``Will Oliver/EPA/Shutterstock`` or ``Name/Agency via Reuters``."""
    line = text.strip()
    if not line or len(line) > 120 or line.endswith((".", "?", "!")) and "/" not in line:
        return False
    words = line.split()
    if len(words) > 12:
        return False
    if _CREDIT.match(line):
        if "/" in line or " via " in line.lower() or line.lower().startswith(("photo", "image", "picture")):
            return True
    agencies = photo_agencies()
    return any(line.endswith(agency) for agency in agencies) and ("/" in line or " via " in line)


#: A paragraph longer than this many words is reporting even where it holds a chrome phrase ("all rights
#: reserved" in a transcript dump, a page scraped as one paragraph): it is never dropped whole.
BOILERPLATE_MAX_WORDS = 150


def _is_boilerplate(text: str) -> bool:
    line = " ".join(text.split())
    if not line:
        return True
    if len(line) > 8 * BOILERPLATE_MAX_WORDS and len(line.split()) > BOILERPLATE_MAX_WORDS:
        return False
    for pattern in boilerplate_patterns():
        if pattern.search(line):
            return True
    words = _WORD.findall(line)
    # Navigation crumbs: one to three words with no sentence punctuation ("Politics", "Trending").
    if len(words) <= 3 and not re.search(r"[.!?:\"“”]", line) and not re.search(r"\d", line):
        return True
    # Self-promotion: a paragraph about "we"/"our team" and nothing else.
    we = len(re.findall(r"\b(?:we|we're|we’re|us|our|ours)\b", line, re.IGNORECASE))
    if we >= 4 and we >= len(words) / 25 and not re.search(r"[\"“”]", line) and re.search(
        r"\bour (?:editorial |news )?(?:team|newsroom|journalists|reporters|editors|mission)\b", line, re.IGNORECASE
    ):
        return True
    return False


def _looks_like_headline(text: str) -> bool:
    line = text.strip()
    words = line.split()
    if not 3 <= len(words) <= 30 or line.endswith((".", ",", ";")):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.5


_CAPTION_START = re.compile(r"^(?:photo|caption|pictured|above|below|left|right)\s*[:-]", re.IGNORECASE)


_SIGNED = re.compile(r"\s*[―—–]\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}\.?\s*")


def _reports_speech(text: str) -> bool:
    """Whether ``text`` holds a closed quotation and a reporting verb outside it ("“...,” Trump said"), or ends in a
    quotation signed with a dash and a name ("“...” ― Carla Sanchez.")."""
    quotes = [q for q in find_quotes(text) if q.closed]
    if not quotes:
        return False
    if _SIGNED.fullmatch(text[quotes[-1].end + len(quotes[-1].close_mark):]):
        return True
    edges = [0] + [x for q in quotes for x in (q.start, q.end)] + [len(text)]
    outside = " ".join(text[a:b] for a, b in zip(edges[::2], edges[1::2]))
    return any(w.lower() in reporting_verbs() for w in re.findall(r"[A-Za-z]+", outside))


def _classify(paragraphs: Sequence[tuple[int, int, str]], first_can_be_title: bool) -> list[tuple[int, int, str]]:
    """Label each paragraph ``title``, ``body``, ``caption``, ``heading``, ``credit`` or ``chrome``."""
    labels: list[str] = []
    for _start, _end, text in paragraphs:
        if is_photo_credit(text):
            labels.append("credit")
        elif _is_boilerplate(text):
            labels.append("chrome")
        elif _CAPTION_START.match(text.strip()):
            labels.append("caption")
        else:
            labels.append("body")
    # A paragraph right before a photo credit is that photo's caption, unless it reports speech: a caption shows a
    # photo ("Trump speaks to the media ..."), while "“Like Oakland,” Trump said." is the story running on.
    for i, label in enumerate(labels):
        if label == "credit" and i > 0 and labels[i - 1] == "body" and not _reports_speech(paragraphs[i - 1][2]):
            labels[i - 1] = "caption"
    # The headline: the first kept paragraph, when it reads as one.
    if first_can_be_title:
        for i, label in enumerate(labels):
            if label == "chrome":
                continue
            if label == "body" and _looks_like_headline(paragraphs[i][2]):
                labels[i] = "title"
            break
    # Short unpunctuated lines between body paragraphs are sub-headings: kept, but not as the title.
    for i, label in enumerate(labels):
        if label == "body" and _looks_like_headline(paragraphs[i][2]) and len(paragraphs[i][2].split()) <= 14:
            labels[i] = "heading"
    return [(s, e, lab) for (s, e, _), lab in zip(paragraphs, labels)]


def _wrapped(raw: str) -> bool:
    """Whether the text separates paragraphs by blank lines and only wraps lines inside them: most breaks between
    two lines of text are blank lines. Then a single line break is white space, never a paragraph break."""
    blank = len(re.findall(r"\S[ \t]*\n[ \t]*\n\s*\S", raw))
    single = len(re.findall(r"\S[ \t]*\n[ \t]*\S", raw))
    return blank >= 2 and blank > single


def _split_paragraphs(raw: str, markdown: bool) -> list[tuple[int, int, str]]:
    """Each non-empty line is a paragraph (news text uses both single and blank-line breaks), unless the text's
    paragraphs are separated by blank lines: then lines wrapped inside a paragraph are joined."""
    lines = _split_lines(raw, markdown)
    if markdown:
        return lines
    wrapped = _wrapped(raw)
    out: list[tuple[int, int, str]] = []
    for k, (start, end, text) in enumerate(lines):
        if out and raw[out[-1][1]:start].count("\n") == 1 and (
                wrapped or _open_quote(out[-1][2], [t for _, _, t in lines[k:k + _QUOTE_LOOKAHEAD]])):
            out[-1] = (out[-1][0], end, raw[out[-1][0]:end])
        else:
            out.append((start, end, text))
    return out


_QUOTE_LOOKAHEAD = 4


def _open_quote(line: str, following: list[str]) -> bool:
    """A line that leaves a quotation open, followed by a line that does not open a new one: the line was wrapped
    inside the quotation (a quotation running over paragraphs opens each new paragraph with a mark).

    ``following`` is the next line and a few after it. A line that ends a sentence may also end a paragraph whose
    quotation is never closed (or runs on): it joins the next line only when the quotation closes within the next
    few lines, so one unclosed mark never swallows the rest of an article."""
    if not following or following[0].lstrip().startswith(("“", '"', "‘")):
        return False
    curly_open = line.count("“") > line.count("”")
    straight_open = line.count('"') % 2 == 1
    if not (curly_open or straight_open):
        return False
    if not re.search(r"[.!?…:;\]]['’”\"]?\s*$", line):
        return True  # cut mid-sentence: wrapped
    for nxt in following:
        if nxt.lstrip().startswith(("“", '"', "‘")):
            return False
        if (curly_open and "”" in nxt.split("“")[0]) or (straight_open and '"' in nxt):
            return True
    return False


def _split_lines(raw: str, markdown: bool) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    in_fence = False
    for line in raw.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if markdown and stripped.startswith("```"):
            in_fence = not in_fence
            continue
        if not stripped or in_fence:
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        if markdown:
            m = re.match(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)", stripped)
            if m:
                start += m.end()
                stripped = stripped[m.end():]
            if re.fullmatch(r"[-*_=\s]{3,}", stripped) or stripped.startswith("![") or stripped.startswith("|"):
                continue
        if stripped:
            out.append((start, end, stripped))
    return out


def _blocks_from_paragraphs(source: str, raw: str, paragraphs: list[tuple[int, int, str]], first_can_be_title: bool):
    blocks: list[Block] = []
    dropped: list[Span] = []
    for start, end, label in _classify(paragraphs, first_can_be_title):
        if label in ("credit", "chrome"):
            dropped.append(Span(source, start, end, raw[start:end]))
        else:
            blocks.append(Block(source, label, start, end, raw[start:end]))
    return blocks, dropped
