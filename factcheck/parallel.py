"""Work on more than one core: the processes that extract a batch's claims (spaCy only, torch kept out), local
pools and Dask workers that audit whole stories, and the thread limits that keep them from fighting over cores.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from factcheck import pipeline
from factcheck.align import claim_text
from factcheck.config import Config
from factcheck.embed import Embedder, default_embedder
from factcheck.load import LoadedArticle
from factcheck.models import Claim, Report

_WORKER_EMBEDDER: Embedder | None = None


def _story_worker(items: Sequence[LoadedArticle], config: Config) -> Report:
    """Audit one story in a worker process (local pool or Dask worker): one model load per process at most."""
    global _WORKER_EMBEDDER
    if _WORKER_EMBEDDER is None:
        _WORKER_EMBEDDER = default_embedder(config)
    return pipeline.audit_story(items, config, _WORKER_EMBEDDER, screened=True)  # a batch's story, screened


# A batch with at least this many new articles has its claims extracted in parallel processes (spaCy runs on one
# core; the model needs both only later). Measured on 2 cores: 50 articles 1 s slower with them, 100 about even,
# 1,000 articles 198 s -> 166 s. Each process holds its own spaCy (~400 MB), so below this none is started.
EXTRACT_POOL_MIN = 100


#: New articles per task sent to an extraction process.
EXTRACT_CHUNK = 10


def extract_processes(n_items: int) -> int:
    import multiprocessing as mp

    if getattr(mp.current_process(), "_inheriting", False):
        # We are a process being started by a script with no ``if __name__ == "__main__":`` guard, which re-runs
        # the script: stop here, as multiprocessing would, before any work (the parent then extracts the claims).
        raise RuntimeError("a batch audit started while a process was starting: guard the script's entry point "
                           "with `if __name__ == \"__main__\":`")
    cores = os.cpu_count() or 1
    return min(cores, 4) if cores > 1 and n_items >= EXTRACT_POOL_MIN else 0


def extract_init() -> None:
    _limit_blas(1)
    pipeline.tagger().load()  # without torch (see extract.entities)


def _extract_articles(items: Sequence[LoadedArticle], config: Config) -> dict[str, list[Claim]]:
    """Claims of some new articles, in an extraction process: the same call the serial audit makes, so the same
    claims; they are cached here too, so work done survives the main process."""
    return pipeline.article_claims(items, config)


def extract_in(pool, items: list[LoadedArticle], config: Config,  # type: ignore[no-untyped-def]
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
            extracted.update(claims_from(f))
    except BrokenProcessPool as exc:
        notes.append(f"the claim extraction processes stopped ({exc}); claims were extracted in the main process")
        return {}
    finally:
        pool.shutdown(cancel_futures=True)
    return extracted


def uncached(items: Sequence[LoadedArticle], config: Config) -> list[LoadedArticle]:
    """The articles whose claims are not in the claims cache (all of them when the cache is off)."""
    if not config.use_cache:
        return list(items)
    from factcheck.claimcache import ClaimCache, article_key

    cache = ClaimCache(config.cache_dir)
    return [it for it in items if not cache.has(article_key(it))]


def claims_from(future) -> dict:  # type: ignore[no-untyped-def]
    """A story's claims from its extraction process (waits for them)."""
    return future.result()


class Beside:
    """One forked process that extracts a run's new articles while this process loads the model, imports
    scikit-learn and groups the stories (none of which needs spaCy). For a process that audits once and exits,
    such as the CLI: spaCy's load and parse, then about half of a cold run on one core, overlap the rest instead of
    preceding it. Each article is a task of its own, so its claims are embedded as soon as they come back, while the
    process reads the next; the largest articles go first, so the claims embedded after the last one are few.

    The claims are those this process would extract (the same call on a copy of this process); they are cached by
    the extraction process too, so work done survives this one.
    """

    def __init__(self, pool, futures: list) -> None:  # type: ignore[no-untyped-def]
        self.pool, self.futures = pool, futures

    @classmethod
    def start(cls, items: Sequence[LoadedArticle], config: Config, embedder: Embedder) -> Beside | None:
        """The process, extracting ``items`` already; ``None`` where it would not pay or could not run safely:
        one core, spaCy already loaded here (extracting here is then cheaper), torch loaded (a forked copy of it
        is unsafe), threads running (fork copies a lock held by another thread as held forever), or a system
        other than Linux (macOS's own libraries are not safe to fork; Windows cannot)."""
        import multiprocessing as mp
        import sys
        import threading
        from concurrent.futures import ProcessPoolExecutor

        if (not items or (os.cpu_count() or 1) < 2 or pipeline.tagger().loaded or "torch" in sys.modules
                or threading.active_count() > 1 or not sys.platform.startswith("linux")
                or "fork" not in mp.get_all_start_methods()):
            return None
        pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("fork"), initializer=_beside_init,
                                   initargs=(os.getpid(),))
        order = sorted(items, key=lambda it: (-sum(len(b.text) for b in it.article.blocks), it.article.id))
        # The first submit forks (before the pool's own thread starts); nothing else here has a thread yet.
        futures = [pool.submit(_extract_articles, [item], config) for item in order]
        ahead = getattr(embedder, "ahead", None)
        if ahead is not None:
            # Each article's claims are embedded as they come back (in the pool's thread), whatever this one does.
            for future in futures:
                future.add_done_callback(lambda done: _embed_ahead(ahead, done))
        return cls(pool, futures)

    def claims(self, notes: list[str]) -> dict[str, list[Claim]]:
        """Every article's claims. If the process stopped (killed for memory, say), nothing is returned, a note
        says so, and the claims are extracted in this process."""
        from concurrent.futures.process import BrokenProcessPool

        extracted: dict[str, list[Claim]] = {}
        try:
            for future in self.futures:
                extracted.update(claims_from(future))
        except BrokenProcessPool as exc:
            notes.append(f"the claim extraction process stopped ({exc}); claims were extracted in the main process")
            return {}
        finally:
            self.close()
        return extracted

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


def _beside_init(parent: int) -> None:
    """The process beside exits when the auditing process is gone (killed, say): nobody would read its claims, and
    a result too large for the pipe would keep it waiting for ever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()
    extract_init()


def _embed_ahead(ahead, done) -> None:  # type: ignore[no-untyped-def]
    """Start embedding the claims of a finished extraction. Only a head start: a text not started here is embedded
    when the audit asks for it, so a failed extraction is left for :meth:`Beside.claims` to raise."""
    if done.cancelled() or done.exception() is not None:
        return
    ahead([claim_text(c) for claims in done.result().values() for c in claims])


def spawn_pool(processes: int, initializer, initargs: tuple = ()):  # type: ignore[no-untyped-def]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # Spawned, not forked: torch must not inherit a forked copy of a parent that already loaded it.
    return ProcessPoolExecutor(max_workers=processes, mp_context=mp.get_context("spawn"), initializer=initializer,
                               initargs=initargs)


def _limit_blas(threads: int) -> None:
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)


def run_pool(jobs: int, work, config: Config) -> list[Report]:
    # Each worker gets its share of the cores, so N workers do not each run N math threads on the same cores.
    threads = max(1, (os.cpu_count() or 1) // jobs)
    # torch (when a torch model is chosen) and the int8 model's onnxruntime session read OMP_NUM_THREADS.
    with spawn_pool(jobs, _limit_blas, (threads,)) as pool:
        return list(pool.map(_story_worker, work, [config] * len(work)))


def run_dask(address: str, work, config: Config) -> list[Report]:
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
