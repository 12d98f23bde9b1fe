"""Claims kept per article (factcheck/claimcache.py): the same claims read back, a key per article text and
extractor, a torn or old file a miss."""

from __future__ import annotations

import json

from factcheck.claimcache import ClaimCache, article_key, extractor_digest
from tests.checks.story import context


def test_claims_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = context('"We will rebuild the square by spring," Mayor Lena Hartwig said on Tuesday in Athens, where 12 '
                  "people were hurt.")
    claims = list(ctx.claims.values())
    cache = ClaimCache(tmp_path)
    assert not cache.has("k") and cache.get("k") is None
    cache.put("k", claims)
    assert cache.has("k") and cache.get("k") == claims


def test_a_torn_or_old_file_is_a_miss(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = ClaimCache(tmp_path)
    cache.dir.mkdir(parents=True)
    (cache.dir / "torn.json").write_text("{not json")
    (cache.dir / "old.json").write_text(json.dumps({"format": -1, "claims": []}))
    assert cache.get("torn") is None and cache.get("old") is None


def test_the_key_follows_the_article_text() -> None:
    from factcheck.load import LoadedArticle, build_article

    def item(text: str) -> LoadedArticle:
        article, blocks = build_article("a", "a.txt", text, kind="text")
        return LoadedArticle(article, tuple(blocks))

    one = item("The police said 12 people were hurt.\n")
    assert article_key(one) == article_key(item("The police said 12 people were hurt.\n"))
    assert article_key(one) != article_key(item("The police said 15 people were hurt.\n"))
    assert extractor_digest() and extractor_digest() == extractor_digest()
