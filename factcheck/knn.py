"""Exact nearest neighbours by cosine similarity and average-linkage clusters, with numpy alone (importing
scikit-learn for these cost a cold run over two seconds). Neighbours are found comparing rows in blocks, so memory
grows with ``block x len(base)``, never with its square.
"""

from __future__ import annotations

import numpy as np

#: Similarities held at once, in MB (float32): memory stays linear in the number of vectors.
WORKING_MEMORY_MB = 16


def nearest(queries: np.ndarray, base: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` rows of ``base`` most similar to each row of ``queries`` (unit vectors: similarity is the dot
    product), most similar first, equal similarities in the order of ``base``.

    Returns:
        ``(similarities, indices)``, each ``(len(queries), min(k, len(base)))``.
    """
    queries = np.asarray(queries, dtype=np.float32)
    base = np.asarray(base, dtype=np.float32)
    n, k = len(base), min(k, len(base))
    sims = np.zeros((len(queries), k), dtype=np.float32)
    idx = np.zeros((len(queries), k), dtype=np.int64)
    if k == 0 or len(queries) == 0:
        return sims, idx
    from threadpoolctl import threadpool_limits

    block = max(1, (WORKING_MEMORY_MB << 20) // (4 * n))
    with threadpool_limits(1, user_api="blas"):  # one thread: the same sums whatever the machine
        for start in range(0, len(queries), block):
            s = queries[start:start + block] @ base.T
            top = np.argpartition(-s, k - 1, axis=1)[:, :k] if k < n else np.tile(np.arange(n), (len(s), 1))
            top_sims = np.take_along_axis(s, top, axis=1)
            order = np.lexsort((top, -top_sims), axis=1)  # by similarity, then by index
            idx[start:start + block] = np.take_along_axis(top, order, axis=1)
            sims[start:start + block] = np.take_along_axis(top_sims, order, axis=1)
    return sims, idx


def average_linkage(dist: np.ndarray, threshold: float) -> list[list[int]]:
    """Clusters by average linkage (UPGMA) over a symmetric distance matrix: the two clusters whose members are
    closest on average merge, as long as that average is below ``threshold`` (scikit-learn's
    ``AgglomerativeClustering(linkage="average", distance_threshold=threshold)``). ``m`` merges of an ``m x m``
    matrix: for the few hundred articles of one linked group.

    Returns:
        Each cluster's indices in ascending order, the clusters by their first index.
    """
    m = len(dist)
    d = np.array(dist, dtype=np.float64)
    np.fill_diagonal(d, np.inf)
    size = np.ones(m)
    members = {i: [i] for i in range(m)}
    while len(members) > 1:
        a, b = divmod(int(np.argmin(d)), m)  # the first closest pair: the same merges for the same matrix
        if not d[a, b] < threshold:
            break
        a, b = min(a, b), max(a, b)
        # The distance of the merged cluster to each other one is the mean over all pairs of their members.
        row = (size[a] * d[a] + size[b] * d[b]) / (size[a] + size[b])
        d[a, :] = d[:, a] = row
        d[b, :] = d[:, b] = np.inf
        d[a, a] = np.inf
        size[a] += size[b]
        members[a] += members.pop(b)
    return sorted(sorted(v) for v in members.values())
