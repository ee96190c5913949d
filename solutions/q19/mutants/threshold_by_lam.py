"""Catches: soft-threshold by the wrong amount (lam instead of lam / L)."""
import numpy as np


def ista(A, y, lam, n_iter=500):
    A = np.asarray(A, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    L = np.linalg.norm(A, 2) ** 2
    x = np.zeros(A.shape[1])
    for _ in range(n_iter):
        z = x - (A.T @ (A @ x - y)) / L
        x = np.sign(z) * np.maximum(np.abs(z) - lam, 0.0)   # should be lam / L
    return x
