"""Exact nearest neighbours by cosine similarity and average-linkage clusters, with numpy alone (importing
scikit-learn for these cost a cold run over two seconds). Neighbours are found comparing rows in blocks, so memory
grows with ``block x len(base)``, never with its square.
"""

from __future__ import annotations

import numpy as np

#: Similarities held at once, in MB (float32), and at most this many query rows per block: memory stays linear in
#: the number of vectors searched (a block of a fixed number of rows), whatever the number of queries.
WORKING_MEMORY_MB = 16
BLOCK_ROWS = 64


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

    block = max(1, min(BLOCK_ROWS, (WORKING_MEMORY_MB << 20) // (4 * n)))
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
    """Clusters by average linkage (UPGMA) over a symmetric distance matrix, cut where the merge distance reaches
    ``threshold``: what scikit-learn's ``AgglomerativeClustering(linkage="average", distance_threshold=...)``
    gives, ties included. Merges are found by the nearest-neighbour chain (SciPy's ``nn_chain``, which
    scikit-learn runs): follow each cluster's nearest (the first in order, the chain's previous link on a tie)
    until two are each other's nearest, merge them (the lower slot into the higher), repeat. ``m - 1`` merges of
    an ``m x m`` matrix, a row at a time: for the few hundred articles of one linked group.

    Returns:
        Each cluster's indices in ascending order, the clusters by their first index.
    """
    m = len(dist)
    d = np.array(dist, dtype=np.float64)
    np.fill_diagonal(d, np.inf)
    size = np.ones(m)
    root = list(range(m))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    chain: list[int] = []
    for _ in range(m - 1):
        if not chain:
            chain.append(int(np.flatnonzero(size > 0)[0]))
        while True:
            x = chain[-1]
            row = d[x]
            y = int(np.argmin(row))  # the first nearest
            nearest_d = row[y]
            if len(chain) > 1 and not row[chain[-2]] > nearest_d:
                y, nearest_d = chain[-2], row[chain[-2]]  # a tie keeps the previous link
                break
            chain.append(y)
        chain = chain[:-2]
        x, y = min(x, y), max(x, y)
        if nearest_d < threshold:  # merges at or above the threshold are the cut
            root[find(x)] = find(y)
        # The merged cluster takes slot y; its distance to each other one is the mean over all pairs of members.
        nx, ny = size[x], size[y]
        merged = (nx * d[x] + ny * d[y]) / (nx + ny)
        size[x], size[y] = 0, nx + ny
        d[x, :] = d[:, x] = np.inf
        merged[x] = merged[y] = np.inf
        d[y, :] = d[:, y] = merged
    groups: dict[int, list[int]] = {}
    for i in range(m):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values())
