"""Stored story reports (factcheck/reportcache.py): the key changes with what changes the report, never with where
it is written; a torn or foreign file is a miss."""

from __future__ import annotations

from dataclasses import replace

from factcheck.config import Config
from factcheck.reportcache import ReportCache, story_key
from factcheck.version import code_digest
from tests.render.report import small_report


def _items(*texts: str):  # type: ignore[no-untyped-def]
    from factcheck.load import LoadedArticle, build_article

    out = []
    for k, text in enumerate(texts):
        article, blocks = build_article("ab"[k], f"{'ab'[k]}.txt", text, kind="text")
        out.append(LoadedArticle(article, tuple(blocks)))
    return out


A, B = "The police said 12 people were hurt.\n", "The police said 15 people were hurt.\n"


def test_the_key_follows_articles_settings_and_model_not_output_options() -> None:
    config = Config()
    key = story_key(_items(A, B), config, "m")
    assert key == story_key(list(reversed(_items(A, B))), config, "m")  # article order is no matter
    assert key == story_key(_items(A, B), replace(config, format="json", reports_dir="elsewhere"), "m")
    assert key != story_key(_items(A, A), config, "m")  # other text
    assert key != story_key(_items(A, B), config, "other-model")
    assert key != story_key(_items(A, B), replace(config, checks=("number_conflict",)), "m")
    assert key != story_key(_items(A, B), config, "m", what="stories")
    assert len(code_digest()) == 16


def test_reports_and_splits_round_trip_and_misses_are_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cache = ReportCache(tmp_path)
    report = small_report()
    assert cache.get("k") is None
    cache.put("k", report)
    assert cache.get("k") == report
    split = [("s1", "Title", ("a", "b"), None)]
    cache.put_split("s", split)
    assert cache.get_split("s") == split
    assert cache.get("s") is None and cache.get_split("k") is None  # the other kind is a miss
    (tmp_path / "reports" / "k.pickle").write_bytes(b"torn")
    assert cache.get("k") is None
