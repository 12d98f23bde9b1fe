"""One story's audit, stage by stage: its articles' claims (from the claims cache or spaCy), their vectors, the
claim groups, the checks' findings, and the report; with the cache on, a story seen before gets its stored report.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.align import align, claim_text
from factcheck.checks import run_checks, with_changes
from factcheck.claims import canonicalise_speakers, extract_each, sentence_count
from factcheck.config import Config
from factcheck.embed import Embedder
from factcheck.errors import InputError
from factcheck.extract.entities import EntityTagger
from factcheck.lineage import infer_lineage
from factcheck.load import ENGLISH, LoadedArticle, article_language
from factcheck.load.names import display_names
from factcheck.models import Claim, Report, SourceSummary
from factcheck.version import __version__

_TAGGER: EntityTagger | None = None


def tagger() -> EntityTagger:
    global _TAGGER
    if _TAGGER is None:
        _TAGGER = EntityTagger()
    return _TAGGER


def dedupe(items: list[LoadedArticle]) -> tuple[list[LoadedArticle], list[str]]:
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


def _embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Vectors of ``texts``, each distinct text embedded once, in sorted order, so the batches the model sees do
    not depend on the order or repetition of the input."""
    if not texts:
        return np.zeros((0, 1), np.float32)
    unique = sorted(set(texts))
    vectors = embedder.encode(unique)
    row = {t: i for i, t in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def article_claims(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
                    known: dict[str, list[Claim]] | None = None) -> dict[str, list[Claim]]:
    """Each article's own claims (before speakers are canonicalised across the story): those in ``known`` (already
    extracted by this run), those in the claims cache, and the rest extracted now and cached. Only new articles
    run spaCy; while they do, the embedding model starts loading (their claims will need it)."""
    from factcheck.claimcache import ClaimCache, article_key

    known = known or {}
    cache = ClaimCache(config.cache_dir) if config.use_cache else None
    out: dict[str, list[Claim]] = {}
    keys: dict[str, str] = {}
    todo: list[LoadedArticle] = []
    for item in items:
        aid = item.article.id
        if aid in known:
            out[aid] = known[aid]
            continue
        if cache is not None:
            keys[aid] = article_key(item)
            found = cache.get(keys[aid])
            if found is not None:
                out[aid] = found
                continue
        todo.append(item)
    if todo:
        prefetch = getattr(embedder, "prefetch", None)
        if prefetch is not None:
            prefetch()
        ahead = getattr(embedder, "ahead", None)
        # Article by article, so that each one's claims are embedded (in the background, where the model can) while
        # spaCy reads the next; the claims are those extracted all at once (each article is read on its own).
        for group in [[item] for item in todo] if ahead is not None else [todo]:
            for aid, claims in extract_each(group, tagger()).items():
                out[aid] = claims
                if cache is not None:
                    cache.put(keys[aid], claims)
                if ahead is not None:
                    ahead([claim_text(c) for c in claims])
    return {item.article.id: out[item.article.id] for item in items}


def _claims(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
            known: dict[str, list[Claim]] | None = None) -> dict[str, list[Claim]]:
    """A story's claims per source, speakers given the fullest name any of its sources uses."""
    return canonicalise_speakers(article_claims(items, config, embedder, known))


def english_only(items: Sequence[LoadedArticle]) -> tuple[list[LoadedArticle], list[str]]:
    """The articles in English, and a note for each one left out because it appears to be in another language.

    Raises:
        InputError: no article is in English (the message names each file and its language).
    """
    kept: list[LoadedArticle] = []
    left_out: list[tuple[LoadedArticle, str]] = []
    for item in items:
        language = article_language(item)
        if language == ENGLISH:
            kept.append(item)
        else:
            left_out.append((item, language))
    if not kept and left_out:
        named = [f"{Path(it.article.path).name} {'appears to be ' if i == 0 else ''}in {language}"
                 for i, (it, language) in enumerate(left_out[:5])]
        more = f", and {len(left_out) - 5} more" if len(left_out) > 5 else ""
        raise InputError(f"no article in English to audit: {', '.join(named)}{more}")
    notes = [f"{it.article.id}: appears to be in {language}; left out of the comparison (the pipeline reads English)"
             for it, language in left_out]
    return kept, notes


class Hooks(Protocol):
    """What a caller can watch of a run: each stage (``claims``, ``align``, ``compare``; in a batch also
    ``stories``) runs inside ``stage(name)``. The benchmark times the stages this way."""

    def stage(self, name: str) -> AbstractContextManager[object]: ...


class _NoHooks:
    def stage(self, name: str) -> AbstractContextManager[object]:
        return nullcontext()


NO_HOOKS: Hooks = _NoHooks()


def audit_story(items: Sequence[LoadedArticle], config: Config, embedder: Embedder,
                known: dict[str, list[Claim]] | None = None, hooks: Hooks = NO_HOOKS, screened: bool = False) -> Report:
    """One story's audit: claims -> embed -> align -> checks -> report. ``known`` holds articles' claims extracted
    beforehand (batch mode). ``screened``: the batch has already set duplicates and other languages aside (each
    article is screened once). With the cache on, a story audited before with the same articles, settings, model
    and code gets its stored report."""
    items = sorted(items, key=lambda it: it.article.id)
    notes: list[str] = []
    if not screened:
        items, notes = dedupe(items)
        items, language_notes = english_only(items)
        notes = language_notes + notes
    reuse = None
    if config.use_cache:
        from factcheck.reportcache import ReportCache, story_key

        reuse, key = ReportCache(config.cache_dir), story_key(items, config, getattr(embedder, "name", config.model))
        found = reuse.get(key)
        if found is not None:
            return found
    report = _fresh_report(items, notes, config, embedder, known, hooks)
    if reuse is not None:
        reuse.put(key, report)
    return report


def _fresh_report(items: list[LoadedArticle], notes: list[str], config: Config, embedder: Embedder,
                  known: dict[str, list[Claim]] | None, hooks: Hooks = NO_HOOKS) -> Report:
    articles = [it.article for it in items]
    with hooks.stage("claims"):
        per_source = _claims(items, config, embedder, known)
    claims = [c for it in items for c in per_source[it.article.id]]
    vectors = _embed(embedder, [claim_text(c) for c in claims])
    with hooks.stage("align"):
        groups = align(claims, vectors, config, n_sources=len(articles))
        lineage = infer_lineage(claims, groups, articles)
    with hooks.stage("compare"):
        findings, groups = run_checks(claims, groups, articles, config, vectors, lineage)
    lineage = with_changes(lineage, findings)
    if len(articles) < 2:
        notes.append("only one article: there is nothing to compare it with, so no claim can be corroborated, "
                     "omitted or contradicted")
    for a in articles:
        notes.extend(f"{a.id}: {w}" for w in a.warnings)
    names = display_names(articles, config.names)
    sources = tuple(
        SourceSummary(it.article.id, it.article.path, it.article.title, it.article.published, sentence_count(it),
                      len(per_source[it.article.id]), it.article.warnings, names[it.article.id])
        for it in items
    )
    return Report(
        tool_version=__version__, model=getattr(embedder, "name", config.model), sources=sources,
        claims=tuple(claims), groups=tuple(groups), findings=tuple(findings), notes=tuple(notes),
        articles=tuple(articles), lineage=lineage,
    )
