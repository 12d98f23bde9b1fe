"""Batches: group articles into stories before auditing, so each story is compared only with itself.

Articles belong to one story when their headlines and leads say the same thing (embedding similarity) or when they
share enough of the names they mention. Groups are the connected components of that graph, so the order of the
input never changes them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from factcheck.embed import Embedder
from factcheck.load import LoadedArticle

_NAME = re.compile(r"\b[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+)+")
_STOP_NAMES = {"The", "A", "An", "In", "On", "At", "But", "And", "He", "She", "It", "They", "We", "This", "That",
               "President", "Secretary", "Minister", "Mr", "Mrs", "Ms", "Dr"}


@dataclass(frozen=True)
class Story:
    """Articles about one event, with a readable id."""

    id: str
    title: str
    articles: tuple[LoadedArticle, ...]


def lead_text(item: LoadedArticle, chars: int = 600) -> str:
    """Headline and first paragraphs: what an article is about."""
    parts = [item.article.title or ""]
    for span in item.article.blocks:
        if sum(len(p) for p in parts) >= chars:
            break
        parts.append(span.text)
    return " ".join(p for p in parts if p)[:chars]


def names(item: LoadedArticle) -> set[str]:
    """Multi-word capitalised names in the article (cheap; no tagger needed)."""
    text = " ".join(s.text for s in item.article.blocks)
    out = set()
    for m in _NAME.finditer(text):
        words = [w for w in m.group(0).split() if w not in _STOP_NAMES]
        if len(words) >= 2:
            out.add(" ".join(words).lower())
    return out


def _slug(text: str) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2][:6]
    return "-".join(words) or "story"


def group_stories(items: Sequence[LoadedArticle], embedder: Embedder, threshold: float = 0.7,
                  name_overlap: float = 0.3) -> list[Story]:
    """Stories as connected components of the "same story" graph; ordered and named deterministically."""
    items = sorted(items, key=lambda it: it.article.id)
    n = len(items)
    if n == 0:
        return []
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    if n > 1:
        vectors = embedder.encode([lead_text(it) for it in items])
        name_sets = [names(it) for it in items]
        for i in range(n):
            row = vectors @ vectors[i]  # one row at a time: memory linear in the batch
            for j in np.nonzero(row >= threshold - 0.2)[0].tolist():
                if j <= i:
                    continue
                shared = len(name_sets[i] & name_sets[j])
                union = len(name_sets[i] | name_sets[j]) or 1
                if row[j] >= threshold or (shared >= 3 and shared / union >= name_overlap):
                    parent[find(i)] = find(j)
    groups: dict[int, list[LoadedArticle]] = {}
    for i, it in enumerate(items):
        groups.setdefault(find(i), []).append(it)
    stories = []
    used: Counter[str] = Counter()
    for members in sorted(groups.values(), key=lambda g: g[0].article.id):
        title = next((m.article.title for m in members if m.article.title), None) or lead_text(members[0], 80)
        slug = _slug(title)
        used[slug] += 1
        sid = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        stories.append(Story(sid, title, tuple(members)))
    return stories
