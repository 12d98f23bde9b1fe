"""Stage 1, load: article files in, site chrome and boilerplate out, captions kept apart.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl``. Every kept paragraph is a :class:`Block` holding its clean
text and a map back to the raw text, so later stages can always cite the original characters.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from factcheck.errors import InputError
from factcheck.extract.dates import find_absolute_dates
from factcheck.lexicon import boilerplate_patterns, photo_agencies
from factcheck.models import Article, Span

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 5_000_000
JSONL_BATCH_FACTOR = 1000

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"BZh": "a bzip2 archive",
}


@dataclass(frozen=True)
class Block:
    """A kept paragraph: its raw span, its clean text, and where each clean character came from."""

    source: str
    kind: str  # "title", "heading", "body", "caption"
    start: int
    end: int
    text: str
    offsets: tuple[int, ...] | None = None  # raw offset of each clean char; None means identity from start

    def raw_start(self, i: int) -> int:
        if self.offsets is None:
            return self.start + i
        return self.offsets[min(i, len(self.offsets) - 1)] if self.offsets else self.start

    def raw_end(self, i: int) -> int:
        """Raw offset just past clean character ``i - 1``."""
        if i <= 0:
            return self.raw_start(0)
        if self.offsets is None:
            return self.start + i
        return self.offsets[min(i, len(self.offsets)) - 1] + 1


def span_of(article: Article, block: Block, start: int, end: int) -> Span:
    """The raw span of clean characters ``[start, end)`` of ``block``."""
    raw_start = block.raw_start(start)
    raw_end = block.raw_end(end)
    if block.offsets is not None:
        # Close an entity or tag that the last clean character came from (``&amp;`` -> ``&``).
        raw_end = _extend_entity(article.raw, raw_end)
    return Span(article.id, raw_start, raw_end, article.raw[raw_start:raw_end])


def _extend_entity(raw: str, end: int) -> int:
    if end > 0 and raw[end - 1] == "&":
        semi = raw.find(";", end, end + 12)
        if semi != -1:
            return semi + 1
    return end


# --------------------------------------------------------------------------------------------------------------
# decoding


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode article bytes, refusing binary files with a message that says what the file seems to be."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: this is {what}, not an article (expected .txt, .md, .html or .jsonl text)")
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: starts with a UTF-16 byte-order mark but does not decode as UTF-16") from exc
    else:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: binary data (NUL bytes), not an article")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\t\x0c\x1b")
    if text and controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{name}: binary data (control characters), not an article")
    return text, encoding


# --------------------------------------------------------------------------------------------------------------
# paragraph classification


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
    # A paragraph right before a photo credit is that photo's caption.
    for i, label in enumerate(labels):
        if label == "credit" and i > 0 and labels[i - 1] == "body":
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


# --------------------------------------------------------------------------------------------------------------
# HTML


_SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg", "template",
              "iframe", "select", "option", "head"}
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "dd", "dt",
               "pre", "div", "section", "article", "main", "figure", "br", "tr", "ul", "ol", "table", "body", "caption"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col", "embed", "param", "track"}
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|share|sharing|social|cookie|subscribe|newsletter|related|comments?|"
    r"advert|ads?|promo|sidebar|breadcrumbs?|byline-share|toolbar|paywall|popup|modal)(?:$|[\s_-])",
    re.IGNORECASE,
)


class _HtmlText(HTMLParser):
    """Collect the visible text of an HTML page with the raw offset of every character."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self._line_starts = [0]
        for m in re.finditer("\n", raw):
            self._line_starts.append(m.end())
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.kinds: list[str] = []
        self.paragraphs: list[tuple[list[str], list[int], str]] = []
        self.title: str | None = None
        self.title_span: tuple[int, int] | None = None
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._caption_depth = 0
        self._heading_depth = 0
        self._time_attr: str | None = None

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _flush(self) -> None:
        if any(not c.isspace() for c in self.chars):
            kind = "caption" if self._caption_depth else ("heading" if self._heading_depth else "body")
            self.paragraphs.append((self.chars, self.offs, kind))
        self.chars, self.offs = [], []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower()
            if key and attr.get("content"):
                self.meta.setdefault(key, attr["content"] or "")
            return
        if tag == "time" and attr.get("datetime"):
            self.meta.setdefault("time", attr["datetime"] or "")
        if tag in _VOID:
            if tag == "br" and not self.skip_depth:
                self._flush()
            return
        chrome = tag in _SKIP_TAGS or bool(_CHROME_ATTR.search(f"{attr.get('class') or ''} {attr.get('id') or ''}"))
        chrome = chrome or (attr.get("role") or "") in ("navigation", "banner", "contentinfo")
        if tag == "title":
            self._in_title = True
        self.stack.append((tag, chrome))
        if chrome:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS and not self.skip_depth:
            self._flush()
        if tag == "figcaption" or tag == "caption":
            self._caption_depth += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, chrome = self.stack.pop()
            if t in _BLOCK_TAGS and not self.skip_depth:
                self._flush()
            if chrome:
                self.skip_depth -= 1
            if t in ("figcaption", "caption"):
                self._caption_depth -= 1
            if t in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self._heading_depth -= 1
            if t == tag:
                break

    def _add(self, text: str, raw_start: int, per_char: bool = True) -> None:
        if self._in_title:
            if self.title is None and text.strip():
                self.title = " ".join(html.unescape(text).split())
                lead = len(text) - len(text.lstrip())
                self.title_span = (raw_start + lead, raw_start + len(text.rstrip()))
            return
        if self.skip_depth:
            return
        for i, ch in enumerate(text):
            self.chars.append(" " if ch in "\n\t\r" else ch)
            self.offs.append(raw_start + (i if per_char else 0))

    def handle_data(self, data: str) -> None:
        self._add(data, self._offset())

    def handle_entityref(self, name: str) -> None:
        start = self._offset()
        self._add(html.unescape(f"&{name};"), start, per_char=False)

    def handle_charref(self, name: str) -> None:
        start = self._offset()
        self._add(html.unescape(f"&#{name};"), start, per_char=False)

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(source: str, raw: str) -> tuple[list[Block], list[Span], str | None, Span | None, dict[str, str]]:
    parser = _HtmlText(raw)
    parser.feed(raw)
    parser.close()
    paragraphs: list[tuple[int, int, str]] = []
    pieces: list[tuple[str, tuple[int, ...], str]] = []  # clean text, raw offset per character, kind
    for chars, offs, kind in parser.paragraphs:
        text = "".join(chars)
        # collapse whitespace while keeping the offset map aligned
        clean_chars: list[str] = []
        clean_offs: list[int] = []
        for ch, off in zip(text, offs):
            if ch.isspace():
                if not clean_chars or clean_chars[-1] == " ":
                    continue
                ch = " "
            clean_chars.append(ch)
            clean_offs.append(off)
        while clean_chars and clean_chars[-1] == " ":
            clean_chars.pop()
            clean_offs.pop()
        if not clean_chars:
            continue
        clean = "".join(clean_chars)
        pieces.append((clean, tuple(clean_offs), kind))
        paragraphs.append((clean_offs[0], clean_offs[-1] + 1, clean))
    blocks: list[Block] = []
    dropped: list[Span] = []
    labels = _classify(paragraphs, first_can_be_title=False)
    for (clean, offsets, kind), (start, end, label) in zip(pieces, labels):
        if label in ("credit", "chrome"):
            dropped.append(Span(source, start, end, raw[start:end]))
            continue
        if kind == "caption":
            label = "caption"
        elif kind == "heading" and label == "body":
            label = "heading"
        blocks.append(Block(source, label, start, _extend_entity(raw, end), clean, offsets))
    title_span = None
    if parser.title_span:
        ts, te = parser.title_span
        title_span = Span(source, ts, te, raw[ts:te])
    title = parser.meta.get("og:title") or parser.title
    return blocks, dropped, title, title_span, parser.meta


