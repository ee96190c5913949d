"""A correct answer in another style: broadcasting distances, one-hot matrix products for the means, np.where for empties."""
import numpy as np


def _sqdist(X, C):
    diff = X[:, None, :] - C[None, :, :]
    return np.einsum("nkd,nkd->nk", diff, diff)


def kmeans(X, k, n_iter=100, seed=0):
    X = np.asarray(X, dtype=np.float64)
    gen = np.random.default_rng(seed)
    picks = [int(gen.integers(len(X)))]
    for _ in range(k - 1):
        d = _sqdist(X, X[picks]).min(axis=1)
        picks.append(int(gen.choice(len(X), p=d / d.sum())) if d.sum() > 0 else int(gen.integers(len(X))))
    C = X[picks].copy()
    labels = _sqdist(X, C).argmin(axis=1)
    for _ in range(n_iter):
        onehot = (labels[:, None] == np.arange(k)).astype(float)
        size = onehot.sum(axis=0)
        means = (onehot.T @ X) / np.maximum(size, 1.0)[:, None]
        C = np.where(size[:, None] > 0, means, C)
        new_labels = _sqdist(X, C).argmin(axis=1)
        if (new_labels == labels).all():
            break
        labels = new_labels
    return C, labels
