"""The library entry point: ``audit(paths) -> Report``. The CLI is a thin layer over this."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from factcheck import __version__
from factcheck.align import align, claim_text
from factcheck.claims import canonicalise_speakers, extract_each, sentence_count
from factcheck.compare import compare
from factcheck.config import Config, validate
from factcheck.embed import CachedEmbedder, Embedder, EmbeddingCache, HashingEmbedder, make_embedder
from factcheck.errors import InputError
from factcheck.extract.entities import EntityTagger
from factcheck.load import ENGLISH, LoadedArticle, article_language, load
from factcheck.models import Claim, Report, SourceSummary

_TAGGER: EntityTagger | None = None


def default_embedder(config: Config) -> Embedder:
    """The configured model, wrapped in the embedding cache when caching is on.

    Setting the environment variable ``FACTCHECK_EMBEDDER=hashing`` swaps in the deterministic
    :class:`HashingEmbedder` (no model load, no cache): a hook for tests and quick dry runs.
    """
    if os.environ.get("FACTCHECK_EMBEDDER") == "hashing":
        return HashingEmbedder()
    inner = make_embedder(config.model)
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


def _embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Vectors of ``texts``, each distinct text embedded once, in sorted order, so the batches the model sees do
    not depend on the order or repetition of the input."""
    if not texts:
        return np.zeros((0, 1), np.float32)
    unique = sorted(set(texts))
    vectors = embedder.encode(unique)
    row = {t: i for i, t in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def _article_claims(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
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
        for aid, claims in extract_each(todo, _tagger()).items():
            out[aid] = claims
            if cache is not None:
                cache.put(keys[aid], claims)
    return {item.article.id: out[item.article.id] for item in items}


def _claims(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
            known: dict[str, list[Claim]] | None = None) -> dict[str, list[Claim]]:
    """A story's claims per source, speakers given the fullest name any of its sources uses."""
    return canonicalise_speakers(_article_claims(items, config, embedder, known))


def audit_loaded(items: Sequence[LoadedArticle], config: Config | None = None,
                 embedder: Embedder | None = None) -> Report:
    """Audit articles that are already loaded (the batch mode and tests use this)."""
    config = validate(config or Config())
    return _audit_story(items, config, embedder or default_embedder(config))


def _story_items(items: Sequence[LoadedArticle]) -> tuple[list[LoadedArticle], list[str]]:
    return _dedupe(sorted(items, key=lambda it: it.article.id))


def _english_only(items: Sequence[LoadedArticle]) -> tuple[list[LoadedArticle], list[str]]:
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


def _audit_story(items: Sequence[LoadedArticle], config: Config, embedder: Embedder,
                 known: dict[str, list[Claim]] | None = None) -> Report:
    """One story's audit; ``known`` holds articles' claims extracted beforehand (batch mode). With the cache on, a
    story audited before with the same articles, settings, model and code gets its stored report."""
    items, notes = _story_items(items)
    items, language_notes = _english_only(items)
    notes = language_notes + notes
    reuse = None
    if config.use_cache:
        from factcheck.reportcache import ReportCache, story_key

        reuse, key = ReportCache(config.cache_dir), story_key(items, config, getattr(embedder, "name", config.model))
        found = reuse.get(key)
        if found is not None:
            return found
    report = _fresh_report(items, notes, config, embedder, known)
    if reuse is not None:
        reuse.put(key, report)
    return report


def _fresh_report(items: list[LoadedArticle], notes: list[str], config: Config, embedder: Embedder,
                  known: dict[str, list[Claim]] | None) -> Report:
    articles = [it.article for it in items]
    per_source = _claims(items, config, embedder, known)
    claims = [c for it in items for c in per_source[it.article.id]]
    vectors = _embed(embedder, [claim_text(c) for c in claims])
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


def _load_all(paths: Sequence[str | Path] | str | Path, config: Config) -> list[LoadedArticle]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    items = load(list(paths), max_bytes=config.max_article_bytes)
    if not items:
        raise InputError("no articles to audit")
    return items


def audit(paths: Sequence[str | Path] | str | Path, config: Config | None = None,
          embedder: Embedder | None = None) -> Report:
    """Audit the articles at ``paths`` (files or folders) and return the report.

    Raises:
        InputError: a path is missing, a folder holds no articles, or a file is not a readable article.
    """
    config = validate(config or Config())
    return audit_loaded(_load_all(paths, config), config, embedder)


@dataclass(frozen=True)
class StoryReport:
    """One story of a batch and its audit."""

    id: str
    title: str
    report: Report


@dataclass(frozen=True)
class Batch:
    """A batch of articles split into stories, each audited on its own."""

    stories: tuple[StoryReport, ...]
    notes: tuple[str, ...] = ()


_WORKER_EMBEDDER: Embedder | None = None


def _story_worker(items: Sequence[LoadedArticle], config: Config) -> Report:
    """Audit one story in a worker process (local pool or Dask worker): one model load per process at most."""
    global _WORKER_EMBEDDER
    if _WORKER_EMBEDDER is None:
        _WORKER_EMBEDDER = default_embedder(config)
    return _audit_story(items, config, _WORKER_EMBEDDER)


def audit_batch(paths: Sequence[str | Path] | str | Path, config: Config | None = None,
                embedder: Embedder | None = None, jobs: int = 1, scheduler: str | None = None) -> Batch:
    """Load a batch, group its articles into stories, and audit each story on its own.

    A serial run on 100 or more new articles extracts their claims in spawned processes (one per core, at most
    four), so a script that calls it, like any script that starts processes, guards its entry point with
    ``if __name__ == "__main__":``; without the guard the processes stop at once and the claims are extracted in
    the calling process, slower but the same.

    Args:
        jobs: stories audited in this many local processes (each loads the model once).
        scheduler: address of an existing Dask distributed scheduler; stories are sent to its workers.
    """
    config = validate(config or Config())
    return audit_batch_loaded(_load_all(paths, config), config, embedder, jobs=jobs, scheduler=scheduler)


def _new_articles(embedder: Embedder, items: Sequence[LoadedArticle]) -> bool:
    """Whether the batch holds articles not seen before (their leads are not in the embedding cache)."""
    from factcheck.stories import lead_text

    missing = getattr(embedder, "missing", None)
    return missing is None or bool(missing([lead_text(it) for it in items]))


def _warm_up(embedder: Embedder, load_tagger: bool = True) -> None:
    """On new articles, load the model in the background while spaCy loads: both are needed, neither needs the
    other."""
    prefetch = getattr(embedder, "prefetch", None)
    if prefetch is not None:
        prefetch()
    if load_tagger:
        _tagger().load()


def _pretag(items: Sequence[LoadedArticle]) -> None:
    """spaCy's pass over every paragraph of the batch, kept for the stories' claim extraction: it needs no story,
    so it runs before the stories are known, while the embedding model still loads."""
    _tagger().prepare([b.text for it in items for b in it.blocks])


# A batch with at least this many new articles has its claims extracted in parallel processes (spaCy runs on one
# core; the model needs both only later). Measured on 2 cores: 50 articles 1 s slower with them, 100 about even,
# 1,000 articles 198 s -> 166 s. Each process holds its own spaCy (~400 MB), so below this none is started.
EXTRACT_POOL_MIN = 100
#: New articles per task sent to an extraction process.
EXTRACT_CHUNK = 10


def _extract_processes(n_items: int) -> int:
    import multiprocessing as mp

    if getattr(mp.current_process(), "_inheriting", False):
        # We are a process being started by a script with no ``if __name__ == "__main__":`` guard, which re-runs
        # the script: stop here, as multiprocessing would, before any work (the parent then extracts the claims).
        raise RuntimeError("a batch audit started while a process was starting: guard the script's entry point "
                           "with `if __name__ == \"__main__\":`")
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 and n_items >= EXTRACT_POOL_MIN else 0


class _NoTorch:
    """Import hook that makes ``import torch`` fail (as if torch were not installed)."""

    @staticmethod
    def find_spec(name: str, path=None, target=None):  # type: ignore[no-untyped-def]
        if name == "torch" or name.startswith("torch."):
            raise ImportError("torch is not needed in a spaCy-only process")
        return None


def _extract_init() -> None:
    import sys

    _limit_blas(1)
    # thinc imports torch when it is installed, though the packaged pipeline never uses it: in a process that only
    # runs spaCy that is seconds and hundreds of MB for nothing. The hook is removed once spaCy is loaded.
    hook = _NoTorch()
    if "torch" not in sys.modules:
        sys.meta_path.insert(0, hook)  # type: ignore[arg-type]
    try:
        _tagger().load()
    finally:
        if hook in sys.meta_path:
            sys.meta_path.remove(hook)  # type: ignore[arg-type]


def _extract_articles(items: Sequence[LoadedArticle], config: Config) -> dict[str, list[Claim]]:
    """Claims of some new articles, in an extraction process: the same call the serial audit makes, so the same
    claims; they are cached here too, so work done survives the main process."""
    return _article_claims(items, config)


def audit_batch_loaded(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
                       jobs: int = 1, scheduler: str | None = None) -> Batch:
    items, notes = _dedupe(sorted(items, key=lambda it: it.article.id))
    items, language_notes = _english_only(items)  # before the stories are formed: no story is left without one
    notes = language_notes + notes
    embedder = embedder or default_embedder(config)
    serial = not scheduler and not (jobs > 1)
    fresh = _uncached(items, config)  # articles whose claims must be extracted
    pool = None
    if len(items) > 1 and (fresh or _new_articles(embedder, items)):
        processes = _extract_processes(len(fresh)) if serial else 0
        if processes:
            pool = _spawn_pool(processes, _extract_init)  # the processes load spaCy while the leads are embedded
        here = serial and not processes  # claims extracted in this process (not by the pool, jobs or Dask)
        _warm_up(embedder, load_tagger=here and bool(fresh))
        if here:
            _pretag(fresh)  # while the model loads
    try:
        stories = _stories(items, embedder, config)
        work = [s.articles for s in stories]
        if scheduler:
            reports = _run_dask(scheduler, work, config)
        elif jobs > 1 and len(stories) > 1:
            reports = _run_pool(jobs, work, config)
        else:
            known = _extract_in(pool, fresh, config, notes) if pool is not None else {}
            reports = [_audit_story(w, config, embedder, known) for w in work]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        _tagger().forget()
    reports = [replace(r, story=s.info) for s, r in zip(stories, reports)]  # the index shows span and outlets
    return Batch(tuple(StoryReport(s.id, s.title, r) for s, r in zip(stories, reports)), tuple(notes))


def _stories(items: Sequence[LoadedArticle], embedder: Embedder, config: Config) -> list:  # type: ignore[type-arg]
    """The batch's stories; with the cache on, a batch of unchanged articles reuses its split."""
    from factcheck.stories import Story, group_stories

    if not config.use_cache:
        return group_stories(items, embedder, config=config)
    from factcheck.reportcache import ReportCache, story_key

    cache = ReportCache(config.cache_dir)
    key = story_key(items, config, getattr(embedder, "name", config.model), what="stories")
    split = cache.get_split(key)
    by_id = {it.article.id: it for it in items}
    if split is not None and all(a in by_id for _, _, ids, _ in split for a in ids):
        return [Story(sid, title, tuple(by_id[a] for a in ids), info)  # type: ignore[arg-type]
                for sid, title, ids, info in split]
    stories = group_stories(items, embedder, config=config)
    cache.put_split(key, [(s.id, s.title, tuple(it.article.id for it in s.articles), s.info) for s in stories])
    return stories


def _extract_in(pool, items: list[LoadedArticle], config: Config,  # type: ignore[no-untyped-def]
                notes: list[str]) -> dict[str, list[Claim]]:
    """The new articles' claims from the extraction processes, all of them before the model runs: side by side,
    spaCy and torch compete for the same cores and the model's threads lose more than spaCy gains.

    If the processes cannot run (a script that starts a batch audit without an ``if __name__ == "__main__":``
    guard, a process killed for memory) nothing is returned and the claims are extracted in this process.
    """
    from concurrent.futures.process import BrokenProcessPool

    chunks = [items[k:k + EXTRACT_CHUNK] for k in range(0, len(items), EXTRACT_CHUNK)]
    extracted: dict[str, list[Claim]] = {}
    try:
        futures = [pool.submit(_extract_articles, chunk, config) for chunk in chunks]
        for f in futures:
            extracted.update(_claims_from(f))
    except BrokenProcessPool as exc:
        notes.append(f"the claim extraction processes stopped ({exc}); claims were extracted in the main process")
        return {}
    finally:
        pool.shutdown(cancel_futures=True)
    return extracted


def _uncached(items: Sequence[LoadedArticle], config: Config) -> list[LoadedArticle]:
    """The articles whose claims are not in the claims cache (all of them when the cache is off)."""
    if not config.use_cache:
        return list(items)
    from factcheck.claimcache import ClaimCache, article_key

    cache = ClaimCache(config.cache_dir)
    return [it for it in items if not cache.has(article_key(it))]


def _claims_from(future) -> dict:  # type: ignore[no-untyped-def]
    """A story's claims from its extraction process (waits for them)."""
    return future.result()


def _spawn_pool(processes: int, initializer, initargs: tuple = ()):  # type: ignore[no-untyped-def]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # Spawned, not forked: torch must not inherit a forked copy of a parent that already loaded it.
    return ProcessPoolExecutor(max_workers=processes, mp_context=mp.get_context("spawn"), initializer=initializer,
                               initargs=initargs)


def _limit_blas(threads: int) -> None:
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)


def _limit_threads(threads: int) -> None:
    _limit_blas(threads)
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:  # pragma: no cover - torch is a dependency
        pass


def _run_pool(jobs: int, work, config: Config) -> list[Report]:
    # Each worker gets its share of the cores, so N workers do not each run N math threads on the same cores.
    threads = max(1, (os.cpu_count() or 1) // jobs)
    with _spawn_pool(jobs, _limit_threads, (threads,)) as pool:
        return list(pool.map(_story_worker, work, [config] * len(work)))


def _run_dask(address: str, work, config: Config) -> list[Report]:
    try:
        from distributed import Client
    except ImportError as exc:
        from factcheck.errors import ConfigError

        raise ConfigError("--scheduler needs the 'distributed' package (pip install 'dask[distributed]')") from exc
    try:
        client = Client(address, timeout=30)
    except OSError as exc:
        from factcheck.errors import ConfigError

        raise ConfigError(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
    try:
        # The articles go to the workers as data, not inside the task graph (a big batch would make a graph of
        # many MB, which the scheduler warns about and handles slowly).
        stories = client.scatter(list(work), hash=False)
        futures = client.map(_story_worker, stories, [config] * len(work), pure=False)
        return client.gather(futures)
    finally:
        client.close()