# --------------------------------------------------------------------------------------------------------------
# articles


def _parse_date(value: object) -> dt.date | None:
    if not value or not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    found = find_absolute_dates(value)
    return found[0][2] if found else None


def infer_published(texts: Iterable[str]) -> dt.date | None:
    """The article's date from its own text: the latest full date it mentions (reports look back, not ahead)."""
    latest: dt.date | None = None
    for text in texts:
        for _, _, date in find_absolute_dates(text):
            if latest is None or date > latest:
                latest = date
    return latest


_NON_ENGLISH_HINT = re.compile(r"\b(?:the|and|of|to|in|is|that|was|for|on|with|said)\b", re.IGNORECASE)

ENGLISH = "English"

# Letters of a script: (first, last) code point ranges. Latin is everything below U+0250 plus Latin Extended Additional.
_SCRIPTS: tuple[tuple[str, tuple[tuple[int, int], ...]], ...] = (
    ("Latin", ((0x0041, 0x024F), (0x1E00, 0x1EFF))),
    ("Greek", ((0x0370, 0x03FF), (0x1F00, 0x1FFF))),
    ("Cyrillic", ((0x0400, 0x052F),)),
    ("Armenian", ((0x0530, 0x058F),)),
    ("Hebrew", ((0x0590, 0x05FF),)),
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Devanagari", ((0x0900, 0x097F),)),
    ("Bengali", ((0x0980, 0x09FF),)),
    ("Tamil", ((0x0B80, 0x0BFF),)),
    ("Thai", ((0x0E00, 0x0E7F),)),
    ("Georgian", ((0x10A0, 0x10FF),)),
    ("Hangul", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("Kana", ((0x3040, 0x30FF), (0x31F0, 0x31FF))),
    ("Han", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))),
)
_SCRIPT_LANGUAGE = {"Greek": "Greek", "Armenian": "Armenian", "Hebrew": "Hebrew", "Arabic": "Arabic",
                    "Devanagari": "Hindi", "Bengali": "Bengali", "Tamil": "Tamil", "Thai": "Thai",
                    "Georgian": "Georgian", "Hangul": "Korean", "Kana": "Japanese", "Han": "Chinese"}

