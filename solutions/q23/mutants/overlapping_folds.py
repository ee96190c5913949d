"""Catches: overlapping folds (windows of ceil(n / k) samples started every n // k samples)."""
import numpy as np


def _check(n_samples, k):
    if k < 2 or k > n_samples:
        raise ValueError("bad k")


def k_fold_indices(n_samples, k=5, shuffle=False, seed=None):
    _check(n_samples, k)
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    step, width = n_samples // k, -(-n_samples // k)
    folds = []
    for i in range(k):
        val = order[i * step:i * step + width]
        train = np.setdiff1d(order, val)
        folds.append((train, np.sort(val)))
    return folds
