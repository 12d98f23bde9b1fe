"""A short story of a few sources run through the real stages up to the checks (claims, the fake embedder, align,
lineage), so each check can be called directly on its :class:`CheckContext`."""

from __future__ import annotations

import datetime as dt

from factcheck import pipeline
from factcheck.align import align, claim_text
from factcheck.checks.base import CheckContext
from factcheck.claims import extract_claims
from factcheck.config import Config
from factcheck.embed import HashingEmbedder
from factcheck.extract.entities import EntityTagger
from factcheck.lineage import infer_lineage
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Finding

PUBLISHED = dt.date(2025, 12, 3)  # a Wednesday


def _tagger() -> EntityTagger:
    return pipeline.tagger()  # the one spaCy pipeline the audits in this test run load


def context(*texts: str, config: Config | None = None) -> CheckContext:
    """The check context of one story whose sources ``a``, ``b``, ... hold ``texts`` (dated 3 December 2025)."""
    config = config or Config(use_cache=False)
    items = []
    for k, text in enumerate(texts):
        source = "abcdefgh"[k]
        article, blocks = build_article(source, f"{source}.txt", text.strip() + "\n", kind="text",
                                        published=PUBLISHED)
        items.append(LoadedArticle(article, tuple(blocks)))
    per_source = extract_claims(items, _tagger())
    claims = [c for it in items for c in per_source[it.article.id]]
    vectors = HashingEmbedder().encode([claim_text(c) for c in claims]) if claims else None
    articles = [it.article for it in items]
    groups = align(claims, vectors, config, n_sources=len(articles)) if claims else []
    lineage = infer_lineage(claims, groups, articles)
    return CheckContext(
        claims={c.id: c for c in claims}, groups=groups, sources=[a.id for a in articles],
        articles={a.id: a for a in articles}, config=config, vectors=vectors,
        row={c.id: i for i, c in enumerate(claims)}, lineage=lineage,
    )


def cited(findings: list[Finding]) -> set[str]:
    """The words each finding cites, lower-cased, over all findings."""
    return {e.text.lower() for f in findings for e in f.evidence}
