"""Benchmark the real batch path per corpus size, one fresh process per measurement, and write ``reports/bench.md``.

    python -m benchmarks.run                         # sizes 5, 50, 200, 1000 + the extra rows (30-60 min on 2 cores)
    python -m benchmarks.run --sizes 5,50,200        # a subset (jobs=2 / Dask rows then use the largest size)
    python -m benchmarks.run --sizes 50 --no-extras --no-cli
    python -m benchmarks.run --one 200 --json        # one measurement in this process, JSON on stdout

Every measurement runs in its own subprocess (``--one SIZE --json``, ``--one-story SIZE --json``,
``--parallel SIZE --jobs 2|--dask --json``) so its peak RSS is its own (with the claim extraction processes a big
batch starts, polled from ``/proc``). The batch row runs
``factcheck.api.audit_batch_loaded`` itself, embedding cache off (``Config(use_cache=False)``), with the library's
stage functions wrapped by timers (``group_stories``, ``extract_claims``, the embedder's ``encode``, ``align``,
``compare``), so the times are those of the code path users run, not of a re-implementation.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import hashlib
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SIZES = (5, 50, 200, 1000)
STAGES = ("load", "stories", "claims", "embed", "align", "compare", "report", "other")
ONE_STORY_SIZE = 200
PARALLEL_JOBS = 2


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(who).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def own_peak_mb() -> float:
    """This process's peak RSS since it was started (``VmHWM``): unlike ``ru_maxrss`` of a spawned process, it does
    not count the parent's pages the child held between fork and exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return peak_rss_mb()


class ChildPeaks:
    """Peak RSS (``VmHWM``) of each child process, polled from ``/proc`` while a measurement runs.

    ``RUSAGE_CHILDREN`` cannot tell: a spawned child's ``ru_maxrss`` counts the parent's pages it held between
    fork and exec.
    """

    def __init__(self, interval: float = 0.25) -> None:
        import threading

        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._interval = interval
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self._interval):
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    status = (entry / "status").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
                if fields.get("PPid", "").strip() != str(me) or "VmHWM" not in fields:
                    continue
                mb = int(fields["VmHWM"].split()[0]) / 1024
                pid = int(entry.name)
                self.peaks[pid] = max(self.peaks.get(pid, 0.0), mb)

    def total(self) -> float:
        return sum(self.peaks.values())


# --------------------------------------------------------------------------------------------------------------
# timing the library's own stages


class StageClock:
    """Seconds per stage; a stage entered inside another (the lead embedding inside grouping) counts for the outer."""

    def __init__(self) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.active: str | None = None

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.active is not None:
            yield
            return
        self.active = name
        t = time.perf_counter()
        try:
            yield
        finally:
            self.times[name] += time.perf_counter() - t
            self.active = None

    def wrap(self, name: str, fn):  # type: ignore[no-untyped-def]
        @functools.wraps(fn)
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            with self.stage(name):
                return fn(*args, **kwargs)

        return timed

    def reset(self) -> None:
        self.times = defaultdict(float)
        self.active = None


class TimedEmbedder:
    def __init__(self, inner, clock: StageClock) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.clock, self.name = inner, clock, inner.name

    def encode(self, texts):  # type: ignore[no-untyped-def]
        with self.clock.stage("embed"):  # with vectors embedded ahead (below), the wait for them
            return self.inner.encode(texts)

    def ahead(self, texts):  # type: ignore[no-untyped-def]
        """As an audit runs the model: each article's claims embedded in the background while spaCy reads on."""
        ahead = getattr(self.inner, "ahead", None)
        if ahead is not None:
            ahead(texts)


def setup_models() -> tuple[Any, dict[str, float]]:
    """Load spaCy and the embedding model once, timed apart from the stages."""
    from factcheck.config import Config
    from factcheck.embed import make_embedder
    from factcheck.pipeline import tagger

    setup = {}
    t = time.perf_counter()
    tagger().tag(["Warm-up sentence from London."])  # the shared tagger audit_loaded uses
    setup["spacy_load"] = time.perf_counter() - t
    model = make_embedder(Config().model)  # the default model (int8 ONNX), as an audit runs it
    t = time.perf_counter()
    model.encode(["warm-up"])
    setup["model_load"] = time.perf_counter() - t
    return model, setup


