"""The library entry point: ``audit(paths) -> Report``. The CLI is a thin layer over this."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck import __version__
from factcheck.align import align, claim_text
from factcheck.claims import extract_claims, sentence_count
from factcheck.compare import compare
from factcheck.config import Config, validate
from factcheck.embed import CachedEmbedder, Embedder, EmbeddingCache, HashingEmbedder, SentenceTransformerEmbedder
from factcheck.errors import InputError
from factcheck.extract.entities import EntityTagger
from factcheck.load import LoadedArticle, load
from factcheck.models import Report, SourceSummary

_TAGGER: EntityTagger | None = None


def default_embedder(config: Config) -> Embedder:
    """The configured model, wrapped in the embedding cache when caching is on.

    Setting the environment variable ``FACTCHECK_EMBEDDER=hashing`` swaps in the deterministic
    :class:`HashingEmbedder` (no model load, no cache): a hook for tests and quick dry runs.
    """
    if os.environ.get("FACTCHECK_EMBEDDER") == "hashing":
        return HashingEmbedder()
    inner = SentenceTransformerEmbedder(config.model)
    if not config.use_cache:
        return inner
    return CachedEmbedder(inner, EmbeddingCache(config.cache_dir, inner.name))


def _tagger() -> EntityTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = EntityTagger()
    return _TAGGER


def _dedupe(items: list[LoadedArticle]) -> tuple[list[LoadedArticle], list[str]]:
    """Drop articles whose text is identical to an earlier one's; say so in the report."""
    seen: dict[str, str] = {}
    kept: list[LoadedArticle] = []
    notes: list[str] = []
    for item in items:
        key = hashlib.sha1(" ".join(item.article.raw.split()).encode("utf-8")).hexdigest()
        if key in seen:
            notes.append(f"{item.article.id} is identical to {seen[key]}; it was left out of the comparison")
            continue
        seen[key] = item.article.id
        kept.append(item)
    return kept, notes


def audit_loaded(items: Sequence[LoadedArticle], config: Config | None = None,
                 embedder: Embedder | None = None) -> Report:
    """Audit articles that are already loaded (the batch mode and tests use this)."""
    config = validate(config or Config())
    items = sorted(items, key=lambda it: it.article.id)
    items, notes = _dedupe(list(items))
    articles = [it.article for it in items]
    per_source = extract_claims(items, _tagger())
    claims = [c for it in items for c in per_source[it.article.id]]
    embedder = embedder or default_embedder(config)
    vectors = embedder.encode([claim_text(c) for c in claims]) if claims else np.zeros((0, 1), np.float32)
    groups = align(claims, vectors, config, n_sources=len(articles))
    findings, groups = compare(claims, groups, articles, config, vectors)
    if len(articles) < 2:
        notes.append("only one article: there is nothing to compare it with, so no claim can be corroborated, "
                     "omitted or contradicted")
    for a in articles:
        notes.extend(f"{a.id}: {w}" for w in a.warnings)
    sources = tuple(
        SourceSummary(it.article.id, it.article.path, it.article.title, it.article.published, sentence_count(it),
                      len(per_source[it.article.id]), it.article.warnings)
        for it in items
    )
    return Report(
        tool_version=__version__, model=getattr(embedder, "name", config.model), sources=sources,
        claims=tuple(claims), groups=tuple(groups), findings=tuple(findings), notes=tuple(notes),
        articles=tuple(articles),
    )


def audit(paths: Sequence[str | Path] | str | Path, config: Config | None = None,
          embedder: Embedder | None = None) -> Report:
    """Audit the articles at ``paths`` (files or folders) and return the report.

    Raises:
        InputError: a path is missing, a folder holds no articles, or a file is not a readable article.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    config = validate(config or Config())
    items = load(list(paths), max_bytes=config.max_article_bytes)
    if not items:
        raise InputError("no articles to audit")
    return audit_loaded(items, config, embedder)
