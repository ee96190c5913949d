"""Catches: NaN on an empty cluster — the mean of a cluster with no points is 0/0."""
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
    labels = ((X[:, None, :] - C[None]) ** 2).sum(-1).argmin(1)
    for _ in range(n_iter):
        with np.errstate(invalid="ignore", divide="ignore"):
            C = np.array([X[labels == j].mean(axis=0) if (labels == j).any() else np.full(X.shape[1], np.nan)
                          for j in range(k)])
        new = np.nan_to_num(((X[:, None, :] - C[None]) ** 2).sum(-1), nan=np.inf).argmin(1)
        if np.array_equal(new, labels):
            break
        labels = new
    return C, labels