def digest(stories) -> str:  # type: ignore[no-untyped-def]
    """Hash of every story's JSON report, in story order: equal digests mean equal reports."""
    from factcheck.render.json import render_json

    h = hashlib.sha256()
    for s in stories:
        h.update(f"\x00{s.id}\x00".encode())
        h.update(render_json(s.report).encode())
    return h.hexdigest()[:16]


# --------------------------------------------------------------------------------------------------------------
# the measurements (each in its own process)


def measure_batch(size: int) -> dict[str, Any]:
    """The batch path on ``build_corpus(size)``: stage times, wall, pure embedding of the same claims, peak RSS."""
    from benchmarks.corpus import build_corpus, planted_stories
    from factcheck.align import claim_text
    from factcheck.api import audit_batch_loaded
    from factcheck.config import Config
    from factcheck.render.json import render_json
    from factcheck.render.markdown import render_markdown

    model, setup = setup_models()
    clock = StageClock()
    config = Config(use_cache=False)
    t0 = time.perf_counter()
    with clock.stage("load"):
        items = build_corpus(size)
    from factcheck.parallel import extract_processes  # how many extraction processes the batch starts

    processes = extract_processes(len(items))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with ChildPeaks() as child_peaks:
        batch = audit_batch_loaded(items, config, TimedEmbedder(model, clock), hooks=clock)
    clock.times["other"] = time.perf_counter() - t - sum(clock.times[s] for s in STAGES if s != "load")
    with clock.stage("report"):
        for s in batch.stories:
            assert render_json(s.report) and render_markdown(s.report, title=s.title)
    total = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    child_cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    child_rss = max(child_peaks.peaks.values(), default=0.0)
    claims = [c for s in batch.stories for c in s.report.claims]
    texts = [claim_text(c) for c in claims]
    t = time.perf_counter()
    model.encode(texts)  # the same claims in one call, same batch size: the floor the pipeline is held to
    pure = time.perf_counter() - t
    return {
        "kind": "batch", "size": size, "articles": len(items), "stories": len(batch.stories),
        "planted": planted_stories([it.article.id for it in items]), "claims": len(claims),
        "findings": sum(len(s.report.findings) for s in batch.stories),
        "largest_story": max(len(s.report.sources) for s in batch.stories),
        "times": {s: clock.times.get(s, 0.0) for s in STAGES}, "total": total, "pure_embed": pure,
        "setup": setup, "driver_rss": peak_rss_mb(), "processes": processes, "process_rss": child_rss,
        "process_cpu": child_cpu,
        # the driver and every extraction process at their peaks at once: an upper bound of the batch's memory
        "peak_rss": peak_rss_mb() + child_peaks.total(), "digest": digest(batch.stories),
        "batch_size": model.batch_size,
    }