# Frequent function words of news prose. Words shared by several languages count for each; the others decide.
_STOP_WORDS = {
    ENGLISH: "the and of to in is that was for on with said he it as at by from his her have has had were been are "
             "this which who will would an but not they their after about",
    "French": "le la les des du de et est une un dans pour qui que sur pas au aux avec il elle ont été cette ce sont "
              "par plus mais ses leur selon ne",
    "German": "der die das und ist nicht ein eine einen dem den des mit von zu auf sich für im auch wurde wird nach "
              "bei sind hat haben dass aus werden einem einer noch sagte",
    "Spanish": "el la los las de del y que en un una es por con para se su sus al lo como más pero fue han este esta "
               "según dijo sobre también",
    "Italian": "il lo la gli le di del della che e è un una per con non sono ha nel nella dei delle alla anche più "
               "ma come stato dopo secondo",
    "Portuguese": "o a os as de do da dos das e que em um uma para com não no na por se mais foi ao seu sua como mas "
                  "também disse são",
    "Dutch": "de het een en van is dat op te in niet met voor zijn er aan ook werd door bij naar om heeft hij ze "
             "maar nog wordt deze als",
}
_STOP_SETS = {lang: frozenset(words.split()) for lang, words in _STOP_WORDS.items()}
# Letters that mark a Latin-script language with no stop-word profile here.
_LATIN_MARKS = (("Polish", "łąęśżźćń"), ("Czech", "řěů"), ("Turkish", "ğşı"), ("Romanian", "șțăş"),
                ("Vietnamese", "ơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỵỷỹđ"), ("Hungarian", "őű"),
                ("Scandinavian", "åøæ"))
_MIN_LETTERS = 12  # fewer letters than this: nothing to tell, take the text as English
_MIN_WORDS = 12  # Latin-script text shorter than this (a headline) is taken as English


def _script_of(ch: str) -> str | None:
    code = ord(ch)
    for name, ranges in _SCRIPTS:
        for first, last in ranges:
            if first <= code <= last:
                return name
    return None


def _cyrillic_language(text: str) -> str:
    letters = set(text.lower())
    if letters & set("іїєґ"):
        return "Ukrainian"
    if letters & set("ў"):
        return "Belarusian"
    if letters & set("ђћљњџјѓќѕ"):
        return "Serbian or Macedonian"
    if letters & set("ыэё"):
        return "Russian"
    if "ъ" in letters:
        return "Bulgarian"
    return "a Cyrillic-script language (Russian?)"


