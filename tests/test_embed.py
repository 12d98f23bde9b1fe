"""Embedders and the embedding cache."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from factcheck.embed import CachedEmbedder, Embedder, EmbeddingCache, HashingEmbedder
from tests.conftest import ROOT, SEEDS


def test_hashing_embedder_is_deterministic_unit_vectors() -> None:
    emb = HashingEmbedder()
    a = emb.encode(["Rubio said some progress was made.", "Rubio said some progress was made.", "Other text"])
    assert np.allclose(a[0], a[1]) and np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert isinstance(emb, Embedder)


class _Counting:
    name = "counting"

    def __init__(self) -> None:
        self.calls: list[int] = []
        self.inner = HashingEmbedder()

    def encode(self, texts):
        self.calls.append(len(texts))
        return self.inner.encode(texts)


def test_cache_embeds_only_new_texts(tmp_path: Path) -> None:
    counting = _Counting()
    cached = CachedEmbedder(counting, EmbeddingCache(tmp_path, counting.name))
    first = cached.encode(["a b", "c d"])
    again = CachedEmbedder(counting, EmbeddingCache(tmp_path, counting.name))
    second = again.encode(["c d", "a b", "e f"])
    assert counting.calls == [2, 1]
    assert np.allclose(first[0], second[1]) and np.allclose(first[1], second[0])


def test_damaged_shard_is_ignored(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path, "m")
    cache.put(["k1"], np.ones((1, 4), dtype=np.float32))
    (cache.dir / "broken.npz").write_bytes(b"PK\x03\x04 not really a zip")
    fresh = EmbeddingCache(tmp_path, "m")
    assert set(fresh.get(["k1", "k2"])) == {"k1"}


def _torch_embedder():  # type: ignore[no-untyped-def]
    pytest.importorskip("sentence_transformers")
    from factcheck.embed import TORCH_MODEL
    from tests.clirun import shared_embedder

    return shared_embedder(TORCH_MODEL)


def test_int8_model_matches_the_torch_model(real_embedder) -> None:
    from factcheck.embed import OnnxInt8Embedder

    assert isinstance(real_embedder, OnnxInt8Embedder)  # the default
    texts = ["We agreed on some things while others caused criticism.", "Ukraine refused to cede territory.",
             "The Kremlin remains unwilling to make the compromises necessary for a deal."]
    a, b = real_embedder.encode(texts), _torch_embedder().encode(texts)
    assert (a * b).sum(axis=1).min() > 0.99
    assert np.abs(a @ a.T - b @ b.T).max() < 0.01


def test_int8_model_keeps_seed_findings(seed_report) -> None:
    """The default int8 model finds on the seeds what the torch model finds (the condition for its being default)."""
    import factcheck
    from factcheck.config import Config

    on_torch = factcheck.audit([SEEDS], Config(use_cache=False), embedder=_torch_embedder())
    assert {f.id for f in seed_report.findings} == {f.id for f in on_torch.findings}


def test_default_audit_never_imports_torch(tmp_path: Path) -> None:
    """A cold audit with the default model runs spaCy, scikit-learn and the int8 model but never imports torch,
    sentence-transformers or pandas (all installed here); a rerun on unchanged input reads claims and vectors
    from claims/ and loads neither spaCy nor a model."""
    script = (
        "import sys, factcheck\n"
        "from factcheck.config import Config\n"
        f"cfg = Config(cache_dir={str(tmp_path)!r})\n"
        f"report = factcheck.audit([{str(SEEDS)!r}], cfg)\n"
        "assert report.findings and report.model == 'all-MiniLM-L6-v2-int8', report.model\n"
        "print(*(m in sys.modules for m in ('torch', 'sentence_transformers', 'spacy', 'onnxruntime', 'pandas')))\n"
    )
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "FACTCHECK_EMBEDDER": ""})
    assert cold.returncode == 0, cold.stderr
    assert cold.stdout.split() == ["False", "False", "True", "True", "False"]
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "FACTCHECK_EMBEDDER": ""})
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.split() == ["False", "False", "False", "False", "False"]


@pytest.mark.slow
def test_vectors_embedded_ahead_are_those_encode_computes(tmp_path: Path) -> None:
    """A batch embeds each article's claims in a background thread while spaCy reads the next: the vectors must be
    exactly those a plain ``encode`` gives, in any order, with texts asked for that were never sent ahead, and
    through the cache (which sends ahead only what it does not hold)."""
    from factcheck.embed import OnnxInt8Embedder

    texts = ["Ukraine refused to cede territory.", "The talks ended on Friday.", "Rubio said some progress was made.",
             "Officials met in Geneva for five hours."]
    plain = OnnxInt8Embedder().encode(texts)
    ahead = OnnxInt8Embedder()
    ahead.ahead(texts[:3])
    ahead.ahead(texts[1:2])  # sent twice: embedded once
    got = ahead.encode(list(reversed(texts)) + texts[:1])
    assert np.array_equal(got, np.concatenate([plain[::-1], plain[:1]]))
    assert not ahead._ahead  # noqa: SLF001 - each vector is handed over once, then forgotten

    inner = OnnxInt8Embedder()
    cached = CachedEmbedder(inner, EmbeddingCache(tmp_path, inner.name))
    cached.encode(texts[:2])
    cached.ahead(texts)
    assert sorted(inner._ahead) == sorted(texts[2:])  # noqa: SLF001 - the cache's texts are not embedded again
    assert np.array_equal(cached.encode(texts), plain)


@pytest.mark.slow
def test_queued_vectors_are_taken_over_by_encode() -> None:
    """Runs still queued in the background when ``encode`` asks for their texts are taken over by ``encode`` (and
    cancelled); a text of a cancelled run asked for later is embedded then; a run not asked for stays queued.
    Every vector is the plain one."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from factcheck.embed import OnnxInt8Embedder

    texts = [f"Officials met in Geneva for {n} hours on the {n}th day of talks." for n in range(2, 14)]
    plain = OnnxInt8Embedder().encode(texts)
    emb = OnnxInt8Embedder()
    gate = threading.Event()
    emb._worker = ThreadPoolExecutor(1)  # noqa: SLF001 - its thread held until the gate opens: every run stays queued
    emb._worker.submit(gate.wait)  # noqa: SLF001
    try:
        for k in range(0, len(texts), 2):
            emb.ahead(texts[k:k + 2])  # six runs queued one behind the other
        runs = list(dict.fromkeys(f for f, _, _ in sorted(emb._ahead.values(), key=lambda r: r[2])))  # noqa: SLF001
        first = emb.encode(texts[:9])  # asks for four runs whole and half of the fifth
        assert np.array_equal(first, plain[:9])
        assert [r.cancelled() for r in runs] == [True] * 5 + [False]
    finally:
        gate.set()
    assert np.array_equal(emb.encode(texts[9:]), plain[9:])  # the cancelled run's last text, and the sixth run's
    assert not emb._ahead  # noqa: SLF001


