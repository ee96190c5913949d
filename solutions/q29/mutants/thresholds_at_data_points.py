"""Catches: thresholds at data points — the threshold is the last value that goes left, not the midpoint."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - ((counts / y.size) ** 2).sum())


def best_split(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = len(y)
    parent = gini(y)
    best = (None, None, 0.0)
    best_gain = -np.inf
    for j in range(X.shape[1]):
        for t in np.unique(X[:, j])[:-1]:
            left = X[:, j] <= t
            gain = parent - left.sum() / n * gini(y[left]) - (~left).sum() / n * gini(y[~left])
            if gain > best_gain:
                best, best_gain = (j, float(t), float(gain)), gain
    return best