def _latin_language(text: str) -> str:
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < _MIN_WORDS:
        return ENGLISH
    scores = {lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _STOP_SETS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    english = scores[ENGLISH]
    if best != ENGLISH and scores[best] >= 0.12 and english < 0.6 * scores[best]:
        return best
    if english >= 0.05:
        return ENGLISH
    # Hardly any English function words, and no profile fits: a mark letter may still name the language.
    lower = text.lower()
    marked = max(_LATIN_MARKS, key=lambda m: sum(lower.count(ch) for ch in m[1]))
    if sum(lower.count(ch) for ch in marked[1]) >= 3:
        return marked[0] if marked[0] != "Scandinavian" else "a Scandinavian language"
    if scores[best] >= 0.08 and best != ENGLISH:
        return best
    return "a Latin-script language other than English"


@lru_cache(maxsize=4096)  # a batch asks once per article and again per story
def guess_language(text: str) -> str:
    """The language ``text`` appears to be in, offline: its script, and for Latin script its function words.

    Returns ``"English"`` (:data:`ENGLISH`) when the text reads as English or is too short to tell (a headline),
    else a name such as ``"Russian"``, ``"German"`` or ``"Chinese"`` (a description when no name fits, such as
    ``"a Latin-script language other than English"``).
    """
    sample = text[:20000]
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            script = _script_of(ch) or "other"
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values())
    if total < _MIN_LETTERS:
        return ENGLISH
    if counts.get("Kana", 0) >= 0.05 * total:
        return "Japanese"
    script = max(counts, key=lambda s: counts[s])
    if counts[script] < 0.5 * total and script != "Latin":
        script = "Latin" if counts.get("Latin", 0) >= 0.3 * total else script
    if script == "Latin":
        return _latin_language(sample)
    if script == "Cyrillic":
        return _cyrillic_language(sample)
    if script == "other":
        return "a language in a script other than Latin"
    return _SCRIPT_LANGUAGE[script]


def article_language(item: LoadedArticle) -> str:
    """The language a loaded article's kept text appears to be in (see :func:`guess_language`)."""
    return guess_language(" ".join(b.text for b in item.blocks))


def _language_warnings(text: str) -> tuple[str, ...]:
    language = guess_language(text)
    if language != ENGLISH:
        return (f"the text appears to be in {language}; the embedding model and extractors are English-only",)
    words = re.findall(r"\w+", text[:20000])
    if len(words) < 30:
        return ()
    english = len(_NON_ENGLISH_HINT.findall(text[:20000]))
    if english / len(words) < 0.04:
        return ("the text does not look English; the embedding model and extractors are English-only, so alignment "
                "and findings for it are unreliable",)
    return ()


def build_article(
    source: str, path: str, raw: str, *, kind: str, title: str | None = None, published: dt.date | None = None,
    url: str | None = None, encoding: str = "utf-8", warnings: tuple[str, ...] = (),
) -> tuple[Article, list[Block]]:
    """Make an :class:`Article` and its content blocks from decoded text."""
    meta: dict[str, str] = {}
    title_span: Span | None = None
    if kind == "html":
        blocks, dropped, html_title, title_span, meta = _html_blocks(source, raw)
        title = title or html_title
        published = published or _parse_date(
            meta.get("article:published_time") or meta.get("datepublished") or meta.get("date") or meta.get("time")
        )
        url = url or meta.get("og:url")
    else:
        paragraphs = _split_paragraphs(raw, markdown=(kind == "markdown"))
        blocks, dropped = _blocks_from_paragraphs(source, raw, paragraphs, first_can_be_title=(kind != "jsonl"))
        for block in blocks:
            if block.kind == "title":
                title_span = Span(source, block.start, block.end, block.text)
                title = title or block.text
                break
    if published is None:
        published = infer_published(b.text for b in blocks)
    warn = warnings + _language_warnings(" ".join(b.text for b in blocks))
    article = Article(
        id=source,
        path=path,
        raw=raw,
        title=title,
        published=published,
        blocks=tuple(Span(source, b.start, b.end, raw[b.start:b.end]) for b in blocks if b.kind != "caption"),
        captions=tuple(Span(source, b.start, b.end, raw[b.start:b.end]) for b in blocks if b.kind == "caption"),
        dropped=tuple(dropped),
        title_span=title_span,
        warnings=warn,
        encoding=encoding,
        url=url,
    )
    return article, blocks


@dataclass(frozen=True)
class LoadedArticle:
    """An article with the blocks the claims stage reads."""

    article: Article
    blocks: tuple[Block, ...]


def _source_id(path: Path) -> str:
    return path.stem


