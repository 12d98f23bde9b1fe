"""HTML pages into blocks: visible text with the raw offset of every character; navigation, share bars, ads and
other chrome skipped; figure captions kept apart."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from factcheck.load.paragraphs import _classify
from factcheck.models import Block, Span, _extend_entity

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
