"""A small real report for the renderers' direct tests: two short articles, one number changed, audited with the
fake embedder (built once per test run)."""

from __future__ import annotations

import datetime as dt
from functools import cache

from factcheck.api import audit_loaded
from factcheck.config import Config
from factcheck.embed import HashingEmbedder
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Report

TEXT = ("Blast in Athens\n\nThe police said {n} people were hurt in the blast in Athens on Tuesday.\n\n"
        "The mayor said the square would be rebuilt by spring.\n")


@cache
def small_report() -> Report:
    items = []
    for source, n in (("a", 12), ("b", 15)):
        article, blocks = build_article(source, f"{source}.txt", TEXT.format(n=n), kind="text",
                                        published=dt.date(2025, 12, 3))
        items.append(LoadedArticle(article, tuple(blocks)))
    return audit_loaded(items, Config(use_cache=False), HashingEmbedder())
