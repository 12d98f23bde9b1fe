"""The story report cache in ``claims/reports/``: a story whose articles, settings, model and code are unchanged
reuses the report it was given last time, so a rerun with new articles re-audits only the stories they join; a
batch whose articles are all unchanged also reuses its split into stories.

The key holds every article's claims-cache key (text, blocks, metadata, extractor, spaCy pipeline), the settings
that change findings, the embedding model's name and a hash of the package's code and word lists. Reports are
stored with :mod:`pickle`: the folder is the user's own, trusted like the installed code (never point
``cache_dir`` at a folder others can write). Files are written atomically, unreadable ones are ignored, and the
folder is safe to delete.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from collections.abc import Sequence
from pathlib import Path

from factcheck.config import Config
from factcheck.io import atomic_write
from factcheck.models import LoadedArticle, Report
from factcheck.version import __version__, code_digest

FORMAT = 1
#: Settings that shape how a report is written or where, not what it finds.
_OUTPUT_ONLY = frozenset({"format", "output", "reports", "reports_dir", "markdown", "jobs", "scheduler",
                          "cache_dir", "use_cache"})


def story_key(items: Sequence[LoadedArticle], config: Config, model: str, what: str = "report") -> str:
    from factcheck.claimcache import article_key

    settings = {k: v for k, v in dataclasses.asdict(config).items() if k not in _OUTPUT_ONLY}
    h = hashlib.sha1(f"factcheck {__version__} {what}/{FORMAT} {code_digest()} {model}\x00{settings!r}".encode())
    for key in sorted(f"{article_key(it)} {it.article.path}" for it in items):  # the report names each path
        h.update(key.encode())
    return h.hexdigest()


class ReportCache:
    """Story reports keyed by :func:`story_key`, and batches' splits into stories."""

    def __init__(self, root: str | Path) -> None:
        self.dir = Path(root) / "reports"

    def _read(self, key: str) -> object:
        try:
            data = pickle.loads((self.dir / f"{key}.pickle").read_bytes())  # noqa: S301 - the user's own cache
        except Exception:  # noqa: BLE001 - a missing, torn or stale file is a miss
            return None
        return data.get("value") if isinstance(data, dict) and data.get("format") == FORMAT else None

    def _write(self, key: str, value: object) -> None:
        try:
            atomic_write(self.dir / f"{key}.pickle", pickle.dumps({"format": FORMAT, "value": value}))
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the audit
            return

    def get(self, key: str) -> Report | None:
        value = self._read(key)
        return value if isinstance(value, Report) else None

    def put(self, key: str, report: Report) -> None:
        self._write(key, report)

    def get_split(self, key: str) -> list[tuple[str, str, tuple[str, ...], object]] | None:
        """A batch's stories as (id, title, article ids, info)."""
        value = self._read(key)
        return value if isinstance(value, list) else None

    def put_split(self, key: str, split: list[tuple[str, str, tuple[str, ...], object]]) -> None:
        self._write(key, split)
