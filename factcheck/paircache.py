"""The pair cache in ``claims/pairs/``: the typed differences of every aligned claim pair a story's audit compared,
so that a story audited again because a new article joined it compares only the pairs that involve new or changed
claims.

:func:`factcheck.difference.compare_pair` reads nothing but its two claims and their two articles' texts, so a
pair's key is a hash of exactly those (each claim whole, by its fields' values, and each text) and of the package's
code and word lists. The differences are stored without the claims (which the caller already holds) and rebuilt around
them. Each story audit writes one file of every pair it compared; a small index file per article text names the
last such file, which is how the next audit of a story holding that article finds its pairs. Files are written
atomically (the pair file before the index that names it), unreadable ones are ignored, and the folder is safe to
delete. Stored with :mod:`pickle`: the folder is the user's own, trusted like the installed code.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from factcheck.difference import Difference, PairDiff, compare_pair
from factcheck.io import atomic_write
from factcheck.models import Claim
from factcheck.version import __version__, code_digest

FORMAT = 1

#: A pair's differences without its claims: (ops, ((kind, slot, swapped, a_text, b_text, a_span, b_span), ...),
#: overlap); ``swapped`` when the difference reads the pair's second claim as its first (a detail the first drops).
Stored = tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, bool, str, str, tuple[int, int],
                                                             tuple[int, int]], ...], float]


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _pack(pd: PairDiff) -> Stored | None:
    diffs = []
    for d in pd.differences:
        if d.a is pd.a and d.b is pd.b:
            swapped = False
        elif d.a is pd.b and d.b is pd.a:
            swapped = True
        else:  # pragma: no cover - every difference reads the pair's own claims; anything else is not stored
            return None
        diffs.append((d.kind, d.slot, swapped, d.a_text, d.b_text, d.a_span, d.b_span))
    return pd.ops, tuple(diffs), pd.overlap


def _unpack(stored: Stored, a: Claim, b: Claim) -> PairDiff:
    ops, diffs, overlap = stored
    return PairDiff(a, b, ops, tuple(Difference(kind, slot, *((b, a) if swapped else (a, b)), at, bt, sa, sb)
                                     for kind, slot, swapped, at, bt, sa, sb in diffs), overlap)


class PairCache:
    """One story audit's view of the pair cache: the pairs its articles were compared in before, and the pairs
    this audit compares (written by :meth:`save`)."""

    def __init__(self, root: str | Path, texts: dict[str, str]) -> None:
        self.dir = Path(root) / "pairs"
        self._salt = f"factcheck {__version__} pairs/{FORMAT} {code_digest()}".encode()
        self._texts = {sid: _text_key(t) for sid, t in texts.items()}
        self._known: dict[bytes, Stored] = {}
        self._now: dict[bytes, Stored] = {}
        self._claims: dict[int, tuple[Claim, bytes]] = {}  # id -> (the claim, kept alive so ids stay unique; hash)
        self._earlier: dict[str, list[str]] = {}  # the files read, and the texts each was written for
        names = {self._indexed(k) for k in self._texts.values()}
        for name in sorted(n for n in names if n is not None):
            pairs, self._earlier[name] = self._read(name)
            self._known.update(pairs)
        self.hits = 0

    def _indexed(self, text_key: str) -> str | None:
        try:
            name = (self.dir / "index" / text_key).read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            return None
        return name if len(name) == 40 and name.isalnum() else None

    def _read(self, name: str) -> tuple[dict[bytes, Stored], list[str]]:
        try:
            data = pickle.loads((self.dir / f"{name}.pickle").read_bytes())  # noqa: S301 - the user's own cache
        except Exception:  # noqa: BLE001 - a missing, torn or stale file is a miss
            return {}, []
        texts = data.get("texts") if isinstance(data, dict) else None
        texts = texts if isinstance(texts, list) else []
        ok = isinstance(data, dict) and data.get("format") == FORMAT and data.get("salt") == self._salt
        return (data["pairs"] if ok and isinstance(data.get("pairs"), dict) else {}), texts

    def _claim_hash(self, c: Claim) -> bytes:
        got = self._claims.get(id(c))
        if got is None or got[0] is not c:
            got = (c, hashlib.sha1(repr(c).encode("utf-8", errors="surrogatepass")).digest())
            self._claims[id(c)] = got
        return got[1]

    def compare(self, a: Claim, b: Claim, text_a: str, text_b: str) -> PairDiff:
        """:func:`compare_pair` of ``a`` and ``b`` (``text_a``/``text_b`` their sources' texts, as given to the
        constructor), read from the cache when this pair was compared before."""
        h = hashlib.sha1(self._salt)
        h.update(self._claim_hash(a))
        h.update(self._claim_hash(b))
        h.update(f"{self._texts.get(a.source) or _text_key(text_a)} {self._texts.get(b.source) or _text_key(text_b)}"
                 .encode())
        key = h.digest()
        stored = self._now.get(key) or self._known.get(key)
        if stored is not None:
            self.hits += 1
            self._now[key] = stored
            return _unpack(stored, a, b)
        pd = compare_pair(a, b, text_a, text_b)
        packed = _pack(pd)
        if packed is not None:
            self._now[key] = packed
        return pd

    def save(self) -> None:
        """Write the pairs this audit compared, then point each of its articles' index at them, then delete the
        earlier files no article's index names any more (the cache grows with the articles, not with the runs)."""
        if not self._now:
            return
        texts = sorted(set(self._texts.values()))
        name = hashlib.sha1(self._salt + "".join(texts).encode()).hexdigest()
        try:
            atomic_write(self.dir / f"{name}.pickle", pickle.dumps(
                {"format": FORMAT, "salt": self._salt, "texts": texts, "pairs": self._now}, protocol=5))
            for text_key in texts:
                if self._indexed(text_key) != name:
                    atomic_write(self.dir / "index" / text_key, name, durable=False)  # checked when read
            for old, written_for in sorted(self._earlier.items()):
                if old != name and all(self._indexed(t) != old for t in written_for):
                    (self.dir / f"{old}.pickle").unlink(missing_ok=True)
        except Exception:  # noqa: BLE001 - a cache that cannot be written costs speed, never the audit
            return

