# ruff: noqa: E501 - the test articles are paragraphs, one per line
"""Scale: batches on a Dask cluster and a local pool give the serial reports; the embedding cache survives SIGKILL
and concurrent writers; align's memory grows about linearly with the number of claims.

Kept fast (HashingEmbedder, small stories): workers build their embedder from ``FACTCHECK_EMBEDDER=hashing``, which
is set before they start so spawned processes inherit it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from factcheck.align import align, claim_text
from factcheck.api import audit_batch_loaded, audit_loaded
from factcheck.config import Config
from factcheck.embed import CachedEmbedder, EmbeddingCache, HashingEmbedder, text_key
from factcheck.load import LoadedArticle, build_article
from factcheck.models import Claim, ClaimType, Span
from factcheck.render.json import render_json

ROOT = Path(__file__).resolve().parents[2]

STORIES = {
    "bridge": [
        """Harbour Bridge Closed After Crack Found in Main Span

City engineers closed the Harbour Bridge on Tuesday after inspectors found a 40-centimetre crack in the main span.

"We will not reopen it until we are certain it is safe," said Mayor Helena Rostova. About 80,000 vehicles cross the bridge each day.

Repairs are expected to take three weeks and cost $12 million, according to the transport department.
""",
        """Crack Shuts Harbour Bridge for Repairs

The Harbour Bridge was shut on Tuesday when inspectors discovered a 45-centimetre crack in its main span.

Mayor Helena Rostova said: "We will not reopen it until we are sure it is safe." Some 80,000 vehicles use the bridge daily.

The transport department said repairs would take four weeks and cost $12 million.
""",
        """Harbour Bridge Closure Snarls Traffic as Engineers Inspect Crack

Commuters faced long delays on Wednesday, a day after the Harbour Bridge was closed over a crack in the main span.

"We will not reopen it until we are certain it is safe," Mayor Helena Rostova told reporters.
""",
    ],
    "orchestra": [
        """Northfield Orchestra Names Ines Calloway Music Director

The Northfield Symphony Orchestra on Monday named conductor Ines Calloway as its new music director, starting in September.

Calloway, 41, has led the Valmont Chamber Players for six years. "This orchestra has a fearless sound," she said.

The board chair, Tobias Wren, said the vote was unanimous.
""",
        """Ines Calloway to Lead Northfield Symphony Orchestra

Conductor Ines Calloway will become music director of the Northfield Symphony Orchestra in September, the orchestra said on Monday.

Calloway, 42, spent six years at the Valmont Chamber Players. "This orchestra has a fearless sound," Calloway said.
""",
    ],
    "harvest": [
        """Drought Cuts Wheat Harvest in Lower Esk Valley by a Third

Farmers in the Lower Esk Valley expect to harvest a third less wheat this year after the driest spring since 1976, the growers' association said on Friday.

"Some families will not plant next year," said association president Marta Quill. Average yields fell to 4.1 tonnes per hectare.
""",
        """Lower Esk Valley Wheat Farmers Brace for Poor Harvest After Dry Spring

The wheat harvest in the Lower Esk Valley will be a quarter smaller this year after the driest spring since 1976, the growers' association said Friday.

Association president Marta Quill said: "Some families will not plant next year." Yields dropped to 4.1 tonnes per hectare.
""",
        """Esk Valley Growers Ask for Drought Aid

The Lower Esk Valley growers' association on Friday asked the government for drought aid after the driest spring since 1976.

