"""Decoded text into an :class:`~factcheck.models.Article` and its blocks: title, date (from metadata or the
text itself), language warnings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from factcheck.extract.dates import find_absolute_dates
from factcheck.load.html import _html_blocks
from factcheck.load.language import _language_warnings
from factcheck.load.paragraphs import _blocks_from_paragraphs, _split_paragraphs
from factcheck.load.runons import RUN_ON_WORDS, bound_run_ons
from factcheck.models import Article, Block, Span


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



def build_article(
    source: str, path: str, raw: str, *, kind: str, title: str | None = None, published: dt.date | None = None,
    url: str | None = None, encoding: str = "utf-8", warnings: tuple[str, ...] = (), outlet: str | None = None,
    run_on_words: int = RUN_ON_WORDS,
) -> tuple[Article, list[Block]]:
    """Make an :class:`Article` and its content blocks from decoded text (at most ``run_on_words`` words of run-on
    text: see :mod:`factcheck.load.runons`)."""
    meta: dict[str, str] = {}
    title_span: Span | None = None
    if kind == "html":
        blocks, dropped, html_title, title_span, meta = _html_blocks(source, raw)
        title = title or html_title
        published = published or _parse_date(
            meta.get("article:published_time") or meta.get("datepublished") or meta.get("date") or meta.get("time")
        )
        url = url or meta.get("og:url")
        outlet = outlet or meta.get("og:site_name") or meta.get("application-name") or None
    else:
        paragraphs = _split_paragraphs(raw, markdown=(kind == "markdown"))
        blocks, dropped = _blocks_from_paragraphs(source, raw, paragraphs, first_can_be_title=(kind != "jsonl"))
        for block in blocks:
            if block.kind == "title":
                title_span = Span(source, block.start, block.end, block.text)
                title = title or block.text
                break
    blocks, unread = bound_run_ons(blocks, run_on_words)
    if unread:
        warnings += (unread,)
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
        outlet=" ".join(outlet.split()) if outlet and outlet.strip() else None,
    )
    return article, blocks
