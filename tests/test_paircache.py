"""The pair cache (factcheck/paircache.py) and the event sketch cache: a story audited again compares only the pairs
it has not compared before, and its report is the one a run without any cache gives; a torn, foreign or missing
file is a miss."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factcheck import paircache
from factcheck.api import audit_loaded
from factcheck.claimcache import cached_sketches
from factcheck.config import Config
from factcheck.difference import compare_pair
from factcheck.events import sketch
from factcheck.load import load
from factcheck.render.json import render_json
from tests.conftest import SEEDS


@pytest.fixture()
def compared(monkeypatch):  # type: ignore[no-untyped-def]
    """Counts the pairs actually compared (not read from the cache)."""
    calls: list[int] = []

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return compare_pair(*args, **kwargs)

    monkeypatch.setattr(paircache, "compare_pair", counting)
    return calls


def _json(items, config: Config, embedder) -> str:  # type: ignore[no-untyped-def]
    return render_json(audit_loaded(items, config, embedder))


def test_a_story_audited_again_reads_every_pair_back(tmp_path: Path, fake_embedder, compared) -> None:  # type: ignore[no-untyped-def]
    items = load([SEEDS])
    plain = _json(items, Config(use_cache=False), fake_embedder)
    config = Config(cache_dir=str(tmp_path / "c"))
    assert _json(items, config, fake_embedder) == plain
    first = len(compared)
    assert first > 0
    for f in (tmp_path / "c" / "reports").iterdir():  # the stored report is gone: the story is audited again
        f.unlink()
    compared.clear()
    assert _json(items, config, fake_embedder) == plain
    assert compared == []  # every pair was read back


def test_a_grown_story_compares_only_pairs_with_the_new_article(tmp_path: Path, fake_embedder, compared) -> None:  # type: ignore[no-untyped-def]
    items = load([SEEDS])
    cold = _json(items, Config(cache_dir=str(tmp_path / "cold")), fake_embedder)
    everything = len(compared)
    config = Config(cache_dir=str(tmp_path / "c"))
    _json(items[:-1], config, fake_embedder)
    compared.clear()
    assert _json(items, config, fake_embedder) == cold  # the report a cold run gives
    assert 0 < len(compared) < everything / 2


def test_torn_and_foreign_files_are_misses(tmp_path: Path, fake_embedder, compared) -> None:  # type: ignore[no-untyped-def]
    items = load([SEEDS])
    config = Config(cache_dir=str(tmp_path / "c"))
    plain = _json(items, config, fake_embedder)
    everything = len(compared)
    pairs = tmp_path / "c" / "pairs"
    files = sorted(pairs.glob("*.pickle"))
    assert len(files) == 1 and len(list((pairs / "index").iterdir())) == len(items)
    for torn in (b"torn", b""):
        files[0].write_bytes(torn)
        for f in (tmp_path / "c" / "reports").iterdir():
            f.unlink()
        compared.clear()
        assert _json(items, config, fake_embedder) == plain
        assert len(compared) == everything  # nothing could be read back
    (pairs / "index" / sorted((pairs / "index").iterdir())[0].name).write_text("../../elsewhere")
    assert _json(items, replace(config, checks=config.checks), fake_embedder) == plain


def test_a_changed_claim_or_text_is_compared_again(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    from factcheck.claims import extract_each
    from factcheck.pipeline import tagger

    items = load([SEEDS])[:2]
    claims = extract_each(items, tagger())
    a, b = next((x, y) for x in claims[items[0].article.id] for y in claims[items[1].article.id]
                if compare_pair(x, y, items[0].article.raw, items[1].article.raw).differences)
    texts = {it.article.id: it.article.raw for it in items}
    cache = paircache.PairCache(tmp_path, texts)
    first = cache.compare(a, b, texts[a.source], texts[b.source])
    assert first == compare_pair(a, b, texts[a.source], texts[b.source])
    cache.save()
    again = paircache.PairCache(tmp_path, texts)
    assert again.compare(a, b, texts[a.source], texts[b.source]) == first and again.hits == 1
    # Each difference reads the very claims it was given, not copies of the stored ones.
    assert all({id(d.a), id(d.b)} == {id(a), id(b)} for d in again.compare(a, b, texts[a.source],
                                                                              texts[b.source]).differences)
    moved = replace(b, speaker="Someone Else")
    assert again.compare(a, moved, texts[a.source], texts[b.source]) == compare_pair(a, moved, texts[a.source],
                                                                                      texts[b.source])
    assert again.hits == 2  # the changed claim was compared, not read back
    edited = {**texts, b.source: texts[b.source] + "\nOne more paragraph.\n"}
    other = paircache.PairCache(tmp_path, edited)
    other.compare(a, b, edited[a.source], edited[b.source])
    assert other.hits == 0  # another text of one article: its pairs are compared again


def test_event_sketches_are_read_back_and_a_torn_file_is_a_miss(tmp_path: Path) -> None:
    items = load([SEEDS])
    made: list[str] = []

    def make(it):  # type: ignore[no-untyped-def]
        made.append(it.article.id)
        return sketch(it)

    fresh = [sketch(it) for it in items]
    assert cached_sketches(items[:3], tmp_path, True, make) == fresh[:3]
    made.clear()
    assert cached_sketches(items, tmp_path, True, make) == fresh
    assert made == [it.article.id for it in items[3:]]  # only the new articles
    made.clear()
    assert cached_sketches(items, tmp_path, True, make) == fresh and made == []
    (tmp_path / "sketches.pickle").write_bytes(b"torn")
    assert cached_sketches(items, tmp_path, True, make) == fresh and len(made) == len(items)
    made.clear()
    assert cached_sketches(items, tmp_path, False, make) == fresh and len(made) == len(items)


def test_files_no_article_names_any_more_are_deleted(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    items = load([SEEDS])
    config = Config(cache_dir=str(tmp_path / "c"))
    pairs = tmp_path / "c" / "pairs"
    for k in (3, 4, 5):  # the story grows twice: each audit supersedes the last one's file
        _json(items[:k], config, fake_embedder)
        assert len(list(pairs.glob("*.pickle"))) == 1
    _json(items[:2], config, fake_embedder)  # two of the articles on their own: the others still need the old file
    assert len(list(pairs.glob("*.pickle"))) == 2
