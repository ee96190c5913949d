"""Catches: gain not weighted by child sizes — the children's Gini impurities are averaged 50/50."""
import numpy as np


def gini(y):
    y = np.asarray(y)
    if y.size == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    return float(1.0 - ((counts / y.size) ** 2).sum())


def best_split(X, y):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    parent = gini(y)
    best = (None, None, 0.0)
    best_gain = -np.inf
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2.0:
            left = X[:, j] <= t
            gain = parent - 0.5 * gini(y[left]) - 0.5 * gini(y[~left])
            if gain > best_gain:
                best, best_gain = (j, float(t), float(gain)), gain
    return best
