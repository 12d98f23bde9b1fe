"""Where evidence stands in a file: character offsets turned into lines and columns, and paths for CI tools.

Offsets in the report point into an article's raw text (after decoding). For a plain or HTML file that is the file's
text, so lines and columns follow from it. A JSONL record's text is a JSON string on one line of the batch file: the
location is that line, without columns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote

from factcheck.models import Article

_JSONL_PATH = re.compile(r"^(?P<file>.+\.(?:jsonl|ndjson)):(?P<line>\d+)$", re.IGNORECASE)
_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Position:
    """A region in a file: 1-based lines and columns (columns count Unicode code points; ``end_column`` is the
    column just past the last character, as in SARIF). Columns and offsets are ``None`` when unknown."""

    file: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    offset: int | None = None
    length: int | None = None


class LineIndex:
    """Line starts of a text, so many offsets can be located cheaply (``\\r\\n``, ``\\r`` and ``\\n`` end lines)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of the character at ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def display_path(path: str, root: Path | None = None) -> str:
    """``path`` relative to ``root`` (the working directory) when it lies inside it, with ``/`` separators."""
    p = Path(path)
    if p.is_absolute():
        base = (root or Path.cwd()).resolve()
        try:
            return p.resolve().relative_to(base).as_posix()
        except ValueError:
            return p.as_posix()
    parts = PurePath(path).as_posix()
    return parts[2:] if parts.startswith("./") else parts


def uri(path: str) -> str:
    """A SARIF artifact URI: a relative path percent-encoded, or a ``file://`` URI for an absolute one."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(path, safe="/")


class Locator:
    """Turns a source id and offsets into a :class:`Position`, using the report's articles."""

    def __init__(self, articles: dict[str, Article], paths: dict[str, str], root: Path | None = None) -> None:
        self.articles = articles
        self.paths = paths
        self.root = root
        self._index: dict[str, LineIndex] = {}

    def file_of(self, source: str) -> str:
        path = self.paths.get(source) or (self.articles[source].path if source in self.articles else source)
        m = _JSONL_PATH.match(path)
        return display_path(m.group("file") if m else path, self.root)

    def position(self, source: str, start: int, end: int) -> Position:
        path = self.paths.get(source) or (self.articles[source].path if source in self.articles else source)
        m = _JSONL_PATH.match(path)
        if m:
            line = int(m.group("line"))
            return Position(display_path(m.group("file"), self.root), line, None, line, None)
        article = self.articles.get(source)
        file = display_path(path, self.root)
        if article is None:
            return Position(file)
        if source not in self._index:
            self._index[source] = LineIndex(article.raw)
        index = self._index[source]
        line, col = index.line_col(start)
        last = max(start, end - 1)
        end_line, end_col = index.line_col(last)
        return Position(file, line, col, end_line, end_col + (1 if end > start else 0), start, end - start)


def paragraph_of(article: Article, offset: int) -> str | None:
    """Where ``offset`` stands as an editor counts it: ``headline``, ``paragraph N`` (the kept paragraphs and
    captions in reading order, from 1) or ``caption N``; ``None`` outside them (dropped boilerplate)."""
    if article.title_span is not None and article.title_span.start <= offset < article.title_span.end:
        return "headline"
    parts = sorted([(b.start, b.end, "paragraph") for b in article.blocks]
                   + [(c.start, c.end, "caption") for c in article.captions])
    for n, (start, end, kind) in enumerate(parts, 1):
        if start <= offset < end:
            return f"paragraph {n}" + (" (a caption)" if kind == "caption" else "")
    return None
