"""A correct answer in another style: the Gram matrix precomputed, L by power iteration, and the
soft threshold written as z - clip(z, -t, t)."""
import numpy as np


def _largest_eigenvalue(G, iters=1000):
    v = np.ones(G.shape[0]) / np.sqrt(G.shape[0])
    value = 0.0
    for _ in range(iters):
        w = G @ v
        new = float(np.linalg.norm(w))
        if new == 0.0:
            return 0.0
        v = w / new
        if abs(new - value) <= 1e-13 * new:
            break
        value = new
    return new


def ista(A, y, lam, n_iter=500):
    A = np.array(A, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    G, b = A.T @ A, A.T @ y                  # gradient of 0.5||Ax - y||^2 is G x - b
    L = _largest_eigenvalue(G) * (1 + 1e-9)  # a hair larger keeps the step safely <= 1/L
    x = np.zeros(A.shape[1])
    if L == 0.0:
        return x
    t = lam / L
    for _ in range(n_iter):
        z = x - (G @ x - b) / L
        x = z - np.clip(z, -t, t)
    return x
