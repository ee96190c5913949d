"""Catches: shuffle not reproducible (the seed argument is ignored)."""
import numpy as np


def _check(n_samples, k):
    if k < 2 or k > n_samples:
        raise ValueError("bad k")


def k_fold_indices(n_samples, k=5, shuffle=False, seed=None):
    _check(n_samples, k)
    order = np.random.permutation(n_samples) if shuffle else np.arange(n_samples)
    sizes = [n_samples // k + (1 if i < n_samples % k else 0) for i in range(k)]
    bounds = np.cumsum([0] + sizes)
    folds = []
    for i in range(k):
        val = np.sort(order[bounds[i]:bounds[i + 1]])
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds
