"""JSONL batches: one article per line (id, text, and optional title, published, url, outlet)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from factcheck.errors import InputError
from factcheck.load.article import _parse_date, build_article
from factcheck.load.decode import decode
from factcheck.load.runons import RUN_ON_WORDS
from factcheck.models import LoadedArticle


def _load_jsonl(path: Path, data: bytes, max_bytes: int, run_on_words: int = RUN_ON_WORDS) -> list[LoadedArticle]:
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
            outlet=next((v for k in ("outlet", "publisher", "site") if isinstance(v := record.get(k), str)), None),
            run_on_words=run_on_words,
        )
        if blocks:
            out.append(LoadedArticle(article, tuple(blocks)))
    if not out:
        raise InputError(f"{path}: no articles in this JSONL file")
    return out
