"""A correct answer in another style: give every sample a fold label (np.repeat), shuffle the labels,
and read each fold off with flatnonzero; a generator of pairs turned into a list."""
import numpy as np


def _folds(labels, k):
    for fold in range(k):
        yield np.flatnonzero(labels != fold), np.flatnonzero(labels == fold)


def k_fold_indices(n_samples, k=5, shuffle=False, seed=None):
    if not 2 <= k <= n_samples:
        raise ValueError(f"need 2 <= k <= n_samples, got k={k}, n_samples={n_samples}")
    q, r = divmod(n_samples, k)
    labels = np.repeat(np.arange(k), [q + 1] * r + [q] * (k - r))    # 0,0,0,1,1,1,2,2,...
    if shuffle:
        labels = np.random.RandomState(seed).permutation(labels)
    return list(_folds(labels, k))
