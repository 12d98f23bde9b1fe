"""Batches: group articles into stories before auditing, so each story is compared only with itself.

A story is one event: the same actors doing the same thing at the same place and time. Two articles of a batch
are scored as one event by the similarity of their headlines and leads (the embedding model) moved by event
evidence (:mod:`factcheck.events`): days, places, actors and figures their leads share or cannot share. Two
articles dated by metadata more than ``story_days`` apart are never one story, however alike their words.

The graph is sparse: each article is scored against its ``story_neighbours`` nearest leads (scikit-learn
nearest-neighbour search) and the articles sharing enough names with it, never against the whole batch. Its
connected components are then split by average-linkage agglomerative clustering (scikit-learn) over the
component's own pairs, so one chance link does not chain two events together. Articles are sorted by id first
and every step is deterministic: the order of the input never changes the stories.

Follow-ups: an arrest, the charges a week later and the trial are separate stories unless an article's lead dates
its event back to the other's days ("... arrested on Monday"); a story whose articles' own dates lie more than
``story_days`` apart is flagged in the index (:attr:`StoryInfo.far_apart`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from factcheck.config import Config
from factcheck.embed import Embedder
from factcheck.events import EventSketch, Weights, pair_evidence, published, sketch
from factcheck.imports import without
from factcheck.models import LoadedArticle, StoryInfo

#: A veto's distance in the average linkage: farther than any score can bring a pair.
_VETO = 2.0


@dataclass(frozen=True)
class Story:
    """Articles about one event, with a readable id."""

    id: str
    title: str
    articles: tuple[LoadedArticle, ...]
    info: StoryInfo | None = None


def lead_text(item: LoadedArticle, chars: int = 600) -> str:
    """Headline and first paragraphs: what an article is about."""
    parts = [item.article.title or ""]
    for span in item.article.blocks:
        if sum(len(p) for p in parts) >= chars:
            break
        parts.append(span.text)
    return " ".join(p for p in parts if p)[:chars]


def outlet(item: LoadedArticle) -> str | None:
    """The outlet an article comes from: its url's host (``www.`` left off), when it has a url."""
    host = urlparse(item.article.url).hostname if item.article.url else None
    return host.removeprefix("www.") if host else None


def story_info(items: Sequence[LoadedArticle], days: int) -> StoryInfo:
    dates = published(items)
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    outlets = tuple(sorted({o for o in map(outlet, items) if o}))
    far = bool(dates) and (last - first).days > days  # type: ignore[operator]
    return StoryInfo(first, last, outlets, len(items), far)


def _slug(text: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2][:6]
    return "-".join(words) or "story"


def _weights(config: Config) -> Weights:
    return Weights(days=config.story_days, date_penalty=config.story_date_penalty,
                   place_penalty=config.story_place_penalty, actor_penalty=config.story_actor_penalty,
                   principal_penalty=config.story_principal_penalty)


class _Scorer:
    """Pair scores: leads' cosine similarity plus event evidence; ``None`` for a pair that can never be one."""

    def __init__(self, vectors: np.ndarray, sketches: Sequence[EventSketch], weights: Weights) -> None:
        self.vectors, self.sketches, self.weights = vectors, sketches, weights

    def score(self, i: int, j: int, similarity: float | None = None) -> float | None:
        ev = pair_evidence(self.sketches[i], self.sketches[j], self.weights)
        if ev.veto:
            return None
        if similarity is None:
            similarity = float(self.vectors[i] @ self.vectors[j])
        return similarity + ev.bonus - ev.penalty


