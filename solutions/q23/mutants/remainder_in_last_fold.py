"""Catches: fold sizes not as KFold's when k does not divide n (the whole remainder goes to the last fold)."""
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
        stop = n_samples if i == k - 1 else (i + 1) * size
        val = order[i * size:stop]
        folds.append((np.setdiff1d(order, val), np.sort(val)))
    return folds
