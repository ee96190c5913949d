"""Catches: step size above 1/L (here 1/||A||_2 instead of 1/||A||_2^2: the iteration diverges)."""
import numpy as np


def ista(A, y, lam, n_iter=500):
    A = np.asarray(A, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    step = 1.0 / np.linalg.norm(A, 2)          # should be 1 / ||A||_2 ** 2
    x = np.zeros(A.shape[1])
    for _ in range(n_iter):
        z = x - step * (A.T @ (A @ x - y))
        x = np.sign(z) * np.maximum(np.abs(z) - step * lam, 0.0)
    return x
