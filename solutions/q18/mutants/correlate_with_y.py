"""Catches: atoms chosen by correlation with y instead of with the current residual (one-shot thresholding)."""
import numpy as np


def omp(A, y, n_nonzero):
    A = np.asarray(A, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    chosen = np.argsort(-np.abs(A.T @ y))[:n_nonzero]
    coef, *_ = np.linalg.lstsq(A[:, chosen], y, rcond=None)
    x = np.zeros(A.shape[1])
    x[chosen] = coef
    return x
