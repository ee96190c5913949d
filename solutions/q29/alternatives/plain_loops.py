"""A correct answer in another style: plain loops over features and candidate thresholds with boolean masks and collections.Counter."""
from collections import Counter

import numpy as np


def gini(y):
    y = list(np.asarray(y).tolist())
    if not y:
        return 0.0
    n = len(y)
    return 1.0 - sum((c / n) ** 2 for c in Counter(y).values())


def best_split(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    parent = gini(y)
    best_feature, best_threshold, best_gain = None, None, 0.0
    found = False
    for j in range(X.shape[1]):
        distinct = sorted(set(X[:, j].tolist()))
        for a, b in zip(distinct[:-1], distinct[1:]):
            t = (a + b) / 2.0
            mask = X[:, j] <= t
            n_left = int(mask.sum())
            weighted = (n_left * gini(y[mask]) + (n - n_left) * gini(y[~mask])) / n
            gain = parent - weighted
            if not found or gain > best_gain:
                best_feature, best_threshold, best_gain, found = j, t, gain, True
    return best_feature, best_threshold, best_gain
