"""Stage 1, load: article files in, site chrome and boilerplate out, captions kept apart.

Reads ``.txt``, ``.md``, ``.html``/``.htm`` and ``.jsonl``. Every kept paragraph is a :class:`Block` holding its clean
text and a map back to the raw text, so later stages can always cite the original characters.

The package's modules, in the order a file goes through them: ``decode`` (bytes to text), ``paragraphs`` (plain
text and Markdown into classified paragraphs) or ``html`` (pages into blocks), ``language``, ``article`` (the
:class:`Article` and its blocks), ``jsonl`` (batches); this module finds the files and names them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import InputError
from factcheck.load.article import build_article, infer_published
from factcheck.load.decode import decode
from factcheck.load.jsonl import _load_jsonl
from factcheck.load.language import ENGLISH, article_language, guess_language
from factcheck.load.paragraphs import is_photo_credit
from factcheck.load.runons import RUN_ON_WORDS
from factcheck.models import Block, LoadedArticle, Span, span_of

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "ENGLISH", "Block", "LoadedArticle", "article_language",
           "build_article", "decode", "expand_paths", "guess_language", "infer_published", "is_photo_credit", "load",
           "load_file", "span_of"]

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

DEFAULT_MAX_BYTES = 5_000_000
JSONL_BATCH_FACTOR = 1000


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


def load_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, run_on_words: int = RUN_ON_WORDS) -> list[LoadedArticle]:
    """Load one article file (or every record of a JSONL file); each reads at most ``run_on_words`` words of run-on
    text (:mod:`factcheck.load.runons`)."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        # A batch holds many articles: the limit applies to each record, and to the file at a thousand times it.
        return _load_jsonl(path, _read_bytes(path, max_bytes * JSONL_BATCH_FACTOR), max_bytes, run_on_words)
    data = _read_bytes(path, max_bytes)
    raw, encoding = decode(data, str(path))
    if not raw.strip():
        raise InputError(f"{path}: the file is empty")
    warnings = (f"read as {encoding}, not UTF-8",) if encoding in ("cp1252", "latin-1") else ()
    article, blocks = build_article(_source_id(path), str(path), raw, kind=_kind_for(path), encoding=encoding,
                                    warnings=warnings, run_on_words=run_on_words)
    if not blocks:
        raise InputError(f"{path}: no article text left after removing site chrome and boilerplate")
    return [LoadedArticle(article, tuple(blocks))]



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


def load(paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES,
         run_on_words: int = RUN_ON_WORDS) -> list[LoadedArticle]:
    """Load every article named, keeping apart source ids that collide (the renamed one carries a warning)."""
    loaded: list[LoadedArticle] = []
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        for item in load_file(path, max_bytes, run_on_words):
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
