"""The library entry point: ``audit(paths) -> Report``. The CLI is a thin layer over this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from factcheck import parallel, pipeline
from factcheck.config import Config, validate
from factcheck.embed import Embedder, default_embedder
from factcheck.errors import InputError
from factcheck.load import LoadedArticle, load
from factcheck.models import Batch, Claim, Report, StoryReport
from factcheck.pipeline import NO_HOOKS, Hooks


def audit_loaded(items: Sequence[LoadedArticle], config: Config | None = None,
                 embedder: Embedder | None = None, hooks: Hooks = NO_HOOKS) -> Report:
    """Audit articles that are already loaded (the batch mode and tests use this)."""
    config = validate(config or Config())
    return pipeline.audit_story(items, config, embedder or default_embedder(config), hooks=hooks)


def _load_all(paths: Sequence[str | Path] | str | Path, config: Config) -> list[LoadedArticle]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    items = load(list(paths), max_bytes=config.max_article_bytes, run_on_words=config.run_on_words)
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


def audit_batch(paths: Sequence[str | Path] | str | Path, config: Config | None = None,
                embedder: Embedder | None = None, jobs: int = 1, scheduler: str | None = None,
                one_shot: bool = False) -> Batch:
    """Load a batch, group its articles into stories, and audit each story on its own.

    A serial run on 100 or more new articles extracts their claims in spawned processes (one per core, at most
    four), so a script that calls it, like any script that starts processes, guards its entry point with
    ``if __name__ == "__main__":``; without the guard the processes stop at once and the claims are extracted in
    the calling process, slower but the same.

    Args:
        jobs: stories audited in this many local processes (each loads the model once).
        scheduler: address of an existing Dask distributed scheduler; stories are sent to its workers.
        one_shot: the calling process audits this batch and exits, as the CLI does. New articles are then read
            by spaCy in a forked process while this one loads the model and groups the stories (where the machine
            has two cores and the process can fork safely); a process that audits again keeps spaCy loaded instead.
    """
    config = validate(config or Config())
    return audit_batch_loaded(_load_all(paths, config), config, embedder, jobs=jobs, scheduler=scheduler,
                              one_shot=one_shot)


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
        pipeline.tagger().load()


def audit_batch_loaded(items: Sequence[LoadedArticle], config: Config, embedder: Embedder | None = None,
                       jobs: int = 1, scheduler: str | None = None, hooks: Hooks = NO_HOOKS,
                       one_shot: bool = False) -> Batch:
    """A loaded batch split into stories, each audited on its own (see :func:`audit_batch`); ``hooks`` sees every
    stage of every story run in this process."""
    items, notes = pipeline.dedupe(sorted(items, key=lambda it: it.article.id))
    items, language_notes = pipeline.english_only(items)  # before the stories are formed: no story is left without one
    notes = language_notes + notes
    embedder = embedder or default_embedder(config)
    serial = not scheduler and not (jobs > 1)
    known: dict[str, list[Claim]] = {}
    fresh = parallel.uncached(items, config)  # articles whose claims must be extracted
    pool = None
    beside = None
    if len(items) > 1 and (fresh or _new_articles(embedder, items)):
        processes = parallel.extract_processes(len(fresh)) if serial else 0
        if processes:
            # The processes load spaCy while the leads are embedded.
            pool = parallel.spawn_pool(processes, parallel.extract_init)
        elif serial and one_shot:
            beside = parallel.Beside.start(fresh, config, embedder)  # before any thread starts here: it forks
        # Claims extracted in this process (not by the pool, the process beside, jobs or Dask).
        here = serial and not processes and beside is None
        _warm_up(embedder, load_tagger=here and bool(fresh))
        ahead = getattr(embedder, "ahead", None)
        if ahead is not None:
            from factcheck.stories import lead_text

            ahead([lead_text(it) for it in items])  # the stories' vectors, while spaCy reads
        if here:
            with hooks.stage("claims"):
                # Before the stories are known (claims belong to articles): each article's claims are embedded in
                # the background while spaCy reads the next one.
                known = pipeline.article_claims(fresh, config, embedder)
    try:
        with hooks.stage("stories"):
            stories = _stories(items, embedder, config)
        work = [s.articles for s in stories]
        if scheduler:
            reports = parallel.run_dask(scheduler, work, config)
        elif jobs > 1 and len(stories) > 1:
            reports = parallel.run_pool(jobs, work, config)
        else:
            with hooks.stage("claims"):
                if pool is not None:
                    known = parallel.extract_in(pool, fresh, config, notes)
                elif beside is not None:
                    known = beside.claims(notes)
            reports = [pipeline.audit_story(w, config, embedder, known, hooks, screened=True) for w in work]
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if beside is not None:
            beside.close()
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
