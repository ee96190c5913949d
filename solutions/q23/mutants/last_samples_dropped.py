"""Catches: last samples dropped when k does not divide n (every fold has n // k samples)."""
import numpy as np


def _check(n_samples, k):
    if k < 2 or k > n_samples:
        raise ValueError("bad k")


def k_fold_indices(n_samples, k=5, shuffle=False, seed=None):
    _check(n_samples, k)
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = n_samples // k
    folds = []
    for i in range(k):
        val = order[i * size:(i + 1) * size]
        train = np.setdiff1d(order, val)
        folds.append((train, np.sort(val)))
    return folds