"Some families will not plant again next year," said Marta Quill, the association's president.
""",
    ],
}


def batch_items() -> list[LoadedArticle]:
    items = []
    for story, texts in STORIES.items():
        for k, raw in enumerate(texts):
            sid = f"{story}-{k}"
            article, blocks = build_article(sid, f"<test>/{sid}.txt", raw, kind="text")
            items.append(LoadedArticle(article, tuple(blocks)))
    return items


# HashingEmbedder leads: 0.48-0.66 within a story, at most 0.22 across stories.
BATCH_CONFIG = Config(use_cache=False, story_threshold=0.45)


def reports(batch) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {s.id: render_json(s.report) for s in batch.stories}


@pytest.fixture()
def hashing_env(monkeypatch: pytest.MonkeyPatch) -> Config:
    """Workers (spawned after this) build HashingEmbedder; the cache is off so no worker writes anywhere."""
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "hashing")
    return BATCH_CONFIG


@pytest.fixture(scope="module")
def serial_reports() -> dict[str, str]:
    batch = audit_batch_loaded(batch_items(), BATCH_CONFIG, HashingEmbedder())
    # The three stories are told apart, and each keeps all its articles.
    assert sorted(len(s.report.sources) for s in batch.stories) == [2, 3, 3]
    return reports(batch)


def test_dask_cluster_gives_serial_reports(hashing_env: Config, serial_reports: dict[str, str]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        batch = audit_batch_loaded(batch_items(), hashing_env, HashingEmbedder(), scheduler=cluster.scheduler_address)
        with distributed.Client(cluster) as client:
            # The stories really ran on the workers, each of which built the hashing embedder.
            names = client.run(lambda: getattr(__import__("factcheck.parallel").parallel._WORKER_EMBEDDER, "name", None))
    assert reports(batch) == serial_reports
    assert any(n == HashingEmbedder().name for n in names.values())


def test_local_pool_gives_serial_reports(hashing_env: Config, serial_reports: dict[str, str]) -> None:
    batch = audit_batch_loaded(batch_items(), hashing_env, HashingEmbedder(), jobs=2)
    assert reports(batch) == serial_reports


def test_extraction_processes_give_serial_reports(hashing_env: Config, serial_reports: dict[str, str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A big new batch has its claims extracted in spawned processes (here forced on a small one): same reports."""
    import factcheck.parallel as parallel

    monkeypatch.setattr(parallel, "extract_processes", lambda n: 2)
    batch = audit_batch_loaded(batch_items(), hashing_env, HashingEmbedder())
    assert reports(batch) == serial_reports
    assert not batch.notes


