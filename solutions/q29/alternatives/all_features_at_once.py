"""A correct answer in another style: all features sorted at once, one 3-D cumulative count tensor, np.lexsort for the tie rule."""
import numpy as np


def gini(y):
    _, counts = np.unique(np.asarray(y), return_counts=True)
    total = counts.sum()
    return 0.0 if total == 0 else float(1.0 - np.square(counts / total).sum())


def best_split(X, y):
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    labels = np.unique(np.asarray(y), return_inverse=True)[1].ravel()
    k = labels.max() + 1
    order = np.argsort(X, axis=0, kind="mergesort")                    # (n, d)
    xs = np.take_along_axis(X, order, axis=0)                           # sorted columns
    onehot = np.eye(k)[labels[order]]                                   # (n, d, k)
    left = np.cumsum(onehot, axis=0)[:-1]                               # (n-1, d, k)
    right = onehot.sum(axis=0) - left
    nl = np.arange(1, n)[:, None]
    nr = n - nl
    impurity = (nl * (1 - ((left / nl[..., None]) ** 2).sum(-1)) + nr * (1 - ((right / nr[..., None]) ** 2).sum(-1))) / n
    gain = gini(y) - impurity                                           # (n-1, d)
    valid = xs[:-1] < xs[1:]
    if not valid.any():
        return None, None, 0.0
    pos, feat = np.nonzero(valid)
    g = gain[pos, feat]
    thr = (xs[pos, feat] + xs[pos + 1, feat]) / 2.0
    best_value = g.max()
    cand = np.nonzero(g == best_value)[0]
    pick = cand[np.lexsort((thr[cand], feat[cand]))[0]]                 # lowest feature, then lowest threshold
    return int(feat[pick]), float(thr[pick]), float(g[pick])
