"""Catches: residual not re-orthogonalised (plain matching pursuit)."""
import numpy as np


def omp(A, y, n_nonzero):
    A = np.asarray(A, dtype=np.float64)
    r = np.asarray(y, dtype=np.float64).copy()
    x = np.zeros(A.shape[1])
    norms = np.sum(A * A, axis=0)
    for _ in range(n_nonzero):
        j = int(np.argmax(np.abs(A.T @ r)))
        step = A[:, j] @ r / norms[j]
        x[j] += step                    # only this atom's coefficient moves
        r -= step * A[:, j]             # residual orthogonal to a_j only, not to all chosen atoms
    return x