def measure_one_story(size: int) -> dict[str, Any]:
    """``one_story(size)`` through ``audit_loaded``: cache off (timed), then cache on cold and warm; same JSON?"""
    from benchmarks.corpus import one_story
    from factcheck.align import claim_text
    from factcheck.api import audit_loaded
    from factcheck.config import Config
    from factcheck.embed import CachedEmbedder, EmbeddingCache
    from factcheck.render.json import render_json
    from factcheck.render.markdown import render_markdown

    model, setup = setup_models()
    clock = StageClock()
    t0 = time.perf_counter()
    with clock.stage("load"):
        items = one_story(size)
    t = time.perf_counter()
    report = audit_loaded(items, Config(use_cache=False), TimedEmbedder(model, clock), hooks=clock)
    clock.times["other"] = time.perf_counter() - t - sum(clock.times[s] for s in STAGES if s != "load")
    with clock.stage("report"):
        plain = render_json(report)
        assert render_markdown(report)
    total = time.perf_counter() - t0
    times = {s: clock.times.get(s, 0.0) for s in STAGES}  # before the cached runs add to the clock
    texts = [claim_text(c) for c in report.claims]
    t = time.perf_counter()
    vectors = model.encode(texts)
    pure = time.perf_counter() - t
    rss_nocache = peak_rss_mb()
    # The same text embedded in different batches (other padding) gets slightly different vectors without the
    # cache; with it, one vector per text. How far apart are they?
    first: dict[str, int] = {}
    dup_diff, dups = 0.0, 0
    for i, text in enumerate(texts):
        j = first.setdefault(text, i)
        if j != i:
            dups += 1
            dup_diff = max(dup_diff, float(np.abs(vectors[i] - vectors[j]).max()))
    runs = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-cache-") as tmp:
        config = Config(use_cache=True, cache_dir=tmp)
        for name in ("cold", "warm"):
            # A fresh cache object each time, as a new process would have: the warm run reads the shards from disk.
            embedder = CachedEmbedder(model, EmbeddingCache(tmp, model.name))
            t = time.perf_counter()
            rep = audit_loaded(items, config, embedder)
            out = render_json(rep)
            runs[name] = (time.perf_counter() - t, out, embedder.hits, embedder.misses, len(rep.findings))
    diff = list(difflib.unified_diff(plain.splitlines(), runs["cold"][1].splitlines(), "no-cache", "cold-cache",
                                     lineterm="", n=1))
    return {
        "kind": "one_story", "size": size, "articles": len(items), "stories": 1, "planted": 1,
        "claims": len(report.claims), "findings": len(report.findings), "largest_story": len(report.sources),
        "times": times, "total": total, "pure_embed": pure, "setup": setup,
        "peak_rss_nocache": rss_nocache, "peak_rss": peak_rss_mb(),
        "findings_cold": runs["cold"][4], "findings_warm": runs["warm"][4], "diff_lines": len(diff),
        "diff_head": diff[:40], "duplicate_texts": dups, "duplicate_max_abs_diff": dup_diff,
        "cold_s": runs["cold"][0], "warm_s": runs["warm"][0], "warm_hits": runs["warm"][2],
        "warm_misses": runs["warm"][3],
        "same_cold": runs["cold"][1] == plain, "same_warm": runs["warm"][1] == plain,
        "batch_size": model.batch_size,
    }


def measure_parallel(size: int, jobs: int, dask: bool) -> dict[str, Any]:
    """Wall time of ``audit_batch_loaded`` on ``build_corpus(size)`` with ``jobs`` local processes or a Dask
    LocalCluster of ``jobs`` single-threaded worker processes (cluster start-up timed apart). Workers load spaCy
    and the model themselves; that is part of the wall time."""
    from benchmarks.corpus import build_corpus
    from factcheck.api import audit_batch_loaded
    from factcheck.config import Config

    model, setup = setup_models()
    config = Config(use_cache=False)
    items = build_corpus(size)
    out: dict[str, Any] = {"kind": "dask" if dask else "jobs", "size": size, "jobs": jobs, "setup": setup,
                           "articles": len(items)}
    if dask:
        from distributed import Client, LocalCluster

        t = time.perf_counter()
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               host="127.0.0.1")
        out["cluster_start"] = time.perf_counter() - t
        try:
            t = time.perf_counter()
            batch = audit_batch_loaded(items, config, model, scheduler=cluster.scheduler_address)
            out["wall"] = time.perf_counter() - t
            with Client(cluster) as client:
                out["worker_peak_rss"] = sorted(client.run(own_peak_mb).values())
        finally:
            cluster.close()
    else:
        t = time.perf_counter()
        with ChildPeaks() as peaks:
            batch = audit_batch_loaded(items, config, model, jobs=jobs)
        out["wall"] = time.perf_counter() - t
        out["worker_peak_rss"] = sorted(peaks.peaks.values())
    out.update(stories=len(batch.stories), claims=sum(len(s.report.claims) for s in batch.stories),
               peak_rss=peak_rss_mb(), digest=digest(batch.stories))
    return out