def _candidates(vectors: np.ndarray, sketches: Sequence[EventSketch], k: int, floor: float) -> dict[tuple[int, int],
                                                                                                    float]:
    """Pairs worth scoring with their leads' similarity: nearest neighbours above ``floor``, and pairs sharing
    three or more names (a lead worded apart from the others). Memory grows with ``n * k``, not ``n * n``."""
    with without("pandas"):
        from sklearn.neighbors import NearestNeighbors

    n = len(vectors)
    pairs: dict[tuple[int, int], float] = {}
    nn = NearestNeighbors(n_neighbors=min(k + 1, n), metric="cosine", algorithm="brute").fit(vectors)
    dist, idx = nn.kneighbors(vectors)
    for i in range(n):
        for d, j in zip(dist[i].tolist(), idx[i].tolist()):
            if j != i and 1.0 - d >= floor:
                pairs[(min(i, j), max(i, j))] = 1.0 - d
    # Shared names through an inverted index: only articles that share a name meet.
    by_name: dict[str, list[int]] = {}
    for i, s in enumerate(sketches):
        for name in s.names:
            by_name.setdefault(name, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in by_name.values():
        if 1 < len(members) <= 50:  # a name in more than 50 articles is a topic, not an event
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    shared[(members[a], members[b])] += 1
    for pair, count in shared.items():
        if count >= 3 and pair not in pairs:
            pairs[pair] = float(vectors[pair[0]] @ vectors[pair[1]])
    return pairs


def _split(members: list[int], scorer: _Scorer, cut: float, max_dense: int) -> list[list[int]]:
    """A connected component split by average linkage over its own pairs (a ``len(members)`` square, never the
    batch's); a component larger than ``max_dense`` is kept whole."""
    m = len(members)
    if m < 3 or m > max_dense:
        return [members]
    with without("pandas"):
        from sklearn.cluster import AgglomerativeClustering

    sims = scorer.vectors[members] @ scorer.vectors[members].T
    dist = np.zeros((m, m))
    for a in range(m):
        for b in range(a + 1, m):
            s = scorer.score(members[a], members[b], float(sims[a, b]))
            dist[a, b] = dist[b, a] = _VETO if s is None else min(_VETO, max(0.0, 1.0 - s))
    if dist.max() <= 1.0 - cut:
        return [members]
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=1.0 - cut).fit_predict(dist)
    groups: dict[int, list[int]] = {}
    for member, label in zip(members, labels.tolist()):
        groups.setdefault(label, []).append(member)
    return sorted(groups.values())


def cluster(items: Sequence[LoadedArticle], embedder: Embedder, config: Config) -> list[list[int]]:
    """Indices of ``items`` per story (``items`` in the order given; sort them first for order-free stories)."""
    n = len(items)
    if n < 2:
        return [list(range(n))]
    vectors = np.asarray(embedder.encode([lead_text(it) for it in items]), dtype=np.float32)
    from factcheck.claimcache import cached_sketches

    sketches = cached_sketches(items, config.cache_dir, config.use_cache, sketch)
    scorer = _Scorer(vectors, sketches, _weights(config))
    linked = [(i, j) for (i, j), sim in
              sorted(_candidates(vectors, sketches, config.story_neighbours, config.story_floor).items())
              if (s := scorer.score(i, j, sim)) is not None and s >= config.story_threshold]
    cut = config.story_threshold - config.story_cohesion
    out: list[list[int]] = []
    for component in _components(n, linked):
        out.extend(_split(component, scorer, cut, config.story_max_dense))
    return sorted(out, key=lambda g: g[0])


def _components(n: int, linked: list[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``n`` articles linked in pairs, each sorted, in the order of their first
    article (scipy's, which scikit-learn's neighbour search has imported already)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rows = np.array([i for i, _ in linked], dtype=np.int64)
    cols = np.array([j for _, j in linked], dtype=np.int64)
    graph = coo_matrix((np.ones(len(linked), dtype=np.int8), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for article, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(article)
    return sorted(groups.values(), key=lambda c: c[0])


def group_stories(items: Sequence[LoadedArticle], embedder: Embedder, threshold: float | None = None,
                  config: Config | None = None) -> list[Story]:
    """Stories of a batch, ordered and named deterministically whatever the order of ``items``."""
    config = config or Config()
    if threshold is not None:
        from dataclasses import replace

        config = replace(config, story_threshold=threshold)
    items = sorted(items, key=lambda it: it.article.id)
    if not items:
        return []
    stories = []
    used: Counter[str] = Counter()
    for group in cluster(items, embedder, config):
        members = [items[i] for i in group]
        title = next((m.article.title for m in members if m.article.title), None) or lead_text(members[0], 80)
        slug = _slug(title)
        used[slug] += 1
        sid = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        stories.append(Story(sid, title, tuple(members), story_info(members, config.story_days)))
    return stories
