"""Short display names for sources: what a reader calls them, not their ids."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from factcheck.models import Article

# A trailing content hash in a file name ("000_3a9e80a2e789515b"): an id for machines, noise for a reader.
_HASH = re.compile(r"[_.-]?[0-9a-f]{8,}$")


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _file_name(article: Article) -> str:
    """The file name without extension and trailing hash (a JSONL record: its id, likewise)."""
    base = article.id if re.search(r"\.jsonl:\d+$", article.path) else (Path(article.path).stem or article.id)
    return _HASH.sub("", base) or base


def display_names(articles: Sequence[Article], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each source's short name: the one given for its id, its outlet or site name, its url's domain, or its file
    name without a trailing hash; names two sources would share get the id's start added."""
    given = given or {}
    names = {a.id: given.get(a.id) or a.outlet or _domain(a.url) or _file_name(a) for a in articles}
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    return {sid: (name if counts[name] == 1 or sid in given else f"{name} ({sid[:12]})") for sid, name in names.items()}