# --------------------------------------------------------------------------------------------------------------
# the driver


def child(args: list[str]) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its JSON is the last line on stdout."""
    cmd = [sys.executable, "-m", "benchmarks.run", *args, "--json"]
    log("  $ " + " ".join(cmd[1:]))
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed with exit {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median total time (so a row's numbers belong together)."""
    runs = sorted(runs, key=lambda r: r["total"])
    row = dict(runs[len(runs) // 2])
    row["repeats"] = len(runs)
    row["totals"] = [r["total"] for r in runs]
    return row


def cli_runs(repeats: int) -> dict[str, Any]:
    """Wall time of the CLI on the seeds: a new empty cache folder (cold), then the same folder again (warm)."""
    cold, warm, codes = [], [], set()
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
            # As a user runs it: the JSON report on stdout and the Markdown report (with its heatmap) written.
            cmd = [sys.executable, "-m", "factcheck", "audit", "seeds", "--format", "json", "--exit-zero",
                   "--cache-dir", str(Path(tmp) / "claims"), "--reports-dir", str(Path(tmp) / "reports")]
            for bucket in (cold, warm):
                t = time.perf_counter()
                proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
                bucket.append(time.perf_counter() - t)
                codes.add(proc.returncode)
    return {"cold": statistics.median(cold), "warm": statistics.median(warm), "cold_all": cold, "warm_all": warm,
            "exit": sorted(codes)}


def fmt_s(x: float) -> str:
    return f"{x:.2f}"


BATCH_HEADER = ("corpus", "articles", "stories found/planted", "largest story", "claims", "findings",
                *(f"{s} s" for s in STAGES), "total s", "pure embed s", "total/embed", "claims/s", "peak RSS MB")


def batch_cells(r: dict[str, Any]) -> list[str]:
    name = f"batch {r['size']}" if r["kind"] == "batch" else f"one_story({r['size']})"
    if r.get("repeats", 1) > 1:
        name += f" (median of {r['repeats']})"
    return [name, str(r["articles"]), f"{r['stories']}/{r['planted']}", str(r["largest_story"]), str(r["claims"]),
            str(r["findings"]), *(fmt_s(r["times"][s]) for s in STAGES), fmt_s(r["total"]), fmt_s(r["pure_embed"]),
            f"{r['total'] / r['pure_embed']:.2f}" if r["pure_embed"] else "-",
            f"{r['claims'] / r['total']:.1f}", f"{r['peak_rss']:.0f}"]


def md_table(header, rows: list[list[str]]) -> str:  # type: ignore[no-untyped-def]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " if i == 0 else " ---: " for i in
                                                             range(len(header))) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def plain_table(header, rows: list[list[str]]) -> str:  # type: ignore[no-untyped-def]
    data = [list(header)] + rows
    widths = [max(len(r[i]) for r in data) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in data]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> dict[str, str]:
    return {
        "nproc": str(os.cpu_count()),
        "affinity": str(len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else "?",
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "CPU check (s, best of 3)": f"{cpu_check():.2f}",
    }


def cpu_check() -> float:
    """Seconds for a fixed pure-Python loop (best of 3): the same code's figures on this shared machine vary by
    half from day to day, and this says how fast the machine was when they were taken."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        total = 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - t)
    return best


def targets(results: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(target, measured, met?) for the issue's targets that were measured."""
    out = []
    cli = results.get("cli")
    if cli:
        out.append(("CLI seeds cold < 4 s", f"{cli['cold']:.2f} s", "yes" if cli["cold"] < 4 else "no"))
        out.append(("CLI seeds warm < 1 s", f"{cli['warm']:.2f} s", "yes" if cli["warm"] < 1 else "no"))
    big = next((r for r in results["batch"] if r["size"] == 1000), None)
    if big:
        ratio = big["total"] / big["pure_embed"]
        out.append(("1000 articles: total <= 1.2 x pure embedding", f"{ratio:.2f} x", "yes" if ratio <= 1.2 else "no"))
        out.append(("1000 articles: peak RSS < 3 GB", f"{big['peak_rss']:.0f} MB",
                    "yes" if big["peak_rss"] < 3072 else "no"))
    one = results.get("one_story")
    if one:
        out.append((f"one_story({one['size']}): peak RSS within 1.5 GB", f"{one['peak_rss']:.0f} MB",
                    "yes" if one["peak_rss"] <= 1536 else "no"))
        same = one["same_cold"] and one["same_warm"]
        out.append((f"one_story({one['size']}): same findings with and without the cache",
                    f"cold {'=' if one['same_cold'] else '!='}, warm {'=' if one['same_warm'] else '!='} no-cache",
                    "yes" if same else "no"))
    for p in results.get("parallel", []):
        ref = next((r for r in results["batch"] if r["size"] == p["size"]), None)
        if ref:
            label = "Dask LocalCluster" if p["kind"] == "dask" else f"jobs={p['jobs']}"
            out.append((f"{label} on {p['size']} articles: same reports as serial",
                        f"{p['digest']} vs {ref['digest']}", "yes" if p["digest"] == ref["digest"] else "no"))
    return out


def render(results: dict[str, Any]) -> tuple[str, str]:
    """(Markdown for reports/bench.md, plain text for the terminal)."""
    from benchmarks.corpus import POLNEAR
    from factcheck.parallel import EXTRACT_POOL_MIN

    rows = [batch_cells(r) for r in results["batch"]]
    if results.get("one_story"):
        rows.append(batch_cells(results["one_story"]))
    par_header = ("run", "articles", "stories", "wall s", "serial s (same corpus)", "speed-up", "cluster start s",
                  "driver peak RSS MB", "worker peak RSS MB", "same reports as serial")
    par_rows = []
    for p in results.get("parallel", []):
        ref = next((r for r in results["batch"] if r["size"] == p["size"]), None)
        # Serial equivalent: the batch row's total plus the one model + spaCy load the workers each pay.
        serial = ref["total"] + sum(ref["setup"].values()) if ref else None
        par_rows.append([
            ("Dask LocalCluster(2 workers x 1 thread, processes)" if p["kind"] == "dask" else f"jobs={p['jobs']}"),
            str(p["articles"]), str(p["stories"]), fmt_s(p["wall"]), fmt_s(serial) if serial else "-",
            f"{serial / p['wall']:.2f}" if serial else "-", fmt_s(p.get("cluster_start", 0.0)),
            f"{p['peak_rss']:.0f}", ", ".join(f"{x:.0f}" for x in p["worker_peak_rss"]),
            ("yes" if p["digest"] == ref["digest"] else "NO") if ref else "-",
        ])
    one = results.get("one_story")
    cli = results.get("cli")
    tgt = targets(results)
    md = [
        "# factcheck benchmark", "",
        "Generated by `python -m benchmarks.run` (`make bench`). Each row is measured in its own fresh process "
        "(`python -m benchmarks.run --one SIZE --json` and friends), so peak RSS is that row's own.", "",
        "## How to run", "",
        "```sh",
        "make bench                                          # everything: sizes 5, 50, 200, 1000 + extras + CLI",
        ".venv/bin/python -m benchmarks.run --sizes 5,50,200  # a subset; jobs/Dask rows use the largest size",
        ".venv/bin/python -m benchmarks.run --sizes 50 --no-extras --no-cli",
        ".venv/bin/python -m benchmarks.run --one 200 --json  # one measurement, JSON on stdout",
        ".venv/bin/python -m benchmarks.corpus --size 200 --out /tmp/c200   # look at a corpus",
        "```", "",
        "Options: `--repeat N` (runs per size; default 3 for sizes up to 50, 1 above; the row with the median total "
        "is shown), `--parallel-size N`, `--one-story-size N`, `--no-extras`, `--no-cli`, `--out FILE`.", "",
        "## Corpora", "",
        "`batch N` (`benchmarks/corpus.py: build_corpus`) is a batch of many stories: ~10% variants of the seed story "
        "plus stories made from real polnear articles" + ("" if POLNEAR.is_dir() else " (**polnear not found on "
        "this machine: seed variants only**)") + ", each the original and 1-5 variants (sentences dropped, "
        "paragraphs reordered, words reworded, numbers and months edited), seeded. Size 5 is `seeds/` itself. "
        "`one_story(N)` is N variants of the seed story. `stories found/planted`: stories `group_stories` found "
        "vs the stories the generator planted (found > planted: some variants were split off; < planted: unrelated "
        "stories were joined).", "",
        "## Batch path, per stage", "",
        "`audit_batch_loaded(items, Config(use_cache=False), embedder, hooks=clock)`, each stage timed through the "
        "library's own stage hooks: `load` = building the articles from text (size 5: reading `seeds/`), `stories` = "
        "`group_stories` (lead embeddings + graph), `claims` = spaCy and claim extraction per story (a batch of "
        f"{EXTRACT_POOL_MIN}+ new articles on a multi-core machine: the wait for the spawned extraction processes, "
        "which loaded spaCy while the leads were embedded; see the table below), `embed` = "
        "claim embedding per story (no cache; model already loaded; where claims are extracted in this process each "
        "article's claims are embedded in the background while spaCy reads the next, and `embed` is the wait for "
        "what is left), `align`, `compare`, `report` = JSON + "
        "Markdown per story, `other` = the rest of the batch call (dedupe, sorting, summaries). `total` = wall "
        "from load to report, without the one-off model and spaCy loads (below). `pure embed` = the same claim "
        "texts encoded in one call with the same batch size; `total/embed` is the issue's ratio. `one_story` "
        "runs `audit_loaded` (one story, cache off). `peak RSS` = the measuring process's peak plus the peak of "
        "every extraction process (`VmHWM`, polled from `/proc`), as if all peaked at once: an upper bound.", "",
        md_table(BATCH_HEADER, rows), "",
    ]
    proc_rows = [[f"batch {r['size']}", str(r.get("processes", 0)), fmt_s(r.get("process_cpu", 0.0)),
                  f"{r.get('driver_rss', r['peak_rss']):.0f}", f"{r.get('process_rss', 0.0):.0f}",
                  f"{r['peak_rss']:.0f}"] for r in results["batch"]]
    if any(r[1] != "0" for r in proc_rows):
        md += ["Claim extraction processes (0: claims extracted in the main process). `CPU s` = their user + system "
               "time together, beside the `claims` wall above.", "",
               md_table(("corpus", "processes", "CPU s", "main peak RSS MB", "largest process peak RSS MB",
                         "peak RSS MB (sum)"), proc_rows), ""]
    setups = [r["setup"] for r in results["batch"]]
    if setups:
        md += [f"One-off loads per process (median): spaCy {statistics.median(s['spacy_load'] for s in setups):.2f} s, "
               f"embedding model {statistics.median(s['model_load'] for s in setups):.2f} s "
               f"(batch size {results['batch'][0]['batch_size']}).", ""]
    if one:
        md += [
            f"`one_story({one['size']})` with the cache: `audit_loaded(items, Config(use_cache=True, cache_dir=TMP))` "
            f"cold {one['cold_s']:.2f} s, warm {one['warm_s']:.2f} s ({one['warm_hits']} embedding cache hits, "
            f"{one['warm_misses']} misses); JSON report identical to the cache-off run: cold "
            f"{'yes' if one['same_cold'] else 'NO'}, warm {'yes' if one['same_warm'] else 'NO'} (findings: no cache "
            f"{one['findings']}, cold {one.get('findings_cold', '?')}, warm {one.get('findings_warm', '?')}). Peak "
            f"RSS {one['peak_rss_nocache']:.0f} MB after the cache-off run, {one['peak_rss']:.0f} MB after all "
            f"three. Without the cache, {one.get('duplicate_texts', '?')} claim texts occur more than once and the "
            f"copies' vectors differ by up to {one.get('duplicate_max_abs_diff', float('nan')):.1e} (same text, "
            "different batch padding); the cache gives each text one vector.", "",
        ]
        if one.get("diff_head"):
            md += ["First lines of the JSON diff (no cache vs cold cache):", "", "```diff", *one["diff_head"], "```",
                   ""]
    if par_rows:
        md += [
            "## Parallel batch", "",
            "`audit_batch_loaded(..., jobs=2)` (spawned local processes) and `audit_batch_loaded(..., "
            "scheduler=cluster.scheduler_address)` on a loopback `LocalCluster(n_workers=2, threads_per_worker=1, "
            "processes=True)`, cache off. Wall includes story grouping in the driver and each worker loading spaCy "
            "and the model; cluster start-up is shown apart. `serial s` = the batch row's total + one spaCy and "
            "model load. `same reports` compares a hash of every story's `render_json` with the serial row's.", "",
            md_table(par_header, par_rows), "",
        ]
    if cli:
        md += [
            "## CLI on the seeds", "",
            "`python -m factcheck audit seeds --format json --exit-zero --cache-dir TMP/claims --reports-dir "
            "TMP/reports` (JSON on stdout, the Markdown report and its heatmap written), wall time "
            "including interpreter start-up and imports; cold = new empty cache folder, warm = the same folder "
            f"again. Median of {len(cli['cold_all'])}.", "",
            "| run | wall s (median) | all runs s | exit |", "| --- | ---: | ---: | ---: |",
            f"| cold (empty cache folder) | {cli['cold']:.2f} | {', '.join(f'{x:.2f}' for x in cli['cold_all'])} "
            f"| {cli['exit']} |",
            f"| warm (same cache folder) | {cli['warm']:.2f} | {', '.join(f'{x:.2f}' for x in cli['warm_all'])} "
            f"| {cli['exit']} |", "",
        ]
    if tgt:
        md += ["## Targets (issue \"Speed and scale\")", "", md_table(("target", "measured", "met"),
                                                                      [list(t) for t in tgt]), ""]
    if results.get("notes"):
        md += ["## Notes", "", *results["notes"], ""]
    md += ["Machine: " + ", ".join(f"{k} {v}" for k, v in results["machine"].items())
           + ". Other work may share the machine: timings are noisy.", ""]
    text = [plain_table(BATCH_HEADER, rows)]
    if par_rows:
        text += ["", plain_table(par_header, par_rows)]
    if one:
        text += ["", f"one_story({one['size']}) cache: cold {one['cold_s']:.2f} s, warm {one['warm_s']:.2f} s, "
                     f"same JSON cold={one['same_cold']} warm={one['same_warm']}"]
    if cli:
        text += ["", f"CLI seeds: cold {cli['cold']:.2f} s, warm {cli['warm']:.2f} s (median; exit {cli['exit']})"]
    if tgt:
        text += ["", plain_table(("target", "measured", "met"), [list(t) for t in tgt])]
    return "\n".join(md), "\n".join(text)


NOTES_FILE = REPO / "benchmarks" / "notes.md"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the factcheck batch path per corpus size.")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated batch sizes (%(default)s)")
    parser.add_argument("--repeat", type=int, help="runs per size (default: 3 up to 50 articles, else 1)")
    parser.add_argument("--parallel-size", type=int, help="batch size for the jobs=2 and Dask rows "
                        "(default: 1000 when measured, else the largest size)")
    parser.add_argument("--one-story-size", type=int, default=ONE_STORY_SIZE)
    parser.add_argument("--no-extras", action="store_true", help="skip the one-story, jobs=2 and Dask rows")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI cold/warm runs")
    parser.add_argument("--cli-repeat", type=int, default=5, help="CLI runs, cold then warm (median of %(default)s)")
    parser.add_argument("--out", type=Path, default=REPO / "reports" / "bench.md")
    parser.add_argument("--save-json", type=Path, help="also write the raw results as JSON here")
    parser.add_argument("--resume", action="store_true", help="with --save-json: keep the measurements already "
                        "in that file and run only the missing ones")
    # Single measurements (what the driver runs in subprocesses).
    parser.add_argument("--one", type=int, metavar="SIZE", help="measure the batch of SIZE articles in this process")
    parser.add_argument("--one-story", type=int, metavar="SIZE", help="measure one_story(SIZE) in this process")
    parser.add_argument("--parallel", type=int, metavar="SIZE", help="measure jobs/Dask on SIZE articles")
    parser.add_argument("--jobs", type=int, default=PARALLEL_JOBS)
    parser.add_argument("--dask", action="store_true", help="with --parallel: a Dask LocalCluster of --jobs workers")
    parser.add_argument("--json", action="store_true", help="print the measurement as JSON on stdout")
    args = parser.parse_args(argv)

    single = None
    if args.one is not None:
        single = measure_batch(args.one)
    elif args.one_story is not None:
        single = measure_one_story(args.one_story)
    elif args.parallel is not None:
        single = measure_parallel(args.parallel, args.jobs, args.dask)
    if single is not None:
        print(json.dumps(single) if args.json else json.dumps(single, indent=2), flush=True)
        return

    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    results: dict[str, Any] = {"batch": [], "parallel": [], "machine": machine()}
    if args.resume and args.save_json and args.save_json.is_file():
        results = {**json.loads(args.save_json.read_text(encoding="utf-8")), "machine": results["machine"]}
    results.pop("notes", None)
    if NOTES_FILE.is_file():
        results["notes"] = [NOTES_FILE.read_text(encoding="utf-8").strip()]
    done = {r["size"] for r in results["batch"]}

    def save() -> None:  # partial results survive an interrupted run
        md, _ = render(results)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(md, encoding="utf-8")
        if args.save_json:
            args.save_json.write_text(json.dumps(results, indent=1), encoding="utf-8")

    if not args.no_cli and "cli" not in results:
        log("CLI on seeds (cold, then warm) ...")
        results["cli"] = cli_runs(args.cli_repeat)
        log(f"  cold {results['cli']['cold']:.2f} s, warm {results['cli']['warm']:.2f} s")
        save()
    for size in sizes:
        if size in done:
            continue
        repeats = args.repeat or (3 if size <= 50 else 1)
        log(f"batch {size} x{repeats} ...")
        row = median_run([child(["--one", str(size)]) for _ in range(repeats)])
        results["batch"].append(row)
        results["batch"].sort(key=lambda r: r["size"])
        log("  " + ", ".join(f"{s} {row['times'][s]:.2f}s" for s in STAGES)
            + f"; total {row['total']:.2f}s, pure embed {row['pure_embed']:.2f}s, peak RSS {row['peak_rss']:.0f} MB")
        save()
    if not args.no_extras:
        if results.get("one_story", {}).get("size") != args.one_story_size:
            log(f"one_story({args.one_story_size}) ...")
            results["one_story"] = child(["--one-story", str(args.one_story_size)])
            save()
        psize = args.parallel_size or (1000 if 1000 in sizes else max(sizes))
        if psize not in {r["size"] for r in results["batch"]}:
            log(f"batch {psize} (serial reference for the parallel rows) ...")
            results["batch"].append(median_run([child(["--one", str(psize)])]))
            results["batch"].sort(key=lambda r: r["size"])
            save()
        for extra in (["--jobs", str(PARALLEL_JOBS)], ["--jobs", str(PARALLEL_JOBS), "--dask"]):
            kind = "dask" if "--dask" in extra else "jobs"
            if any(p["kind"] == kind and p["size"] == psize for p in results["parallel"]):
                continue
            log(f"parallel {psize} {' '.join(extra)} ...")
            results["parallel"].append(child(["--parallel", str(psize), *extra]))
            log(f"  wall {results['parallel'][-1]['wall']:.2f}s")
            save()
    md, text = render(results)
    save()
    print(text)
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")


if __name__ == "__main__":
    main()
