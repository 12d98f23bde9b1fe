"""Sources shown by a short name: the name given, the outlet or site, the url's domain, or the file name."""

from __future__ import annotations

from factcheck.load.names import display_names
from factcheck.models import Article


def _art(sid: str, path: str, url: str | None = None, outlet: str | None = None) -> Article:
    return Article(sid, path, "x", None, None, (), url=url, outlet=outlet)


def test_name_sources() -> None:
    arts = [
        _art("000_3a9e80a2e789515b", "seeds/000_3a9e80a2e789515b.txt"),  # a trailing hash is dropped
        _art("r1", "batch.jsonl:1", url="https://www.reuters.com/world/x"),
        _art("r2", "batch.jsonl:2", outlet="Associated Press", url="https://apnews.com/a"),
        _art("page", "site/page.html"),
    ]
    assert display_names(arts) == {"000_3a9e80a2e789515b": "000", "r1": "reuters.com", "r2": "Associated Press",
                                   "page": "page"}
    assert display_names(arts, {"r1": "Reuters"})["r1"] == "Reuters"


def test_names_two_sources_would_share_are_told_apart() -> None:
    arts = [_art("a", "x/a.txt", url="https://bbc.co.uk/1"), _art("b", "x/b.txt", url="https://bbc.co.uk/2")]
    names = display_names(arts)
    assert len(set(names.values())) == 2 and all(n.startswith("bbc.co.uk") for n in names.values())
