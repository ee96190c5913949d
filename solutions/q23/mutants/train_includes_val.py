"""Catches: overlapping folds (the training indices still contain the validation fold)."""
import numpy as np


def _check(n_samples, k):
    if k < 2 or k > n_samples:
        raise ValueError("bad k")


def k_fold_indices(n_samples, k=5, shuffle=False, seed=None):
    _check(n_samples, k)
    order = np.random.default_rng(seed).permutation(n_samples) if shuffle else np.arange(n_samples)
    sizes = [n_samples // k + (1 if i < n_samples % k else 0) for i in range(k)]
    bounds = np.cumsum([0] + sizes)
    return [(np.arange(n_samples), np.sort(order[bounds[i]:bounds[i + 1]])) for i in range(k)]