def test_texts_sent_ahead_together_run_a_few_at_a_time() -> None:
    """An article's claims sent ahead at once are queued in runs of ``AHEAD_RUN`` texts, so ``encode`` can take over
    part of them (the two threads then end together)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from factcheck.embed import AHEAD_RUN, OnnxInt8Embedder

    emb = OnnxInt8Embedder()
    gate = threading.Event()
    emb._worker = ThreadPoolExecutor(1)  # noqa: SLF001 - held until the gate opens: nothing runs
    emb._worker.submit(gate.wait)  # noqa: SLF001
    try:
        emb.ahead([f"text {n}" for n in range(2 * AHEAD_RUN + 1)])
        sizes = sorted(Counter(run for _, _, run in emb._ahead.values()).values())  # noqa: SLF001
        assert sizes == [1, AHEAD_RUN, AHEAD_RUN]
    finally:
        for future, _, _ in emb._ahead.values():  # noqa: SLF001
            future.cancel()
        gate.set()


def test_a_model_that_cannot_load_fails_where_its_vectors_are_needed(monkeypatch) -> None:
    from factcheck.embed import OnnxInt8Embedder
    from factcheck.errors import ConfigError

    def broken(self, beside=False):  # type: ignore[no-untyped-def]
        raise ConfigError("model 'x' needs the packages onnxruntime")

    monkeypatch.setattr(OnnxInt8Embedder, "_open", broken)
    emb = OnnxInt8Embedder()
    emb.ahead(["a text"])  # the load runs in the background thread: no error yet
    with pytest.raises(ConfigError, match="onnxruntime"):
        emb.encode(["a text"])