def _kind_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    return "text"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if size > max_bytes:
        raise InputError(
            f"{path}: {size:,} bytes is larger than the limit of {max_bytes:,} bytes "
            "(raise max_article_bytes in [tool.factcheck] or pass --max-article-bytes)"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[LoadedArticle]:
    """Load one article file (or every record of a JSONL file)."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        # A batch holds many articles: the limit applies to each record, and to the file at a thousand times it.
        return _load_jsonl(path, _read_bytes(path, max_bytes * JSONL_BATCH_FACTOR), max_bytes)
    data = _read_bytes(path, max_bytes)
    raw, encoding = decode(data, str(path))
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    warnings = (f"read as {encoding}, not UTF-8",) if encoding in ("cp1252", "latin-1") else ()
    article, blocks = build_article(_source_id(path), str(path), raw, kind=_kind_for(path), encoding=encoding,
                                    warnings=warnings)
    if not blocks:
        raise InputError(f"{path}: no article text left after removing site chrome and boilerplate")
    return [LoadedArticle(article, tuple(blocks))]


def _load_jsonl(path: Path, data: bytes, max_bytes: int) -> list[LoadedArticle]:
    text, _ = decode(data, str(path))
    out: list[LoadedArticle] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: malformed JSON at column {exc.colno} ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise InputError(f"{path}:{lineno}: expected a JSON object with id and text, got {type(record).__name__}")
        body = record.get("text")
        if body is None:
            raise InputError(f"{path}:{lineno}: the record has no 'text' field (each line needs id and text)")
        if not isinstance(body, str) or not body.strip():
            what = "empty" if isinstance(body, str) else "not a string"
            raise InputError(f"{path}:{lineno}: the record's 'text' field is {what} (each line needs id and text)")
        if len(body.encode("utf-8", errors="replace")) > max_bytes:
            raise InputError(f"{path}:{lineno}: the article is larger than the limit of {max_bytes:,} bytes "
                             "(raise max_article_bytes in [tool.factcheck] or pass --max-article-bytes)")
        rid = record.get("id")
        source = str(rid) if rid not in (None, "") else f"{path.stem}-{lineno}"
        source = re.sub(r"[^\w.-]+", "_", source).strip("._") or f"{path.stem}-{lineno}"
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        title = record.get("title") if isinstance(record.get("title"), str) else None
        kind = "html" if re.search(r"<(?:p|div|article|html|body)\b", body[:2000], re.IGNORECASE) else "jsonl"
        article, blocks = build_article(
            source, f"{path}:{lineno}", body, kind=kind, title=title, published=_parse_date(record.get("published")),
            url=record.get("url") if isinstance(record.get("url"), str) else None,
        )
        if blocks:
            out.append(LoadedArticle(article, tuple(blocks)))
    if not out:
        raise InputError(f"{path}: no articles in this JSONL file")
    return out


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Every article file named, or inside a named folder (sorted, hidden files skipped)."""
    if not paths:
        raise InputError("no input: name a folder or article files")
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name.lower() not in ("readme.md", "changelog.md")
            )
            if not found:
                raise InputError(f"{path}: no article files in this folder (looked for .txt, .md, .html, .jsonl)")
            files.extend(found)
        else:
            files.append(path)
    return files


def load(paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> list[LoadedArticle]:
    """Load every article named, refusing duplicate source ids with a message naming both files."""
    loaded: list[LoadedArticle] = []
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        for item in load_file(path, max_bytes):
            sid = item.article.id
            if sid in seen:
                # Two files whose names collide (a.txt and a.md, or the same id twice in JSONL): keep both, apart.
                n = 2
                while f"{sid}~{n}" in seen:
                    n += 1
                new_id = f"{sid}~{n}"
                item = _rename(item, new_id)
                sid = new_id
            seen[sid] = item.article.path
            loaded.append(item)
    return loaded


def _rename(item: LoadedArticle, new_id: str) -> LoadedArticle:
    from dataclasses import replace

    art = item.article

    def fix(span: Span) -> Span:
        return Span(new_id, span.start, span.end, span.text)

    article = replace(
        art, id=new_id, blocks=tuple(map(fix, art.blocks)), captions=tuple(map(fix, art.captions)),
        dropped=tuple(map(fix, art.dropped)), title_span=fix(art.title_span) if art.title_span else None,
        warnings=art.warnings + (f"its id collided with another article's and was renamed to {new_id}",),
    )
    blocks = tuple(replace(b, source=new_id) for b in item.blocks)
    return LoadedArticle(article, blocks)
