"""A correct answer in another style: FISTA (Beck & Teboulle's accelerated ISTA) with the same step 1/L."""
import numpy as np


def ista(A, y, lam, n_iter=500):
    A = np.asarray(A, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    L = np.linalg.svd(A, compute_uv=False)[0] ** 2
    x = np.zeros(A.shape[1])
    if L == 0:
        return x
    v, t = x.copy(), 1.0
    for _ in range(n_iter):
        z = v - A.T @ (A @ v - y) / L
        x_new = np.sign(z) * np.maximum(np.abs(z) - lam / L, 0.0)
        t_new = (1 + np.sqrt(1 + 4 * t * t)) / 2
        v = x_new + (t - 1) / t_new * (x_new - x)
        x, t = x_new, t_new
    return x
