"""The claims cache in ``claims/claims/``: a story's extracted claims stored as JSON by a hash of its articles.

A rerun on unchanged articles reads the claims back instead of running the spaCy pipeline. Files are written
atomically (temporary file, then rename), unreadable files are ignored, and the folder is safe to delete.
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

from factcheck import __version__
from factcheck.io import atomic_write
from factcheck.load import LoadedArticle
from factcheck.models import Action, Claim, ClaimType, DateMention, Entity, Number, Span

FORMAT = 3


@cache
def extractor_digest() -> str:
    """Hash of the code and word lists claim extraction runs on, so a changed extractor never reads stale claims."""
    root = Path(__file__).resolve().parent
    files = [root / "claims.py", root / "speakers.py", root / "load.py", *sorted((root / "extract").glob("*.py")),
             *sorted((root / "data").glob("*.txt"))]
    h = hashlib.sha1()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def key_for(items: Sequence[LoadedArticle]) -> str:
    """Hash of everything claim extraction reads: the tool version and each article's id, text, blocks and date."""
    h = hashlib.sha1(f"factcheck {__version__} claims/{FORMAT} {extractor_digest()}".encode())
    for item in sorted(items, key=lambda it: it.article.id):
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
    """Claims per story, keyed by :func:`key_for`."""

    def __init__(self, root: str | Path) -> None:
        self.dir = Path(root) / "claims"

    def get(self, key: str) -> dict[str, list[Claim]] | None:
        path = self.dir / f"{key}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT:
                return None
            return {src: [claim_from_dict(c) for c in cs] for src, cs in data["claims"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, claims: dict[str, list[Claim]]) -> None:
        payload = {"format": FORMAT, "claims": {src: [dataclasses.asdict(c) for c in cs] for src, cs in claims.items()}}
        try:
            atomic_write(self.dir / f"{key}.json", json.dumps(payload, default=_encode, ensure_ascii=False))
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the audit
            return
