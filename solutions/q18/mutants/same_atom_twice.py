"""Catches: same atom picked twice (the residual update lets a chosen atom win again; duplicates are not excluded)."""
import numpy as np


def omp(A, y, n_nonzero):
    A = np.asarray(A, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    r = y.copy()
    support = []
    for _ in range(n_nonzero):
        j = int(np.argmax(np.abs(A.T @ r)))
        support.append(j)                               # may append an index already chosen
        r = r - (A[:, j] @ r) / (A[:, j] @ A[:, j]) * A[:, j]
    chosen = sorted(set(support))
    coef, *_ = np.linalg.lstsq(A[:, chosen], y, rcond=None)
    x = np.zeros(A.shape[1])
    x[chosen] = coef
    return x
