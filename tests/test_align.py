from __future__ import annotations

import numpy as np
import pytest

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


def _unit(rows) -> np.ndarray:  # type: ignore[no-untyped-def]
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.mark.parametrize("queries, base, k, expected", [
    # (queries, base, k) -> neighbour indices, most similar first
    ([[1, 0]], [[0, 1], [1, 0.1], [1, 0.5]], 2, [[1, 2]]),
    ([[0, 1], [1, 0]], [[1, 0], [0, 1]], 1, [[1], [0]]),
    ([[1, 0]], [[0, 1]], 5, [[0]]),  # k above the base: the whole base
    ([[1, 0]], np.zeros((0, 2)), 3, [[]]),  # nothing to search
])
def test_nearest_neighbours_by_cosine(queries, base, k, expected) -> None:
    from factcheck.align import nearest

    base = _unit(base) if len(base) else np.zeros((0, 2), np.float32)
    sims, idx = nearest(_unit(queries), base, k)
    assert idx.tolist() == expected
    assert all(list(row) == sorted(row, reverse=True) for row in sims.tolist())


@pytest.mark.parametrize("sources, vectors, expected", [
    # A source repeating one statement 30 times does not crowd out the other source's matching statement: each
    # copy is searched among the other source's statements only.
    (["a"] * 30 + ["b"], [[1, 0.01 * i, 0] for i in range(30)] + [[1, 0, 0.6]], {(i, 30) for i in range(30)}),
    # no pair inside one source, however alike
    (["a", "a", "b"], [[1, 0, 0], [1, 0, 0], [0, 1, 0]], set()),
    # one source: nothing to align
    (["a", "a"], [[1, 0, 0], [1, 0, 0]], set()),
    # below the threshold (and unlike in words): no pair
    (["a", "b"], [[1, 0, 0], [0, 0, 1]], set()),
    (["a", "b", "c"], [[1, 0, 0], [1, 0.1, 0], [0, 0, 1]], {(0, 1)}),
])
def test_statement_pairs_search_other_sources_only(sources, vectors, expected) -> None:
    from types import SimpleNamespace

    from factcheck.align import _statement_pairs

    claims = [SimpleNamespace(source=s) for s in sources]
    pairs = _statement_pairs(claims, _unit(vectors), list(range(len(claims))), Config(neighbours=3))
    assert {(i, j) for _, i, j in pairs} == expected
