from __future__ import annotations

from factcheck.align import align, claim_text
from factcheck.claims import extract_claims
from factcheck.config import Config
from factcheck.load import load
from tests.conftest import SEEDS


def test_groups_hold_one_claim_per_source(fake_embedder) -> None:
    items = load([SEEDS])
    per = extract_claims(items)
    claims = [c for it in items for c in per[it.article.id]]
    vectors = fake_embedder.encode([claim_text(c) for c in claims])
    groups = align(claims, vectors, Config(), n_sources=5)
    seen = set()
    for g in groups:
        ids = list(g.claims)
        assert not (set(ids) & seen)
        seen |= set(ids)
    assert seen == {c.id for c in claims}
    # Identical short quotations in all five sources form one group.
    by_id = {c.id: c for c in claims}
    some_progress = [g for g in groups if all((by_id[c].quote or "") == "some progress" for c in g.claims)]
    assert some_progress and len(some_progress[0].sources) == 5


def test_deterministic(fake_embedder) -> None:
    items = load([SEEDS])
    per = extract_claims(items)
    claims = [c for it in items for c in per[it.article.id]]
    vectors = fake_embedder.encode([claim_text(c) for c in claims])
    assert align(claims, vectors, Config(), 5) == align(claims, vectors, Config(), 5)