def test_broken_extraction_processes_fall_back(hashing_env: Config, serial_reports: dict[str, str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction processes that die (here: at start) cost time, never the audit: the claims are extracted in the
    main process, the reports are the serial ones, and a note says what happened."""
    import factcheck.parallel as parallel

    monkeypatch.setattr(parallel, "extract_processes", lambda n: 1)
    monkeypatch.setattr(parallel, "extract_init", sys.exit)  # the process exits in its initializer
    batch = audit_batch_loaded(batch_items(), hashing_env, HashingEmbedder())
    assert reports(batch) == serial_reports
    assert any("extraction processes stopped" in n for n in batch.notes)


# A fresh interpreter (spaCy not loaded, no thread running) audits the batch as the CLI does (``one_shot``): its
# claims are read by spaCy in a forked process beside it. Prints the reports, the notes, and whether spaCy ever
# loaded in the auditing process.
BESIDE = textwrap.dedent("""
    import json, os, sys
    from factcheck import parallel, pipeline
    from factcheck.api import audit_batch_loaded
    from factcheck.embed import HashingEmbedder
    from tests.e2e.test_scale import BATCH_CONFIG, batch_items, reports

    if sys.argv[1] == "broken":
        parallel.extract_init = lambda: os._exit(3)  # the forked process dies in its initializer
    batch = audit_batch_loaded(batch_items(), BATCH_CONFIG, HashingEmbedder(), one_shot=True)
    print(json.dumps({"reports": reports(batch), "notes": list(batch.notes), "spacy_here": pipeline.tagger().loaded}))
""")


LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the process beside forks on Linux only")


def _beside(mode: str) -> dict:  # type: ignore[type-arg]
    import json

    proc = subprocess.run([sys.executable, "-c", BESIDE, mode], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_EMBEDDER": "hashing"})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@LINUX
def test_extraction_beside_gives_serial_reports(serial_reports: dict[str, str]) -> None:
    """A one-shot audit (the CLI) reads new articles with spaCy in a forked process while it groups the stories:
    the reports are the serial ones, and spaCy never loaded in the auditing process (the claims came from the
    other one)."""
    got = _beside("ok")
    assert got["reports"] == serial_reports
    assert got["notes"] == []
    assert got["spacy_here"] is False


@LINUX
def test_broken_extraction_beside_falls_back(serial_reports: dict[str, str]) -> None:
    """The process beside dying costs time, never the audit: the claims are extracted here, the reports are the
    serial ones, and a note says what happened."""
    got = _beside("broken")
    assert got["reports"] == serial_reports
    assert any("extraction process stopped" in n for n in got["notes"])
    assert got["spacy_here"] is True


def _children(pid: int) -> list[int]:
    out = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if f"\nPPid:\t{pid}\n" in status.read_text():
                out.append(int(status.parent.name))
        except OSError:
            continue
    return out


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads processes from /proc")
def test_extraction_beside_exits_with_a_killed_audit(tmp_path: Path) -> None:
    """A CLI audit killed outright leaves no process behind: the one reading its articles exits too (it would
    otherwise wait for ever to hand over claims nobody reads)."""
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "audit", str(ROOT / "seeds"), "--format", "json",
                             "--cache-dir", str(tmp_path / "claims"), "--reports-dir", str(tmp_path / "reports")],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "FACTCHECK_EMBEDDER": ""})
    try:
        deadline = time.monotonic() + 60
        while not (children := _children(proc.pid)) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert children, "the audit started no process beside it"
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 10
    while _running(children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(children)


def _running(pids: list[int]) -> list[int]:
    """Those of ``pids`` still running (an exited process its new parent has not reaped yet counts as gone)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            out.append(pid)
    return out


def test_extraction_beside_only_where_it_pays_and_is_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    """No process beside when spaCy is loaded here already (reading here is cheaper), on one core, while another
    thread runs (fork would copy its locks), with torch imported, or off Linux."""
    import threading

    from factcheck import parallel, pipeline

    items = batch_items()[:2]
    tagger = pipeline.tagger()
    with monkeypatch.context() as one_thread:  # each reason alone (threads from earlier tests aside)
        one_thread.setattr(threading, "active_count", lambda: 1)
        _declined_for_each_reason(items, tagger, one_thread)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:  # every other reason away: the running thread alone declines it
        monkeypatch.setattr(type(tagger), "loaded", property(lambda self: False))
        monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
        monkeypatch.delitem(sys.modules, "torch", raising=False)
        assert parallel.Beside.start(items, BATCH_CONFIG, HashingEmbedder()) is None
    finally:
        stop.set()
        other.join()


def _declined_for_each_reason(items, tagger, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from factcheck import parallel

    monkeypatch.setattr(type(tagger), "loaded", property(lambda self: True))
    assert parallel.Beside.start(items, BATCH_CONFIG, HashingEmbedder()) is None
    monkeypatch.setattr(type(tagger), "loaded", property(lambda self: False))
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 1)
    assert parallel.Beside.start(items, BATCH_CONFIG, HashingEmbedder()) is None
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    monkeypatch.setitem(sys.modules, "torch", sys.modules.get("torch") or object())
    assert parallel.Beside.start(items, BATCH_CONFIG, HashingEmbedder()) is None
    monkeypatch.delitem(sys.modules, "torch")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert parallel.Beside.start(items, BATCH_CONFIG, HashingEmbedder()) is None
    monkeypatch.setattr(sys, "platform", "linux")
    assert parallel.Beside.start([], BATCH_CONFIG, HashingEmbedder()) is None


# --------------------------------------------------------------------------------------------------------------
# the embedding cache under SIGKILL and concurrent writers

# Runs the real CachedEmbedder -> EmbeddingCache.put path, with np.savez's bytes trickled out slowly so that the
# parent can kill the process while a shard is half written.
SLOW_WRITER = textwrap.dedent("""
    import io, sys, time
    import numpy as np
    from factcheck.api import audit_loaded
    from factcheck.config import Config
    from factcheck.embed import CachedEmbedder, EmbeddingCache, HashingEmbedder
    from tests.e2e.test_scale import batch_items

    import factcheck.io

    real_fdopen = factcheck.io.os.fdopen

    class SlowFile:
        def __init__(self, fh):
            self.fh = fh
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.fh.close()
        def write(self, data):
            print("writing", len(data), flush=True)
            for i in range(0, len(data), 256):
                self.fh.write(data[i:i + 256])
                self.fh.flush()
                time.sleep(0.05)
        def __getattr__(self, name):
            return getattr(self.fh, name)

    class SlowOs:  # the cache's file writes (io.atomic_write) crawl, so the kill lands mid-write
        def __getattr__(self, name):
            return getattr(__import__("os"), name)
        @staticmethod
        def fdopen(fd, mode="r", *args, **kwargs):
            return SlowFile(real_fdopen(fd, mode, *args, **kwargs))

    factcheck.io.os = SlowOs()
    inner = HashingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(sys.argv[1], inner.name))
    audit_loaded([it for it in batch_items() if it.article.id.startswith("bridge")], Config(use_cache=False), embedder)
    print("finished", flush=True)
""")


def _bridge() -> list[LoadedArticle]:
    return [it for it in batch_items() if it.article.id.startswith("bridge")]


def test_sigkill_mid_cache_write_leaves_a_clean_cache(tmp_path: Path) -> None:
    cache_dir = tmp_path / "claims"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(cache_dir)], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("writing"), line
        time.sleep(0.3)  # a few chunks in, far from the end
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    inner = HashingEmbedder()
    shard_dir = cache_dir / "embeddings" / inner.name
    leftovers = list(shard_dir.iterdir())
    assert leftovers, "the writer was killed before it created its temporary file"
    # No shard under its final name: the half-written file kept its temporary name.
    assert not [p for p in leftovers if not p.name.startswith(".")], leftovers

    texts = [claim_text(c) for c in audit_loaded(_bridge(), Config(use_cache=False), inner).claims]
    keys = [text_key(inner.name, t) for t in texts]
    assert EmbeddingCache(cache_dir, inner.name).get(keys) == {}  # the partial shard is never read

    reference = render_json(audit_loaded(_bridge(), Config(use_cache=False), HashingEmbedder()))
    cached = CachedEmbedder(HashingEmbedder(), EmbeddingCache(cache_dir, inner.name))
    assert render_json(audit_loaded(_bridge(), Config(use_cache=False), cached)) == reference
    assert cached.misses == len(set(texts))
    # And the shard written by that audit is read back by the next one.
    again = CachedEmbedder(HashingEmbedder(), EmbeddingCache(cache_dir, inner.name))
    assert render_json(audit_loaded(_bridge(), Config(use_cache=False), again)) == reference
    assert again.misses == 0


CONCURRENT_WRITER = textwrap.dedent("""
    import random, sys
    from factcheck.embed import CachedEmbedder, EmbeddingCache, HashingEmbedder
    universe = [f"claim number {i} says the council spent {i * 7} dollars on item {i % 13}" for i in range(600)]
    rng = random.Random(int(sys.argv[2]))
    for _ in range(40):
        # A fresh cache object each round: it sees the other writer's shards too.
        embedder = CachedEmbedder(HashingEmbedder(), EmbeddingCache(sys.argv[1], "hashing-512"))
        embedder.encode(rng.sample(universe, 60))
    print("done", flush=True)
""")


def test_two_concurrent_writers_never_corrupt_the_cache(tmp_path: Path) -> None:
    cache_dir = tmp_path / "claims"
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, str(cache_dir), str(seed)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True) for seed in (1, 2)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and all("done" in o for o in outs)
    universe = [f"claim number {i} says the council spent {i * 7} dollars on item {i % 13}" for i in range(600)]
    inner = HashingEmbedder()
    keys = [text_key(inner.name, t) for t in universe]
    found = EmbeddingCache(cache_dir, inner.name).get(keys)
    assert len(found) > 300  # both writers' work is there
    expected = inner.encode(universe)
    for key, vec in zip(keys, expected, strict=True):
        if key in found:
            np.testing.assert_array_equal(found[key], vec)
    shard_dir = cache_dir / "embeddings" / inner.name
    assert not list(shard_dir.glob(".tmp-*")), "finished writers leave no temporary files"
    for shard in shard_dir.glob("*.npz"):
        with np.load(shard, allow_pickle=False) as data:  # every shard is whole
            assert len(data["keys"]) == len(data["vectors"])


