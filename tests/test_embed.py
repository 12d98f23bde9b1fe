"""Embedders and the embedding cache."""

from __future__ import annotations

import os
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
    """A cold audit with the default model runs spaCy and the int8 model but never imports torch or
    sentence-transformers (though both are installed here); a rerun on unchanged input reads claims and vectors
    from claims/ and loads neither spaCy nor a model."""
    script = (
        "import sys, factcheck\n"
        "from factcheck.config import Config\n"
        f"cfg = Config(cache_dir={str(tmp_path)!r})\n"
        f"report = factcheck.audit([{str(SEEDS)!r}], cfg)\n"
        "assert report.findings and report.model == 'all-MiniLM-L6-v2-int8', report.model\n"
        "print(*(m in sys.modules for m in ('torch', 'sentence_transformers', 'spacy', 'onnxruntime')))\n"
    )
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "FACTCHECK_EMBEDDER": ""})
    assert cold.returncode == 0, cold.stderr
    assert cold.stdout.split() == ["False", "False", "True", "True"]
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={**os.environ, "FACTCHECK_EMBEDDER": ""})
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.split() == ["False", "False", "False", "False"]
