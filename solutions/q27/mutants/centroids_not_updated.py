"""Catches: centroids not updated — the k-means++ seeds are returned as centroids, the mean step never moves them."""
import numpy as np


def kmeans(X, k, n_iter=100, seed=0):
    X = np.asarray(X, dtype=np.float64)
    rng = np.random.default_rng(seed)
    C = [X[rng.integers(len(X))]]
    d2 = ((X - C[0]) ** 2).sum(1)
    for _ in range(1, k):
        i = rng.choice(len(X), p=d2 / d2.sum()) if d2.sum() > 0 else rng.integers(len(X))
        C.append(X[i])
        d2 = np.minimum(d2, ((X - X[i]) ** 2).sum(1))
    C = np.array(C)
    for _ in range(n_iter):
        labels = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
        new_C = C.copy()  # forgot to assign the means back
        for j in range(k):
            if (labels == j).any():
                X[labels == j].mean(0)
        C = new_C
    labels = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
    return C, labels