# --------------------------------------------------------------------------------------------------------------
# align: memory about linear in the number of claims

_VOCAB = [f"w{i}" for i in range(400)]


def fake_claims(n: int, sources: int = 10, seed: int = 0) -> list[Claim]:
    rng = random.Random(seed)
    out = []
    for k in range(n):
        src = f"src{k % sources:02d}"
        text = " ".join(rng.choice(_VOCAB) for _ in range(12)) + "."
        span = Span(src, 0, len(text), text)
        out.append(Claim(f"{src}-c{k}", src, k // sources, ClaimType.STATEMENT, span, span))
    return out


def align_peak_mb(n: int) -> float:
    claims = fake_claims(n)
    vectors = HashingEmbedder().encode([claim_text(c) for c in claims])
    tracemalloc.start()
    try:
        groups = align(claims, vectors, Config(), n_sources=10)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert sum(len(g.claims) for g in groups) == n
    return peak / 1e6


def test_align_3000_claims_within_200_mb() -> None:
    assert align_peak_mb(3000) < 200


def test_align_memory_grows_about_linearly() -> None:
    small, large = align_peak_mb(2000), align_peak_mb(4000)
    # Twice the claims: about twice the memory when linear, four times when an N x N array is built.
    assert large / small < 2.5, f"{small:.0f} MB -> {large:.0f} MB"
